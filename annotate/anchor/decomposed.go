package anchor

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/span"
)

// nfdView is the resolver's text decomposed (NFD), as a margin before
// it composed text read a file written decomposed: the hash of that text,
// and where its offsets are in the composed one.
type nfdView struct {
	hash string
	// from[i] is an offset in the decomposed text at which the composed
	// text has become shorter, by behind[i] bytes in all.
	from, behind []int
}

// decomposedView is r's text decomposed, worked out once.
func (r *Resolver) decomposedView() *nfdView {
	if r.nfd != nil {
		return r.nfd
	}
	d := &nfdView{}
	if norm.NFD.IsNormalString(r.text) {
		// Nothing in it composes: decomposed, it is the same text.
		d.hash = r.hash()
		r.nfd = d
		return d
	}
	var b strings.Builder
	b.Grow(len(r.text))
	var it norm.Iter
	it.InitString(norm.NFD, r.text)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		b.Write(seg)
		if n := it.Pos() - start; n != len(seg) {
			d.from = append(d.from, b.Len())
			d.behind = append(d.behind, b.Len()-it.Pos())
		}
	}
	d.hash = article.HashText(b.String())
	r.nfd = d
	return d
}

// composed is where offset off of the decomposed text is in the composed
// one, for an offset between segments (a note's start or end).
func (d *nfdView) composed(off int) int {
	i := sort.SearchInts(d.from, off+1) - 1
	if i < 0 {
		return off
	}
	return off - d.behind[i]
}

// unchangedButComposed finds the passage of sel, a note made on a text
// spelt decomposed (a file written so, read by a margin before it
// composed text), when the text is that one composed and nothing else
// changed (the hash of the text decomposed is the note's): the passage
// is where it was, at offsets that composing shifted, so it is anchored,
// however far from an accent it is. A note on a text spelt partly
// composed, partly not, cannot be told from one on an edited text and is
// found as a moved one is.
func (r *Resolver) unchangedButComposed(sel Selector) (span.Span, bool) {
	if sel.TextHash == "" || sel.Start < 0 || sel.End < sel.Start {
		return span.Span{}, false
	}
	quote := norm.NFC.String(sel.Exact)
	d := r.decomposedView()
	if d.hash != sel.TextHash {
		return span.Span{}, false
	}
	s := span.Span{Start: d.composed(sel.Start), End: d.composed(sel.End)}
	if s.End > len(r.text) || s.In(r.text) != quote {
		return span.Span{}, false
	}
	return s, true
}
