package claim

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

//go:embed lexicon/cues.bin
var cueWeights []byte

// Detector finds contested claims in an article and scores every sentence
// for check-worthiness. It holds only read-only tables, so one Detector may
// serve any number of goroutines.
type Detector struct {
	lex   *lexicon
	cw    *checkworthy.Model
	split *sentence.Splitter
}

// Result is what Analyze found in one article.
type Result struct {
	// Claims are in text order: one per sentence, or one per clause where
	// the clauses of a sentence have sources of their own. A claim's cues
	// lie inside it; its source lies inside its sentence (a clause's may
	// be named in the clause before it: "Okafor, who ..., told staff"),
	// or, in a speaker's turn, in the turn's block, or, in a quotation,
	// in its paragraph, where the quotation closes or before it opens.
	Claims []Claim
	// Checkworthiness has one score from 0 to 1 per sentence, in the order
	// of the sentences given to Analyze.
	Checkworthiness []float64
}

// NewDetector loads the embedded lexicons and check-worthiness weights,
// the weights beside the lexicon: a start of margin waits for both (the
// weights were a quarter of the load).
func NewDetector() (*Detector, error) {
	var weights sync.WaitGroup
	var cw *checkworthy.Model
	var werr error
	weights.Go(func() { cw, werr = checkworthy.Load() })
	lex, err := loadLexicon()
	if err == nil {
		lex.cues, err = decodeCueModel(cueWeights)
	}
	if weights.Wait(); err == nil {
		err = werr
	}
	if err != nil {
		return nil, fmt.Errorf("claim detector: %w", err)
	}
	return &Detector{lex: lex, cw: cw, split: sentence.New()}, nil
}

// scratch is the per-call working memory of Analyze.
type scratch struct {
	toks []token
	// matches are the lexicon's in toks: read ahead for a whole unit
	// (matched is set until the unit's rules take them), else found in
	// parts, which reuses partMatches.
	matches     []match
	matched     bool
	partMatches []match
	// heldMatches and nextMatches keep the matches of two segments while
	// ownSources reads the first.
	heldMatches, nextMatches []match
	// tailToks and tailSeen are the tokens and the cue memo of the text
	// after a quotation's close (quoteCloser).
	tailToks []token
	tailSeen []int8
	verbs    []verb
	// negs are the negations of the tokens being read (sentence).
	negs []int
	// speakers are the sources seen so far, for resolving pronouns.
	speakers []speaker
	// lastPerson is the last PERSON entity before the current sentence.
	lastPerson span.Span
	// orgs are the ORG entities before the current sentence, in order, for
	// "the company" and "the ministry".
	orgs []span.Span
	// orgScans are how far orgs have been read for each head noun asked.
	orgScans  []orgScan
	blockToks []token
	// before and after are the tokens of the sentence before and after
	// the part being read.
	before, after []token
	// quote is whether a quotation is open, in the block being read, and
	// quoted the speaker of the last quotation it holds.
	quote  quoteState
	quoted quotedSpeaker
	// cues are the cue tagger's answers for the unit's tokens.
	cues cueMemo
	// block is the block of the sentence being read, nil for none.
	block *doc.Block
	// unsigned is set while the tokens read are a claim unit's, or a part
	// of them, that signs no quote (clauseCuts).
	unsigned bool
	// cueArena and sourceArena hand out the cues and sources of the
	// claims found, a chunk at a time: the run's pack copies them, so a
	// chunk is never written again once it is full, and claims found one
	// by one cost no allocation each (they were two in three of the
	// claims' allocations).
	cueArena    []Cue
	sourceArena []Source
	// claims, cuts, segs, own, inside and whole are reused from one
	// sentence or unit to the next.
	claims []Claim
	cuts   []cut
	segs   []tokRange
	own    []int
	inside []bool
	whole  []speaker
}

// arenaChunk is how many cues or sources one chunk of an arena holds.
const arenaChunk = 1024

// newSource returns a pointer to a copy of s that no later call writes.
func (sc *scratch) newSource(s Source) *Source {
	if len(sc.sourceArena) == cap(sc.sourceArena) {
		sc.sourceArena = make([]Source, 0, arenaChunk)
	}
	sc.sourceArena = append(sc.sourceArena, s)
	return &sc.sourceArena[len(sc.sourceArena)-1]
}

// cueRoom returns an empty slice with room for maxCues cues that no later
// call writes, once takeCues has taken those appended to it.
func (sc *scratch) cueRoom() []Cue {
	if cap(sc.cueArena)-len(sc.cueArena) < maxCues {
		sc.cueArena = make([]Cue, 0, arenaChunk)
	}
	n := len(sc.cueArena)
	return sc.cueArena[n:n:min(n+maxCues, cap(sc.cueArena))]
}

// takeCues keeps cues, appended to the slice of cueRoom, from later calls;
// it returns them, or nil for none, as a claim holds them.
func (sc *scratch) takeCues(cues []Cue) []Cue {
	if len(cues) == 0 {
		return nil
	}
	sc.cueArena = sc.cueArena[:len(sc.cueArena)+len(cues)]
	return cues[:len(cues):len(cues)]
}

// Analyze finds the claims in text, sentence by sentence, and scores each
// sentence. Sentences are spans of text in reading order; ents are the
// entities found in text (any order; nil is fine). Spans that do not fit
// the text are skipped and score 0.
func (d *Detector) Analyze(text string, sentences []span.Span, ents []entity.Entity) Result {
	return d.AnalyzeDoc(doc.Doc{Text: text}, sentences, ents)
}

// AnalyzeDoc is Analyze with the article's structure: headings and table
// header rows make no claims (their sentences are still scored), and a
// table row's cells are read apart, so no cue or source crosses a cell.
func (d *Detector) AnalyzeDoc(dc doc.Doc, sentences []span.Span, ents []entity.Entity) Result {
	r := d.Start(dc, ents)
	r.Next(sentences)
	return r.Result()
}

// Run is one AnalyzeDoc taken a range of sentences at a time, so that a
// caller can report progress and stop between ranges; the sources and
// speakers seen carry over from one range to the next.
type Run struct {
	d     *Detector
	dc    doc.Doc
	ents  []entity.Entity
	sc    scratch
	units []span.Span
	found pack
	cw    []float64
	// read is the offset of the text up to which Next has read.
	read int
	// entsFrom and blocksFrom are where the search for the entities and
	// the block of the next sentence starts (entitiesFrom, blockFrom).
	entsFrom, blocksFrom int
	// askers are the tallies of the speakers' turns, and speakers the
	// speaker of each block (speakerOf), found once for both.
	askers   checkworthy.Askers
	speakers []span.Span
	// spoken tallies the scores of each speaker's sentences scored so
	// far, whose lean moves the speaker's next (checkworthy.Speakers).
	spoken checkworthy.Speakers
	// unscored are the sentences read since the last score, with what
	// scoring them takes (scoreUnscored), one of scoring: a scorer scores
	// the others meanwhile (scorer).
	unscored *unscored
	scoring  [pipeDepth]unscored
	// ahead is the first reading of the units of the next sentences, one
	// of aheads: a reader fills the others meanwhile (reader).
	ahead  *ahead
	aheads [pipeDepth]ahead
}

// unscored are sentences whose claims are found and whose scores are
// not: they are scored a batch at a time (scoreBatch sentences), so that
// scoring's code and tables stay in the caches for the batch rather than
// being read again between the claims' rules for every sentence.
type unscored struct {
	sentences []unscoredSentence
	// words, kinds and labels hold those of every sentence, in order.
	words  []checkworthy.Word
	kinds  []string
	labels []entity.Label
	// scores are those of sentences, once scored.
	scores []float64
}

// unscoredSentence is one sentence to score: its span, the ends of its
// words, kinds and labels in unscored's, the claims its score goes to
// (the run's found claims [from, to)), its index in the scores, the span
// of its speaker's name (empty outside a turn), whether the speaker asks
// (checkworthy.Model.Asked) and whether every unit of it reads as another
// language (foreign).
type unscoredSentence struct {
	span.Span
	words, kinds, labels int
	from, to, cw         int
	speaker              span.Span
	asked, foreign       bool
}

// scoreBatch is how many sentences are scored together.
const scoreBatch = 64

// Start begins the analysis of dc, whose entities are ents (any order).
func (d *Detector) Start(dc doc.Doc, ents []entity.Entity) *Run {
	r := &Run{d: d, dc: dc, ents: sortedEntities(ents)}
	r.unscored = &r.scoring[0]
	r.speakers = d.blockSpeakers(dc, r.ents)
	r.askers = askersOf(dc, r.speakers)
	return r
}

// rateSample is how many sentences of a long first range Next reads
// before the rest, so that reserve sizes the arrays of results for the
// rest by the rate they show.
const rateSample = 256

// Next analyses the sentences that follow those given so far, in reading
// order.
func (r *Run) Next(sentences []span.Span) {
	if len(sentences) == 0 {
		return
	}
	// A whole article read in one range grew its arrays by append alone,
	// copying each as it filled: 7.8 MB allocated for 1 MB of text, 3.8 MB
	// now (BenchmarkAnalyze/claims).
	if r.read == 0 && len(sentences) > 2*rateSample {
		r.Next(sentences[:rateSample])
		sentences = sentences[rateSample:]
	}
	end := sentences[len(sentences)-1].End
	r.reserve(end)
	if r.pipes(sentences) {
		r.readPiped(sentences)
	} else {
		r.readInTurn(sentences)
	}
	r.scoreUnscored()
	r.read = max(r.read, end)
}

// rules finds the claims of batch, whose units r.ahead holds, handing
// each batch of sentences to score to sc, or scoring it now if sc is nil.
func (r *Run) rules(batch []span.Span, sc *scorer) {
	for _, s := range batch {
		r.cw = append(r.cw, 0)
		r.sentence(s)
		if len(r.unscored.sentences) < scoreBatch {
			continue
		}
		if sc != nil {
			r.unscored = sc.pass(r, r.unscored)
		} else {
			r.scoreUnscored()
		}
	}
}

// scoreUnscored scores the sentences read since the last call and gives
// each score to the sentence's claims.
func (r *Run) scoreUnscored() {
	r.unscored.score(r.d.cw, r.dc.Text, &r.spoken)
	r.giveScores(r.unscored)
}

// score scores u's sentences into u.scores, moving each speaker's lean in
// spoken. It reads only cw, text and u, so it may run on a goroutine of
// its own (scorer) while the rules fill another unscored.
func (u *unscored) score(cw *checkworthy.Model, text string, spoken *checkworthy.Speakers) {
	u.scores = u.scores[:0]
	words, kinds, labels := 0, 0, 0
	for _, s := range u.sentences {
		// The weights are English words' and grammar's: another
		// language's sentence would be scored on the few words that look
		// English and ranked among the English ones. It scores 0, the
		// lowest, and leaves its speaker's lean as it was.
		score := 0.0
		if !s.foreign {
			score = cw.ScoreWords(text[s.Start:s.End], u.words[words:s.words], u.kinds[kinds:s.kinds], u.labels[labels:s.labels])
		}
		if s.asked && !s.foreign {
			score = cw.Asked(score)
		}
		// An asker's lines are moved by Asked alone: the lean compares
		// those who answer, and an interview's one guest, set against
		// the host's lowered lines, would lean up throughout.
		if !s.speaker.Empty() && !s.asked && !s.foreign {
			score = spoken.Move(text[s.speaker.Start:s.speaker.End], score, cw.SpeakerWeight())
		}
		u.scores = append(u.scores, score)
		words, kinds, labels = s.words, s.kinds, s.labels
	}
}

// giveScores gives the scores of u, scored, to its sentences and their
// claims (a foreign sentence's keep theirs), and empties u.
func (r *Run) giveScores(u *unscored) {
	for i, s := range u.sentences {
		r.cw[s.cw] = u.scores[i]
		if s.foreign {
			continue
		}
		for c := s.from; c < s.to; c++ {
			r.found.claims[c].Checkworthiness = u.scores[i]
		}
	}
	u.sentences, u.words, u.kinds, u.labels, u.scores = u.sentences[:0], u.words[:0], u.kinds[:0], u.labels[:0], u.scores[:0]
}

// reserve makes room in the arrays of results for those of the text up to
// offset end, at the rate found so far. Growing by append alone copies an
// array each time it fills while a Result taken before holds the old one:
// a 20 MB article's claims had a 7 MB and a 9 MB array live at once for
// 8.8 MB of claims. Sized from the rate, they grow about once.
func (r *Run) reserve(end int) {
	if r.read == 0 {
		return
	}
	size := len(r.dc.Text)
	r.found.claims = roomFor(r.found.claims, r.read, end, size)
	r.cw = roomFor(r.cw, r.read, end, size)
	// The cues, sources and shapes held since the last share: their rate
	// over the whole text read is low after a share, which sizes them
	// short, never past what append would.
	f := &r.found
	f.cues = roomFor(f.cues, r.read, end, size)
	f.sources = roomFor(f.sources, r.read, end, size)
	f.shape = roomFor(f.shape, r.read, end, size)
}

// roomFor is s, which holds what the first read bytes of a text of size
// bytes hold, grown when it has no room for what the text up to offset end
// holds at that rate to what the whole text holds at that rate and a
// quarter more, for a rate that varies: no more room than append leaves,
// which grows a large array by a quarter.
func roomFor[T any](s []T, read, end, size int) []T {
	rate := float64(len(s)) / float64(read)
	if float64(cap(s)) >= rate*float64(end) {
		return s
	}
	return slices.Grow(s, int(rate*float64(size)*1.25)-len(s))
}

// Result is what the run found in all the sentences given to Next. Next
// leaves a Result as it is, so one taken between ranges may be read while
// the run goes on, and is the start of every later one.
func (r *Run) Result() Result {
	return Result{Claims: r.found.share(), Checkworthiness: slices.Clip(r.cw)}
}

// sentence finds the claims of s, the last sentence of r.cw, and leaves
// its score to scoreUnscored; a span that does not fit the text scores 0.
func (r *Run) sentence(s span.Span) {
	d, dc, sc, text := r.d, r.dc, &r.sc, r.dc.Text
	if s.Start < 0 || s.End > len(text) || s.Empty() {
		return
	}
	u := r.unscored
	sc.forgetOldSpeakers()
	var sentEnts []entity.Entity
	sentEnts, r.entsFrom = entitiesFrom(r.ents, s, r.entsFrom)
	claims := sc.claims[:0]
	// The sentence's block, found once for all that ask.
	var bi int
	bi, r.blocksFrom = blockFrom(dc.Blocks, s.Start, r.blocksFrom)
	var b *doc.Block
	if bi >= 0 {
		b = &dc.Blocks[bi]
	}
	sc.block = b
	r.units = claimUnits(r.units[:0], b, s)
	english := false
	for _, unit := range r.units {
		read, words := r.ahead.take(d, text, sc, unit, s.Start)
		var en bool
		claims, en = d.clauses(claims, text, read, entitiesIn(sentEnts, unit), sc)
		english = english || en
		u.words = append(u.words, words...)
	}
	if b != nil && b.Kind == doc.TableRow {
		claims = rowClaim(claims, text, s)
	}
	var speaker span.Span
	if len(r.units) > 0 {
		if bi >= 0 {
			speaker = r.speakers[bi]
		}
		claims = inTurn(claims, text, s, speaker, sc)
		claims = r.inQuotation(claims, s, bi)
	}
	sc.remention(text, trimSpace(text, s))
	for _, e := range sentEnts {
		u.labels = append(u.labels, e.Label)
	}
	for _, c := range claims {
		for k := range c.Kinds.All() {
			u.kinds = append(u.kinds, string(k))
		}
	}
	from := len(r.found.claims)
	for _, c := range claims {
		r.found.add(c)
	}
	u.sentences = append(u.sentences, unscoredSentence{
		Span: s, words: len(u.words), kinds: len(u.kinds), labels: len(u.labels),
		from: from, to: len(r.found.claims), cw: len(r.cw) - 1, speaker: speaker,
		asked:   !speaker.Empty() && r.askers.Asks(text[speaker.Start:speaker.End]),
		foreign: len(r.units) > 0 && !english,
	})
	sc.claims = claims[:0]
	for _, e := range sentEnts {
		if e.Label == entity.Person {
			sc.lastPerson = e.Span
		}
		if e.Label == entity.Org {
			sc.orgs = append(sc.orgs, e.Span)
		}
	}
}

// appendWords appends to dst the words of ASCII letters among toks, a
// unit's tokens, as check-worthiness takes them (checkworthy.Word), with
// offsets from start, where their sentence starts: scoring the sentence
// then need not read their bytes again.
func appendWords(dst []checkworthy.Word, toks []token, start int) []checkworthy.Word {
	// By index, not by range: a range copies each 40-byte token.
	for i := range toks {
		if t := &toks[i]; t.letters {
			dst = append(dst, checkworthy.Word{Start: t.Start - start, End: t.End - start, Hash: t.h})
		}
	}
	return dst
}

// claimUnits appends the parts of sentence s that may make claims: none in
// a heading, a caption, a byline, a table header row or a code block
// (program text, not prose, whatever numbers it holds), each cell of a
// table row, else s. b is the block s starts in, nil for none.
func claimUnits(dst []span.Span, b *doc.Block, s span.Span) []span.Span {
	if b == nil {
		return append(dst, s)
	}
	switch {
	case b.Kind == doc.Heading, b.Kind == doc.Code, b.Kind.Furniture(), b.Kind == doc.TableRow && b.Header:
		return dst
	case b.Kind == doc.TableRow && len(b.Cells) > 0:
		for _, c := range b.Cells {
			if u := (span.Span{Start: max(c.Start, s.Start), End: min(c.End, s.End)}); !u.Empty() {
				dst = append(dst, u)
			}
		}
		return dst
	}
	return append(dst, s)
}

// rowClaim joins the claims of a table row's cells, the claims of the
// sentence s, into one claim over the row when none names a source: a
// figure alone in its cell ("£40 million") says what it claims only with
// its row (what costs it, by whose count), which is how a fact-checker
// checks it, and a row of four figures is one line to check, not four.
// Each cell's cues stay its own, so no cue crosses a cell. A row with a
// source in a cell, or more cues than a claim can count (255, the pack's
// uint8), is left as it was, a claim a cell.
func rowClaim(claims []Claim, text string, s span.Span) []Claim {
	if len(claims) == 0 {
		return claims
	}
	var kinds KindSet
	var cues []Cue
	for _, c := range claims {
		if c.Source != nil || len(cues)+len(c.Cues) > math.MaxUint8 {
			return claims
		}
		kinds |= c.Kinds
		cues = append(cues, c.Cues...)
	}
	row := claims[0]
	row.Span, row.Kinds, row.Cues = trimSpace(text, s), kinds, cues
	return append(claims[:0], row)
}

// blockFrom returns the index of the block holding offset at, or -1,
// searching from blocks[from] on when every block before it ends at or
// before at, as when the offsets asked come in order; next is the from of
// the next offset asked.
func blockFrom(blocks []doc.Block, at, from int) (bi, next int) {
	if from > len(blocks) || from > 0 && blocks[from-1].End > at {
		from = 0
	}
	i := firstFrom(len(blocks), from, func(i int) bool { return blocks[i].End > at })
	if i < len(blocks) && blocks[i].Start <= at {
		return i, i
	}
	return -1, i
}

// nearSteps is how many indexes firstFrom tries one by one before it
// halves what is left.
const nearSteps = 4

// firstFrom is sort.Search(n, past) when past is false below from: the
// spans of a run come in text order, so the blocks and entities of the
// next one are most often at from or a step or two on, which a search by
// halves over the whole article found by branches no predictor foretells
// (callgrind: 0.26 M -> 0.10 M branch misses a run of Analyze/claims).
func firstFrom(n, from int, past func(int) bool) int {
	for end := min(n, from+nearSteps); from < end; from++ {
		if past(from) {
			return from
		}
	}
	return from + sort.Search(n-from, func(i int) bool { return past(from + i) })
}

// clauses appends the claims of one unit to dst, whose reading
// ahead.take gave sc and read: the sentence's claim, or, when
// it joins clauses that each have their own source ("Supporters say ...;
// opponents claim ..."), one claim per such clause, the clauses without a
// source of their own going with the one before them (or, at the start,
// after them). It reports false for a unit in another language (foreign),
// which makes no claims.
func (d *Detector) clauses(dst []Claim, text string, read aheadUnit, ents []entity.Entity, sc *scratch) ([]Claim, bool) {
	s, all := read.Span, sc.toks
	if read.foreign {
		// The unit's matches were handed to the next sentence call;
		// none comes, so the next caller must read its own.
		sc.matched = false
		return dst, false
	}
	sc.unsigned = !read.signed
	defer func() { sc.toks, sc.unsigned = all, false }()
	mark := len(sc.speakers)
	c, ok := d.sentence(text, s, ents, sc)
	if !ok {
		return dst, true
	}
	// Two clauses with speakers of their own need two reporting verbs.
	if c.Source == nil || len(sc.cuts) == 0 || len(sc.verbs) < 2 {
		return append(dst, c), true
	}
	return d.splitClauses(dst, text, all, c, mark, ents, sc), true
}

// splitClauses appends to dst the claims of a sentence of tokens all
// whose claim c has a source, and which has cuts and two reporting verbs:
// its clauses' claims where they have sources of their own, else c.
// mark is how many speakers were known before the sentence. Out of line:
// few sentences come here, and its code in clauses spread the lines every
// sentence runs over more of the instruction cache.
//
//go:noinline
func (d *Detector) splitClauses(dst []Claim, text string, all []token, c Claim, mark int, ents []entity.Entity, sc *scratch) []Claim {
	sc.whole = append(sc.whole[:0], sc.speakers[mark:]...)
	sc.segs = clauseRanges(sc.segs[:0], len(all), sc.cuts)
	segs := sc.segs
	starts := d.ownSources(text, all, segs, ents, sc)
	sc.speakers = sc.speakers[:mark]
	if len(starts) < 2 {
		sc.speakers = append(sc.speakers, sc.whole...)
		if parts := d.relativeSplit(text, all, segs, c, ents, sc); parts != nil {
			closeBefore(all, &parts[0], &parts[1])
			return append(dst, parts...)
		}
		// The whole sentence's speakers are kept: the clause's is among them.
		mark := len(sc.speakers)
		w, ok := d.trailingSpeaker(text, all, segs[len(segs)-1].from, c, ents, sc)
		sc.speakers = sc.speakers[:mark]
		if ok {
			return append(dst, w)
		}
		return append(dst, c)
	}
	if w, ok := d.trailingSpeaker(text, all, segs[starts[len(starts)-1]].from, c, ents, sc); ok {
		return append(dst, w)
	}
	starts[0] = 0
	parts := dst
	for i, from := range starts {
		to := len(segs)
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		if p, ok := d.part(text, all, tokRange{segs[from].from, segs[to-1].to}, ents, sc); ok {
			if len(parts) > 0 {
				standsFor(all, parts[len(parts)-1].Source, p.Source)
			}
			if len(parts) > len(dst) {
				closeBefore(all, &parts[len(parts)-1], &p)
			}
			parts = append(parts, p)
		}
	}
	return parts
}

// trailingSpeaker returns the claim of the whole sentence all, whose
// claim is c, when its last clause, from token from on, only names who
// spoke ("..., Rep. Ana Ruiz told reporters on Friday.", "..., said Ana
// Ruiz."): that speaker says everything before it, and a reporting verb
// inside it ("if she is convinced that") speaks for no one of its own.
// The clause follows a comma, opens with no conjunction ("..., but Lee
// warned it would not" is Lee's own), names the source that c, read over
// the whole sentence, has ("Bamberg said ..., the footage showed" is
// Bamberg's, and stays cut), and says nothing after its verb
// (speakerOnly).
func (d *Detector) trailingSpeaker(text string, all []token, from int, c Claim, ents []entity.Entity, sc *scratch) (Claim, bool) {
	// c's source must stand in the clause: asked first, as reading the
	// clause costs more than the rest.
	if from == 0 || c.Source.Start < all[from].Start || all[from-1].h != hComma || clauseOpeners.has(all[from]) {
		return Claim{}, false
	}
	mark := len(sc.speakers)
	p, ok := d.part(text, all, tokRange{from, len(all)}, ents, sc)
	if !ok || p.Source == nil || p.Source.Span != c.Source.Span || !speakerOnly(text, sc.toks, sc.verbs, p.Source) {
		sc.speakers = sc.speakers[:mark]
		return Claim{}, false
	}
	w := Claim{Span: c.Span, Source: p.Source, Kinds: KindsOf(Attributed)}
	cues := sc.cueRoom()
	add := func(q Cue) {
		if len(cues) < cap(cues) {
			cues = append(cues, q)
			w.Kinds = w.Kinds.Add(q.Kind)
		}
	}
	for _, q := range c.Cues {
		if q.Kind != Attributed && q.End <= all[from].Start {
			add(q)
		}
	}
	for _, q := range p.Cues {
		add(q)
	}
	w.Cues = sc.takeCues(cues)
	return w, true
}

// speakerOnly reports whether toks, the last clause of a sentence with
// reporting verbs verbs, only names src and says that src spoke: one verb
// that mostly reports ("told", "said"), the clause opening with it or
// with src, which is no relative ("which Obama championed"), and after
// them at most maxBareTail words that only say where, when or to whom src
// spoke (bareTail).
func speakerOnly(text string, toks []token, verbs []verb, src *Source) bool {
	if len(verbs) != 1 {
		return false
	}
	v := verbs[0]
	if v.weight < reportedCueRatio || v.from > 0 && toks[0].Start != src.Start || relatives.has(toks[0]) {
		return false
	}
	at := v.to
	for at < len(toks) && src.Covers(toks[at].Span) {
		at++ // an inverted speaker: ", said Ana Ruiz."
	}
	return bareTail(text, toks[at:], hearerVerbs.has(toks[v.to-1]))
}

// hearerVerbs name whom they speak to right after them ("told reporters").
var hearerVerbs = newWordSet("told tells tell")

// bareTail reports whether toks, what follows a speaker's verb at the end
// of a sentence, say only where, when or to whom the speaker spoke: they
// open with a preposition, a time, an -ly adverb or, after a verb that
// names its hearer, any word ("said in a statement", "said Tuesday", "told
// reporters"), not with an object ("denied them", "questioned his
// sincerity") or a comma ("he argued, to help ..."), and hold no word that
// opens a report of its own ("that", a pronoun or an auxiliary before a
// verb, a quotation mark, a colon, a gerund after a preposition: "insist
// on being").
func bareTail(text string, toks []token, hearer bool) bool {
	if len(toks) > 0 && !sentenceStop(text, toks[0]) && !hearer && !prepositions.has(toks[0]) &&
		!timeNames.has(toks[0]) && !months.has(toks[0]) && toks[0].kind != tokNum && !lyAdverb(text, toks[0]) {
		return false
	}
	n := 0
	for i, t := range toks {
		if t.h == hThat || t.h == hColon || quotes.has(t) || pronouns.has(t) || finiteAux.has(t) ||
			i > 0 && prepositions.has(toks[i-1]) && (ingWord(text, t) || participleAuxiliaries.has(t)) {
			return false
		}
		if t.kind == tokWord || t.kind == tokNum {
			n++
		}
	}
	return n <= maxBareTail
}

// standsFor resolves src, a relative pronoun right after a comma that
// ends prev, the source of the clause before, to prev: "said one Democrat
// familiar with the talks, who added" stands for the whole source, not
// for "the talks".
func standsFor(toks []token, prev, src *Source) {
	if prev == nil || src == nil {
		return
	}
	i := tokenAt(toks, src.Start)
	if i > 0 && toks[i].Span == src.Span && relatives.has(toks[i]) && toks[i-1].h == hComma && toks[i-1].Start == prev.End {
		src.Resolved = prev.Span
	}
}

// closeBefore gives prev, the claim of the clause before cur in the
// sentence toks, the closing quotation mark that cur would open with: a
// clause cut at a comma inside a quotation ("Lind said the plan was
// “unworkable,” but Okafor argued ...") leaves the mark after the comma,
// which closes the quotation of the clause before, not one of cur's. The
// mark follows the cut's comma, semicolon or dash with no space, and a
// space follows it, as a closing mark stands.
func closeBefore(toks []token, prev, cur *Claim) {
	i := tokenAt(toks, cur.Start)
	if i < 1 || i+1 >= len(toks) || toks[i].Start != cur.Start || toks[i].kind != tokPunct || !closingQuotes.has(toks[i]) {
		return
	}
	cutMark := toks[i-1]
	if cutMark.kind != tokPunct || cutMark.End != toks[i].Start || toks[i].End >= toks[i+1].Start || prev.End > cutMark.Start {
		return
	}
	prev.End, cur.Start = toks[i].End, toks[i+1].Start
}

// relativeSplit cuts a sentence whose relative clause reports for its
// own source from the claim of the sentence's main verb: "Okafor, who
// says the depot is safe, told staff it would close" makes Okafor's claim
// with "told" and the claim of "who" (= Okafor) with "says". The part
// with the relative clause runs from the sentence's start when the clause
// is inside it, else to its end; the other part keeps c's source and the
// cues that fall in it. It returns nil when there is no such clause.
func (d *Detector) relativeSplit(text string, all []token, segs []tokRange, c Claim, ents []entity.Entity, sc *scratch) []Claim {
	mark := len(sc.speakers)
	for _, r := range segs {
		if r.from == 0 || !relatives.has(all[r.from]) || all[r.from-1].h != hComma || c.Source.Start >= all[r.from].Start && c.Source.End <= all[r.to-1].End {
			continue
		}
		rel, rest := tokRange{0, r.to}, tokRange{r.to, len(all)}
		if isPunct(all, r.to) {
			rest.from++ // the comma that ends the clause
		}
		if r.to == len(all) || isPunct(all, r.to) && r.to+1 == len(all) {
			rel, rest = tokRange{r.from, len(all)}, tokRange{0, r.from - 1}
		}
		p, ok := d.part(text, all, rel, ents, sc)
		if !ok || p.Source == nil || p.Source.Span != all[r.from].Span || rest.to-rest.from < 2 {
			sc.speakers = sc.speakers[:mark]
			continue
		}
		main := within(c, span.Span{Start: all[rest.from].Start, End: all[rest.to-1].End})
		if rel.from == 0 {
			return []Claim{p, main}
		}
		return []Claim{main, p}
	}
	return nil
}

// within is claim c cut to span u: the cues inside u, the same source,
// and the kinds those show.
func within(c Claim, u span.Span) Claim {
	out := Claim{Span: u, Source: c.Source, Kinds: KindsOf(Attributed)}
	for _, q := range c.Cues {
		if u.Covers(q.Span) {
			out.Cues = append(out.Cues, q)
			out.Kinds = out.Kinds.Add(q.Kind)
		}
	}
	return out
}

// part finds the claim of the tokens r of a sentence's tokens all.
func (d *Detector) part(text string, all []token, r tokRange, ents []entity.Entity, sc *scratch) (Claim, bool) {
	sc.toks, sc.before, sc.after = all[r.from:r.to], all[:r.from], all[r.to:]
	sc.cues.base = r.from
	defer func() { sc.before, sc.after, sc.cues.base = nil, nil, 0 }()
	u := span.Span{Start: all[r.from].Start, End: all[r.to-1].End}
	return d.sentence(text, u, entitiesIn(ents, u), sc)
}

// mayReport reports whether the tokens r of a sentence's tokens all,
// read as part reads them, may have a reporting verb: a lexicon match of
// one, or a verb before a "that" clause. It reads only the matches, which
// it leaves for part.
func (d *Detector) mayReport(text string, all []token, r tokRange, sc *scratch) bool {
	toks := all[r.from:r.to]
	sc.cues.base = r.from
	sc.partMatches = d.lex.find(sc.partMatches[:0], text, toks, &sc.cues)
	sc.matches, sc.cues.base = sc.partMatches, 0
	for _, m := range sc.matches {
		if m.cat == catReport {
			sc.matched = true
			return true
		}
	}
	_, sc.matched = d.lex.thatClauseMatch(text, toks)
	return sc.matched
}

// ownSources returns the indexes of the segments that name a source of
// their own with a reporting verb, not one inside another clause's content
// ("..., that Russia asked China ...").
func (d *Detector) ownSources(text string, all []token, segs []tokRange, ents []entity.Entity, sc *scratch) []int {
	// inside marks the own segments whose source stands inside quotation
	// marks; outside is whether one of them does not. Both slices are
	// the scratch's: read's appends to them would each allocate.
	own, inside := sc.own[:0], sc.inside[:0]
	defer func() { sc.own, sc.inside = own, inside }()
	reported := false // a segment before the first own one has a reporting verb
	outside := false
	read := func(i int, r tokRange) {
		p, ok := d.part(text, all, r, ents, sc)
		// A reporting verb is needed: "According to X," alone reports
		// what the clause after it says.
		reports := len(sc.verbs) > 0
		var src *Source
		if ok && p.Source != nil && (!afterThat(sc.toks, p.Source.Start) || objectRelative(text, sc.toks, sc.verbs, p.Source)) {
			src = p.Source
		}
		from := i
		if reports && src == nil {
			from, src = d.acrossAsides(text, all, segs, i, own, ents, sc)
		}
		if reports && src != nil {
			own = append(own, from)
			q := sc.quotedAt(text, nil, all, nil, tokenAt(all, src.Start))
			inside, outside = append(inside, q), outside || !q
		} else if len(own) == 0 && reports {
			reported = true
		}
	}
	// The first segment that may report is read only once a second one
	// may: each segment adds at most one start, so with one alone the
	// sentence has fewer than two and its rules were read for nothing (a
	// quarter of the sentences split). Its matches are kept meanwhile.
	held, pending := -1, false
	for i, r := range segs {
		// A participle clause (", calling it ...") goes with the clause
		// before it (not "..., something she opposed"), and one with no reporting verb has no source of its
		// own: both asked before the clause is read, which spares its
		// rules for the segments they rule out. Only the verbs and source
		// it would find count here: the speakers it would keep change no
		// source's place, only what a pronoun resolves to.
		if ingWord(text, all[r.from]) && !thingWord(text, all[r.from]) || !d.mayReport(text, all, r, sc) {
			continue
		}
		if held < 0 {
			held, pending = i, true
			sc.heldMatches = append(sc.heldMatches[:0], sc.matches...)
			continue
		}
		if pending {
			// The held segment is read with its own matches, then this
			// one with its: the first's rules may find matches anew
			// (acrossAsides), in the buffer this one's are in.
			pending = false
			sc.nextMatches = append(sc.nextMatches[:0], sc.matches...)
			sc.matches, sc.matched = sc.heldMatches, true
			read(held, segs[held])
			sc.matches, sc.matched = sc.nextMatches, true
		}
		read(i, r)
	}
	// A held segment left unread leaves its matches, no part's.
	sc.matched = false
	// "“The fishermen doubt it,” Koll said": a source inside quotation
	// marks speaks inside the words of the one outside them.
	if outside {
		kept := own[:0]
		for k, i := range own {
			if !inside[k] {
				kept = append(kept, i)
			}
		}
		own = kept
	}
	// "Rendell, who ..., agreed that ..., but he said ...": the first
	// clause's speaker is named across its asides, not in its own segment.
	if len(own) == 1 && own[0] > 0 && reported {
		mark := len(sc.speakers)
		first, ok := d.part(text, all, tokRange{0, segs[own[0]-1].to}, ents, sc)
		sc.speakers = sc.speakers[:mark]
		if ok && first.Source != nil && !afterThat(sc.toks, first.Source.Start) {
			own = append(own[:0], 0, own[0])
		}
	}
	return own
}

// maxRelativeHead bounds the words of the noun phrase an object
// relative's "that" follows at a clause's start ("a charge that").
const maxRelativeHead = 3

// objectRelative reports whether toks, a clause after a comma whose one
// reporting verb is verbs[0], open with a noun phrase, "that" and src, the
// verb's subject, and end with the verb or with where or when it spoke:
// "..., a charge that party leaders strongly denied" names the speaker of
// the relative clause, whose object is the noun, where "a claim that
// Russia asked China for help" is the noun's content.
func objectRelative(text string, toks []token, verbs []verb, src *Source) bool {
	if len(verbs) != 1 || !(determiners.has(toks[0]) || thingPronouns.has(toks[0])) {
		return false
	}
	k := 1
	for k < len(toks) && k <= maxRelativeHead && toks[k].h != hThat {
		if toks[k].kind != tokWord || toks[k].finite || finiteAux.has(toks[k]) {
			return false
		}
		k++
	}
	v := verbs[0]
	if k+1 >= len(toks) || toks[k].h != hThat || toks[k+1].Start != src.Start {
		return false
	}
	return v.from > k+1 && bareTail(text, toks[v.to:], false)
}

// maxAsideSegments bounds the segments of asides between a later
// clause's speaker and its verb ("and Deese, the adviser, said").
const maxAsideSegments = 3

// acrossAsides reads segment i, which has a reporting verb but no source
// of its own, from the start of a segment before it that opens a clause
// (opensClause), after the last of own, so that a later clause's speaker
// named before its asides speaks ("..., and Brian Deese, the White House
// adviser, said ..."). It returns that segment and the speaker, or i and
// nil when no such speaker is found.
func (d *Detector) acrossAsides(text string, all []token, segs []tokRange, i int, own []int, ents []entity.Entity, sc *scratch) (int, *Source) {
	last := -1
	if len(own) > 0 {
		last = own[len(own)-1]
	}
	for j := i - 1; j > last && j >= i-maxAsideSegments; j-- {
		if !opensClause(all, segs[j].from) {
			continue
		}
		mark := len(sc.speakers)
		p, ok := d.part(text, all, tokRange{segs[j].from, segs[i].to}, ents, sc)
		if ok && p.Source != nil && p.Source.End <= all[segs[i].from].Start && !afterThat(sc.toks, p.Source.Start) {
			return j, p.Source
		}
		sc.speakers = sc.speakers[:mark]
		break
	}
	return i, nil
}

// opensClause reports a segment starting at toks[f] that opens a clause
// of its own: after a semicolon, but for a verb that shares the subject
// before it ("...; its backers, led by the mayor, insist", not "X
// suggested ...; clashed with Y over ...; and posted"), or with a
// conjunction after a comma.
func opensClause(toks []token, f int) bool {
	return f > 0 && (toks[f-1].h == hSemicolon && !toks[f].finite || toks[f-1].h == hComma && clauseOpeners.has(toks[f]))
}

// quotedAt reports whether toks[i], of the part of a sentence whose
// tokens before and after it are before and after, stands inside
// quotation marks: read over its block, where a quotation may open
// sentences before, else over the sentence.
func (sc *scratch) quotedAt(text string, before, toks, after []token, i int) bool {
	if sc.block != nil {
		return sc.quote.openAt(text, sc.block, toks[i].Start)
	}
	return inQuote(before, toks, after, i)
}

// tokenAt returns the index of the token of toks that starts at offset
// off, the source of a part of the sentence toks.
func tokenAt(toks []token, off int) int {
	return min(len(toks)-1, sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off }))
}

// afterThat reports whether the token starting at off follows "that" or a
// free relative.
func afterThat(toks []token, off int) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i].Start == off {
			return toks[i-1].h == hThat || freeRelatives.has(toks[i-1])
		}
	}
	return false
}

// cut is where a clause may end: before toks[at], which is left out of
// both clauses when it is punctuation and starts the next when a
// conjunction.
type cut struct {
	at   int
	keep bool
}

// clauseCuts appends to cuts where clauses of a sentence may end: its
// semicolons, commas and dashes, and before a conjunction that opens a
// clause. signed reports a dash after a closing quotation mark, where
// signedQuote looks for a signature: asked in the same pass, so that the
// parts of a unit that holds none need not read it again.
func clauseCuts(cuts []cut, toks []token) (_ []cut, signed bool) {
	// By index, not by range: a range copies each 40-byte token.
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		// The marks are punctuation and the openers words: the kind, in
		// the token, is cheaper to ask first than the sets.
		switch t.kind {
		case tokPunct:
			dash := dashes.has(*t)
			signed = signed || dash && closingQuotes.has(toks[i-1])
			if t.h == hSemicolon || t.h == hComma || dash {
				cuts = append(cuts, cut{at: i})
			}
		case tokWord:
			if clauseOpeners.has(*t) && toks[i-1].kind != tokPunct {
				cuts = append(cuts, cut{at: i, keep: true})
			}
		}
	}
	return cuts, signed
}

var (
	hSemicolon    = hashWord(";")
	clauseOpeners = newWordSet("and but while although though because whereas when as after before since")
)

// tokRange is the tokens [from, to) of a sentence.
type tokRange struct{ from, to int }

// clauseRanges appends to out the token ranges a sentence of n tokens
// cut at cuts falls into.
func clauseRanges(out []tokRange, n int, cuts []cut) []tokRange {
	from := 0
	for _, c := range cuts {
		if c.at > from {
			out = append(out, tokRange{from, c.at})
		}
		from = c.at + 1
		if c.keep {
			from = c.at
		}
	}
	if n > from {
		out = append(out, tokRange{from, n})
	}
	return out
}

// sortedEntities returns ents sorted by start, copying only when needed.
func sortedEntities(ents []entity.Entity) []entity.Entity {
	less := func(a, b entity.Entity) bool { return a.Start < b.Start }
	if sort.SliceIsSorted(ents, func(i, j int) bool { return less(ents[i], ents[j]) }) {
		return ents
	}
	out := append([]entity.Entity(nil), ents...)
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}

// entitiesIn returns the entities of sorted ents that lie inside s.
func entitiesIn(ents []entity.Entity, s span.Span) []entity.Entity {
	in, _ := entitiesFrom(ents, s, 0)
	return in
}

// entitiesFrom is entitiesIn, searching from ents[from] on when every
// entity before it starts before s, as when the spans asked come in text
// order; next is the from of the next span asked.
func entitiesFrom(ents []entity.Entity, s span.Span, from int) (in []entity.Entity, next int) {
	if from > len(ents) || from > 0 && ents[from-1].Start >= s.Start {
		from = 0
	}
	i := firstFrom(len(ents), from, func(i int) bool { return ents[i].Start >= s.Start })
	j := i
	for j < len(ents) && ents[j].Start < s.End {
		j++
	}
	out := ents[i:j]
	for k := range out {
		if out[k].End > s.End {
			return out[:k], j
		}
	}
	return out, j
}
