package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts (with "…") or pads one styled line to exactly w columns, so a
// component can promise its parent the width it was given.
func Fit(line string, w int) string {
	line = ansi.Truncate(line, max(w, 0), "…")
	return line + strings.Repeat(" ", max(w-ansi.StringWidth(line), 0))
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
