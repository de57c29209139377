// Package status is the reader's status bar: the article's title on the
// left, a message in the middle, position and key hints on the right.
package status

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// Model is the status bar.
type Model struct {
	theme *theme.Theme
	width int
	title string
	// titleIsName says the title is a file's name, cut in its middle.
	titleIsName bool
	message     string
	isError     bool
	info        []string
	hint        string
}

// New returns an empty status bar.
func New(th *theme.Theme) Model { return Model{theme: th} }

// SetTheme changes the bar's styles.
func (m *Model) SetTheme(th *theme.Theme) { m.theme = th }

// SetWidth sets the bar's width.
func (m *Model) SetWidth(w int) { m.width = w }

// SetTitle sets the article's title; it is sanitised here.
func (m *Model) SetTitle(t string) { m.title, m.titleIsName = render.OneLine(t), false }

// SetName names the article by its file's name, for want of a title: a
// name too long for the bar loses its middle, so its end (the part that
// tells one saved article from another, and the extension) stays.
func (m *Model) SetName(name string) { m.title, m.titleIsName = render.OneLine(name), true }

// SetMessage shows a message until it is cleared or replaced.
func (m *Model) SetMessage(s string) { m.message, m.isError = render.OneLine(s), false }

// SetError shows an error message.
func (m *Model) SetError(s string) { m.message, m.isError = render.OneLine(s), true }

// ClearMessage removes the message.
func (m *Model) ClearMessage() { m.message, m.isError = "", false }

// Message returns the message shown.
func (m Model) Message() string { return m.message }

// SetInfo sets the right-hand fields, such as "3/7" and "42%".
func (m *Model) SetInfo(fields ...string) { m.info = fields }

// SetHint sets the key hint at the far right.
func (m *Model) SetHint(h string) { m.hint = h }

// View draws the bar, one line exactly Width columns wide.
func (m Model) View() string {
	t := m.theme
	right := strings.Join(append(append([]string{}, m.info...), m.hint), "  ")
	rw := ansi.StringWidth(right)
	avail := max(m.width-rw-2, 0)
	var left string
	msgStyle := t.StatusMessage
	if m.isError {
		msgStyle = t.StatusError
	}
	switch {
	case m.message != "":
		left = msgStyle.Render(" " + fitMessage(m.message, max(avail-1, 0)))
	default:
		left = t.StatusTitle.Render(" " + m.fitTitle(max(avail-1, 0)))
	}
	gap := max(m.width-lipgloss.Width(left)-rw-1, 0)
	out := left + t.StatusBar.Render(strings.Repeat(" ", gap)) + t.StatusInfo.Render(right+" ")
	return ansi.Truncate(out, m.width, "")
}

// fitTitle fits the title in w columns: a title reads from its start, a
// file's name from both ends.
func (m Model) fitTitle(w int) string {
	if m.titleIsName {
		return render.Shorten(m.title, w)
	}
	return ansi.Truncate(m.title, w, "…")
}

// fitMessage fits msg in w columns. A message that names a file ("note
// saved to /home/ana/news/harbour.txt.notes.jsonl") loses the start of
// the path before its end, so the file's own name stays in view.
func fitMessage(msg string, w int) string {
	over := ansi.StringWidth(msg) - w
	if over <= 0 {
		return msg
	}
	words := strings.Split(msg, " ")
	for i, word := range words {
		cut := strings.LastIndexByte(word, '/')
		if cut <= 0 || strings.Contains(word, "://") || !hasLetter(word) {
			continue
		}
		// Drop what does not fit, and one more cell for the "…", up to
		// the next folder's slash but never into the file's name.
		drop := len(ansi.Truncate(word, min(over+1, ansi.StringWidth(word[:cut])), ""))
		words[i] = "…" + word[drop+strings.IndexByte(word[drop:], '/'):]
		break
	}
	return ansi.Truncate(strings.Join(words, " "), w, "…")
}

// hasLetter tells a path ("/home/ana/harbour.txt") from a count or a date
// ("3/7", "2024/03/14"), which has none and must not be cut.
func hasLetter(word string) bool {
	return strings.ContainsFunc(word, unicode.IsLetter)
}
