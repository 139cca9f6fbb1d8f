//go:build docker

package dockertest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestInteractiveTTY: docker run -it on the one-file image, the docker CLI
// on the slave side of a pseudo-terminal as a person's terminal would be,
// keystrokes typed on the master. Docker's own terminal for the container
// has no IUTF8, which is where Backspace used to remove one byte of a
// character (issue 12). Checked: Up recalls the last line, Backspace over
// a multi-byte character removes it whole, Ctrl-C at the prompt drops the
// line, a bracketed paste is inserted as it is (its Tab is text, not
// completion), Ctrl-D ends the session with status 0.
func TestInteractiveTTY(t *testing.T) {
	f := needImage(t)
	p := openTTY(t)
	name := uniqueName("ctr")
	args := append([]string{"run", "-it", "--name", name, "--label", runLabel + "=" + runID}, hardened...)
	args = append(args, f.loaded, ":memory:")
	cmd := exec.Command("docker", args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = p.slave, p.slave, p.slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		docker(nil, "rm", "-f", name)
		cmd.Process.Kill()
		<-exited
	})

	const prompt = "sqlite> "
	p.expect(t, prompt)
	p.send("SELECT 'fi' || 'rst';\r")
	p.expect(t, "first")
	p.expect(t, prompt)
	p.send("\x1b[A\r") // Up, Enter: the same statement again
	p.expect(t, "first")
	p.expect(t, prompt)
	p.send("SELECT hex('あい\x7fう');\r")
	p.expect(t, "E38182E38186")
	p.expect(t, prompt)
	p.send("SELECT 'dropped\x03")
	p.expect(t, prompt)
	p.send("SELECT 6 * 7;\r") // had 'dropped stayed, this would be inside a string
	p.expect(t, "42")
	p.expect(t, prompt)
	if !strings.Contains(p.text(), "\x1b[?2004h"+prompt) {
		t.Errorf("bracketed paste not turned on at the prompt:\n%q", p.text())
	}
	p.send("\x1b[200~SELECT hex('a\tb');\x1b[201~\r") // a paste, then Enter
	p.expect(t, "610962")
	p.expect(t, prompt)
	p.send("\x04")
	select {
	case err := <-exited:
		exited <- err
		if err != nil {
			t.Errorf("docker run -it after Ctrl-D: %v\n%s", err, p.text())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("Ctrl-D did not end the container:\n%q", p.text())
	}
}

// TestInteractiveTTYDockerStop: docker stop while the line editor waits at
// the prompt (the terminal in raw mode): the program ends on SIGTERM with
// status 143 well before docker's 10 s grace runs out.
func TestInteractiveTTYDockerStop(t *testing.T) {
	f := needImage(t)
	p := openTTY(t)
	name := uniqueName("ctr")
	args := append([]string{"run", "-it", "--name", name, "--label", runLabel + "=" + runID}, hardened...)
	args = append(args, f.loaded, ":memory:")
	cmd := exec.Command("docker", args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = p.slave, p.slave, p.slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		docker(nil, "rm", "-f", name)
		cmd.Process.Kill()
		<-exited
	})
	p.expect(t, "sqlite> ")
	p.send("SELECT 'typing")
	p.expect(t, "typing")
	start := time.Now()
	mustDocker(t, "stop", name)
	took := time.Since(start)
	if code := mustDocker(t, "inspect", "-f", "{{.State.ExitCode}}", name); code != "143" {
		t.Errorf("exit status %s after docker stop at the prompt, want 143\n%q", code, p.text())
	}
	t.Logf("docker stop at the prompt took %v", took.Round(time.Millisecond))
	if took > 5*time.Second {
		t.Errorf("docker stop took %v: SIGTERM did not end the program (killed after the grace period?)", took)
	}
}

// tty is the master side of a pseudo-terminal of 80x24 and what it showed.
type tty struct {
	master, slave *os.File
	mu            sync.Mutex
	out           strings.Builder
	seen          int
}

func openTTY(t *testing.T) *tty {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminals: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	p := &tty{master: master, slave: slave}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { master.Close(); slave.Close() })
	return p
}

func (p *tty) text() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

func (p *tty) send(keys string) { p.master.WriteString(keys) }

// expect waits until the terminal shows want after what the last expect
// matched (the container's start-up included: up to a minute).
func (p *tty) expect(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		p.mu.Lock()
		s := p.out.String()
		i := strings.Index(s[p.seen:], want)
		if i >= 0 {
			p.seen += i + len(want)
		}
		p.mu.Unlock()
		if i >= 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; after the last match:\n%q", want, s[p.seen:])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
