package reader

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/status"
	"github.com/margin-reader/margin/ui/theme"
)

const story = `Tide gauges at the old pier

The harbour board said on Monday that the tide gauges at the old pier would be replaced before the autumn storms.

Fishermen disputed that account. According to the local paper, almost 300 moorings could be lost if the work slips, and several captains warned that insurers may refuse cover.

The board's engineer, Mara Lind, inspected the pier on Wednesday.`

// fixture opens story with an analysis that marks fixed phrases, as an
// analyser would.
func fixture(t *testing.T, more ...string) Model {
	t.Helper()
	text := strings.Join(append([]string{story}, more...), "\n\n")
	a, err := model.Parse(context.Background(), "story.txt", []byte(text), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) span.Span { return doctest.Find(t, a.Text, s) }
	m := New(a, keys.Default(), theme.New(theme.NoColor), Options{Analysing: true})
	m.SetAnalysis(&model.Analysis{
		Hash: a.Hash,
		Entities: []entity.Entity{
			{Span: at("harbour board"), Label: entity.Org},
			{Span: at("Monday"), Label: entity.Date},
			{Span: at("almost 300"), Label: entity.Number},
			{Span: at("Mara Lind"), Label: entity.Person},
		},
		Claims: []claim.Claim{{
			Span:  at("According to the local paper, almost 300 moorings could be lost if the work slips, and several captains warned that insurers may refuse cover."),
			Kinds: claim.KindsOf(claim.Hedged, claim.Statistical), Checkworthiness: 0.8,
			Cues:   []claim.Cue{{Span: at("could"), Kind: claim.Hedged}, {Span: at("almost 300"), Kind: claim.Statistical}},
			Source: &claim.Source{Span: at("the local paper")},
		}},
	})
	return m
}

func press(m Model, ks ...string) Model {
	for _, k := range ks {
		m = m.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
		m.RefreshLayers()
		m.SetSize(m.width, m.height)
	}
	return m
}

func TestGoldenTextViewWithTheClaimExplained(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			m := fixture(t)
			m.SetSize(size[0], size[1])
			m = press(m, ")", ")", ")")
			golden.Screen(t, filepath.Join("testdata", "claim-"+name+".golden"), m.View(), size[0], size[1])
		})
	}
}

// TestExplainBoxFollowsTheFocusOnlyWhileOnScreen scrolls the focused
// claim off the screen: the box goes, and the text takes its rows.
func TestExplainBoxFollowsTheFocusOnlyWhileOnScreen(t *testing.T) {
	m := fixture(t, strings.Repeat("Repairs to the slipway went on through the week without incident.\n\n", 20))
	m.SetSize(40, 12)
	m = press(m, ")", ")", ")")
	if !strings.Contains(m.View(), "cues:") {
		t.Fatalf("no explain box for the focused claim:\n%s", m.View())
	}
	for range 30 {
		m = press(m, "j")
	}
	if v := m.View(); strings.Contains(v, "cues:") {
		t.Errorf("the explain box stays after its claim scrolled away:\n%s", v)
	}
	golden.Shape(t, m.View(), 40, 12)
}

func TestExplainBoxNamesTheEntityJumpedTo(t *testing.T) {
	m := fixture(t)
	m.SetSize(80, 24)
	for range 4 {
		m = press(m, "e")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "entity: People: Mara Lind") {
		t.Errorf("the explain box does not name the entity jumped to:\n%s", v)
	}
}

// TestEntityNoticeKeepsItsCountInANarrowBar jumps to each entity and
// shows the notice in status bars from 40 columns up: the count is never
// cut.
func TestEntityNoticeKeepsItsCountInANarrowBar(t *testing.T) {
	for _, w := range []int{40, 80, 200} {
		t.Run(fmt.Sprintf("in %d columns", w), func(t *testing.T) {
			m := fixture(t)
			m.SetSize(w, 24)
			bar := status.New(theme.New(theme.NoColor))
			bar.SetWidth(w)
			bar.SetInfo("100%")
			bar.SetHint("? help")
			for i := 1; i <= 4; i++ {
				m = m.Update(tea.KeyPressMsg{Code: 'e', Text: "e"})
				n, _ := m.TakeNotice()
				bar.SetMessage(n.Text)
				if want := fmt.Sprintf("entity %d/4", i); !strings.Contains(bar.View(), want) {
					t.Errorf("the bar lacks %q: %q", want, bar.View())
				}
			}
		})
	}
}

// TestExplainBoxLinesUpWithTheText reads, at each size, the column where
// the text starts and the one where the explain box starts: on a wide
// screen the text is centred, and a box at the screen's edge would be
// read apart from it.
func TestExplainBoxLinesUpWithTheText(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := fixture(t)
			m.SetSize(size[0], size[1])
			m = press(m, ")", ")", ")")
			text, box := -1, -1
			for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
				if i := strings.Index(l, "Fishermen"); i >= 0 {
					text = ansi.StringWidth(l[:i])
				}
				if i := strings.Index(l, "cues:"); i >= 0 {
					box = ansi.StringWidth(l[:i])
				}
			}
			if text < 0 || box != text {
				t.Errorf("the text starts at column %d, the explain box at %d:\n%s", text, box, m.View())
			}
		})
	}
}

// TestFocusedPassageIsWholeAboveItsExplainBox moves the focus to the
// claim from the top of small screens on which the claim is at the
// bottom, where the box that appears for it takes the rows its last
// lines were on: the claim must be read whole, its first and its last
// words above the box.
func TestFocusedPassageIsWholeAboveItsExplainBox(t *testing.T) {
	for _, tc := range []struct {
		name string
		size [2]int
		keys []string
	}{
		{"jumping to the claim with c in 40x16", [2]int{40, 16}, []string{"c"}},
		{"focusing the claim's sentence with ) in 40x16", [2]int{40, 16}, []string{")", ")", ")"}},
		{"jumping to the claim with c in 80x12", [2]int{80, 12}, []string{"c"}},
		{"jumping to the claim with c in 40x10", [2]int{40, 10}, []string{"c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fixture(t)
			m.SetSize(tc.size[0], tc.size[1])
			m = press(m, tc.keys...)
			v := ansi.Strip(m.View())
			box := strings.Index(v, "cues:")
			if box < 0 {
				t.Fatalf("no explain box for the claim:\n%s", v)
			}
			for _, w := range []string{"According", "cover."} {
				if i := strings.Index(v, w); i < 0 || i > box {
					t.Errorf("%q is not above the explain box:\n%s", w, v)
				}
			}
		})
	}
}

// TestAPassageWholeOnScreenStaysWholeWhenThePaneShrinks jumps to the
// claim, then takes rows from the view one at a time, as a status bar
// growing to two rows for a long message does: while the claim fits, its
// last words stay above the box.
func TestAPassageWholeOnScreenStaysWholeWhenThePaneShrinks(t *testing.T) {
	m := fixture(t)
	m.SetSize(40, 16)
	m = press(m, "c")
	for h := 15; h >= 12; h-- {
		m.SetSize(40, h)
		v := ansi.Strip(m.View())
		if i, box := strings.Index(v, "cover."), strings.Index(v, "cues:"); i < 0 || box < 0 || i > box {
			t.Errorf("at 40x%d the claim's end is not above the box:\n%s", h, v)
		}
	}
}

// TestTheTitleStaysWhenTheAnalysisExplainsTheFirstSentence opens a small
// screen at the top of a story whose first sentence turns out to be a
// claim: the box that appears for it takes rows, and the text opened at
// the top stays there, title first.
func TestTheTitleStaysWhenTheAnalysisExplainsTheFirstSentence(t *testing.T) {
	const long = "The harbour board said on Monday that the tide gauges at the old pier, which have recorded every tide since 1911, " +
		"would be replaced before the autumn storms by sensors that report to the board's office every minute.\n\n"
	a, err := model.Parse(context.Background(), "story.txt", []byte(long+story), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := New(a, keys.Default(), theme.New(theme.NoColor), Options{Analysing: true})
	m.SetSize(40, 12)
	first := strings.SplitN(ansi.Strip(m.View()), "\n", 2)[0]
	if !strings.HasPrefix(a.Sentences[0].In(a.Text), "The harbour board said") {
		t.Fatalf("the test needs the long sentence first, not %q", a.Sentences[0].In(a.Text))
	}
	at := func(s string) span.Span { return doctest.Find(t, a.Text, s) }
	m.SetAnalysis(&model.Analysis{Hash: a.Hash, Claims: []claim.Claim{{
		Span: a.Sentences[0], Kinds: claim.KindsOf(claim.Attributed), Checkworthiness: 0.7,
		Cues: []claim.Cue{{Span: at("said"), Kind: claim.Attributed}}, Source: &claim.Source{Span: at("The harbour board")},
	}}})
	m.RefreshLayers()
	m.SetSize(40, 12)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "claim 0.70") {
		t.Fatalf("the test needs a box for the first sentence:\n%s", v)
	}
	if got := strings.SplitN(v, "\n", 2)[0]; got != first {
		t.Errorf("the first line was %q and is %q once the box came:\n%s", first, got, v)
	}
}

// TestEntityAndClaimJumpsSayWhenTheyGoRound walks the entities and the
// one claim past either end: a jump that goes round the text's end says
// so after the count, as n and N do, where E on the first line said
// only "entity 4/4" of a jump to the bottom; the only claim goes nowhere
// round.
func TestEntityAndClaimJumpsSayWhenTheyGoRound(t *testing.T) {
	say := func(m Model, k string) (Model, string) {
		m = press(m, k)
		n, _ := m.TakeNotice()
		return m, n.Text
	}
	m := fixture(t)
	m.SetSize(80, 24)
	steps := []struct{ key, want string }{
		{"E", "entity 4/4 · round to the last · People"},
		{"e", "entity 1/4 · round to the first · Organisations"},
		{"e", "entity 2/4 · Dates"},
		{"e", "entity 3/4 · Numbers"},
		{"e", "entity 4/4 · People"},
		{"e", "entity 1/4 · round to the first · Organisations"},
		{"C", "claim 1/1"},
		{"C", "claim 1/1"},
	}
	for _, st := range steps {
		var got string
		if m, got = say(m, st.key); !strings.HasPrefix(got, st.want) || st.key == "C" && got != st.want {
			t.Errorf("%s says %q, want %q", st.key, got, st.want)
		}
	}
}

// TestTheFocusSaysWhenItIsAtAnEnd presses ( on the first sentence and )
// on the last: each says so, where the keys did nothing without a word;
// a step between them says nothing.
func TestTheFocusSaysWhenItIsAtAnEnd(t *testing.T) {
	say := func(m Model, k string) (Model, string) {
		m = press(m, k)
		n, _ := m.TakeNotice()
		return m, n.Text
	}
	m := fixture(t)
	m.SetSize(80, 40)
	var got string
	if m, got = say(m, "("); got != "this is the first sentence" {
		t.Errorf("( on the first sentence says %q", got)
	}
	if m, got = say(m, ")"); got != "" {
		t.Errorf(") to the second sentence says %q", got)
	}
	for range len(m.art.Sentences) {
		m = press(m, ")")
	}
	if _, got = say(m, ")"); got != "this is the last sentence" {
		t.Errorf(") on the last sentence says %q", got)
	}
}

// TestAKeyThatDoesNothingSaysSo presses keys that do nothing in the text:
// each says why, where they did nothing without a word; a scrolling key
// says nothing.
func TestAKeyThatDoesNothingSaysSo(t *testing.T) {
	for _, tc := range []struct{ key, want string }{
		{"z", "z is not a key here"},
		{"w", "w moves the end of a selection: v starts one"},
		{"l", "l moves the end of a selection"},
		{"j", ""},
	} {
		t.Run(tc.key, func(t *testing.T) {
			m := fixture(t)
			m.SetSize(80, 24)
			m = m.Update(tea.KeyPressMsg{Code: []rune(tc.key)[0], Text: tc.key})
			got, _ := m.TakeNotice()
			if tc.want == "" && got.Text != "" || !strings.Contains(got.Text, tc.want) {
				t.Errorf("%s says %q, want %q", tc.key, got.Text, tc.want)
			}
		})
	}
}

// TestSentenceKeysAfterScrollingTakeASentenceOnScreen scrolls until a
// sentence is cut at the screen's top (or bottom) with the focus off
// screen: ) takes the first sentence that starts on screen and ( the
// last that ends on it, neither scrolling the text against its way.
func TestSentenceKeysAfterScrollingTakeASentenceOnScreen(t *testing.T) {
	var more []string
	for i := range 12 {
		more = append(more, fmt.Sprintf("Paragraph %d opens with a sentence long enough to wrap over two lines of a narrow pane. Then a short one.", i))
	}
	cut := func(ss []span.Span, off int) bool {
		for _, s := range ss {
			if s.Start < off && off < s.End {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		key string
		// cutAt is the screen edge a sentence must run across.
		cutAt func(vis span.Span) int
	}{
		{")", func(vis span.Span) int { return vis.Start }},
		{"(", func(vis span.Span) int { return vis.End }},
	} {
		t.Run(tc.key, func(t *testing.T) {
			m := fixture(t, more...)
			m.SetSize(40, 8)
			m = press(m, " ", " ")
			for range 40 {
				vis := m.pager.VisibleRange()
				if f, ok := m.Focus(); !(ok && f.Start < vis.End && f.End > vis.Start) && cut(m.art.Sentences, tc.cutAt(vis)) {
					break
				}
				m = press(m, "j")
			}
			before := m.pager.VisibleRange()
			if !cut(m.art.Sentences, tc.cutAt(before)) {
				t.Fatal("no sentence is cut at the screen's edge")
			}
			m = press(m, tc.key)
			f, _ := m.Focus()
			after := m.pager.VisibleRange()
			if f.Start < before.Start || f.End > before.End || after != before {
				t.Errorf("%s took %q and moved the screen from %v to %v", tc.key, m.art.Text[f.Start:f.End], before, after)
			}
		})
	}
}

// TestAStepIntoASentenceLongerThanTheScreenKeepsThePlace ends the story
// with one sentence many screens long, as a transcript without full
// stops is: ) or a click at its end took the reader back to its start.
func TestAStepIntoASentenceLongerThanTheScreenKeepsThePlace(t *testing.T) {
	long := "The minutes go on" + strings.Repeat(" and on about the harbour wall", 200) + "."
	for _, k := range []string{")", "(", "click"} {
		m := fixture(t, long)
		m.SetSize(40, 12)
		m = press(m, "G")
		top := m.pager.TopOffset()
		if k == "click" {
			m.Click(10, 3)
		} else {
			m = press(m, k)
		}
		if f, _ := m.Focus(); f.In(m.art.Text) != long {
			t.Errorf("after %s at the end the focus is %q, want the long sentence", k, f.In(m.art.Text))
		}
		if got := m.pager.TopOffset(); got != top {
			t.Errorf("%s at the end of a long sentence scrolled the text from offset %d to %d", k, top, got)
		}
	}
}

// TestSentenceKeysOnATextWithoutWordsSayWhy presses ) and ( on a file of
// blank lines: each says there is no sentence, as a and v do, where they
// did nothing without a word.
func TestSentenceKeysOnATextWithoutWordsSayWhy(t *testing.T) {
	a, err := model.Parse(context.Background(), "blank.txt", []byte("  \n\n \n"), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := New(a, keys.Default(), theme.New(theme.NoColor), Options{})
	m.SetSize(40, 12)
	for _, k := range []string{")", "("} {
		m = press(m, k)
		if n, _ := m.TakeNotice(); n.Text != "no sentence to go to: the text has no words" {
			t.Errorf("%s on a text without words says %q", k, n.Text)
		}
	}
}
