// Package noteeditor is a Bubble Tea component for writing a note on a
// passage: the note's text (several lines), a verdict, tags and source
// links.
//
// The editor does not save anything itself. ctrl+s asks the parent to save
// the edited note (annotate.Book.Add for a new note, Put for an existing
// one) and to close the editor; should the save fail, the parent shows the
// editor again with SaveFailed, which shows the error and, when annotate
// names a fallback notes folder for it, offers ctrl+o (save there). esc asks to close, after asking
// first when there are unsaved changes. The parent takes what a key asks
// with TakeRequest right after Update.
package noteeditor

import (
	"errors"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// Request is what a key asks of the parent, taken with TakeRequest right
// after Update. Sent as commands, they ran after keys typed quickly
// behind them: a key pressed just after esc or ctrl+s went into the
// closing editor instead of the text.
type Request struct {
	// Close asks to close the editor without saving.
	Close bool
	// Save asks to save Note (Note.ID is empty for a new note) and close
	// the editor; Fallback, to save it to the fallback notes folder
	// (annotate.FallbackDir) after a save has failed.
	Save, Fallback bool
	Note           annotate.Note
	// Empty says ctrl+s was refused, the note having no text, verdict,
	// tag or source: there is nothing to save, and a note saved empty
	// was a blank mark in the margin that said nothing. The editor stays
	// open; the parent says why.
	Empty bool
}

// KeyMap is the editor's keys, taken from the reader's one key map; the
// same values drive Update and help.
type KeyMap struct {
	Save, Close, Next, Prev, Enter, VerdictPrev, VerdictNext, VerdictPick, Discard, Keep, Fallback key.Binding
}

// NewKeyMap takes the editor's keys from the app's key map.
func NewKeyMap(k keys.KeyMap) KeyMap {
	return KeyMap{
		Save: k.Save, Close: k.CloseEditor, Next: k.NextField, Prev: k.PrevField, Enter: k.FieldEnter,
		VerdictPrev: k.VerdictPrev, VerdictNext: k.VerdictNext, VerdictPick: k.VerdictPick, Discard: k.Discard, Keep: k.Keep,
		Fallback: k.SaveFallback,
	}
}

// Styles are the editor's colours and decorations, all from the theme.
type Styles struct {
	Title, Passage, Label, Focused, Choice, Chosen, Question, Help lipgloss.Style
	Input                                                          textinput.Styles
	Area                                                           textarea.Styles
}

// StylesFrom takes the editor's styles from the reader's theme.
func StylesFrom(t *theme.Theme) Styles {
	return Styles{
		Title: t.HelpTitle, Passage: t.Quote, Label: t.ExplainLabel, Focused: t.PanelTabActive,
		Choice: t.PanelDim, Chosen: t.PanelCursor, Question: t.Warning, Help: t.Help.ShortDesc,
		Input: t.Input, Area: t.Area,
	}
}

type field int

const (
	fieldText field = iota
	fieldVerdict
	fieldTags
	fieldSources
	fieldCount
)

// Model is the note editor.
type Model struct {
	KeyMap KeyMap

	note    annotate.Note
	passage string
	text    textarea.Model
	tags    textinput.Model
	sources textinput.Model
	verdict int // index into annotate.Verdicts
	focus   field
	asking  bool   // "discard changes?" is showing
	failure string // why the last save failed, "" if it did not
	// fallback is the notes folder the failed save's error offers, which
	// ctrl+o saves to; "" where there is none (a sidecar beside the
	// article that is there but cannot be written keeps its notes there).
	fallback string
	request  Request
	width    int
	height   int
	// column is what SetColumn asked for; indent and col are the part of
	// the width drawn in, as SetSize fitted it.
	column      column
	indent, col int
	styles      Styles
	original    annotate.Note
}

// New returns an editor for note n on passage (the passage's text as the
// reader shows it), with the keys of km and the styles of th. For a new
// note n has only its Span set.
func New(n annotate.Note, passage string, km keys.KeyMap, th *theme.Theme) Model {
	m := Model{
		KeyMap:  NewKeyMap(km),
		note:    n,
		passage: passage,
		text:    textarea.New(),
		tags:    textinput.New(),
		sources: textinput.New(),
		verdict: max(0, slices.Index(annotate.Verdicts, n.Verdict)),
	}
	m.text.Placeholder = "What is wrong or right with this passage?"
	m.text.ShowLineNumbers = false
	m.text.SetValue(n.Text)
	m.tags.Prompt = ""
	m.tags.Placeholder = "comma-separated"
	m.tags.SetValue(strings.Join(n.Tags, ", "))
	m.sources.Prompt = ""
	m.sources.Placeholder = "links, separated by spaces"
	m.sources.SetValue(strings.Join(n.Sources, " "))
	m.original = m.Note()
	m.SetStyles(StylesFrom(th))
	m.SetSize(72, 16)
	return m
}

// Focus focuses the note text; call it when the editor opens.
func (m *Model) Focus() tea.Cmd { return m.setFocus(fieldText) }

// SetSize sets the editor's width and height in cells; View fills them
// exactly.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 1), max(height, 1)
	m.indent, m.col = m.column.indent, m.column.width
	if m.col <= 0 || m.indent+m.col > m.width {
		m.indent, m.col = 0, m.width
	}
	m.text.SetWidth(m.measure())
	m.text.SetHeight(min(max(m.height-m.fixedLines(), 1), maxTextLines))
	m.tags.SetWidth(max(m.col-10, 1))
	m.sources.SetWidth(max(m.col-10, 1))
}

// SetColumn sets where in its width the editor draws: indent columns
// in, width wide, in line with the reader's text (the focus bar's column
// and the text's), so that a note is written where the passage was read;
// in a 200-column window the editor sat at the left edge, 60 columns from
// the text. A column that does not fit takes the whole width. Call
// SetSize after it.
func (m *Model) SetColumn(indent, width int) { m.column = column{max(indent, 0), width} }

// column is the part of the editor's width it draws in.
type column struct{ indent, width int }

// measure is how wide the passage and the note are drawn: the window, up
// to the reader's text column, as a line across 200 columns is hard to
// read back while writing.
func (m Model) measure() int { return max(min(m.col-1, pager.DefaultMaxWidth), 1) }

// SetStyles sets the editor's styles.
func (m *Model) SetStyles(s Styles) {
	m.styles = s
	m.text.SetStyles(s.Area)
	m.tags.SetStyles(s.Input)
	m.sources.SetStyles(s.Input)
}

// Note returns the note as edited so far.
func (m Model) Note() annotate.Note {
	n := m.note
	n.Text = m.text.Value()
	n.Verdict = annotate.Verdicts[m.verdict]
	// A tag typed twice in two cases is one tag ("B" and "b" were two,
	// each a filter of its own); a link's path is cased, so two sources
	// differ in any letter.
	n.Tags = splitList(m.tags.Value(), func(r rune) bool { return r == ',' }, strings.EqualFold)
	n.Sources = splitList(m.sources.Value(), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' },
		func(a, b string) bool { return a == b })
	return n
}

// Dirty reports whether anything was changed since the editor opened.
func (m Model) Dirty() bool {
	a, b := m.Note(), m.original
	return strings.TrimSpace(a.Text) != strings.TrimSpace(b.Text) || a.Verdict != b.Verdict ||
		!slices.Equal(a.Tags, b.Tags) || !slices.Equal(a.Sources, b.Sources)
}

// Empty reports whether the note as edited holds nothing: no text but
// spaces, no verdict, no tags and no sources.
func (m Model) Empty() bool {
	n := m.Note()
	return strings.TrimSpace(n.Text) == "" && n.Verdict == annotate.None && len(n.Tags) == 0 && len(n.Sources) == 0
}

// Close asks to close the editor (TakeRequest), asking first when
// anything changed.
func (m *Model) Close() {
	if m.Dirty() {
		m.asking = true
		return
	}
	m.request = Request{Close: true}
}

// TakeRequest returns what the last key asked of the parent and forgets
// it.
func (m *Model) TakeRequest() Request {
	r := m.request
	m.request = Request{}
	return r
}

// Asking reports whether the editor is asking to discard changes.
func (m Model) Asking() bool { return m.asking }

// SaveFailed shows why the save failed, with the note as it was typed.
// The fallback key is offered only when err is an annotate.UnwritableError
// that names a fallback folder: annotate leaves it out where notes saved
// there would be split from the article's sidecar and never found.
func (m *Model) SaveFailed(err error) {
	m.failure = render.OneLine(err.Error())
	m.fallback = ""
	var unwritable *annotate.UnwritableError
	if errors.As(err, &unwritable) {
		m.fallback = unwritable.Fallback
	}
	m.SetSize(m.width, m.height)
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		m.request = Request{}
		if m.asking {
			switch {
			case key.Matches(kp, m.KeyMap.Discard):
				m.asking = false
				m.request.Close = true
			case key.Matches(kp, m.KeyMap.Keep):
				m.asking = false
			}
			return m, nil
		}
		save, fallback := key.Matches(kp, m.KeyMap.Save), m.fallback != "" && key.Matches(kp, m.KeyMap.Fallback)
		switch {
		case (save || fallback) && m.Empty():
			m.request = Request{Empty: true}
			return m, nil
		case save:
			m.request = Request{Save: true, Note: m.Note()}
			return m, nil
		case fallback:
			m.request = Request{Fallback: true, Note: m.Note()}
			return m, nil
		case key.Matches(kp, m.KeyMap.Close):
			m.Close()
			return m, nil
		case key.Matches(kp, m.KeyMap.Next) || m.focus != fieldText && key.Matches(kp, m.KeyMap.Enter):
			return m, m.setFocus((m.focus + 1) % fieldCount)
		case key.Matches(kp, m.KeyMap.Prev):
			return m, m.setFocus((m.focus + fieldCount - 1) % fieldCount)
		}
		if m.focus == fieldVerdict {
			n := len(annotate.Verdicts)
			switch {
			case key.Matches(kp, m.KeyMap.VerdictPrev):
				m.verdict = (m.verdict + n - 1) % n
			case key.Matches(kp, m.KeyMap.VerdictNext):
				m.verdict = (m.verdict + 1) % n
			case key.Matches(kp, m.KeyMap.VerdictPick) && int(kp.Text[0]-'1') < n:
				m.verdict = int(kp.Text[0] - '1')
			}
			return m, nil
		}
	}
	// A list of tags pasted one a line keeps them apart: the field,
	// one line, made the line breaks spaces, and "two\nthree" one tag.
	if p, ok := msg.(tea.PasteMsg); ok && m.focus == fieldTags {
		msg = tea.PasteMsg{Content: strings.Join(strings.FieldsFunc(p.Content, func(r rune) bool { return r == '\n' || r == '\r' }), ", ")}
	}
	var cmd tea.Cmd
	switch m.focus {
	case fieldText:
		m.text, cmd = m.text.Update(msg)
	case fieldTags:
		m.tags, cmd = m.tags.Update(msg)
	case fieldSources:
		m.sources, cmd = m.sources.Update(msg)
	}
	return m, cmd
}

func (m *Model) setFocus(f field) tea.Cmd {
	m.focus = f
	m.text.Blur()
	m.tags.Blur()
	m.sources.Blur()
	switch f {
	case fieldText:
		return m.text.Focus()
	case fieldTags:
		return m.tags.Focus()
	case fieldSources:
		return m.sources.Focus()
	}
	return nil
}

// maxTextLines is the tallest the note's text area gets; a longer note
// scrolls inside it. A taller box would only be blank lines to draw.
const maxTextLines = 12

// passageLines is how many lines of the passage the editor shows: fewer
// in a short window, so the fields keep their room.
func (m Model) passageLines() int {
	if m.height >= 16 {
		return 3
	}
	return 1
}

// fixedLines counts the lines around the note's text area: the footer,
// title, a failed save's error, passage, verdicts, the note's label, tags
// and sources.
func (m Model) fixedLines() int {
	if m.compact() {
		return 1 + 1 + len(m.failureLines()) + 1 + 1 + 2
	}
	return m.fullFixedLines()
}

// fullFixedLines is fixedLines when every verdict is shown and the passage
// has lines of its own.
func (m Model) fullFixedLines() int {
	return 1 + 1 + len(m.failureLines()) + m.passageLines() + len(m.verdictLines()) + 1 + 2
}

// compact reports whether the window is too short for every field with a
// line of note: the passage then goes beside the title, and the verdict
// field shows the one chosen, so that nothing is left below the window's
// edge (at 30x8 the tags, sources and half the verdicts were not drawn).
func (m Model) compact() bool { return m.height < m.fullFixedLines()+1 }

// failureLines are the error of the last save, when it failed: up to two
// lines, as the error names the file and why.
func (m Model) failureLines() []string {
	if m.failure == "" {
		return nil
	}
	w, lines := max(m.col-1, 1), 2
	if m.fallback != "" {
		// The fallback's hint names its folder twice after the reason:
		// with the default folder it is some 190 columns, and at 80 two
		// lines cut off the --notes-dir the user is to type.
		lines = 3
	}
	return strings.Split(m.styles.Question.Render(clipLines(fitFailure(m.failure, m.fallback, w, lines), w, lines)), "\n")
}

// fitFailure is a save's error with as few of its paths cut to their
// files' names as make it fit in lines lines of width columns: the
// reason follows a path ("open …/harbour.txt.notes.jsonl: permission
// denied"), and at 40 columns a whole path left no room for it. The
// paths are cut in the order they come, the folder keep last: it is the
// fallback folder the hint names for --notes-dir, which the user needs
// whole, where the sidecar's folder is known to them.
func fitFailure(err, keep string, width, lines int) string {
	if fits(err, width, lines) {
		return err
	}
	words := strings.Fields(err)
	var paths, kept []int
	for i, w := range words {
		switch j := strings.LastIndexByte(w, '/'); {
		case j <= 0 || j == len(w)-1: // not a path with a file name to keep
		case keep != "" && strings.TrimRight(w, ":;,.)") == keep:
			kept = append(kept, i)
		default:
			paths = append(paths, i)
		}
	}
	for _, i := range append(paths, kept...) {
		w := words[i]
		words[i] = "…/" + w[strings.LastIndexByte(w, '/')+1:]
		if s := strings.Join(words, " "); fits(s, width, lines) {
			return s
		}
	}
	return strings.Join(words, " ")
}

// fits reports whether s, wrapped at width, takes at most lines lines,
// none cut.
func fits(s string, width, lines int) bool {
	wrapped := strings.Split(clipLines(s, width, lines+1), "\n")
	return len(wrapped) <= lines && !slices.ContainsFunc(wrapped, func(l string) bool { return ansi.StringWidth(l) > width })
}

// View draws the editor: exactly its height in lines, each its width. When
// the window is too short for every field, the fields scroll to keep the
// focused one in view; the key hints (or the question) stay on the last
// line.
func (m Model) View() string {
	lines, first := m.lines()
	body := max(m.height-1, 0)
	lo, hi := first[m.focus], first[m.focus+1]
	off := 0
	if hi > body {
		off = min(hi-body, lo)
	}
	shown := lines[off:min(off+body, len(lines))]
	out := make([]string, 0, m.height)
	for _, l := range shown {
		out = append(out, m.place(l))
	}
	for len(out) < body {
		out = append(out, render.Fit("", m.width))
	}
	return strings.Join(append(out, m.place(m.footer())), "\n")
}

// place puts line l in the editor's column: indented, cut to the column,
// and padded to the editor's width.
func (m Model) place(l string) string {
	return render.Fit(strings.Repeat(" ", m.indent)+render.Fit(l, m.col), m.width)
}

// lines are everything above the footer, unclipped, with the line each
// field starts on. The fields are drawn in the order tab visits them, so
// that tab always moves down the screen.
func (m Model) lines() ([]string, map[field]int) {
	s := m.styles
	title := "New note"
	if m.note.ID != "" {
		title = "Edit note"
	}
	compact := m.compact()
	head := s.Title.Render(title)
	if compact {
		if w := m.col - ansi.StringWidth(title) - 1; w > 0 {
			head += " " + s.Passage.Render(clipLines(m.passage, w, 1))
		}
	}
	lines := append([]string{head}, m.failureLines()...)
	if !compact {
		lines = append(lines, strings.Split(s.Passage.Render(clipLines(m.passage, min(max(m.col-2, 1), m.measure()), m.passageLines())), "\n")...)
	}
	first := map[field]int{fieldText: len(lines)}
	lines = append(lines, m.label(fieldText, "Note"))
	lines = append(lines, strings.Split(m.text.View(), "\n")...)
	first[fieldVerdict] = len(lines)
	if compact {
		lines = append(lines, m.verdictLine())
	} else {
		lines = append(lines, m.verdictLines()...)
	}
	first[fieldTags] = len(lines)
	lines = append(lines, m.label(fieldTags, "Tags    ")+" "+m.tags.View())
	first[fieldSources] = len(lines)
	lines = append(lines, m.label(fieldSources, "Sources ")+" "+m.sources.View())
	first[fieldCount] = len(lines)
	return lines, first
}

// verdictLines lays the verdict choices out in as many lines as the width
// needs.
func (m Model) verdictLines() []string {
	s := m.styles
	var lines []string
	cur, cw := m.label(fieldVerdict, "Verdict "), 8
	for i, v := range annotate.Verdicts {
		st := s.Choice
		if i == m.verdict {
			st = s.Chosen
		}
		name := v.Name()
		if cw > 8 && cw+1+len(name) > m.col {
			lines = append(lines, cur)
			cur, cw = strings.Repeat(" ", 8), 8
		}
		cur += " " + st.Render(name)
		cw += 1 + len(name)
	}
	return append(lines, cur)
}

// verdictLine is the verdict field in one line: the verdict chosen,
// between the arrows that change it.
func (m Model) verdictLine() string {
	s := m.styles
	return m.label(fieldVerdict, "Verdict ") + " " + s.Choice.Render("‹") + " " +
		s.Chosen.Render(annotate.Verdicts[m.verdict].Name()) + " " + s.Choice.Render("›")
}

// footer is the question while one is asked, else the key hints (after
// a failed save that offers the fallback folder, its key first; the verdict's keys only on its
// field, as elsewhere space and l are typed). Both fit the width whole:
// the question in fewer words, the hints by leaving out the last, where
// they were cut off in the middle of a key's name.
func (m Model) footer() string {
	if m.asking {
		keys := m.KeyMap.Discard.Help().Key + "/" + m.KeyMap.Keep.Help().Key
		q := "Discard unsaved changes? "
		for _, shorter := range []string{"Discard changes? ", "Discard? "} {
			if ansi.StringWidth(q+keys) <= m.col {
				break
			}
			q = shorter
		}
		return m.styles.Question.Render(q + keys)
	}
	hints := []key.Binding{m.KeyMap.Save, m.KeyMap.Close, m.KeyMap.Next}
	if m.focus == fieldVerdict {
		hints = append(hints, m.KeyMap.VerdictPick, m.KeyMap.VerdictNext)
	}
	if m.fallback != "" {
		hints = []key.Binding{m.KeyMap.Fallback, m.KeyMap.Save, m.KeyMap.Close}
	}
	parts := make([]string, len(hints))
	for i, k := range hints {
		parts[i] = k.Help().Key + " " + k.Help().Desc
	}
	// The hints that fit on one row (render.Hints); the first alone may be
	// wider than a narrow column ("ctrl+o save to the fallback notes
	// folder"), and is cut after a word, not mid-word at the row's edge.
	return m.styles.Help.Render(render.Hints(parts, m.col)[0])
}

func (m Model) label(f field, name string) string {
	if m.focus == f {
		return m.styles.Focused.Render(name)
	}
	return m.styles.Label.Render(name)
}

// splitList splits s at sep into its trimmed, non-empty items, the first
// of each set of items same holds equal.
func splitList(s string, sep func(rune) bool, same func(a, b string) bool) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, sep) {
		if f = strings.TrimSpace(f); f != "" && !slices.ContainsFunc(out, func(o string) bool { return same(o, f) }) {
			out = append(out, f)
		}
	}
	return out
}

// clipLines fits s into at most lines lines of width columns, ending
// with "…" after a whole word when cut. It reads s a word at a time and
// stops there: a passage of a megabyte (a transcript's one sentence) was
// split whole into words at every keystroke, 38 ms of each in the editor.
func clipLines(s string, width, lines int) string {
	var out []string
	cur, curW := "", 0
	for rest := s; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		w, ww := rest[:end], ansi.StringWidth(rest[:end])
		rest = rest[end:]
		switch {
		case cur == "":
			cur, curW = w, ww
		case curW+1+ww <= width:
			cur, curW = cur+" "+w, curW+1+ww
		default:
			out = append(out, cur)
			cur, curW = w, ww
		}
		if len(out) == lines {
			out[lines-1] = render.CutWords(out[lines-1], max(width-1, 1)) + "…"
			return strings.Join(out, "\n")
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}
