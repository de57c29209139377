//go:build unix

package sidecar

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// outside is a file in another folder that a hostile or mistaken link
// points at; nothing may change it.
func outside(t *testing.T) (path string, content []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "elsewhere.txt")
	content = []byte("someone else's file\n")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, content
}

func newEvent() Event {
	return Event{Op: Put, ID: "A", Data: json.RawMessage(`{"text":"a"}`)}
}

// refusedInOneLine fails unless err is a RefusedError of one line.
func refusedInOneLine(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrRefused) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("%s: got %v, want a one-line refusal", what, err)
	}
}

func TestASymlinkedSidecarIsNeverWrittenThroughOrReplaced(t *testing.T) {
	target, content := outside(t)
	path := filepath.Join(t.TempDir(), "a.txt.notes.jsonl")
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Header{})
	refusedInOneLine(t, "open", err)
	s := &Store{path: path, latest: map[string]Event{}}
	_, err = s.Commit(newEvent())
	refusedInOneLine(t, "commit", err)
	refusedInOneLine(t, "compact", s.Compact(Header{}))
	if got, _ := os.ReadFile(target); string(got) != string(content) {
		t.Fatalf("the link's target changed to %q", got)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced")
	}
}

func TestADanglingSymlinkDoesNotCreateItsTarget(t *testing.T) {
	target := filepath.Join(t.TempDir(), "not-yet.jsonl")
	path := filepath.Join(t.TempDir(), "a.txt.notes.jsonl")
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	s := &Store{path: path, latest: map[string]Event{}}
	_, err := s.Commit(newEvent())
	refusedInOneLine(t, "commit", err)
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the link's target was created (%v)", err)
	}
}

func TestSidecarsThatAreNotRegularFilesAreRefusedAtOnce(t *testing.T) {
	tests := []struct {
		name string
		make func(path string) error
	}{
		{"refuses a named pipe without waiting for a writer", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{"refuses a directory", func(p string) error { return os.Mkdir(p, 0o755) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.txt.notes.jsonl")
			if err := tt.make(path); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() { _, err := Open(path, Header{}); done <- err }()
			select {
			case err := <-done:
				refusedInOneLine(t, "open", err)
			case <-time.After(5 * time.Second):
				t.Fatal("opening hung")
			}
			go func() { _, _, err := ReadHeader(path); done <- err }()
			select {
			case err := <-done:
				refusedInOneLine(t, "read the header", err)
			case <-time.After(5 * time.Second):
				t.Fatal("reading the header hung")
			}
			s := &Store{path: path, latest: map[string]Event{}}
			_, err := s.Commit(newEvent())
			refusedInOneLine(t, "commit", err)
		})
	}
}

func TestCompactionRefusesAReadOnlySidecarAndKeepsTheMode(t *testing.T) {
	path := write(t, header, put("A", 1, 10, "a"), put("A", 2, 11, "b"))
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	refusedInOneLine(t, "compact a 0444 file", s.Compact(Header{}))
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("a read-only sidecar was rewritten")
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := s.Compact(Header{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Fatalf("mode after compaction %v, want 0640", fi.Mode().Perm())
	}
}

// TestAFailureNamesTheSidecarOnce makes reading and writing fail for the
// system's reasons (a sidecar under a file, as if its folder were one; an
// unreadable file, where permissions hold) and wants one line that names
// the sidecar once: the os package's errors name it too, and "read
// a.notes.jsonl: open a.notes.jsonl: permission denied" said it twice.
func TestAFailureNamesTheSidecarOnce(t *testing.T) {
	dir := t.TempDir()
	notADir := filepath.Join(dir, "folder")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	unreadable := write(t, header, put("A", 1, 10, "a"))
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{"under a file": filepath.Join(notADir, "a.txt.notes.jsonl")}
	if f, err := os.Open(unreadable); err == nil {
		f.Close() // root reads it anyway
	} else {
		paths["unreadable"] = unreadable
	}
	for name, path := range paths {
		ops := map[string]func() error{
			"open":        func() error { _, err := Open(path, Header{}); return err },
			"read header": func() error { _, _, err := ReadHeader(path); return err },
			"append":      func() error { _, err := Append(path, Header{}, newEvent()); return err },
			"commit": func() error {
				_, err := (&Store{path: path, latest: map[string]Event{}}).Commit(newEvent())
				return err
			},
		}
		for op, do := range ops {
			t.Run(name+"/"+op, func(t *testing.T) {
				err := do()
				if err == nil {
					t.Fatal("no error")
				}
				if msg := err.Error(); strings.Count(msg, path) != 1 || strings.Contains(msg, "\n") {
					t.Errorf("%q does not name %s once in one line", msg, path)
				}
			})
		}
	}
}
