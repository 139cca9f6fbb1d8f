package shell

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// The small dot-commands: settings (.bail .echo .timeout), .print, .quit,
// .exit, .help, and the output settings, which S2's dot_output.go
// implements (.mode .headers .separator .nullvalue).

func dotBail(s *shell, args []string) error {
	if len(args) != 2 {
		return dotUsage(".bail on|off")
	}
	s.bail = s.booleanValue(args[1])
	return nil
}

func dotEcho(s *shell, args []string) error {
	if len(args) != 2 {
		return dotUsage(".echo on|off")
	}
	s.echo = s.booleanValue(args[1])
	return nil
}

// dotTimeout is .timeout MS: how long a statement waits for a locked
// database. Without an argument it is 0 (fail at once), as in the stock
// shell. s.busyTimeout keeps the value for the next .open.
func dotTimeout(s *shell, args []string) error {
	var ms int64
	if len(args) >= 2 {
		ms = integerValue(args[1])
	}
	if ms < 0 {
		ms = 0
	}
	d := time.Duration(ms) * time.Millisecond
	if err := s.guard(func() error { return s.db.BusyTimeout(d) }); err != nil {
		return err
	}
	s.busyTimeout = d
	return nil
}

func dotPrint(s *shell, args []string) error {
	_, err := fmt.Fprintln(s.out, strings.Join(args[1:], " "))
	return err
}

func dotQuit(s *shell, args []string) error { return errQuit }

// dotExit is .exit ?CODE?. Without a code (or with 0) it is .quit. With
// another code the stock shell exits at once with that status; so do we:
// the session ends, what was written is flushed, the database closed (which
// rolls back an open transaction) and main exits with CODE.
func dotExit(s *shell, args []string) error {
	code := 0
	if len(args) > 1 {
		code = int(int32(integerValue(args[1])))
	}
	return QuitError{code}
}

func dotModeCmd(s *shell, args []string) error      { return s.dotMode(args) }
func dotHeadersCmd(s *shell, args []string) error   { return s.dotHeaders(args) }
func dotSeparatorCmd(s *shell, args []string) error { return s.dotSeparator(args) }
func dotNullvalueCmd(s *shell, args []string) error { return s.dotNullvalue(args) }

// booleanValue reads on/off arguments as the stock shell does: an integer
// (decimal, or hex after 0x) is true when not zero; on/yes and off/no in
// any case; anything else is false, with a warning.
func (s *shell) booleanValue(arg string) bool {
	i := 0
	if strings.HasPrefix(arg, "0x") {
		for i = 2; i < len(arg) && sqltext.HexDigit(arg[i]) >= 0; i++ {
		}
	} else {
		for i < len(arg) && arg[i] >= '0' && arg[i] <= '9' {
			i++
		}
	}
	if i > 0 && i == len(arg) {
		return int32(integerValue(arg)) != 0
	}
	switch strings.ToLower(arg) {
	case "on", "yes":
		return true
	case "off", "no":
		return false
	}
	fmt.Fprintf(s.stderr, "ERROR: Not a boolean value: \"%s\". Assuming \"no\".\n", arg)
	return false
}

// integerValue reads a number the way the stock shell's integerValue does:
// an optional sign, decimal digits or 0x and hex digits, and an optional
// size suffix (KiB, MiB, GiB, KB, MB, GB, K, M, G). What does not parse
// counts as 0; the value saturates instead of overflowing.
func integerValue(arg string) int64 {
	z := arg
	neg := false
	if strings.HasPrefix(z, "-") {
		neg, z = true, z[1:]
	} else if strings.HasPrefix(z, "+") {
		z = z[1:]
	}
	var v uint64
	const max = 1<<63 - 1
	if strings.HasPrefix(z, "0x") {
		z = z[2:]
		for len(z) > 0 && sqltext.HexDigit(z[0]) >= 0 {
			v = v<<4 + uint64(sqltext.HexDigit(z[0]))
			z = z[1:]
		}
	} else {
		for len(z) > 0 && z[0] >= '0' && z[0] <= '9' {
			if v < max {
				v = v*10 + uint64(z[0]-'0')
			}
			z = z[1:]
		}
	}
	for _, m := range []struct {
		suffix string
		mult   uint64
	}{
		{"KiB", 1024}, {"MiB", 1024 * 1024}, {"GiB", 1024 * 1024 * 1024},
		{"KB", 1000}, {"MB", 1000000}, {"GB", 1000000000},
		{"K", 1000}, {"M", 1000000}, {"G", 1000000000},
	} {
		if strings.EqualFold(z, m.suffix) {
			v *= m.mult
			break
		}
	}
	if v > max {
		v = max
	}
	if neg {
		return -int64(v)
	}
	return int64(v)
}

// atoiOr is strconv.Atoi with a default, for option values.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}
