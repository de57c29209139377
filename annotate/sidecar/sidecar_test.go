package sidecar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// A child process started by TestTwoProcessesWriteAtOnce.
	if path := os.Getenv("SIDECAR_TEST_WRITER"); path != "" {
		n, _ := strconv.Atoi(os.Getenv("SIDECAR_TEST_COUNT"))
		if err := writeNotes(path, os.Getenv("SIDECAR_TEST_NAME"), n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func writeNotes(path, name string, n int) error {
	s, err := Open(path, Header{Article: "sha256:test"})
	if err != nil {
		return err
	}
	for i := range n {
		id, err := s.NewID(time.Now())
		if err != nil {
			return err
		}
		data := fmt.Sprintf(`{"text":"%s %d"}`, name, i)
		if _, err := s.Commit(Event{Op: Put, ID: id, Data: json.RawMessage(data)}); err != nil {
			return err
		}
	}
	return nil
}

func put(id string, rev int, sec int, text string) string {
	e := Event{Op: Put, ID: id, Rev: rev, Time: time.Unix(int64(sec), 0).UTC(), Data: json.RawMessage(`{"text":"` + text + `"}`)}
	b, _ := json.Marshal(e)
	return string(b)
}

func del(id string, rev int, sec int) string {
	e := Event{Op: Delete, ID: id, Rev: rev, Time: time.Unix(int64(sec), 0).UTC(), Data: json.RawMessage(`{"text":"gone"}`)}
	b, _ := json.Marshal(e)
	return string(b)
}

const header = `{"margin_notes":1,"article":"sha256:x","source":"a.txt"}`

func write(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.txt.notes.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func texts(s *Store) map[string]string {
	out := map[string]string{}
	for _, e := range s.Events() {
		var v struct{ Text string }
		_ = json.Unmarshal(e.Data, &v)
		out[e.ID] = string(e.Op) + ":" + v.Text
	}
	return out
}

func TestFold(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  map[string]string
	}{
		{"keeps the highest revision whatever the line order",
			[]string{header, put("A", 2, 20, "second"), put("A", 1, 10, "first")},
			map[string]string{"A": "put:second"}},
		{"breaks a revision tie by time",
			[]string{header, put("A", 2, 30, "later"), put("A", 2, 20, "earlier")},
			map[string]string{"A": "put:later"}},
		{"lets a deletion win over the put it follows",
			[]string{header, put("A", 1, 10, "x"), del("A", 2, 20), put("B", 1, 10, "y")},
			map[string]string{"A": "del:gone", "B": "put:y"}},
		{"does not let an old copy resurrect a deleted note",
			[]string{header, put("A", 1, 10, "x"), del("A", 2, 20), put("A", 1, 10, "x")},
			map[string]string{"A": "del:gone"}},
		{"reads a union merge with the header twice",
			[]string{header, put("A", 1, 10, "a"), header, put("B", 1, 11, "b")},
			map[string]string{"A": "put:a", "B": "put:b"}},
		{"skips blank lines",
			[]string{header, "", put("A", 1, 10, "a"), "   "},
			map[string]string{"A": "put:a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(write(t, tt.lines...), Header{})
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(s); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			if len(s.Bad()) != 0 {
				t.Fatalf("bad lines: %v", s.Bad())
			}
		})
	}
}

func TestBadLinesAreReportedAndNeverDropped(t *testing.T) {
	bad := []string{`{"op":"put","id":"X"`, `not json`, `{"id":"Y","rev":1}`, `{"op":"put","id":"Z","rev":1}`}
	path := write(t, append([]string{header, put("A", 1, 10, "a")}, bad...)...)
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Bad()); got != len(bad) {
		t.Fatalf("%d bad lines, want %d: %v", got, len(bad), s.Bad())
	}
	if s.Bad()[0].Line != 3 {
		t.Fatalf("first bad line numbered %d, want 3", s.Bad()[0].Line)
	}
	if err := s.Compact(Header{Article: "sha256:y"}); err != nil {
		t.Fatal(err)
	}
	rejected, err := os.ReadFile(RejectedPath(path))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(bad, "\n") + "\n"; string(rejected) != want {
		t.Fatalf("rejected file:\n%s\nwant:\n%s", rejected, want)
	}
	s2, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s2.Bad()) != 0 || texts(s2)["A"] != "put:a" {
		t.Fatalf("after compaction: bad %v, notes %v", s2.Bad(), texts(s2))
	}
	if h, _ := s2.Header(); h.Article != "sha256:y" {
		t.Fatalf("header %+v", h)
	}
}

func TestCommitEndsALineTornByACrash(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.notes.jsonl")
	torn := put("A", 1, 10, "a") + "\n" + `{"op":"put","id":"B","re`
	if err := os.WriteFile(path, []byte(header+"\n"+torn), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Bad()) != 0 {
		t.Fatal("an unlocked read must leave a line being written alone")
	}
	if _, err := s.Commit(Event{Op: Put, ID: "C", Data: json.RawMessage(`{"text":"c"}`)}); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(s2); got["A"] != "put:a" || got["C"] != "put:c" || len(s2.Bad()) != 1 {
		t.Fatalf("notes %v, bad %v", got, s2.Bad())
	}
}

func TestCommitCreatesTheFileWithAHeaderAndCountsRevisions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.notes.jsonl")
	s, err := Open(path, Header{Article: "sha256:abc", Source: "a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		evs, err := s.Commit(Event{Op: Put, ID: "A", Data: json.RawMessage(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		if evs[0].Rev != i+1 {
			t.Fatalf("revision %d, want %d", evs[0].Rev, i+1)
		}
	}
	data, _ := os.ReadFile(path)
	first, _, _ := strings.Cut(string(data), "\n")
	if first != `{"margin_notes":1,"article":"sha256:abc","source":"a.txt"}` {
		t.Fatalf("header %s", first)
	}
}

func TestCompactKeepsDeletionsAndIsReadByOthers(t *testing.T) {
	path := write(t, header, put("A", 1, 10, "a"), put("A", 2, 11, "a2"), del("A", 3, 12), put("B", 1, 10, "b"))
	other, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Open(path, Header{})
	if err := s.Compact(Header{}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if n := strings.Count(string(data), "\n"); n != 3 {
		t.Fatalf("compacted file has %d lines, want 3:\n%s", n, data)
	}
	// Another process still holding the old file notices the replacement.
	if _, err := other.Commit(Event{Op: Put, ID: "C", Data: json.RawMessage(`{"text":"c"}`)}); err != nil {
		t.Fatal(err)
	}
	s2, _ := Open(path, Header{})
	want := map[string]string{"A": "del:gone", "B": "put:b", "C": "put:c"}
	if got := texts(s2); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestWritersInOneProcessDoNotLoseNotes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.notes.jsonl")
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Go(func() { errs <- writeNotes(path, fmt.Sprint("w", w), 25) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s, _ := Open(path, Header{})
	if n := len(s.Events()); n != 100 {
		t.Fatalf("%d notes, want 100", n)
	}
}

func TestTwoProcessesWriteAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes writing 500 notes each")
	}
	path := filepath.Join(t.TempDir(), "a.notes.jsonl")
	runWriters(t, []string{"SIDECAR_TEST_WRITER=" + path, "SIDECAR_TEST_COUNT=500"}, "one", "two")
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	got := texts(s)
	if len(got) != 1000 || len(s.Bad()) != 0 {
		t.Fatalf("%d notes and %d bad lines, want 1000 and 0", len(got), len(s.Bad()))
	}
	seen := map[string]bool{}
	for _, v := range got {
		seen[v] = true
	}
	for _, name := range []string{"one", "two"} {
		for i := range 500 {
			if !seen[fmt.Sprintf("put:%s %d", name, i)] {
				t.Fatalf("note %s %d is missing", name, i)
			}
		}
	}
}

func TestIDsSortInCreationOrderAndDoNotRepeat(t *testing.T) {
	var g IDs
	now := time.Now()
	var ids []string
	for i := range 2000 {
		id, err := g.New(now.Add(time.Duration(i/100) * time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		if len(id) != 26 {
			t.Fatalf("id %q has %d characters", id, len(id))
		}
		ids = append(ids, id)
	}
	if !sort.StringsAreSorted(ids) {
		t.Fatal("ids are not in creation order")
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("id %s repeats", id)
		}
		seen[id] = true
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(header + "\n" + put("A", 1, 10, "a") + "\n" + del("A", 2, 11) + "\n"))
	f.Add([]byte("garbage\n{\"margin_notes\":1}\n{\"op\":\"put\"}"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "a.notes.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, Header{})
		if err != nil {
			t.Fatalf("a file that exists must always load: %v", err)
		}
		before := texts(s)
		if _, err := s.Commit(Event{Op: Put, ID: "~new", Data: json.RawMessage(`{"text":"new"}`)}); err != nil {
			t.Fatal(err)
		}
		s2, err := Open(path, Header{})
		if err != nil {
			t.Fatal(err)
		}
		after := texts(s2)
		if after["~new"] != "put:new" {
			t.Fatalf("the new note is missing: %v", after)
		}
		for id, v := range before {
			if id != "~new" && after[id] != v {
				t.Fatalf("note %s changed from %q to %q by an append", id, v, after[id])
			}
		}
		grown, _ := os.ReadFile(path)
		if !bytes.HasPrefix(grown, data) {
			t.Fatal("an append changed what was already in the file")
		}
	})
}

func TestAppendAddsANewNoteWithoutDisturbingTheFile(t *testing.T) {
	t.Run("creates the file with its header", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "a.notes.jsonl")
		evs, err := Append(path, Header{Article: "sha256:abc"}, Event{Op: Put, ID: "N", Data: json.RawMessage(`{"text":"n"}`)})
		if err != nil || evs[0].Rev != 1 || evs[0].Time.IsZero() {
			t.Fatalf("append: %v %+v", err, evs)
		}
		s, _ := Open(path, Header{})
		if h, ok := s.Header(); !ok || h.Article != "sha256:abc" || texts(s)["N"] != "put:n" {
			t.Fatalf("header %+v, notes %v", h, texts(s))
		}
	})
	t.Run("ends a line torn by a crash and keeps what was there", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "a.notes.jsonl")
		old := header + "\n" + put("A", 1, 10, "a") + "\n" + `{"op":"put","id":"B","re`
		if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Append(path, Header{}, Event{Op: Put, ID: "N", Data: json.RawMessage(`{"text":"n"}`)}); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		s, _ := Open(path, Header{})
		if !strings.HasPrefix(string(data), old) || texts(s)["A"] != "put:a" || texts(s)["N"] != "put:n" || len(s.Bad()) != 1 {
			t.Fatalf("notes %v, bad %v, file:\n%s", texts(s), s.Bad(), data)
		}
	})
}

// BenchmarkAppendTo5000 is the cost of adding a note to a file of 5,000:
// it must not grow with the file.
func BenchmarkAppendTo5000(b *testing.B) {
	lines := []string{header}
	for i := range 5000 {
		lines = append(lines, put(fmt.Sprintf("N%05d", i), 1, i, "some note text of an ordinary length"))
	}
	path := filepath.Join(b.TempDir(), "a.notes.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		if _, err := Append(path, Header{}, Event{Op: Put, ID: fmt.Sprint("X", i), Data: json.RawMessage(`{"text":"x"}`)}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadHeaderTakesTheHeaderOpenWould: NotesDir decides whose notes a
// sidecar holds by its header alone, so it must be the one Open folds.
func TestReadHeaderTakesTheHeaderOpenWould(t *testing.T) {
	for _, c := range []struct {
		name  string
		lines []string
		want  string // the path recorded; "-" for no header
	}{
		{"the first line", []string{`{"margin_notes":1,"path":"/a/x.txt"}`, `{"margin_notes":1,"path":"/b/x.txt"}`}, "/a/x.txt"},
		{"after blank and bad lines", []string{"", "not json", `{"margin_notes":1,"path":"/a/x.txt"}`}, "/a/x.txt"},
		{"after events, as a union merge leaves it", []string{`{"op":"put","id":"A","rev":1,"note":{}}`, `{"margin_notes":1,"path":"/a/x.txt"}`}, "/a/x.txt"},
		{"none in a file of events", []string{`{"op":"put","id":"A","rev":1,"note":{}}`}, "-"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := write(t, c.lines...)
			h, ok, err := ReadHeader(path)
			if err != nil {
				t.Fatal(err)
			}
			got := "-"
			if ok {
				got = h.Path
			}
			if got != c.want {
				t.Errorf("ReadHeader path = %q, want %q", got, c.want)
			}
			s, err := Open(path, Header{})
			if err != nil {
				t.Fatal(err)
			}
			if oh, ook := s.Header(); ook != ok || oh.Path != h.Path {
				t.Errorf("Open's header = %q, %v; ReadHeader's %q, %v", oh.Path, ook, h.Path, ok)
			}
		})
	}
	if _, _, err := ReadHeader(filepath.Join(t.TempDir(), "missing.notes.jsonl")); err == nil {
		t.Error("a missing sidecar has no error")
	}
}

// TestWritingToASidecarWithoutAPathRecordsIt: a notes folder's sidecar
// from before margin recorded whose it is, written to for the article
// whose hash it records and whose path is known, gets the path in its
// header, with the header's other fields and every other line kept; one
// that has a path keeps it, and one of another article's hash (a file of
// the same name) is left without one.
func TestWritingToASidecarWithoutAPathRecordsIt(t *testing.T) {
	const article = "/srv/news/a.txt"
	writers := map[string]func(path string) error{
		"append": func(path string) error {
			_, err := Append(path, Header{Article: "sha256:new", Path: article}, Event{Op: Put, ID: "N", Data: json.RawMessage(`{"text":"n"}`)})
			return err
		},
		"commit": func(path string) error {
			s, err := Open(path, Header{Article: "sha256:new", Path: article})
			if err != nil {
				return err
			}
			_, err = s.Commit(Event{Op: Put, ID: "N", Data: json.RawMessage(`{"text":"n"}`)})
			return err
		},
	}
	tests := []struct {
		name, header, wantArticle, wantPath string
		mode                                os.FileMode
	}{
		{"no path", `{"margin_notes":1,"article":"sha256:new","source":"a.txt","team":"desk"}`, "sha256:new", article, 0o644},
		{"no path, another article's hash", `{"margin_notes":1,"article":"sha256:x","source":"a.txt","team":"desk"}`, "sha256:x", "", 0o644},
		{"another path", `{"margin_notes":1,"article":"sha256:new","path":"/elsewhere/a.txt","team":"desk"}`, "sha256:new", "/elsewhere/a.txt", 0o644},
		// Only root appends to it; it is not replaced all the same.
		{"no path, read-only", `{"margin_notes":1,"article":"sha256:new","source":"a.txt","team":"desk"}`, "sha256:new", "", 0o444},
	}
	for name, writeNote := range writers {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				rest := []string{"", "not json", put("A", 1, 10, "a")}
				path := write(t, append([]string{tt.header}, rest...)...)
				if err := os.Chmod(path, tt.mode); err != nil {
					t.Fatal(err)
				}
				if err := writeNote(path); err != nil {
					if tt.mode&0o200 == 0 && errors.Is(err, fs.ErrPermission) {
						t.Skip("only root can append to a read-only file")
					}
					t.Fatal(err)
				}
				if fi, _ := os.Stat(path); fi.Mode().Perm() != tt.mode {
					t.Errorf("mode %v, want %v", fi.Mode().Perm(), tt.mode)
				}
				data, _ := os.ReadFile(path)
				lines := strings.Split(string(data), "\n")
				h, ok, err := ReadHeader(path)
				if err != nil || !ok || h.Path != tt.wantPath || h.Article != tt.wantArticle || !strings.Contains(lines[0], `"team":"desk"`) {
					t.Fatalf("header %+v (%v, %v), line %s", h, ok, err, lines[0])
				}
				if got := strings.Join(lines[1:4], "\n"); got != strings.Join(rest, "\n") || !strings.Contains(lines[4], `"id":"N"`) {
					t.Fatalf("the other lines changed:\n%s", data)
				}
				s, _ := Open(path, Header{})
				if texts(s)["A"] != "put:a" || texts(s)["N"] != "put:n" || len(s.Bad()) != 1 {
					t.Fatalf("notes %v, bad %v", texts(s), s.Bad())
				}
			})
		}
	}
}

// fullDisk is a sidecar on a disk that fills up after room more bytes:
// a write past it is cut short, as write(2) does, with ENOSPC.
type fullDisk struct {
	*os.File
	room int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) <= f.room {
		f.room -= len(p)
		return f.File.Write(p)
	}
	n, _ := f.File.Write(p[:f.room])
	f.room = 0
	return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

// TestAWriteCutShortLeavesTheFileAsItWas: a full disk cut a note's line
// in half; the note was reported unsaved, and its half stayed in the
// file as a line that is not a note, warned of at every open.
func TestAWriteCutShortLeavesTheFileAsItWas(t *testing.T) {
	path := write(t, header, put("A", 1, 10, "a"))
	before, _ := os.ReadFile(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := put("B", 1, 11, "a note that does not fit") + "\n"
	if err := appendWhole(&fullDisk{File: f, room: len(line) / 2}, []byte(line)); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("append on a full disk: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatalf("the file kept part of the failed write:\n%s", after)
	}
	if err := appendWhole(&fullDisk{File: f, room: len(line)}, []byte(line)); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Header{})
	if err != nil || len(s.Bad()) != 0 || texts(s)["B"] != "put:a note that does not fit" {
		t.Fatalf("after the disk had room: %v, bad %v, notes %v", err, s.Bad(), texts(s))
	}
}

// runWriters starts this test binary once for each name, as a writer
// (TestMain's SIDECAR_TEST_ variables, env, and SIDECAR_TEST_NAME), and
// waits for them all.
func runWriters(t *testing.T, env []string, names ...string) {
	t.Helper()
	var cmds []*exec.Cmd
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(append(os.Environ(), env...), "SIDECAR_TEST_NAME="+name)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestABadLineIsSaidInTheFilesTerms: a field of the wrong kind was
// reported in margin's Go types ("cannot unmarshal string into Go struct
// field line.Event.rev of type int"), which a person mending the line by
// hand cannot act on.
func TestABadLineIsSaidInTheFilesTerms(t *testing.T) {
	path := write(t, header, `{"op":"put","id":"X","rev":"2","note":{}}`, `{"op":"put","id":5,"rev":1,"note":{}}`)
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range s.Bad() {
		got = append(got, b.Err.Error())
	}
	want := []string{"rev is text, not a whole number", "id is a number, not text"}
	if !slices.Equal(got, want) {
		t.Errorf("bad lines said as %q, want %q", got, want)
	}
}
