package sidecar

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

const newerHeader = `{"margin_notes":2,"article":"sha256:x","source":"a.txt","team":"desk"}`

// newerEvent is a put as a later format might write it: a field this
// version does not know at the top and inside the note.
const newerEvent = `{"op":"put","id":"A","rev":1,"time":"2025-03-14T09:26:53Z","author":"ann","labels":["x"],"note":{"text":"a","confidence":0.8}}`

// newerOp is an event of a kind this version does not know.
const newerOp = `{"op":"link","id":"L","rev":1,"time":"2025-03-14T09:26:54Z","to":"A"}`

func TestANewerSidecarIsReadAppendedToAndNeverCompacted(t *testing.T) {
	path := write(t, newerHeader, newerEvent, newerOp)
	before, _ := os.ReadFile(path)
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(s)["A"]; got != "put:a" || len(s.Bad()) != 0 {
		t.Fatalf("note A %q, bad lines %v", got, s.Bad())
	}
	if h, _ := s.Header(); h.Version != 2 {
		t.Fatalf("header %+v", h)
	}
	if _, err := s.Commit(Event{Op: Put, ID: "B", Data: json.RawMessage(`{"text":"b"}`)}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.HasPrefix(after, before) || bytes.Count(after, []byte(`"margin_notes"`)) != 1 {
		t.Fatalf("the append changed what was there or added a header:\n%s", after)
	}
	err = s.Compact(Header{})
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "upgrade margin") {
		t.Fatalf("compact: %v, want a refusal that says to upgrade", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, after) {
		t.Fatal("a refused compaction changed the file")
	}
}

func TestCompactionKeepsUnknownFieldsVerbatim(t *testing.T) {
	oldHeader := `{"margin_notes":1,"article":"sha256:x","source":"a.txt","team":"desk"}`
	path := write(t, oldHeader, put("A", 1, 1, "old"), strings.Replace(newerEvent, `"rev":1`, `"rev":2`, 1), newerOp)
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Compact(Header{Article: "sha256:y"}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("compacted file:\n%s", data)
	}
	var h map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &h); err != nil || h["team"] != "desk" || h["article"] != "sha256:y" {
		t.Fatalf("header %s", lines[0])
	}
	want := []string{strings.Replace(newerEvent, `"rev":1`, `"rev":2`, 1), newerOp}
	if lines[1] != want[0] || lines[2] != want[1] {
		t.Fatalf("events not kept verbatim:\n%s\n%s", lines[1], lines[2])
	}
}
