// Package ui is margin's reader: a full-screen Bubble Tea program that
// composes the reading pane (pager), the side panel (panel), the status
// bar (status) and search over one article, drawing every layer (search
// matches, the focus, entities, claims, notes) as spans of its one text.
package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/help"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/noteeditor"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/panel"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/search"
	"github.com/margin-reader/margin/ui/status"
	"github.com/margin-reader/margin/ui/theme"
)

// AnalyzeFunc analyses an article into its entity and claim layers.
type AnalyzeFunc func(ctx context.Context, a *model.Article) (*model.Analysis, error)

// ReloadFunc reads the article again after its file changed.
type ReloadFunc func(ctx context.Context) (*model.Article, error)

// Options configure the reader.
type Options struct {
	// Width bounds the text column (0: about 80 columns).
	Width int
	// NoColor draws without colour and skips asking the terminal for its
	// background.
	NoColor bool
	// Light starts with the light theme until the terminal says otherwise.
	Light bool
	// Hyperlinks sends links as OSC 8 hyperlinks.
	Hyperlinks bool
	// Analyze, when set, runs in the background after the text is shown.
	Analyze AnalyzeFunc
	// Changes signals that the article's file changed; Reload reads it.
	Changes <-chan struct{}
	// NotesChanges signals that the notes' sidecar changed on disk, as
	// when another window or person adds a note to the same article.
	NotesChanges <-chan struct{}
	Reload       ReloadFunc
	// Notice is shown in the status bar at start.
	Notice string
	// Notes is the article's notes; nil when they cannot be kept, and
	// NotesError says why.
	Notes      *annotate.Book
	NotesError string
	// NotesOptions reopen the notes after a reload.
	NotesOptions annotate.Options
}

type (
	// analysisMsg is the result of analysis number gen.
	analysisMsg struct {
		gen  int
		hash string
		an   *model.Analysis
		err  error
	}
	// analyzeMsg starts the analysis of the article with this hash.
	analyzeMsg struct{ hash string }
	changedMsg struct{}
	// notesChangedMsg says the sidecar changed on disk.
	notesChangedMsg struct{}
	reloadMsg       struct{}
	reloadedMsg     struct {
		a   *model.Article
		err error
		// notes are the reopened book's notes; notesErr says why it
		// could not be reopened.
		notes    []annotate.Note
		notesErr error
	}
)

// analysisDelay holds the analysis back until the first screen is out:
// on a large article it would otherwise take the CPU the first frame needs.
const analysisDelay = 30 * time.Millisecond

// reloadDelay lets a burst of writes settle before the file is read again.
const reloadDelay = 150 * time.Millisecond

// Model is the reader.
type Model struct {
	ctx    context.Context
	opts   Options
	art    *model.Article
	theme  *theme.Theme
	keys   keys.KeyMap
	pager  pager.Model
	panel  panel.Model
	status status.Model
	help   help.Model
	input  textinput.Model

	width, height int
	ready         bool

	inline    *render.Layer
	matches   search.Matches
	searching bool
	showHelp  bool
	panelOpen bool
	structure bool // outline and links tabs filled

	focus int // sentence index
	// at is where the last jump (search, entity, claim, panel) landed, -1
	// after the focus moved by sentence; "next" goes on from there.
	at        int
	target    span.Span
	selecting bool
	selection span.Span

	// store is the notes book, read and written by commands only; nil
	// when notes cannot be kept. notes is its latest snapshot.
	store     *store
	notes     []annotate.Note
	noteLayer *render.Layer
	editor    *noteeditor.Model
	// undoID is the note the last D deleted, while u can bring it back.
	undoID        string
	lastKeyDelete bool

	analysis *model.Analysis
	// analysisGen numbers the analyses started; cancelAnalysis stops the
	// one in flight when a newer one starts.
	analysisGen    int
	cancelAnalysis context.CancelFunc
	// entitySpans and claimSpans are the analysis's spans, kept for the
	// e/E and c/C jumps so a key press does not rebuild them.
	entitySpans, claimSpans []span.Span
	entityLayer             *render.Layer
	claimLayer              *render.Layer
	showEntities            bool
	showClaims              bool
	showNotes               bool

	// explain is the explain box's lines, as laid out by refresh.
	explain []string
}

// New returns a reader for a.
func New(ctx context.Context, a *model.Article, opts Options) Model {
	mode := theme.Dark
	switch {
	case opts.NoColor:
		mode = theme.NoColor
	case opts.Light:
		mode = theme.Light
	}
	th := theme.New(mode)
	km := keys.Default()
	m := Model{
		ctx: ctx, opts: opts, art: a, theme: th, keys: km,
		panel: panel.New(th, km), status: status.New(th), help: help.New(km, th, km.FullHelp()), input: textinput.New(),
		showEntities: true, showClaims: true, showNotes: true, target: noSpan, selection: noSpan, at: -1,
	}
	m.input.Prompt = "/"
	m.input.Placeholder = "search"
	lay := render.New(a.Doc, a.Sentences, Header(a))
	m.inline = render.InlineLayer(a.Doc)
	m.pager = pager.New(lay, m.painter(), km)
	m.pager.SetMaxWidth(opts.Width)
	m.status.SetTitle(a.Title)
	if a.Title == "" {
		m.status.SetTitle(a.Name)
	}
	m.status.SetHint(km.Help.Help().Key + " " + km.Help.Help().Desc)
	if opts.Notice != "" {
		m.status.SetMessage(opts.Notice)
	}
	m.panel.SetEmpty(panel.Entities, "analysing…")
	m.panel.SetEmpty(panel.Claims, "analysing…")
	m.panel.SetEmpty(panel.Notes, "no notes yet: a adds one")
	if opts.Analyze == nil {
		m.panel.SetEmpty(panel.Entities, "no analysis")
		m.panel.SetEmpty(panel.Claims, "no analysis")
	}
	if opts.Notes != nil {
		m.store = &store{book: opts.Notes}
		m.setNotes(opts.Notes.Notes())
		if w := opts.Notes.Warnings(); len(w) > 0 && opts.Notice == "" {
			m.status.SetError(w[0])
		}
	}
	m.applyTheme()
	return m
}

var noSpan = span.Span{Start: -1, End: -1}

// Header is what the reader shows above the article: its title, byline,
// source and length. The source is the page it came from, else the file.
func Header(a *model.Article) render.Header {
	source := a.SourceURL
	if source == "" && a.Path != "" {
		source = filepath.Base(a.Path)
	}
	return render.Header{
		Title: a.Title, Byline: a.Byline, Site: a.Site, Published: a.Published,
		Source: source, Words: render.Words(a.Text),
	}
}

func (m Model) painter() render.Painter {
	return render.Painter{Theme: m.theme, Hyperlinks: m.opts.Hyperlinks}
}

// Init asks for the terminal's background and starts the analysis and the
// file watch.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if !m.opts.NoColor {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	hash := m.art.Hash
	cmds = append(cmds, tea.Tick(analysisDelay, func(time.Time) tea.Msg { return analyzeMsg{hash} }), m.watch(), m.watchNotes())
	return tea.Batch(cmds...)
}

// analyze starts the analysis of the article shown, in its own context,
// cancelling the one in flight.
func (m *Model) analyze() tea.Cmd {
	f, a := m.opts.Analyze, m.art
	if f == nil {
		return nil
	}
	if m.cancelAnalysis != nil {
		m.cancelAnalysis()
	}
	ctx, cancel := context.WithCancel(m.ctx)
	m.analysisGen++
	gen := m.analysisGen
	m.cancelAnalysis = cancel
	return func() tea.Msg {
		an, err := f(ctx, a)
		return analysisMsg{gen: gen, hash: a.Hash, an: an, err: err}
	}
}

func (m Model) watch() tea.Cmd {
	if m.opts.Reload == nil {
		return nil
	}
	return waitFor(m.opts.Changes, changedMsg{})
}

func (m Model) watchNotes() tea.Cmd {
	return waitFor(m.opts.NotesChanges, notesChangedMsg{})
}

// waitFor returns a command that delivers msg at the next signal on ch,
// or nil if there is nothing to wait for.
func waitFor(ch <-chan struct{}, msg tea.Msg) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return msg
	}
}

// Update handles one message, then brings everything derived from the
// state up to date in one place (refresh), so no handler can forget to.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	m.refresh()
	return m, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height, m.ready = msg.Width, msg.Height, true
		return m, nil
	case tea.BackgroundColorMsg:
		m.setBackground(msg)
		return m, nil
	case analyzeMsg:
		if msg.hash != m.art.Hash {
			return m, nil
		}
		cmd := m.analyze()
		return m, cmd
	case analysisMsg:
		m.setAnalysis(msg)
		return m, nil
	case changedMsg:
		return m, tea.Batch(tea.Tick(reloadDelay, func(time.Time) tea.Msg { return reloadMsg{} }), m.watch())
	case notesChangedMsg:
		if m.store == nil {
			return m, m.watchNotes()
		}
		return m, tea.Batch(m.store.reread(), m.watchNotes())
	case notesMsg:
		m.notesDone(msg)
		return m, nil
	case reloadMsg:
		return m, m.reload()
	case reloadedMsg:
		return m.reloaded(msg)
	case panel.JumpMsg:
		m.jumpFromPanel(msg)
		return m, nil
	}
	if m.editor != nil {
		return m.editorUpdate(msg)
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		m.pager, _ = m.pager.Update(msg)
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.searching {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

// setBackground follows the terminal's background, light or dark.
func (m *Model) setBackground(msg tea.BackgroundColorMsg) {
	if m.opts.NoColor {
		return
	}
	mode := theme.Light
	if msg.IsDark() {
		mode = theme.Dark
	}
	if mode != m.theme.Mode {
		m.theme = theme.New(mode)
		m.applyTheme()
	}
}

func (m *Model) applyTheme() {
	m.pager.SetPainter(m.painter())
	m.panel.SetTheme(m.theme)
	m.status.SetTheme(m.theme)
	m.help.SetTheme(m.theme)
	m.help.SetLegend(m.legend())
	m.input.SetStyles(m.theme.Input)
}

// refresh recomputes, in this order, the layers the pane draws, the size
// of every child (the explain box's included) and the status bar. It runs
// after every message, so the screen always adds up to the window.
func (m *Model) refresh() {
	m.refreshLayers()
	m.layout()
	m.updateStatus()
}

// layout gives every child its size. The line at the top stays at the
// top; if that would push the target or the focus, which was on screen,
// off it, they win. Every size handed down is at least 1, however small
// the window: components draw into what they are given and never ask why.
func (m *Model) layout() {
	if !m.ready {
		return
	}
	keep := m.onScreen()
	body := max(m.height-1, 1)
	m.explain = m.explainLines()
	m.explain = m.explain[:min(len(m.explain), body/2)]
	ph := max(body-len(m.explain), 1)
	pw := max(m.width, 1)
	if m.panelOpen {
		w := max(min(m.panelWidth(), pw/2), 1)
		m.panel.SetSize(w, ph)
		pw = max(pw-w, 1)
	}
	m.pager.SetSize(pw, ph)
	if keep.Start >= 0 {
		m.pager.Show(keep)
	}
	m.status.SetWidth(m.width)
	m.help.SetSize(m.width, body)
	m.input.SetWidth(max(m.width-4, 1))
	if m.editor != nil {
		m.editor.SetSize(m.width, body)
	}
}

// onScreen is what must stay in view when the pane changes size: the
// target, else the focus, if on screen now.
func (m Model) onScreen() span.Span {
	if m.pager.Width() == 0 {
		return noSpan
	}
	if m.target.Start >= 0 && m.pager.Visible(m.target.Start) {
		return m.target
	}
	if s, ok := m.focusSpan(); ok && m.pager.Visible(s.Start) {
		return s
	}
	return noSpan
}

func (m Model) panelWidth() int {
	return min(44, max(24, m.width/3))
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	if m.searching {
		return m.searchKey(msg)
	}
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	if m.showHelp {
		if key.Matches(msg, k.Help, k.Clear, k.Quit) {
			m.showHelp = false
		} else {
			m.help, _ = m.help.Update(msg)
		}
		return m, nil
	}
	if key.Matches(msg, k.Quit) {
		return m, tea.Quit
	}
	m.status.ClearMessage()
	afterDelete := m.lastKeyDelete
	m.lastKeyDelete = key.Matches(msg, k.Delete)
	if key.Matches(msg, k.Undo) && m.undoes(afterDelete) {
		return m, m.undo()
	}
	if m.panelOpen && m.panelKey(msg) {
		var cmd tea.Cmd
		m.panel, cmd = m.panel.Update(msg)
		return m, cmd
	}
	if m.selecting && m.selectKey(msg) {
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Help):
		m.showHelp = true
		m.help.Top()
	case key.Matches(msg, k.Search):
		m.searching = true
		m.input.Reset()
		return m, m.input.Focus()
	case key.Matches(msg, k.NextMatch):
		if m.matches.Next() {
			m.showMatch()
		}
	case key.Matches(msg, k.PrevMatch):
		if m.matches.Prev() {
			m.showMatch()
		}
	case key.Matches(msg, k.Clear):
		m.clear()
	case key.Matches(msg, k.NextSentence):
		m.moveFocus(1)
	case key.Matches(msg, k.PrevSentence):
		m.moveFocus(-1)
	case key.Matches(msg, k.Panel):
		m.openPanel(m.panel.Active())
	case key.Matches(msg, k.Outline):
		m.openPanel(panel.Outline)
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
		m.status.SetMessage(onOff("entity colours", m.showEntities))
	case key.Matches(msg, k.ToggleClaims):
		m.showClaims = !m.showClaims
		m.status.SetMessage(onOff("claim marks", m.showClaims))
	case key.Matches(msg, k.ToggleNotes):
		m.showNotes = !m.showNotes
		m.status.SetMessage(onOff("note marks", m.showNotes))
	case key.Matches(msg, k.Select):
		m.startSelection()
	case key.Matches(msg, k.Annotate):
		return m, m.annotate()
	case key.Matches(msg, k.Edit):
		return m, m.editNote()
	case key.Matches(msg, k.Delete):
		return m, m.deleteNote()
	case key.Matches(msg, k.Export):
		return m, m.exportNotes()
	default:
		m.pager, _ = m.pager.Update(msg)
	}
	return m, nil
}

func onOff(what string, on bool) string {
	if on {
		return what + " on"
	}
	return what + " off"
}

// panelKey reports whether a key goes to the open panel: moving in the
// list, choosing, switching tabs. Everything else still reads the text.
func (m Model) panelKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Panel, k.PanelPrev, k.Enter, k.Up, k.Down)
}

func (m *Model) openPanel(t panel.Tab) {
	m.panelOpen = true
	m.panel.SetActive(t)
	m.fillStructure()
}

func (m *Model) clear() {
	switch {
	case m.selecting:
		m.selecting = false
		m.selection = noSpan
		m.status.SetMessage("selection cancelled")
	case m.panelOpen:
		m.panelOpen = false
	case m.matches.Len() > 0 || m.matches.Query != "":
		m.matches = search.Matches{}
		m.target = noSpan
	default:
		m.target = noSpan
	}
}

func (m Model) searchKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.SearchCancel):
		m.searching = false
		m.input.Blur()
		return m, nil
	case key.Matches(msg, m.keys.SearchGo):
		m.searching = false
		m.input.Blur()
		q := m.input.Value()
		if q == "" {
			q = m.matches.Query
		}
		m.matches = search.Find(m.art.Text, q)
		if !m.matches.At(m.cursorOffset()) {
			m.status.SetError(fmt.Sprintf("not found: %s", q))
			m.target = noSpan
		} else {
			m.showMatch()
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// cursorOffset is where "next" starts from: the focus when it is on
// screen, else the top of the screen.
func (m Model) cursorOffset() int {
	if m.at >= 0 && m.pager.Visible(m.at) {
		return m.at
	}
	if s, ok := m.focusSpan(); ok && m.pager.Visible(s.Start) {
		return s.Start
	}
	return m.pager.TopOffset()
}

func (m *Model) showMatch() {
	s, ok := m.matches.Span()
	if !ok {
		return
	}
	m.goTo(s)
}

// goTo makes s the target: the focus moves to its sentence and the pane
// scrolls to show it.
func (m *Model) goTo(s span.Span) {
	m.target = s
	m.at = s.Start
	if i := sentenceAt(m.art.Sentences, s.Start); i >= 0 {
		m.focus = i
	}
	m.pager.Show(s)
}

// sentenceAt returns the sentence holding off, or the first after it.
func sentenceAt(ss []span.Span, off int) int {
	if len(ss) == 0 {
		return -1
	}
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	return min(i, len(ss)-1)
}

func (m Model) focusSpan() (span.Span, bool) {
	if m.focus < 0 || m.focus >= len(m.art.Sentences) {
		return span.Span{}, false
	}
	return m.art.Sentences[m.focus], true
}

// moveFocus moves the focus by one sentence. When the focus is off
// screen it comes back to the first (or last) sentence on screen.
func (m *Model) moveFocus(d int) {
	ss := m.art.Sentences
	if len(ss) == 0 {
		return
	}
	vis := m.pager.VisibleRange()
	cur, ok := m.focusSpan()
	switch {
	case ok && cur.Start < vis.End && cur.End > vis.Start:
		m.focus = max(min(m.focus+d, len(ss)-1), 0)
	case d > 0:
		m.focus = sentenceAt(ss, vis.Start)
	default:
		m.focus = max(sentenceAt(ss, max(vis.End-1, 0)), 0)
	}
	m.target, m.at = noSpan, -1
	m.pager.Show(ss[m.focus])
}

func (m *Model) updateStatus() {
	var info []string
	if m.matches.Query != "" {
		if m.matches.Len() > 0 {
			info = append(info, fmt.Sprintf("%d/%d", m.matches.Current+1, m.matches.Len()))
		} else {
			info = append(info, "0/0")
		}
	}
	if m.selecting {
		info = append(info, "SELECT")
	}
	info = append(info, fmt.Sprintf("%d%%", m.pager.Percent()))
	m.status.SetInfo(info...)
}

// refreshLayers gives the pane the layers to draw, lowest first.
func (m *Model) refreshLayers() {
	layers := []*render.Layer{m.inline}
	if s, ok := m.focusSpan(); ok {
		layers = append(layers, render.NewLayer([]render.Mark{{Span: s, Class: theme.ClassFocus}}))
		m.pager.SetGutter(s)
	}
	if m.showNotes && m.noteLayer != nil {
		layers = append(layers, m.noteLayer)
	}
	if m.showEntities && m.entityLayer != nil {
		layers = append(layers, m.entityLayer)
	}
	if m.showClaims && m.claimLayer != nil {
		layers = append(layers, m.claimLayer)
		if c, ok := m.focusedClaim(); ok {
			cues := make([]render.Mark, 0, len(c.Cues))
			for _, cue := range c.Cues {
				cues = append(cues, render.Mark{Span: cue.Span, Class: theme.ClassCue})
			}
			layers = append(layers, render.NewLayer(cues))
		}
	}
	if m.selecting {
		layers = append(layers, render.NewLayer([]render.Mark{{Span: m.selection, Class: theme.ClassSelection}}))
	}
	if m.matches.Len() > 0 {
		layers = append(layers, m.matchLayer())
	}
	if m.target.Start >= 0 {
		layers = append(layers, render.NewLayer([]render.Mark{{Span: m.target, Class: theme.ClassTarget}}))
	}
	m.pager.SetLayers(layers...)
}

// matchLayer holds the matches near the screen only, so a search with a
// hundred thousand matches costs nothing per frame.
func (m Model) matchLayer() *render.Layer {
	vis := m.pager.VisibleRange()
	spans := m.matches.Spans
	lo := sort.Search(len(spans), func(i int) bool { return spans[i].End > vis.Start-4096 })
	hi := max(lo, sort.Search(len(spans), func(i int) bool { return spans[i].Start >= vis.End+4096 }))
	marks := make([]render.Mark, 0, hi-lo)
	for _, s := range spans[lo:hi] {
		marks = append(marks, render.Mark{Span: s, Class: theme.ClassMatch})
	}
	return render.NewLayer(marks)
}

// View draws the screen: exactly the window's height in lines, each its
// width in columns, with the status bar (or the search prompt) last.
func (m Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "margin: " + render.OneLine(m.art.Title)
	if !m.ready || m.width <= 0 || m.height <= 0 {
		return v
	}
	if m.height == 1 {
		v.SetContent(m.bottomLine())
		return v
	}
	var body string
	switch {
	case m.editor != nil:
		body = m.editor.View()
	case m.showHelp:
		body = m.help.View()
	case m.panelOpen:
		body = lipgloss.JoinHorizontal(lipgloss.Top, m.pager.View(), m.panel.View())
	default:
		body = m.pager.View()
	}
	parts := []string{body}
	if ex := m.explainView(); ex != "" && m.editor == nil && !m.showHelp {
		parts = append(parts, ex)
	}
	parts = append(parts, m.bottomLine())
	v.SetContent(strings.Join(parts, "\n"))
	return v
}

// bottomLine is the status bar, or the search prompt while searching.
func (m Model) bottomLine() string {
	if m.searching && m.editor == nil {
		return render.Fit(m.input.View(), m.width)
	}
	return m.status.View()
}
