package doc

import (
	"strings"

	"github.com/margin-reader/margin/model/span"
)

// Builder assembles a Doc block by block. Text is appended inside an open
// block; closing it records the block's span. Blocks and marks take their
// place only when text arrives, so an empty paragraph, link or emphasis
// leaves nothing behind.
type Builder struct {
	text    strings.Builder
	blocks  []Block
	inlines []Inline
	open    *Block
	// marks are the inline marks open now, innermost last. A mark's Start
	// is -1 until text arrives for it in the open block.
	marks []Inline
}

// Grow makes room for n more bytes of text, so building a large document
// does not copy the text over and over as it grows.
func (b *Builder) Grow(n int) { b.text.Grow(n) }

// StartBlock opens a block of the given kind; it closes any open block first.
func (b *Builder) StartBlock(blk Block) {
	b.EndBlock()
	blk.Span = span.Span{Start: -1}
	b.open = &blk
}

// begin writes the separator before the open block's first text.
func (b *Builder) begin() {
	if b.open.Start >= 0 {
		return
	}
	if b.text.Len() > 0 || len(b.blocks) > 0 {
		b.text.WriteByte('\n')
	}
	b.open.Start = b.text.Len()
}

// Write appends text to the open block, opening a paragraph if none is open.
// Newlines inside a block are kept only in code blocks; elsewhere they
// become spaces, since a block is one reflowable unit.
func (b *Builder) Write(s string) {
	if s == "" {
		return
	}
	if b.open == nil {
		b.StartBlock(Block{Kind: Paragraph})
	}
	if b.open.Kind != Code {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	b.begin()
	// A mark starts at its first word, never on the space before it.
	if lead := len(s) - len(strings.TrimLeft(s, " ")); lead < len(s) {
		for i := range b.marks {
			if b.marks[i].Start < 0 {
				b.marks[i].Start = b.text.Len() + lead
			}
		}
	}
	b.text.WriteString(s)
}

// Len is the length of the text so far, the offset the next Write starts at.
func (b *Builder) Len() int { return b.text.Len() }

// StartCell marks the start of a table cell in the open table row.
func (b *Builder) StartCell() {
	if b.open == nil {
		return
	}
	b.begin()
	if len(b.open.Cells) > 0 {
		b.text.WriteByte('\t')
	}
	b.open.Cells = append(b.open.Cells, span.Span{Start: b.text.Len(), End: b.text.Len()})
}

// EndCell closes the open table cell.
func (b *Builder) EndCell() {
	if b.open == nil || len(b.open.Cells) == 0 {
		return
	}
	b.open.Cells[len(b.open.Cells)-1].End = b.text.Len()
}

// EndBlock closes the open block. A block left empty is dropped. Open
// marks end with the block and carry on with the next block's text.
func (b *Builder) EndBlock() {
	if b.open == nil {
		return
	}
	for i := range b.marks {
		b.record(b.marks[i])
		b.marks[i].Start = -1
	}
	blk := *b.open
	b.open = nil
	blk.End = b.text.Len()
	if blk.Start < 0 || blk.End == blk.Start {
		return
	}
	b.blocks = append(b.blocks, blk)
}

// StartInline opens an inline mark; it starts with the next word written.
func (b *Builder) StartInline(kind InlineKind, url string) {
	b.marks = append(b.marks, Inline{Span: span.Span{Start: -1}, Kind: kind, URL: url})
}

// EndInline closes the innermost open mark of the given kind.
func (b *Builder) EndInline(kind InlineKind) {
	for i := len(b.marks) - 1; i >= 0; i-- {
		if b.marks[i].Kind == kind {
			b.record(b.marks[i])
			b.marks = append(b.marks[:i], b.marks[i+1:]...)
			return
		}
	}
}

// Mark wraps what fill writes in a mark of the given kind. Emphasis inside
// emphasis of the same kind looks the same, so a kind already open (links
// aside) is not opened again; keeping one mark also keeps the document
// writable as markdown.
func (b *Builder) Mark(kind InlineKind, url string, fill func()) {
	if kind != Link && b.Within(kind) {
		fill()
		return
	}
	b.StartInline(kind, url)
	fill()
	b.EndInline(kind)
}

// Within reports whether a mark of the given kind is open.
func (b *Builder) Within(kind InlineKind) bool {
	for _, m := range b.marks {
		if m.Kind == kind {
			return true
		}
	}
	return false
}

// Marked reports whether any mark is open.
func (b *Builder) Marked() bool { return len(b.marks) > 0 }

// record keeps a mark that has text, ending it here.
func (b *Builder) record(m Inline) {
	if m.Start < 0 {
		return
	}
	m.End = b.text.Len()
	if m.End > m.Start {
		b.inlines = append(b.inlines, m)
	}
}

// Doc closes any open block and returns the document. Inline marks are
// sorted by start so callers can search them.
func (b *Builder) Doc() Doc {
	b.EndBlock()
	d := Doc{Text: b.text.String(), Blocks: b.blocks, Inlines: b.inlines}
	sortInlines(d.Inlines)
	return d
}

// Appender joins documents one after another into one, as a single
// Builder would have built them: the texts separated by the block
// separator and the later document's spans moved along. Its text only
// grows by appending, so every Doc it has returned stays valid and every
// span made over one stays true for the next.
type Appender struct {
	text    strings.Builder
	blocks  []Block
	inlines []Inline
}

// Grow makes room for n more bytes of text. A text that grows past its
// room moves to a larger one, and the documents returned before keep the
// old one alive: a reader of a large file held two or three copies of
// its text while it loaded, where room for all of it keeps one.
func (a *Appender) Grow(n int) { a.text.Grow(n) }

// Append adds d after what is there. d's spans are moved in place.
func (a *Appender) Append(d Doc) {
	if len(d.Blocks) == 0 && d.Text == "" {
		return
	}
	if a.text.Len() > 0 || len(a.blocks) > 0 {
		a.text.WriteByte('\n')
	}
	shift := a.text.Len()
	a.text.WriteString(d.Text)
	for _, b := range d.Blocks {
		b.Span = shifted(b.Span, shift)
		for i := range b.Cells {
			b.Cells[i] = shifted(b.Cells[i], shift)
		}
		a.blocks = append(a.blocks, b)
	}
	for _, in := range d.Inlines {
		in.Span = shifted(in.Span, shift)
		a.inlines = append(a.inlines, in)
	}
}

// Doc returns the document so far.
func (a *Appender) Doc() Doc {
	return Doc{Text: a.text.String(), Blocks: a.blocks, Inlines: a.inlines}
}

func shifted(s span.Span, n int) span.Span {
	return span.Span{Start: s.Start + n, End: s.End + n}
}
