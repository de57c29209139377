// Package doc holds an article's readable text together with its structure:
// blocks (paragraphs, headings, list items, quotes, code, table rows,
// captions and bylines) and inline marks (emphasis, links, code), each a
// span over the one text.
//
// Loaders for plain text, markdown and HTML all produce a Doc through a
// Builder, so everything downstream (analysis, notes, search, rendering)
// sees the same words the reader sees, with no markup inside them.
package doc

import "github.com/margin-reader/margin/model/span"

// BlockKind says what a block is.
type BlockKind uint8

const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	Quote
	Code
	TableRow
	// Caption is a picture's caption or credit line.
	Caption
	// Byline names who wrote the article ("By Jane Doe, Reuters").
	Byline
)

var blockKindNames = [...]string{"paragraph", "heading", "list-item", "quote", "code", "table-row", "caption", "byline"}

func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return "unknown"
}

// Block is one unit of layout. Blocks are in text order, do not overlap, and
// are separated in Text by a single "\n" (a blank line is never part of Text).
//
// The fields are in the order that packs them tightest (104 bytes, not
// 112): an article keeps one Block for each of its paragraphs.
type Block struct {
	span.Span
	// Level is the heading level (1-6) for headings and the nesting depth
	// (0 = top level) for list items and quotes.
	Level int
	// Marker is the list item's bullet or number ("•", "3."), empty otherwise.
	Marker string
	// Cells are the table row's cells; in Text they are separated by "\t".
	Cells []span.Span
	// Lang is a code block's language, if given.
	Lang string
	// Align is a table row's column alignments, one byte a column:
	// AlignLeft, AlignRight, AlignCenter, or AlignNone where the table
	// gives none (drawn as left). A column past its end has none.
	Align string
	Kind  BlockKind
	// Header marks a table's header row.
	Header bool
}

// The bytes of Block.Align.
const (
	AlignNone   = '-'
	AlignLeft   = 'l'
	AlignRight  = 'r'
	AlignCenter = 'c'
)

// ColumnAlign is the alignment of the table row's column c: AlignNone
// past the end of Align.
func (b *Block) ColumnAlign(c int) byte {
	if c >= len(b.Align) {
		return AlignNone
	}
	return b.Align[c]
}

// InlineKind says how a run of text is marked.
type InlineKind uint8

const (
	Emphasis InlineKind = iota
	Strong
	InlineCode
	Link
	Strike
)

var inlineKindNames = [...]string{"emphasis", "strong", "code", "link", "strike"}

func (k InlineKind) String() string {
	if int(k) < len(inlineKindNames) {
		return inlineKindNames[k]
	}
	return "unknown"
}

// Inline is a marked run of text inside one block.
type Inline struct {
	span.Span
	Kind InlineKind
	// URL is the link target, for links.
	URL string
}

// Doc is a readable text and its structure.
type Doc struct {
	Text    string
	Blocks  []Block  // sorted by Start
	Inlines []Inline // sorted by Start
}
