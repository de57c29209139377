package annotate_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	marticle "github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/doc"
)

const (
	decidedQuote = "The mayor said the tax had fallen."
	decidedOnce  = "Budget day.\n\n" + decidedQuote + "\n\nCritics disagreed."
	// decidedTwice has the sentence twice with new context around both
	// copies: nothing tells the note's copy apart.
	decidedTwice = "Weather.\n\n" + decidedQuote + "\n\nSport.\n\n" + decidedQuote + "\n\nLetters."
)

// openText writes text as the article file in dir and opens its notes.
func openText(t *testing.T, dir, text string) *annotate.Book {
	t.Helper()
	path := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	a := &marticle.Article{Name: path, Path: path, Doc: doc.Doc{Text: text}, Hash: marticle.HashText(text)}
	b, err := annotate.Open(a, annotate.Options{Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// reviewNote adds a note on the sentence, then rewrites the article so the
// note needs review, and returns the reopened book and note.
func reviewNote(t *testing.T) (*annotate.Book, annotate.Note, string) {
	t.Helper()
	dir := t.TempDir()
	b := openText(t, dir, decidedOnce)
	s, err := anchor.Find(decidedOnce, decidedQuote, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add(annotate.Note{Span: s, Text: "Which tax?"}); err != nil {
		t.Fatal(err)
	}
	b = openText(t, dir, decidedTwice)
	n := b.Notes()[0]
	if n.Status != annotate.NeedsReview || len(n.Candidates) != 2 {
		t.Fatalf("reopened note is %s with candidates %v, want needs-review with both copies", n.Status, n.Candidates)
	}
	return b, n, dir
}

func TestDecisionsOnANoteThatNeedsReviewAreSaved(t *testing.T) {
	t.Run("accepting the candidate that is not the best guess anchors the note there", func(t *testing.T) {
		b, n, dir := reviewNote(t)
		guess := n.Span
		for _, c := range n.Candidates {
			if c.Span != guess {
				n.Span = c.Span
			}
		}
		want := n.Span
		if _, err := b.Put(n); err != nil {
			t.Fatal(err)
		}
		got := openText(t, dir, decidedTwice).Notes()[0]
		if got.Status != annotate.Anchored || got.Span != want || got.Text != "Which tax?" {
			t.Fatalf("after reopening: %s at %v (%q), want anchored at %v", got.Status, got.Span, got.Text, want)
		}
	})
	t.Run("accepting the best guess itself anchors the note there", func(t *testing.T) {
		b, n, dir := reviewNote(t)
		want := n.Span
		if _, err := b.Put(n.Accept(n.Span)); err != nil {
			t.Fatal(err)
		}
		got := openText(t, dir, decidedTwice).Notes()[0]
		if got.Status != annotate.Anchored || got.Span != want {
			t.Fatalf("after reopening: %s at %v, want anchored at %v", got.Status, got.Span, want)
		}
	})
	t.Run("editing its text alone keeps it in review", func(t *testing.T) {
		b, n, dir := reviewNote(t)
		n.Text = "Which tax, and since when?"
		if _, err := b.Put(n); err != nil {
			t.Fatal(err)
		}
		got := openText(t, dir, decidedTwice).Notes()[0]
		if got.Status != annotate.NeedsReview {
			t.Fatalf("after an edit of the text alone the note is %s, want needs-review", got.Status)
		}
	})
	t.Run("marking it orphaned keeps the quote and stops the search", func(t *testing.T) {
		b, n, dir := reviewNote(t)
		if _, err := b.Put(n.Detach()); err != nil {
			t.Fatal(err)
		}
		got := openText(t, dir, decidedTwice).Notes()[0]
		if got.Status != annotate.Orphaned || len(got.Candidates) != 0 || got.Quote() != decidedQuote {
			t.Fatalf("after reopening: %s, candidates %v, quote %q; want orphaned with its quote", got.Status, got.Candidates, got.Quote())
		}
	})
}

func TestNotesAroundARepeatedPassageVouchForIt(t *testing.T) {
	// The repeated sentence has the same words around both copies, so
	// only the notes before and after it say which copy is the note's.
	same := "The same thirty-odd characters of context. "
	repeated := "Turnout was the highest in forty years."
	copyOf := same + repeated + " " + same
	before := "Head of the story.\n\n" + copyOf + "\n\nMiddle of the story.\n\n" + copyOf + "\n\nTail."
	dir := t.TempDir()
	b := openText(t, dir, before)
	for _, q := range []struct {
		quote string
		nth   int
	}{{"Head of the story.", 0}, {repeated, 1}, {"Middle of the story.", 0}} {
		s, err := anchor.Find(before, q.quote, q.nth)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Add(annotate.Note{Span: s, Text: q.quote}); err != nil {
			t.Fatal(err)
		}
	}
	after := "A new first paragraph.\n\n" + before
	want, _ := anchor.Find(after, repeated, 1)
	for _, n := range openText(t, dir, after).Notes() {
		if n.Text == repeated && (n.Status != annotate.Moved || n.Span != want) {
			t.Fatalf("the repeated sentence's note is %s at %v, want moved to its first copy %v", n.Status, n.Span, want)
		}
	}
}
