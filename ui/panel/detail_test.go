package panel

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/theme"
)

func TestShortDetail(t *testing.T) {
	tests := []struct {
		name, detail string
		w            int
		want         string
	}{
		{"keeps a detail that fits", "unverified · needs-review", 30, "unverified · needs-review"},
		{"drops the status before cutting the verdict", "unverified · needs-review", 14, "unverified"},
		{"drops the score before cutting the verdict", "mostly true 0.83", 13, "mostly true"},
		{"cuts a single word only when nothing else is left", "unverified", 6, "unver…"},
		{"never returns more columns than it is given", "misleading · orphaned", 1, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shortDetail(tt.detail, tt.w); got != tt.want {
				t.Fatalf("shortDetail(%q, %d) = %q, want %q", tt.detail, tt.w, got, tt.want)
			}
		})
	}
}

// reviewNotes is the notes tab of the story with notes whose details are
// long: a verdict and a status that is not "anchored".
func reviewNotes(t *testing.T, w, h int) Model {
	t.Helper()
	src := source(t)
	text := src.Article.Text
	at := func(s string) span.Span { return doctest.Find(t, text, s) }
	src.Notes = []annotate.Note{
		{ID: "a", Span: at("new timetable"), Status: annotate.NeedsReview, Verdict: annotate.Unverified, Text: "Not on the company's site."},
		{ID: "b", Span: at("complained about the ferry company's fares"), Status: annotate.Moved, Verdict: annotate.MostlyTrue, Text: "Two letters in the local paper."},
		{ID: "c", Span: at("Ruth Galloway"), Status: annotate.Anchored, Verdict: annotate.Misleading, Text: "She declined."},
	}
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSource(src)
	m.SetSize(w, h)
	m.Show("Notes")
	m.Prepare()
	return m
}

// TestNotesTabKeepsEveryVerdictAndStatus draws the notes tab at the
// panel widths the app gives it at 40, 80 and 200 columns (and between):
// every note's verdict, and the status of those not anchored, show in
// full.
func TestNotesTabKeepsEveryVerdictAndStatus(t *testing.T) {
	verdicts := []string{"unverified", "mostly true", "misleading", "needs-review", "moved"}
	for _, w := range []int{20, 22, 26, 34, 44} {
		t.Run(fmt.Sprintf("%d columns", w), func(t *testing.T) {
			view := ansi.Strip(reviewNotes(t, w, 12).View())
			for _, v := range verdicts {
				if !strings.Contains(view, v) {
					t.Errorf("the verdict %q is cut:\n%s", v, view)
				}
			}
		})
	}
}

func TestGoldenNotesTab(t *testing.T) {
	// The panel's size in a terminal of 40x12, 80x24 and 200x60.
	for _, size := range []struct {
		term string
		w, h int
	}{{"40x12", 20, 11}, {"80x24", 26, 23}, {"200x60", 44, 59}} {
		t.Run(size.term, func(t *testing.T) {
			golden.Screen(t, filepath.Join("testdata", "notes-"+size.term+".golden"), reviewNotes(t, size.w, size.h).View(), size.w, size.h)
		})
	}
}

// TestChoosingAnOrphanedNoteSaysWhy chooses a note whose passage is gone:
// nothing to jump to, so the status says where it stands and what its
// passage was, and the text stays where it is.
func TestChoosingAnOrphanedNoteSaysWhy(t *testing.T) {
	src := source(t)
	src.Notes = []annotate.Note{{ID: "o", Status: annotate.Orphaned, Verdict: annotate.False, Text: "Wrong date.",
		Target: anchor.Selector{Exact: "the timetable starts in April"}}}
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSource(src)
	m.SetSize(40, 12)
	m.Show("Notes")
	m.Prepare()
	m = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	msg, ok := m.TakeJump()
	if !ok || !msg.Span.Empty() || !strings.Contains(msg.Say, "orphaned") || !strings.Contains(msg.Say, "the timetable starts in April") {
		t.Fatalf("enter sent %+v, want no span and a word on why", msg)
	}
}

func TestTheLineBeneathANote(t *testing.T) {
	tests := []struct {
		name string
		note annotate.Note
		want string
	}{
		{"an anchored note shows its text", annotate.Note{Status: annotate.Anchored, Text: "Ask the port."}, "Ask the port."},
		{"a moved note says so before its text", annotate.Note{Status: annotate.Moved, Text: "Ask the port."}, "moved · Ask the port."},
		{"a moved verdict without text shows the status alone", annotate.Note{Status: annotate.Moved, Verdict: annotate.False}, "moved"},
		{"an anchored verdict without text leaves the line empty", annotate.Note{Status: annotate.Anchored, Verdict: annotate.True}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := noteSub(tt.note); got != tt.want {
				t.Errorf("noteSub = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAShortPassageKeepsItsVerdictWhole lists one note on a word shorter
// than the columns a title keeps: the row is as wide as the note's
// passage and verdict, and the verdict was cut to fit a title that was
// not there ("May f…").
func TestAShortPassageKeepsItsVerdictWhole(t *testing.T) {
	src := source(t)
	src.Notes = []annotate.Note{{ID: "m", Span: doctest.Find(t, src.Article.Text, "May"), Status: annotate.Anchored, Verdict: annotate.False}}
	for _, w := range []int{20, 26, 44} {
		t.Run(fmt.Sprintf("%d columns", w), func(t *testing.T) {
			m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
			m.SetSource(src)
			m.SetSize(w, 12)
			m.Show("Notes")
			m.Prepare()
			if view := ansi.Strip(m.View()); !strings.Contains(view, "■ May false") {
				t.Errorf("the note's row does not read \"■ May false\":\n%s", view)
			}
		})
	}
}

// TestANoteWithoutAVerdictShowsNoneBesideItsPassage: its row is the
// passage alone, not the passage and "none".
func TestANoteWithoutAVerdictShowsNoneBesideItsPassage(t *testing.T) {
	src := source(t)
	src.Notes = []annotate.Note{{ID: "k", Span: doctest.Find(t, src.Article.Text, "Kilbride"), Status: annotate.Anchored, Text: "Which pier?"}}
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSource(src)
	m.SetSize(26, 12)
	m.Show("Notes")
	m.Prepare()
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "■ Kilbride") || strings.Contains(view, "none") || strings.Contains(view, "no…") {
		t.Errorf("the note's row is not its passage alone:\n%s", view)
	}
}
