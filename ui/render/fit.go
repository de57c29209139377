package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Fit cuts (with "…") or pads one styled line to exactly w columns, so a
// component can promise its parent the width it was given.
func Fit(line string, w int) string {
	line = ansi.Truncate(line, max(w, 0), "…")
	return line + strings.Repeat(" ", max(w-ansi.StringWidth(line), 0))
}

// CutWords cuts a styled line to at most w columns after its last word
// that fits, so that a mark put after it ("…") takes whole words off; a
// line whose first word is too long is cut inside it, as it must be. A
// separator standing alone ("·", "—") goes with what it separated, unless
// it is all that fits before a word too long.
func CutWords(line string, w int) string {
	if ansi.StringWidth(line) <= w {
		return line
	}
	// end is the column where the last word that fits ends, sep where
	// the last separator does; word says whether the word read so far has
	// a letter or a digit, and inWord whether there is a word so far.
	end, sep, col, word, inWord, state := 0, 0, 0, false, false, -1
	for rest := ansi.Strip(line); rest != "" && col <= w; {
		var cluster string
		var width int
		cluster, rest, width, state = uniseg.FirstGraphemeClusterInString(rest, state)
		switch r, _ := utf8.DecodeRuneInString(cluster); {
		case cluster == " ":
			if word {
				end = col
			} else if inWord {
				sep = col
			}
			word, inWord = false, false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word, inWord = true, true
		default:
			inWord = true
		}
		col += width
	}
	if end == 0 {
		end = sep
	}
	if end == 0 {
		end = w
	}
	return ansi.Truncate(line, max(end, 0), "")
}

// Marked is a styled line of at most w columns with "… " before it when
// lines above it are hidden and " …" after it when lines below are, in
// the style mark, whole words taken off to make room (CutWords). A line
// of a box a row high takes both marks, in one cut. A line that ends in
// "…" of its own (a quote cut short) gives it up to the mark after it,
// which says as much and that the box goes on: the two read "… …".
func Marked(line string, w int, above, below bool, mark lipgloss.Style) string {
	room := w
	if above {
		line = strings.TrimLeft(line, " ")
		room -= 2
	}
	if below {
		if strings.HasSuffix(ansi.Strip(line), "…") {
			line = ansi.Truncate(line, ansi.StringWidth(line)-1, "")
		}
		room -= 2
	}
	if !above && !below {
		return line
	}
	line = CutWords(line, max(room, 1))
	if above {
		line = mark.Render("… ") + line
	}
	if below {
		line += mark.Render(" …")
	}
	return line
}

// MarkEnds marks the lines shown of a longer box in place (Marked): "… "
// before the first when lines above are hidden, " …" after the last when
// lines below are; a box a row high takes both on its one line.
func MarkEnds(shown []string, w int, above, below bool, mark lipgloss.Style) {
	if len(shown) == 0 {
		return
	}
	last := len(shown) - 1
	shown[0] = Marked(shown[0], w, above, below && last == 0, mark)
	if last > 0 {
		shown[last] = Marked(shown[last], w, false, below, mark)
	}
}

// Ellipsis fits a styled line in w columns, cut with "…" after the last
// word that fits when that keeps two thirds of them, else inside a word:
// a narrow list reads "According to…" and "attributed,…", not "According
// t…" and "attributed, sta…", while "Leonid Sluts…" keeps more of a name
// than "Leonid…" would.
func Ellipsis(line string, w int) string {
	if ansi.StringWidth(line) <= w {
		return line
	}
	room := max(w-1, 0)
	if cut := CutWords(line, room); 3*ansi.StringWidth(cut) >= 2*room {
		return cut + "…"
	}
	return ansi.Truncate(line, max(w, 0), "…")
}

// Box fits lines to exactly h lines of w columns, each indented one
// column: the shape of a full-screen component such as the review queue.
func Box(lines []string, w, h int) string {
	lines = lines[:min(len(lines), h)]
	for len(lines) < h {
		lines = append(lines, "")
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = Fit(" "+l, w)
	}
	return strings.Join(out, "\n")
}

// Flow lays parts out in lines of at most w columns, joined by sep, as
// key hints are: a part is never split.
func Flow(parts []string, sep string, w int) []string {
	var lines []string
	line := ""
	for _, p := range parts {
		if line != "" && Width(line)+Width(sep)+Width(p) > w {
			lines, line = append(lines, line), ""
		}
		if line != "" {
			line += sep
		}
		line += p
	}
	return append(lines, line)
}

// Hints lays key hints out in lines of at most w columns, joined by " · "
// (Flow). A hint wider than w alone is cut after a word with "…"
// (Ellipsis), where the line's edge cut it inside one ("enter accept the
// place / sho…" at 30 columns).
func Hints(hints []string, w int) []string {
	parts := make([]string, len(hints))
	for i, h := range hints {
		parts[i] = Ellipsis(h, w)
	}
	return Flow(parts, " · ", w)
}

// Fields is how many of parts, from the first, fit whole in w columns
// joined by sep, and at least one: a heading of fields ("Review · claim
// 3 of 9 · ¶4 · most worth checking first") keeps the fields that fit
// rather than cutting one in its middle.
func Fields(parts []string, sep string, w int) int {
	n, width := 0, 0
	for i, p := range parts {
		add := Width(p)
		if i > 0 {
			add += Width(sep)
		}
		if n > 0 && width+add > w {
			break
		}
		n, width = n+1, width+add
	}
	return n
}

// Shorten fits a name (a file's, a page's address) in w columns by
// putting "…" in place of its middle: its start and its end, where a
// file's extension and a page's slug are, both stay in view, and it is
// never split over two lines as a long word of prose would be.
func Shorten(name string, w int) string {
	if Width(name) <= w {
		return name
	}
	if w <= 0 {
		return ""
	}
	head := cut(name, (w-1)/2)
	if Width(name[:head]) > (w-1)/2 {
		head = 0
	}
	rest := name[head:]
	return name[:head] + "…" + rest[len(rest)-cutEnd(rest, w-1-Width(name[:head])):]
}

// cutEnd returns how many bytes at the end of s fit in w columns, whole
// grapheme clusters only.
func cutEnd(s string, w int) int {
	var starts, widths []int
	for rest, state := s, -1; len(rest) > 0; {
		starts = append(starts, len(s)-len(rest))
		var cluster string
		var cw int
		cluster, rest, cw, state = uniseg.FirstGraphemeClusterInString(rest, state)
		widths = append(widths, clusterWidth(cluster, cw))
	}
	n, used := 0, 0
	for i := len(starts) - 1; i >= 0 && used+widths[i] <= w; i-- {
		used += widths[i]
		n = len(s) - starts[i]
	}
	return n
}
