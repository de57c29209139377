package prune

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// isEntry takes the names this test's cache gives its entries.
func isEntry(name string) bool { return strings.HasSuffix(name, ".cache") }

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// file writes size bytes at dir/name, last used age before now.
func file(t *testing.T, dir, name string, size int, age time.Duration) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, now.Add(-age), now.Add(-age)); err != nil {
		t.Fatal(err)
	}
	return path
}

// left is the names in dir, sorted.
func left(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	slices.Sort(out)
	return out
}

const day = 24 * time.Hour

func TestDirRemovesOldEntriesAndNothingElse(t *testing.T) {
	dir := t.TempDir()
	file(t, dir, "fresh.cache", 10, day)
	file(t, dir, "stale.cache", 10, 40*day)
	// Not the cache's, however old: a sidecar, another program's file.
	file(t, dir, "a.txt.0123456789ab.notes.jsonl", 10, 400*day)
	file(t, dir, "other.db", 10, 400*day)
	if err := os.Mkdir(filepath.Join(dir, "old.cache"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A link named like an entry is not removed, nor what it points to.
	outside := file(t, t.TempDir(), "target.cache", 10, 400*day)
	if err := os.Symlink(outside, filepath.Join(dir, "link.cache")); err != nil {
		t.Fatal(err)
	}
	n, err := Dir(dir, Policy{Entry: isEntry, MaxAge: 30 * day, MaxBytes: 1 << 20}, now)
	if err != nil || n != 1 {
		t.Fatalf("removed %d (%v), want 1", n, err)
	}
	want := []string{"a.txt.0123456789ab.notes.jsonl", "fresh.cache", "link.cache", "old.cache", "other.db"}
	if got := left(t, dir); !slices.Equal(got, want) {
		t.Errorf("left %q, want %q", got, want)
	}
	if _, err := os.Stat(outside); err != nil {
		t.Errorf("the link's target: %v", err)
	}
}

func TestDirKeepsTheMostRecentlyUsedUnderTheSize(t *testing.T) {
	dir := t.TempDir()
	file(t, dir, "a.cache", 40, 1*time.Hour)
	file(t, dir, "b.cache", 40, 2*time.Hour)
	file(t, dir, "c.cache", 40, 3*time.Hour)
	file(t, dir, "d.cache", 10, 4*time.Hour)
	// 100 bytes: a and b fit, c does not; d, older but small, does.
	n, err := Dir(dir, Policy{Entry: isEntry, MaxAge: 30 * day, MaxBytes: 100}, now)
	if err != nil || n != 1 {
		t.Fatalf("removed %d (%v), want 1", n, err)
	}
	if got, want := left(t, dir), []string{"a.cache", "b.cache", "d.cache"}; !slices.Equal(got, want) {
		t.Errorf("left %q, want %q", got, want)
	}
}

func TestDirOfNoFolderHasNothingToDo(t *testing.T) {
	if n, err := Dir(filepath.Join(t.TempDir(), "none"), Policy{Entry: isEntry}, now); n != 0 || err != nil {
		t.Errorf("removed %d (%v)", n, err)
	}
}

func TestDueOnceAPeriod(t *testing.T) {
	dir := t.TempDir()
	if !Due(dir, day, now) {
		t.Fatal("never pruned, and not due")
	}
	if Due(dir, day, now.Add(time.Hour)) {
		t.Error("due again an hour later")
	}
	if !Due(dir, day, now.Add(25*time.Hour)) {
		t.Error("not due a day later")
	}
	if Due(filepath.Join(dir, "none"), day, now) {
		t.Error("a folder that is not there is due")
	}
}
