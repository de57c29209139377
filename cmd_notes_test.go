package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
)

// notesTestArticle copies the sample into a fresh folder, with the notes
// cache in a fresh folder too.
func notesTestArticle(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	data, err := os.ReadFile("samples/china-us-claims.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "china-us-claims.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func notesTestBook(t *testing.T, path string) *annotate.Book {
	t.Helper()
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := annotate.Open(a, annotate.Options{})
	if err != nil {
		t.Fatalf("the sidecar does not load: %v", err)
	}
	return b
}

func TestNotesCommands(t *testing.T) {
	path := notesTestArticle(t)
	var out, errs bytes.Buffer
	run := func(args ...string) int {
		out.Reset()
		errs.Reset()
		return run(args, strings.NewReader(""), &out, &errs)
	}
	if code := run("notes", "add", path, "--quote", "pulling all stops", "--note", "A metaphor", "--verdict", "opinion", "--tag", "style", "--source", "https://example.com"); code != 0 {
		t.Fatalf("notes add: %d %s", code, errs.String())
	}
	id := strings.TrimSpace(out.String())
	if len(id) != 26 {
		t.Fatalf("notes add printed %q, want an id", out.String())
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string
		inStdout string
	}{
		{"refuses an ambiguous quote", []string{"notes", "add", path, "--quote", "China", "--note", "x"}, 1, "choose one with --occurrence", ""},
		{"refuses a quote that is not there", []string{"notes", "add", path, "--quote", "no such words", "--note", "x"}, 1, "not in", ""},
		{"refuses an unknown verdict", []string{"notes", "add", path, "--quote", "China", "--verdict", "meh"}, 2, "unknown verdict", ""},
		{"lists notes as JSON with offsets", []string{"notes", "list", "--json", path}, 0, "", `"status": "anchored"`},
		{"lists notes as text", []string{"notes", "list", path}, 0, "", id},
		{"exports markdown", []string{"export", path}, 0, "", "## Summary"},
		{"exports W3C annotations", []string{"export", path, "--format", "w3c"}, 0, "", "TextQuoteSelector"},
		{"refuses an unknown format", []string{"export", path, "--format", "pdf"}, 2, "unknown format", ""},
		{"refuses to remove a note that is not there", []string{"notes", "rm", path, "NOPE"}, 1, "margin: notes rm: no note NOPE on china-us-claims.txt\n", ""},
		{"refuses an occurrence past the last", []string{"notes", "add", path, "--quote", "pulling all stops", "--occurrence", "3"}, 1, "margin: notes add: the quote appears once, so there is no occurrence 3\n", ""},
		{"removes a note and says which", []string{"notes", "rm", path, id}, 0, "", "deleted note " + id + ` ("pulling all stops")`},
		{"says on stderr that there are no notes, leaving stdout empty", []string{"notes", "list", path}, 0, "no notes on china-us-claims.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := run(tt.args...)
			if code != tt.code || !strings.Contains(errs.String(), tt.stderr) || !strings.Contains(out.String(), tt.inStdout) {
				t.Fatalf("exit %d (want %d)\nstderr: %s\nstdout: %s", code, tt.code, errs.String(), out.String())
			}
			if tt.args[1] == "list" && tt.stderr != "" && out.Len() > 0 {
				t.Fatalf("the notice went to stdout too: %q", out.String())
			}
			if strings.Count(errs.String(), "\n") > 1 {
				t.Fatalf("error is more than one line: %q", errs.String())
			}
		})
	}
	if run("notes", "add", path, "--quote", "China", "--occurrence", "2", "--note", "second") != 0 {
		t.Fatal(errs.String())
	}
	if run("export", path, "-o", filepath.Join(filepath.Dir(path), "out.md")) != 0 {
		t.Fatal(errs.String())
	}
	if md, err := os.ReadFile(filepath.Join(filepath.Dir(path), "out.md")); err != nil || !strings.Contains(string(md), "second") {
		t.Fatalf("export -o: %v\n%s", err, md)
	}
}

// TestKillDuringWrites kills `margin notes add` processes with SIGKILL at
// random moments while several writers add 1,000 notes: every note whose
// command exited 0 must be there afterwards, and the sidecar must load.
// TestNotesInTheFallbackFolderAreFoundAgain adds a note to the fallback
// folder, as one does when the article's folder is not writable, then
// lists, exports and reads the article without --notes-dir: each found no
// notes, as if the note were lost; each now shows it and says where it is.
// A same-named article in another folder neither sees nor writes it.
func TestNotesInTheFallbackFolderAreFoundAgain(t *testing.T) {
	path := notesTestArticle(t)
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("MARGIN_NOTES_DIR", "")
	fallback := filepath.Join(data, "margin", "notes")
	var out, errs bytes.Buffer
	run := func(args ...string) int {
		out.Reset()
		errs.Reset()
		return run(args, strings.NewReader(""), &out, &errs)
	}
	if code := run("notes", "add", path, "--notes-dir", fallback, "--quote", "pulling all stops", "--note", "kept aside"); code != 0 {
		t.Fatalf("notes add: %d %s", code, errs.String())
	}
	sidecar := annotate.SidecarPath(path, fallback)
	for _, args := range [][]string{{"notes", "list", path}, {"export", path}} {
		if code := run(args...); code != 0 || !strings.Contains(out.String(), "kept aside") {
			t.Errorf("%s: exit %d without the note kept in the fallback folder:\n%s%s", args[0:2], code, out.String(), errs.String())
		}
		if !strings.Contains(errs.String(), sidecar) {
			t.Errorf("%s does not say the notes are in %s: %q", args[0:2], sidecar, errs.String())
		}
	}
	other := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(other, []byte("Another article, pulling all stops of its own.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := run("notes", "list", other); code != 0 || strings.Contains(out.String(), "kept aside") || strings.Contains(errs.String(), "fallback") {
		t.Errorf("a same-named article in another folder lists the fallback's notes (exit %d):\n%s%s", code, out.String(), errs.String())
	}
	if code := run("notes", "add", other, "--quote", "pulling all stops", "--note", "its own"); code != 0 {
		t.Fatalf("notes add to the same-named article: %d %s", code, errs.String())
	}
	if kept, err := os.ReadFile(sidecar); err != nil || strings.Contains(string(kept), "its own") {
		t.Errorf("the same-named article's note went into the fallback sidecar (%v):\n%s", err, kept)
	}
	if beside, err := os.ReadFile(other + ".notes.jsonl"); err != nil || !strings.Contains(string(beside), "its own") {
		t.Errorf("the same-named article's note is not beside it (%v)", err)
	}
	if code := run("notes", "list", path); code != 0 || !strings.Contains(out.String(), "kept aside") {
		t.Errorf("the true article lost its fallback notes (exit %d):\n%s%s", code, out.String(), errs.String())
	}
	if testing.Short() {
		return
	}
	tm := startTmux(t, []string{"XDG_DATA_HOME=" + data, "TERM=xterm-256color"}, 100, 30, marginBinary(t), path)
	tm.waitFor("the reader to say where the notes are", func(s string) bool { return strings.Contains(s, "notes from the fallback notes folder") })
	// tab is one byte; shift+tab's escape sequence can come apart on a
	// loaded machine, and read as esc.
	tm.send("Tab")
	tm.waitFor("the panel", func(s string) bool { return strings.Contains(s, "Outline") })
	tm.send("Tab", "Tab", "Tab", "Tab")
	tm.waitFor("the note in the notes panel", func(s string) bool { return strings.Contains(s, "kept aside") })
	tm.quit()
}

func TestKillDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 1,000 processes")
	}
	bin := marginBinary(t)
	path := notesTestArticle(t)
	const writers, perWriter = 4, 250
	var (
		mu      sync.Mutex
		durable []string
		killed  int
	)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for i := range perWriter {
				cmd := exec.Command(bin, "notes", "add", path, "--quote", "pulling all stops", "--note", fmt.Sprintf("w%d n%d", w, i))
				var out bytes.Buffer
				cmd.Stdout = &out
				if err := cmd.Start(); err != nil {
					t.Error(err)
					return
				}
				var timer *time.Timer
				if rng.IntN(3) == 0 {
					timer = time.AfterFunc(time.Duration(rng.IntN(30_000))*time.Microsecond, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
				}
				err := cmd.Wait()
				if timer != nil {
					timer.Stop()
				}
				mu.Lock()
				if err == nil {
					durable = append(durable, strings.TrimSpace(out.String()))
				} else {
					killed++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	b := notesTestBook(t, path)
	have := map[string]bool{}
	for _, n := range b.Notes() {
		have[n.ID] = true
	}
	for _, id := range durable {
		if !have[id] {
			t.Errorf("note %s was reported saved but is missing", id)
		}
	}
	t.Logf("%d notes saved, %d processes killed, %d notes in the sidecar, warnings: %v", len(durable), killed, len(have), b.Warnings())
	if killed == 0 {
		t.Error("no process was killed; the test proves nothing")
	}
}

// TestNotesListEndsRowsAtTheirText lists a verdict without text or tags
// beside a note with both: no row ends in the padding of the columns it
// leaves empty, which wrapped to a blank row in a narrow terminal.
func TestNotesListEndsRowsAtTheirText(t *testing.T) {
	path := notesTestArticle(t)
	var out, errs bytes.Buffer
	for _, args := range [][]string{
		{"notes", "add", path, "--quote", "pulling all stops", "--verdict", "opinion"},
		{"notes", "add", path, "--quote", "rock-solid relations", "--note", "Said by whom, and when?", "--tag", "sourcing"},
		{"notes", "list", path},
	} {
		out.Reset()
		if code := run(args, strings.NewReader(""), &out, &errs); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs.String())
		}
	}
	rows := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(rows) != 2 {
		t.Fatalf("notes list printed %d rows, want 2:\n%s", len(rows), out.String())
	}
	for _, row := range rows {
		if strings.HasSuffix(row, " ") {
			t.Errorf("the row ends in spaces: %q", row)
		}
	}
}

// TestNotesAddUsageBracketsWhatItCanDoWithout reads notes add's usage
// line: a flag it shows bare is required (the command fails without it),
// one in brackets is not. It showed --note TEXT bare, though a verdict
// alone, or a bare mark, is a note.
func TestNotesAddUsageBracketsWhatItCanDoWithout(t *testing.T) {
	full := map[string][]string{
		"--quote": {"--quote", "pulling all stops"}, "--occurrence": {"--occurrence", "1"}, "--note": {"--note", "A metaphor"},
		"--verdict": {"--verdict", "opinion"}, "--tag": {"--tag", "style"}, "--source": {"--source", "https://example.com"},
	}
	fields := strings.Fields(notesAddUsage)
	for i, f := range fields {
		name := strings.Trim(f, "[]")
		if !strings.HasPrefix(name, "--") {
			continue
		}
		if _, ok := full[name]; !ok {
			t.Fatalf("the usage names %s, which the test does not know", name)
		}
		required := !strings.HasPrefix(f, "[")
		t.Run(name, func(t *testing.T) {
			args := []string{"notes", "add", notesTestArticle(t)}
			for other, a := range full {
				if other != name {
					args = append(args, a...)
				}
			}
			var out, errs bytes.Buffer
			code := run(args, strings.NewReader(""), &out, &errs)
			if required && code == 0 || !required && code != 0 {
				t.Errorf("usage shows %q (field %d), but without it notes add exits %d: %s", f, i, code, errs.String())
			}
		})
	}
}

func TestNotesAgreeWithTheReader(t *testing.T) {
	path := notesTestArticle(t)
	if code, _, errs := runNotesCLI("notes", "add", path, "--quote", "pulling all stops", "--tag", "B", "--tag", "b", "--tag", " ", "--tag", "c"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runNotesCLI("notes", "add", path, "--quote", "Assertions from US officials", "--verdict", "mostly-true"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runNotesCLI("notes", "list", path)
	if code != 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		name  string
		ok    bool
		label string
	}{
		{"a note without a verdict is listed as having no verdict", strings.Contains(out, "no verdict"), "no verdict"},
		{"the word none is not shown for it", !strings.Contains(out, "none"), "no none"},
		{"a verdict is named as the reader names it", strings.Contains(out, "mostly true") && !strings.Contains(out, "mostly-true"), "mostly true"},
		{"a tag given twice in two cases is kept once, first spelling", strings.HasSuffix(strings.TrimSpace(out), "B, c"), "tags B, c"},
	}
	for _, tt := range tests {
		if !tt.ok {
			t.Errorf("%s: want %s in %q", tt.name, tt.label, out)
		}
	}
}

// TestNotesAndExportFindANotesFolderSidecarByPath: in a notes folder two
// same-named articles each keep their own notes through notes add, list
// and export; a sidecar under the file name alone, as margin kept them,
// that records the article's path is found by list and moved to the
// article's own name, which export then reads.
func TestNotesAndExportFindANotesFolderSidecarByPath(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("MARGIN_NOTES_DIR", "")
	dir := t.TempDir()
	text := "The ferry company said on Friday that its two new boats would enter service in May.\n"
	var paths []string
	for range 2 {
		p := filepath.Join(t.TempDir(), "article.txt")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	var out, errs bytes.Buffer
	run := func(args ...string) int {
		out.Reset()
		errs.Reset()
		return run(args, strings.NewReader(""), &out, &errs)
	}
	for i, p := range paths {
		if code := run("notes", "add", p, "--notes-dir", dir, "--quote", "two new boats", "--note", fmt.Sprint("note ", i)); code != 0 {
			t.Fatalf("notes add %d: %d %s", i, code, errs.String())
		}
	}
	// The first article's notes as an older margin kept them.
	own := annotate.SidecarPath(paths[0], dir)
	old := filepath.Join(dir, "article.txt"+annotate.Suffix)
	if err := os.Rename(own, old); err != nil {
		t.Fatal(err)
	}
	for i, p := range paths {
		for _, args := range [][]string{{"notes", "list", p}, {"export", p}} {
			args = append(args, "--notes-dir", dir)
			if code := run(args...); code != 0 || !strings.Contains(out.String(), fmt.Sprint("note ", i)) || strings.Contains(out.String(), fmt.Sprint("note ", 1-i)) {
				t.Errorf("%s of article %d: exit %d, want its note alone:\n%s%s", args[:2], i, code, out.String(), errs.String())
			}
		}
	}
	// Read where they are: another margin may have the file open.
	if _, err := os.Stat(old); err != nil {
		t.Errorf("the old name is gone: %v", err)
	}
	if _, err := os.Stat(own); err == nil {
		t.Error("the first article's notes were moved to its own name")
	}
}

// TestNotesAddPrintsWhereTheNotesAreWarning: notes add says on stderr
// what notes list says about the notes folder (here an old-name entry
// that is not a notes file), and still saves the note.
func TestNotesAddPrintsWhereTheNotesAreWarning(t *testing.T) {
	path := notesTestArticle(t)
	dir := t.TempDir()
	old := filepath.Join(dir, filepath.Base(path)+annotate.Suffix)
	if err := os.Mkdir(old, 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runNotesCLI("notes", "add", path, "--notes-dir", dir, "--quote", "pulling all stops", "--note", "kept")
	if code != 0 || strings.Count(errs, old) != 1 {
		t.Fatalf("exit %d, stderr %q; want 0 and one warning naming %s", code, errs, old)
	}
	code, out, errs := runNotesCLI("notes", "list", path, "--notes-dir", dir)
	if code != 0 || !strings.Contains(out, "kept") {
		t.Fatalf("list: exit %d, %q, %q", code, out, errs)
	}
}

// TestNotesCompactOfNoNotesSaysSo: it printed "a.txt.notes.jsonl: 0
// notes and 0 deleted notes kept", naming a file it had just made.
func TestNotesCompactOfNoNotesSaysSo(t *testing.T) {
	path := notesTestArticle(t)
	var out, errs bytes.Buffer
	if code := run([]string{"notes", "compact", path}, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("notes compact: %d %s", code, errs.String())
	}
	if out.String() != "" || errs.String() != "no notes on china-us-claims.txt; nothing to compact\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errs.String())
	}
	if _, err := os.Lstat(annotate.SidecarPath(path, "")); !os.IsNotExist(err) {
		t.Errorf("a sidecar was made: %v", err)
	}
}

// TestNotesOnAnAddressSayToGiveTheSavedFile: notes and export take a
// file; an address read "open https://…: no such file or directory", as
// if the page were missing. Each says, in one line and without fetching,
// that the reader saves the page and where.
func TestNotesOnAnAddressSayToGiveTheSavedFile(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	// The scheme is read in any case (RFC 3986, 3.1).
	for _, page := range []string{"https://news.invalid/2024/harbour-story", "HTTPS://news.invalid/2024/harbour-story"} {
		for _, args := range [][]string{
			{"notes", "add", page, "--quote", "harbour"},
			{"notes", "list", page},
			{"notes", "rm", page, "01ABC"},
			{"notes", "compact", page},
			{"export", page},
		} {
			var out, errs bytes.Buffer
			code := run(args, strings.NewReader(""), &out, &errs)
			msg := errs.String()
			if code != 2 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "not an address") ||
				!strings.Contains(msg, filepath.Join(data, "margin", "articles")) || strings.Contains(msg, "no such file") {
				t.Errorf("%v: exit %d, stderr %q; want 2 and one line naming the articles folder", args, code, msg)
			}
		}
	}
}

// TestNotesListCutsQuotesAfterAWholeWordAndByWidth cuts quotes as margin
// notes list shows them: after the last whole word that fits, and by the
// columns a wide script takes, never past n of them.
func TestNotesListCutsQuotesAfterAWholeWordAndByWidth(t *testing.T) {
	for _, tt := range []struct {
		name, s string
		n       int
		want    string
	}{
		{"a quote that fits is whole", "the schedule was realistic", 30, "the schedule was realistic"},
		{"a long quote ends after a word", "engineers denied that the schedule was realistic at all", 40, "engineers denied that the schedule was…"},
		{"lines become one", "the schedule\nwas realistic", 30, "the schedule was realistic"},
		{"a wide script is cut by columns", "北京表示美国的说法是虚假信息北京表示美国的说法是虚假信息", 20, "北京表示美国的说法…"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := oneLine(tt.s, tt.n)
			if got != tt.want || ansi.StringWidth(got) > tt.n {
				t.Errorf("oneLine(%q, %d) = %q (%d columns), want %q", tt.s, tt.n, got, ansi.StringWidth(got), tt.want)
			}
		})
	}
}
