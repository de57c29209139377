package sidecar

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestRecordPathKeepsAnOpenStoreOnTheSameFile: the header is rewritten
// under the file's name while another Store has it open; both then write
// to that one name and each reads every note, and no other name is made.
func TestRecordPathKeepsAnOpenStoreOnTheSameFile(t *testing.T) {
	path := write(t, header, put("A", 1, 1, "one"))
	open := func() *Store {
		s, err := Open(path, Header{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := open()
	if err := RecordPath(path, "/news/moved/a.txt", func(h Header) bool { return h.Path != "" }); err != nil {
		t.Fatal(err)
	}
	second := open()
	if h, _ := second.Header(); h.Path != "/news/moved/a.txt" || h.Article != "sha256:x" {
		t.Fatalf("header %+v", h)
	}
	if _, err := first.Commit(Event{Op: Put, ID: "B", Data: []byte(`{"text":"two"}`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := second.Commit(Event{Op: Put, ID: "C", Data: []byte(`{"text":"three"}`)}); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(map[string]string{"A": "put:one", "B": "put:two", "C": "put:three"})
	for i, s := range []*Store{first, second, open()} {
		if _, err := s.Refresh(); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(texts(s)); got != want || len(s.Bad()) != 0 {
			t.Errorf("store %d: notes %s, %d bad lines; want %s", i, got, len(s.Bad()), want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files %v, want the one sidecar", entries)
	}
}

// TestRecordPathMakesNoFileAndKeepsAHeaderItIsToldToKeep: nothing is
// created where no sidecar is, and a header keep accepts is unchanged.
func TestRecordPathMakesNoFileAndKeepsAHeaderItIsToldToKeep(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "a.notes.jsonl")
	if err := RecordPath(missing, "/news/a.txt", func(Header) bool { return false }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(missing); err == nil {
		t.Error("a sidecar was made")
	}
	path := write(t, header, put("A", 1, 1, "one"))
	before, _ := os.ReadFile(path)
	if err := RecordPath(path, "/news/a.txt", func(Header) bool { return true }); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("the file changed:\n%s\nwas\n%s", after, before)
	}
}
