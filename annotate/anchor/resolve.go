package anchor

import (
	"sort"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

// Thresholds for accepting a passage. They err towards NeedsReview: a note
// a person has to confirm is cheap, a note silently on the wrong passage is
// not.
const (
	// contextAccept: at the recorded position, one side of context at
	// least this similar confirms the quote.
	contextAccept = 0.5
	// exactContextAvg and exactContextSide: an exact quote elsewhere needs
	// its context on average this similar, or one side this similar.
	exactContextAvg  = 0.5
	exactContextSide = 0.8
	// tieMargin: two candidates whose scores differ by less are a tie.
	tieMargin = 0.1
	// fuzzyAccept and fuzzyReview: a changed quote this similar is moved;
	// less similar but above fuzzyReview, it needs review; below, orphaned.
	fuzzyAccept = 0.8
	fuzzyReview = 0.6
	// fuzzyContextAvg and fuzzyContextSide: a changed quote must also keep
	// its context this well (on average, or on one side).
	fuzzyContextAvg  = 0.4
	fuzzyContextSide = 0.6
	// fuzzyTieMargin: a second fuzzy candidate this close makes a tie.
	fuzzyTieMargin = 0.05
	// minFuzzyQuote: shorter quotes are never matched fuzzily; there are
	// too many look-alikes.
	minFuzzyQuote = 12
	// maxExactCandidates bounds the work for very common quotes.
	maxExactCandidates = 1000
	// gram is the length of the byte n-grams that seed fuzzy candidates.
	gram = 8
	// maxGramHits skips n-grams too common to say where a passage is.
	maxGramHits = 64
	// bucket is the granularity, in bytes, of candidate positions.
	bucket = 32
	// maxFuzzyCandidates is how many candidate places are aligned.
	maxFuzzyCandidates = 6
)

// Result is where a selector resolved in a text.
type Result struct {
	// Span is the passage in the current text. For an orphaned note it is
	// empty, at the place the passage used to be.
	Span   span.Span
	Status Status
	// Score is the confidence in Span, from 0 to 1.
	Score float64
}

// Resolver finds selectors in one text. Make one per text and reuse it: it
// indexes the text the first time a fuzzy match is needed.
type Resolver struct {
	text  string
	grams map[uint64][]int32
}

// NewResolver returns a resolver for text.
func NewResolver(text string) *Resolver { return &Resolver{text: text} }

// Resolve finds sel in a text; see the package doc for the order of tries.
func Resolve(text string, sel Selector) Result { return NewResolver(text).Resolve(sel) }

// Resolve finds sel in the resolver's text.
func (r *Resolver) Resolve(sel Selector) Result {
	text := r.text
	if sel.Exact == "" {
		return Result{Span: r.hint(sel), Status: Orphaned}
	}
	if sel.Start >= 0 && sel.End <= len(text) && sel.Start <= sel.End && text[sel.Start:sel.End] == sel.Exact {
		if _, side := r.context(sel, sel.Start, sel.End); side >= contextAccept {
			return Result{Span: span.Span{Start: sel.Start, End: sel.End}, Status: Anchored, Score: 1}
		}
	}
	if res, ok := r.exact(sel); ok {
		return res
	}
	return r.fuzzy(sel)
}

type candidate struct {
	span      span.Span
	quote     float64 // similarity of the quote
	ctx, side float64 // context similarity: average and best side
	score     float64
}

// exact looks for the quote verbatim; ok is false when it is not there.
func (r *Resolver) exact(sel Selector) (Result, bool) {
	found := occurrences(r.text, sel.Exact, maxExactCandidates)
	if len(found) == 0 {
		return Result{}, false
	}
	cands := make([]candidate, len(found))
	for i, s := range found {
		avg, side := r.context(sel, s.Start, s.End)
		cands[i] = candidate{span: s, quote: 1, ctx: avg, side: side, score: avg}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	best := cands[0]
	if len(cands) > 1 && cands[1].score > best.score-tieMargin {
		return Result{Span: r.nearest(sel, cands, best.score-tieMargin), Status: NeedsReview, Score: best.score / 2}, true
	}
	if best.ctx >= exactContextAvg || best.side >= exactContextSide {
		return Result{Span: best.span, Status: r.movedOrAnchored(sel, best.span), Score: 0.5 + best.ctx/2}, true
	}
	return Result{Span: best.span, Status: NeedsReview, Score: best.ctx / 2}, true
}

// fuzzy looks for a changed quote.
func (r *Resolver) fuzzy(sel Selector) Result {
	orphan := Result{Span: r.hint(sel), Status: Orphaned}
	if len(sel.Exact) < minFuzzyQuote {
		return orphan
	}
	cands := r.fuzzyCandidates(sel)
	if len(cands) == 0 {
		return orphan
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	best := cands[0]
	switch {
	case best.quote < fuzzyReview:
		return orphan
	case best.quote < fuzzyAccept, best.ctx < fuzzyContextAvg && best.side < fuzzyContextSide:
		return Result{Span: best.span, Status: NeedsReview, Score: best.score / 2}
	}
	for _, c := range cands[1:] {
		if !c.span.Overlaps(best.span) && c.quote >= fuzzyAccept && c.score > best.score-fuzzyTieMargin {
			return Result{Span: best.span, Status: NeedsReview, Score: best.score / 2}
		}
	}
	return Result{Span: best.span, Status: Moved, Score: best.score}
}

// fuzzyCandidates finds places sharing n-grams with the quote and aligns
// the quote at each.
func (r *Resolver) fuzzyCandidates(sel Selector) []candidate {
	r.index()
	q := sel.Exact
	votes := map[int]int{}
	for i := 0; i+gram <= len(q); i++ {
		hits := r.grams[gramKey(q[i:])]
		if len(hits) > maxGramHits {
			continue
		}
		for _, at := range hits {
			votes[(int(at)-i)/bucket]++
		}
	}
	type vote struct{ b, n int }
	ranked := make([]vote, 0, len(votes))
	for b, n := range votes {
		ranked = append(ranked, vote{b, n})
	}
	sort.Slice(ranked, func(i, j int) bool {
		if ranked[i].n != ranked[j].n {
			return ranked[i].n > ranked[j].n
		}
		return ranked[i].b < ranked[j].b
	})
	var out []candidate
	seen := map[span.Span]bool{}
	for _, v := range ranked {
		if len(out) >= maxFuzzyCandidates {
			break
		}
		m := len(q)
		lo := max(0, v.b*bucket-m/2-bucket)
		hi := min(len(r.text), v.b*bucket+m+m/2+2*bucket)
		if lo >= hi {
			continue
		}
		start, end, dist := align(q, r.text[lo:hi])
		s := r.snap(span.Span{Start: lo + start, End: lo + end})
		if s.Empty() || seen[s] {
			continue
		}
		seen[s] = true
		sim := 1 - float64(dist)/float64(max(m, s.Len()))
		avg, side := r.context(sel, s.Start, s.End)
		pos := r.position(sel, s)
		out = append(out, candidate{span: s, quote: sim, ctx: avg, side: side, score: 0.6*sim + 0.3*avg + 0.1*pos})
	}
	return out
}

// index builds the n-gram index of the text once.
func (r *Resolver) index() {
	if r.grams != nil {
		return
	}
	r.grams = make(map[uint64][]int32, len(r.text))
	for i := 0; i+gram <= len(r.text); i++ {
		k := gramKey(r.text[i:])
		r.grams[k] = append(r.grams[k], int32(i))
	}
}

func gramKey(s string) uint64 {
	var k uint64
	for i := range gram {
		k = k<<8 | uint64(s[i])
	}
	return k
}

// align finds the substring of t closest to q in edit distance (Sellers'
// algorithm: edit distance with a free start and end in t).
func align(q, t string) (start, end, dist int) {
	n := len(t)
	prev, cur := make([]int32, n+1), make([]int32, n+1)
	ps, cs := make([]int32, n+1), make([]int32, n+1)
	for j := range prev {
		ps[j] = int32(j)
	}
	for i := 1; i <= len(q); i++ {
		cur[0], cs[0] = int32(i), 0
		qi := q[i-1]
		for j := 1; j <= n; j++ {
			best, s := prev[j-1], ps[j-1]
			if t[j-1] != qi {
				best++
			}
			if v := prev[j] + 1; v < best {
				best, s = v, ps[j]
			}
			if v := cur[j-1] + 1; v < best {
				best, s = v, cs[j-1]
			}
			cur[j], cs[j] = best, s
		}
		prev, cur = cur, prev
		ps, cs = cs, ps
	}
	bestJ := 0
	for j := 1; j <= n; j++ {
		if prev[j] < prev[bestJ] {
			bestJ = j
		}
	}
	return int(ps[bestJ]), bestJ, int(prev[bestJ])
}

// context compares the selector's context with the text around [start,
// end): the average over the sides that can be compared, and the best side.
// A side the selector has no context for (the passage was at an end of the
// text) is compared only if the candidate is at that end too.
func (r *Resolver) context(sel Selector, start, end int) (avg, side float64) {
	var sum float64
	n := 0
	add := func(sim float64) {
		sum += sim
		n++
		side = max(side, sim)
	}
	switch {
	case sel.Prefix != "":
		add(similarity(sel.Prefix, lastRunes(r.text[:start], utf8.RuneCountInString(sel.Prefix))))
	case start == 0:
		add(1)
	}
	switch {
	case sel.Suffix != "":
		add(similarity(sel.Suffix, firstRunes(r.text[end:], utf8.RuneCountInString(sel.Suffix))))
	case end == len(r.text):
		add(1)
	}
	if n == 0 {
		return 0.5, 0.5
	}
	return sum / float64(n), side
}

func (r *Resolver) position(sel Selector, s span.Span) float64 {
	d := float64(abs(s.Start - sel.Start))
	return 1 - min(1, d/float64(max(1, len(r.text))))
}

// nearest returns, among candidates scoring at least floor, the one closest
// to the recorded position.
func (r *Resolver) nearest(sel Selector, cands []candidate, floor float64) span.Span {
	best := cands[0].span
	for _, c := range cands {
		if c.score >= floor && abs(c.span.Start-sel.Start) < abs(best.Start-sel.Start) {
			best = c.span
		}
	}
	return best
}

func (r *Resolver) movedOrAnchored(sel Selector, s span.Span) Status {
	if s.Start == sel.Start && s.End == sel.End {
		return Anchored
	}
	return Moved
}

// hint is the empty span where the passage used to be, inside the text.
func (r *Resolver) hint(sel Selector) span.Span {
	at := min(max(sel.Start, 0), len(r.text))
	for at > 0 && !boundary(r.text, at) {
		at--
	}
	return span.Span{Start: at, End: at}
}

// snap widens s to whole characters.
func (r *Resolver) snap(s span.Span) span.Span {
	for s.Start > 0 && !boundary(r.text, s.Start) {
		s.Start--
	}
	for s.End < len(r.text) && !boundary(r.text, s.End) {
		s.End++
	}
	return s
}

// similarity is 1 minus the edit distance between a and b (in characters)
// divided by the longer length.
func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return 1 - float64(row[len(rb)])/float64(max(len(ra), len(rb)))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
