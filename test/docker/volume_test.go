//go:build docker

package dockertest

import (
	"testing"
)

// TestVolumes: a database written by one container is read by the next, on a
// bind-mounted host folder and on a named volume, each the supported way.
func TestVolumes(t *testing.T) {
	f := needImage(t)
	write := []string{"/data/app.db", "CREATE TABLE kv(k TEXT PRIMARY KEY, v); INSERT INTO kv VALUES ('answer', 42);"}
	read := []string{"/data/app.db", "SELECT v FROM kv WHERE k = 'answer'"}
	cases := []struct {
		name  string
		mount func(t *testing.T) []string // docker run flags for /data
	}{
		{"bind_folder_owned_by_image_user", func(t *testing.T) []string {
			return []string{"-v", ownedDir(t, 65534, 65534) + ":/data"}
		}},
		{"bind_folder_with_matching_user", func(t *testing.T) []string {
			// --user "$(id -u):$(id -g)" for a folder the caller owns.
			return []string{"-v", ownedDir(t, 1000, 1000) + ":/data", "--user", "1000:1000"}
		}},
		{"named_volume_initialised", func(t *testing.T) []string {
			vol := newVolume(t)
			initVolume(t, f, vol)
			return []string{"-v", vol + ":/data"}
		}},
		{"named_volume_mount_syntax", func(t *testing.T) []string {
			vol := newVolume(t)
			initVolume(t, f, vol)
			return []string{"--mount", "type=volume,src=" + vol + ",dst=/data"}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mount := c.mount(t)
			expectOK(t, f.run(t, ctr{flags: mount, args: write}), "")
			expectOK(t, f.run(t, ctr{flags: mount, args: read}), "42\n")
		})
	}
}
