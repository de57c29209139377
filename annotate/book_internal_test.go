package annotate

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestUnwritableErrorMessage(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/home/u/.local/share")
	err := (&Book{}).writeErrorFor("/srv/articles/a.txt.notes.jsonl", &fs.PathError{Op: "open", Path: "/srv/articles/a.txt.notes.jsonl", Err: syscall.EACCES})
	want := "cannot write notes to /srv/articles/a.txt.notes.jsonl (permission denied); to keep them in /home/u/.local/share/margin/notes instead, pass --notes-dir /home/u/.local/share/margin/notes or set MARGIN_NOTES_DIR"
	if err.Error() != want {
		t.Fatalf("got  %s\nwant %s", err, want)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Fatal("more than one line")
	}
	// The sidecar's own errors name the path before the reason; the
	// message names it once all the same.
	wrapped := fmt.Errorf("lock /srv/articles/a.txt.notes.jsonl: %w", syscall.EACCES)
	if err := (&Book{}).writeErrorFor("/srv/articles/a.txt.notes.jsonl", wrapped); err.Error() != want {
		t.Fatalf("got  %s\nwant %s", err, want)
	}
	if err := (&Book{}).writeErrorFor("x", syscall.EROFS); !strings.Contains(err.Error(), "--notes-dir") {
		t.Fatalf("read-only file system: %v", err)
	}
	// A sidecar that is there but cannot be written keeps its notes:
	// offering the fallback would put new ones where they are not found.
	there := filepath.Join(t.TempDir(), "a.txt.notes.jsonl")
	if err := os.WriteFile(there, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := (&Book{}).writeErrorFor(there, syscall.EACCES); err.Error() != "cannot write notes to "+there+" (permission denied)" {
		t.Fatalf("a sidecar there: %v", err)
	}
	err = (&Book{}).writeErrorFor("x", syscall.ENOSPC)
	var failed *SaveError
	if strings.Contains(err.Error(), "--notes-dir") || !errors.As(err, &failed) {
		t.Fatalf("a full disk is not a permission problem, but a failed save: %v", err)
	}
}

// TestUnwritableErrorQuotesTheFolderToType: the hint's --notes-dir is
// pasted into a shell, and a fallback folder with a space (macOS's
// "Application Support"), a quote or letters beyond ASCII must arrive as
// one word; the folder named first, as a path, stays as it is.
func TestUnwritableErrorQuotesTheFolderToType(t *testing.T) {
	for _, c := range []struct{ data, typed string }{
		{"/Users/u/Library/Application Support", "'/Users/u/Library/Application Support/margin/notes'"},
		{"/home/o'neil/.local/share", `'/home/o'\''neil/.local/share/margin/notes'`},
		{"/home/zoë/.local/share", "'/home/zoë/.local/share/margin/notes'"},
	} {
		t.Setenv("XDG_DATA_HOME", c.data)
		err := (&Book{}).writeErrorFor("/srv/a.txt.notes.jsonl", syscall.EACCES)
		want := "cannot write notes to /srv/a.txt.notes.jsonl (permission denied); to keep them in " + c.data + "/margin/notes instead, pass --notes-dir " + c.typed + " or set MARGIN_NOTES_DIR"
		if err.Error() != want {
			t.Errorf("got  %s\nwant %s", err, want)
		}
	}
}

// TestAGivenNotesFolderIsOfferedNoFallback: a notes folder given
// (--notes-dir, MARGIN_NOTES_DIR) that cannot be written offers no
// fallback folder: the next start with it looks in it alone, so notes
// kept in the fallback would not be shown. Beside the article, it is
// offered.
func TestAGivenNotesFolderIsOfferedNoFallback(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, c := range []struct {
		dir     string
		offered bool
	}{
		{"", true},
		{"/srv/team-notes", false},
	} {
		err := (&Book{opts: Options{Dir: c.dir}}).writeErrorFor(filepath.Join(t.TempDir(), "a.txt.notes.jsonl"), syscall.EACCES)
		var u *UnwritableError
		if !errors.As(err, &u) {
			t.Fatalf("notes folder %q: %v, want an UnwritableError", c.dir, err)
		}
		if offered := u.Fallback != ""; offered != c.offered {
			t.Errorf("notes folder %q: fallback offered %v, want %v (%v)", c.dir, offered, c.offered, err)
		}
	}
}
