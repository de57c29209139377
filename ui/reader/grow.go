package reader

import (
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/search"
)

// Grow swaps in a longer snapshot of the article being loaded. Its text,
// blocks and sentences start with the ones shown, so the focus, the
// target, the selection and the line at the top all stay where they are;
// the layout is extended by the new blocks, the search's matches are made
// again over the longer text, keeping the current match, and only the new
// text's words are counted.
func (m *Model) Grow(a *model.Article) {
	top := -1
	if m.pager.Top() != (render.Pos{}) {
		top = m.pager.TopOffset()
	}
	words := render.MoreWords(a.Text, len(m.art.Text), m.pager.Layout().Header().Words)
	m.art = a
	m.inline = render.InlineLayer(a.Doc)
	m.pager.SetLayout(m.pager.Layout().Extend(a.Doc, a.Sentences, header(a, words)), top)
	if m.matches.Query != "" {
		current := m.matches.Current
		m.matches = search.Find(a.Text, m.matches.Query)
		m.matches.Current = min(current, m.matches.Len()-1)
	}
}
