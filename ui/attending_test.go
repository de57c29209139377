package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model/span"
)

const (
	lookAlike = "In paragraph 3, the clerk of the county said that waiting lists had grown."
	// beforeEdit has the sentence once; afterEdit has it twice, each copy
	// with new words around it, so nothing tells the note's copy apart.
	beforeEdit = "Budget day.\n\n" + lookAlike + "\n\nCritics disagreed."
	afterEdit  = "Weather.\n\n" + lookAlike + "\n\nSport.\n\n" + lookAlike + "\n\nLetters."
)

// edited writes beforeEdit with a note on the look-alike sentence, then
// rewrites the file as afterEdit and opens the reader on it.
func edited(t *testing.T) (Model, string) {
	t.Helper()
	path := writeArticle(t, beforeEdit)
	a, b := openNotes(t, path)
	s, err := anchor.Find(a.Text, lookAlike, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add(annotate.Note{Span: s, Text: "Which county?", Verdict: "unverified"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(afterEdit), 0o644); err != nil {
		t.Fatal(err)
	}
	m, _ := openBook(t, path, Options{})
	return m, path
}

func reopened(t *testing.T, path string) annotate.Note {
	t.Helper()
	_, b := openBook(t, path, Options{})
	notes := b.Notes()
	if len(notes) != 1 {
		t.Fatalf("the book has %d notes, want 1", len(notes))
	}
	return notes[0]
}

func TestOpeningSaysWhichNotesNeedAttention(t *testing.T) {
	m, _ := edited(t)
	if s := screen(m); !strings.Contains(s, "1 needs review: ! lists them") {
		t.Errorf("the status does not name the note that needs review:\n%s", s)
	}
	m = press(m, "!")
	s := screen(m)
	// The passage is read across the lines it wraps over.
	words := strings.Join(strings.Fields(s), " ")
	for _, want := range []string{"Notes that need attention", "needs-review", "“" + lookAlike + "”", "candidate 1", "candidate 2"} {
		if !strings.Contains(words, want) {
			t.Errorf("the attention list lacks %q:\n%s", want, s)
		}
	}
}

func TestDecisionsInTheAttentionListAreSaved(t *testing.T) {
	tests := []struct {
		name       string
		keys       []string
		wantStatus annotate.Status
	}{
		{"accepting the second candidate anchors the note there", []string{"!", "l", "enter"}, annotate.Anchored},
		{"X marks the note orphaned", []string{"!", "X"}, annotate.Orphaned},
		{"t re-attaches the note to the selection", []string{"G", "v", "!", "t"}, annotate.Anchored},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, path := edited(t)
			i := strings.LastIndex(m.reader.Article().Text, lookAlike)
			second := span.Span{Start: i, End: i + len(lookAlike)}
			for _, k := range tt.keys {
				m = pressAndWait(m, k)
			}
			n := reopened(t, path)
			if n.Status != tt.wantStatus {
				t.Fatalf("after reopening the note is %s, want %s", n.Status, tt.wantStatus)
			}
			if tt.keys[1] == "l" && n.Span != second {
				t.Errorf("the note is at %v, want the second copy %v", n.Span, second)
			}
		})
	}
}

func TestReattachWithoutASelectionSaysHow(t *testing.T) {
	m, path := edited(t)
	m = pressAndWait(m, "!")
	m = pressAndWait(m, "t")
	if !strings.Contains(screen(m), "select the passage first") {
		t.Errorf("t without a selection does not say what to do:\n%s", screen(m))
	}
	if n := reopened(t, path); n.Status != annotate.NeedsReview {
		t.Errorf("t without a selection changed the note to %s", n.Status)
	}
}

func TestEnterOnANoteThatNeedsReviewSaysItIsAGuess(t *testing.T) {
	m, _ := edited(t)
	m = press(m, "tab", "tab", "tab", "tab", "tab")
	if m.panel.Active() != "Notes" {
		t.Fatalf("five tabs show %v, want Notes", m.panel.Active())
	}
	m = stepWithin(m, tea.KeyPressMsg{Code: tea.KeyEnter}, time.Second)
	if s := screen(m); !strings.Contains(s, "best guess (needs-review)") || !strings.Contains(s, "“In paragraph 3") {
		t.Errorf("enter jumps without saying it is a guess:\n%s", s)
	}
}

// TestTheAttentionListSaysWhenItIsDoneAndHowToLeave presses ! with every
// note in place, and again once the last note that needed attention is
// placed: the first says so in the status without an empty screen, the
// second says the list is done and which key goes back to the text.
func TestTheAttentionListSaysWhenItIsDoneAndHowToLeave(t *testing.T) {
	m, _ := readerWithANote(t)
	if m = press(m, "!"); m.attention != nil || !strings.Contains(screen(m), "every note is where it was written: none needs attention") {
		t.Errorf("! with every note in place opened the list or said nothing:\n%s", screen(m))
	}
	a, empty := fileBook(t, t.TempDir(), article, "test")
	m = step(New(context.Background(), a, Options{Notes: empty}), tea.WindowSizeMsg{Width: 100, Height: 30})
	if m = press(m, "!"); m.attention != nil || !strings.Contains(screen(m), "no notes yet: none needs attention (a writes one)") {
		t.Errorf("! with no notes does not say there are none:\n%s", screen(m))
	}
	m, _ = edited(t)
	m = pressAndWait(pressAndWait(m, "!"), "enter")
	if s := screen(m); !strings.Contains(s, "every note is where it was written") || !strings.Contains(s, "esc/! back to the text") {
		t.Errorf("the list, done, does not say so and how to leave:\n%s", s)
	}
}

// noteThenPrepend writes text as an article, a note on its passage
// quote, then the article again with added before it, so that the note
// has moved; it returns the article's path.
func noteThenPrepend(t *testing.T, text, quote, note, added string) string {
	t.Helper()
	path := writeArticle(t, text)
	a, b := openNotes(t, path)
	s, err := anchor.Find(a.Text, quote, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add(annotate.Note{Span: s, Text: note}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(added+text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAKeyRightAfterTheAttentionListClosesGoesToTheText delivers keys
// without running their commands, as Bubble Tea does when keys come
// faster than its command goroutines: after enter on a moved note (a
// jump) or esc, the list is closed at once and the next key moves the
// focus in the text.
func TestAKeyRightAfterTheAttentionListClosesGoesToTheText(t *testing.T) {
	const moved = "The ferry will run twice a day, the operator said."
	path := noteThenPrepend(t, "Budget day.\n\n"+moved+"\n\nCritics disagreed.\n\nLetters.", moved, "Which operator?", "Weather today.\n\n")
	for _, close := range []string{"enter", "esc"} {
		t.Run(close, func(t *testing.T) {
			m, _ := openBook(t, path, Options{})
			m = deliver(m, []string{"!", close})
			if m.attention != nil {
				t.Fatalf("%s left the list open until its command ran:\n%s", close, screen(m))
			}
			f := focusIndex(m)
			if close == "enter" && m.reader.Target().In(m.reader.Article().Text) != moved {
				t.Errorf("enter on the moved note did not show its passage: target %q", m.reader.Target().In(m.reader.Article().Text))
			}
			if m = deliver(m, []string{")"}); focusIndex(m) != f+1 {
				t.Errorf("the key after %s did not move the focus: sentence %d, want %d", close, focusIndex(m), f+1)
			}
		})
	}
}

// TestEnterOnAMovedNoteSettlesIt: a note whose sentence only moved down
// (a line added above it) was listed as moved at every start, and enter
// only showed it. Enter now shows it and places it there, and the next
// start finds every note where it was written.
func TestEnterOnAMovedNoteSettlesIt(t *testing.T) {
	const moved = "The lock gates will close at high tide, the harbour master said."
	path := noteThenPrepend(t, "Tides.\n\n"+moved+"\n\nLetters.", moved, "Check the tide table.", "A correction was added.\n\n")
	m, _ := openBook(t, path, Options{})
	if !strings.Contains(m.attentionNotice(), "moved") {
		t.Fatalf("the note is not listed as moved: %q", m.attentionNotice())
	}
	m = pressAndWait(press(m, "!"), "enter")
	if got := m.reader.Target().In(m.reader.Article().Text); got != moved {
		t.Errorf("enter did not show the passage: target %q", got)
	}
	again, book := openBook(t, path, Options{})
	if n := book.Notes(); len(n) != 1 || n[0].Status != annotate.Anchored || n[0].Text != "Check the tide table." {
		t.Fatalf("after enter the note is %+v; want it anchored", n)
	}
	if notice := again.attentionNotice(); notice != "" {
		t.Errorf("the next start still says %q", notice)
	}
}
