package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchReportsWritesAndDeletes: writing the file and deleting it are
// both changes; a file beside it is not.
func TestWatchReportsWritesAndDeletes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(path, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	changes, stop, err := Watch(path)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	expect := func(what string, do func() error) {
		t.Helper()
		// What an earlier step left pending must not pass for this one.
		time.Sleep(100 * time.Millisecond)
		select {
		case <-changes:
		default:
		}
		if err := do(); err != nil {
			t.Fatal(err)
		}
		select {
		case <-changes:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s was not reported", what)
		}
	}
	expect("a write", func() error { return os.WriteFile(path, []byte("two"), 0o644) })
	expect("a delete", func() error { return os.Remove(path) })
	if err := os.WriteFile(filepath.Join(dir, "other.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changes:
		t.Error("a file beside the article was reported as a change")
	case <-time.After(200 * time.Millisecond):
	}
}
