package claim

import (
	"slices"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// aheadSentences is how many sentences readAhead reads at a time.
const aheadSentences = 32

// ahead is the first reading of the claim units of the next few
// sentences: their tokens, cuts and lexicon matches, with the cue
// tagger's answers, taken before any of their rules run. Reading them a
// batch at a time keeps the tokenizer's, the lexicon's and the tagger's
// code in the instruction cache for the batch, rather than having the
// rules push it out for every sentence. Each unit's parts are slices of
// the buffers, taken once the batch is read (they may move as it grows).
type ahead struct {
	units   []aheadUnit
	next    int
	toks    []token
	cuts    []cut
	matches []match
	seen    []int8
	// words are the units' words as check-worthiness takes them
	// (appendWords), read here rather than by the rules: on two cores
	// the rules' goroutine is the pipe's longest stage.
	words []checkworthy.Word
	// spans are the units of the sentence being read ahead.
	spans []span.Span
}

// aheadUnit is one claim unit read ahead: where its tokens, cuts,
// matches, memo and words end in the buffers (they start where the
// unit's before ends), whether it signs a quote (clauseCuts) and whether
// it reads as another language (foreign).
type aheadUnit struct {
	span.Span
	toks, cuts, matches, words int
	signed, foreign            bool
}

// readAhead reads into a the claim units of sentences, as Run.sentence
// will ask for them: the sentences it skips are skipped. It reads only
// d's tables and dc, never the run's state, so it may run on a goroutine
// of its own (reader).
func (a *ahead) readAhead(d *Detector, dc doc.Doc, sentences []span.Span) {
	text := dc.Text
	a.reset()
	from := 0
	for _, s := range sentences {
		if s.Start < 0 || s.End > len(text) || s.Empty() {
			continue
		}
		var b *doc.Block
		var bi int
		if bi, from = blockFrom(dc.Blocks, s.Start, from); bi >= 0 {
			b = &dc.Blocks[bi]
		}
		a.spans = claimUnits(a.spans[:0], b, s)
		for _, u := range a.spans {
			a.read(d, text, u, s.Start)
		}
	}
}

// reset empties a for a new batch.
func (a *ahead) reset() {
	a.units, a.next = a.units[:0], 0
	a.toks, a.cuts, a.matches, a.seen = a.toks[:0], a.cuts[:0], a.matches[:0], a.seen[:0]
	a.words = a.words[:0]
}

// read reads unit u ahead, its words' offsets from start, where its
// sentence starts.
func (a *ahead) read(d *Detector, text string, u span.Span, start int) {
	from := len(a.toks)
	a.toks = d.lex.vocab.tokenize(a.toks, text, u)
	toks := a.toks[from:]
	markNameDots(text, toks, d.split.Abbreviation)
	var signed bool
	a.cuts, signed = clauseCuts(a.cuts, toks)
	a.seen = slices.Grow(a.seen, len(toks))[:len(a.seen)+len(toks)]
	memo := cueMemo{seen: a.seen[from:]}
	clear(memo.seen)
	a.matches = d.lex.find(a.matches, text, toks, &memo)
	a.words = appendWords(a.words, toks, start)
	a.units = append(a.units, aheadUnit{
		Span: u, toks: len(a.toks), cuts: len(a.cuts), matches: len(a.matches), words: len(a.words),
		signed: signed, foreign: foreign(toks),
	})
}

// take gives sc the reading of unit u of the sentence that starts at
// start, the next unit read ahead (or read now, should it not be), and
// returns it with u's words. Each part is a slice with no room beyond
// it, so that no append to it writes into the next unit's.
func (a *ahead) take(d *Detector, text string, sc *scratch, u span.Span, start int) (aheadUnit, []checkworthy.Word) {
	if a.next == len(a.units) || a.units[a.next].Span != u {
		a.reset()
		a.read(d, text, u, start)
	}
	var prev aheadUnit
	if a.next > 0 {
		prev = a.units[a.next-1]
	}
	cur := a.units[a.next]
	a.next++
	sc.toks = a.toks[prev.toks:cur.toks:cur.toks]
	sc.cues.seen, sc.cues.base = a.seen[prev.toks:cur.toks:cur.toks], 0
	sc.cuts = a.cuts[prev.cuts:cur.cuts:cur.cuts]
	sc.matches, sc.matched = a.matches[prev.matches:cur.matches:cur.matches], true
	return cur, a.words[prev.words:cur.words:cur.words]
}
