package anchor

import (
	"slices"
	"sort"
)

// shift is how far a note found verbatim moved: from its recorded start
// to where it is now.
type shift struct{ from, by int }

// ResolveAll finds every selector of one text, then lets the notes found
// for certain vouch for the others (see Settle).
func (r *Resolver) ResolveAll(sels []Selector) []Result {
	out := make([]Result, len(sels))
	for i, sel := range sels {
		out[i] = r.Resolve(sel)
	}
	r.Settle(sels, out)
	return out
}

// Settle revisits, in place, the results of sels (from Resolve) that need
// review. A note whose verbatim passage is in more than one place its
// context cannot tell apart is moved to the candidate that lies at the
// same shift from its recorded position as the nearest notes found
// verbatim on either side of it moved by: an insertion above moves every
// passage below it alike. When those neighbours disagree, or no candidate
// sits at their shift, the note still needs review. A caller that keeps
// results between calls (a book re-resolving only changed notes) can
// settle them all again after each change.
func (r *Resolver) Settle(sels []Selector, results []Result) {
	var certain []shift
	for i, sel := range sels {
		if res := results[i]; res.Status.Placed() && Equivalent(res.Span.In(r.text), sel.Exact) {
			certain = append(certain, shift{from: sel.Start, by: res.Span.Start - sel.Start})
		}
	}
	sort.Slice(certain, func(i, j int) bool { return certain[i].from < certain[j].from })
	for i, sel := range sels {
		if results[i].Status == NeedsReview {
			results[i] = r.settle(sel, results[i], certain)
		}
	}
}

// settle moves a note that needs review to the verbatim candidate at its
// neighbours' shift, if they agree on one.
func (r *Resolver) settle(sel Selector, res Result, certain []shift) Result {
	by, ok := neighbourShift(sel.Start, certain)
	if !ok {
		return res
	}
	for _, c := range res.Candidates {
		if c.Span.Start-sel.Start == by && Equivalent(c.Span.In(r.text), sel.Exact) {
			return Result{Span: c.Span, Status: Moved, Score: c.Score}
		}
	}
	return res
}

// neighbourShift is the shift of the nearest certain notes recorded before
// and after from, when those that exist agree.
func neighbourShift(from int, certain []shift) (int, bool) {
	i, _ := slices.BinarySearchFunc(certain, from, func(s shift, at int) int { return s.from - at })
	var near []int
	if i > 0 {
		near = append(near, certain[i-1].by)
	}
	if i < len(certain) {
		near = append(near, certain[i].by)
	}
	if len(near) == 0 || (len(near) == 2 && near[0] != near[1]) {
		return 0, false
	}
	return near[0], true
}
