package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/ui/render"
)

// View draws the screen: exactly the window's height in lines, each its
// width in columns, with the status bar (or the search prompt) last.
func (m Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "margin: " + render.OneLine(m.reader.Article().Title)
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
	case m.attention != nil:
		body = m.attention.View()
	case m.review != nil:
		body = m.review.View()
	case m.panelOver():
		body = m.panel.View()
	case m.panelOpen:
		body = besideEachOther(m.reader.View(), m.panel.View())
	default:
		body = m.reader.View()
	}
	v.SetContent(strings.Join([]string{body, m.bottomLine()}, "\n"))
	return v
}

// bottomLine is the status bar, or the search prompt while searching.
func (m Model) bottomLine() string {
	if m.searching && m.editor == nil {
		return render.Fit(m.input.View(), m.width)
	}
	return m.status.View()
}

// besideEachOther joins two views of the same height line by line. Both
// are exactly their size, so nothing needs measuring (lipgloss's
// JoinHorizontal measures every line, every frame).
func besideEachOther(left, right string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	var b strings.Builder
	for i := range max(len(l), len(r)) {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(l) {
			b.WriteString(l[i])
		}
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}
