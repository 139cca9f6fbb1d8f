// Package shell is the sqlite3-compatible session: the command line, the
// settings that dot-commands change, the dot-command table and commands,
// running SQL and reporting its errors the stock 3.53 shell's way, reading
// scripts and the interactive loop (with the line editor and Tab's names
// when stdin and stdout are the terminal), and .output/.once redirects. It
// builds on sqltext, render, engine, transfer, term, lineedit and
// completion; only main imports it.
// Run is the entry point; its error says how the session ended (UsageError,
// QuitError, ReportedError, or an engine.InterruptError).
package shell
