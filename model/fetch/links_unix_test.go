//go:build unix

package fetch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A link or a pipe already under the article's name is neither read (a
// pipe would hang) nor written through: the article takes the next name.
func TestSaveNeverReadsOrWritesThroughALinkOrAPipe(t *testing.T) {
	for _, kind := range []string{"symlink", "fifo"} {
		t.Run(kind, func(t *testing.T) {
			srv := serve(t, html(page))
			dir := t.TempDir()
			name := filepath.Join(dir, "127-0-0-1-lighthouse-keeper-retires-after-forty-years.md")
			outside := filepath.Join(t.TempDir(), "target.md")
			switch kind {
			case "symlink":
				if err := os.Symlink(outside, name); err != nil {
					t.Fatal(err)
				}
			case "fifo":
				if err := syscall.Mkfifo(name, 0o644); err != nil {
					t.Skip("no FIFOs here:", err)
				}
			}
			done := make(chan error, 1)
			var path string
			go func() {
				var err error
				path, err = Save(context.Background(), srv.URL+"/a", dir, now)
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Save hung on what stands under the article's name")
			}
			if !strings.HasSuffix(path, "-2.md") {
				t.Errorf("saved to %s, want the next free name", path)
			}
			if _, err := os.Lstat(outside); !os.IsNotExist(err) {
				t.Errorf("the link's target was created: %v", err)
			}
		})
	}
}
