package annotate

import "github.com/margin-reader/margin/annotate/anchor"

// settle lets the notes found for certain vouch for those that need
// review (anchor.Resolver.Settle): a repeated passage is placed at the
// copy its neighbours' shift points to. The article's text does not
// change during a book's life, so a note placed this way stays placed.
func (b *Book) settle(notes []Note) {
	// Settle changes only notes that need review; a book without any,
	// the usual case, skips the pass over every note.
	if !anyNeedsReview(notes) {
		return
	}
	sels := make([]anchor.Selector, len(notes))
	results := make([]anchor.Result, len(notes))
	for i := range notes {
		n := &notes[i]
		sels[i] = n.Target
		results[i] = anchor.Result{Span: n.Span, Status: n.Status, Candidates: n.Candidates}
	}
	b.resolver.Settle(sels, results)
	for i, res := range results {
		n := &notes[i]
		if res.Status != n.Status {
			n.Span, n.Status, n.Candidates = res.Span, res.Status, res.Candidates
			b.cache[n.ID] = *n
		}
	}
}

// anyNeedsReview reports whether a note needs review, reading the notes in
// place (a Note is large to copy).
func anyNeedsReview(notes []Note) bool {
	for i := range notes {
		if notes[i].Status == NeedsReview {
			return true
		}
	}
	return false
}
