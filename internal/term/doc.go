// Package term is the shell's side of a terminal: whether a stream is a
// terminal, the stock shell's prompts, and what Ctrl-C does in interactive
// mode (interrupt the running statement, else drop the line being typed).
package term
