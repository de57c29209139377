// Package attention is the reader's list of the notes that need a
// person's eye after the article changed: those moved, those whose
// passage now says something else (changed), those that need
// review (shown with the original passage beside each candidate place)
// and those orphaned. The list decides nothing itself: the parent takes
// the choice (a Request) with TakeRequest right after Update, and saves
// it through the notes book.
package attention

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// Action is what a key asks of the parent.
type Action int

const (
	// None asks nothing.
	None Action = iota
	// Close closes the list.
	Close
	// Accept places Note at the candidate Span.
	Accept
	// Reattach places Note at the reader's selection.
	Reattach
	// Orphan marks Note orphaned for good (Note.Detach).
	Orphan
	// Jump closes the list and shows a moved note's passage, Span.
	Jump
	// Settle places Note, moved with its words unchanged, at Span, where
	// it is now, closes the list and shows it there.
	Settle
)

// Request is what a key asks of the parent, taken with TakeRequest right
// after Update. Sent as commands, they ran after keys typed quickly
// behind them: a key pressed just after a jump or esc went to the list
// instead of the text.
type Request struct {
	Action Action
	Note   annotate.Note
	Span   span.Span
	// Say is for the status bar: what a typed key the list does not
	// know is not.
	Say string
}

// KeyMap is the list's keys, taken from the app's key map.
type KeyMap struct {
	Up, Down, NextCandidate, PrevCandidate, Accept, Reattach, Orphan, Close key.Binding
}

// NewKeyMap takes the list's keys from the app's key map.
func NewKeyMap(k keys.KeyMap) KeyMap {
	return KeyMap{Up: k.PrevNote, Down: k.NextNote, NextCandidate: k.NextCandidate, PrevCandidate: k.PrevCandidate,
		Accept: k.Accept, Reattach: k.Reattach, Orphan: k.Orphan, Close: k.CloseAttention}
}

// Needs reports whether note n needs a person's eye: it was not found
// where it was written.
func Needs(n annotate.Note) bool { return n.Status != annotate.Anchored }

// Summary counts the notes that need attention by status, as the status
// bar says it on opening and after a reload ("1 note moved, 2 need
// review"); "" when none do.
func Summary(notes []annotate.Note) string {
	count := map[annotate.Status]int{}
	for _, n := range notes {
		count[n.Status]++
	}
	var parts []string
	if c := count[annotate.Moved]; c > 0 {
		parts = append(parts, annotate.Count(c, "note", "notes")+" moved")
	}
	if c := count[annotate.Changed]; c > 0 {
		parts = append(parts, fmt.Sprintf("%d changed", c))
	}
	if c := count[annotate.NeedsReview]; c > 0 {
		parts = append(parts, fmt.Sprintf("%d %s review", c, map[bool]string{true: "needs", false: "need"}[c == 1]))
	}
	if c := count[annotate.Orphaned]; c > 0 {
		parts = append(parts, fmt.Sprintf("%d orphaned", c))
	}
	return strings.Join(parts, ", ")
}

// Model is the list.
type Model struct {
	keys   KeyMap
	theme  *theme.Theme
	text   string
	notes  []annotate.Note
	cursor int
	// cand is the candidate chosen of the note at the cursor.
	cand          int
	width, height int
	// maxWidth bounds the text column, as the reader's does; margin and
	// column are where the column is in the list's width.
	maxWidth, margin, column int
	// request is what the last key asked of the parent, until taken.
	request Request
}

// New returns the list of the notes that need attention among notes, in
// their (article) order, on the text they were resolved against.
func New(text string, notes []annotate.Note, km keys.KeyMap, th *theme.Theme) Model {
	m := Model{keys: NewKeyMap(km), theme: th, text: text}
	m.SetNotes(notes)
	return m
}

// SetNotes takes in the notes after a change, keeping the cursor on the
// same note when it still needs attention.
func (m *Model) SetNotes(notes []annotate.Note) {
	var id string
	if n, ok := m.Selected(); ok {
		id = n.ID
	}
	m.notes = m.notes[:0:0]
	for _, n := range notes {
		if Needs(n) {
			m.notes = append(m.notes, n)
		}
	}
	m.cursor = min(m.cursor, max(len(m.notes)-1, 0))
	for i, n := range m.notes {
		if n.ID == id {
			m.cursor = i
		}
	}
	m.cand = min(m.cand, max(len(m.candidates())-1, 0))
}

// SetTheme changes the styles.
func (m *Model) SetTheme(th *theme.Theme) { m.theme = th }

// SetSize sets the list's size. The list is drawn in a column centred
// as the reader's text is: at 200 columns its passages ran 150 columns
// wide from the left edge, where the review queue stands with the text.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.margin, m.column = pager.NarrowColumn(m.maxWidth, m.width)
}

// SetMaxWidth bounds the text column as the reader's is bounded (0: about
// 80 columns).
func (m *Model) SetMaxWidth(w int) {
	m.maxWidth = w
	m.SetSize(m.width, m.height)
}

// Selected returns the note at the cursor.
func (m Model) Selected() (annotate.Note, bool) {
	if m.cursor >= len(m.notes) {
		return annotate.Note{}, false
	}
	return m.notes[m.cursor], true
}

func (m Model) candidates() []span.Span {
	n, ok := m.Selected()
	if !ok {
		return nil
	}
	out := make([]span.Span, 0, len(n.Candidates))
	for _, c := range n.Candidates {
		out = append(out, c.Span)
	}
	if len(out) == 0 && n.Status == annotate.NeedsReview && !n.Span.Empty() {
		out = append(out, n.Span)
	}
	return out
}

// Update reads the list's keys.
func (m Model) Update(msg tea.Msg) Model {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m
	}
	m.request = Request{}
	k := m.keys
	if key.Matches(kp, k.Close) {
		m.request.Action = Close
		return m
	}
	n, ok := m.Selected()
	if !ok {
		return m
	}
	switch {
	case key.Matches(kp, k.Accept):
		m.accept(n)
	case key.Matches(kp, k.Down):
		m.cursor, m.cand = min(m.cursor+1, len(m.notes)-1), 0
	case key.Matches(kp, k.Up):
		m.cursor, m.cand = max(m.cursor-1, 0), 0
	case key.Matches(kp, k.NextCandidate, k.PrevCandidate) && len(m.candidates()) < 2:
		// The keys are not offered then, but were typed to no effect
		// and without a word (help lists them).
		m.request.Say = "no other place to choose for this note"
	case key.Matches(kp, k.NextCandidate):
		m.cand = min(m.cand+1, max(len(m.candidates())-1, 0))
	case key.Matches(kp, k.PrevCandidate):
		m.cand = max(m.cand-1, 0)
	case key.Matches(kp, k.Reattach):
		m.request = Request{Action: Reattach, Note: n}
	case key.Matches(kp, k.Orphan):
		m.request = Request{Action: Orphan, Note: n}
	case kp.Text != "":
		m.request.Say = keys.NotAKey(kp)
	}
	return m
}

// TakeRequest returns what the last Update asked of the parent and
// forgets it.
func (m *Model) TakeRequest() Request {
	r := m.request
	m.request = Request{}
	return r
}

// accept places a note that needs review at the chosen candidate, and
// shows a moved one where it is now: placed there too when only its
// position changed (its words are the same), as else it was listed as
// moved at every start, with no key to say it is right.
func (m *Model) accept(n annotate.Note) {
	switch cs := m.candidates(); {
	case n.Status == annotate.NeedsReview && len(cs) > 0:
		m.request = Request{Action: Accept, Note: n, Span: cs[m.cand]}
	case n.Status == annotate.Moved && !n.Reworded(m.text):
		m.request = Request{Action: Settle, Note: n, Span: n.Span}
	case n.Placed():
		m.request = Request{Action: Jump, Span: n.Span}
	}
}

// minRows is the fewest rows of notes worth blank lines around them.
const minRows = 3

// View draws the list: one line per note, then the chosen note's
// original passage beside each candidate place, then the keys.
func (m Model) View() string {
	t := m.theme
	const title = "Notes that need attention"
	head := t.Title.Render(title)
	// The summary shows when it fits whole, in the width fit leaves a line.
	if s := Summary(m.notes); s != "" && render.Fields([]string{title, s}, " · ", m.column+1) == 2 {
		head += t.ExplainLabel.Render(" · " + s)
	}
	lines := []string{head, ""}
	if len(m.notes) == 0 {
		// The last note placed: the list is done, and says how to leave.
		lines = append(lines, t.Explain.Render("every note is where it was written"), "",
			t.ExplainLabel.Render(hint(m.keys.Close)))
		return m.fit(lines)
	}
	detail := m.detailFitting(m.height - len(lines))
	if m.height-len(lines)-len(detail) < minRows {
		lines, detail = lines[:1], slices.DeleteFunc(detail, func(l string) bool { return l == "" })
	}
	room := max(m.height-len(lines)-len(detail), 1)
	first := max(min(m.cursor-room/2, len(m.notes)-room), 0)
	for i := first; i < min(first+room, len(m.notes)); i++ {
		lines = append(lines, m.row(i))
	}
	return m.fit(append(lines, detail...))
}

func (m Model) row(i int) string {
	t := m.theme
	n := m.notes[i]
	marker := "  "
	if i == m.cursor {
		marker = "▸ "
	}
	head := marker + fmt.Sprintf("%-12s ", n.Status)
	// Cut here at a word ("…passing the weir…"), where the box's edge
	// cut inside one ("…passing the weir a…"); the box gives a row the
	// column and the one beside it.
	quote := render.Ellipsis("“"+render.OneLine(n.Quote())+"”", max(m.column+1-ansi.StringWidth(head), 1))
	return marker + t.ExplainLabel.Render(head[len(marker):]) + t.Explain.Render(quote)
}

// detailFitting is the chosen note's detail and the keys, blank lines
// between, in rows rows beside a row of the list if it can be: else the
// passage as written, and as it is now, are cut to 3 lines, then 2. At
// 40x12 the passage as written, in its context, took the screen, and
// the note, where it is now and the keys were cut off below it. What
// the note says and the candidate places, among which one chooses, stay
// whole.
func (m Model) detailFitting(rows int) []string {
	var out []string
	for _, most := range []int{0, 3, 2} {
		out = slices.Concat([]string{""}, m.detail(most), []string{""}, m.hints())
		if len(out)-2 <= rows {
			break
		}
	}
	return out
}

// detail shows the chosen note: its original passage, what it says, and
// where it may be now, the passages before and now in at most most
// lines (0: whole).
func (m Model) detail(most int) []string {
	t := m.theme
	n, _ := m.Selected()
	lines := m.clip(m.wrap(t.ExplainLabel.Render("was: ")+m.inContext(recorded(n.Target.Prefix, true), n.Quote(), recorded(n.Target.Suffix, false), t.Explain)), most)
	if said := noteSays(n); said != "" {
		lines = append(lines, m.wrap(t.ExplainLabel.Render("note: ")+t.Explain.Render(said))...)
	}
	switch n.Status {
	case annotate.Moved, annotate.Changed:
		lines = append(lines, m.clip(m.wrap(t.ExplainLabel.Render("now: ")+t.Explain.Render("“"+render.OneLine(n.Span.In(m.text))+"”")), most)...)
	case annotate.Orphaned:
		lines = append(lines, t.ExplainLabel.Render("nothing like it is left in the text"))
	}
	for i, c := range m.candidates() {
		mark := "  "
		st := t.Explain
		if i == m.cand {
			mark, st = "▸ ", t.Target
		}
		lines = append(lines, m.wrap(mark+t.ExplainLabel.Render(fmt.Sprintf("candidate %d%s: ", i+1, m.score(n, i)))+
			m.inContext(m.before(c.Start), c.In(m.text), m.after(c.End), st))...)
	}
	return lines
}

// clip cuts wrapped lines to the first most (all when most is 0), "…"
// after a whole word ending the last when some were left out.
func (m Model) clip(lines []string, most int) []string {
	if most <= 0 || len(lines) <= most {
		return lines
	}
	// The wrapped lines are padded to the column: "…" goes after the
	// last word, not after the padding.
	last := lines[most-1]
	words := ansi.StringWidth(strings.TrimRight(ansi.Strip(last), " "))
	last = render.CutWords(last, max(min(words, m.column-1), 1))
	return append(lines[:most-1:most-1], last+m.theme.Explain.Render("…"))
}

// noteSays is what the note says: its verdict and its text. A note given
// only a verdict, as the review queue gives them, says that verdict, so
// one can judge whether it still holds of the passage now.
func noteSays(n annotate.Note) string {
	var said []string
	if n.Verdict != "" {
		said = append(said, vocab.Name(vocab.Verdicts(), string(n.Verdict)))
	}
	if n.Text != "" {
		said = append(said, render.OneLine(n.Text))
	}
	return strings.Join(said, " · ")
}

// contextBytes is how much of the text around a passage is shown, about
// as much as a note's target records, so look-alike places can be told
// apart by what surrounds them.
const contextBytes = 32

// side is the context on one side of a passage: its words (the part of
// a word cut in two at its far end left out: "…nancial Times" read as a
// word), the gap between them and the passage, and whether there is more
// text beyond them, which "…" says.
type side struct {
	words, gap string
	more       bool
}

// recorded is the side of a note's passage its target recorded, before
// it or not: a context of anchor.ContextRunes was cut from more text.
func recorded(context string, before bool) side {
	more := utf8.RuneCountInString(context) >= anchor.ContextRunes
	if before {
		return side{words: leadingWords(context, more), gap: gap(context, utf8.DecodeLastRuneInString), more: more}
	}
	return side{words: trailingWords(context, more), gap: gap(context, utf8.DecodeRuneInString), more: more}
}

// before is the text's side before offset end, about contextBytes long.
func (m Model) before(end int) side {
	start := runeStart(m.text, max(end-contextBytes, 0))
	context := m.text[start:end]
	return side{words: leadingWords(context, start > 0 && !spaceBefore(m.text, start)), gap: gap(context, utf8.DecodeLastRuneInString), more: start > 0}
}

// after is the text's side from offset start on, about contextBytes long.
func (m Model) after(start int) side {
	end := runeStart(m.text, min(start+contextBytes, len(m.text)))
	context := m.text[start:end]
	return side{words: trailingWords(context, end < len(m.text) && !spaceAt(m.text, end)), gap: gap(context, utf8.DecodeRuneInString), more: end < len(m.text)}
}

func spaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}

func spaceAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// leadingWords drops, when partial, the part of a word s starts with.
func leadingWords(s string, partial bool) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); partial && i >= 0 {
		return s[i:]
	}
	return s
}

// trailingWords drops, when partial, the part of a word s ends with.
func trailingWords(s string, partial bool) string {
	if i := strings.LastIndexFunc(s, unicode.IsSpace); partial && i >= 0 {
		return s[:i]
	}
	return s
}

// inContext shows passage in quotes between the dimmed words around it.
func (m Model) inContext(before side, passage string, after side, st lipgloss.Style) string {
	t := m.theme
	lead, trail := "", ""
	if before.more {
		lead = "…"
	}
	if after.more {
		trail = "…"
	}
	return t.ExplainLabel.Render(strings.TrimLeftFunc(lead+strings.TrimSpace(render.OneLine(before.words))+before.gap, unicode.IsSpace)) +
		st.Render("“"+render.OneLine(passage)+"”") +
		t.ExplainLabel.Render(strings.TrimRightFunc(after.gap+strings.TrimSpace(render.OneLine(after.words))+trail, unicode.IsSpace))
}

// gap is the space between the passage and the context on one side of
// it, as the text has it: "right”, the" and not "right” , the" when the
// passage ends where a comma begins. edge decodes the context's rune
// next to the passage: its last before it, its first after it.
func gap(context string, edge func(string) (rune, int)) string {
	if r, _ := edge(context); context == "" || unicode.IsSpace(r) {
		return " "
	}
	return ""
}

// wrap breaks a styled line to the list's width (less its margin), so a
// candidate's context shows whole.
func (m Model) wrap(line string) []string {
	return strings.Split(lipgloss.NewStyle().Width(m.column).Render(line), "\n")
}

// runeStart moves off back to the start of the rune it falls in.
func runeStart(s string, off int) int {
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

func (m Model) score(n annotate.Note, i int) string {
	if i >= len(n.Candidates) {
		return ""
	}
	return fmt.Sprintf(" (%.2f)", n.Candidates[i].Score)
}

// hint is b's key and what it does, without the "attention: " the help
// screen needs to tell the list's keys from the reader's.
func hint(b key.Binding) string {
	return b.Help().Key + " " + strings.TrimPrefix(b.Help().Desc, "attention: ")
}

// hints names the keys that do something for the chosen note, what acts
// on it first: an orphaned note has no place to accept or choose among,
// and a list of one note nothing to move to. In a small window the keys
// that did nothing had pushed t and X off the screen.
func (m Model) hints() []string {
	k := m.keys
	n, _ := m.Selected()
	cands := len(m.candidates())
	var bs []key.Binding
	if cands > 0 || n.Placed() {
		bs = append(bs, k.Accept)
	}
	if cands > 1 {
		bs = append(bs, k.NextCandidate, k.PrevCandidate)
	}
	bs = append(bs, k.Reattach)
	if n.Status != annotate.Orphaned {
		bs = append(bs, k.Orphan)
	}
	if len(m.notes) > 1 {
		bs = append(bs, k.Down, k.Up)
	}
	parts := make([]string, 0, len(bs)+1)
	for _, b := range append(bs, k.Close) {
		parts = append(parts, hint(b))
	}
	lines := render.Hints(parts, m.column)
	for i, l := range lines {
		lines[i] = m.theme.ExplainLabel.Render(l)
	}
	return lines
}

// fit draws lines in the list's column, exactly its size.
func (m Model) fit(lines []string) string {
	pad := strings.Repeat(" ", m.margin-1)
	out := strings.Split(render.Box(lines, m.column+2, m.height), "\n")
	for i, l := range out {
		out[i] = render.Fit(pad+l, m.width)
	}
	return strings.Join(out, "\n")
}
