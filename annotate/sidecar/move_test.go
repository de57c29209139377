package sidecar

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func always(Header) bool { return true }

// moved opens the sidecar at path and checks it holds want (id to
// "op:text") and no bad line.
func moved(t *testing.T, path string, want map[string]string) *Store {
	t.Helper()
	s, err := Open(path, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(s); fmt.Sprint(got) != fmt.Sprint(want) || len(s.Bad()) != 0 {
		t.Fatalf("notes %v and %d bad lines, want %v and none", got, len(s.Bad()), want)
	}
	return s
}

func TestMoveGivesTheFileTheNewNameAndRecordsThePath(t *testing.T) {
	from := write(t, header, put("A", 1, 1, "one"), del("B", 2, 2))
	to := filepath.Join(filepath.Dir(from), "a.txt.0123456789ab.notes.jsonl")
	ok, err := Move(from, to, "/news/a.txt", always)
	if !ok || err != nil {
		t.Fatalf("Move = %v, %v", ok, err)
	}
	if _, err := os.Lstat(from); err == nil {
		t.Error("the old name is still there")
	}
	s := moved(t, to, map[string]string{"A": "put:one", "B": "del:gone"})
	if h, _ := s.Header(); h.Path != "/news/a.txt" || h.Article != "sha256:x" {
		t.Errorf("header %+v", h)
	}
}

func TestMoveLeavesAFileItIsNotToldIsTheCallers(t *testing.T) {
	from := write(t, header, put("A", 1, 1, "one"))
	to := from + ".new"
	ok, err := Move(from, to, "/news/a.txt", func(h Header) bool { return h.Path != "" })
	if ok || err != nil {
		t.Fatalf("Move = %v, %v; want false, nil", ok, err)
	}
	if _, err := os.Lstat(to); err == nil {
		t.Error("the new name was made")
	}
	moved(t, from, map[string]string{"A": "put:one"})
}

func TestMoveOfAFileAnotherProcessMovedIsErrGone(t *testing.T) {
	dir := t.TempDir()
	if _, err := Move(filepath.Join(dir, "a.notes.jsonl"), filepath.Join(dir, "b.notes.jsonl"), "/a", always); !errors.Is(err, ErrGone) {
		t.Fatalf("got %v, want ErrGone", err)
	}
}

// TestMoveAfterACrashBetweenLinkAndRemoval: both names are one file; the
// old one is removed and nothing is written twice.
func TestMoveAfterACrashBetweenLinkAndRemoval(t *testing.T) {
	from := write(t, header, put("A", 1, 1, "one"))
	to := from + ".new"
	if err := os.Link(from, to); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(from)
	if ok, err := Move(from, to, "", always); !ok || err != nil {
		t.Fatalf("Move = %v, %v", ok, err)
	}
	if after, _ := os.ReadFile(to); string(after) != string(before) {
		t.Errorf("the file changed:\n%s\nwas\n%s", after, before)
	}
}

// TestMoveOntoANotesFileMergesTheEvents: when the new name has notes of
// its own, the old file's events are added to them (after a line torn by
// a crash is ended), its header dropped.
func TestMoveOntoANotesFileMergesTheEvents(t *testing.T) {
	from := write(t, header, put("A", 1, 1, "one"), put("B", 1, 1, "two"))
	to := from + ".new"
	if err := os.WriteFile(to, []byte(`{"margin_notes":1,"path":"/news/a.txt"}`+"\n"+put("B", 2, 3, "two, edited")+"\n"+`{"op":"put","id":"C"`), 0o644); err != nil {
		t.Fatal(err)
	}
	if ok, err := Move(from, to, "/news/a.txt", always); !ok || err != nil {
		t.Fatalf("Move = %v, %v", ok, err)
	}
	s, err := Open(to, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(texts(s)); got != fmt.Sprint(map[string]string{"A": "put:one", "B": "put:two, edited"}) {
		t.Errorf("notes %s", got)
	}
	if bad := s.Bad(); len(bad) != 1 || !strings.HasPrefix(bad[0].Text, `{"op":"put","id":"C"`) {
		t.Errorf("the torn line is not kept alone: %+v", bad)
	}
	if h, _ := s.Header(); h.Path != "/news/a.txt" {
		t.Errorf("header %+v", h)
	}
}

// TestWritersInOneProcessMoveASidecarAtOnce: each writer opens and locks
// the files itself, as another process would; all move the same old file
// and then add notes; every note is under the new name once.
func TestWritersInOneProcessMoveASidecarAtOnce(t *testing.T) {
	for round := range 20 {
		from := write(t, header, put("OLD", 1, 1, "old"))
		to := from + ".new"
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Go(func() {
				if _, err := Move(from, to, "/news/a.txt", always); err != nil && !errors.Is(err, ErrGone) {
					errs[i] = err
					return
				}
				errs[i] = writeNotes(to, fmt.Sprint("w", i), 3)
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		s, err := Open(to, Header{})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(texts(s)); n != 1+6*3 || len(s.Bad()) != 0 {
			t.Fatalf("round %d: %d notes, %d bad lines; want %d, 0", round, n, len(s.Bad()), 1+6*3)
		}
		if _, err := os.Lstat(from); err == nil {
			t.Fatalf("round %d: the old name is still there", round)
		}
	}
}

func TestTwoProcessesMoveASidecarAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts four processes")
	}
	from := write(t, header, put("OLD", 1, 1, "old"))
	to := from + ".new"
	runWriters(t, []string{"SIDECAR_TEST_WRITER=" + to, "SIDECAR_TEST_MOVE_FROM=" + from, "SIDECAR_TEST_COUNT=50"}, "one", "two", "three", "four")
	s, err := Open(to, Header{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(texts(s)); n != 1+4*50 || len(s.Bad()) != 0 {
		t.Fatalf("%d notes and %d bad lines, want %d and 0", n, len(s.Bad()), 1+4*50)
	}
	if _, err := os.Lstat(from); err == nil {
		t.Fatal("the old name is still there")
	}
}

// TestMoveTakesTheRejectedLinesAlong: the lines compaction set aside
// beside the old name go to the new name's, after any there already.
func TestMoveTakesTheRejectedLinesAlong(t *testing.T) {
	from := write(t, header, put("A", 1, 1, "one"))
	to := from + ".new"
	if err := os.WriteFile(RejectedPath(from), []byte("old bad line"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(RejectedPath(to), []byte("new bad line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if ok, err := Move(from, to, "/news/a.txt", always); !ok || err != nil {
		t.Fatalf("Move = %v, %v", ok, err)
	}
	if got, _ := os.ReadFile(RejectedPath(to)); string(got) != "new bad line\nold bad line\n" {
		t.Errorf("rejected lines %q", got)
	}
	if _, err := os.Lstat(RejectedPath(from)); err == nil {
		t.Error("the old rejected file is still there")
	}
}
