// Package render is margin's layout engine. It turns an article (one text,
// its blocks and inline marks) into lines for a given width, and draws
// those lines with every span layer that touches them merged into styled
// runs.
//
// Layout is lazy: the document is cut into units (a block, a slice of a very
// long block, or a table row) and a unit is wrapped only when a line of it
// is needed, with the result cached for the current width. Nothing ever
// wraps or styles the whole document, so opening, scrolling, resizing and
// drawing cost what the screen shows, not what the article holds. The same
// engine draws the reader's pane and the output of `margin render`.
package render

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// Role says how a piece of a line is styled before any layer is applied.
type Role uint8

const (
	RoleText Role = iota
	RoleHeading1
	RoleHeading
	RoleHeadingPrefix
	RoleCode
	RoleQuote
	RoleQuoteBar
	RoleMarker
	RoleTableHeader
	RoleTableBorder
	RoleTitle
	RoleByline
	RoleMeta
)

// Piece is a run of one line: either a span of the article's text or a
// literal (a list marker, a quote bar, a table border, header text).
type Piece struct {
	// Start and End are the text bytes shown, for text pieces.
	Start, End int
	// Lit is drawn instead of text when Text is false.
	Lit  string
	Text bool
	Role Role
	// Pad is the number of spaces drawn after the piece in its role's style.
	Pad int
}

// Line is one screen line of the layout.
type Line struct {
	Pieces []Piece
	// Start and End are the text bytes the line shows; Start == End on a
	// line without text (a gap, a border, the header), where Start is the
	// offset the line stands for.
	Start, End int
}

// Width returns the number of columns the line takes.
func (ln Line) Width(text string) int {
	w := 0
	for _, p := range ln.Pieces {
		if p.Text {
			w += Width(text[p.Start:p.End])
		} else {
			w += Width(p.Lit)
		}
		w += p.Pad
	}
	return w
}

// Header is what the reader shows above the article.
type Header struct {
	Title, Byline, Site, Published, Source string
	// Modified is when the page was last changed, shown when it differs
	// from Published.
	Modified string
	// Rates, Rating and Reviewer are a fact-check page's own verdict: the
	// claim it rates, the rating and who gave it.
	Rates, Rating, Reviewer string
	// Notice is an extra line, such as where a sample was copied to.
	Notice string
	Words  int
}

type unitKind uint8

const (
	unitHeader unitKind = iota
	unitBlock
	unitRow
)

// unit is one independently wrapped piece of the document. A layout keeps
// one for each block, so offsets take 32 bits (a text is under 1 GB: a
// file of at most 256 MB, a byte of it 3 of UTF-8 at most): 20 bytes a
// unit, not 32.
type unit struct {
	start, end int32
	block      int32
	table      int32
	kind       unitKind
	// cont marks a slice of a long block after its first.
	cont bool
	// gap is the number of blank lines before the unit.
	gap uint8
}

// maxUnit bounds the bytes wrapped at once; longer blocks are sliced at a
// sentence end or a space, which keeps every wrap cheap.
const maxUnit = 8 << 10

// maxCached bounds the wrapped units kept for the current width.
const maxCached = 512

// Layout lays out one document. It is not safe for concurrent use.
type Layout struct {
	doc       doc.Doc
	sentences []span.Span
	header    Header
	units     []unit
	tables    []*table
	width     int
	cache     map[int][]Line
}

// New returns the layout of d. Sentences (sorted) guide where very long
// blocks are sliced; h is shown above the text.
func New(d doc.Doc, sentences []span.Span, h Header) *Layout {
	l := &Layout{doc: d, sentences: sentences, header: h, cache: map[int][]Line{}}
	l.units = append(l.units, unit{kind: unitHeader, block: -1, table: -1})
	l.addBlocks(0)
	return l
}

// Extend returns the layout of d, a longer snapshot of the document l lays
// out: d's text and blocks start with l's, and sentences with the ones l
// was given (a block, once read, is final). l's units are kept and only
// d's new blocks are laid out, but for a table at the end of l, whose
// columns more rows can change, which is made again: loading a 20 MB
// article in steps then lays out each block once, not once a step. The
// result shares l's units, and writes past them or over the table's rows
// only the units l has there, so l stays as it was.
func (l *Layout) Extend(d doc.Doc, sentences []span.Span, h Header) *Layout {
	keep, tables := len(l.units), len(l.tables)
	from := len(l.doc.Blocks)
	if last := l.units[keep-1]; last.kind == unitRow {
		t := l.tables[last.table]
		keep, tables = t.first, int(last.table)
		from = int(l.units[t.first].block)
	}
	if !startsWith(d.Blocks, l.doc.Blocks[:from]) {
		return New(d, sentences, h)
	}
	n := &Layout{doc: d, sentences: sentences, header: h, units: l.units[:keep], tables: slices.Clone(l.tables[:tables]), cache: map[int][]Line{}}
	n.addBlocks(from)
	return n
}

// startsWith says whether blocks begins with the spans and kinds of prefix
// (checked at its ends only: a snapshot's blocks are the earlier ones'
// and more, so this catches a document that is not a longer snapshot).
func startsWith(blocks, prefix []doc.Block) bool {
	if len(blocks) < len(prefix) {
		return false
	}
	if len(prefix) == 0 {
		return true
	}
	same := func(i int) bool { return blocks[i].Span == prefix[i].Span && blocks[i].Kind == prefix[i].Kind }
	return same(0) && same(len(prefix)-1)
}

// addBlocks lays out the document's blocks from block i on.
func (l *Layout) addBlocks(i int) {
	for ; i < len(l.doc.Blocks); i++ {
		if b := l.doc.Blocks[i]; b.Kind == doc.TableRow {
			l.addRow(i, b)
		} else {
			l.addBlock(i, b)
		}
	}
}

func (l *Layout) addRow(i int, b doc.Block) {
	var prev *unit
	if n := len(l.units); n > 1 {
		prev = &l.units[n-1]
	}
	if prev == nil || prev.kind != unitRow || int(prev.block) != i-1 {
		l.tables = append(l.tables, &table{first: len(l.units)})
	}
	t := l.tables[len(l.tables)-1]
	t.last = len(l.units)
	u := unit{start: int32(b.Start), end: int32(b.End), block: int32(i), table: int32(len(l.tables) - 1), kind: unitRow}
	if t.first != len(l.units) {
		u.gap = 0
	} else {
		u.gap = l.gapBefore(b)
	}
	l.units = append(l.units, u)
}

func (l *Layout) addBlock(i int, b doc.Block) {
	gap := l.gapBefore(b)
	start := b.Start
	for first := true; start < b.End || first; first = false {
		end := l.sliceEnd(b, start)
		u := unit{start: int32(start), end: int32(end), block: int32(i), table: -1, kind: unitBlock, cont: !first}
		if first {
			u.gap = gap
		}
		l.units = append(l.units, u)
		start = end
		if b.Kind != doc.Code {
			for start < b.End && l.doc.Text[start] == ' ' {
				start++
			}
		} else if start < b.End && l.doc.Text[start] == '\n' {
			start++
		}
	}
}

// sliceEnd returns where the unit of b starting at start ends.
func (l *Layout) sliceEnd(b doc.Block, start int) int {
	if b.End-start <= maxUnit {
		return b.End
	}
	limit := start + maxUnit
	text := l.doc.Text
	if b.Kind == doc.Code {
		if i := strings.LastIndexByte(text[start:limit], '\n'); i > 0 {
			return start + i
		}
	} else {
		// The last sentence ending inside the window, if it is not tiny.
		k := sort.Search(len(l.sentences), func(k int) bool { return l.sentences[k].End > limit }) - 1
		if k >= 0 && l.sentences[k].End > start+maxUnit/2 && l.sentences[k].End <= b.End {
			return l.sentences[k].End
		}
		if i := strings.LastIndexByte(text[start:limit], ' '); i > 0 {
			return start + i
		}
	}
	for limit > start+1 && limit < len(text) && !isRuneStart(text[limit]) {
		limit--
	}
	return limit
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

// gapBefore returns the blank lines between the previous block and b.
func (l *Layout) gapBefore(b doc.Block) uint8 {
	if len(l.units) <= 1 {
		return 0
	}
	prev := l.units[len(l.units)-1]
	pb := l.doc.Blocks[prev.block]
	if pb.Kind == doc.ListItem && b.Kind == doc.ListItem {
		return 0
	}
	return 1
}

// Text returns the document's text.
func (l *Layout) Text() string { return l.doc.Text }

// Doc returns the document laid out.
func (l *Layout) Doc() doc.Doc { return l.doc }

// Units returns the number of units, the header included.
func (l *Layout) Units() int { return len(l.units) }

// Header returns the header.
func (l *Layout) Header() Header { return l.header }

// SetHeader replaces the header.
func (l *Layout) SetHeader(h Header) {
	l.header = h
	delete(l.cache, 0)
}

// Unit returns the unit that shows byte off of the text.
func (l *Layout) Unit(off int) int {
	n := len(l.units) - 1
	if n == 0 {
		return 0
	}
	i := sort.Search(n, func(i int) bool { return int(l.units[i+1].start) > off })
	if i == 0 {
		return 1
	}
	return i
}

// Lines returns the lines of unit u at width w.
func (l *Layout) Lines(u, w int) []Line {
	w = max(w, 8)
	if w != l.width {
		l.width = w
		clear(l.cache)
	}
	if lines, ok := l.cache[u]; ok {
		return lines
	}
	if len(l.cache) >= maxCached {
		clear(l.cache)
	}
	lines := l.build(u, w)
	l.cache[u] = lines
	return lines
}

func (l *Layout) build(u, w int) []Line {
	un := l.units[u]
	var lines []Line
	for range un.gap {
		lines = append(lines, l.gapLine(u))
	}
	switch un.kind {
	case unitHeader:
		return l.headerLines(w)
	case unitRow:
		return l.rowLines(lines, u, w)
	}
	return l.blockLines(lines, u, w)
}

// gapLine is a blank line before unit u; between two quotes it keeps the
// quote bar, so one quotation reads as one.
func (l *Layout) gapLine(u int) Line {
	un := l.units[u]
	ln := Line{Start: int(un.start), End: int(un.start)}
	prev := l.units[u-1]
	if prev.kind == unitHeader {
		return ln
	}
	b, pb := l.doc.Blocks[un.block], l.doc.Blocks[prev.block]
	if b.Kind == doc.Quote && pb.Kind == doc.Quote {
		ln.Pieces = []Piece{{Lit: strings.TrimRight(quoteBars(min(b.Level, pb.Level)), " "), Role: RoleQuoteBar}}
	}
	return ln
}

// headingMark is the mark before a heading below the first level: a
// square for a section, a smaller one for a subsection, a dot below. Not
// markdown's "#"s: a saved page's headings are not markdown, and a reader
// should never see a literal "####".
func headingMark(level int) string {
	switch level {
	case 2:
		return "■ "
	case 3:
		return "▪ "
	}
	return "· "
}

func quoteBars(level int) string { return strings.Repeat("│ ", level+1) }

// prefix returns the literal pieces before the first and the following
// lines of block b, their width and the role of its text.
func prefix(b doc.Block) (first, rest []Piece, w int, role Role) {
	switch b.Kind {
	case doc.Heading:
		if b.Level <= 1 {
			p := []Piece{{Lit: " ", Role: RoleHeading1}}
			return p, p, 2, RoleHeading1
		}
		mark := headingMark(b.Level)
		return []Piece{{Lit: mark, Role: RoleHeadingPrefix}},
			[]Piece{{Lit: "  "}}, 2, RoleHeading
	case doc.ListItem:
		marker := OneLine(b.Marker)
		if marker == "" {
			marker = "•"
		}
		indent := strings.Repeat("  ", b.Level)
		mw := Width(marker) + 1
		return []Piece{{Lit: indent}, {Lit: marker + " ", Role: RoleMarker}},
			[]Piece{{Lit: indent + strings.Repeat(" ", mw)}}, len(indent) + mw, RoleText
	case doc.Quote:
		p := []Piece{{Lit: quoteBars(b.Level), Role: RoleQuoteBar}}
		return p, p, 2 * (b.Level + 1), RoleQuote
	case doc.Code:
		p := []Piece{{Lit: "  "}}
		return p, p, 2, RoleCode
	case doc.Caption:
		// Muted like the header's meta line, as a paper sets captions
		// apart from the story.
		return nil, nil, 0, RoleMeta
	case doc.Byline:
		return nil, nil, 0, RoleByline
	}
	return nil, nil, 0, RoleText
}

// codeWrapped stands in a code block's margin before the rest of a line
// too long for the width: without it the rest read as a line of its own,
// at the indentation of the line's start.
var codeWrapped = []Piece{{Lit: "↪ ", Role: RoleTableBorder}}

func (l *Layout) blockLines(lines []Line, u, w int) []Line {
	un := l.units[u]
	b := l.doc.Blocks[un.block]
	first, rest, pw, role := prefix(b)
	if un.cont {
		first = rest
	}
	var spans []span.Span
	if b.Kind == doc.Code {
		spans = wrapCode(l.doc.Text, int(un.start), int(un.end), max(w-pw, 1))
	} else {
		spans = wrapFolded(l.doc.Text, int(un.start), int(un.end), max(w-pw, 1))
	}
	for i, s := range spans {
		pre := rest
		switch {
		case b.Kind == doc.Code && s.Start > b.Span.Start && l.doc.Text[s.Start-1] != '\n':
			pre = codeWrapped
		case i == 0:
			pre = first
		}
		pieces := make([]Piece, 0, len(pre)+1)
		pieces = append(pieces, pre...)
		if b.Kind == doc.Code {
			pieces = append(pieces, Piece{Start: s.Start, End: s.End, Text: true, Role: role})
		} else {
			pieces = append(pieces, proseLine(l.doc.Text, s.Start, s.End, role)...)
		}
		if role == RoleHeading1 {
			pieces[len(pieces)-1].Pad = 1
		}
		lines = append(lines, Line{Pieces: pieces, Start: s.Start, End: s.End})
	}
	return lines
}

// headerLines is the header in lines of w columns: the title unless the
// text opens with it, who and when, a fact check's verdict, the source,
// the reading time and the notice, then a blank line. No field takes more
// than maxFieldLines: a page's title or byline can be anything, and a
// title of 5,000 characters pushed the text off a screen of 66 lines.
func (l *Layout) headerLines(w int) []Line {
	h := l.header
	var lines []Line
	add := func(s string, role Role) {
		s = OneLine(s)
		if s == "" {
			return
		}
		wrapped := wrapProse(s, 0, len(s), w)
		for i, sp := range wrapped[:min(len(wrapped), maxFieldLines)] {
			lit := s[sp.Start:sp.End]
			if i == maxFieldLines-1 && len(wrapped) > maxFieldLines {
				lit = lit[:cut(lit, max(w-1, 1))] + "…"
			}
			lines = append(lines, Line{Pieces: []Piece{{Lit: lit, Role: role}}})
		}
	}
	if !l.titleInText() {
		add(h.Title, RoleTitle)
	}
	addFields := func(fields []string) {
		for _, line := range Flow(nonEmpty(fields), " · ", w) {
			add(line, RoleByline)
		}
	}
	addFields(l.bylineFields())
	addFields(verdictFields(h))
	// The source is a name: cut in its middle, never wrapped mid-name.
	if src := OneLine(h.Source); src != "" {
		lines = append(lines, Line{Pieces: []Piece{{Lit: Shorten(src, w), Role: RoleMeta}}})
	}
	add(readingTime(h.Words), RoleMeta)
	add(h.Notice, RoleMeta)
	return append(lines, Line{})
}

// maxFieldLines is the most lines a field of the header takes.
const maxFieldLines = 3

// bylineFields is who wrote the text and when: the byline, unless the
// text has it itself, the site, the date and the date of an update.
func (l *Layout) bylineFields() []string {
	h := l.header
	byline := h.Byline
	if l.bylineInText() {
		byline = ""
	}
	updated := ""
	if h.Modified != "" && h.Modified != h.Published {
		updated = "updated " + h.Modified
	}
	return []string{byline, h.Site, h.Published, updated}
}

// verdictFields is a fact check's claim, rating and reviewer; none for
// a text that is not a fact check.
func verdictFields(h Header) []string {
	if h.Rates == "" && h.Rating == "" {
		return nil
	}
	rates := ""
	if h.Rates != "" {
		rates = "Rates: ‘" + OneLine(h.Rates) + "’"
	}
	by := ""
	if h.Reviewer != "" {
		by = "by " + h.Reviewer
	}
	return []string{rates, h.Rating, by}
}

// readingTime is the header's count of words and minutes, at 230 words
// a minute. A text with no words says so, rather than "0 words · 1 min
// read", so an empty file does not look like one that failed to load.
func readingTime(words int) string {
	switch words {
	case 0:
		return "no words to read"
	case 1:
		return "1 word · 1 min read"
	}
	return thousands(words) + " words · " + duration(max(1, (words+115)/230)) + " read"
}

// duration says minutes past an hour in hours and minutes: "3,130 min"
// of a transcript had to be divided by 60 to be read.
func duration(minutes int) string {
	h, m := minutes/60, minutes%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return thousands(h) + " h"
	}
	return fmt.Sprintf("%s h %d min", thousands(h), m)
}

// nonEmpty is the fields that are not blank, each on one line: the
// header joins them with " · ", breaking lines between fields where it
// can, so that no line starts with the separator.
func nonEmpty(fields []string) []string {
	var out []string
	for _, f := range fields {
		if f = OneLine(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// titleInText reports whether the document opens with its title as a
// heading, in which case the header does not repeat it.
func (l *Layout) titleInText() bool {
	if len(l.doc.Blocks) == 0 || l.header.Title == "" {
		return false
	}
	b := l.doc.Blocks[0]
	return b.Kind == doc.Heading && OneLine(b.In(l.doc.Text)) == OneLine(l.header.Title)
}

// bylineInText reports whether the text has the header's byline in a
// byline block of its own near the top ("By Jane Doe"), as the header
// would then say it twice, one line apart. A block that is the byline and
// nothing else ("By Margin sample desk", which cleanup takes the byline
// from but leaves a paragraph, not being shaped like a name) counts too.
func (l *Layout) bylineInText() bool {
	if l.header.Byline == "" {
		return false
	}
	byline := OneLine(l.header.Byline)
	for _, b := range l.doc.Blocks[:min(len(l.doc.Blocks), 3)] {
		text := strings.TrimSpace(OneLine(b.In(l.doc.Text)))
		if b.Kind == doc.Byline && strings.Contains(text, byline) || text == "By "+byline {
			return true
		}
	}
	return false
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// MoreWords counts the words of text given words, the count of its first
// n bytes: only the rest is read, so a text that grows by appending is
// counted once however many times it grows.
func MoreWords(text string, n, words int) int {
	if n > 0 && n < len(text) && !isSpace[text[n-1]] && !isSpace[text[n]] {
		words-- // the word across byte n is counted again below
	}
	return words + Words(text[n:])
}

// Words counts the words of text: runs of bytes other than spaces and
// line breaks.
func Words(text string) int {
	n := 0
	prev := true
	for i := 0; i < len(text); i++ {
		sp := isSpace[text[i]]
		if prev && !sp {
			n++
		}
		prev = sp
	}
	return n
}

var isSpace = [256]bool{' ': true, '\n': true, '\t': true, '\r': true}

// OffsetAt is the text offset drawn at column col of the line, for a
// click: the start of the character there, else the nearest text (on a
// margin or a marker before it, the next; on the room after it, its
// last byte); -1 on a line without text (a gap, a border, the header).
func (ln Line) OffsetAt(text string, col int) int {
	best, at := -1, 0
	for _, p := range ln.Pieces {
		if !p.Text {
			at += Width(p.Lit) + p.Pad
			continue
		}
		s := text[p.Start:p.End]
		w := Width(s)
		switch {
		case col < at && best < 0:
			return p.Start
		case col < at:
			return best
		case col == at:
			return p.Start
		case col < at+w:
			// cut takes a first character wider than the room: a
			// column inside it is on it.
			if n := cut(s, col-at); Width(s[:n]) <= col-at {
				return p.Start + n
			}
			return p.Start
		}
		best = max(p.End-1, p.Start)
		at += w + p.Pad
	}
	return best
}
