package render

import (
	"io"
	"strings"
)

// Print writes every line of the layout at width w to out, one Write per
// line, so that a writer that filters escape sequences never sees one cut
// in two.
func Print(out io.Writer, l *Layout, w int, p Painter, layers ...*Layer) error {
	var b strings.Builder
	text := l.Text()
	for u := range l.Units() {
		for _, ln := range l.Lines(u, w) {
			b.Reset()
			p.Draw(&b, text, ln, layers)
			b.WriteByte('\n')
			if _, err := io.WriteString(out, b.String()); err != nil {
				return err
			}
		}
	}
	return nil
}
