package render

import (
	"sort"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/theme"
)

// Mark is one span of a layer and how to draw it.
type Mark struct {
	span.Span
	// Class names the mark's style in the theme (theme.ClassMatch, ...).
	Class string
	// URL makes the mark a hyperlink, when it is safe to send.
	URL string
}

// Layer is a set of marks over the text, such as the search matches or the
// entities. Layers are drawn in order: a later layer's colours win.
type Layer struct {
	marks  []Mark
	maxLen int
}

// NewLayer returns a layer of marks; it keeps the slice and sorts it.
func NewLayer(marks []Mark) *Layer {
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	l := &Layer{marks: marks}
	for _, m := range marks {
		l.maxLen = max(l.maxLen, m.Len())
	}
	return l
}

// Len returns the number of marks.
func (l *Layer) Len() int {
	if l == nil {
		return 0
	}
	return len(l.marks)
}

// each calls fn for every mark that overlaps [s, e).
func (l *Layer) each(s, e int, fn func(*Mark)) {
	if l == nil {
		return
	}
	from := s - l.maxLen
	i := sort.Search(len(l.marks), func(i int) bool { return l.marks[i].Start >= from })
	for ; i < len(l.marks) && l.marks[i].Start < e; i++ {
		if m := &l.marks[i]; m.End > s || (m.Empty() && m.Start >= s) {
			fn(m)
		}
	}
}

// InlineLayer returns the layer of a document's inline marks: emphasis,
// strong, code, links (with their URLs) and strike-through.
func InlineLayer(d doc.Doc) *Layer {
	classes := [...]string{
		doc.Emphasis: theme.ClassEmphasis, doc.Strong: theme.ClassStrong, doc.InlineCode: theme.ClassCode,
		doc.Link: theme.ClassLink, doc.Strike: theme.ClassStrike,
	}
	marks := make([]Mark, 0, len(d.Inlines))
	for _, in := range d.Inlines {
		if int(in.Kind) >= len(classes) {
			continue
		}
		marks = append(marks, Mark{Span: in.Span, Class: classes[in.Kind], URL: in.URL})
	}
	return NewLayer(marks)
}
