package sidecar

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// cachedOpen opens path with a cache in dir and saves the cache, with
// each event's id as its blob.
func cachedOpen(t testing.TB, path, dir string) *Store {
	t.Helper()
	s, err := OpenCached(path, Header{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCache("tag", func(e Event) []byte { return []byte("blob " + e.ID) }); err != nil {
		t.Fatal(err)
	}
	return s
}

// state is everything a store read, for comparing a cached read with a
// full one.
func state(s *Store) string {
	h, _ := s.Header()
	var b strings.Builder
	fmt.Fprintf(&b, "header %d %s %s\n", h.Version, h.Article, h.Source)
	for _, bad := range s.Bad() {
		fmt.Fprintf(&b, "bad %d %q %v\n", bad.Line, bad.Text, bad.Err)
	}
	for _, e := range s.Events() {
		fmt.Fprintf(&b, "%s %s %d %s %s %s | %s\n", e.Op, e.ID, e.Rev, e.Time.UTC().Format(time.RFC3339Nano), e.Author, e.Data, e.raw)
	}
	return b.String()
}

// sameAsFullRead opens path with the cache in dir, fails unless it reads
// what a full read does, and returns the store.
func sameAsFullRead(t testing.TB, path, dir string) *Store {
	t.Helper()
	full, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	cached, err := OpenCached(path, Header{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := state(cached), state(full); got != want {
		t.Fatalf("cached read:\n%s\nfull read:\n%s", got, want)
	}
	return cached
}

func TestACachedFoldReadsTheSameAsTheFile(t *testing.T) {
	lines := []string{header, put("A", 1, 10, "a"), "not json", put("A", 2, 11, "a2"), del("B", 1, 12), newerOp}
	tests := []struct {
		name   string
		change func(t *testing.T, path string)
		cached bool // whether the cache's blobs are still offered
	}{
		{"uses the cache of an unchanged file", func(*testing.T, string) {}, true},
		{"reads only what was appended", func(t *testing.T, path string) {
			f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString(put("A", 3, 13, "a3") + "\n" + put("C", 1, 14, "c") + "\n")
			f.Close()
		}, true},
		{"ignores the cache of a replaced file", func(t *testing.T, path string) {
			os.WriteFile(path+".new", []byte(header+"\n"+put("Z", 1, 1, "z")+"\n"), 0o644)
			os.Rename(path+".new", path)
		}, false},
		{"ignores the cache of a file edited in place", func(t *testing.T, path string) {
			data, _ := os.ReadFile(path)
			os.WriteFile(path, []byte(strings.Replace(string(data), `"text":"a"`, `"text":"b"`, 1)), 0o644)
			future := time.Now().Add(time.Hour)
			os.Chtimes(path, future, future)
		}, false},
		{"ignores a damaged cache", func(t *testing.T, path string) {
			entries, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "cache", "*.fold"))
			for _, e := range entries {
				data, _ := os.ReadFile(e)
				os.WriteFile(e, data[:len(data)-7], 0o600)
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, lines...)
			dir := filepath.Join(filepath.Dir(path), "cache")
			cachedOpen(t, path, dir)
			tt.change(t, path)
			again := sameAsFullRead(t, path, dir)
			e, _ := again.Get("B")
			blob, ok := again.Extra(e)
			if ok != tt.cached || (ok && string(blob) != "blob B") {
				t.Fatalf("blob %q %v, want cached %v", blob, ok, tt.cached)
			}
			if _, err := again.Commit(Event{Op: Put, ID: "N", Data: json.RawMessage(`{"text":"n"}`)}); err != nil {
				t.Fatal(err)
			}
			if err := again.Compact(Header{}); err != nil {
				t.Fatal(err)
			}
			if s, _ := Open(path, Header{}); texts(s)["N"] != "put:n" {
				t.Fatal("a store read from the cache lost a note on compaction")
			}
		})
	}
}

func FuzzCachedReadEqualsFullRead(f *testing.F) {
	f.Add([]byte(header+"\n"+put("A", 1, 10, "a")+"\n"+del("A", 2, 11)+"\n"), []byte(put("B", 1, 3, "b")+"\n"))
	f.Add([]byte("garbage\n{\"margin_notes\":1}\n{\"op\":\"put\"}"), []byte("\n"))
	f.Fuzz(func(t *testing.T, data, appended []byte) {
		path := filepath.Join(t.TempDir(), "a.notes.jsonl")
		dir := filepath.Join(filepath.Dir(path), "cache")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cachedOpen(t, path, dir)
		f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		f.Write(appended)
		f.Close()
		sameAsFullRead(t, path, dir)
	})
}

// cacheFile is the one fold cache in dir.
func cacheFile(t *testing.T, dir string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.fold"))
	if len(files) != 1 {
		t.Fatalf("%d cache files in %s, want 1", len(files), dir)
	}
	return files[0]
}

// ignoredOrRight fails unless the store at path reads as the file does,
// with B's blob either not offered or the one saved.
func ignoredOrRight(t *testing.T, path, dir string) {
	t.Helper()
	again := sameAsFullRead(t, path, dir)
	e, _ := again.Get("B")
	if blob, ok := again.Extra(e); ok && blob != "blob B" {
		t.Fatalf("cache offered blob %q for B", blob)
	}
}

func TestADamagedCacheIsNeverMisread(t *testing.T) {
	lines := []string{header, put("A", 1, 10, "a"), del("B", 1, 12), put("C", 1, 13, "c")}
	path := write(t, lines...)
	dir := filepath.Join(filepath.Dir(path), "cache")
	cachedOpen(t, path, dir)
	good, err := os.ReadFile(cacheFile(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		damage func(data []byte, i int) []byte
	}{
		{"cut short at any length", func(data []byte, i int) []byte { return data[:i] }},
		{"with any one byte changed", func(data []byte, i int) []byte {
			out := slices.Clone(data)
			out[i] ^= 0x20
			return out
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range good {
				if err := os.WriteFile(cacheFile(t, dir), tt.damage(good, i), 0o600); err != nil {
					t.Fatal(err)
				}
				ignoredOrRight(t, path, dir)
			}
		})
	}
}

func TestTheCacheOfAnotherSidecarIsIgnored(t *testing.T) {
	mine := write(t, header, put("A", 1, 10, "a"), put("B", 1, 11, "mine"))
	other := filepath.Join(filepath.Dir(mine), "other.notes.jsonl")
	if err := os.WriteFile(other, []byte(header+"\n"+put("B", 1, 11, "other")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(mine), "cache")
	cachedOpen(t, other, dir)
	data, err := os.ReadFile(CachePath(dir, other))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(CachePath(dir, mine), data, 0o600); err != nil {
		t.Fatal(err)
	}
	again := sameAsFullRead(t, mine, dir)
	if e, _ := again.Get("B"); texts(again)["B"] != "put:mine" {
		t.Fatalf("B read as %s from another sidecar's cache", e.Data)
	}
}

// TestAFoldCacheReadIsMarkedUsed: pruning (internal/prune) keeps the
// entries used lately, by their modification time, so a cache read must
// touch its file; and only CachePath's names are the cache's to prune.
func TestAFoldCacheReadIsMarkedUsed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(t.TempDir(), "a.txt.notes.jsonl")
	if err := os.WriteFile(path, []byte(`{"margin_notes":1}`+"\n"+`{"op":"put","id":"a","rev":1,"time":"2025-01-01T00:00:00Z","note":{}}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cachedOpen(t, path, dir)
	cache := CachePath(dir, path)
	old := time.Now().Add(-90 * 24 * time.Hour)
	if err := os.Chtimes(cache, old, old); err != nil {
		t.Fatal(err)
	}
	if s := sameAsFullRead(t, path, dir); s.CacheTag() != "tag" {
		t.Fatal("the cache was not read")
	}
	if fi, err := os.Stat(cache); err != nil || fi.ModTime().Before(time.Now().Add(-time.Hour)) {
		t.Errorf("the cache read was not marked used: %v %v", fi.ModTime(), err)
	}
	if !IsCacheName(filepath.Base(cache)) {
		t.Errorf("%s is not taken for a cache file", filepath.Base(cache))
	}
	for _, name := range []string{filepath.Base(path), ".fold-123456", "0123456789ABCDEF01234567.fold", "0123.fold", "a.txt.0123456789ab.notes.jsonl"} {
		if IsCacheName(name) {
			t.Errorf("%s is taken for a cache file", name)
		}
	}
}
