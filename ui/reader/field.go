package reader

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/render"
)

// run is a stretch of an explain-box field drawn in one style.
type run struct {
	text  string
	style lipgloss.Style
}

// fieldIndent is how far a field's lines after its first are indented,
// so that its label stands out at the start of the field.
const fieldIndent = 2

// fieldLines lays a field ("cues: “said” “denied”") out in lines of at
// most w columns, wrapped at spaces as the text is, the lines after the
// first indented: at 40 columns a source's name or a note's date was cut
// off at the box's edge, and the panel that shows it whole is not open.
// Each line is styled by the runs it holds.
func fieldLines(w int, runs ...run) []string {
	var b strings.Builder
	ends := make([]int, len(runs))
	for i, r := range runs {
		b.WriteString(r.text)
		ends[i] = b.Len()
	}
	text := b.String()
	lines := render.Wrap(text, span.Span{End: len(text)}, w)
	if first, ok := breakAfterLabel(text, lines, runs[0].text, w); ok {
		lines = first
	}
	if len(lines) > 1 {
		rest := span.Span{Start: lines[1].Start, End: len(text)}
		lines = append(lines[:1], render.Wrap(text, rest, max(w-fieldIndent, 1))...)
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if i > 0 {
			out[i] = strings.Repeat(" ", fieldIndent)
		}
		out[i] += styled(text, l, runs, ends)
	}
	return out
}

// noBreak is the no-break space, which keeps two words of a field on
// one line where the wrap can (render.Wrap); styled draws it as a space.
const noBreak = "\u00a0"

// styled draws line l of text, each part in the style of its run; ends
// are where the runs end in text.
func styled(text string, l span.Span, runs []run, ends []int) string {
	var b strings.Builder
	start := 0
	for i, r := range runs {
		s, e := max(start, l.Start), min(ends[i], l.End)
		if s < e {
			b.WriteString(r.style.Render(strings.ReplaceAll(text[s:e], noBreak, " ")))
		}
		start = ends[i]
	}
	return b.String()
}

// breakAfterLabel lays the field out again when wrapping left its label
// alone on the first line ("source:") before a word too wide for any
// line, as a long link is: that word is broken anyway, so it starts
// beside the label, where it took a row more of a box a third of the
// window high. It returns the first line and the rest, to be wrapped.
func breakAfterLabel(text string, lines []span.Span, label string, w int) ([]span.Span, bool) {
	at := len(label)
	if len(lines) < 2 || lines[0].End > at || lines[1].Start != at {
		return nil, false
	}
	word, _, _ := strings.Cut(text[at:], " ")
	lw := ansi.StringWidth(label)
	if ansi.StringWidth(word) <= w-fieldIndent || lw >= w {
		return nil, false
	}
	beside := render.Wrap(text, span.Span{Start: at, End: len(text)}, w-lw)
	if len(beside) < 2 {
		return []span.Span{{End: len(text)}}, true
	}
	return []span.Span{{End: beside[0].End}, {Start: beside[1].Start, End: len(text)}}, true
}
