package reader

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/theme"
)

// words is the text of lines without their styles, indents and line
// breaks, to read what they say whole.
func words(lines []string) string {
	var ws []string
	for _, l := range lines {
		ws = append(ws, strings.Fields(ansi.Strip(l))...)
	}
	return strings.Join(ws, " ")
}

// TestTheExplainBoxWrapsFieldsTooLongForItsWidth lays out a claim whose
// cues and source and a note whose heading, tags and source are longer
// than a narrow box: every line fits, and every word is there, where the
// box used to cut such fields at its edge.
func TestTheExplainBoxWrapsFieldsTooLongForItsWidth(t *testing.T) {
	text := "According to a spokesperson for the Chinese embassy in Washington, the talks were denied, disputed and described as unlikely."
	at := func(s string) span.Span {
		i := strings.Index(text, s)
		return span.Span{Start: i, End: i + len(s)}
	}
	c := claim.Claim{
		Span: span.Span{End: len(text)}, Kinds: claim.KindsOf(claim.Attributed, claim.Disputed, claim.Hedged, claim.Statistical), Checkworthiness: 0.91,
		Cues:   []claim.Cue{{Span: at("According to")}, {Span: at("denied")}, {Span: at("disputed")}, {Span: at("described as unlikely")}},
		Source: &claim.Source{Span: at("a spokesperson for the Chinese embassy in Washington")},
	}
	n := annotate.Note{
		Span: c.Span, Status: annotate.Anchored, Verdict: "mostly-true", Author: "a fact-checker",
		Tags: []string{"embassy", "denial", "translation", "follow-up"}, Sources: []string{"https://example.org/a/very/long/path/to/the/embassy/statement.html"},
		Created: time.Date(2026, 3, 14, 9, 26, 0, 0, time.Local),
	}
	th := theme.New(theme.NoColor)
	for _, w := range []int{24, 38, 60} {
		t.Run(fmt.Sprintf("in %d columns", w), func(t *testing.T) {
			claimLines, noteLines := ClaimLines(th, text, c, w), NoteLines(th, text, n, w)
			for _, l := range append(claimLines, noteLines...) {
				if lw := ansi.StringWidth(l); lw > w {
					t.Errorf("a line of %d columns in a box of %d: %q", lw, w, ansi.Strip(l))
				}
			}
			said := words(claimLines) + " " + words(noteLines)
			for _, want := range []string{
				"0.91", "statistical", "“described as unlikely”",
				"said by: a spokesperson for the Chinese embassy in Washington",
				"mostly true · anchored · a fact-checker · 2026-03-14 09:26",
				"tags: embassy, denial, translation, follow-up",
			} {
				if !strings.Contains(said, want) {
					t.Errorf("the box does not say %q whole:\n%s\n%s", want, strings.Join(claimLines, "\n"), strings.Join(noteLines, "\n"))
				}
			}
			if src := strings.ReplaceAll(strings.Join(strings.Fields(ansi.Strip(strings.Join(noteLines, "\n"))), ""), "source:", ""); !strings.Contains(src, n.Sources[0]) {
				t.Errorf("the note's source is not whole in the box:\n%s", strings.Join(noteLines, "\n"))
			}
		})
	}
}

// TestAFieldsLinesAfterTheFirstAreIndented reads a wrapped field: its
// label starts the first line, and the lines after it are set in, so
// that the next field's label stands out.
func TestAFieldsLinesAfterTheFirstAreIndented(t *testing.T) {
	th := theme.New(theme.NoColor)
	lines := fieldLines(20, run{"source: ", th.ExplainLabel}, run{"the deputy mayor of the harbour town", th.Explain})
	want := []string{"source: the deputy", "  mayor of the", "  harbour town"}
	if got := strings.Split(ansi.Strip(strings.Join(lines, "\n")), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// longReworded is a view of a text of one sentence of a megabyte with a
// note written on it before its second word changed.
func longReworded(tb testing.TB) Model {
	tb.Helper()
	text := "The " + strings.Repeat("word ", 200_000) + "said the council."
	a, err := model.Parse(context.Background(), "long.txt", []byte(text), model.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	m := New(a, keys.Default(), theme.New(theme.NoColor), Options{})
	s := span.Span{End: len(a.Text)}
	m.SetNotes([]annotate.Note{{ID: "n", Span: s, Status: annotate.Moved, Text: "Check.",
		Target: anchor.Selector{Exact: "The old " + s.In(a.Text)[len("The "):]}}})
	m.SetSize(40, 24)
	return m
}

// TestTheWordsALongNoteWasWrittenOnTakeAFewLines explains a note on a
// passage of a megabyte that changed: the words it was written on take
// at most wasMaxLines lines, the last ending in "…".
func TestTheWordsALongNoteWasWrittenOnTakeAFewLines(t *testing.T) {
	m := longReworded(t)
	var lines []string
	for _, l := range m.explainLines() {
		lines = append(lines, ansi.Strip(l))
	}
	i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "written on:") })
	j := slices.Index(lines, "  Check.")
	if i < 0 || j < i {
		t.Fatalf("no words written on, or no note text after them:\n%s", strings.Join(lines, "\n"))
	}
	was := lines[i:j]
	if len(was) > wasMaxLines {
		t.Fatalf("the words written on take %d lines:\n%s", len(was), strings.Join(was, "\n"))
	}
	if !strings.Contains(strings.Join(was, " "), "…") {
		t.Errorf("the cut words do not end in …:\n%s", strings.Join(was, "\n"))
	}
}

// BenchmarkExplainBoxOnALongRewordedNote is a key's layout of the explain
// box for a note on a passage of a megabyte that changed.
func BenchmarkExplainBoxOnALongRewordedNote(b *testing.B) {
	m := longReworded(b)
	for b.Loop() {
		m.SetSize(40, 24)
	}
}

// TestALinkTooWideForTheBoxStartsBesideItsLabel: a source wider than
// any line of the box was moved whole under its label, which stood alone
// on a row ("source:"), and then broken there anyway.
func TestALinkTooWideForTheBoxStartsBesideItsLabel(t *testing.T) {
	th := theme.New(theme.NoColor)
	link := "https://example.org/reports/2026/harbour-wall-inspection-final.pdf"
	for _, w := range []int{24, 40, 60} {
		lines := fieldLines(w, run{"source: ", th.ExplainLabel}, run{link, th.Link})
		got := strings.Split(ansi.Strip(strings.Join(lines, "\n")), "\n")
		if !strings.HasPrefix(got[0], "source: https://") {
			t.Errorf("in %d columns the first line is %q, want the link to start beside its label", w, got[0])
		}
		joined := got[0]
		for _, l := range got[1:] {
			if !strings.HasPrefix(l, "  ") {
				t.Errorf("in %d columns a line after the first is not indented: %q", w, l)
			}
			joined += strings.TrimPrefix(l, "  ")
		}
		if joined != "source: "+link {
			t.Errorf("in %d columns the lines %q do not hold the link whole", w, got)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > w {
				t.Errorf("in %d columns a line is %d wide: %q", w, ansi.StringWidth(l), l)
			}
		}
	}
	// A link that fits on a line of its own keeps to ordinary wrapping.
	short := fieldLines(24, run{"source: ", th.ExplainLabel}, run{"https://example.org/a", th.Link})
	if got := ansi.Strip(strings.Join(short, "|")); got != "source:|  https://example.org/a" {
		t.Errorf("a link that fits a line of its own is laid out %q", got)
	}
}
