package export

import (
	"cmp"
	"slices"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/span"
)

// Claim is a flagged claim of the article as the exports show it: where
// it is, why it was flagged, who it is attributed to and how worth
// checking it is. Callers convert their analysis into these, so that
// exporting needs none of the analysers.
type Claim struct {
	Span span.Span
	// Kinds are the reasons the claim was flagged ("statistical", ...).
	Kinds []string
	// Source is who the claim is attributed to, "" when no one is named;
	// Via who reported their words, "" when the text does not say.
	Source string
	Via    string
	// SourceLabel is the entity label ("PERSON", "ORG", ...) of Source
	// when the analysis knows it, else "".
	SourceLabel string
	// Vague marks a Source that names no one ("sources", "a source"),
	// so that it is never given as the claim's author.
	Vague bool
	// Checkworthiness is from 0 to 1.
	Checkworthiness float64
}

// review is the notes and claims of one export, each note with the claim
// it is on.
type review struct {
	notes  []annotate.Note
	claims []Claim
	// claimOf[i] is the index in claims of the claim notes[i] is on, -1
	// for none.
	claimOf []int
	// verdicts[j] counts the placed notes with a verdict that overlap
	// claims[j]: a note on a sentence of two claims judges both, as the
	// reader's claims panel and review queue count it.
	verdicts []int
}

// newReview puts notes in the order the worksheet lists them (placed
// notes in article order, then those that need review, orphaned last),
// finds the claim each placed note is on (the one it overlaps most) and
// counts the verdicts on every claim.
func newReview(notes []annotate.Note, claims []Claim) *review {
	r := &review{notes: slices.Clone(notes), claims: claims, verdicts: make([]int, len(claims))}
	slices.SortStableFunc(r.notes, func(x, y annotate.Note) int {
		return cmp.Or(cmp.Compare(rank(x.Status), rank(y.Status)), cmp.Compare(x.Span.Start, y.Span.Start))
	})
	r.claimOf = make([]int, len(r.notes))
	for i, n := range r.notes {
		r.claimOf[i] = -1
		if !n.Placed() {
			continue
		}
		r.claimOf[i] = mostOverlapped(claims, n.Span)
		for j, c := range claims {
			if n.Verdict != annotate.None && c.Span.Overlaps(n.Span) {
				r.verdicts[j]++
			}
		}
	}
	return r
}

// rank orders statuses as the worksheet lists them.
func rank(s annotate.Status) int {
	switch s {
	case annotate.NeedsReview:
		return 1
	case annotate.Orphaned:
		return 2
	}
	return 0
}

// mostOverlapped returns the index of the claim overlapping s the most
// (the first of equals), -1 if none does.
func mostOverlapped(claims []Claim, s span.Span) int {
	best, most := -1, 0
	for j, c := range claims {
		if o := min(c.Span.End, s.End) - max(c.Span.Start, s.Start); o > most {
			best, most = j, o
		}
	}
	return best
}

// claim returns the claim note i is on.
func (r *review) claim(i int) (Claim, bool) {
	if j := r.claimOf[i]; j >= 0 {
		return r.claims[j], true
	}
	return Claim{}, false
}

// unreviewed returns the claims no note gives a verdict on, most worth
// checking first.
func (r *review) unreviewed() []Claim {
	var out []Claim
	for j, c := range r.claims {
		if r.verdicts[j] == 0 {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(x, y Claim) int { return cmp.Compare(y.Checkworthiness, x.Checkworthiness) })
	return out
}
