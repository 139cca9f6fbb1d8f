// Package sqltext holds pure functions on the text of statements and
// commands: whether the input read so far ends an SQL statement (a port of
// SQLite's sqlite3_complete), and how a dot-command line splits into its
// arguments, as the stock sqlite3 shell does both. It knows nothing of
// databases or output.
package sqltext
