package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNotesCommandsPruneOldCacheEntries: the caches' orphaned entries (a
// fold of a sidecar long gone, an analysis by an older build) went for
// ever; a notes command prunes those unused for a month, once a day,
// and nothing else in the folders: not a sidecar (on Windows the notes
// cache is the fallback notes folder), not another program's file.
func TestNotesCommandsPruneOldCacheEntries(t *testing.T) {
	path := notesTestArticle(t)
	cacheHome := os.Getenv("XDG_CACHE_HOME")
	old := time.Now().Add(-60 * 24 * time.Hour)
	write := func(sub, name string) string {
		t.Helper()
		p := filepath.Join(cacheHome, "margin", sub, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gone := []string{
		write("notes", "0123456789abcdef01234567.fold"),
		write("analysis", "0123456789abcdef0123456789abcdef.json"),
	}
	kept := []string{
		write("notes", "story.txt.0123456789ab.notes.jsonl"),
		write("notes", "story.txt.notes.jsonl"),
		write("notes", "notes.db"),
		write("analysis", "README"),
	}
	notes := func() {
		t.Helper()
		var out, errs bytes.Buffer
		if code := run([]string{"notes", "list", path}, strings.NewReader(""), &out, &errs); code != 0 {
			t.Fatalf("notes list: %d %s", code, errs.String())
		}
	}
	notes()
	for _, p := range gone {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s unused for 60 days is still there", p)
		}
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s is not the cache's, and went: %v", p, err)
		}
	}
	// Pruned today: the next command does not list the folders again.
	again := write("notes", "76543210fedcba9876543210.fold")
	notes()
	if _, err := os.Lstat(again); err != nil {
		t.Errorf("pruned twice in a day: %v", err)
	}
}
