package review

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

const story = `Ferry timetable cut

The operator said on Friday that two of the four winter crossings would be dropped from January.

Islanders rejected that. According to the community council, nearly 40% of residents commute by ferry, and a councillor claimed the cut may cost the island its only doctor.

The harbour master, Ewan Rae, declined to comment.`

// queue opens story's review queue over three claims with scores 0.3,
// 0.9 and 0.6, in article order.
func queue(t *testing.T) (Model, []span.Span) {
	t.Helper()
	a, err := model.Parse(context.Background(), "story.txt", []byte(story), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) span.Span { return doctest.Find(t, a.Text, s) }
	spans := []span.Span{
		at("The operator said on Friday that two of the four winter crossings would be dropped from January."),
		at("According to the community council, nearly 40% of residents commute by ferry,"),
		at("a councillor claimed the cut may cost the island its only doctor."),
	}
	claims := []claim.Claim{
		{Span: spans[0], Kinds: claim.KindsOf(claim.Attributed, claim.Prediction), Checkworthiness: 0.3,
			Source: &claim.Source{Span: at("The operator")}},
		{Span: spans[1], Kinds: claim.KindsOf(claim.Attributed, claim.Statistical), Checkworthiness: 0.9,
			Cues: []claim.Cue{{Span: at("nearly 40%"), Kind: claim.Statistical}}, Source: &claim.Source{Span: at("the community council")}},
		{Span: spans[2], Kinds: claim.KindsOf(claim.Hedged), Checkworthiness: 0.6,
			Cues: []claim.Cue{{Span: at("may"), Kind: claim.Hedged}}, Source: &claim.Source{Span: at("a councillor")}},
	}
	m := New(a, claims, keys.Default(), theme.New(theme.NoColor))
	m.SetNotes(nil)
	m.Resume()
	m.SetSize(80, 24)
	return m, spans
}

func press(m Model, k string) (Model, []tea.Msg) {
	kp := tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
	if k == "space" {
		kp = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	m, cmd := m.Update(kp)
	return m, collect(cmd)
}

func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, collect(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func current(m Model) span.Span {
	c, _ := m.Current()
	return c.Span
}

func TestQueueWalksTheClaimsMostWorthCheckingFirst(t *testing.T) {
	m, spans := queue(t)
	want := []span.Span{spans[1], spans[2], spans[0]}
	for i, w := range want {
		if got := current(m); got != w {
			t.Fatalf("claim %d is %v, want %v", i+1, got, w)
		}
		m, _ = press(m, "n")
	}
	if got := current(m); got != spans[0] {
		t.Errorf("skipping past the last claim left %v, want it to stay on the last", got)
	}
}

func TestOrderKeyTogglesArticleOrderKeepingTheClaimShown(t *testing.T) {
	m, spans := queue(t)
	m, _ = press(m, "s")
	if got := current(m); got != spans[1] {
		t.Fatalf("s moved off the claim shown to %v", got)
	}
	m, _ = press(m, "N")
	if got := current(m); got != spans[0] {
		t.Errorf("back in article order went to %v, want the first claim", got)
	}
}

func TestVerdictKeyAsksForTheVerdictAndMovesOn(t *testing.T) {
	m, spans := queue(t)
	m, msgs := press(m, "4")
	var verdict *VerdictMsg
	var seen *SeenMsg
	for _, msg := range msgs {
		switch msg := msg.(type) {
		case VerdictMsg:
			verdict = &msg
		case SeenMsg:
			seen = &msg
		}
	}
	if verdict == nil || verdict.Verdict != "false" || verdict.Span != spans[1] {
		t.Errorf("4 sent %+v, want verdict false on the top claim", verdict)
	}
	if seen == nil || seen.Span != spans[1] {
		t.Errorf("4 did not mark the claim seen: %+v", seen)
	}
	if current(m) != spans[2] {
		t.Errorf("after a verdict the queue shows %v, want the next claim", current(m))
	}
	if got := m.Progress(); got != "0/3 reviewed" {
		t.Errorf("progress %q before the verdict is saved, want 0/3 reviewed", got)
	}
	m.SetNotes([]annotate.Note{{Span: spans[1], Status: annotate.Anchored, Verdict: "false"}})
	if got := m.Progress(); got != "1/3 reviewed" {
		t.Errorf("progress %q once saved, want 1/3 reviewed", got)
	}
}

func TestResumeStartsAtTheFirstClaimNotYetReviewed(t *testing.T) {
	tests := []struct {
		name  string
		seen  []int
		judge []int
		want  int
	}{
		{"a fresh queue starts at the top claim", nil, nil, 1},
		{"a seen top claim is passed over", []int{1}, nil, 2},
		{"a claim with a verdict counts as reviewed", []int{1}, []int{2}, 0},
		{"when every claim was reviewed it starts again at the top", []int{0, 1, 2}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, spans := queue(t)
			var seen []span.Span
			for _, i := range tt.seen {
				seen = append(seen, spans[i])
			}
			var notes []annotate.Note
			for _, i := range tt.judge {
				notes = append(notes, annotate.Note{Span: spans[i], Status: annotate.Anchored, Verdict: "true"})
			}
			m.SetSeen(seen)
			m.SetNotes(notes)
			m.Resume()
			if got := current(m); got != spans[tt.want] {
				t.Errorf("resumed at %v, want %v", got, spans[tt.want])
			}
		})
	}
}

func TestGoldenQueue(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			m, spans := queue(t)
			m.SetSize(size[0], size[1])
			m, _ = press(m, "1")
			m.SetNotes([]annotate.Note{{Span: spans[1], Status: annotate.Anchored, Verdict: "true"}})
			m, _ = press(m, "N")
			golden.Screen(t, filepath.Join("testdata", "queue-"+name+".golden"), m.View(), size[0], size[1])
		})
	}
}

func TestAnEmptyQueueSaysSo(t *testing.T) {
	m, _ := queue(t)
	m.claims, m.order = nil, nil
	if v := m.View(); !strings.Contains(v, "no flagged claims") || !strings.Contains(v, "esc/r back to the text") {
		t.Errorf("an empty queue does not say so and how to leave:\n%s", v)
	}
	golden.Shape(t, m.View(), 80, 24)
}

// TestParagraphKeepsTheReadersMeasure opens the queue in a wide window:
// the claim's paragraph wraps at the reader's text width, not the window's.
func TestParagraphKeepsTheReadersMeasure(t *testing.T) {
	m, _ := queue(t)
	m.SetSize(200, 60)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	for _, l := range lines[2:] {
		if strings.HasPrefix(strings.TrimSpace(l), "claim") {
			return
		}
		if w := ansi.StringWidth(strings.TrimSpace(l)); w > pager.DefaultMaxWidth {
			t.Fatalf("a paragraph line is %d columns wide: %q", w, l)
		}
	}
	t.Fatalf("no claim line in the queue:\n%s", strings.Join(lines, "\n"))
}

// TestQueueStandsWhereTheReadersTextDoes opens the queue in windows as
// wide as the reader's column and wider: its lines start where the
// reader's text column starts, so the queue is centred as the reader is.
func TestQueueStandsWhereTheReadersTextDoes(t *testing.T) {
	for _, tt := range []struct{ maxWidth, w int }{{0, 120}, {0, 200}, {60, 200}} {
		t.Run(fmt.Sprintf("max %d in %d columns", tt.maxWidth, tt.w), func(t *testing.T) {
			m, _ := queue(t)
			m.SetSize(tt.w, 40)
			m.SetMaxWidth(tt.maxWidth)
			p := pager.New(nil, render.Painter{}, pager.KeyMap{})
			p.SetMaxWidth(tt.maxWidth)
			want, _ := p.TextColumn(tt.w)
			for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
				if strings.TrimSpace(l) == "" {
					continue
				}
				if got := len(l) - len(strings.TrimLeft(l, " ")); got != want {
					t.Fatalf("a line starts at column %d, the reader's text at %d: %q", got, want, l)
				}
			}
		})
	}
}

// TestClaimIsReadWholeInASmallWindow shrinks the queue until the keys
// and the claim's lines do not both fit: the keys give way (the help
// screen lists them), and the claim being judged is read whole.
func TestClaimIsReadWholeInASmallWindow(t *testing.T) {
	for _, size := range [][2]int{{40, 10}, {40, 12}, {30, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, spans := queue(t)
			m.SetSize(size[0], size[1])
			v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
			if want := spans[1].In(m.art.Text); !strings.Contains(v, want) {
				t.Errorf("the queue does not show the claim %q whole:\n%s", want, m.View())
			}
		})
	}
}

// TestJAndKScrollAParagraphTooTallForTheQueue opens the queue so small
// that the claim's paragraph is cut: j brings its last words into view,
// pressing it past the end does not carry k's first press away with it,
// and k goes back to the paragraph's start, above the claim's.
func TestJAndKScrollAParagraphTooTallForTheQueue(t *testing.T) {
	m, _ := queue(t)
	// 9 rows: the claim's source, wrapped at 30 columns, takes two.
	m.SetSize(30, 9)
	view := func() string { return strings.Join(strings.Fields(ansi.Strip(m.View())), " ") }
	if v := view(); strings.Contains(v, "only doctor.") || strings.Contains(v, "Islanders") {
		t.Fatalf("the test needs a paragraph cut short:\n%s", m.View())
	}
	for range 20 {
		m, _ = press(m, "j")
	}
	if !strings.Contains(view(), "only doctor.") {
		t.Errorf("j did not scroll to the paragraph's end:\n%s", m.View())
	}
	m, _ = press(m, "k")
	if strings.Contains(view(), "only doctor.") {
		t.Errorf("k after scrolling past the end did not scroll back a line:\n%s", m.View())
	}
	for range 20 {
		m, _ = press(m, "k")
	}
	if !strings.Contains(view(), "Islanders rejected that.") {
		t.Errorf("k did not scroll back to the paragraph's start:\n%s", m.View())
	}
}

// TestACutParagraphLosesNoWordToItsEllipsis opens the queue on a claim
// in the middle of a long paragraph, at sizes where the paragraph is cut
// above and below, and scrolls it end to end: every word on a line that
// "…" starts or ends is a whole word of the text. Truncated to make room
// for the mark, "nearly 600" was shown as "nearly 6"; a paragraph a row
// high, both marks on its one line, lost its last word to the screen's
// edge ("The…").
func TestACutParagraphLosesNoWordToItsEllipsis(t *testing.T) {
	long := "Talks" + strings.Repeat(" went on through the night and into the morning", 6) +
		". The agency reported that nearly 600 homes were flooded in 2023 and 1,250 in 2024. " +
		"Officials" + strings.Repeat(" met again later in the week to set out the next steps", 6) + "."
	a, err := model.Parse(context.Background(), "long.txt", []byte("Floods\n\n"+long+"\n"), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(a.Text) {
		words[w] = true
	}
	c := claim.Claim{Span: doctest.Find(t, a.Text, "The agency reported that nearly 600 homes were flooded in 2023 and 1,250 in 2024."),
		Kinds: claim.KindsOf(claim.Attributed, claim.Statistical), Checkworthiness: 0.9}
	for _, size := range [][2]int{{40, 12}, {80, 16}, {30, 9}, {61, 14}, {20, 4}, {40, 4}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := New(a, []claim.Claim{c}, keys.Default(), theme.New(theme.NoColor))
			m.SetNotes(nil)
			m.Resume()
			m.SetSize(size[0], size[1])
			cuts := 0
			for _, k := range append(slices.Repeat([]string{"k"}, 30), slices.Repeat([]string{"j"}, 60)...) {
				for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
					if ansi.StringWidth(line) > size[0] {
						t.Fatalf("a line is wider than the queue: %q", line)
					}
					trimmed := strings.TrimSpace(line)
					if !strings.HasPrefix(trimmed, "… ") && !strings.HasSuffix(trimmed, " …") {
						continue
					}
					cuts++
					for _, w := range strings.Fields(strings.TrimSuffix(strings.TrimPrefix(trimmed, "… "), " …")) {
						if !words[w] {
							t.Fatalf("%q on a cut line is not a word of the text: %q", w, line)
						}
					}
				}
				m, _ = press(m, k)
			}
			if cuts == 0 {
				t.Fatalf("the paragraph was never cut:\n%s", m.View())
			}
		})
	}
}

// TestTheQueueShowsTheNoteWrittenOnTheClaim gives the claim shown a note
// with a verdict and text, then a note whose text is longer than two
// lines: the queue shows the start of the text under the verdict, at
// most two lines of it, where it showed the verdict alone and a note
// written with a was not seen on coming back.
func TestTheQueueShowsTheNoteWrittenOnTheClaim(t *testing.T) {
	long := strings.Repeat("The council's own survey counts commuters twice. ", 6)
	for _, tc := range []struct {
		name, text, want string
		rows             int
	}{
		{"a short note", "Survey of 2019; ask for the new one.", "note: Survey of 2019; ask for the new one.", 1},
		{"a long note", long, "note: The council's own survey counts commuters twice.", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, spans := queue(t)
			m.SetNotes([]annotate.Note{{Span: spans[1], Status: annotate.Anchored, Verdict: "misleading", Text: tc.text}})
			v := ansi.Strip(m.View())
			if !strings.Contains(v, "verdict: misleading") || !strings.Contains(v, tc.want) {
				t.Fatalf("the queue lacks the verdict or %q:\n%s", tc.want, v)
			}
			var rows []string
			for _, l := range strings.Split(v, "\n") {
				if strings.Contains(l, "council's own survey") || strings.Contains(l, "Survey of 2019") {
					rows = append(rows, l)
				}
			}
			if len(rows) != tc.rows || tc.rows == 2 && !strings.HasSuffix(strings.TrimRight(rows[1], " "), "…") {
				t.Errorf("the note takes %d rows, want %d, the last ending in … when cut: %q", len(rows), tc.rows, rows)
			}
		})
	}
}

// TestANoteCutInTheQueueEndsAtAWord draws a long note on the claim at
// widths where its second row is full: the "…" that cuts it follows a
// whole word, where it took the last letter of one ("commute…").
func TestANoteCutInTheQueueEndsAtAWord(t *testing.T) {
	text := strings.Repeat("The council's own survey counts commuters twice. ", 6)
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	for w := 30; w <= 80; w++ {
		m, spans := queue(t)
		m.SetSize(w, 30)
		m.SetNotes([]annotate.Note{{Span: spans[1], Status: annotate.Anchored, Verdict: "misleading", Text: text}})
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			if cut, ok := strings.CutSuffix(strings.TrimSpace(l), "…"); ok && strings.Contains(l, "council") {
				if f := strings.Fields(cut); !words[f[len(f)-1]] {
					t.Errorf("%d columns: the note's cut row ends in %q, not a word of it: %q", w, f[len(f)-1], l)
				}
			}
		}
	}
}

// BenchmarkReviewKeyOnALongParagraph scrolls the queue's claim on an
// article that is one sentence of a megabyte: each key lays the
// paragraph out and draws the lines shown.
func BenchmarkReviewKeyOnALongParagraph(b *testing.B) {
	text := strings.Repeat("word ", 200_000) + "said the council.\n"
	a, err := model.Parse(context.Background(), "article.txt", []byte(text), model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var cs []claim.Claim
	for _, s := range a.Sentences {
		cs = append(cs, claim.Claim{Span: s, Kinds: claim.KindsOf(claim.Attributed), Checkworthiness: 0.5})
	}
	m := New(a, cs, keys.Default(), theme.New(theme.Dark))
	m.SetNotes(nil)
	m.SetSize(80, 23)
	for b.Loop() {
		m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
		_ = m.View()
	}
}

func TestATypedKeyTheQueueDoesNotKnowSaysSo(t *testing.T) {
	tests := []struct {
		name, key, want string
	}{
		{"a letter of no key", "z", "z is not a key here: ? lists the keys"},
		{"a number past the verdicts", "7", "7 is not a key here: ? lists the keys"},
		{"a key of the queue says nothing", "s", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := queue(t)
			m, _ = press(m, tt.key)
			if got := m.TakeRequest().Say; got != tt.want {
				t.Errorf("%s says %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}

// TestTheHelpNamesEveryKeyOfTheQueue reads the keys the queue acts on:
// each is in the help's group of the review queue, where "a", which
// writes a note on the claim, was missing.
func TestTheHelpNamesEveryKeyOfTheQueue(t *testing.T) {
	km := keys.Default()
	named := map[string]bool{}
	for _, g := range km.Groups() {
		if g.Title == "review queue" {
			for _, b := range g.Bindings {
				for _, k := range b.Keys() {
					named[k] = true
				}
			}
		}
	}
	qk := reflect.ValueOf(NewKeyMap(km))
	for i := range qk.NumField() {
		b, ok := qk.Field(i).Interface().(key.Binding)
		if !ok {
			continue
		}
		for _, k := range b.Keys() {
			if !named[k] {
				t.Errorf("the queue's %s acts on %q, which the help's review group does not name", qk.Type().Field(i).Name, k)
			}
		}
	}
}
