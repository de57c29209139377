package claim

import (
	"strings"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// turnSpeaker is the speaker of a whole block: every sentence of a
// transcript's turn ("PENCE: Well, ... . And ...") and of a quote that
// fills its paragraph and is signed at its end ("“... . ...” ― Ana Ruiz")
// is the speaker's, not only the sentence that names them.
type turnSpeaker struct {
	block *doc.Block
	span.Span
}

// signatureReach is how far from a block's end a signed quote's dash may
// stand: the dash, a name of maxQuoteSpeaker words and a stop.
const signatureReach = 120

// speakerOf returns the speaker of block i of blocks (-1: none), the
// block holding the sentence being read, finding it once per block.
func (d *Detector) speakerOf(text string, blocks []doc.Block, i int, ents []entity.Entity, sc *scratch) span.Span {
	if i < 0 {
		return span.Span{}
	}
	b := &blocks[i]
	if b.Kind == doc.Heading || b.Kind == doc.TableRow || b.Kind == doc.Code {
		return span.Span{}
	}
	if sc.turn.block == b {
		return sc.turn.Span
	}
	sc.turn = turnSpeaker{block: b}
	if b.Kind == doc.Quote {
		if sc.turn.Span = d.quoteSigner(text, blocks, i, sc); !sc.turn.Empty() {
			return sc.turn.Span
		}
	}
	body := text[b.Start:b.End]
	if !mayOpenTurn(body) && !(opensQuote(body) && signedNearEnd(body)) {
		return span.Span{}
	}
	toks := tokenize(sc.blockToks[:0], text, b.Span)
	markNameDots(text, toks, d.split.Abbreviation)
	sc.blockToks = toks
	if p, _ := transcriptSpeaker(text, toks, entitiesIn(ents, b.Span)); !p.empty() {
		sc.turn.Span = spanOf(toks, p)
	} else if p, _ := signedQuote(toks); !p.empty() && len(toks) > 0 && quotes.has(toks[0]) && onlyPunctAfter(toks, p.to) {
		sc.turn.Span = spanOf(toks, p)
	}
	return sc.turn.Span
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
		toks := tokenize(sc.blockToks[:0], text, blocks[j].Span)
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
func inTurn(claims []Claim, text string, s span.Span, speaker span.Span) []Claim {
	if speaker.Empty() || s.Overlaps(speaker) {
		return claims
	}
	if len(claims) == 0 {
		claims = append(claims, Claim{Span: trimSpace(text, s)})
	}
	for i := range claims {
		c := &claims[i]
		c.Source = &Source{Span: speaker}
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
		for _, t := range part {
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
		for _, t := range part {
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
