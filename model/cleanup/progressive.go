package cleanup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
)

// Look-ahead: how much of the text after a block the rules need before
// the block is final. Progressive holds back no more than this, so the
// start of a long article can be shown while the rest is cleaned.
//
//   - The title needs the first titleEcho+1 blocks: a headline is told
//     from a sentence cut short by its copies and by the block after it.
//   - The byline needs the first bylineBlocks final blocks.
//   - A paragraph needs the block after it: that block may carry its
//     sentence on (the two are joined, and the joined paragraph needs the
//     block after that) or show it to be a heading.
//
// Lines are split into blocks a group at a time, cut only where no rule
// looks back across: after a blank line, at a line that is not widget
// text and does not start in lower case (which could continue the list
// item above it).

// Progressive cleans a text a group of lines at a time, as the text
// comes (Add) or given whole (NewProgressive). Its result is the same as
// Clean's, built by appending: the text only grows, so every span made
// over an earlier result stays valid.
type Progressive struct {
	// text is the text added and joined, line ends normalised; what is
	// before pos is split into blocks, and dropped when more is joined.
	text string
	pos  int
	// added is the text added since the last join, and its length.
	added      []string
	addedBytes int
	// heldCR is a CR at the end of what was added, which may be the
	// first half of a CRLF.
	heldCR bool
	// final says all of the text is added; hungry that the last Next
	// cleaned nothing for want of more.
	final, hungry bool
	// dropped is how many bytes of the text came before text.
	dropped int
	widgets boilerplate
	ends    map[string]bool
	// head holds the first blocks until the title can be decided.
	head   []block
	titled bool
	title  string
	join   joiner
	// top holds the first final blocks until the byline can be found.
	top     []block
	bylined bool
	byline  string
	out     doc.Appender
	result  Result
}

// NewProgressive prepares text for cleaning in steps.
func NewProgressive(text string) *Progressive {
	p := NewStream()
	p.Add(text, true)
	return p
}

// NewStream prepares to clean a text that comes in pieces, by Add.
func NewStream() *Progressive {
	ends := wordSet(functionWordList)
	return &Progressive{
		widgets: loadBoilerplate(boilerplateList),
		ends:    ends,
		join:    joiner{ends: ends},
	}
}

// Add appends the next piece of the text; final says it is the last.
func (p *Progressive) Add(text string, final bool) {
	p.added = append(p.added, text)
	p.addedBytes += len(text)
	p.final = final
}

// Hungry reports whether the last Next cleaned nothing because the text
// added so far ends before the next place where it may cut.
func (p *Progressive) Hungry() bool { return p.hungry }

// gather appends what was added to the text not yet split, and drops what
// was split, which the blocks made from it still hold.
func (p *Progressive) gather() {
	if len(p.added) == 0 && !(p.final && p.heldCR) {
		return
	}
	raw := strings.Join(p.added, "")
	if p.heldCR {
		raw = "\r" + raw
	}
	p.heldCR = !p.final && strings.HasSuffix(raw, "\r")
	if p.heldCR {
		raw = raw[:len(raw)-1]
	}
	p.dropped += p.pos
	p.text, p.pos = p.text[p.pos:]+normalizeNewlines(raw), 0
	p.added, p.addedBytes = nil, 0
}

// Next cleans about step more bytes of the text (more when no cut comes
// sooner) and returns the result so far and whether the text is all
// cleaned. The title and byline are known once the result has text.
// While the text is still coming, Next cleans nothing (and Hungry says
// so) until the text added goes past the next cut.
func (p *Progressive) Next(step int) (Result, bool) {
	step = max(step, 1)
	p.hungry = !p.final && len(p.text)-p.pos+p.addedBytes <= step
	if p.hungry {
		return p.result, false
	}
	p.gather()
	end := len(p.text)
	if step < end-p.pos || !p.final {
		if end = p.nextCut(step); end < 0 {
			p.hungry = true
			return p.result, false
		}
	}
	blocks := splitBlocks(p.text[p.pos:end], p.widgets)
	p.pos = end
	ended := end == len(p.text) && p.final
	p.emit(p.titleAndJoin(blocks, ended), ended)
	return p.result, ended
}

// Cleaned returns how many bytes of the text are cleaned, and how many
// are added.
func (p *Progressive) Cleaned() (done, total int) {
	return p.dropped + p.pos, p.dropped + len(p.text) + p.addedBytes
}

// titleAndJoin passes blocks through the title and the joins, and returns
// the blocks that became final.
func (p *Progressive) titleAndJoin(blocks []block, ended bool) []block {
	if !p.titled {
		if p.head == nil {
			p.head = blocks // not copied: cleaned in one step, blocks are many
		} else {
			p.head = append(p.head, blocks...)
		}
		if len(p.head) <= titleEcho && !ended {
			return nil
		}
		p.title, blocks = takeTitle(p.head, p.ends)
		p.titled, p.head = true, nil
	}
	if len(p.join.out) == 0 {
		// Joining only ever shortens, so it can fill blocks in place.
		p.join.out = blocks[:0]
	}
	for _, b := range blocks {
		p.join.add(b)
	}
	final := p.join.take(ended)
	if !p.bylined {
		p.top = append(p.top, final...)
		if len(p.top) < bylineBlocks && !ended {
			return nil
		}
		p.byline = findByline(p.top)
		final, p.bylined, p.top = p.top, true, nil
	}
	return final
}

// emit builds the final blocks and appends them to the result.
func (p *Progressive) emit(final []block, ended bool) {
	var b doc.Builder
	grow := 0
	for _, blk := range final {
		grow += len(blk.text) + 1
	}
	b.Grow(grow)
	for _, blk := range final {
		b.StartBlock(doc.Block{Kind: blk.kind, Level: blk.level, Marker: blk.marker})
		writeInline(&b, blk.text)
		b.EndBlock()
	}
	d := b.Doc()
	if ended && p.result.Doc.Text == "" && len(p.result.Doc.Blocks) == 0 {
		// Cleaned in one step: the built text is the result, uncopied.
		p.result = Result{Doc: d, Title: p.title, Byline: p.byline}
		return
	}
	p.out.Append(d)
	p.result = Result{Doc: p.out.Doc(), Title: p.title, Byline: p.byline}
}

// nextCut returns where the next group of lines ends: the first line at
// or after pos+step where splitting may start afresh, or the text's end
// once all of it is added; -1 when the text added ends before such a
// line is whole.
func (p *Progressive) nextCut(step int) int {
	blank := false
	for off := p.pos; off < len(p.text); {
		line := p.text[off:]
		next := len(p.text)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], off+i+1
		} else if !p.final {
			return -1
		}
		tidy := tidyLine(line)
		if off-p.pos >= step && blank && p.startsFresh(tidy) {
			return off
		}
		blank = tidy == ""
		off = next
	}
	if !p.final {
		return -1
	}
	return len(p.text)
}

// startsFresh reports whether a tidied line after a blank line begins
// blocks that depend on nothing before them.
func (p *Progressive) startsFresh(tidy string) bool {
	if tidy == "" || p.widgets.is(tidy) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tidy)
	return !unicode.IsLower(r)
}
