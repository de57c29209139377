package reader

import (
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/render"
)

// FocusedLink returns the URL of the link the reader means: the one at
// the target (a search match or a jump), else the first in the focused
// sentence while it is on screen; an address written out in the text
// when no link is marked up there. A javascript: or data: link is none.
func (m Model) FocusedLink() (string, bool) {
	at := m.target
	if at.Empty() {
		f, ok := m.Focus()
		if !ok || !f.Overlaps(m.pager.VisibleRange()) {
			return "", false
		}
		at = f
	}
	if u, ok := linkIn(m.art.Doc.Inlines, at); ok {
		return u, true
	}
	return bareLinkIn(m.art.Text, at)
}

// bareLinkIn returns the first address written out in text that s
// overlaps, looked for in the words s touches: a search match inside an
// address ("example") finds the whole of it.
func bareLinkIn(text string, s span.Span) (string, bool) {
	start, end := s.Start, s.End
	for start > 0 && !isSpaceByte(text[start-1]) {
		start--
	}
	for end < len(text) && !isSpaceByte(text[end]) {
		end++
	}
	for _, l := range render.BareLinks(text, span.Span{Start: start, End: end}) {
		if l.Overlaps(s) {
			return l.In(text), true
		}
	}
	return "", false
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func linkIn(inlines []doc.Inline, s span.Span) (string, bool) {
	for _, in := range inlines {
		if in.Kind == doc.Link && render.Followable(in.URL) && in.Overlaps(s) {
			return in.URL, true
		}
	}
	return "", false
}
