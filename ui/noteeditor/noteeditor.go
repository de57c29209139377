// Package noteeditor is a Bubble Tea component for writing a note on a
// passage: the note's text (several lines), a verdict, tags and source
// links.
//
// The editor does not save anything itself. ctrl+s sends SavedMsg with the
// edited note, which the parent stores (annotate.Book.Add for a new note,
// Put for an existing one) and then closes the editor. esc sends ClosedMsg,
// after asking first when there are unsaved changes.
package noteeditor

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/margin-reader/margin/annotate"
)

// SavedMsg asks the parent to save Note and close the editor. Note.ID is
// empty for a new note.
type SavedMsg struct{ Note annotate.Note }

// ClosedMsg tells the parent the editor closed without saving.
type ClosedMsg struct{}

// KeyMap is the editor's keys; the same values drive Update and help.
type KeyMap struct {
	Save        key.Binding
	Close       key.Binding
	Next        key.Binding
	Prev        key.Binding
	VerdictPrev key.Binding
	VerdictNext key.Binding
	Discard     key.Binding
	Keep        key.Binding
}

// DefaultKeyMap returns the editor's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Save:        key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Close:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Next:        key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:        key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		VerdictPrev: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "verdict")),
		VerdictNext: key.NewBinding(key.WithKeys("right", "l", "space"), key.WithHelp("→/l", "verdict")),
		Discard:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "discard")),
		Keep:        key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep editing")),
	}
}

// ShortHelp returns the bindings for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Save, k.Close, k.Next, k.VerdictNext}
}

// FullHelp returns every binding, grouped.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Save, k.Close}, {k.Next, k.Prev}, {k.VerdictPrev, k.VerdictNext}}
}

// Styles are the editor's colours and decorations; the parent's theme
// provides them with SetStyles.
type Styles struct {
	Title    lipgloss.Style
	Passage  lipgloss.Style
	Label    lipgloss.Style
	Focused  lipgloss.Style // the label of the focused field
	Choice   lipgloss.Style // a verdict not chosen
	Chosen   lipgloss.Style // the chosen verdict
	Question lipgloss.Style
	Help     lipgloss.Style
}

// DefaultStyles returns styles for a dark or light background.
func DefaultStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A56E0"), lipgloss.Color("#A6A4FF"))
	dim := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6C6C6C"))
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true),
		Passage:  lipgloss.NewStyle().Italic(true).Foreground(dim),
		Label:    lipgloss.NewStyle().Foreground(dim),
		Focused:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		Choice:   lipgloss.NewStyle().Foreground(dim),
		Chosen:   lipgloss.NewStyle().Bold(true).Reverse(true),
		Question: lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#C0392B"), lipgloss.Color("#FF7675"))),
		Help:     lipgloss.NewStyle().Foreground(dim),
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

// passageLines is how many lines of the passage the editor shows.
const passageLines = 3

// Model is the note editor.
type Model struct {
	KeyMap KeyMap

	note     annotate.Note
	passage  string
	text     textarea.Model
	tags     textinput.Model
	sources  textinput.Model
	verdict  int // index into annotate.Verdicts
	focus    field
	asking   bool // "discard changes?" is showing
	width    int
	styles   Styles
	original annotate.Note
}

// New returns an editor for note n on passage (the passage's text as the
// reader shows it). For a new note n has only its Span set.
func New(n annotate.Note, passage string) Model {
	m := Model{
		KeyMap:  DefaultKeyMap(),
		note:    n,
		passage: passage,
		text:    textarea.New(),
		tags:    textinput.New(),
		sources: textinput.New(),
		verdict: max(0, slices.Index(annotate.Verdicts, n.Verdict)),
		styles:  DefaultStyles(true),
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
	m.SetSize(72, 16)
	return m
}

// Focus focuses the note text; call it when the editor opens.
func (m *Model) Focus() tea.Cmd { return m.setFocus(fieldText) }

// SetSize sets the editor's width and height in cells.
func (m *Model) SetSize(width, height int) {
	m.width = width
	m.text.SetWidth(max(10, width))
	// Title, passage, verdict, tags, sources, help and spacing take the rest.
	m.text.SetHeight(max(3, height-passageLines-8))
	m.tags.SetWidth(max(10, width-10))
	m.sources.SetWidth(max(10, width-10))
}

// SetStyles sets the editor's styles.
func (m *Model) SetStyles(s Styles) { m.styles = s }

// Note returns the note as edited so far.
func (m Model) Note() annotate.Note {
	n := m.note
	n.Text = m.text.Value()
	n.Verdict = annotate.Verdicts[m.verdict]
	n.Tags = splitList(m.tags.Value(), func(r rune) bool { return r == ',' })
	n.Sources = splitList(m.sources.Value(), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	return n
}

// Dirty reports whether anything was changed since the editor opened.
func (m Model) Dirty() bool {
	a, b := m.Note(), m.original
	return strings.TrimSpace(a.Text) != strings.TrimSpace(b.Text) || a.Verdict != b.Verdict ||
		!slices.Equal(a.Tags, b.Tags) || !slices.Equal(a.Sources, b.Sources)
}

// Asking reports whether the editor is asking to discard changes.
func (m Model) Asking() bool { return m.asking }

// Update handles a message.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		if m.asking {
			switch {
			case key.Matches(kp, m.KeyMap.Discard):
				m.asking = false
				return m, emit(ClosedMsg{})
			case key.Matches(kp, m.KeyMap.Keep):
				m.asking = false
			}
			return m, nil
		}
		switch {
		case key.Matches(kp, m.KeyMap.Save):
			return m, emit(SavedMsg{Note: m.Note()})
		case key.Matches(kp, m.KeyMap.Close):
			if m.Dirty() {
				m.asking = true
				return m, nil
			}
			return m, emit(ClosedMsg{})
		case key.Matches(kp, m.KeyMap.Next):
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
			case len(kp.Text) == 1 && kp.Text[0] >= '1' && int(kp.Text[0]-'1') < n:
				m.verdict = int(kp.Text[0] - '1')
			}
			return m, nil
		}
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

// View renders the editor.
func (m Model) View() string {
	s := m.styles
	var b strings.Builder
	title := "New note"
	if m.note.ID != "" {
		title = "Edit note"
	}
	b.WriteString(s.Title.Render(title))
	b.WriteString("\n")
	b.WriteString(s.Passage.Render(clipLines(m.passage, max(10, m.width-2), passageLines)))
	b.WriteString("\n\n")
	b.WriteString(m.label(fieldVerdict, "Verdict "))
	for i, v := range annotate.Verdicts {
		st := s.Choice
		if i == m.verdict {
			st = s.Chosen
		}
		b.WriteString(" " + st.Render(v.String()))
	}
	b.WriteString("\n")
	b.WriteString(m.label(fieldText, "Note"))
	b.WriteString("\n")
	b.WriteString(m.text.View())
	b.WriteString("\n")
	b.WriteString(m.label(fieldTags, "Tags    ") + " " + m.tags.View() + "\n")
	b.WriteString(m.label(fieldSources, "Sources ") + " " + m.sources.View() + "\n")
	if m.asking {
		b.WriteString(s.Question.Render("Discard unsaved changes? y/n"))
	} else {
		var parts []string
		for _, k := range m.KeyMap.ShortHelp() {
			h := k.Help()
			parts = append(parts, h.Key+" "+h.Desc)
		}
		b.WriteString(s.Help.Render(strings.Join(parts, " · ")))
	}
	return b.String()
}

func (m Model) label(f field, name string) string {
	if m.focus == f {
		return m.styles.Focused.Render(name)
	}
	return m.styles.Label.Render(name)
}

func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

func splitList(s string, sep func(rune) bool) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, sep) {
		if f = strings.TrimSpace(f); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// clipLines fits s into at most lines lines of width characters, ending
// with "…" when cut.
func clipLines(s string, width, lines int) string {
	words := strings.Fields(s)
	var out []string
	cur := ""
	for _, w := range words {
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			out = append(out, cur)
			cur = w
		}
		if len(out) == lines {
			last := []rune(out[lines-1])
			if len(last) >= width {
				last = last[:width-1]
			}
			out[lines-1] = string(last) + "…"
			return strings.Join(out, "\n")
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}
