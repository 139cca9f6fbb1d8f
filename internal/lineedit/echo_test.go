package lineedit

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The program the pty tests drive: the test binary re-executed with
// echoEnv set. It reads lines with an Editor and shows each one quoted
// (ASCII only, so that bytes can be checked), "interrupt" for Ctrl-C and
// "eof" for Ctrl-D; "quit" closes the editor and exits 0; SIGTERM
// restores the terminal and exits 143, as the shell does. "direct" reads
// what is typed next from fd 0 itself, as a child run between prompts
// would: it must still be there. "readers" waits for liner's reader
// goroutines to end (none should outlive a prompt) and shows how many are left.

const echoEnv = "LINEEDIT_TEST_ECHO"

func TestMain(m *testing.M) {
	if os.Getenv(echoEnv) != "" {
		os.Exit(echoMain())
	}
	os.Exit(m.Run())
}

// echoKeywords are what Tab completes in the echo program.
var echoKeywords = []string{"SELECT", "SAVEPOINT", "DELETE"}

func echoComplete(line string, pos int) (string, []string, string) {
	start := strings.LastIndexAny(line[:pos], " (") + 1
	word := strings.ToUpper(line[start:pos])
	if word == "BOOM" { // a bug of ours: a runtime error in the completer
		_ = echoKeywords[len(word)]
	}
	var out []string
	for _, k := range echoKeywords {
		if word != "" && strings.HasPrefix(k, word) {
			out = append(out, k)
		}
	}
	return line[:start], out, line[pos:]
}

func echoMain() int {
	ed, err := New(os.Stdin, os.Stdout, Options{HistoryFile: os.Getenv("SQLITE_HISTORY"), Complete: echoComplete})
	if err != nil {
		fmt.Println("New:", err)
		return 2
	}
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	go func() {
		<-term
		ed.Restore()
		os.Exit(143)
	}()
	prompt := "edit> "
	for {
		line, err := ed.ReadLine(prompt)
		switch {
		case errors.Is(err, ErrInterrupt):
			fmt.Println("interrupt")
			continue
		case err == io.EOF:
			fmt.Println("eof")
			if err := ed.Close(); err != nil {
				fmt.Println("history:", err)
			}
			return 0
		case err != nil:
			fmt.Println("error:", err)
			ed.Close()
			return 1
		}
		ed.AddHistory(line)
		fmt.Printf("got %d %+q\n", len(line), line)
		if line == "quit" {
			ed.Close()
			return 0
		}
		if line == "direct" {
			fmt.Println(readDirect())
		}
		if line == "readers" {
			fmt.Println("readers", linerReaders())
		}
		// A line ending in a backslash continues, to show a second prompt.
		prompt = "edit> "
		if strings.HasSuffix(line, `\`) {
			prompt = " ...> "
		}
	}
}

// readDirect waits for a line ending in \r to be queued on the terminal
// (the test types it after "reading") and reads it from fd 0.
func readDirect() string {
	fmt.Println("reading")
	for deadline := time.Now().Add(waitLimit / 2); ; time.Sleep(5 * time.Millisecond) {
		if n := inputQueued(0); n > 0 {
			b := make([]byte, n)
			n, _ := unix.Read(0, b)
			if strings.HasSuffix(string(b[:n]), "\r") {
				return fmt.Sprintf("direct %+q", b[:n])
			}
			return fmt.Sprintf("direct partial %+q", b[:n])
		}
		if time.Now().After(deadline) {
			return "direct: nothing came (someone else read it)"
		}
	}
}

// linerReaders waits a while for the reader goroutines of liner's prompts
// to end and returns how many are left.
func linerReaders() int {
	buf := make([]byte, 1<<20)
	for deadline := time.Now().Add(waitLimit / 2); ; time.Sleep(5 * time.Millisecond) {
		n := strings.Count(string(buf[:runtime.Stack(buf, true)]), "created by github.com/peterh/liner.(*State).restartPrompt")
		if n == 0 || time.Now().After(deadline) {
			return n
		}
	}
}
