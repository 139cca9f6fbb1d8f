package shell

import (
	"io"

	"github.com/ncruces/go-sqlite3"
)

// dotExtras holds the settings of the dot-commands ported from the stock
// shell that are not output-mode settings; each command's file says more.
type dotExtras struct {
	explainOff bool    // .explain off: EXPLAIN output in the current mode
	eqp        int     // .eqp: eqpOff, eqpOn, eqpTrigger, eqpFull
	stats      int     // .stats: statsOff, statsOn, statsStmt, statsVMStep
	timer      int     // .timer: timerOff, timerOnce, timerOn
	prevTimer  float64 // seconds the last timed line took ($TIMER)
	changes    bool

	running     *sqlite3.Stmt // the statement runSQL is running
	runningText string        // its text (see statementText)

	traceOut    io.Writer // .trace destination, nil when off
	traceClose  func()    // closes a .trace file
	traceMask   int       // the events traced (sqlite3.TraceEvent)
	traceSource int       // traceSQL or traceExpanded

	logOut   io.Writer // .log destination, nil when off
	logClose func()

	mainPrompt, contPrompt string // .prompt
	setMain, setCont       bool   // whether .prompt set them
}
