//go:build docker

package dockertest

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hello-sqlite/hello-sqlite/internal/ptytest"
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
	p, pr, _ := runTTY(t)

	const prompt = "sqlite> "
	p.Expect(t, prompt)
	p.Send(t, "SELECT 'fi' || 'rst';\r")
	p.Expect(t, "first")
	p.Expect(t, prompt)
	p.Send(t, "\x1b[A\r") // Up, Enter: the same statement again
	p.Expect(t, "first")
	p.Expect(t, prompt)
	p.Send(t, "SELECT hex('あい\x7fう');\r")
	p.Expect(t, "E38182E38186")
	p.Expect(t, prompt)
	p.Send(t, "SELECT 'dropped\x03")
	p.Expect(t, prompt)
	p.Send(t, "SELECT 6 * 7;\r") // had 'dropped stayed, this would be inside a string
	p.Expect(t, "42")
	p.Expect(t, prompt)
	if !strings.Contains(p.Text(), "\x1b[?2004h"+prompt) {
		t.Errorf("bracketed paste not turned on at the prompt:\n%q", p.Text())
	}
	p.Send(t, "\x1b[200~SELECT hex('a\tb');\x1b[201~\r") // a paste, then Enter
	p.Expect(t, "610962")
	p.Expect(t, prompt)
	p.Send(t, "\x04")
	exited, err := pr.Wait(30 * time.Second)
	if !exited {
		t.Fatalf("Ctrl-D did not end the container:\n%q", p.Text())
	}
	if err != nil {
		t.Errorf("docker run -it after Ctrl-D: %v\n%s", err, p.Text())
	}
}

// TestInteractiveTTYDockerStop: docker stop while the line editor waits at
// the prompt (the terminal in raw mode): the program ends on SIGTERM with
// status 143 well before docker's 10 s grace runs out.
func TestInteractiveTTYDockerStop(t *testing.T) {
	p, _, name := runTTY(t)
	p.Expect(t, "sqlite> ")
	p.Send(t, "SELECT 'typing")
	p.Expect(t, "typing")
	start := time.Now()
	mustDocker(t, "stop", name)
	took := time.Since(start)
	if code := mustDocker(t, "inspect", "-f", "{{.State.ExitCode}}", name); code != "143" {
		t.Errorf("exit status %s after docker stop at the prompt, want 143\n%q", code, p.Text())
	}
	t.Logf("docker stop at the prompt took %v", took.Round(time.Millisecond))
	if took > 5*time.Second {
		t.Errorf("docker stop took %v: SIGTERM did not end the program (killed after the grace period?)", took)
	}
}

// runTTY runs docker run -it of the image on a new pseudo-terminal of
// 80x24 and returns the test's side, whose waits take up to a minute (the
// container's start-up included), docker's process and the container's
// name; the container is removed when the test ends.
func runTTY(t *testing.T) (*ptytest.Term, *ptytest.Proc, string) {
	t.Helper()
	f := needImage(t)
	p, slave := ptytest.New(t, 80, 24, time.Minute)
	name := uniqueName("ctr")
	args := append([]string{"run", "-it", "--name", name, "--label", runLabel + "=" + runID}, hardened...)
	args = append(args, f.loaded, ":memory:")
	pr := ptytest.Start(t, exec.Command("docker", args...), slave)
	t.Cleanup(func() { docker(nil, "rm", "-f", name) })
	return p, pr, name
}
