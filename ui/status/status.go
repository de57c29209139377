// Package status is the reader's status bar: the article's title on the
// left, a message in the middle, position and key hints on the right.
package status

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	// rows is how many rows the bar takes: 2 or 3 let a message too long
	// for one row beside the position and hints go on to the next.
	rows int
}

// New returns an empty status bar.
func New(th *theme.Theme) Model { return Model{theme: th} }

// SetTheme changes the bar's styles.
func (m *Model) SetTheme(th *theme.Theme) { m.theme = th }

// SetWidth sets the bar's width.
func (m *Model) SetWidth(w int) { m.width = w }

// SetRows sets how many rows the bar takes, 1 to MaxRows; the parent
// decides, asking WantsRows, when it lays out the screen.
func (m *Model) SetRows(n int) { m.rows = min(max(n, 1), MaxRows) }

// MaxRows is the most rows a message takes.
const MaxRows = 3

// WantsRows is how many rows the bar would take: more than one while a
// message does not fit in one, so that what a message says is read, not
// cut; a third when the second would cut it beside the position (at 40
// columns, "the file is gone from disk: …" lost its end).
func (m Model) WantsRows() int {
	if m.message == "" {
		return 1
	}
	if w := m.messageRoom(); ansi.StringWidth(shortenPath(m.message, w)) <= w {
		return 1
	}
	if m.restFits(2, true) || m.restFits(2, false) {
		return 2
	}
	return MaxRows
}

// split breaks the message into the n-1 full rows above the bar's last
// row and the rest, which the last row shows; keep says whether a
// one-letter word goes on with the word after it (splitAt).
func (m Model) split(n int, keep bool) (rows []string, rest string) {
	rest = m.message
	for range n - 1 {
		var first string
		first, rest = splitAt(rest, max(m.width-2, 1), keep)
		rows = append(rows, first)
	}
	return rows, rest
}

// restFits reports whether what n rows of the message leave for the last
// row fits beside the position.
func (m Model) restFits(n int, keep bool) bool {
	_, rest := m.split(n, keep)
	w := m.roomBeside(strings.Join(m.fields(true), "  "))
	return ansi.StringWidth(shortenPath(rest, w)) <= w
}

// messageRoom is the columns the message has beside the position and
// hints.
func (m Model) messageRoom() int { return m.roomBeside(m.right(true)) }

// roomBeside is the columns left of right for the message or the title,
// less the margins around them.
func (m Model) roomBeside(right string) int {
	return max(m.width-ansi.StringWidth(right)-3, 0)
}

// right is the position and hints. A field may be padded (the percent
// is, so that the title beside it keeps its place as the text scrolls);
// a message, which comes and goes, takes the padding back when trimmed.
func (m Model) right(trimmed bool) string {
	fields := m.fields(trimmed)
	if m.hint != "" {
		fields = append(fields, m.hint)
	}
	return strings.Join(fields, "  ")
}

// fields is the position's fields, trimmed or as padded.
func (m Model) fields(trimmed bool) []string {
	fields := make([]string, 0, len(m.info)+1)
	for _, f := range m.info {
		if trimmed {
			f = strings.TrimSpace(f)
		}
		fields = append(fields, f)
	}
	return fields
}

// rightOf is what stands right of msg on its row: the position and
// hints while msg fits beside them, else the hints give way, then the
// position too. A message is shown only until the next key, so it must
// be read whole; one that fits beside neither keeps the position.
func (m Model) rightOf(msg string) string {
	info := strings.Join(m.fields(true), "  ")
	for _, right := range []string{m.right(true), info, ""} {
		if w := m.roomBeside(right); ansi.StringWidth(shortenPath(msg, w)) <= w {
			return right
		}
	}
	return info
}

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

// View draws the bar, as many lines as SetRows said, each exactly Width
// columns wide: a message on two rows reads on from the first into the
// second.
func (m Model) View() string {
	// A one-letter word keeps with the next one unless that costs the
	// message its end ("…, o swaps ends" took a third row at 40 columns).
	keep := m.restFits(m.rows, true) || !m.restFits(m.rows, false)
	msg, rest := m.split(m.rows, keep)
	var rows []string
	for _, first := range msg {
		rows = append(rows, m.barLine(m.msgStyle().Render(" "+first), ""))
	}
	return strings.Join(append(rows, m.bar(rest)), "\n")
}

func (m Model) msgStyle() lipgloss.Style {
	if m.isError {
		return m.theme.StatusError
	}
	return m.theme.StatusMessage
}

// bar is the bar's last row: msg (or the title, for none) and the
// position and hints.
func (m Model) bar(msg string) string {
	t := m.theme
	if msg != "" {
		right := m.rightOf(msg)
		return m.barLine(m.msgStyle().Render(" "+fitMessage(msg, m.roomBeside(right))), right)
	}
	right := m.right(false)
	if m.roomBeside(right) == 0 {
		// Too narrow for the hints beside the position: they go whole,
		// rather than be cut at the bar's edge ("esc/r back · ?").
		right = strings.Join(m.fields(false), "  ")
	}
	return m.barLine(t.StatusTitle.Render(" "+m.fitTitle(m.roomBeside(right))), right)
}

// barLine lays left and right out on one row of the bar.
func (m Model) barLine(left, right string) string {
	t := m.theme
	rw := ansi.StringWidth(right)
	gap := max(m.width-lipgloss.Width(left)-rw-1, 0)
	out := left + t.StatusBar.Render(strings.Repeat(" ", gap)) + t.StatusInfo.Render(right+" ")
	return ansi.Truncate(out, m.width, "")
}

// minTitle is the fewest columns a cut title is shown in: a short word
// and its "…".
const minTitle = 8

// fitTitle fits the title in w columns: a title reads from its start, a
// file's name from both ends.
// A title cut to fewer than minTitle columns is dropped: "Ch…" names
// nothing, and leaves the bar's room to the hints.
func (m Model) fitTitle(w int) string {
	if w < minTitle && ansi.StringWidth(m.title) > w {
		return ""
	}
	if m.titleIsName {
		return render.Shorten(m.title, w)
	}
	return ansi.Truncate(m.title, w, "…")
}

// splitAt breaks msg after the last word that ends within w columns,
// with keep before a word of one letter ("u undoes", "a note"), which
// reads with the word after it: a row ending "deleted: u" over "undoes"
// named a key apart from what it does. A word wider than w breaks after
// its last slash that fits, so a path goes on with its next folder
// instead of a cut name ("…/name/f" over "…/file.txt"), unless that
// leaves the row less than half full, else inside it;
// a path that starts on the row starts there, at 40 columns "note saved
// to /tmp/news/" over "harbour.txt.notes.jsonl", not in three rows with
// "/tmp/news/" alone on the second.
func splitAt(msg string, w int, keep bool) (first, rest string) {
	cut := ansi.Truncate(msg, w, "")
	if len(cut) < len(msg) && msg[len(cut)] != ' ' {
		space := strings.LastIndexByte(cut, ' ')
		end := strings.IndexByte(msg[len(cut):], ' ')
		if end < 0 {
			end = len(msg) - len(cut)
		}
		word := msg[space+1 : len(cut)+end]
		switch slash := strings.LastIndexByte(cut, '/'); {
		case slash > space+1 && ansi.StringWidth(word) > w:
			// A path no row holds breaks anyway: here, after the
			// row's last slash, rather than leave the row short;
			// inside the word where that slash leaves the row mostly
			// empty, as a link's folder did ("27/" alone on a row
			// over the rest of its long name).
			if 2*ansi.StringWidth(cut[:slash+1]) >= w {
				cut = cut[:slash+1]
			}
		case space > 0:
			cut = cut[:space]
		case slash > 0:
			cut = cut[:slash+1]
		}
	}
	if keep && len(cut) < len(msg) {
		if i := strings.LastIndexByte(cut, ' '); i > 0 && oneLetter(cut[i+1:]) {
			cut = cut[:i]
		}
	}
	return cut, strings.TrimLeft(msg[len(cut):], " ")
}

// oneLetter reports whether word is a single letter or digit.
func oneLetter(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// fitMessage fits msg in w columns. A message that names a file ("note
// saved to /home/ana/news/harbour.txt.notes.jsonl") loses the start of
// the path before its end, so the file's own name stays in view.
func fitMessage(msg string, w int) string {
	return ansi.Truncate(shortenPath(msg, w), w, "…")
}

// shortenPath drops the start of the first path in msg, never into the
// file's name, until msg fits in w columns, if it can.
func shortenPath(msg string, w int) string {
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
	return strings.Join(words, " ")
}

// hasLetter tells a path ("/home/ana/harbour.txt") from a count or a date
// ("3/7", "2024/03/14"), which has none and must not be cut.
func hasLetter(word string) bool {
	return strings.ContainsFunc(word, unicode.IsLetter)
}
