//go:build docker

package dockertest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// staleAfter: a run older than this has ended (the suite takes minutes), so
// what it left behind (it was killed before its cleanup) may be removed.
const staleAfter = time.Hour

// stale tells whether a run id ("<unix start>-<pid>") is from an old run.
func stale(id string) bool {
	start, _, ok := strings.Cut(id, "-")
	sec, err := strconv.ParseInt(start, 10, 64)
	return ok && err == nil && time.Since(time.Unix(sec, 0)) > staleAfter
}

// sweepStale removes containers, volumes and image tags of runs that died
// before cleaning up. Runs still going (younger than staleAfter) are left alone.
func sweepStale(imageName string) {
	for _, line := range strings.Split(docker(nil, "ps", "-a", "--filter", "label="+runLabel,
		"--format", `{{.ID}} {{.Label "`+runLabel+`"}}`).stdout, "\n") {
		if id, run, ok := strings.Cut(line, " "); ok && stale(run) {
			docker(nil, "rm", "-f", id)
		}
	}
	for _, line := range strings.Split(docker(nil, "volume", "ls", "--filter", "label="+runLabel,
		"--format", `{{.Name}} {{.Label "`+runLabel+`"}}`).stdout, "\n") {
		if name, run, ok := strings.Cut(line, " "); ok && stale(run) {
			docker(nil, "volume", "rm", "-f", name)
		}
	}
	tagRun := regexp.MustCompile(`-test-(\d+-\d+)-`)
	for _, ref := range strings.Fields(docker(nil, "images", "--format", "{{.Repository}}:{{.Tag}}").stdout) {
		if !strings.HasPrefix(ref, imageName+":") && !strings.HasPrefix(ref, imageName+"-test-") {
			continue
		}
		if m := tagRun.FindStringSubmatch(ref); m != nil && stale(m[1]) {
			docker(nil, "rmi", "-f", ref)
		}
	}
}
