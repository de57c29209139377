package reader

import (
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/render"
)

// FocusedLink returns the URL of the link the reader means: the one at
// the target (a search match or a jump), else the first in the focused
// sentence while it is on screen. A javascript: or data: link is none.
func (m Model) FocusedLink() (string, bool) {
	at := m.target
	if at.Empty() {
		f, ok := m.Focus()
		if !ok || !f.Overlaps(m.pager.VisibleRange()) {
			return "", false
		}
		at = f
	}
	return linkIn(m.art.Doc.Inlines, at)
}

func linkIn(inlines []doc.Inline, s span.Span) (string, bool) {
	for _, in := range inlines {
		if in.Kind == doc.Link && render.Followable(in.URL) && in.Overlaps(s) {
			return in.URL, true
		}
	}
	return "", false
}
