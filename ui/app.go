// Package ui is margin's reader: a full-screen Bubble Tea program that
// lays out its components (the text view in ui/reader, the side panel,
// the status bar, the help screen, the note editor) and routes messages
// to them; after every message it refreshes, in one place, what the
// components derive from the state. Besides the routing it keeps only the
// glue between components: which note a key means and the commands that
// read and write the notes (notes.go, store.go), and the analysis, file
// watch and reload (background.go).
package ui

import (
	"context"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/attention"
	"github.com/margin-reader/margin/ui/help"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/noteeditor"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/panel"
	"github.com/margin-reader/margin/ui/reader"
	"github.com/margin-reader/margin/ui/review"
	"github.com/margin-reader/margin/ui/status"
	"github.com/margin-reader/margin/ui/theme"
)

// AnalyzeFunc analyses an article into its entity and claim layers,
// telling progress (which it may leave uncalled) how far it has come.
type AnalyzeFunc func(ctx context.Context, a *model.Article, progress model.Progress) (*model.Analysis, error)

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
	// Notes is the article's notes, opened already. Nil with no NotesError
	// for an article read from a file: the reader opens them itself once
	// its first screen is out (for an article loaded in steps, once it is
	// whole), so many notes never hold the first screen back. Nil with a
	// NotesError: they cannot be kept, and it says why.
	Notes      *annotate.Book
	NotesError string
	// NotesOptions reopen the notes after a reload.
	NotesOptions annotate.Options
	// Loader, when set, reads the rest of the article in the background,
	// in steps; the notes (when Notes is nil) and the analysis wait for
	// the whole text.
	Loader *model.Loader
	// Open opens a link in the browser when the user asks to (nil: the
	// platform's opener).
	Open OpenFunc
	// Review opens the review queue as soon as the claims are in, as
	// margin check does.
	Review bool
	// Idle, when set, is called (in a command) with true once the reader
	// has nothing left to do in the background, and with false when work
	// starts again (a reload), so the program can run leaner while idle.
	Idle func(idle bool)
}

type (
	// analysisMsg is the result of analysis number gen.
	analysisMsg struct {
		gen  int
		hash string
		an   *model.Analysis
		err  error
	}
	// analysisProgressMsg says how far analysis number gen has come, from
	// 0 to 1, and what of it is known so far (model.Progress).
	analysisProgressMsg struct {
		gen   int
		done  float64
		sofar *model.Analysis
		// next waits for the report after this one.
		next tea.Cmd
	}
	// analyzeMsg starts the analysis of the article with this hash.
	analyzeMsg struct{ hash string }
	changedMsg struct{}
	// openNotesMsg opens the notes that wait for the first screen.
	openNotesMsg struct{}
	// notesChangedMsg says the sidecar changed on disk.
	notesChangedMsg struct{}
	reloadMsg       struct{}
	reloadedMsg     struct {
		a   *model.Article
		err error
		// notes are the reopened book's notes; notesErr says why it
		// could not be reopened, and notes are then the old book's,
		// placed on the new text.
		notes    []annotate.Note
		seen     []span.Span
		notesErr error
		// said is what a save that read the file again says, the
		// reload with it ("note saved; file reloaded").
		said string
	}
)

// analysisDelay holds the analysis, the notes and the next load step back
// until the first screen is out: they would otherwise take the CPU the
// first frame needs (the analysis of a large article; opening thousands
// of notes and laying out their marks).
const analysisDelay = 30 * time.Millisecond

// reloadDelay lets a burst of writes settle before the file is read again.
const reloadDelay = 150 * time.Millisecond

// Model is the reader program: its components and what routes between
// them.
type Model struct {
	ctx   context.Context
	opts  Options
	theme *theme.Theme
	keys  keys.KeyMap

	reader reader.Model
	panel  panel.Model
	status status.Model
	help   help.Model
	input  textinput.Model
	editor *noteeditor.Model
	// saving is the editor closed on ctrl+s while its note is saved.
	saving *savingNote
	// editorText is the article's text when the editor opened, which the
	// note's span is on even if the file changes on disk before the save.
	editorText string
	// review is the review queue while it is open; reviewPending says it
	// opens when the analysis comes. seen is where the claims it showed
	// are, from the book.
	review *review.Model
	// attention is the list of the notes that need attention, while open.
	attention     *attention.Model
	reviewPending bool
	seen          []span.Span

	width, height int
	ready         bool
	searching     bool
	showHelp      bool
	panelOpen     bool

	// store is the notes book, read and written by commands only; nil
	// when notes cannot be kept. notes is its latest snapshot.
	store *store
	notes []annotate.Note
	// quitting says ctrl+c was pressed in the editor, which is asking
	// whether to discard the note before the program quits, or that a
	// quit waits for a note's save.
	quitting bool
	// undoIDs are the notes D deleted, the last last, while u can bring
	// them back: one at a time, newest first, so that three deleted in a
	// row in the notes panel come back, where only the last one did.
	undoIDs []string
	// lastKeyDelete is whether the last key deleted a note or brought
	// one back, after which u undoes wherever the reader is.
	lastKeyDelete bool

	// analysisGen numbers the analyses started; cancelAnalysis stops the
	// one in flight when a newer one starts.
	analysisGen    int
	cancelAnalysis context.CancelFunc
	analysis       *model.Analysis
	analysisErr    bool
	// analysisDone is how far the analysis in flight has come, from 0 to 1.
	analysisDone float64
	// analysisPaused says a reload stopped the analysis in flight, to be
	// started again if the reload fails.
	analysisPaused bool
	// fileGone says the last reload found the file deleted, so the next
	// one that reads it says it is back rather than that it changed.
	fileGone bool
	// savedOn is the hash of the text a save read again from disk, whose
	// reload by the watcher, to follow, has nothing new to say: the bar
	// keeps saying the note was saved and the file reloaded.
	savedOn string

	// load is the article's background load, when it came in steps.
	load loading
	// idle says Options.Idle was last told true.
	idle bool
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
		ctx: ctx, opts: opts, theme: th, keys: km,
		reader: reader.New(a, km, th, reader.Options{MaxWidth: opts.Width, Hyperlinks: opts.Hyperlinks, Analysing: opts.Analyze != nil}),
		panel:  panel.New(panel.Tabs(), th, km),
		status: status.New(th),
		help:   help.New(km, th, km.Groups(), legend),
		input:  textinput.New(),
	}
	m.input.Prompt = "/"
	m.input.Placeholder = "search"
	m.setTitle(a)
	if opts.Notice != "" {
		m.status.SetMessage(opts.Notice)
	}
	if opts.Notes != nil {
		m.takeBook(opts.Notes)
	}
	m.load = newLoading(ctx, a, opts)
	m.reviewPending = opts.Review
	m.setSource()
	m.applyTheme()
	return m
}

// setTitle names the article in the status bar: its title, else its
// file's name (the folders before it would push the name out of a narrow
// bar).
func (m *Model) setTitle(a *model.Article) {
	if a.Title == "" {
		m.status.SetName(filepath.Base(a.Name))
		return
	}
	m.status.SetTitle(a.Title)
}

// setSource tells the panel what its tabs are built from.
func (m *Model) setSource() {
	m.panel.SetSource(panel.Source{
		Article: m.reader.Article(), Analysis: m.analysis, Analysing: m.opts.Analyze != nil,
		AnalysisErr: m.analysisErr, Notes: m.notes, NotesOff: m.store == nil,
	})
}

// Init asks for the terminal's background and starts, once the first
// screen is out, the load of the rest, the notes and the analysis, and
// the file watch.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if !m.opts.NoColor {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.load.active() {
		cmds = append(cmds, m.loadAfter(analysisDelay))
	} else {
		hash := m.reader.Article().Hash
		cmds = append(cmds, tea.Tick(analysisDelay, func(time.Time) tea.Msg { return analyzeMsg{hash} }))
		if m.load.notesWait {
			cmds = append(cmds, tea.Tick(analysisDelay, func(time.Time) tea.Msg { return openNotesMsg{} }))
		}
	}
	cmds = append(cmds, m.watch(), m.watchNotes())
	return tea.Batch(cmds...)
}

// Article returns the article shown.
func (m Model) Article() *model.Article { return m.reader.Article() }

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
	case reader.NoticeMsg:
		m.notice(msg)
		return m, nil
	case notesMsg:
		// A save that found the file changed read it again: the reader
		// takes the new text the note was saved on, as a reload would.
		var reload tea.Cmd
		if msg.article != nil {
			m, reload = m.reloaded(reloadedMsg{a: msg.article, notes: msg.notes, seen: msg.seen, said: msg.message})
			msg.message = ""
		}
		if msg.editor {
			m, cmd := m.editorSaved(msg)
			return m, tea.Batch(reload, cmd)
		}
		m.notesDone(msg)
		return m, reload
	}
	if m, cmd, ok := m.reviewUpdate(msg); ok {
		return m, cmd
	}
	if m, cmd, ok := m.background(msg); ok {
		return m, cmd
	}
	// ctrl+z stops margin from anywhere, the note editor too (its text
	// is kept), as in less and vim; it did nothing.
	if kp, ok := msg.(tea.KeyPressMsg); ok && key.Matches(kp, m.keys.Suspend) {
		return m, tea.Suspend
	}
	if m.editor != nil {
		return m.editorUpdate(msg)
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		// The wheel scrolls what is on screen: the help, the side panel
		// under the pointer, or the text, never the text hidden under the
		// review queue or a list.
		switch {
		case m.showHelp:
			m.help, _ = m.help.Update(msg)
		case m.panelShown() && (m.panelOver() || msg.X >= m.width-m.panel.Width()):
			m.panel.Scroll(keys.WheelStep(msg))
		case !m.textCovered():
			m.readerUpdate(msg)
		}
		return m, nil
	case tea.MouseClickMsg:
		// A left click on the text focuses the sentence there; on the
		// panel, or under a screen drawn over the text, it does nothing.
		// What the bar said goes, as at a key: "claim 2/13" stayed over
		// the sentence clicked.
		if msg.Button == tea.MouseLeft && !m.textCovered() && !(m.panelShown() && msg.X >= m.width-m.panel.Width()) {
			m.status.ClearMessage()
			m.reader.Click(msg.X, msg.Y)
		}
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

func (m *Model) notice(msg reader.NoticeMsg) {
	if msg.Error {
		m.status.SetError(msg.Text)
		return
	}
	m.status.SetMessage(msg.Text)
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
	m.reader.SetTheme(m.theme)
	m.panel.SetTheme(m.theme)
	m.status.SetTheme(m.theme)
	m.help.SetTheme(m.theme)
	if m.review != nil {
		m.review.SetTheme(m.theme)
	}
	if m.attention != nil {
		m.attention.SetTheme(m.theme)
	}
	m.input.SetStyles(m.theme.Input)
	if m.editor != nil {
		m.editor.SetStyles(noteeditor.StylesFrom(m.theme))
	}
}

// refresh recomputes, in this order, the layers the text view draws (and
// the open panel's list), the size of every child (the explain box's
// included) and the status bar. It runs after every message, so the
// screen always adds up to the window.
func (m *Model) refresh() {
	m.reader.RefreshLayers()
	if m.panelOpen {
		m.panel.Prepare()
	}
	m.layout()
	info := m.loadingInfo()
	switch {
	case m.showHelp:
		info = append(info, reader.Percent(m.help.Percent()))
	case !m.textCovered():
		info = append(info, m.reader.Info()...)
	}
	if m.review != nil {
		info = append([]string{m.review.Progress()}, info...)
	}
	m.status.SetInfo(info...)
	m.status.SetHint(m.hint())
}

// textCovered reports whether a screen of its own (the editor, help, the
// attention list, the review queue, or the panel in a narrow window) is
// drawn over the text: the text's position and match count then say
// nothing of what is on screen.
func (m Model) textCovered() bool { return m.screenOver() || m.panelOver() }

// screenOver reports whether the note editor, the help, the attention
// list or the review queue is drawn over the whole window, the text and
// the side panel alike.
func (m Model) screenOver() bool {
	return m.editor != nil || m.showHelp || m.attention != nil || m.review != nil
}

// panelShown reports whether the open side panel is on screen: no
// screen of its own is drawn over it (screenOver).
func (m Model) panelShown() bool { return m.panelOpen && !m.screenOver() }

// panelOver reports whether the open side panel is drawn over the text,
// as it is in a window too narrow for both: beside a panel, the text of
// a 40-column window was 18 columns wide, a few words a line, and the
// panel's items were cut to their first word.
// A text column narrower than minTextBeside by choice (--width) needs
// only its own width beside the panel.
func (m Model) panelOver() bool {
	need := minTextBeside
	if m.opts.Width > 0 {
		need = min(need, m.opts.Width+pager.Margins)
	}
	return m.panelOpen && m.width-m.panelBeside() < need
}

// minTextBeside is the narrowest window's width left for the text that
// keeps the panel beside it.
const minTextBeside = 40

// panelBeside is the side panel's width beside the text: at most half
// the window, at least a column.
func (m Model) panelBeside() int {
	return max(min(panelWidth(m.width, m.opts.Width), max(m.width, 1)/2), 1)
}

// hint is the bar's last word: how to open help, or, on a screen drawn
// over the text, how to leave it (in a small window that screen's own
// key hints give way to what it shows). The note editor has none: its
// own line names its keys, and there ? is a character of the note.
func (m Model) hint() string {
	help := m.keys.Help.Help().Key + " " + m.keys.Help.Help().Desc
	switch {
	case m.editor != nil:
		return ""
	case m.showHelp:
		return m.keys.Clear.Help().Key + " close help"
	case m.attention != nil:
		return m.keys.CloseAttention.Help().Key + " back · " + help
	case m.review != nil:
		return m.keys.CloseReview.Help().Key + " back · " + help
	case m.panelOver():
		return m.keys.Clear.Help().Key + " back · " + help
	}
	return help
}

// layout gives every child its size. Every size handed down is at least
// 1, however small the window: components draw into what they are given.
func (m *Model) layout() {
	if !m.ready {
		return
	}
	m.status.SetWidth(m.width)
	rows := m.statusRows()
	m.status.SetRows(rows)
	body := max(m.height-rows, 1)
	w := max(m.width, 1)
	switch {
	case m.panelOver():
		// The text keeps its width under the panel: closing the panel
		// shows it as it was, with nothing to wrap again.
		m.panel.SetSize(w, body)
	case m.panelOpen:
		pw := m.panelBeside()
		m.panel.SetSize(pw, body)
		w = max(w-pw, 1)
	}
	m.reader.SetSize(w, body)
	m.help.SetSize(m.width, body)
	m.input.SetWidth(max(m.width-4, 1))
	if m.editor != nil {
		// The editor's bar goes where the focus bar is, two columns
		// before the text.
		indent, tw := m.reader.TextColumn(m.width)
		m.editor.SetColumn(indent-2, tw+2)
		m.editor.SetSize(m.width, body)
	}
	if m.review != nil {
		m.review.SetSize(m.width, body)
	}
	if m.attention != nil {
		m.attention.SetSize(m.width, body)
	}
}

// statusRows is how many rows the status bar takes: two for a message
// too long for one, in a window of 9 rows or more (below, the text needs
// every row), three for one too long for two in a window of 12 or more;
// one under the search prompt, which takes the bar's row.
func (m Model) statusRows() int {
	switch {
	case m.searching && m.editor == nil || m.height < 9:
		return 1
	case m.height < 12:
		return min(m.status.WantsRows(), 2)
	}
	return m.status.WantsRows()
}

// sayFilter says in the status what F filters the panel by now: the
// panel's own line for it is cut in a narrow panel ("only attributed
// (F: nex…" at 80 columns, "only attributed (…" at 40).
func (m *Model) sayFilter() {
	if f := m.panel.Filter(); f != "" {
		m.status.SetMessage("panel: only " + f + " · " + m.keys.Filter.Help().Key + ": the next")
		return
	}
	m.status.SetMessage("panel: everything shown again")
}

// panelWidth is the side panel's width in a window w columns wide whose
// text column is at most textWidth (0: the default): a third of the
// window, from 24 to 44 columns, or more in a wide window, where the
// text leaves room: the panel takes what the text would leave blank, up
// to 72 columns, so that claims and headings are cut less.
func panelWidth(w, textWidth int) int {
	if textWidth <= 0 {
		textWidth = pager.DefaultMaxWidth
	}
	slack := w - textWidth - pager.Margins
	return max(min(44, max(24, w/3)), min(slack, maxPanelWidth))
}

// maxPanelWidth is the widest the side panel gets: wider, its lines are
// no easier to take in at a glance.
const maxPanelWidth = 72

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case m.searching:
		return m.searchKey(msg)
	case m.saving != nil && (key.Matches(msg, k.ForceQuit) || key.Matches(msg, k.Quit) && !m.showHelp):
		// Quitting now could end the program before the note is written.
		m.quitting = true
		m.status.SetMessage("saving the note, then quitting…")
		return m, nil
	case key.Matches(msg, k.ForceQuit):
		return m, tea.Quit
	case m.showHelp:
		if key.Matches(msg, k.Help, k.Clear, k.Quit) {
			m.showHelp = false
		} else {
			m.help, _ = m.help.Update(msg)
		}
		return m, nil
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	}
	m.status.ClearMessage()
	if m.attention != nil && !key.Matches(msg, k.Help) {
		return m.attentionKey(msg)
	}
	if m.review != nil && !key.Matches(msg, k.Help) {
		return m.reviewKey(msg)
	}
	if key.Matches(msg, k.Help) {
		m.showHelp = true
		switch {
		case m.review != nil:
			m.help.ShowGroupOf(k.Review)
		case m.attention != nil:
			m.help.ShowGroupOf(k.Attention)
		default:
			m.help.Top()
		}
		return m, nil
	}
	afterDelete := m.lastKeyDelete
	m.lastKeyDelete = key.Matches(msg, k.Delete)
	if key.Matches(msg, k.Undo) && m.undoes(afterDelete) {
		m.lastKeyDelete = true
		return m, m.undo()
	}
	if key.Matches(msg, k.Filter) && !(m.panelOpen && m.panel.CanFilter()) {
		m.status.SetMessage(k.Filter.Help().Key + " filters the claims panel by kind, the notes panel by verdict, status or tag")
		return m, nil
	}
	if m.panelOpen && (key.Matches(msg, k.Panel, k.PanelPrev, k.Enter, k.Up, k.Down, k.Filter) || m.panelPages(msg)) {
		m.panel = m.panel.Update(msg)
		if j, ok := m.panel.TakeJump(); ok {
			m.jump(j)
			if !j.Span.Empty() {
				// Over the text, the panel makes way for what it
				// jumped to; the panel's key brings it back as it was.
				m.closePanelOver()
			}
		}
		if key.Matches(msg, k.Filter) {
			m.sayFilter()
		}
		return m, nil
	}
	return m.command(msg)
}

// panelPages reports whether msg is a key that moves in the open panel's
// list by pages or to its ends, as j and k move it by items. space is the
// exception: it keeps paging the text, so one reads on with the panel
// open. While selecting, the keys shape the selection instead (b).
func (m Model) panelPages(msg tea.KeyPressMsg) bool {
	k := m.keys
	if _, selecting := m.reader.Selecting(); selecting || msg.String() == "space" {
		return false
	}
	return key.Matches(msg, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom)
}

// command runs the keys the root owns (help, search, the panel, notes) and
// hands the rest to the text view.
func (m Model) command(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	_, selecting := m.reader.Selecting()
	switch {
	case key.Matches(msg, k.Search):
		m.closePanelOver()
		m.searching = true
		m.input.Reset()
		return m, m.input.Focus()
	case key.Matches(msg, k.Panel, k.PanelPrev):
		// Either way round, a closed panel opens on the tab last shown.
		m.openPanel(m.panel.Active())
	case key.Matches(msg, k.Outline) && !selecting:
		m.openPanel(panel.Outline)
	case key.Matches(msg, k.Clear) && m.panelOpen && !selecting:
		m.panelOpen = false
	case key.Matches(msg, k.Annotate):
		return m, m.annotate()
	case key.Matches(msg, k.Edit):
		return m, m.editNote()
	case key.Matches(msg, k.Delete):
		return m, m.deleteNote()
	case key.Matches(msg, k.Export):
		return m, m.exportNotes()
	case key.Matches(msg, k.Review):
		m.startReview()
	case key.Matches(msg, k.Attention):
		m.openAttention()
	case key.Matches(msg, k.CopyLink):
		return m, m.copyURL()
	case key.Matches(msg, k.OpenLink):
		return m, m.openURL()
	default:
		m.closePanelOver()
		m.readerUpdate(msg)
	}
	return m, nil
}

// closePanelOver closes the panel drawn over the text before a key acts
// on the text, so that what the key does is seen.
func (m *Model) closePanelOver() {
	if m.panelOver() {
		m.panelOpen = false
	}
}

// readerUpdate hands msg to the text view and shows what it says.
func (m *Model) readerUpdate(msg tea.Msg) {
	m.reader = m.reader.Update(msg)
	m.takeNotice()
}

// takeNotice shows what the text view last asked the status bar to say.
func (m *Model) takeNotice() {
	if n, ok := m.reader.TakeNotice(); ok {
		m.notice(n)
	}
}

// jump shows what the panel chose: its span, and what it says of it.
func (m *Model) jump(j panel.Jump) {
	if !j.Span.Empty() {
		m.reader.GoTo(j.Span)
	}
	if j.Say != "" {
		m.status.SetMessage(j.Say)
	}
}

// openPanel shows the panel on tab; the outline opens on the section
// being read: the focus's, when it is on screen, else the top line's.
func (m *Model) openPanel(tab string) {
	m.panelOpen = true
	m.panel.Show(tab)
	if tab != panel.Outline {
		return
	}
	at := m.reader.Pager().TopOffset()
	if f, ok := m.reader.Focus(); ok && m.reader.Pager().Visible(f.Start) {
		at = f.Start
	}
	m.panel.SelectAt(at)
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
		m.search(m.input.Value())
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}
