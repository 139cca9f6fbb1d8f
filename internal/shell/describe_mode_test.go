package shell

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// TestDescribeMode runs a .mode command, then .mode, in a new batch
// session and compares what they print with the stock 3.53 shell's output
// for "stock-sqlite3 :memory: COMMAND .mode".
func TestDescribeMode(t *testing.T) {
	cases := []struct{ cmd, want string }{
		{".mode", ".mode list\n.mode list\n"},
		{".mode -v", ".mode list --align \"\" --border on --blob-quote auto --colsep \"|\" --escape auto --limits off --multiinsert 0 --null \"\" --quote off --rowsep \"\\n\" --sw 0 --tablename \"\" --textjsonb off --titles off --widths \"\" --wordwrap off\n.mode list\n"},
		{".mode tty", ".mode qbox --limits on --quote relaxed --sw auto --textjsonb on\n"},
		{".mode tty -v", ".mode qbox --align \"\" --border on --blob-quote auto --colsep \"\" --escape auto --limits on --multiinsert 3000 --null \"NULL\" --quote relaxed --rowsep \"\" --sw auto --tablename \"\" --textjsonb on --titles on --widths \"\" --wordwrap off\n.mode qbox --limits on --quote relaxed --sw auto --textjsonb on\n"},
		{".mode qbox", ".mode qbox\n"},
		{".mode csv --colsep :", ".mode csv --colsep \":\"\n"},
		{".mode insert t1 --multiinsert 100", ".mode insert --tablename \"t1\"\n"},
		{".mode box --border off --escape symbol", ".mode box --border off --escape symbol\n"},
		{".mode psql --border on", ".mode psql --border on\n"},
		{".mode line --limits 3,40,7 --sw 60", ".mode line --limits 3,40,7 --sw 60\n"},
		{".mode list --quote json --null x", ".mode list --null \"x\" --quote json\n"},
		{".mode table --titles json --widths 3,-4", ".mode table --titles json --widths 3,-4\n"},
		{".mode column --wrap 20 --ww", ".mode column --wrap 20 --ww\n"},
		{".mode split", ".mode split --sw auto\n"},
		{".mode markdown --align LCR --blob-quote hex --textjsonb off", ".mode markdown --align \"LCR\" --blob-quote hex --textjsonb off\n"},
		{".mode html --titles off", ".mode html --titles off\n"},
		{".mode json --titles on", ".mode json\n"},
		{".mode quote --quote off", ".mode quote --quote off\n"},
		{".mode tcl --charlimit 9", ".mode tcl --blob-quote tcl --limits 0,9,0\n"},
		{".mode box --reset", ".mode box\n"},
		{".mode c", ".mode c --blob-quote tcl\n"},
		{".mode ascii --rowsep ab", ".mode ascii --rowsep \"ab\"\n"},
		{".mode tabs --noquote", ".mode tabs --quote off\n"},
		{".mode count", ".mode count\n"},
		{".mode off", ".mode off\n"},
		{".mode jatom", ".mode jatom\n"},
		{".mode jobject", ".mode jobject\n"},
		{".mode box --sw 0 --limits off", ".mode box\n"},
	}
	for _, c := range cases {
		t.Run(c.cmd, func(t *testing.T) {
			var out bytes.Buffer
			s := newShell(context.Background(), strings.NewReader(""), &out, &out)
			for _, line := range []string{c.cmd, ".mode"} {
				s.dotLine = line
				if err := s.dotMode(sqltext.ParseDotArgs(line)); err != nil {
					t.Fatalf("%s: %v", line, err)
				}
			}
			if out.String() != c.want {
				t.Errorf("got %q, want %q", out.String(), c.want)
			}
		})
	}
}
