package cleanup

import (
	"strings"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/mojibake"
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
// looks back across (gathering.splitsAfresh): where no paragraph is
// being gathered and no list item can be carried on, or where a
// paragraph of longParagraph bytes or more ends at a line break the
// joins do not mend. So a text with single line breaks only is cut
// about every longParagraph bytes at a line that ends a sentence, and
// its start is shown as soon as its first blocks are; the cut needs only
// the lines on either side of it.

// Progressive cleans a text a group of lines at a time, as the text
// comes (Add) or given whole (NewProgressive). Its result is the same as
// Clean's, built by appending: the text only grows, so every span made
// over an earlier result stays valid.
type Progressive struct {
	// in is the text, taken a group of lines at a time.
	in *doc.Source
	// hungry says the last Next cleaned nothing for want of more text.
	hungry bool
	// cut is how far the search for the next cut has come.
	cut     cutScan
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
		in:      doc.NewSource(normalize, mojibake.Tail),
		widgets: loadBoilerplate(boilerplateList),
		ends:    ends,
		join:    joiner{ends: ends},
	}
}

// Add appends the next piece of the text; final says it is the last.
func (p *Progressive) Add(text string, final bool) { p.in.Add(text, final) }

// Grow makes room for n more bytes of cleaned text, about what the rest
// of the text will take, so the result is never copied as it grows.
func (p *Progressive) Grow(n int) { p.out.Grow(n) }

// Hungry reports whether the last Next cleaned nothing because the text
// added so far ends before the next place where it may cut.
func (p *Progressive) Hungry() bool { return p.hungry }

// Next cleans about step more bytes of the text (more when no cut comes
// sooner) and returns the result so far and whether the text is all
// cleaned. The title and byline are known once the result has text.
// While the text is still coming, Next cleans nothing (and Hungry says
// so) until the text added goes past the next cut.
func (p *Progressive) Next(step int) (Result, bool) {
	step = max(step, 1)
	final := p.in.Final()
	p.hungry = !final && p.in.Available() <= step
	if p.hungry {
		return p.result, false
	}
	rest := p.in.Rest()
	end := len(rest)
	if step < end || !final {
		if end = p.cut.next(rest, step, final, p.widgets, p.ends); end < 0 {
			p.hungry = true
			return p.result, false
		}
	}
	blocks := splitBlocks(rest[:end], p.widgets, p.ends)
	p.in.Take(end)
	p.cut = cutScan{}
	ended := end == len(rest) && final
	p.emit(p.titleAndJoin(blocks, ended), ended)
	return p.result, ended
}

// Cleaned returns how many bytes of the text are cleaned, and how many
// are added.
func (p *Progressive) Cleaned() (done, total int) {
	return p.in.Taken(), p.in.Taken() + p.in.Available()
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

// cutScan is where the search for the next cut stopped, for want of
// more text, so that the search goes on from there when more has come.
type cutScan struct {
	off, step int
	at        gathering
}

// next returns where the next group of lines of text ends: the first
// line at or after step where splitting may start afresh, or the text's
// end if it is final; -1 when the text ends before such a line is whole.
func (c *cutScan) next(text string, step int, final bool, widgets boilerplate, ends map[string]bool) int {
	if c.step != step {
		*c = cutScan{step: step}
	}
	for c.off < len(text) {
		line := text[c.off:]
		next := len(text)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], c.off+i+1
		} else if !final {
			return -1
		}
		tidy := tidyLine(line)
		role, _ := c.at.role(tidy, widgets, ends)
		if c.off >= step && c.at.splitsAfresh(role) {
			return c.off
		}
		c.at.see(role, tidy)
		c.off = next
	}
	if !final {
		return -1
	}
	return len(text)
}
