//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The empty root again, now on a read-only file system (docker run
// --read-only): the root and, in one case, the volume are read-only bind
// mounts in a private mount namespace, so writes fail with EROFS whatever
// the permissions say. unshare, mount and chroot (util-linux, coreutils) set
// it up; a shell script glues them, and exec keeps the binary's pid.

// roRootScript: $1 root, $2 volume source ("" for none), $3 "ro" or "rw"
// for the volume, then the binary's arguments. The binary runs as uid
// 65534 with an empty environment.
const roRootScript = `set -e
root=$1 vol=$2 volmode=$3; shift 3
mount --bind "$root" "$root"
mount -o remount,bind,ro "$root"
if [ -n "$vol" ]; then
	mount --bind "$vol" "$root/data"
	if [ "$volmode" = ro ]; then mount -o remount,bind,ro "$root/data"; fi
fi
exec env -i "$CHROOT" --userspec=65534:65534 "$root" /hello-sqlite "$@"
`

// roRootCmd returns the command running /hello-sqlite args in a read-only
// empty root, with vol (if not "") mounted on /data, read-only when volRO.
func roRootCmd(t testing.TB, vol string, volRO bool, args ...string) *exec.Cmd {
	t.Helper()
	needRoot(t)
	paths := map[string]string{}
	for _, tool := range []string{"unshare", "mount", "chroot", "env", "sh"} {
		p, err := exec.LookPath(tool)
		need(t, err == nil, tool+" (util-linux, coreutils)")
		paths[tool] = p
	}
	root := emptyRoot(t, rootDir{"/data", false})
	mode := map[bool]string{true: "ro", false: "rw"}[volRO]
	cmd := exec.Command(paths["unshare"], append([]string{"--mount", "--net", "--", paths["sh"], "-c", roRootScript, "sh", root, vol, mode}, args...)...)
	cmd.Env = []string{"CHROOT=" + paths["chroot"], "PATH=/usr/sbin:/usr/bin:/sbin:/bin"}
	return cmd
}

// volume returns a folder owned by uid 65534, to mount on /data.
func volume(t testing.TB) string {
	t.Helper()
	dir := publicDir(t)
	chownNobody(t, dir)
	return dir
}

func TestReadOnlyRootDemo(t *testing.T) {
	r := runCmd(t, roRootCmd(t, "", false), "")
	if r.code != 0 || r.stdout != "55\n" || r.stderr != "" {
		t.Fatalf("demo on a read-only root: status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestReadOnlyRootTempFiles(t *testing.T) {
	const rows = 100000
	t.Run("memory database", func(t *testing.T) {
		t.Parallel()
		checkTempWork(t, runCmd(t, roRootCmd(t, "", false, ":memory:"), tempWork(rows)), rows)
	})
	t.Run("writable volume", func(t *testing.T) {
		t.Parallel()
		vol := volume(t)
		checkTempWork(t, runCmd(t, roRootCmd(t, vol, false, "/data/t.db"), tempWork(rows)), rows)
		if names := dirNames(t, vol); strings.Join(names, " ") != "t.db" {
			t.Errorf("files left on the volume: %q", names)
		}
	})
}

// A database on a read-only volume whose file permissions allow writing:
// only the file system says no (EROFS). Reads needing temp space work,
// writes fail cleanly, the file is untouched.
func TestReadOnlyRootReadOnlyVolume(t *testing.T) {
	vol := volume(t)
	db := filepath.Join(vol, "t.db")
	const rows = 100000
	makeRows := fmt.Sprintf(`CREATE TABLE t(id INTEGER PRIMARY KEY, b TEXT);
INSERT INTO t(b) SELECT hex(randomblob(16)) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < %d) SELECT x FROM c)`, rows)
	if r := hello(t, "", "", db, makeRows); r.code != 0 {
		t.Fatalf("setup: %d %s", r.code, r.stderr)
	}
	chownNobody(t, db)
	before := fileSum(t, db)

	r := runCmd(t, roRootCmd(t, vol, true, "/data/t.db"), `CREATE TEMP TABLE x AS SELECT * FROM t;
SELECT count(*) FROM x;
SELECT count(*) FROM (SELECT b, lag(b) OVER (ORDER BY substr(b, 3)) AS p FROM t) WHERE substr(p, 3) > substr(b, 3);
`)
	assertCleanStderr(t, r.stderr)
	if r.code != 0 || r.stdout != fmt.Sprintf("%d\n0\n", rows) {
		t.Fatalf("reading a read-only volume: status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	w := runCmd(t, roRootCmd(t, vol, true, "/data/t.db", "INSERT INTO t(b) VALUES ('x')"), "")
	wantFailure(t, w, 1, "readonly database")
	if after := fileSum(t, db); after != before {
		t.Errorf("the database on the read-only volume changed")
	}
	if names := dirNames(t, vol); strings.Join(names, " ") != "t.db" {
		t.Errorf("files left on the volume: %q", names)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}
