package attention

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/theme"
)

const text = "Weather. The ferry will run twice a day, the operator said. Sport. The ferry will run twice a day, the operator said. Letters."

func at(s string, nth int) span.Span {
	i := 0
	for range nth + 1 {
		j := strings.Index(text[i:], s)
		i += j + 1
	}
	return span.Span{Start: i - 1, End: i - 1 + len(s)}
}

// list holds one note of each status but anchored, which it leaves out.
func list(t *testing.T) Model {
	t.Helper()
	q := "The ferry will run twice a day, the operator said."
	notes := []annotate.Note{
		{ID: "a", Status: annotate.Anchored, Span: at("Weather.", 0), Target: anchor.Selector{Exact: "Weather."}},
		{ID: "b", Status: annotate.NeedsReview, Span: at(q, 0), Target: anchor.Selector{Exact: q}, Text: "Which operator?",
			Candidates: []anchor.Candidate{{Span: at(q, 0), Score: 0.8}, {Span: at(q, 1), Score: 0.8}}},
		{ID: "c", Status: annotate.Moved, Span: at("Sport.", 0), Target: anchor.Selector{Exact: "Sport."}},
		{ID: "d", Status: annotate.Orphaned, Target: anchor.Selector{Exact: "A paragraph that was cut."}},
	}
	m := New(text, notes, keys.Default(), theme.New(theme.NoColor))
	m.SetSize(80, 24)
	return m
}

func TestSummaryCountsEachStatusWithItsPlural(t *testing.T) {
	tests := []struct {
		name     string
		statuses []annotate.Status
		want     string
	}{
		{"anchored notes need nothing", []annotate.Status{annotate.Anchored}, ""},
		{"one of each", []annotate.Status{annotate.Moved, annotate.NeedsReview, annotate.Orphaned}, "1 note moved, 1 needs review, 1 orphaned"},
		{"several", []annotate.Status{annotate.Moved, annotate.Moved, annotate.NeedsReview, annotate.NeedsReview}, "2 notes moved, 2 need review"},
		{"a changed passage is counted apart from a moved one", []annotate.Status{annotate.Changed, annotate.Moved, annotate.Changed}, "1 note moved, 2 changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var notes []annotate.Note
			for _, s := range tt.statuses {
				notes = append(notes, annotate.Note{Status: s})
			}
			if got := Summary(notes); got != tt.want {
				t.Errorf("Summary = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEnterAcceptsTheChosenCandidate(t *testing.T) {
	m := list(t)
	m = m.Update(tea.KeyPressMsg{Code: 'l', Text: "l"})
	m = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	r := m.TakeRequest()
	if r.Action != Accept || r.Note.ID != "b" || r.Span != at("The ferry will run twice a day, the operator said.", 1) {
		t.Errorf("enter asked %+v, want the second copy accepted for note b", r)
	}
	if m.TakeRequest().Action != None {
		t.Error("the request was still there after it was taken")
	}
}

// TestEnterSettlesANoteThatOnlyMoved: enter on a moved note whose words
// are the same asks to place it where it is now, so that it leaves the
// list; on one moved onto other words it only shows the passage, as the
// note was written on the old ones.
func TestEnterSettlesANoteThatOnlyMoved(t *testing.T) {
	q := "The ferry will run twice a day, the operator said."
	for _, tt := range []struct {
		name, exact string
		want        Action
	}{
		{"the same words, elsewhere", q, Settle},
		{"other words", "The ferry will run twice daily, the operator said.", Jump},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := annotate.Note{ID: "m", Status: annotate.Moved, Span: at(q, 1), Target: anchor.Selector{Exact: tt.exact}}
			m := New(text, []annotate.Note{n}, keys.Default(), theme.New(theme.NoColor))
			m.SetSize(80, 24)
			m = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
			r := m.TakeRequest()
			if r.Action != tt.want || r.Span != n.Span {
				t.Errorf("enter asked %+v, want action %d at %v", r, tt.want, n.Span)
			}
		})
	}
}

func TestATypedKeyTheListDoesNotKnowSaysSo(t *testing.T) {
	tests := []struct {
		name, key, want string
	}{
		{"a letter of no key", "z", "z is not a key here: ? lists the keys"},
		{"a key of the text", "c", "c is not a key here: ? lists the keys"},
		{"a key of the list says nothing", "j", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := list(t).Update(tea.KeyPressMsg{Code: []rune(tt.key)[0], Text: tt.key})
			if got := m.TakeRequest().Say; got != tt.want {
				t.Errorf("%s says %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}

func TestGoldenAttentionList(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			m := list(t)
			m.SetSize(size[0], size[1])
			golden.Screen(t, filepath.Join("testdata", "attention-"+name+".golden"), m.View(), size[0], size[1])
		})
	}
}

// TestMovedNoteShowsItsNoteAndNewPassageWhole opens a moved note whose
// note and new passage are each longer than a narrow screen is wide: to
// judge whether the note still holds, both are read whole, not cut at
// the edge.
func TestMovedNoteShowsItsNoteAndNewPassageWhole(t *testing.T) {
	for _, st := range []annotate.Status{annotate.Moved, annotate.Changed} {
		t.Run(string(st), func(t *testing.T) { testNoteShowsItsNoteAndNewPassageWhole(t, st) })
	}
}

func testNoteShowsItsNoteAndNewPassageWhole(t *testing.T, st annotate.Status) {
	q := "The ferry will run twice a day, the operator said."
	notes := []annotate.Note{{ID: "m", Status: st, Span: at(q, 1), Target: anchor.Selector{Exact: q},
		Text: "The timetable on the harbour website says once a day in winter."}}
	for _, w := range []int{40, 80} {
		t.Run(fmt.Sprintf("in %d columns", w), func(t *testing.T) {
			m := New(text, notes, keys.Default(), theme.New(theme.NoColor))
			m.SetSize(w, 24)
			v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
			for _, want := range []string{"now: “" + q + "”", "note: " + notes[0].Text} {
				if !strings.Contains(v, want) {
					t.Errorf("the view lacks %q:\n%s", want, m.View())
				}
			}
		})
	}
}

// TestThePassageSitsInItsContextAsTheTextHasIt shows a note written on
// words that end where a comma begins: its original passage reads
// "twice a day”, the" with no space the text lacks, and one that ends
// before a space keeps it.
func TestThePassageSitsInItsContextAsTheTextHasIt(t *testing.T) {
	for _, tt := range []struct {
		name, exact, prefix, suffix, want string
	}{
		{"a comma after the passage follows it at once", "will run twice a day", "The ferry ", ", the operator said.", "“will run twice a day”, the operator"},
		{"a space after the passage is kept", "The ferry will run", "Weather. ", " twice a day", "“The ferry will run” twice a day"},
		{"a space before the passage is kept and a full stop after it follows at once", "the operator said", "twice a day, ", ". Sport.", "twice a day, “the operator said”. Sport."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := annotate.Note{ID: "o", Status: annotate.Orphaned, Target: anchor.Selector{Exact: tt.exact, Prefix: tt.prefix, Suffix: tt.suffix}}
			m := New(text, []annotate.Note{n}, keys.Default(), theme.New(theme.NoColor))
			m.SetSize(100, 24)
			if v := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(v, tt.want) {
				t.Errorf("the view lacks %q:\n%s", tt.want, v)
			}
		})
	}
}

// TestContextShowsWholeWords: the words around a passage, the recorded
// ones and the text's around a candidate, are cut at a space, with "…"
// where the text goes on, and none at the text's ends.
func TestContextShowsWholeWords(t *testing.T) {
	long := "The agency said that a separate report in Financial Times revealed that the Kremlin had been asking for military aid from China since the start of the war in the region."
	q := "Kremlin has been asking for military aid"
	prefix := "ancial Times revealed that the "
	prefix = strings.Repeat("x", anchor.ContextRunes-len(prefix)) + prefix
	near := span.Span{Start: strings.Index(long, "Kremlin had"), End: strings.Index(long, " from China")}
	notes := []annotate.Note{{ID: "a", Status: annotate.NeedsReview, Span: near,
		Target:     anchor.Selector{Exact: q, Prefix: prefix, Suffix: " from China since the start of i"},
		Candidates: []anchor.Candidate{{Span: near, Score: 0.7}}}}
	m := New(long, notes, keys.Default(), theme.New(theme.NoColor))
	m.SetSize(200, 24)
	// The context wraps in the list's column: its words are read across
	// lines.
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	for _, want := range []string{
		"was: …Times revealed that the “" + q + "” from China since the start of…",
		"candidate 1 (0.70): …Times revealed that the “Kremlin had been asking for military aid” from China since the start of…",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
}

// TestTheChosenNoteSaysItsVerdict chooses moved notes, one with only a
// verdict as the review queue writes them: the list says what each note
// says, where a verdict-only note showed its passages and nothing of the
// note itself.
func TestTheChosenNoteSaysItsVerdict(t *testing.T) {
	q := "The ferry will run twice a day, the operator said."
	tests := []struct {
		name string
		note annotate.Note
		want string
	}{
		{"a verdict alone", annotate.Note{Verdict: annotate.MostlyTrue}, "note: mostly true"},
		{"a verdict and text", annotate.Note{Verdict: annotate.False, Text: "Once a day in winter."}, "note: false · Once a day in winter."},
		{"text alone", annotate.Note{Text: "Once a day in winter."}, "note: Once a day in winter."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.note
			n.ID, n.Status, n.Span, n.Target = "m", annotate.Moved, at(q, 1), anchor.Selector{Exact: q}
			m := New(text, []annotate.Note{n}, keys.Default(), theme.New(theme.NoColor))
			m.SetSize(80, 24)
			if v := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(v, tt.want) {
				t.Errorf("the view lacks %q:\n%s", tt.want, m.View())
			}
		})
	}
}

// TestTheKeysShownAreTheOnesThatActOnTheNote chooses each note of the
// list: the hints name only keys that do something for it (no candidate
// keys for an orphaned note, nor X for one orphaned already), and at
// 40x12 re-attaching is on screen for the moved and the orphaned note
// (in tmux, the keys that did nothing had pushed t and X off it).
func TestTheKeysShownAreTheOnesThatActOnTheNote(t *testing.T) {
	tests := []struct {
		id         string
		w, h       int
		has, lacks []string
	}{
		{"b", 80, 24, []string{"enter accept", "l/→ next candidate", "t re-attach", "X mark orphaned"}, nil},
		{"c", 40, 12, []string{"enter accept", "t re-attach", "X mark orphaned"}, []string{"next candidate"}},
		{"d", 40, 12, []string{"t re-attach"}, []string{"enter accept", "next candidate", "X mark orphaned"}},
	}
	m := list(t)
	for _, tt := range tests {
		m.SetSize(tt.w, tt.h)
		if n, _ := m.Selected(); n.ID != tt.id {
			t.Fatalf("the test needs note %s chosen, not %s", tt.id, n.ID)
		}
		v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
		for _, h := range tt.has {
			if !strings.Contains(v, h) {
				t.Errorf("note %s at %dx%d: the view lacks %q:\n%s", tt.id, tt.w, tt.h, h, m.View())
			}
		}
		for _, h := range tt.lacks {
			if strings.Contains(v, h) {
				t.Errorf("note %s: the view offers %q, which does nothing for it:\n%s", tt.id, h, m.View())
			}
		}
		m = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	}
}

// TestTheListStandsInTheTextColumn draws the list in a wide window: it
// starts where the reader's centred text column does and keeps to that
// column's width, where it ran from the left edge across 150 columns.
func TestTheListStandsInTheTextColumn(t *testing.T) {
	for _, tc := range []struct{ width, margin int }{{40, 1}, {80, 1}, {200, 60}} {
		t.Run(fmt.Sprintf("%d columns", tc.width), func(t *testing.T) {
			m := list(t)
			m.SetSize(tc.width, 30)
			for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
				text := strings.TrimRight(l, " ")
				if text == "" {
					continue
				}
				if lead := len(text) - len(strings.TrimLeft(text, " ")); lead < tc.margin {
					t.Errorf("a line starts at column %d, left of the column at %d: %q", lead, tc.margin, text)
				}
				if w := ansi.StringWidth(text); w > tc.margin+pager.DefaultMaxWidth+1 {
					t.Errorf("a line runs to column %d, past the text column: %q", w, text)
				}
			}
		})
	}
}

// TestCandidateKeysSayWhenThereIsNoOtherPlace: l and h on a note without
// two places to choose from say so; they did nothing without a word. On
// one with two they choose and say nothing.
func TestCandidateKeysSayWhenThereIsNoOtherPlace(t *testing.T) {
	m := list(t)
	for _, k := range []string{"l", "h"} {
		if m = m.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k}); m.TakeRequest().Say != "" {
			t.Errorf("%s on a note with two candidates says something", k)
		}
	}
	m = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	for _, k := range []string{"l", "h"} {
		if m = m.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k}); m.TakeRequest().Say != "no other place to choose for this note" {
			t.Errorf("%s on a moved note says nothing", k)
		}
	}
}

// TestALongPassageLeavesRoomForTheNoteAndWhereItIsNow opens, at 40x12,
// a changed note written on a long passage: the passage as written, in
// its context, took every row, and the note, the passage now and the
// keys were cut off below it.
func TestALongPassageLeavesRoomForTheNoteAndWhereItIsNow(t *testing.T) {
	was := strings.Repeat("The council voted on the harbour wall again and again. ", 8)
	now := strings.Replace(was, "again and again", "once more", 1)
	notes := []annotate.Note{{ID: "c", Status: annotate.Changed, Span: span.Span{End: len(now)},
		Target: anchor.Selector{Exact: was, Suffix: " More to come."}, Text: "Check the vote count."}}
	m := New(now+" More to come.", notes, keys.Default(), theme.New(theme.NoColor))
	m.SetSize(40, 12)
	v := ansi.Strip(m.View())
	for _, want := range []string{"was: ", "note: Check the vote count.", "now: ", "enter accept"} {
		if !strings.Contains(v, want) {
			t.Errorf("at 40x12 the view lacks %q:\n%s", want, v)
		}
	}
	if strings.Count(v, "…") < 2 {
		t.Errorf("the passages cut short do not say so with …:\n%s", v)
	}
	m.SetSize(80, 40)
	if v := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(v, strings.TrimSpace(strings.Join(strings.Fields(now), " "))) {
		t.Errorf("with room for it the passage now is not whole:\n%s", m.View())
	}
}

// TestAListRowCutsItsPassageAtAWord narrows the list until its rows'
// passages are cut: each ends after a whole word with "…", where the
// box's edge cut one in two ("“The ferry will run twi…").
func TestAListRowCutsItsPassageAtAWord(t *testing.T) {
	words := map[string]bool{}
	// The text, and the orphaned note's passage, gone from it.
	for _, w := range strings.Fields(text + " A paragraph that was cut.") {
		words[strings.Trim(w, "“”")] = true
	}
	for w := 30; w <= 60; w++ {
		m := list(t)
		m.SetSize(w, 24)
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			_, quote, ok := strings.Cut(l, "“")
			cut, short := strings.CutSuffix(strings.TrimSpace(quote), "…")
			if !ok || !short || strings.Contains(l, ":") {
				continue
			}
			if f := strings.Fields(cut); !words[f[len(f)-1]] {
				t.Errorf("%d columns: a row's passage ends in %q, not a word: %q", w, f[len(f)-1], l)
			}
		}
	}
}

// TestAPassageCutShortEndsAtAWord draws a changed note on a long passage
// at widths where its lines are cut to make room: the "…" that ends the
// passage as written, or as it is now, follows a whole word.
func TestAPassageCutShortEndsAtAWord(t *testing.T) {
	was := strings.Repeat("The council voted on the harbour wall again and again. ", 8)
	now := strings.Replace(was, "again and again", "once more", 1)
	words := map[string]bool{}
	for _, w := range strings.Fields(was + now + " More to come.") {
		words[strings.Trim(w, "“”…")] = true
	}
	notes := []annotate.Note{{ID: "c", Status: annotate.Changed, Span: span.Span{End: len(now)},
		Target: anchor.Selector{Exact: was, Suffix: " More to come."}, Text: "Check the vote count."}}
	for w := 40; w <= 60; w++ {
		m := New(now+" More to come.", notes, keys.Default(), theme.New(theme.NoColor))
		m.SetSize(w, 12)
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			cut, short := strings.CutSuffix(strings.TrimSpace(l), "…")
			if f := strings.Fields(cut); short && len(f) > 0 && !words[strings.Trim(f[len(f)-1], "“”…")] {
				t.Errorf("%d columns: a passage cut short ends in %q, not a word: %q", w, f[len(f)-1], l)
			}
		}
	}
}

// TestAKeyHintWiderThanTheColumnEndsAtAWord draws the list at 30 and 26
// columns, narrower than enter's hint ("enter accept the place / show
// it"): the hint ends after a whole word with "…", where the column's
// edge cut it inside "show".
func TestAKeyHintWiderThanTheColumnEndsAtAWord(t *testing.T) {
	for _, w := range []int{26, 30} {
		m := list(t)
		m.SetSize(w, 24)
		if n, _ := m.Selected(); n.ID != "b" {
			t.Fatalf("the test needs note b chosen, not %s", n.ID)
		}
		for l := range strings.SplitSeq(ansi.Strip(m.View()), "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "enter ") && l != "enter accept the place…" {
				t.Errorf("at %d columns enter's hint reads %q", w, l)
			}
		}
	}
}
