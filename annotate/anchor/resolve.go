package anchor

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/margin-reader/margin/model/article"
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
	// its context on average this similar, or one side this similar. A
	// short quote says little about where it is, so it needs more context.
	exactContextAvg   = 0.5
	exactContextShort = 0.75
	exactContextSide  = 0.9
	shortQuote        = 32
	// shortRivalSide: another appearance of a short quote with one side
	// of context this similar makes its recorded position a guess.
	shortRivalSide = 0.6
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
	// maxReviewCandidates is how many places a note that needs review
	// offers a person to choose from.
	maxReviewCandidates = 8
)

// Result is where a selector resolved in a text.
type Result struct {
	// Span is the passage in the current text. For an orphaned note it is
	// empty, at the place the passage used to be.
	Span   span.Span
	Status Status
	// Score is the confidence in Span, from 0 to 1.
	Score float64
	// Candidates are, for a note that needs review, the places it may be,
	// best first (Span is the one nearest the recorded position among the
	// best). A person chooses; margin never does.
	Candidates []Candidate
}

// Candidate is a place a passage that needs review may be, with the
// confidence in it from 0 to 1.
type Candidate struct {
	Span  span.Span
	Score float64
}

// Resolver finds selectors in one text. Make one per text and reuse it: it
// indexes the text the first time a fuzzy match is needed.
type Resolver struct {
	text     string
	textHash string
	grams    map[uint64][]int32
	nfd      *nfdView // the text as a decomposed file gave it, once asked for
}

// NewResolver returns a resolver for text.
func NewResolver(text string) *Resolver { return &Resolver{text: text} }

// Resolve finds sel in a text; see the package doc for the order of tries.
func Resolve(text string, sel Selector) Result { return NewResolver(text).Resolve(sel) }

// Resolve finds sel in the resolver's text.
func (r *Resolver) Resolve(sel Selector) Result {
	text := r.text
	if sel.Exact == "" || sel.Detached {
		return Result{Span: r.hint(sel), Status: Orphaned}
	}
	if sel.TextHash != "" && sel.TextHash == r.hash() {
		// The text is the one the note was made on: the position is exact.
		if s := (span.Span{Start: sel.Start, End: sel.End}); s.In(text) == sel.Exact {
			return Result{Span: s, Status: Anchored, Score: 1}
		}
	}
	res, ok := r.exact(sel)
	if ok && res.Status == Anchored {
		return res
	}
	// A note on this text as a decomposed file spelt it is where it
	// was, at offsets composing shifted.
	if s, same := r.unchangedButComposed(sel); same {
		return Result{Span: s, Status: Anchored, Score: 1}
	}
	// Otherwise a selector in the old spelling is looked for composed
	// too, the composed one kept unless the verbatim one was found
	// surer: on a composed text its context matches there, and a quote
	// without an accent was found verbatim but not where the old offsets
	// say. Those offsets are the old spelling's, so in an edited text a
	// passage after an accent that composing shortened has moved.
	if c, differs := composedSelector(sel); differs {
		if found, in := r.exact(c); in {
			if !ok || !surer(res, found) {
				return found
			}
			return res
		}
		if !ok {
			sel = c
		}
	}
	if ok {
		return res
	}
	return r.fuzzy(sel)
}

// surer reports whether a was found with more confidence than b: a
// better status, or the same with a higher score. On a text that is not
// composed (read verbatim) the selector's own spelling can be the surer.
func surer(a, b Result) bool {
	if ra, rb := confidence(a.Status), confidence(b.Status); ra != rb {
		return ra > rb
	}
	return a.Score > b.Score
}

// confidence orders the statuses from orphaned (0) to anchored.
func confidence(s Status) int {
	switch s {
	case Anchored:
		return 4
	case Moved:
		return 3
	case Changed:
		return 2
	case NeedsReview:
		return 1
	}
	return 0
}

// composedSelector is sel in Unicode's composed form (NFC), the form of
// the text margin loads, and whether that differs from sel: a note made
// on a text before margin composed it (a plain-text file, or a page
// before htmlpage did) spells "é" as e and an accent.
func composedSelector(sel Selector) (Selector, bool) {
	c := sel
	c.Exact, c.Prefix, c.Suffix = norm.NFC.String(sel.Exact), norm.NFC.String(sel.Prefix), norm.NFC.String(sel.Suffix)
	return c, c != sel
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
	if res, ok := r.inPlace(sel, cands); ok {
		return res, true
	}
	best := cands[0]
	if len(cands) > 1 && cands[1].score > best.score-tieMargin {
		return r.review(r.nearest(sel, cands, best.score-tieMargin), best.score/2, cands, best.score-tieMargin), true
	}
	if rival, ok := duplicated(sel, cands); ok {
		// Two places share one side of the context word for word: the
		// passage was duplicated, and which copy is the note's is a guess.
		return r.review(best.span, best.score/2, cands, rival.score), true
	}
	need := exactContextAvg
	if len(sel.Exact) < shortQuote {
		need = exactContextShort
	}
	if best.ctx >= need || best.side >= exactContextSide {
		return Result{Span: best.span, Status: r.movedOrAnchored(sel, best.span), Score: 0.5 + best.ctx/2}, true
	}
	return r.review(best.span, best.ctx/2, cands, 0), true
}

// duplicated returns a rival of the best candidate that shares one side
// of its context about word for word, unless the context tells the two
// apart (distinct), however alike the sentences around them are.
func duplicated(sel Selector, cands []candidate) (candidate, bool) {
	best := cands[0]
	for _, c := range cands[1:] {
		if c.side < rivalSide(sel) {
			continue
		}
		if distinct(best, c) {
			continue
		}
		return c, true
	}
	return candidate{}, false
}

// distinct reports whether c's context tells it apart from a rival that
// is alike on one side: c keeps all of its context verbatim and the rival
// none of it. A rival with one side verbatim is a copy of the passage with
// its context (a duplicated sentence), and choosing between them a guess.
func distinct(c, rival candidate) bool { return c.ctx == 1 && rival.side < 1 }

// review is a NeedsReview result at s, listing as candidates every place
// scoring at least floor (and s itself), best first.
func (r *Resolver) review(s span.Span, score float64, cands []candidate, floor float64) Result {
	res := Result{Span: s, Status: NeedsReview, Score: score}
	for _, c := range cands {
		if (c.score >= floor || c.span == s) && len(res.Candidates) < maxReviewCandidates {
			res.Candidates = append(res.Candidates, Candidate{Span: c.span, Score: c.score})
		}
	}
	return res
}

// rivalSide is how similar one side of context of another appearance of
// the quote may be before the choice between them is a guess.
func rivalSide(sel Selector) float64 {
	if len(sel.Exact) < shortQuote {
		return shortRivalSide
	}
	return exactContextSide
}

// inPlace accepts the quote at its recorded position when its context
// agrees and no other appearance matches about as well: a look-alike
// copy elsewhere with the same context makes the position a guess.
func (r *Resolver) inPlace(sel Selector, cands []candidate) (Result, bool) {
	at := span.Span{Start: sel.Start, End: sel.End}
	for i, c := range cands {
		if c.span != at {
			continue
		}
		if c.side < contextAccept {
			return Result{}, false
		}
		for j, o := range cands {
			if j == i {
				continue
			}
			if o.score > c.score-tieMargin || o.side >= rivalSide(sel) && !distinct(c, o) {
				return Result{}, false
			}
		}
		return Result{Span: at, Status: Anchored, Score: 1}, true
	}
	return Result{}, false
}

// fuzzy looks for a changed quote.
func (r *Resolver) fuzzy(sel Selector) Result {
	orphan := Result{Span: r.hint(sel), Status: Orphaned}
	if len(sel.Exact) < minFuzzyQuote {
		return r.reworded(sel, orphan)
	}
	cands := r.fuzzyCandidates(sel)
	if len(cands) == 0 {
		return r.reworded(sel, orphan)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	best := cands[0]
	weakContext := best.ctx < fuzzyContextAvg && best.side < fuzzyContextSide
	switch {
	case best.quote < fuzzyReview, best.quote < fuzzyAccept && weakContext:
		return r.reworded(sel, orphan)
	case best.quote < fuzzyAccept, weakContext:
		return r.reworded(sel, r.fuzzyReviewOf(best, cands))
	}
	for _, c := range cands[1:] {
		if !c.span.Overlaps(best.span) && c.quote >= fuzzyAccept && c.score > best.score-fuzzyTieMargin {
			return r.fuzzyReviewOf(best, cands)
		}
	}
	return Result{Span: best.span, Status: movedOrChanged(sel.Exact, best.span.In(r.text)), Score: best.score}
}

// fuzzyReviewOf is a NeedsReview result at the best fuzzy candidate,
// offering every candidate whose quote is similar enough to review.
func (r *Resolver) fuzzyReviewOf(best candidate, cands []candidate) Result {
	var similar []candidate
	for _, c := range cands {
		if c.quote >= fuzzyReview {
			similar = append(similar, c)
		}
	}
	return r.review(best.span, best.score/2, similar, 0)
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
		s := r.snap(q, span.Span{Start: lo + start, End: lo + end})
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

// hash is the text's content hash, computed once.
func (r *Resolver) hash() string {
	if r.textHash == "" {
		r.textHash = article.HashText(r.text)
	}
	return r.textHash
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

// snap moves s to whole characters and, where the quote q begins or ends
// with a word, to the nearer edge of a word it cuts, without taking in
// white space the quote does not have.
func (r *Resolver) snap(q string, s span.Span) span.Span {
	for s.Start > 0 && !boundary(r.text, s.Start) {
		s.Start--
	}
	for s.End < len(r.text) && !boundary(r.text, s.End) {
		s.End++
	}
	if first, _ := utf8.DecodeRuneInString(q); isWord(first) {
		s.Start = r.nearestWordEdge(s.Start)
		// A quote that begins with a word begins at one: an alignment
		// that takes in the end of the sentence before (". " when the
		// first word changed) stops short of it.
		for s.Start < s.End {
			c, size := utf8.DecodeRuneInString(r.text[s.Start:])
			if isWord(c) {
				break
			}
			s.Start += size
		}
	}
	if last, _ := utf8.DecodeLastRuneInString(q); isWord(last) {
		s.End = max(s.Start, r.nearestWordEdge(s.End))
		for s.End > s.Start {
			c, size := utf8.DecodeLastRuneInString(r.text[:s.End])
			if isWord(c) {
				break
			}
			s.End -= size
		}
	}
	return s
}

// nearestWordEdge returns off if it is not inside a word, else the
// closer of the word's start and end.
func (r *Resolver) nearestWordEdge(off int) int {
	back, fwd := off, off
	for back > 0 {
		c, size := utf8.DecodeLastRuneInString(r.text[:back])
		if !isWord(c) {
			break
		}
		back -= size
	}
	for fwd < len(r.text) {
		c, size := utf8.DecodeRuneInString(r.text[fwd:])
		if !isWord(c) {
			break
		}
		fwd += size
	}
	if back == off || fwd == off {
		return off
	}
	if off-back <= fwd-off {
		return back
	}
	return fwd
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

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
