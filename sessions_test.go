package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Golden session files: testdata/sessions/*.txt. Each is a list of
// sections, each starting with a line "-- NAME --":
//
//	-- args --        one command-line argument per line
//	-- stdin --       (optional) what is fed to stdin
//	-- file:PATH --   (optional, any number) a file created in the session's
//	                  folder first
//	-- stdout --      the golden stdout
//	-- stderr --      the golden stderr
//	-- status --      the golden exit status
//
// Lines before the first section are comments. Each session runs in a fresh
// temp folder as cwd. go test -run TestSessions -update rewrites the golden
// sections from what the shell does now (review the diff before committing).
var update = flag.Bool("update", false, "rewrite the golden sections of testdata/sessions/*.txt")

type section struct{ name, body string }

func parseSections(text string) (comment string, secs []section) {
	lines := strings.SplitAfter(text, "\n")
	cur := -1
	for _, l := range lines {
		t := strings.TrimSuffix(l, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			secs = append(secs, section{name: t[3 : len(t)-3]})
			cur = len(secs) - 1
			continue
		}
		if cur < 0 {
			comment += l
		} else {
			secs[cur].body += l
		}
	}
	return comment, secs
}

func TestSessions(t *testing.T) {
	files, err := filepath.Glob("testdata/sessions/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no session files (%v)", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			comment, secs := parseSections(string(data))
			var args []string
			var stdin string
			want := map[string]string{}
			dir := t.TempDir()
			for _, s := range secs {
				switch {
				case s.name == "args":
					args = strings.Split(strings.TrimSuffix(s.body, "\n"), "\n")
				case s.name == "stdin":
					stdin = s.body
				case strings.HasPrefix(s.name, "file:"):
					os.WriteFile(filepath.Join(dir, s.name[len("file:"):]), []byte(s.body), 0o644)
				default:
					want[s.name] = s.body
				}
			}
			t.Chdir(dir)
			r := runIt(t, context.Background(), stdin, args...)
			got := map[string]string{"stdout": r.stdout, "stderr": r.stderr, "status": strconv.Itoa(r.status) + "\n"}
			if *update {
				var b strings.Builder
				b.WriteString(comment)
				for _, s := range secs {
					if _, golden := got[s.name]; !golden {
						b.WriteString("-- " + s.name + " --\n" + s.body)
					}
				}
				for _, name := range []string{"stdout", "stderr", "status"} {
					b.WriteString("-- " + name + " --\n" + got[name])
				}
				if err := os.WriteFile(filepath.Join(origDir, file), []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"stdout", "stderr", "status"} {
				if w, ok := want[name]; !ok {
					t.Errorf("no %s section (run with -update)", name)
				} else if got[name] != w {
					t.Errorf("%s differs\n--- got ---\n%s--- want ---\n%s", name, got[name], w)
				}
			}
		})
	}
}

// origDir is the package folder (tests chdir away from it).
var origDir, _ = os.Getwd()
