// Package review is the reader's review queue: the article's flagged
// claims one at a time, most worth checking first (or in article order),
// each with its paragraph, kinds, cues, source and score. One key sets a
// verdict, another skips; the queue starts at the first claim not yet
// seen, so a review resumes where it stopped.
//
// The queue writes nothing itself: it sends VerdictMsg and SeenMsg, and
// the parent saves through the notes book and hands back the notes and
// review marks (SetNotes, SetSeen). What the parent must do before the
// next key (close the queue, open the editor, say something) it takes
// with TakeRequest.
package review

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/theme"
)

// VerdictMsg asks for verdict Verdict (a vocab.Verdicts value) on the
// claim at Span.
type VerdictMsg struct {
	Span    span.Span
	Verdict string
}

// SeenMsg says the claim at Span was reviewed (given a verdict or
// skipped), to record in the sidecar.
type SeenMsg struct{ Span span.Span }

// Request is what a key asks of the parent at once, taken with
// TakeRequest right after Update. Sent as commands, they ran after keys
// typed quickly behind them: the "1" of a note begun with a went to the
// queue as a verdict, and a key pressed just after esc to the queue.
type Request struct {
	// Close asks for the queue to be closed.
	Close bool
	// Annotate asks for the note editor on the claim at Span.
	Annotate bool
	Span     span.Span
	// Say is something to say in the status bar.
	Say string
}

// KeyMap is the queue's keys, taken from the app's key map.
type KeyMap struct {
	Verdict, Annotate, Skip, Back, Order, Close key.Binding
	// Down and Up scroll a paragraph taller than the room it has.
	Down, Up key.Binding
}

// NewKeyMap takes the queue's keys from the app's key map.
func NewKeyMap(k keys.KeyMap) KeyMap {
	return KeyMap{Verdict: k.Verdict, Annotate: k.ReviewNote, Skip: k.Skip, Back: k.Back, Order: k.Order, Close: k.CloseReview,
		Down: k.ReviewDown, Up: k.ReviewUp}
}

// Model is the review queue.
type Model struct {
	keys   KeyMap
	theme  *theme.Theme
	art    *model.Article
	claims []claim.Claim // in article order
	// order lists indexes into claims in the order shown; pos is the
	// place in it of the claim shown.
	order   []int
	byScore bool
	pos     int
	// scroll is how many lines of a paragraph too tall for the queue are
	// scrolled past, from the claim's first line; a new claim starts at 0.
	scroll int
	// verdicts holds, for each claim with one, the verdict of the first
	// placed note on it.
	verdicts map[span.Span]string
	// texts holds, for each claim with one, the text of the first placed
	// note on it that has text.
	texts map[span.Span]string
	seen  map[span.Span]bool

	width, height int
	// maxWidth bounds the text column, as the reader's does; margin and
	// column are where the column is in the queue's width.
	maxWidth, margin, column int

	// request is what the last key asked of the parent, until taken.
	request Request
}

// New returns the queue over the claims of a, ranked by check-worthiness,
// at the first claim neither seen nor given a verdict.
func New(a *model.Article, claims []claim.Claim, km keys.KeyMap, th *theme.Theme) Model {
	m := Model{keys: NewKeyMap(km), theme: th, art: a, claims: claims, byScore: true, seen: map[span.Span]bool{}}
	m.sort()
	return m
}

// SetTheme changes the styles.
func (m *Model) SetTheme(th *theme.Theme) { m.theme = th }

// SetSize sets the queue's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.margin, m.column = pager.NarrowColumn(m.maxWidth, m.width)
}

// SetMaxWidth bounds the text column as the reader's is bounded (0: about
// 80 columns), so the queue stands where the text does.
func (m *Model) SetMaxWidth(w int) {
	m.maxWidth = w
	m.SetSize(m.width, m.height)
}

// SetNotes takes in the notes, for the claims' verdicts.
func (m *Model) SetNotes(notes []annotate.Note) {
	m.verdicts, m.texts = map[span.Span]string{}, map[span.Span]string{}
	for _, n := range notes {
		if !n.Placed() {
			continue
		}
		for _, c := range m.claimsOver(n.Span) {
			if _, ok := m.verdicts[c]; !ok && n.Verdict != "" {
				m.verdicts[c] = string(n.Verdict)
			}
			if _, ok := m.texts[c]; !ok && strings.TrimSpace(n.Text) != "" {
				m.texts[c] = n.Text
			}
		}
	}
}

// claimsOver returns the spans of the claims s overlaps.
func (m Model) claimsOver(s span.Span) []span.Span {
	var out []span.Span
	for _, c := range m.claims {
		if c.Overlaps(s) {
			out = append(out, c.Span)
		}
	}
	return out
}

// SetSeen adds the claims the sidecar says were reviewed. Marks are only
// ever added, so a snapshot older than the queue's own keys loses none.
func (m *Model) SetSeen(seen []span.Span) {
	for _, s := range seen {
		m.seen[s] = true
	}
}

// Resume moves to the first claim, in the order shown, neither seen nor
// given a verdict; to the first claim when all were.
func (m *Model) Resume() {
	m.pos = 0
	for i, c := range m.order {
		if !m.done(m.claims[c].Span) {
			m.pos = i
			return
		}
	}
}

func (m Model) done(s span.Span) bool {
	_, judged := m.verdicts[s]
	return judged || m.seen[s]
}

// sort orders the queue by check-worthiness (ties in article order) or
// in article order, keeping the claim shown.
func (m *Model) sort() {
	cur := -1
	if m.pos < len(m.order) {
		cur = m.order[m.pos]
	}
	m.order = make([]int, len(m.claims))
	for i := range m.order {
		m.order[i] = i
	}
	if m.byScore {
		slices.SortStableFunc(m.order, func(a, b int) int {
			return cmp.Compare(m.claims[b].Checkworthiness, m.claims[a].Checkworthiness)
		})
	}
	m.pos = max(slices.Index(m.order, cur), 0)
}

// Current returns the claim shown, if there is one.
func (m Model) Current() (claim.Claim, bool) {
	if len(m.order) == 0 {
		return claim.Claim{}, false
	}
	return m.claims[m.order[m.pos]], true
}

// Progress is the status bar's count: "7/23 reviewed", claims with a
// verdict out of all.
func (m Model) Progress() string {
	return fmt.Sprintf("%d/%d reviewed", len(m.verdicts), len(m.claims))
}

// Update reads the queue's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.keys
	m.request = Request{}
	if key.Matches(kp, k.Close) {
		m.request.Close = true
		return m, nil
	}
	c, ok := m.Current()
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(kp, k.Verdict):
		// The verdict counts once saved, when the notes come back.
		v := verdictOf(kp.String())
		return m, tea.Batch(send(VerdictMsg{Span: c.Span, Verdict: v}), m.next(c))
	case key.Matches(kp, k.Skip):
		if m.pos == len(m.order)-1 {
			m.request.Say = "that was the last claim: " + k.Back.Help().Key + " goes back, " + k.Close.Help().Key + " to the text"
		}
		return m, m.next(c)
	case key.Matches(kp, k.Back):
		if m.pos == 0 {
			m.request.Say = "this is the first claim"
			return m, nil
		}
		m.pos, m.scroll = m.pos-1, 0
	case key.Matches(kp, k.Order):
		m.byScore = !m.byScore
		m.sort()
	case key.Matches(kp, k.Down):
		m.scrollBy(c, 1)
	case key.Matches(kp, k.Up):
		m.scrollBy(c, -1)
	case key.Matches(kp, k.Annotate):
		m.request = Request{Annotate: true, Span: c.Span}
	case kp.Text != "":
		m.request.Say = keys.NotAKey(kp)
	}
	return m, nil
}

// TakeRequest returns what the last Update asked of the parent and
// forgets it.
func (m *Model) TakeRequest() Request {
	r := m.request
	m.request = Request{}
	return r
}

// next marks c seen and moves on to the claim after it.
func (m *Model) next(c claim.Claim) tea.Cmd {
	m.seen[c.Span] = true
	m.pos, m.scroll = min(m.pos+1, len(m.order)-1), 0
	return send(SeenMsg{Span: c.Span})
}

// verdictOf is the verdict numbered k ("1" is the first of
// vocab.Verdicts).
func verdictOf(k string) string {
	vs := vocab.Verdicts()
	i := int(k[0]-'1') % len(vs)
	return vs[i].Value
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
