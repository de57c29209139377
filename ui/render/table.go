package render

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// table is a run of table rows. Wide tables stay readable by fitting the
// columns to the width and wrapping cells inside their column: narrow
// columns keep their natural width and wide ones share what is left,
// none narrower than its longest word while the words all fit. In a
// column of 40 or fewer where they do not, a row is stacked instead
// ("heading: cell" lines; see stackWidth).
type table struct {
	first, last int // unit indices of the first and last row
	// natural is each column's widest cell, word its longest word and
	// figure its longest figure (a word of digits without letters).
	natural, word, figure []int
	width                 int
	cols                  []int
}

// cellSpans returns the cells of a row block; a row without cells is one
// cell.
func cellSpans(l *Layout, u int) []span.Span {
	b := l.doc.Blocks[l.units[u].block]
	if len(b.Cells) == 0 {
		return []span.Span{b.Span}
	}
	return b.Cells
}

// measure finds each column's natural width, once per table.
func (t *table) measure(l *Layout) {
	if t.natural != nil {
		return
	}
	t.natural = []int{}
	for u := t.first; u <= t.last; u++ {
		for c, s := range cellSpans(l, u) {
			if c >= len(t.natural) {
				t.natural, t.word, t.figure = append(t.natural, 1), append(t.word, 1), append(t.figure, 1)
			}
			cell := l.doc.Text[s.Start:s.End]
			t.natural[c] = max(t.natural[c], Width(cell))
			for _, w := range strings.Fields(cell) {
				t.word[c] = max(t.word[c], Width(w))
				if isFigure(w) {
					t.figure[c] = max(t.figure[c], Width(w))
				}
			}
		}
	}
}

const cellSep = " │ "

// columns returns the column widths at width w.
func (t *table) columns(l *Layout, w int) []int {
	t.measure(l)
	if t.cols != nil && t.width == w {
		return t.cols
	}
	n := len(t.natural)
	avail := w - len([]rune(cellSep))*(n-1)
	cols := fitColumns(t.natural, t.word, t.figure, avail)
	t.width, t.cols = w, cols
	return cols
}

// fitColumns shares avail columns among columns of the given natural
// widths: columns are served narrowest first, each getting its natural
// width or an equal share of what is left, whichever is smaller. When
// every column's longest word fits, no column is narrower than its own:
// an equal share split "Department" into "Departm" and "ent" beside
// columns of short numbers with room to spare. When they do not all fit,
// the figures still keep whole, the words around them breaking instead:
// at 40 columns "1,200,000" was drawn as "1,200,0" over "00", a figure
// misread.
func fitColumns(natural, word, figure []int, avail int) []int {
	n := len(natural)
	floor := floors(natural, word, avail)
	if floor == nil {
		floor = floors(natural, figure, avail)
	}
	if floor == nil {
		floor = make([]int, n)
		for c := range floor {
			floor[c] = 1
		}
	}
	cols := make([]int, n)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	// Insertion sort: tables have few columns.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && natural[order[j]] < natural[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	left := avail
	for c := range floor {
		left -= floor[c]
	}
	// What is left above the floors goes, narrowest first, to the columns
	// still short of their natural width: a column that needs less than
	// an equal share takes only that.
	for k, c := range order {
		share := max(left/(n-k), 3-floor[c], 0)
		extra := max(min(natural[c]-floor[c], share), 0)
		cols[c] = floor[c] + extra
		left -= extra
	}
	return cols
}

// floors is each column's narrowest width that keeps its longest of
// some kind of word (least) whole, at least 1; nil when they do not all
// fit in avail.
func floors(natural, least []int, avail int) []int {
	floor := make([]int, len(natural))
	total := 0
	for c := range floor {
		floor[c] = max(min(least[c], natural[c]), 1)
		total += floor[c]
	}
	if total > avail {
		return nil
	}
	return floor
}

// isFigure reports whether a word is a figure: it has a digit and no
// letter ("1,200,000", "+12%", "2023"), so that a break inside it reads
// as two numbers.
func isFigure(w string) bool {
	digit := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			return false
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return digit
}

// stackWidth is the widest text column at which a table whose longest
// words do not fit side by side is stacked: at 26 columns a grid of four
// columns cut "Concrete wall" into "Con", "cre", "te", "wal", "l", and at
// 36 (a window of 40) "nothing" into "nothi", "ng". Wider, a grid with a
// few words broken still shows more of the table at once.
const stackWidth = 40

// stacked reports whether the table is drawn a row at a time, each cell
// on lines of its own after its column's heading, at width w.
func (t *table) stacked(l *Layout, w int) bool {
	t.measure(l)
	if w > stackWidth || len(t.natural) < 2 {
		return false
	}
	return floors(t.natural, t.word, w-len([]rune(cellSep))*(len(t.natural)-1)) == nil
}

func (l *Layout) rowLines(lines []Line, u, w int) []Line {
	un := l.units[u]
	t := l.tables[un.table]
	if t.stacked(l, w) {
		return l.stackedLines(lines, u, w)
	}
	cols := t.columns(l, w)
	b := l.doc.Blocks[un.block]
	role := RoleText
	if b.Header {
		role = RoleTableHeader
	}
	cells := cellSpans(l, u)
	wrapped := make([][]span.Span, len(cols))
	height := 1
	for c := range cols {
		if c < len(cells) {
			wrapped[c] = wrapProse(l.doc.Text, cells[c].Start, cells[c].End, cols[c])
			height = max(height, len(wrapped[c]))
		}
	}
	for k := range height {
		var pieces []Piece
		ln := Line{Start: int(un.start), End: int(un.start)}
		for c, cw := range cols {
			if c > 0 {
				pieces = append(pieces, Piece{Lit: cellSep, Role: RoleTableBorder})
			}
			if k < len(wrapped[c]) {
				s := wrapped[c][k]
				before, after := aligned(b.ColumnAlign(c), cw-Width(l.doc.Text[s.Start:s.End]))
				if before > 0 {
					pieces = append(pieces, Piece{Role: role, Pad: before})
				}
				pieces = append(pieces, Piece{Start: s.Start, End: s.End, Text: true, Role: role, Pad: after})
				if ln.Start == ln.End && s.End > s.Start {
					ln.Start = s.Start
				}
				ln.End = max(ln.End, s.End)
				continue
			}
			pieces = append(pieces, Piece{Role: role, Pad: cw})
		}
		ln.Pieces = pieces
		lines = append(lines, ln)
	}
	if b.Header {
		parts := make([]string, len(cols))
		for c, cw := range cols {
			parts[c] = strings.Repeat("─", cw)
		}
		lines = append(lines, Line{Start: int(un.end), End: int(un.end),
			Pieces: []Piece{{Lit: strings.Join(parts, "─┼─"), Role: RoleTableBorder}}})
	}
	return lines
}

// aligned splits the room a cell's line leaves in its column into the
// spaces before and after it, as the column's alignment (a byte of
// doc.Block.Align) says: a right-aligned column of figures lines up on
// its last digits.
func aligned(align byte, room int) (before, after int) {
	switch align {
	case doc.AlignRight:
		return room, 0
	case doc.AlignCenter:
		return room / 2, room - room/2
	}
	return 0, room
}

// stackedLines draws row u of a stacked table: each cell after its
// column's heading ("Homes protected: 1,200"), or under it, indented,
// when the heading leaves the cell less than half the width; a rule
// ends each row. The heading row is drawn too, a heading a line, so a
// search match or a note in it has a place on screen.
func (l *Layout) stackedLines(lines []Line, u, w int) []Line {
	un := l.units[u]
	t := l.tables[un.table]
	rule := Line{Start: int(un.end), End: int(un.end), Pieces: []Piece{{Lit: strings.Repeat("─", w), Role: RoleTableBorder}}}
	if l.doc.Blocks[un.block].Header {
		for _, cell := range cellSpans(l, u) {
			if cell = trimmed(l.doc.Text, cell); cell.Empty() {
				continue // an empty heading drew a blank line
			}
			for _, s := range wrapProse(l.doc.Text, cell.Start, cell.End, w) {
				lines = append(lines, Line{Start: s.Start, End: s.End, Pieces: []Piece{{Start: s.Start, End: s.End, Text: true, Role: RoleTableHeader}}})
			}
		}
		return append(lines, rule)
	}
	var heads []span.Span
	if first := t.first; l.doc.Blocks[l.units[first].block].Header {
		heads = cellSpans(l, first)
	}
	cells := cellSpans(l, u)
	if len(heads) != len(cells) {
		// A heading over two columns, or a row of more or fewer cells:
		// the document keeps no spans of columns, so a heading by
		// position would name another column's cell ("Status: 14.5").
		// The heading row, drawn above, names them.
		heads = nil
	}
	for c, cell := range cells {
		lines = append(lines, l.stackedCell(stackedHead(l.doc.Text, heads, c), trimmed(l.doc.Text, cell), w)...)
	}
	return append(lines, rule)
}

// stackedHead is the label of column c's cells in a stacked table with
// the headings heads: its heading, or, where that heading is empty, the
// column's number, so that the cell does not read as more lines of the
// cell above it. With no headings there are no labels.
func stackedHead(text string, heads []span.Span, c int) string {
	if len(heads) == 0 {
		return ""
	}
	if c < len(heads) {
		if head := OneLine(trimmed(text, heads[c]).In(text)); head != "" {
			return head
		}
	}
	return fmt.Sprintf("Column %d", c+1)
}

// trimmed is s without the white space at its ends, no-break spaces
// included: pages pad cells with runs of "\u00a0 " that, on lines of their
// own under a cell's words, drew as blank lines.
func trimmed(text string, s span.Span) span.Span {
	cell := text[s.Start:s.End]
	left := strings.TrimLeftFunc(cell, unicode.IsSpace)
	return span.Span{Start: s.End - len(left), End: s.End - len(left) + len(strings.TrimRightFunc(left, unicode.IsSpace))}
}

// stackedCell is one cell's lines after its heading, its later lines
// lined up under its first; or, when the heading would take more than
// half the width and the cell does not fit whole beside it, under the
// heading, indented. An empty cell has none.
func (l *Layout) stackedCell(head string, cell span.Span, w int) []Line {
	var lines []Line
	label := ""
	if head != "" {
		label = head + ": "
	}
	indent := Width(label)
	if indent > w/2 && indent+Width(l.doc.Text[cell.Start:cell.End]) > w {
		label = strings.TrimSuffix(label, " ")
		for _, s := range wrapProse(label, 0, len(label), w) {
			lines = append(lines, Line{Start: cell.Start, End: cell.Start, Pieces: []Piece{{Lit: label[s.Start:s.End], Role: RoleTableHeader}}})
		}
		label, indent = "", 2
	}
	for k, s := range wrapProse(l.doc.Text, cell.Start, cell.End, w-indent) {
		var pieces []Piece
		switch {
		case k == 0 && label != "":
			pieces = append(pieces, Piece{Lit: label, Role: RoleTableHeader})
		case indent > 0:
			pieces = append(pieces, Piece{Role: RoleText, Pad: indent})
		}
		pieces = append(pieces, Piece{Start: s.Start, End: s.End, Text: true, Role: RoleText})
		lines = append(lines, Line{Start: s.Start, End: s.End, Pieces: pieces})
	}
	if len(lines) > 0 && lines[len(lines)-1].End == cell.Start {
		return nil // a heading over an empty cell
	}
	return lines
}
