// Command alternate times commands against each other: round after round it
// runs every contender once, in turn, so drift on the machine (other load,
// CPU frequency, page cache) hits them all alike. It reports the median wall
// time, the median CPU time (user + system) and the median peak RSS (VmHWM,
// see peakrss.go) of each, with the ratios to the first contender, and fails
// when the contenders' outputs differ or one of them exits non-zero.
//
//	alternate [-rounds N] [-warmup N] [-stdin FILE] [-fresh DB] [-out TSV] \
//	    -- NAME CMD ARGS... --- NAME CMD ARGS... [--- ...]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

type contender struct {
	name string
	argv []string
	wall []time.Duration
	cpu  []time.Duration // user + system time of the child
	rss  []int64         // KiB
	out  []byte          // stdout of the first run
}

func main() {
	rounds := flag.Int("rounds", 10, "timed runs of each contender")
	warmup := flag.Int("warmup", 1, "untimed runs of each contender first")
	stdin := flag.String("stdin", "", "file fed to every run's stdin")
	fresh := flag.String("fresh", "", "database removed (with -wal, -shm, -journal) before every run")
	out := flag.String("out", "", "append results here as TSV: name, median ms, min ms, max ms, median peak RSS KiB, ratio, median CPU ms, CPU ratio")
	flag.Parse()
	cs, err := parse(flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "alternate:", err)
		os.Exit(2)
	}
	if err := measure(cs, *rounds, *warmup, *stdin, *fresh); err != nil {
		fmt.Fprintln(os.Stderr, "alternate:", err)
		os.Exit(1)
	}
	if err := report(cs, *out); err != nil {
		fmt.Fprintln(os.Stderr, "alternate:", err)
		os.Exit(1)
	}
}

// parse splits "NAME CMD ARGS... --- NAME CMD ARGS..." into contenders.
func parse(args []string) ([]*contender, error) {
	var cs []*contender
	for len(args) > 0 {
		i := slices.Index(args, "---")
		if i < 0 {
			i = len(args)
		}
		if i < 2 {
			return nil, fmt.Errorf("each contender needs NAME and CMD")
		}
		cs = append(cs, &contender{name: args[0], argv: args[1:i]})
		args = args[min(i+1, len(args)):]
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("no contenders")
	}
	return cs, nil
}

func measure(cs []*contender, rounds, warmup int, stdin, fresh string) error {
	for r := -warmup; r < rounds; r++ {
		for _, c := range cs {
			wall, cpu, out, err := runOnce(c.argv, stdin, fresh)
			if err != nil {
				return fmt.Errorf("%s: %v", c.name, err)
			}
			if c.out == nil {
				c.out = out
			}
			if r >= 0 {
				c.wall = append(c.wall, wall)
				c.cpu = append(c.cpu, cpu)
			}
		}
	}
	// Peak memory, in runs of their own: ptrace slows a program down.
	for range min(rounds, 3) {
		for _, c := range cs {
			rss, err := peakRSS(c.argv, stdin, fresh)
			if err != nil {
				return fmt.Errorf("%s (peak RSS run): %v", c.name, err)
			}
			c.rss = append(c.rss, rss)
		}
	}
	for _, c := range cs[1:] {
		if !bytes.Equal(c.out, cs[0].out) {
			return fmt.Errorf("%s printed something else than %s:\n%s", c.name, cs[0].name, firstDiff(cs[0].out, c.out))
		}
	}
	return nil
}

func runOnce(argv []string, stdin, fresh string) (wall, cpu time.Duration, out []byte, err error) {
	if err := removeDB(fresh); err != nil {
		return 0, 0, nil, err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if stdin != "" {
		f, err := os.Open(stdin)
		if err != nil {
			return 0, 0, nil, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	if stderr.Len() > 0 {
		return 0, 0, nil, fmt.Errorf("wrote to stderr: %s", strings.TrimSpace(stderr.String()))
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return wall, cpu, stdout.Bytes(), nil
}

// removeDB deletes the database path and its side files, if path is set.
func removeDB(path string) error {
	if path == "" {
		return nil
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

func lookPath(name string) (string, error) { return exec.LookPath(name) }

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: %q\n   vs: %q", i+1, x, y)
		}
	}
	return "(same lines, different bytes)"
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func report(cs []*contender, out string) error {
	var tsv bytes.Buffer
	base, baseCPU := median(cs[0].wall), median(cs[0].cpu)
	fmt.Printf("  %-22s %10s %10s %10s %8s %10s %8s %12s\n", "", "median ms", "min ms", "max ms", "ratio", "CPU ms", "ratio", "peak RSS KiB")
	for _, c := range cs {
		med, cpu := median(c.wall), median(c.cpu)
		ratio, cpuRatio := float64(med)/float64(base), float64(cpu)/float64(baseCPU)
		fmt.Printf("  %-22s %10.2f %10.2f %10.2f %7.2fx %10.2f %7.2fx %12d\n", c.name, ms(med), ms(slices.Min(c.wall)), ms(slices.Max(c.wall)), ratio, ms(cpu), cpuRatio, median(c.rss))
		fmt.Fprintf(&tsv, "%s\t%.3f\t%.3f\t%.3f\t%d\t%.3f\t%.3f\t%.3f\n", c.name, ms(med), ms(slices.Min(c.wall)), ms(slices.Max(c.wall)), median(c.rss), ratio, ms(cpu), cpuRatio)
	}
	if out == "" {
		return nil
	}
	f, err := os.OpenFile(out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(tsv.Bytes()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
