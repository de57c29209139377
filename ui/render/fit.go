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
