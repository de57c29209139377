package claim

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// signatureReach is how far from a block's end a signed quote's dash may
// stand: the dash, a name of maxQuoteSpeaker words and a stop.
const signatureReach = 120

// speakerOf returns the speaker of a whole block, block i of blocks (-1:
// none): every sentence of a transcript's turn ("PENCE: Well, ... . And
// ...") and of a quote that fills its paragraph and is signed at its end
// ("“... . ...” ― Ana Ruiz") is the speaker's, not only the sentence that
// names them.
func (d *Detector) speakerOf(text string, blocks []doc.Block, i int, ents []entity.Entity, sc *scratch) span.Span {
	if i < 0 {
		return span.Span{}
	}
	b := &blocks[i]
	if b.Kind == doc.Heading || b.Kind == doc.TableRow || b.Kind == doc.Code {
		return span.Span{}
	}
	if b.Kind == doc.Quote {
		if sp := d.quoteSigner(text, blocks, i, sc); !sp.Empty() {
			return sp
		}
	}
	body := text[b.Start:b.End]
	if !mayOpenTurn(body) && !(opensQuote(body) && signedNearEnd(body)) {
		return span.Span{}
	}
	toks := d.lex.vocab.tokenize(sc.blockToks[:0], text, b.Span)
	markNameDots(text, toks, d.split.Abbreviation)
	sc.blockToks = toks
	if p, _ := transcriptSpeaker(text, toks, entitiesIn(ents, b.Span)); !p.empty() {
		return spanOf(toks, p)
	}
	if p, _ := signedQuote(toks); !p.empty() && len(toks) > 0 && quotes.has(toks[0]) && onlyPunctAfter(toks, p.to) {
		return spanOf(toks, p)
	}
	return span.Span{}
}

// maxSignedQuoteBlocks is how many quote blocks a signature after them
// may sign: a longer run is a quoted thread or document, whose last line
// signs at most its own part.
const maxSignedQuoteBlocks = 8

// quoteSigner returns the signer of the block quote that b is part of: a
// run of quote blocks closed by one that is only a dash and a name, with
// an aside after a comma ("> — Ana Ruiz, harbour master"), as Markdown and
// HTML write a quote's attribution on a line of its own. Every sentence of
// the run is the signer's, whatever pronoun it speaks with ("We cannot
// ..."). It returns an empty span when no such signature follows.
func (d *Detector) quoteSigner(text string, blocks []doc.Block, i int, sc *scratch) span.Span {
	for j := i; j < len(blocks) && j-i < maxSignedQuoteBlocks && blocks[j].Kind == doc.Quote; j++ {
		if r, _ := utf8.DecodeRuneInString(text[blocks[j].Start:blocks[j].End]); !strings.ContainsRune("―—–-", r) {
			continue // only the signature is tokenized
		}
		toks := d.lex.vocab.tokenize(sc.blockToks[:0], text, blocks[j].Span)
		markNameDots(text, toks, d.split.Abbreviation)
		sc.blockToks = toks
		if e := nameRun(toks, 1); e > 1 && e-1 <= maxQuoteSpeaker && signatureEnd(toks, e) {
			return span.Span{Start: toks[1].Start, End: toks[len(toks)-1].End}
		}
		return span.Span{}
	}
	return span.Span{}
}

// signatureEnd reports whether the tokens from e, after a signature's
// name, are nothing or a short aside after a comma ("deputy mayor", "the
// trust's chair"), with no stop or verb in it that would make a sentence.
func signatureEnd(toks []token, e int) bool {
	if e == len(toks) {
		return true
	}
	if toks[e].h != hComma || len(toks)-e-1 > maxQuoteSpeaker {
		return false
	}
	for _, t := range toks[e+1:] {
		if t.finite || t.kind == tokPunct && t.h != hComma && t.kind != tokNameDot {
			return false
		}
	}
	return true
}

// mayOpenTurn reports a colon after at most maxQuoteSpeaker words at the
// start of a block, where a transcript names its speaker; it spares
// tokenizing the blocks that cannot.
func mayOpenTurn(body string) bool {
	head, _, ok := strings.Cut(body[:min(len(body), signatureReach)], ":")
	return ok && strings.Count(head, " ") < maxQuoteSpeaker
}

// opensQuote reports a block that starts with a quotation mark, of any
// kind: scraped news opens quotes with "”" too.
func opensQuote(body string) bool {
	r, _ := utf8.DecodeRuneInString(body)
	return strings.ContainsRune(`"“”'‘’«»`, r)
}

// signedNearEnd reports a dash or bar near the end of a block, where a
// quote's signature stands.
func signedNearEnd(body string) bool {
	tail := body[max(0, len(body)-signatureReach):]
	return strings.ContainsAny(tail, "―—–-")
}

// onlyPunctAfter reports whether toks[i:] are all punctuation.
func onlyPunctAfter(toks []token, i int) bool {
	for ; i < len(toks); i++ {
		if toks[i].kind != tokPunct {
			return false
		}
	}
	return true
}

// inTurn gives the claims of a sentence of a speaker's block the speaker
// for their source; a sentence that made no claim becomes one, attributed.
// The sentence that names the speaker has found it already.
func inTurn(claims []Claim, text string, s span.Span, speaker span.Span, sc *scratch) []Claim {
	if speaker.Empty() || s.Overlaps(speaker) {
		return claims
	}
	if len(claims) == 0 {
		claims = append(claims, Claim{Span: trimSpace(text, s)})
	}
	for i := range claims {
		c := &claims[i]
		c.Source = sc.newSource(Source{Span: speaker})
		c.Kinds = c.Kinds.Add(Attributed)
	}
	return claims
}

// inQuote reports whether toks[i] stands inside quotation marks: opened
// earlier in its sentence, whose tokens before and after toks are before
// and after (a straight double quote opens and closes in turn, curly ones
// by their side), or opened in a sentence before and closed later in this
// one ("We're looking at the needs of the people," Sanders said).
func inQuote(before, toks, after []token, i int) bool {
	open, straight := false, 0
	for _, part := range [2][]token{before, toks[:i]} {
		for k := range part {
			// Most tokens are words; a mark's kind is cheaper to ask
			// than its hash against three, and the token is not copied.
			t := &part[k]
			if t.kind != tokPunct {
				continue
			}
			switch t.h {
			case hStraightQuote:
				open = !open
				straight++
			case hOpenQuote:
				open = true
			case hCloseQuote:
				open = false
			}
		}
	}
	return open || closedLater([2][]token{toks[i+1:], after}, straight)
}

// closedLater reports whether the first quotation mark of the rest of a
// sentence closes a quote: a curly closing one, or a straight one when the
// sentence has an odd number of them and none before (straight counts
// those before).
func closedLater(rest [2][]token, straight int) bool {
	later := 0
	for _, part := range rest {
		for k := range part {
			t := &part[k]
			if t.kind != tokPunct {
				continue
			}
			switch t.h {
			case hCloseQuote, hOpenQuote:
				if later == 0 {
					return t.h == hCloseQuote
				}
			case hStraightQuote:
				later++
			}
		}
	}
	return straight == 0 && later%2 == 1
}

var (
	hStraightQuote = hashWord(`"`)
	hOpenQuote     = hashWord("“")
	hCloseQuote    = hashWord("”")
)

// quoteReach is how far past a sentence the close of a quotation still
// open at its end is looked for: a few sentences of its paragraph.
const quoteReach = 1500

// maxTailCue is how many tokens after a quotation's close its speaker and
// reporting verb may take ("," said Ana Ruiz, the harbour master, ...");
// chosen on PolNeAR train from 5, 8, 12 and 16.
const maxTailCue = 12

// maxBareTail is how many words a sentence of its own after a quotation
// (“... .” Okafor said.) may hold besides its source and cue, so that it
// only names who spoke: "told reporters", "said on Tuesday"; chosen on
// PolNeAR train from 2, 4 and 8. A sentence's last clause that names its
// speaker (speakerOnly) is held to the same.
const maxBareTail = 8

// quoteState is whether a quotation is open at an offset of a block, so
// the marks of a block are read once however many sentences it holds.
type quoteState struct {
	block *doc.Block
	// mark and markOpen are the offset and state of the start of the
	// sentence being read: an offset before it starts the block afresh.
	mark     int
	markOpen bool
	// marks are the quotation marks that start in text[mark:read], in
	// order: an offset asked again is answered from them, not by reading
	// the text again (every reporting verb of a sentence and of its parts
	// asks, out of order).
	marks []readMark
	read  int
	// scan is where readTo found each mark's lead byte, kept from one
	// call to the next: a sentence's verbs ask at offsets a few words
	// apart, and each call searched the block for all three bytes again.
	scan markScan
}

// readMark is a quotation mark read, with whether a quotation is open
// after it.
type readMark struct {
	quoteMark
	open bool
}

// openAt reports whether a quotation is open at offset at of block b.
func (q *quoteState) openAt(text string, b *doc.Block, at int) bool {
	open, _ := q.stateAt(text, b, at)
	return open
}

// stateAt reports whether a quotation is open at offset at of block b,
// and the offset past the marks that decide it: at, or the end of a mark
// that starts before at and ends after it, which is read whole.
func (q *quoteState) stateAt(text string, b *doc.Block, at int) (open bool, past int) {
	if q.block != b || at < q.mark {
		*q = quoteState{block: b, mark: b.Start, read: b.Start, marks: q.marks[:0], scan: newMarkScan(b.Start, b.End)}
	}
	if at > q.read {
		q.readTo(text, at)
	}
	k := sort.Search(len(q.marks), func(k int) bool { return q.marks[k].Start >= at })
	if k == 0 {
		return q.markOpen, max(at, q.mark)
	}
	return q.marks[k-1].open, max(at, q.marks[k-1].End)
}

// readTo reads the marks that start before at, on from those read.
func (q *quoteState) readTo(text string, at int) {
	i, open := max(q.read, q.mark), q.markOpen
	if n := len(q.marks); n > 0 {
		i, open = max(q.read, q.marks[n-1].End), q.marks[n-1].open
	}
	for m, ok := q.scan.next(text, i, at); ok; m, ok = q.scan.next(text, i, at) {
		open, i = m.opens(open), m.End
		q.marks = append(q.marks, readMark{quoteMark: m, open: open})
	}
	q.read = at
}

// markSentence keeps the state at offset at, the start of a sentence of
// block b, for the offsets of the sentence read again.
func (q *quoteState) markSentence(text string, b *doc.Block, at int) {
	q.markOpen, q.mark = q.stateAt(text, b, at)
	k := sort.Search(len(q.marks), func(k int) bool { return q.marks[k].Start >= q.mark })
	q.marks = append(q.marks[:0], q.marks[k:]...)
}

// quoteMark is a quotation mark found in text.
type quoteMark struct {
	span.Span
	// open and close say which way a curly mark faces; a straight one
	// (" or '') has neither and turns the quotation over.
	open, close bool
}

// opens returns whether a quotation is open after m, given whether one was
// open before it.
func (m quoteMark) opens(wasOpen bool) bool {
	switch {
	case m.open:
		return true
	case m.close:
		return false
	}
	return !wasOpen
}

// nextQuoteMark returns the first double quotation mark that starts in
// text[from:end]: “ ” " or the two apostrophes that some papers print for
// them, which may end past end; ok is false when there is none. A ” after
// a space and before a word opens, as scraped news writes it.
//
// It looks for the first bytes of marks with strings.IndexByte, none of
// which is ever inside another rune, rather than decoding every rune: the
// sentences and blocks it reads hold few marks, and reading them rune by
// rune cost 43 M of the claims' 567 M instructions on the 1 MB benchmark.
func nextQuoteMark(text string, from, end int) (quoteMark, bool) {
	s := newMarkScan(from, end)
	return s.next(text, from, end)
}

// markScan finds quotation marks in text[from:limit] for calls whose
// offsets only move on: each lead byte's offset found by one call serves
// the later calls until they pass it.
type markScan struct {
	// at is the offset of each of quoteLeads at or after the last
	// offset it was looked for from, limit when there is none before
	// limit, and below from when not looked for yet.
	at [len(quoteLeads)]int
	// from is the least offset the at offsets hold for, and limit the
	// end of the text they were looked for in.
	from, limit int
}

// newMarkScan returns a scan of text[from:limit], nothing looked for yet.
func newMarkScan(from, limit int) markScan {
	s := markScan{from: from, limit: limit}
	for k := range s.at {
		s.at[k] = from - 1
	}
	return s
}

// next is nextQuoteMark(text, from, end).
func (s *markScan) next(text string, from, end int) (quoteMark, bool) {
	if from < s.from || end > s.limit {
		*s = newMarkScan(from, max(end, s.limit))
	}
	s.from = from
	for i := from; i < end; i++ {
		first := end
		for k := range s.at {
			if s.at[k] < i {
				s.at[k] = s.limit
				if j := strings.IndexByte(text[i:s.limit], quoteLeads[k]); j >= 0 {
					s.at[k] = i + j
				}
			}
			first = min(first, s.at[k])
		}
		if first >= end {
			break
		}
		i = first
		if m, ok := quoteMarkAt(text, i); ok {
			return m, true
		}
	}
	return quoteMark{}, false
}

// quoteLeads are the bytes a quotation mark starts with: a straight
// double quote, an apostrophe, and the lead byte of the curly quotes.
const quoteLeads = "\"'\xe2"

// quoteMarkAt returns the quotation mark that starts at text[i], if any.
func quoteMarkAt(text string, i int) (quoteMark, bool) {
	m := quoteMark{Span: span.Span{Start: i, End: i + 1}}
	switch text[i] {
	case '"':
	case '\'':
		if i+1 >= len(text) || text[i+1] != '\'' {
			return m, false
		}
		m.End = i + 2
	default:
		if !strings.HasPrefix(text[i:], "“") && !strings.HasPrefix(text[i:], "”") {
			return m, false
		}
		m.End = i + len("“")
		m.open = strings.HasPrefix(text[i:], "“")
		if !m.open {
			m.close = !(i == 0 || isTrimmed(text[i-1])) || m.End >= len(text) || isTrimmed(text[m.End])
			m.open = !m.close
		}
	}
	return m, true
}

// closingQuote returns the mark that closes the quotation open at offset
// at of block b, within quoteReach; ok is false when the block has none.
func closingQuote(text string, b *doc.Block, at int) (quoteMark, bool) {
	end := min(b.End, at+quoteReach)
	for m, ok := nextQuoteMark(text, at, end); ok; m, ok = nextQuoteMark(text, m.End, end) {
		if !m.opens(true) {
			return m, true
		}
	}
	return quoteMark{}, false
}

// closingAfter returns the mark that closes the quotation sentence s ends
// in: the last mark of s, when it closes one (“... there.”), else the one
// later in its block that closes the quotation still open at its end.
func closingAfter(text string, b *doc.Block, s span.Span, q *quoteState) (quoteMark, bool) {
	t := trimSpace(text, s)
	for m, ok := nextQuoteMark(text, max(t.Start, t.End-len("”")), t.End); ok; m, ok = nextQuoteMark(text, m.End, t.End) {
		if m.End == t.End {
			return m, !m.opens(q.openAt(text, b, m.Start))
		}
	}
	if !q.openAt(text, b, s.End) {
		return quoteMark{}, false
	}
	return closingQuote(text, b, s.End)
}

// quoteCloser returns the source named right after the close of the
// quotation sentence s ends in, which closes at its end or later in its
// block: “We will rebuild the wall. The money is there,” Okafor said.
// gives Okafor to the first sentence as well as to the second. After a
// quotation that ends with a stop, the speaker's sentence must only name
// them (“... .” Okafor said.), not make a claim of its own. It returns nil
// when there is no such speaker.
func (d *Detector) quoteCloser(text string, b *doc.Block, s span.Span, ents []entity.Entity, sc *scratch) *Source {
	m, ok := closingAfter(text, b, s, &sc.quote)
	if !ok {
		return nil
	}
	// The tail keeps the mark: an inverted speaker ("," said Ana Ruiz)
	// follows the quotation's end.
	toks := d.lex.vocab.tokenize(sc.tailToks[:0], text, span.Span{Start: m.Start, End: min(b.End, m.End+signatureReach)})
	sc.tailToks = toks
	markNameDots(text, toks, d.split.Abbreviation)
	end := 0
	for end < len(toks) && !sentenceStop(text, toks[end]) {
		end++
	}
	if end == 0 {
		return nil
	}
	sc.toks = toks[:end]
	// The cue tagger's memo is by token of the unit read: these are new tokens.
	sc.cues.seen = sc.tailSeen
	sc.cues.reset(end)
	sc.tailSeen = sc.cues.seen
	tail := span.Span{Start: toks[0].Start, End: toks[end-1].End}
	mark := len(sc.speakers)
	c, ok := d.sentence(text, tail, entitiesIn(ents, tail), sc)
	sc.speakers = sc.speakers[:mark]
	if !ok || c.Source == nil || !cueNear(c, toks[min(end, maxTailCue)-1].End) {
		return nil
	}
	if stopBefore(text, m.Start) && words(toks[:end])-words(tokensIn(toks[:end], c.Source.Span))-attributedCues(c) > maxBareTail {
		return nil
	}
	return sc.newSource(*c.Source)
}

// sentenceStop reports a full stop, question or exclamation mark that ends
// a sentence, not the stop of a title or initial.
func sentenceStop(text string, t token) bool {
	if t.kind != tokPunct {
		return false
	}
	w := word(text, t)
	return w == "." || w == "!" || w == "?"
}

// cueNear reports an attributed cue of c that starts before offset end.
func cueNear(c Claim, end int) bool {
	for _, q := range c.Cues {
		if q.Kind == Attributed && q.Start < end {
			return true
		}
	}
	return false
}

// stopBefore reports a full stop, question or exclamation mark right
// before offset at: the quotation closing there ended its sentence.
func stopBefore(text string, at int) bool {
	return at > 0 && strings.ContainsRune(".!?", rune(text[at-1]))
}

// words counts the word tokens of toks.
func words(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.kind == tokWord || t.kind == tokNum {
			n++
		}
	}
	return n
}

// tokensIn returns the tokens of toks inside s.
func tokensIn(toks []token, s span.Span) []token {
	from, to := len(toks), 0
	for i, t := range toks {
		if s.Covers(t.Span) {
			from, to = min(from, i), i+1
		}
	}
	if from >= to {
		return nil
	}
	return toks[from:to]
}

// attributedCues counts the attributed cues of c.
func attributedCues(c Claim) int {
	n := 0
	for _, q := range c.Cues {
		if q.Kind == Attributed {
			n++
		}
	}
	return n
}

// quotedBy gives the claims of sentence s, whose sources, if any, stand
// inside the quotation s is part of, the quotation's source; a sentence
// that made no claim becomes one, attributed. Their reporting verbs speak
// inside the speaker's words ("“The board says it is safe.” Okafor
// said"), so they are not the speaker's cues.
func quotedBy(claims []Claim, text string, s span.Span, src *Source) []Claim {
	if len(claims) == 0 {
		claims = append(claims, Claim{Span: trimSpace(text, s)})
	}
	for i := range claims {
		c := &claims[i]
		c.Source = src
		c.Kinds = c.Kinds.Add(Attributed)
		c.Cues = slices.DeleteFunc(c.Cues, func(q Cue) bool { return q.Kind == Attributed })
	}
	return claims
}

// inQuotation gives the claims of sentence s, when s stands in a
// quotation of its paragraph and no claim of it has a source outside the
// quotation marks, the speaker named where the quotation closes (see
// quoteCloser) or, failing that, the one named before it in the paragraph
// (see quotedSpeaker). A source inside the marks speaks within the
// speaker's words ("“Nobody listens to us,” Okafor said": Okafor's).
// bi is the index of the block s starts in, -1 for none.
func (r *Run) inQuotation(claims []Claim, s span.Span, bi int) []Claim {
	if bi < 0 {
		return claims
	}
	b := &r.dc.Blocks[bi]
	if b.Kind != doc.Paragraph && b.Kind != doc.Quote {
		return claims
	}
	text, sc := r.dc.Text, &r.sc
	sc.quote.markSentence(text, b, s.Start)
	if src := r.outerSource(claims, b, s); src != nil {
		sc.quoted = quotedSpeaker{}
		if _, ok := nextQuoteMark(text, s.Start, s.End); ok {
			sc.quoted = quotedSpeaker{block: b, src: src}
		}
		return claims
	}
	if src := r.d.quoteCloser(text, b, s, r.ents, sc); src != nil {
		return quotedBy(claims, text, s, src)
	}
	if r.quotedSpeakerReaches(bi) && r.quotedSentence(b, s) {
		sc.quoted.block = b
		return quotedBy(claims, text, s, sc.quoted.src)
	}
	sc.quoted = quotedSpeaker{}
	return claims
}

// outerSource returns the last source of claims, those of sentence s of
// block b, that stands outside quotation marks, or nil. A source before
// s, a speaker's turn, is outside.
func (r *Run) outerSource(claims []Claim, b *doc.Block, s span.Span) *Source {
	var out *Source
	for _, c := range claims {
		if c.Source != nil && (c.Source.Start < s.Start || !r.sc.quote.openAt(r.dc.Text, b, c.Source.Start)) {
			out = c.Source
		}
	}
	return out
}

// quotedSpeaker is the source of the last sentence of a block that held a
// quotation and named its speaker outside it (“...,” Okafor said.): the
// quotation sentences after it in the block, and in the blocks after it
// that the quotation runs on into, are the speaker's too, until a
// sentence outside quotation marks, or one with a source of its own.
type quotedSpeaker struct {
	block *doc.Block
	src   *Source
}

// quotedSpeakerReaches reports whether the quotation speaker kept reaches
// block b: b is the speaker's block, or follows it and the quotation was
// still open at that block's end, as a quotation that runs over several
// paragraphs opens each with a mark and closes only the last.
func (r *Run) quotedSpeakerReaches(bi int) bool {
	q, b := r.sc.quoted, &r.dc.Blocks[bi]
	if q.src == nil || q.block == b {
		return q.src != nil
	}
	return bi > 0 && &r.dc.Blocks[bi-1] == q.block && q.block.Kind == b.Kind && r.sc.quote.openAt(r.dc.Text, q.block, q.block.End)
}

// quotedSentence reports whether sentence s of block b stands in
// quotation marks: it opens with one, or one is open at its start.
func (r *Run) quotedSentence(b *doc.Block, s span.Span) bool {
	text := r.dc.Text
	t := trimSpace(text, s)
	if m, ok := nextQuoteMark(text, t.Start, min(t.End, t.Start+len("“"))); ok && m.Start == t.Start {
		return m.opens(r.sc.quote.openAt(text, b, t.Start))
	}
	return r.sc.quote.openAt(text, b, t.Start)
}
