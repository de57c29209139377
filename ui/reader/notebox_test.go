package reader

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/theme"
)

// noted opens the story with a long note on its claim sentence.
func noted(t *testing.T) Model {
	t.Helper()
	m := fixture(t)
	text := m.art.Text
	i := strings.Index(text, "According to the local paper")
	m.SetNotes([]annotate.Note{{
		ID: "n1", Span: span.Span{Start: i, End: i + 40}, Status: annotate.Moved, Verdict: "misleading",
		Text:    "The paper counted every mooring on the coast, not only those at the old pier, so the figure is far too high for this harbour alone.",
		Tags:    []string{"numbers", "harbour"},
		Sources: []string{"https://example.org/moorings"},
		Author:  "ann", Created: time.Date(2026, 3, 14, 9, 26, 0, 0, time.Local),
	}})
	return m
}

func TestExplainBoxShowsTheWholeNote(t *testing.T) {
	m := noted(t)
	m.SetSize(60, 40)
	m = press(m, ")", ")", ")")
	v := ansi.Strip(m.View())
	for _, want := range []string{"note: misleading · moved · ann · 2026-03-14 09:26", "far too high", "tags: numbers, harbour", "source: https://example.org/moorings"} {
		if !strings.Contains(v, want) {
			t.Errorf("the explain box lacks %q:\n%s", want, v)
		}
	}
}

func TestExplainBoxScrollsWhenTheNoteDoesNotFit(t *testing.T) {
	m := noted(t)
	m.SetSize(40, 12)
	m = press(m, ")", ")", ")")
	if strings.Contains(ansi.Strip(m.View()), "source: https") {
		t.Fatalf("the test needs a note longer than the box:\n%s", m.View())
	}
	for range 12 {
		m = press(m, "]")
	}
	if !strings.Contains(ansi.Strip(m.View()), "source: https") {
		t.Errorf("] did not scroll the box to the note's last line:\n%s", m.View())
	}
	if first := strings.TrimSpace(ansi.Strip(m.explain[0])); !strings.HasPrefix(first, "…") {
		t.Errorf("the box scrolled down starts %q, without a \"…\" for the lines above", first)
	}
	m = press(m, ")")
	if m.explainTop != 0 {
		t.Errorf("a new focus keeps the box scrolled to %d", m.explainTop)
	}
}

func TestGoldenExplainBoxWithANote(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			m := noted(t)
			m.SetSize(size[0], size[1])
			m = press(m, ")", ")", ")")
			golden.Screen(t, filepath.Join("testdata", "note-"+name+".golden"), m.View(), size[0], size[1])
		})
	}
}

// TestClaimHeadKeepsTheScore gives the claim line less and less room:
// however it is cut, its check-worthiness stays on it.
func TestClaimHeadKeepsTheScore(t *testing.T) {
	c := claim.Claim{Kinds: claim.KindsOf(claim.Statistical, claim.Attributed, claim.Disputed), Checkworthiness: 0.83}
	th := theme.New(theme.NoColor)
	for _, w := range []int{20, 39, 79, 199} {
		t.Run(fmt.Sprintf("in %d columns", w), func(t *testing.T) {
			head := ansi.Truncate(ansi.Strip(ClaimLines(th, "", c, w)[0]), w, "…")
			if !strings.Contains(head, "0.83") {
				t.Fatalf("the score is cut from %q", head)
			}
		})
	}
}

// TestExplainBoxLeavesTheTextMostOfTheScreen opens a long note at sizes
// from a tmux pane split small to a full screen: the box never takes more
// than a third of the rows nor the last two rows of text, and a box cut
// short ends in "…".
func TestExplainBoxLeavesTheTextMostOfTheScreen(t *testing.T) {
	for _, size := range [][2]int{{40, 3}, {40, 5}, {40, 12}, {80, 24}, {200, 60}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := noted(t)
			m.SetSize(w, h)
			m = press(m, ")", ")", ")")
			box, all := len(m.explain), len(m.explainLines())
			if box > max(h/3, 1) || h-box < min(2, h) {
				t.Errorf("the explain box takes %d of %d rows", box, h)
			}
			if box == 0 {
				return
			}
			last := ansi.Strip(m.explain[box-1])
			if cut := box < all; cut != strings.HasSuffix(last, "…") {
				t.Errorf("the box shows %d of %d lines and ends %q", box, all, last)
			}
		})
	}
}

// TestExplainBoxSaysWhatARewordedNoteWasWrittenOn gives the note a quote
// the passage under it no longer reads as, as after the article was
// edited on disk: the box says what the verdict was given on, right
// under the note's first line; a note on unchanged words does not.
func TestExplainBoxSaysWhatARewordedNoteWasWrittenOn(t *testing.T) {
	for _, tc := range []struct {
		name  string
		quote func(now string) string
		want  bool
	}{
		{"a reworded passage shows its old words", func(string) string { return "According to the harbour paper" }, true},
		{"an unchanged passage shows nothing more", func(now string) string { return now }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := noted(t)
			n := m.notes[0]
			n.Target.Exact = tc.quote(n.Span.In(m.art.Text))
			m.SetNotes([]annotate.Note{n})
			m.SetSize(80, 24)
			m = press(m, ")", ")", ")")
			lines := strings.Split(ansi.Strip(m.View()), "\n")
			i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "note: misleading") })
			if i < 0 || i+1 == len(lines) {
				t.Fatalf("no note in the explain box:\n%s", m.View())
			}
			const was = "written on: “…the harbour paper”"
			if got := strings.Contains(lines[i+1], was); got != tc.want {
				t.Errorf("the line under the note's head, %q, has %q: %v, want %v", lines[i+1], was, got, tc.want)
			}
		})
	}
}

func TestFromChangeStartsAWordBeforeTheChange(t *testing.T) {
	for _, tc := range []struct {
		name, quote, now, want string
	}{
		{"a word changed mid-passage", "the embassy denied any demands from Moscow", "the embassy denied any requests from Moscow", "…any demands from Moscow"},
		{"the first word changed", "Assertions from US officials", "Claims from US officials", "Assertions from US officials"},
		{"the second word changed", "Assertions by US officials", "Assertions from US officials", "Assertions by US officials"},
		{"words cut from the end", "prices rose 40% in a year", "prices rose 40%", "…rose 40% in a year"},
		{"a change inside a word", "counted almost 300 moorings", "counted almost 30 moorings", "…almost 300 moorings"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fromChange(tc.quote, tc.now); got != tc.want {
				t.Errorf("fromChange(%q, %q) = %q, want %q", tc.quote, tc.now, got, tc.want)
			}
		})
	}
}

// TestExplainBoxKeysSayWhyTheBoxDoesNotMove presses ] and [ where the
// box cannot move: with no box, on a box that fits, and at either end of
// one that does not. Each says why, where the keys did nothing.
func TestExplainBoxKeysSayWhyTheBoxDoesNotMove(t *testing.T) {
	say := func(m Model, k string) (Model, string) {
		m = press(m, k)
		n, _ := m.TakeNotice()
		return m, n.Text
	}
	m := noted(t)
	m.SetSize(60, 40)
	if _, got := say(m, "]"); !strings.HasPrefix(got, "no explain box here") {
		t.Errorf("] with no box says %q", got)
	}
	m = press(m, ")", ")", ")")
	if _, got := say(m, "]"); got != "the explain box shows all it has" {
		t.Errorf("] on a box that fits says %q", got)
	}
	m.SetSize(40, 12)
	if _, got := say(m, "["); got != "the explain box is at its top" {
		t.Errorf("[ at the box's top says %q", got)
	}
	for range 12 {
		m = press(m, "]")
	}
	m, got := say(m, "]")
	if got != "the explain box is at its end" {
		t.Errorf("] at the box's end says %q", got)
	}
	if m, got = say(m, "["); got != "" || m.explainTop == 0 {
		t.Errorf("[ after the end said %q and scrolled to %d, want a line up, quietly", got, m.explainTop)
	}
}

// TestAJumpToAnEntityShowsItsLineInAScrolledBox scrolls the box of the
// claim's sentence down, then jumps to an entity in that sentence: the
// entity's line, which tops the box, must be in sight, where the box
// kept its scroll and hid it.
func TestAJumpToAnEntityShowsItsLineInAScrolledBox(t *testing.T) {
	m := noted(t)
	m.SetSize(40, 12)
	m = press(m, ")", ")", ")", "]", "]", "]")
	if v := ansi.Strip(m.View()); strings.Contains(v, "claim 0.80") {
		t.Fatalf("the test needs a box scrolled past its first lines:\n%s", v)
	}
	for range 4 {
		if m = press(m, "e"); strings.Contains(m.notice.Text, "almost 300") {
			break
		}
	}
	if !strings.Contains(m.notice.Text, "almost 300") {
		t.Fatalf("e did not reach the entity in the claim's sentence; status %q", m.notice.Text)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "entity: Numbers: almost 300") {
		t.Errorf("the jump to the entity does not show its line:\n%s", v)
	}
}

// TestExplainBoxCutsAtWordsToSayThereIsMore scrolls a long note's box at
// narrow widths, as beside the side panel in 40 columns: the "…" that
// says there is more above or below takes whole words off the line it
// shares, never part of one ("nothi …", "unverifi…").
func TestExplainBoxCutsAtWordsToSayThereIsMore(t *testing.T) {
	for _, w := range []int{17, 20, 24, 40} {
		m := noted(t)
		m.SetSize(w, 12)
		m = press(m, ")", ")", ")")
		for range 30 {
			all := m.explainLines()
			for i, shown := range m.explain {
				line := strings.TrimSpace(ansi.Strip(shown))
				line = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "…"), "…"))
				whole := strings.TrimSpace(ansi.Strip(all[m.explainTop+i]))
				rest, ok := strings.CutPrefix(whole, line)
				// A line of one word too long (a URL's piece) is cut
				// inside it, as it must be.
				oneWord := !strings.Contains(whole, " ")
				if ansi.StringWidth(shown) > w || !ok || rest != "" && rest[0] != ' ' && !oneWord {
					t.Errorf("%d columns, box line %d of %q: shown as %q", w, m.explainTop+i, whole, ansi.Strip(shown))
				}
			}
			m = press(m, "]")
		}
	}
}

func TestANoteHeadNamesItsVerdictAsTheReaderDoes(t *testing.T) {
	when := time.Date(2026, 3, 14, 9, 26, 0, 0, time.Local)
	tests := []struct {
		name    string
		verdict annotate.Verdict
		want    string
	}{
		{"a verdict leads the line", annotate.False, "note: false · anchored · ann · 2026-03-14 09:26"},
		{"a note without one says \"no verdict\", not \"none\"", annotate.None, "note: no verdict · anchored · ann · 2026-03-14 09:26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := annotate.Note{Status: annotate.Anchored, Verdict: tt.verdict, Author: "ann", Created: when, Text: "Ask the port."}
			lines := NoteLines(theme.New(theme.NoColor), "", n, 60)
			if got := ansi.Strip(lines[0]); got != tt.want {
				t.Errorf("the note's first line is %q, want %q", got, tt.want)
			}
		})
	}
}

// TestANoteHeadKeepsItsTimeWithItsDate draws a note's head at widths
// where it wraps near its end: the time goes on with its date, and the
// line shows a plain space between them, where "19:30" stood alone under
// "2026-12-04".
func TestANoteHeadKeepsItsTimeWithItsDate(t *testing.T) {
	when := time.Date(2026, 12, 4, 19, 30, 0, 0, time.Local)
	n := annotate.Note{Status: annotate.Anchored, Author: "root", Created: when, Text: "Ask the port."}
	for w := 30; w <= 60; w++ {
		lines := NoteLines(theme.New(theme.NoColor), "", n, w)
		head := strings.Join(lines[:slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Ask the port.") })], "\n")
		if !strings.Contains(ansi.Strip(head), "2026-12-04 19:30") {
			t.Errorf("%d columns: the head splits the date from its time:\n%s", w, ansi.Strip(head))
		}
	}
}

// TestTheBoxTellsWhoSaidItFromTheNotesSources shows a claim attributed to
// the local paper with a note citing a link: "source:" named both, the
// claim's speaker and the note's evidence, one under the other; the
// speaker is "said by:", as the worksheet calls it.
func TestTheBoxTellsWhoSaidItFromTheNotesSources(t *testing.T) {
	m := noted(t)
	m.SetSize(80, 40)
	m = press(m, ")", ")", ")")
	v := ansi.Strip(m.View())
	for _, want := range []string{"said by: the local paper", "source: https://example.org/moorings"} {
		if !strings.Contains(v, want) {
			t.Errorf("the explain box lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "source: the local paper") {
		t.Errorf("the claim's speaker is called a source, as the note's links are:\n%s", v)
	}
}

// TestExplainBoxScrollsByAPageLessARow pages a long note through the box
// at 40x12: each ] moves all but a row, so nothing is skipped and a note
// of many lines takes a few keys, where a line a key took one per line.
func TestExplainBoxScrollsByAPageLessARow(t *testing.T) {
	m := noted(t)
	m.SetSize(40, 12)
	m = press(m, ")", ")", ")")
	lines, room := len(m.explainLines()), explainRoom(12)
	if lines <= room+1 {
		t.Fatalf("the test needs a note more than a page longer than the box: %d lines, %d rows", lines, room)
	}
	seen := map[int]bool{}
	presses := 0
	for {
		for i := m.explainTop; i < m.explainTop+room; i++ {
			seen[i] = true
		}
		before := m.explainTop
		if m = press(m, "]"); m.explainTop == before {
			break
		}
		if step := m.explainTop - before; step > room-1 {
			t.Fatalf("] scrolled %d lines in a box of %d rows, skipping some", step, room)
		}
		presses++
	}
	if len(seen) != lines {
		t.Errorf("paging the box showed %d of its %d lines", len(seen), lines)
	}
	if want := (lines - room + room - 2) / (room - 1); presses > want {
		t.Errorf("reading the box through took %d presses of ], want at most %d", presses, want)
	}
	m = press(m, "[")
	if m.explainTop != lines-room-(room-1) && m.explainTop != 0 {
		t.Errorf("[ from the end scrolled to %d, want a page less a row up", m.explainTop)
	}
}

// TestExplainBoxNeverShowsTwoMarksWithNothingBetween pages a reworded
// note's box through at narrow sizes, down to a box a row high: no line
// reads "… …", as it did where the one row took a mark at each end, each
// cutting a word of its own, or where a quote cut short ("counted…") took
// the box's mark for more after it.
func TestExplainBoxNeverShowsTwoMarksWithNothingBetween(t *testing.T) {
	for _, size := range [][2]int{{14, 4}, {17, 5}, {24, 12}, {30, 12}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := noted(t)
			n := m.notes[0]
			n.Target.Exact = "According to the harbour paper that counted every mooring on the coast and all the boats in it"
			m.SetNotes([]annotate.Note{n})
			m.SetSize(size[0], size[1])
			m = press(m, ")", ")", ")")
			for range 30 {
				for _, l := range m.explain {
					if s := ansi.Strip(l); strings.Contains(s, "… …") || strings.Contains(s, "…  …") {
						t.Errorf("box line at %d reads %q", m.explainTop, s)
					}
				}
				m = press(m, "]")
			}
		})
	}
}

// TestTheWordsANoteWasWrittenOnAreCutAfterAWord cuts a long quote at
// widths where its last line fills the box: the "…" ends a whole word,
// where it took a letter off one ("moorin…", "and al…").
func TestTheWordsANoteWasWrittenOnAreCutAfterAWord(t *testing.T) {
	was := "…the harbour paper that counted every mooring on the coast and all the boats in it"
	for _, w := range []int{23, 26, 30, 32} {
		lines := wasLines(theme.New(theme.NoColor), was, w)
		if len(lines) != wasMaxLines {
			t.Fatalf("%d columns: the test needs a quote longer than %d lines: %q", w, wasMaxLines, lines)
		}
		last := strings.TrimSpace(ansi.Strip(lines[wasMaxLines-1]))
		cut := strings.TrimSuffix(last, "…")
		if cut == last || !strings.Contains(was+" ", cut+" ") {
			t.Errorf("%d columns: the last line %q is not the quote cut after a word with \"…\"", w, last)
		}
	}
}
