package annotate_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model"
)

const sample = "../samples/china-us-claims.txt"

// article copies the sample into a fresh directory and loads it.
func article(t testing.TB) *model.Article {
	t.Helper()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "china-us-claims.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return reload(t, path)
}

func reload(t testing.TB, path string) *model.Article {
	t.Helper()
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func open(t testing.TB, a *model.Article) *annotate.Book {
	t.Helper()
	b, err := annotate.Open(a, annotate.Options{Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func add(t testing.TB, b *annotate.Book, quote, text string, v annotate.Verdict) annotate.Note {
	t.Helper()
	s, err := anchor.Find(b.Article().Text, quote, 0)
	if err != nil {
		t.Fatalf("find %q: %v", quote, err)
	}
	n, err := b.Add(annotate.Note{Span: s, Text: text, Verdict: v, Tags: []string{"t", "t", " "}})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestNotesLifecycle(t *testing.T) {
	a := article(t)
	b := open(t, a)
	late := add(t, b, "pulling all stops", "A metaphor.", annotate.Opinion)
	early := add(t, b, "were “disinformation”", "Who says so?", annotate.Unverified)
	if late.ID == "" || late.Status != annotate.Anchored || late.Rev != 1 || late.Author != "tester" {
		t.Fatalf("added note %+v", late)
	}
	if len(late.Tags) != 1 {
		t.Fatalf("tags %q, want duplicates and blanks dropped", late.Tags)
	}
	if got := b.Notes(); len(got) != 2 || got[0].ID != early.ID {
		t.Fatal("notes are not in article order")
	}
	early.Text = "Chinese embassy says so."
	early.Verdict = annotate.False
	edited, err := b.Put(early)
	if err != nil {
		t.Fatal(err)
	}
	if edited.Rev != 2 || !edited.Created.Equal(early.Created) {
		t.Fatalf("edited note rev %d created %v", edited.Rev, edited.Created)
	}
	if err := b.Delete(late.ID); err != nil {
		t.Fatal(err)
	}
	if len(b.Notes()) != 1 || len(b.Deleted()) != 1 {
		t.Fatalf("after delete: %d notes, %d deleted", len(b.Notes()), len(b.Deleted()))
	}
	back, err := b.Undelete(late.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Text != "A metaphor." || back.Rev != 3 {
		t.Fatalf("undeleted note %+v", back)
	}

	again := open(t, reload(t, a.Path))
	got := again.Notes()
	if len(got) != 2 || got[0].Text != "Chinese embassy says so." || got[0].Verdict != annotate.False || got[1].ID != late.ID {
		t.Fatalf("reopened notes %+v", got)
	}
	if w := again.Warnings(); len(w) != 0 {
		t.Fatalf("warnings %v", w)
	}
}

func TestANoteOutlivesItsSentence(t *testing.T) {
	a := article(t)
	b := open(t, a)
	sentence := "On the other hand, the West is pulling all stops to support Ukraine in the battle."
	gone := add(t, b, sentence, "Vague.", annotate.Misleading)
	kept := add(t, b, "third week now", "", annotate.True)

	data, _ := os.ReadFile(a.Path)
	edited := strings.Replace(string(data), sentence, "", 1)
	if edited == string(data) {
		t.Fatal("the sample no longer has the sentence")
	}
	if err := os.WriteFile(a.Path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	b2 := open(t, reload(t, a.Path))
	byID := map[string]annotate.Note{}
	for _, n := range b2.Notes() {
		byID[n.ID] = n
	}
	if n := byID[gone.ID]; n.Status != annotate.Orphaned || n.Quote() != sentence || n.Text != "Vague." {
		t.Fatalf("note on the deleted sentence: %+v", n)
	}
	if n := byID[kept.ID]; n.Status != annotate.Moved || n.Span.In(b2.Article().Text) != "third week now" {
		t.Fatalf("note on a surviving passage: %+v", n)
	}
}

// TestAVerdictOnAChangedFigureAsksForAttention edits the figure a verdict
// was given on: the note stays at its passage with its text and verdict,
// but as changed, not moved, since the verdict was on the old figure.
func TestAVerdictOnAChangedFigureAsksForAttention(t *testing.T) {
	a := article(t)
	quote := "nearly 600 Ukrainian civilians have been killed"
	n := add(t, open(t, a), quote, "UN figure.", annotate.True)
	data, _ := os.ReadFile(a.Path)
	edited := strings.Replace(string(data), "nearly 600", "nearly 640", 1)
	if err := os.WriteFile(a.Path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	b := open(t, reload(t, a.Path))
	got, _ := b.Note(n.ID)
	text := b.Article().Text
	if got.Status != annotate.Changed || got.Span.In(text) != "nearly 640 Ukrainian civilians have been killed" {
		t.Fatalf("note is %s on %q, want changed on the new figure", got.Status, got.Span.In(text))
	}
	if got.Text != "UN figure." || got.Verdict != annotate.True || got.Quote() != quote || !got.Reworded(text) {
		t.Fatalf("the changed note lost what it was: %+v", got)
	}
}

func TestPutKeepsTheOriginalPassageOfAnOrphan(t *testing.T) {
	a := article(t)
	n := add(t, open(t, a), "pulling all stops", "x", annotate.None)
	data, _ := os.ReadFile(a.Path)
	os.WriteFile(a.Path, []byte(strings.Replace(string(data), "pulling all stops", "doing a lot", 1)), 0o644)
	b := open(t, reload(t, a.Path))
	orphan, _ := b.Note(n.ID)
	if orphan.Status != annotate.Orphaned {
		t.Fatalf("status %s", orphan.Status)
	}
	orphan.Text = "still about the old wording"
	saved, err := b.Put(orphan)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Quote() != "pulling all stops" || saved.Status != annotate.Orphaned {
		t.Fatalf("saved orphan %+v", saved)
	}
}

func TestSidecarNextToTheArticleOrInTheChosenDir(t *testing.T) {
	if got := annotate.SidecarPath("/a/b/story.html", ""); got != "/a/b/story.html.notes.jsonl" {
		t.Fatal(got)
	}
	// In a notes folder the name is the file's and a key of its path.
	keyed := regexp.MustCompile(`^/notes/story\.html\.[0-9a-f]{12}\.notes\.jsonl$`)
	got := annotate.SidecarPath("/a/b/story.html", "/notes")
	if !keyed.MatchString(got) {
		t.Fatal(got)
	}
	if other := annotate.SidecarPath("/a/c/story.html", "/notes"); other == got || !keyed.MatchString(other) {
		t.Fatalf("another folder's story.html: %s (and %s)", other, got)
	}
	// The example in the README.
	if got := annotate.SidecarPath("/ro/a/index.html", "/notes"); got != "/notes/index.html.25dda5728e44.notes.jsonl" {
		t.Errorf("README's example: %s", got)
	}
	if again := annotate.SidecarPath("/a/b/../b/story.html", "/notes"); again != got {
		t.Fatalf("the same path spelt otherwise: %s, want %s", again, got)
	}
	a := article(t)
	dir := filepath.Join(t.TempDir(), "elsewhere")
	b, err := annotate.Open(a, annotate.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	add(t, b, "pulling all stops", "x", annotate.None)
	if _, err := os.Stat(annotate.SidecarPath(a.Path, dir)); err != nil || b.Path() != annotate.SidecarPath(a.Path, dir) {
		t.Fatalf("%s: %v", b.Path(), err)
	}
	if _, err := os.Stat(a.Path + annotate.Suffix); err == nil {
		t.Fatal("notes were written next to the article too")
	}
}

// TestNotesSavedInTheFallbackFolderAreFoundAgain reopens an article whose
// notes went to the fallback folder: without --notes-dir, margin showed
// none of them, as if they were lost.
func TestNotesSavedInTheFallbackFolderAreFoundAgain(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	fallback, err := annotate.FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	a := article(t)
	b, err := annotate.Open(a, annotate.Options{Dir: fallback})
	if err != nil {
		t.Fatal(err)
	}
	add(t, b, "pulling all stops", "kept in the fallback", annotate.None)
	beside := annotate.SidecarPath(a.Path, "")
	for _, c := range []struct {
		name, dir  string
		besideToo  bool
		want       string
		isFallback bool
	}{
		{"with no sidecar beside the article, the fallback's", "", false, fallback, true},
		{"the folder chosen, whatever the fallback has", "/chosen", false, "/chosen", false},
		{"the sidecar beside the article, which has its own notes", "", true, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.besideToo {
				if err := os.WriteFile(beside, nil, 0o644); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(beside)
			}
			got, isFallback := notesDir(a, c.dir)
			if got != c.want || isFallback != c.isFallback {
				t.Errorf("NotesDir(%q) = %q, %v; want %q, %v", c.dir, got, isFallback, c.want, c.isFallback)
			}
		})
	}
	if got, _ := notesDir(&model.Article{Path: filepath.Join(t.TempDir(), "other.txt")}, ""); got != "" {
		t.Errorf("an article with no notes in the fallback folder keeps them beside it, not in %q", got)
	}
	dir, _ := notesDir(a, "")
	again, err := annotate.Open(reload(t, a.Path), annotate.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if n := again.Notes(); len(n) != 1 || n[0].Text != "kept in the fallback" {
		t.Errorf("reopened, the article has %d notes, want the one in the fallback folder", len(n))
	}
}

// TestTheFallbackFolderGivesNoArticleAnothersNotes: the fallback folder
// keeps sidecars by file name, so a same-named article elsewhere
// (/tmp/b/index.html for /ro/a/index.html) found the other's notes there,
// showed them and wrote into them. Only the article whose path the
// sidecar records, or for an older sidecar with none, the article of the
// same text in a folder it cannot write, uses it.
func TestTheFallbackFolderGivesNoArticleAnothersNotes(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	fallback, err := annotate.FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	owner := article(t)
	b, err := annotate.Open(owner, annotate.Options{Dir: fallback})
	if err != nil {
		t.Fatal(err)
	}
	add(t, b, "pulling all stops", "the owner's note", annotate.None)
	sidecarPath := annotate.SidecarPath(owner.Path, fallback)
	recorded, err := os.ReadFile(sidecarPath)
	if err != nil {
		t.Fatal(err)
	}
	if abs, _ := filepath.Abs(owner.Path); !strings.Contains(string(recorded), `"path":`+strconv.Quote(abs)) {
		t.Fatalf("the fallback sidecar does not record the article's path %s:\n%s", abs, recorded)
	}
	oldHeader := func(hash string) string {
		return `{"margin_notes":1,"article":"` + hash + `","source":"china-us-claims.txt"}` + "\n"
	}
	root := os.Geteuid() == 0
	for _, c := range []struct {
		name     string
		header   string // "" keeps the sidecar the owner wrote
		other    bool   // a same-named article in another folder, not the owner
		readOnly bool   // that article's folder is not writable
		linked   bool   // the owner opened through a symbolic link
		want     bool
	}{
		{"the article the sidecar records finds its notes", "", false, false, false, true},
		{"the article the sidecar records, through a link, finds its notes", "", false, false, true, true},
		{"a same-named article in a writable folder gets none", "", true, false, false, false},
		{"a same-named article in a read-only folder gets none", "", true, true, false, false},
		{"an older sidecar with no path is not used from a writable folder", oldHeader(owner.Hash), true, false, false, false},
		{"an older sidecar with no path is used from a read-only folder for the same text", oldHeader(owner.Hash), true, true, false, true},
		{"an older sidecar with no path is not used for another text", oldHeader("sha256:0"), true, true, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.readOnly && root {
				t.Skip("root can write anywhere")
			}
			content := recorded
			if c.header != "" {
				content = []byte(c.header)
			}
			if err := os.WriteFile(sidecarPath, content, 0o644); err != nil {
				t.Fatal(err)
			}
			a := owner
			if c.other {
				a = article(t)
			}
			if c.linked {
				link := filepath.Join(t.TempDir(), "china-us-claims.txt")
				if err := os.Symlink(owner.Path, link); err != nil {
					t.Fatal(err)
				}
				a = reload(t, link)
			}
			if c.readOnly {
				dir := filepath.Dir(a.Path)
				if err := os.Chmod(dir, 0o555); err != nil {
					t.Fatal(err)
				}
				defer os.Chmod(dir, 0o755)
			}
			got, isFallback := notesDir(a, "")
			if want := map[bool]string{true: fallback, false: ""}[c.want]; got != want || isFallback != c.want {
				t.Errorf("NotesDir = %q, %v; want %q, %v", got, isFallback, want, c.want)
			}
		})
	}
}

// TestANoteInAnOlderFallbackSidecarRecordsTheArticlesPath: a sidecar
// saved in the fallback folder before margin recorded whose it is is
// found only by the article's hash, so the article's first edit hid its
// notes. Writing a note to it, by the reader or by notes add, records the
// article's path, and the notes are found after the edit.
func TestANoteInAnOlderFallbackSidecarRecordsTheArticlesPath(t *testing.T) {
	writers := map[string]func(t *testing.T, a *model.Article, dir string){
		"the reader": func(t *testing.T, a *model.Article, dir string) {
			b, err := annotate.Open(a, annotate.Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			add(t, b, "pulling all stops", "a new note", annotate.None)
		},
		"notes add": func(t *testing.T, a *model.Article, dir string) {
			s, err := anchor.Find(a.Text, "pulling all stops", 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := annotate.Append(a, annotate.Options{Dir: dir}, annotate.Note{Span: s, Text: "a new note"}); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", t.TempDir())
			fallback, err := annotate.FallbackDir()
			if err != nil {
				t.Fatal(err)
			}
			a := article(t)
			old := `{"margin_notes":1,"article":"` + a.Hash + `","source":"china-us-claims.txt"}` + "\n"
			if err := os.MkdirAll(fallback, 0o755); err != nil {
				t.Fatal(err)
			}
			// By the file name alone, as margin kept sidecars then.
			if err := os.WriteFile(filepath.Join(fallback, "china-us-claims.txt"+annotate.Suffix), []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			write(t, a, fallback)
			f, err := os.OpenFile(a.Path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\nA paragraph added after the notes were written.\n")
			f.Close()
			edited := reload(t, a.Path)
			if got, isFallback := notesDir(edited, ""); got != fallback || !isFallback {
				t.Fatalf("after an edit NotesDir = %q, %v; want the fallback %q", got, isFallback, fallback)
			}
			b, err := annotate.Open(edited, annotate.Options{Dir: fallback})
			if err != nil {
				t.Fatal(err)
			}
			if n := b.Notes(); len(n) != 1 || n[0].Text != "a new note" {
				t.Fatalf("notes after the edit: %+v", n)
			}
		})
	}
}

// TestTheFallbackFolderTakesNoNoteIntoAnothersSidecar: a sidecar under
// an article's own name in the fallback folder that records another file
// still there (copied by hand, or two paths of one key) would take notes
// that NotesDir never finds for this article. It is refused, the note
// left with the caller; once that file is gone (moved), the sidecar may
// be written.
func TestTheFallbackFolderTakesNoNoteIntoAnothersSidecar(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	fallback, err := annotate.FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	first, second := article(t), article(t)
	add(t, openIn(t, first, fallback), "pulling all stops", "on the first", annotate.None)
	before, err := os.ReadFile(annotate.SidecarPath(first.Path, fallback))
	if err != nil {
		t.Fatal(err)
	}
	sidecarPath := annotate.SidecarPath(second.Path, fallback)
	if err := os.WriteFile(sidecarPath, before, 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ := anchor.Find(second.Text, "pulling all stops", 0)
	writes := map[string]func() error{
		"add": func() error {
			_, err := openIn(t, second, fallback).Add(annotate.Note{Span: s, Text: "on the second"})
			return err
		},
		"append": func() error {
			_, _, err := annotate.Append(second, annotate.Options{Dir: fallback}, annotate.Note{Span: s, Text: "on the second"})
			return err
		},
		"compact":   func() error { return openIn(t, second, fallback).Compact() },
		"mark seen": func() error { return openIn(t, second, fallback).MarkSeen(s) },
	}
	for name, write := range writes {
		t.Run(name, func(t *testing.T) {
			err := write()
			if !errors.Is(err, annotate.ErrRefused) || !strings.Contains(err.Error(), first.Path) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("got %v, want a one-line refusal naming %s", err, first.Path)
			}
			if after, _ := os.ReadFile(sidecarPath); string(after) != string(before) {
				t.Fatal("the sidecar that records the first article changed")
			}
		})
	}
	if err := os.Remove(first.Path); err != nil {
		t.Fatal(err)
	}
	if _, err := openIn(t, second, fallback).Add(annotate.Note{Span: s, Text: "on the second"}); err != nil {
		t.Fatalf("with the first article gone: %v", err)
	}
}

func openIn(t *testing.T, a *model.Article, dir string) *annotate.Book {
	t.Helper()
	b, err := annotate.Open(a, annotate.Options{Dir: dir, Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestUnwritableDirectoryNamesTheFallback(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere; see TestUnwritableErrorMessage")
	}
	a := article(t)
	dir := filepath.Dir(a.Path)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	b := open(t, a)
	s, _ := anchor.Find(a.Text, "pulling all stops", 0)
	_, err := b.Add(annotate.Note{Span: s})
	if err == nil || !strings.Contains(err.Error(), "--notes-dir") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %v", err)
	}
}

func TestUnionMergeOfTwoBranchesKeepsBothSidesNotes(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	a := article(t)
	dir := filepath.Dir(a.Path)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q", "-b", "main")
	os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("*.notes.jsonl merge=union\n"), 0o644)
	base := add(t, open(t, a), "pulling all stops", "base", annotate.None)
	run("add", ".")
	run("commit", "-q", "-m", "base")

	run("checkout", "-q", "-b", "ann")
	b := open(t, a)
	add(t, b, "third week now", "ann's", annotate.True)
	if err := b.Delete(base.ID); err != nil {
		t.Fatal(err)
	}
	run("commit", "-q", "-am", "ann")

	run("checkout", "-q", "main")
	add(t, open(t, a), "rock-solid relations", "bob's", annotate.Misleading)
	run("commit", "-q", "-am", "bob")
	run("merge", "-q", "--no-edit", "ann")

	merged := open(t, reload(t, a.Path))
	var texts []string
	for _, n := range merged.Notes() {
		texts = append(texts, n.Text)
	}
	if strings.Join(texts, ",") != "bob's,ann's" || len(merged.Warnings()) != 0 || len(merged.Deleted()) != 1 {
		t.Fatalf("merged notes %q, deleted %d, warnings %v", texts, len(merged.Deleted()), merged.Warnings())
	}
}

func TestCompactKeepsNotesAndDeletions(t *testing.T) {
	a := article(t)
	b := open(t, a)
	n := add(t, b, "pulling all stops", "x", annotate.None)
	add(t, b, "third week now", "y", annotate.None)
	b.Delete(n.ID)
	if err := b.Compact(); err != nil {
		t.Fatal(err)
	}
	b2 := open(t, a)
	if len(b2.Notes()) != 1 || len(b2.Deleted()) != 1 {
		t.Fatalf("%d notes, %d deleted after compaction", len(b2.Notes()), len(b2.Deleted()))
	}
}

// TestCompactingNoNotesMakesNoSidecar: compacting a book with no file
// wrote one with a header alone, and a sidecar beside the article hides
// the fallback folder's notes from Locate.
func TestCompactingNoNotesMakesNoSidecar(t *testing.T) {
	a := article(t)
	b := open(t, a)
	if err := b.Compact(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(b.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("compacting no notes left %s (%v)", b.Path(), err)
	}
}

func TestStandardInputHasNoPlaceForNotes(t *testing.T) {
	a := &model.Article{Name: "-", Hash: "sha256:x"}
	if _, err := annotate.Open(a, annotate.Options{}); err == nil {
		t.Fatal("opened notes for an article without a file")
	}
}

func TestParseVerdict(t *testing.T) {
	for _, s := range []string{"true", "Mostly-True", " false ", "none", ""} {
		if _, err := annotate.ParseVerdict(s); err != nil {
			t.Errorf("ParseVerdict(%q): %v", s, err)
		}
	}
	if _, err := annotate.ParseVerdict("pants-on-fire"); err == nil {
		t.Error("accepted an unknown verdict")
	}
}

// manyNotes writes n notes on the sample's sentences.
func manyNotes(b testing.TB, n int) *model.Article {
	a := article(b)
	for i := range n {
		s := a.Sentences[i%len(a.Sentences)]
		if _, _, err := annotate.Append(a, annotate.Options{}, annotate.Note{Span: s, Text: "note", Verdict: annotate.False, Tags: []string{"bench"}, Sources: []string{"https://example.com"}}); err != nil {
			b.Fatal(err)
		}
	}
	return a
}

// BenchmarkOpen1000Notes is what notes add to opening an article: reading
// and anchoring 1,000 of them. Target: under 50 ms.
func BenchmarkOpen1000Notes(b *testing.B) {
	a := manyNotes(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := annotate.Open(a, annotate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenNotes is opening an article's notes with none and with
// 5,000, with and without the fold cache: the target is 5,000 within
// 10 ms of none. It reports CPU time too, steadier on a shared machine.
func BenchmarkOpenNotes(b *testing.B) {
	for _, n := range []int{0, 5000} {
		for _, cached := range []bool{false, true} {
			b.Run(fmt.Sprintf("%d/cached=%v", n, cached), func(b *testing.B) {
				a := manyNotes(b, n)
				opts := annotate.Options{}
				if cached {
					// Time the cache as a second open meets it: written.
					opts.CacheDir = b.TempDir()
					if _, err := annotate.Open(a, opts); err != nil {
						b.Fatal(err)
					}
				}
				cpu := processCPU()
				for b.Loop() {
					if _, err := annotate.Open(a, opts); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			})
		}
	}
}

// BenchmarkAppendNote is `notes add` without the article's loading: one
// note appended to 5,000. Target: flat in the count, under 12 ms.
func BenchmarkAppendNote(b *testing.B) {
	a := manyNotes(b, 5000)
	s := a.Sentences[0]
	for b.Loop() {
		if _, _, err := annotate.Append(a, annotate.Options{}, annotate.Note{Span: s, Text: "another"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen1000NotesOnAnEditedArticle re-anchors 1,000 notes after
// the text changed.
func BenchmarkOpen1000NotesOnAnEditedArticle(b *testing.B) {
	a := manyNotes(b, 1000)
	edited := *a
	edited.Text = "Breaking: " + a.Text
	edited.Hash = model.HashText(edited.Text)
	b.ResetTimer()
	for b.Loop() {
		if _, err := annotate.Open(&edited, annotate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveNote saves one note (lock, append, fsync) into a book that
// already has 1,000. Target: median under 5 ms.
func BenchmarkSaveNote(b *testing.B) { benchmarkSave(b, false) }

// BenchmarkSaveNoteCheckingTheFile is the reader's save: it asks whether
// the article's file changed on disk (Stale) before it adds the note.
func BenchmarkSaveNoteCheckingTheFile(b *testing.B) { benchmarkSave(b, true) }

// benchmarkSave adds notes to a book of 1000, asking first whether the
// file changed when check is set.
func benchmarkSave(b *testing.B, check bool) {
	a := manyNotes(b, 1000)
	book := open(b, a)
	s := a.Sentences[0]
	b.ResetTimer()
	for b.Loop() {
		if check && book.Stale() {
			b.Fatal("the file is taken for changed")
		}
		if _, err := book.Add(annotate.Note{Span: s, Text: "another"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestANoteBegunBeforeTheFileChangedKeepsItsPassage begins a note and an
// edit on the article, then the file changes on disk (a paragraph added
// at the top shifts every offset) before they are saved through the book
// reopened on the new text: each lands on the words it was begun on, not
// on what the old offsets now hold.
func TestANoteBegunBeforeTheFileChangedKeepsItsPassage(t *testing.T) {
	const passage = "pulling all stops"
	a := article(t)
	edited := add(t, open(t, a), "were “disinformation”", "Who says so?", annotate.Unverified)
	begun, err := anchor.Find(a.Text, passage, 0)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(a.Path)
	if err := os.WriteFile(a.Path, append([]byte("An editor's note, added at the top of the article.\n\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	b := open(t, reload(t, a.Path))
	tests := []struct {
		name  string
		save  func() (annotate.Note, error)
		quote string
	}{
		{"a new note", func() (annotate.Note, error) {
			return b.AddOn(a.Text, annotate.Note{Span: begun, Text: "A metaphor."})
		}, passage},
		{"an edit of a note", func() (annotate.Note, error) {
			edited.Text = "The embassy says so."
			return b.PutOn(a.Text, edited)
		}, "were “disinformation”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved, err := tt.save()
			if err != nil {
				t.Fatal(err)
			}
			if got := saved.Span.In(b.Article().Text); !saved.Placed() || got != tt.quote || saved.Quote() != tt.quote {
				t.Errorf("saved %s on %q (quote %q), want it on %q", saved.Status, got, saved.Quote(), tt.quote)
			}
		})
	}
}

// TestANoteSavedAfterTheFileChangedIsAnchoredOnTheNewText begins a note
// and an edit, then changes the file on disk (a paragraph appended, an
// edit above the passage, the passage itself reworded) before they are
// saved through the book reopened on the new text. A passage still there
// word for word is anchored there, and again when the notes are read
// back: saved on the old offsets, it came back "moved" and was listed
// among the notes that need attention, though written after the change.
// A reworded passage keeps the words the note was written on.
func TestANoteSavedAfterTheFileChangedIsAnchoredOnTheNewText(t *testing.T) {
	const passage, notedQuote = "pulling all stops", "were “disinformation”"
	for _, tc := range []struct {
		name     string
		change   func(text string) string
		anchored bool
	}{
		{"a paragraph appended", func(s string) string { return s + "\n\nA paragraph added at the end.\n" }, true},
		{"an edit above the passages", func(s string) string { return "An editor's note, added at the top.\n\n" + s }, true},
		{"the passages reworded", func(s string) string {
			return strings.NewReplacer(passage, "pulling every stop", notedQuote, "were “lies”").Replace(s)
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := article(t)
			edited := add(t, open(t, a), notedQuote, "Who says so?", annotate.Unverified)
			begun, err := anchor.Find(a.Text, passage, 0)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(a.Path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(a.Path, []byte(tc.change(string(data))), 0o644); err != nil {
				t.Fatal(err)
			}
			b := open(t, reload(t, a.Path))
			if _, err := b.AddOn(a.Text, annotate.Note{Span: begun, Text: "A metaphor."}); err != nil {
				t.Fatal(err)
			}
			edited.Text = "The embassy says so."
			if _, err := b.PutOn(a.Text, edited); err != nil {
				t.Fatal(err)
			}
			for _, when := range []struct {
				name string
				b    *annotate.Book
			}{{"as saved", b}, {"read back", open(t, reload(t, a.Path))}} {
				notes := when.b.Notes()
				if len(notes) != 2 {
					t.Fatalf("%s: %d notes, want 2", when.name, len(notes))
				}
				for _, n := range notes {
					quote := map[string]string{"A metaphor.": passage, "The embassy says so.": notedQuote}[n.Text]
					if n.Quote() != quote {
						t.Errorf("%s: the note %q keeps the words %q, want %q", when.name, n.Text, n.Quote(), quote)
					}
					if got := n.Status == annotate.Anchored; got != tc.anchored {
						t.Errorf("%s: the note %q on %q is %s", when.name, n.Text, n.Span.In(when.b.Article().Text), n.Status)
					}
				}
			}
		})
	}
}

func TestATagRepeatedInAnotherCaseIsOneTagAndASourceIsNot(t *testing.T) {
	b := open(t, article(t))
	s, err := anchor.Find(b.Article().Text, "pulling all stops", 0)
	if err != nil {
		t.Fatal(err)
	}
	n, err := b.Add(annotate.Note{Span: s, Tags: []string{"Economy", "economy", " ECONOMY ", "trade"},
		Sources: []string{"https://x.example/A", "https://x.example/a"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(n.Tags, "|"); got != "Economy|trade" {
		t.Errorf("tags %q, want Economy|trade: one tag in its first spelling", got)
	}
	if len(n.Sources) != 2 {
		t.Errorf("sources %q, want both: a source differs in any letter", n.Sources)
	}
}

// TestTheFirstStepOfALongArticleWaitsForItsHashOnlyWhenItMust: an
// article loaded in steps has no hash until it is whole, and an older
// fallback sidecar (no path in its header) is told to be the article's
// only by the hash; NotesDir said no on the first step, and the notes in
// it were not shown. A sidecar that records a path, one beside the
// article, a folder chosen or a whole article need no wait.
func TestTheFirstStepOfALongArticleWaitsForItsHashOnlyWhenItMust(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	fallback, err := annotate.FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(fallback, 0o755); err != nil {
		t.Fatal(err)
	}
	whole := article(t)
	first := *whole
	first.Hash = "" // as model.Loader leaves every step but the last
	abs, _ := filepath.Abs(whole.Path)
	tests := []struct {
		name, header, dir string
		a                 *model.Article
		beside, want      bool
	}{
		{"an older sidecar, on the first step", `{"margin_notes":1,"article":"` + whole.Hash + `"}`, "", &first, false, true},
		{"an older sidecar, on the whole article", `{"margin_notes":1,"article":"` + whole.Hash + `"}`, "", whole, false, false},
		{"a sidecar that records the path", `{"margin_notes":1,"article":"sha256:0","path":"` + abs + `"}`, "", &first, false, false},
		{"a folder chosen", `{"margin_notes":1,"article":"` + whole.Hash + `"}`, "/chosen", &first, false, false},
		{"a sidecar beside the article", `{"margin_notes":1,"article":"` + whole.Hash + `"}`, "", &first, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A sidecar by the file name alone, as margin kept them.
			if err := os.WriteFile(filepath.Join(fallback, "china-us-claims.txt"+annotate.Suffix), []byte(tt.header+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.beside {
				beside := annotate.SidecarPath(whole.Path, "")
				if err := os.WriteFile(beside, nil, 0o644); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(beside)
			}
			if got := annotate.Locate(tt.a, tt.dir).NeedsHash; got != tt.want {
				t.Errorf("Locate(...).NeedsHash = %v, want %v", got, tt.want)
			}
		})
	}
}

// notesDir is the folder Locate finds a's notes in, and whether it is
// the fallback folder, found without being asked for.
func notesDir(a *model.Article, dir string) (string, bool) {
	l := annotate.Locate(a, dir)
	return l.Dir, l.Fallback
}

// TestRebasePlacesTheNotesReadOnTheNewText rebases a book on its article
// read again after a paragraph was added at the top (the sidecar could
// not be read again): its note is found by its words in the new text,
// and one added next is saved on the new text's offsets.
func TestRebasePlacesTheNotesReadOnTheNewText(t *testing.T) {
	a := article(t)
	b := open(t, a)
	add(t, b, "were “disinformation”", "Who says so?", annotate.Unverified)
	data, _ := os.ReadFile(a.Path)
	if err := os.WriteFile(a.Path, append([]byte("An editor's note, added at the top of the article.\n\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := reload(t, a.Path)
	b.Rebase(changed)
	add(t, b, "pulling all stops", "Which stops?", annotate.Unverified)
	for _, book := range []*annotate.Book{b, open(t, changed)} {
		for _, n := range book.Notes() {
			if q := n.Span.In(changed.Text); !n.Placed() || q != n.Quote() {
				t.Errorf("note %q is %s on %q, want placed on %q", n.Text, n.Status, q, n.Quote())
			}
		}
	}
}
