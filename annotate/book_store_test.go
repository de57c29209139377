package annotate_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
)

func TestNotesAreInArticleOrderWithOrphansLast(t *testing.T) {
	a := article(t)
	b := open(t, a)
	gone := add(t, b, "pulling all stops", "first written, early passage", annotate.None)
	late := add(t, b, "third week now", "late passage", annotate.None)
	early := add(t, b, "were “disinformation”", "early passage", annotate.None)
	data, _ := os.ReadFile(a.Path)
	if err := os.WriteFile(a.Path, []byte(strings.Replace(string(data), "pulling all stops", "doing a great deal", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range open(t, reload(t, a.Path)).Notes() {
		ids = append(ids, n.ID)
	}
	want := []string{early.ID, late.ID, gone.ID}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Fatalf("order %v, want %v (the orphan last)", ids, want)
	}
}

func TestAVerdictWithoutTextIsANote(t *testing.T) {
	a := article(t)
	n := add(t, open(t, a), "third week now", "", annotate.True)
	got, ok := open(t, reload(t, a.Path)).Note(n.ID)
	if !ok || got.Verdict != annotate.True || got.Text != "" {
		t.Fatalf("reopened %+v %v", got, ok)
	}
}

func TestAppendSavesWhatAddWouldWithoutReadingTheBook(t *testing.T) {
	a := article(t)
	add(t, open(t, a), "pulling all stops", "already there", annotate.None)
	s, err := anchor.Find(a.Text, "third week now", 0)
	if err != nil {
		t.Fatal(err)
	}
	n, _, err := annotate.Append(a, annotate.Options{Author: "ann"}, annotate.Note{Span: s, Text: "appended", Verdict: annotate.False, Sources: []string{" https://a.example/ "}})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := open(t, reload(t, a.Path)).Note(n.ID)
	if !ok || got.Text != "appended" || got.Span != s || got.Status != annotate.Anchored || got.Author != "ann" || got.Rev != 1 || got.Sources[0] != "https://a.example/" {
		t.Fatalf("appended %+v, reopened %+v", n, got)
	}
	if len(open(t, a).Notes()) != 2 {
		t.Fatal("the note already there was lost")
	}
}

func TestReviewMarksAreSavedAndFoundAgainAfterAnEdit(t *testing.T) {
	a := article(t)
	b := open(t, a)
	claim, err := anchor.Find(a.Text, "third week now", 0)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := anchor.Find(a.Text, "pulling all stops", 0)
	if err := b.MarkSeen(claim); err != nil {
		t.Fatal(err)
	}
	if err := b.MarkSeen(claim); err != nil {
		t.Fatal(err)
	}
	if !b.Seen(claim) || b.Seen(other) {
		t.Fatal("seen marks wrong in the book that made them")
	}
	data, _ := os.ReadFile(b.Path())
	if n := strings.Count(string(data), `"op":"seen"`); n != 1 {
		t.Fatalf("%d seen events after marking one passage twice", n)
	}
	if len(b.Notes()) != 0 {
		t.Fatal("a review mark became a note")
	}
	text, _ := os.ReadFile(a.Path)
	if err := os.WriteFile(a.Path, append([]byte("A new first paragraph.\n\n"), text...), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := open(t, reload(t, a.Path))
	spans := edited.SeenSpans()
	if len(spans) != 1 || spans[0].In(edited.Article().Text) != "third week now" || !edited.Seen(spans[0]) {
		t.Fatalf("after the edit, seen at %v", spans)
	}
	if w := edited.Warnings(); len(w) != 0 {
		t.Fatalf("warnings %v", w)
	}
}

// TestAReviewedPassageWhoseFigureChangedIsShownAgain marks a passage seen,
// then changes its figure: the mark no longer counts, since what was
// reviewed was the old figure.
func TestAReviewedPassageWhoseFigureChangedIsShownAgain(t *testing.T) {
	a := article(t)
	b := open(t, a)
	claim, err := anchor.Find(a.Text, "nearly 600 Ukrainian civilians have been killed", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.MarkSeen(claim); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(a.Path)
	if err := os.WriteFile(a.Path, []byte(strings.Replace(string(text), "nearly 600", "nearly 640", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := open(t, reload(t, a.Path))
	if spans := edited.SeenSpans(); len(spans) != 0 {
		t.Fatalf("after the figure changed, seen at %v; want shown again", spans)
	}
}

func TestEditingANoteKeepsFieldsANewerMarginAdded(t *testing.T) {
	a := article(t)
	b := open(t, a)
	n := add(t, b, "third week now", "before", annotate.None)
	data, _ := os.ReadFile(b.Path())
	data = []byte(strings.Replace(string(data), `"text":"before"`, `"text":"before","confidence":0.8`, 1))
	if err := os.WriteFile(b.Path(), data, 0o644); err != nil {
		t.Fatal(err)
	}
	b = open(t, a)
	n, _ = b.Note(n.ID)
	n.Text = "after"
	if _, err := b.Put(n); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(readFile(t, b.Path())), "\n")
	var ev struct{ Note map[string]any }
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &ev); err != nil || ev.Note["confidence"] != 0.8 || ev.Note["text"] != "after" {
		t.Fatalf("edited event %s", lines[len(lines)-1])
	}
}

func TestEventsOfAnUnknownKindAreKeptWithOneWarning(t *testing.T) {
	a := article(t)
	b := open(t, a)
	add(t, b, "third week now", "x", annotate.None)
	f, err := os.OpenFile(b.Path(), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"op":"link","id":"L1","rev":1,"time":"2025-03-14T09:26:54Z"}` + "\n" + `{"op":"link","id":"L2","rev":1,"time":"2025-03-14T09:26:54Z"}` + "\n")
	f.Close()
	b = open(t, a)
	if w := b.Warnings(); len(w) != 1 || !strings.Contains(w[0], "2 entries") || len(b.Notes()) != 1 {
		t.Fatalf("warnings %q, %d notes", w, len(b.Notes()))
	}
	if err := b.Compact(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readFile(t, b.Path()), `"id":"L2"`) {
		t.Fatal("compaction dropped an event it did not know")
	}
}

func TestSaveErrorsSayWhetherMarginRefusedOrFailed(t *testing.T) {
	a := article(t)
	target := filepath.Join(t.TempDir(), "elsewhere.jsonl")
	if err := os.Symlink(target, annotate.SidecarPath(a.Path, "")); err != nil {
		t.Fatal(err)
	}
	_, err := annotate.Open(a, annotate.Options{})
	if !errors.Is(err, annotate.ErrRefused) {
		t.Fatalf("open a symlinked sidecar: %v", err)
	}
	s, _ := anchor.Find(a.Text, "third week now", 0)
	_, _, err = annotate.Append(a, annotate.Options{}, annotate.Note{Span: s})
	var refused *annotate.RefusedError
	if !errors.As(err, &refused) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("append through a symlink: %v", err)
	}
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the link's target was created")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCheckSource(t *testing.T) {
	tests := []struct {
		name, src string
		ok        bool
	}{
		{"accepts a web link", "https://example.com/report.pdf", true},
		{"accepts a link with a port and a query", "http://archive.example:8080/a?b=c", true},
		{"warns about a bare word", "not-a-url", false},
		{"warns about a host without a scheme", "example.com/page", false},
		{"warns about a scheme without a host", "doi:10.1000/182", false},
		{"warns about an empty source", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := annotate.CheckSource(tt.src)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckSource(%q) = %v", tt.src, err)
			}
		})
	}
}

// listing is what a book shows, for comparing a cached open with a full one.
func listing(b *annotate.Book) string {
	var out strings.Builder
	for _, n := range b.Notes() {
		fmt.Fprintf(&out, "%s %v %s %+v %v %q %s %q %q %s %d %s %s\n", n.ID, n.Span, n.Status, n.Target, n.Candidates, n.Text, n.Verdict, n.Tags, n.Sources, n.Author, n.Rev, n.Created.UTC(), n.Updated.UTC())
	}
	fmt.Fprintln(&out, b.SeenSpans(), len(b.Deleted()), b.Warnings())
	return out.String()
}

func TestACachedBookShowsWhatAFullReadShows(t *testing.T) {
	a := article(t)
	cache := annotate.Options{CacheDir: t.TempDir()}
	b := open(t, a)
	add(t, b, "pulling all stops", "one", annotate.Opinion)
	gone := add(t, b, "third week now", "two", annotate.True)
	claim, _ := anchor.Find(a.Text, "rock-solid relations", 0)
	if err := b.MarkSeen(claim); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		change func(t *testing.T)
	}{
		{"on the first open, which writes the cache", func(*testing.T) {}},
		{"on an unchanged book", func(*testing.T) {}},
		{"after a note was added elsewhere", func(t *testing.T) { add(t, open(t, a), "were “disinformation”", "three", annotate.False) }},
		{"after a deletion", func(t *testing.T) { open(t, a).Delete(gone.ID) }},
		{"after the article changed", func(t *testing.T) {
			data, _ := os.ReadFile(a.Path)
			os.WriteFile(a.Path, append([]byte("New first line.\n\n"), data...), 0o644)
			a = reload(t, a.Path)
		}},
		{"on the changed article's cache", func(*testing.T) {}},
	}
	for _, st := range steps {
		st.change(t)
		cached, err := annotate.Open(a, cache)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := listing(cached), listing(open(t, a)); got != want {
			t.Fatalf("%s, cached:\n%s\nfull:\n%s", st.name, got, want)
		}
	}
}

func TestDefaultAuthorFallsBackToTheLoginName(t *testing.T) {
	t.Setenv("MARGIN_AUTHOR", "")
	t.Setenv("USER", "")
	u, err := user.Current()
	if err != nil {
		t.Skip("no user database:", err)
	}
	if got := annotate.DefaultAuthor(); got != u.Username {
		t.Fatalf("DefaultAuthor() = %q, want the login name %q", got, u.Username)
	}
	t.Setenv("USER", " ann ")
	if got := annotate.DefaultAuthor(); got != "ann" {
		t.Fatalf("DefaultAuthor() = %q, want $USER", got)
	}
}
