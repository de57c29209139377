// Package reader is the text view of margin's reader: the article in its
// reading pane, the focus (one sentence), the search target and matches,
// the selection, the span layers drawn over the text (entities, claims,
// notes) and the explain box under the text, which says why the focused
// claim was flagged, which entity was jumped to and what notes say.
//
// The parent gives it a size (SetSize, which splits it between the pane
// and the explain box), keys to read (Update) and the layers' data
// (SetAnalysis, SetNotes); the parent takes what to show in the status
// bar with TakeNotice.
package reader

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/search"
	"github.com/margin-reader/margin/ui/theme"
)

// NoticeMsg is something to say in the status bar; other parts of the
// reader send it as a message from commands that finish later.
type NoticeMsg struct {
	Text  string
	Error bool
}

// KeyMap is the text view's keys, taken from the app's key map.
type KeyMap struct {
	NextSentence, PrevSentence, Search, NextMatch, PrevMatch, Clear key.Binding
	NextEntity, PrevEntity, ToggleEntities                          key.Binding
	NextClaim, PrevClaim, ToggleClaims, ToggleNotes                 key.Binding
	Select, ExtendWord, ShrinkWord, SwapEnds, Annotate              key.Binding
	ExplainDown, ExplainUp                                          key.Binding
}

// NewKeyMap takes the text view's keys from the app's key map.
func NewKeyMap(k keys.KeyMap) KeyMap {
	return KeyMap{
		NextSentence: k.NextSentence, PrevSentence: k.PrevSentence, Search: k.Search, NextMatch: k.NextMatch, PrevMatch: k.PrevMatch,
		Clear: k.Clear, NextEntity: k.NextEntity, PrevEntity: k.PrevEntity, ToggleEntities: k.ToggleEntities,
		NextClaim: k.NextClaim, PrevClaim: k.PrevClaim, ToggleClaims: k.ToggleClaims, ToggleNotes: k.ToggleNotes,
		Select: k.Select, ExtendWord: k.ExtendWord, ShrinkWord: k.ShrinkWord, SwapEnds: k.SwapEnds, Annotate: k.Annotate,
		ExplainDown: k.ExplainDown, ExplainUp: k.ExplainUp,
	}
}

// Options configure the text view.
type Options struct {
	// MaxWidth bounds the text column (0: about 80 columns).
	MaxWidth int
	// Hyperlinks sends links as OSC 8 hyperlinks.
	Hyperlinks bool
	// Analysing says an analysis will come; without it the layers' jumps
	// say there is none in this build.
	Analysing bool
}

// Model is the text view.
type Model struct {
	keys  KeyMap
	theme *theme.Theme
	opts  Options
	art   *model.Article
	pager pager.Model

	inline  *render.Layer
	matches search.Matches

	focus int // sentence index
	// at is where the last jump (search, entity, claim, panel) landed, -1
	// after the focus moved by sentence; "next" goes on from there.
	at     int
	target span.Span
	// chosen says a key put the focus where it is (a jump, a sentence
	// step), rather than it being where the text opened.
	chosen    bool
	selecting bool
	selection span.Span
	// movingStart says the selection's start moves, not its end.
	movingStart bool

	analysis *model.Analysis
	// analysisDone is set once the analysis has come, or failed.
	analysisDone bool
	notes        []annotate.Note
	noteLayer    *render.Layer
	showEntities bool
	showClaims   bool
	showNotes    bool

	width, height int
	// explain is the explain box's lines, as laid out by SetSize;
	// explainTop is how far it is scrolled, for the focus and target
	// explainFor.
	explain    []string
	explainTop int
	explainFor boxFor

	// notice is what the last key asked the status bar to say, until the
	// parent takes it.
	notice NoticeMsg
}

// NoSpan is the span of nothing: no target, no selection.
var NoSpan = span.Span{Start: -1, End: -1}

// New returns the text view of a, with the app's keys and theme.
func New(a *model.Article, km keys.KeyMap, th *theme.Theme, opts Options) Model {
	m := Model{
		keys: NewKeyMap(km), theme: th, opts: opts, art: a,
		showEntities: true, showClaims: true, showNotes: true, target: NoSpan, selection: NoSpan, at: -1,
	}
	m.focus = firstBodySentence(a)
	m.inline = render.InlineLayer(a.Doc)
	m.pager = pager.New(render.New(a.Doc, a.Sentences, Header(a)), m.painter(), pager.NewKeyMap(km))
	m.pager.SetMaxWidth(opts.MaxWidth)
	return m
}

// firstBodySentence is where the focus starts: the first sentence of the
// article, not of its furniture (a byline, a caption), so that a note
// written at once ("a") is on the article, not on "By Jane Doe". An
// article that is all furniture starts at its first sentence.
func firstBodySentence(a *model.Article) int {
	blocks := a.Doc.Blocks
	b := 0
	for i, s := range a.Sentences {
		for b < len(blocks) && blocks[b].End <= s.Start {
			b++
		}
		if b == len(blocks) || !blocks[b].Overlaps(s) || !blocks[b].Kind.Furniture() {
			return i
		}
	}
	return 0
}

func (m Model) painter() render.Painter {
	return render.Painter{Theme: m.theme, Hyperlinks: m.opts.Hyperlinks}
}

// SetTheme changes the styles.
func (m *Model) SetTheme(th *theme.Theme) {
	m.theme = th
	m.pager.SetPainter(m.painter())
}

// Article returns the article shown.
func (m Model) Article() *model.Article { return m.art }

// Pager returns the reading pane, for its position.
func (m Model) Pager() pager.Model { return m.pager }

// Focus returns the focused sentence's span, if there is one.
func (m Model) Focus() (span.Span, bool) {
	if m.focus < 0 || m.focus >= len(m.art.Sentences) {
		return span.Span{}, false
	}
	return m.art.Sentences[m.focus], true
}

// Target returns the span the last search or jump landed on, NoSpan if
// none.
func (m Model) Target() span.Span { return m.target }

// Matches returns the search's matches.
func (m Model) Matches() search.Matches { return m.matches }

// Selecting reports whether a selection is being made, and its span.
func (m Model) Selecting() (span.Span, bool) { return m.selection, m.selecting }

// EndSelection ends the selection, as when a note is made of it.
func (m *Model) EndSelection() { m.selecting, m.selection = false, NoSpan }

// SetSize sets the view's size: the explain box takes what it needs, up
// to explainRoom, and the pane the rest. The line at the top stays at the
// top; if that would push a target or focus a key chose, which was on
// screen, off it, that wins, and stays whole if it was; a focus no key
// chose keeps the top line and goes without its box instead.
func (m *Model) SetSize(w, h int) {
	w, h = max(w, 1), max(h, 1)
	keep := m.onScreen()
	m.width, m.height = w, h
	m.explain = m.scrolledExplain(m.explainLines(), explainRoom(h))
	// Only a pane that shrinks can cut off what was whole on it, and only
	// what a key chose scrolls the text at all: the focus where the text
	// opened is its first sentence, and scrolling for it would hide the
	// title as soon as the analysis gave that sentence a box (at 40x12, a
	// page's title, byline and date went off the top). Such a focus that
	// the box would push off the pane goes unexplained until a key moves
	// to it: a box about a sentence out of sight says nothing.
	shrinks := h-len(m.explain) < m.pager.Height()
	whole := shrinks && m.chosen && keep.Start >= 0 && m.pager.Visible(max(keep.End-1, keep.Start))
	m.pager.SetSize(w, h-len(m.explain))
	switch {
	case whole:
		m.pager.Reveal(keep)
	case keep.Start >= 0 && m.chosen:
		m.pager.Show(keep)
	case keep.Start >= 0 && len(m.explain) > 0 && !m.pager.Visible(keep.Start):
		m.explain = nil
		m.pager.SetSize(w, h)
	}
}

// explainRoom is how many of h rows the explain box may take: a third,
// so that on a small screen the text is still what is read, and never
// the last two rows of text (the panel shows a claim's details in full).
func explainRoom(h int) int { return max(min(max(h/3, 1), h-2), 0) }

// boxFor is what the explain box was scrolled for: the focused sentence
// and the target in it. A jump to an entity in the sentence whose box was
// scrolled down puts the entity's line on top, out of sight, and so starts
// the box at its top again.
type boxFor struct{ focus, target int }

// scrolledExplain is the part of the explain box's lines that fits in
// room, from where it was scrolled to; a new focus or target starts at
// the top. A box cut short says so with "…" at the end of its last line,
// and one scrolled down at the start of its first (render.Marked): on a
// box a row high, each mark cutting on its own took the line's last word
// twice and left "… …" at 17 columns.
func (m *Model) scrolledExplain(lines []string, room int) []string {
	if now := (boxFor{m.focus, m.target.Start}); m.explainFor != now {
		m.explainTop, m.explainFor = 0, now
	}
	m.explainTop = max(min(m.explainTop, len(lines)-room), 0)
	end := min(len(lines), m.explainTop+room)
	shown := slices.Clone(lines[m.explainTop:end])
	if len(shown) == 0 {
		return shown
	}
	_, w := m.explainColumn()
	render.MarkEnds(shown, w, m.explainTop > 0, end < len(lines), m.theme.ExplainLabel)
	return shown
}

// scrollExplain scrolls the explain box a page down or up, or says why
// it does not move: ] and [ did nothing, without a word, on a box that
// fits or where there is none.
func (m *Model) scrollExplain(down bool) {
	lines := len(m.explainLines())
	room := explainRoom(m.height)
	switch {
	case lines == 0:
		m.say("no explain box here: " + m.keys.NextClaim.Help().Key + " or " + m.keys.NextEntity.Help().Key + " goes to something it explains")
	case lines <= room:
		m.say("the explain box shows all it has")
	case down && m.explainTop+room >= lines:
		m.say("the explain box is at its end")
	case down:
		m.explainTop = min(m.explainTop+explainStep(room), lines-room)
	case m.explainTop == 0:
		m.say("the explain box is at its top")
	default:
		m.explainTop = max(m.explainTop-explainStep(room), 0)
	}
}

// explainStep is how far ] and [ scroll a box of room rows: all but a
// row, which stays in view to read on from, as a pager's page does. A
// line a key took 17 keys to read a long note through a box of 3 rows.
func explainStep(room int) int { return max(room-1, 1) }

// TextColumn is where the text column starts and how wide it is in a
// window w columns wide, for views drawn in line with it.
func (m Model) TextColumn(w int) (indent, width int) { return m.pager.TextColumn(w) }

// explainColumn is where the explain box starts, in line with the text,
// and how wide it is: the text column and, on a narrow screen, one of
// the columns to its right, never the last: beside the side panel a box
// line that filled it ran into the panel's border.
func (m Model) explainColumn() (indent, width int) {
	indent, tw := m.pager.TextColumn(m.width)
	return indent, max(min(m.width-indent-1, tw+2), 1)
}

// onScreen is what must stay in view when the pane changes size: the
// target, else the focus, if on screen now.
func (m Model) onScreen() span.Span {
	if m.pager.Width() == 0 {
		return NoSpan
	}
	if m.target.Start >= 0 && m.pager.Visible(m.target.Start) {
		return m.target
	}
	if s, ok := m.Focus(); ok && m.pager.Visible(s.Start) {
		return s
	}
	return NoSpan
}

// Info is what the status bar shows of the view: the match count, the
// selection mode and how far through the text the screen is.
func (m Model) Info() []string {
	var info []string
	if m.matches.Query != "" {
		info = append(info, m.matchCount())
	}
	if m.selecting {
		info = append(info, "SELECT")
	}
	return append(info, Percent(m.pager.Percent()))
}

// Percent is how far through the text (or the help) the screen is,
// always four columns wide ("  0%" to "100%"), so that the title beside
// it in the status bar is cut at the same column all the way down.
func Percent(p int) string { return fmt.Sprintf("%3d%%", p) }

func (m Model) matchCount() string {
	if m.matches.Len() == 0 {
		return "0/0"
	}
	return itoa(m.matches.Current+1) + "/" + itoa(m.matches.Len())
}

// Update reads the view's keys and the mouse wheel. What a key has to
// say is kept for TakeNotice, not sent as a command: commands run
// concurrently, so two quick keys' notices could land in either order
// and the bar would say "claim 2/13" over claim 3.
func (m Model) Update(msg tea.Msg) Model {
	m.notice = NoticeMsg{}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		m.pager, _ = m.pager.Update(msg)
	case tea.KeyPressMsg:
		m.key(msg)
	}
	return m
}

// TakeNotice returns what the last Update or Search asked the status bar
// to say, if anything, and forgets it.
func (m *Model) TakeNotice() (NoticeMsg, bool) {
	n := m.notice
	m.notice = NoticeMsg{}
	return n, n.Text != ""
}

func (m *Model) key(msg tea.KeyPressMsg) {
	k := m.keys
	if m.selecting && m.selectKey(msg) {
		return
	}
	switch {
	case key.Matches(msg, k.NextMatch):
		m.stepMatch(m.matches.Next, true)
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(m.matches.Prev, false)
	case key.Matches(msg, k.Clear):
		m.clear()
	case key.Matches(msg, k.NextSentence):
		m.moveFocus(1)
	case key.Matches(msg, k.PrevSentence):
		m.moveFocus(-1)
	case key.Matches(msg, k.NextEntity):
		m.jumpEntity(1)
	case key.Matches(msg, k.PrevEntity):
		m.jumpEntity(-1)
	case key.Matches(msg, k.NextClaim):
		m.jumpClaim(1)
	case key.Matches(msg, k.PrevClaim):
		m.jumpClaim(-1)
	case key.Matches(msg, k.ToggleEntities):
		m.showEntities = !m.showEntities
		m.say(onOff("entity colours", m.showEntities))
	case key.Matches(msg, k.ToggleClaims):
		m.showClaims = !m.showClaims
		m.say(onOff("claim marks", m.showClaims))
	case key.Matches(msg, k.ToggleNotes):
		m.showNotes = !m.showNotes
		m.say(onOff("note marks", m.showNotes))
	case key.Matches(msg, k.Select):
		m.startSelection()
	case key.Matches(msg, k.ExplainDown, k.ExplainUp):
		m.scrollExplain(key.Matches(msg, k.ExplainDown))
	case m.pager.Handles(msg):
		m.pager, _ = m.pager.Update(msg)
	default:
		m.unbound(msg)
	}
}

// unbound says what a typed key that does nothing here is for: a
// selection key outside a selection, or no key at all. Such keys did
// nothing without a word, which reads as a key that is broken.
func (m *Model) unbound(msg tea.KeyPressMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.ExtendWord, k.ShrinkWord):
		m.say(msg.String() + " moves the end of a selection: " + k.Select.Help().Key + " starts one")
	case msg.Text != "":
		m.say(keys.NotAKey(msg))
	}
}

func onOff(what string, on bool) string {
	if on {
		return what + " on"
	}
	return what + " off"
}

// say asks the status bar to say s.
func (m *Model) say(s string) { m.notice = NoticeMsg{Text: s} }

// warn asks the status bar to show the error s.
func (m *Model) warn(s string) { m.notice = NoticeMsg{Text: s, Error: true} }

// clear cancels, one at a time, the selection, the search, the target.
func (m *Model) clear() {
	switch {
	case m.selecting:
		m.EndSelection()
		m.say("selection cancelled")
		return
	case m.matches.Len() > 0 || m.matches.Query != "":
		m.matches = search.Matches{}
	}
	m.target = NoSpan
}

// Search finds q (the last query when q is empty) and goes to the first
// match from the focus on; it reports whether there was one (when not,
// TakeNotice says so).
func (m *Model) Search(q string) bool {
	m.notice = NoticeMsg{}
	if q == "" {
		q = m.matches.Query
	}
	m.matches = search.Find(m.art.Text, q)
	if !m.matches.At(m.cursorOffset()) {
		m.target = NoSpan
		m.warn("not found: " + q)
		return false
	}
	m.showMatch()
	return true
}

// cursorOffset is where "next" starts from: the focus when it is on
// screen, else the top of the screen.
func (m Model) cursorOffset() int {
	if m.at >= 0 && m.pager.Visible(m.at) {
		return m.at
	}
	if s, ok := m.Focus(); ok && m.pager.Visible(s.Start) {
		return s.Start
	}
	return m.pager.TopOffset()
}

// stepMatch moves to the next (forward) or previous match with step and
// says so when there is none to go to, or when it went round the text's
// end: of two matches, 0 to 1 is round the start only going back.
func (m *Model) stepMatch(step func() bool, forward bool) {
	was := m.matches.Current
	if !step() {
		if m.matches.Query == "" {
			m.say("no search yet: " + m.keys.Search.Help().Key + " finds a word")
			return
		}
		m.warn("not found: " + m.matches.Query)
		return
	}
	m.showMatch()
	switch n := m.matches.Len(); {
	case n == 1:
		m.say("the only match")
	case forward && was == n-1 && m.matches.Current == 0:
		m.say("past the last match: back at the first")
	case !forward && was == 0 && m.matches.Current == n-1:
		m.say("before the first match: on to the last")
	}
}

func (m *Model) showMatch() {
	if s, ok := m.matches.Span(); ok {
		m.GoTo(s)
	}
}

// GoTo makes s the target: the focus moves to its sentence and the pane
// scrolls to show it.
func (m *Model) GoTo(s span.Span) {
	m.target = s
	m.at = s.Start
	if i := sentenceAt(m.art.Sentences, s.Start); i >= 0 {
		m.focus = i
	}
	m.reveal(s)
}

// reveal scrolls to s, sizes the explain box for the new focus now on
// screen, then scrolls again if need be: the box takes rows from the pane
// and must not hide the passage it explains.
func (m *Model) reveal(s span.Span) {
	m.chosen = true
	m.pager.Show(s)
	if m.width > 0 {
		m.SetSize(m.width, m.height)
	}
	m.pager.Reveal(s)
}

// Show scrolls the pane to show s, as after a note is saved.
func (m *Model) Show(s span.Span) { m.pager.Show(s) }

// sentenceAt returns the sentence holding off, or the first after it.
func sentenceAt(ss []span.Span, off int) int {
	if len(ss) == 0 {
		return -1
	}
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	return min(i, len(ss)-1)
}

// Click moves the focus to the sentence drawn at column x of row y, as )
// moves it to the next: a click on the text did nothing. A click off the
// text (a gap, the header, the explain box) or while selecting does
// nothing.
func (m *Model) Click(x, y int) {
	off := m.pager.OffsetAt(x, y)
	if m.selecting || off < 0 || len(m.art.Sentences) == 0 {
		return
	}
	m.focus = sentenceAt(m.art.Sentences, off)
	m.target, m.at = NoSpan, -1
	m.revealFocus()
}

// firstOnScreen is the first sentence that starts on screen (vis), else
// the one running on from above: ) after paging down took the sentence
// cut at the top and scrolled back up to its start, a "next" that moved
// the text down.
func firstOnScreen(ss []span.Span, vis span.Span) int {
	i := sentenceAt(ss, vis.Start)
	if ss[i].Start < vis.Start && i+1 < len(ss) && ss[i+1].Start < vis.End {
		i++
	}
	return i
}

// lastOnScreen is the last sentence that ends on screen, else the one
// running on below it: ( took a sentence cut at the bottom (or one below
// the screen, after a gap there) and scrolled down to it.
func lastOnScreen(ss []span.Span, vis span.Span) int {
	i := max(sentenceAt(ss, max(vis.End-1, 0)), 0)
	if i > 0 && ss[i].End > vis.End && ss[i-1].End > vis.Start {
		i--
	}
	return i
}

// moveFocus moves the focus by one sentence. When the focus is off
// screen it comes back to the first (or last) sentence on screen. A text
// without one says so, as a and v do: ( and ) did nothing without a word.
func (m *Model) moveFocus(d int) {
	ss := m.art.Sentences
	if len(ss) == 0 {
		m.say("no sentence to go to: the text has no words")
		return
	}
	vis := m.pager.VisibleRange()
	cur, ok := m.Focus()
	switch {
	case ok && cur.Start < vis.End && cur.End > vis.Start:
		// At either end the focus stays, and says why: ( on the title
		// did nothing without a word.
		switch next := m.focus + d; {
		case next < 0:
			m.say("this is the first sentence")
		case next >= len(ss):
			m.say("this is the last sentence")
		}
		m.focus = max(min(m.focus+d, len(ss)-1), 0)
	case d > 0:
		m.focus = firstOnScreen(ss, vis)
	default:
		m.focus = lastOnScreen(ss, vis)
	}
	m.target, m.at = NoSpan, -1
	m.revealFocus()
}

// revealFocus scrolls to the focused sentence, unless it runs from above
// the screen to its bottom: then it is on screen already, and its start
// may be megabytes up (a transcript's one sentence), where ) at the end
// of such a text, or a click in it, threw the reader back to the top.
func (m *Model) revealFocus() {
	s := m.art.Sentences[m.focus]
	if vis := m.pager.VisibleRange(); s.Start < vis.Start && s.End >= vis.End {
		m.chosen = true
		return
	}
	m.reveal(s)
}

// View draws the pane and the explain box: exactly the view's size.
func (m Model) View() string {
	out := m.pager.View()
	if len(m.explain) == 0 {
		return out
	}
	indent, w := m.explainColumn()
	pad := strings.Repeat(" ", indent)
	box := make([]string, len(m.explain))
	for i, l := range m.explain {
		box[i] = render.Fit(render.Fit(pad+l, indent+w), m.width)
	}
	// Below a text that ends on screen the box follows it, a row apart,
	// rather than the window's bottom rows away from what it explains.
	if used := m.pager.Rows() + 1; used < m.pager.Height() {
		lines := strings.Split(out, "\n")
		return strings.Join(slices.Concat(lines[:used], box, lines[used:]), "\n")
	}
	return out + "\n" + strings.Join(box, "\n")
}

// Header is what the reader shows above the article: its title, byline,
// source and length. The source is the page it came from, else the file.
func Header(a *model.Article) render.Header { return header(a, render.Words(a.Text)) }

// header is Header with the text's words counted already.
func header(a *model.Article, words int) render.Header {
	source := a.SourceURL
	if source == "" && a.Path != "" {
		source = filepath.Base(a.Path)
	}
	return render.Header{
		Title: a.Title, Byline: a.Byline, Site: a.Site, Published: a.Published,
		Modified: a.Modified, Rates: a.Rates, Rating: a.Rating, Reviewer: a.Reviewer,
		Source: source, Words: words,
	}
}
