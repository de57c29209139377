package markdown

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/mojibake"
)

// frontOrder is the order Format writes the keys margin knows; other keys
// follow, sorted.
var frontOrder = []string{"title", "byline", "site", "published", "source_url", "fetched_at"}

// Format writes d as markdown with front matter, so that Parse reads back
// the same text and structure. It is how fetched web pages are saved.
func Format(d doc.Doc, front Front) string {
	var sb strings.Builder
	sb.Grow(len(d.Text) + len(d.Text)/8 + 256)
	writeFront(&sb, front)
	f := formatter{d: d, sb: &sb, inlines: nestedInlines(d.Text, d.Inlines), leads: mojibake.Leads(d.Text)}
	for i := range d.Blocks {
		f.block(i)
	}
	if len(d.Blocks) > 0 {
		sb.WriteByte('\n')
	}
	return sb.String()
}

func writeFront(sb *strings.Builder, front Front) {
	if len(front) == 0 {
		return
	}
	keys := make([]string, 0, len(front))
	for _, k := range frontOrder {
		if _, ok := front[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range front {
		if !slices.Contains(frontOrder, k) && isKey(k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	keys = append(keys, rest...)
	sb.WriteString("---\n")
	for _, k := range keys {
		sb.WriteString(k)
		sb.WriteString(": ")
		sb.WriteString(yamlValue(front[k]))
		sb.WriteByte('\n')
	}
	sb.WriteString("---\n\n")
}

// yamlValue writes a value plain when YAML would read it back unchanged,
// and double-quoted otherwise.
func yamlValue(v string) string {
	plain := v != "" && v == strings.TrimSpace(v) &&
		!strings.ContainsAny(v[:1], "-?:,[]{}#&*!|>'\"%@`") &&
		!strings.Contains(v, ": ") && !strings.Contains(v, " #") && !strings.HasSuffix(v, ":")
	for _, r := range v {
		if r < ' ' || r == 0x7f || r == '\\' {
			plain = false
			break
		}
	}
	if plain {
		return v
	}
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range v {
		switch {
		case r == '"' || r == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\t':
			sb.WriteString(`\t`)
		case r < ' ' || r == 0x7f:
			sb.WriteString(`\x`)
			sb.WriteString(strconv.FormatInt(int64(r)|0x100, 16)[1:])
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

// mark is an inline mark as Format writes it.
type mark struct {
	doc.Inline
	// pad says where an empty HTML comment goes around the delimiters
	// (padBefore, padAfter), so that they open and close emphasis next
	// to a letter.
	pad uint8
	// under says the mark is written with "_" rather than "*": see
	// flanks.
	under bool
	// closes says the mark's "*" has punctuation on both sides inside a
	// mark written with "*" too, whose opening run it may close.
	closes bool
}

const (
	padBefore = 1 << iota
	padAfter
)

// nestedInlines orders the marks outermost first and drops any that cross
// another, since markdown can only nest them, and any emphasis that
// markdown would not read as emphasis however it is written.
func nestedInlines(text string, in []doc.Inline) []mark {
	out := slices.Clone(in)
	slices.SortStableFunc(out, func(a, b doc.Inline) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return b.End - a.End
		}
		// Code holds no other marks, so it goes innermost; a link goes
		// outermost, where its brackets are punctuation around the
		// emphasis inside and need none themselves.
		if c := boolInt(a.Kind == doc.InlineCode) - boolInt(b.Kind == doc.InlineCode); c != 0 {
			return c
		}
		return boolInt(b.Kind == doc.Link) - boolInt(a.Kind == doc.Link)
	})
	near := marksAt{start: map[int][]int{}, end: map[int][]int{}}
	for i, m := range out {
		near.start[m.Start] = append(near.start[m.Start], i)
		near.end[m.End] = append(near.end[m.End], i)
	}
	kept := make([]mark, 0, len(out))
	var open []mark
	var openAt []int // where in kept each open mark is
	for i, m := range out {
		if m.End > len(text) || m.Start < 0 {
			continue
		}
		for len(open) > 0 && open[len(open)-1].End <= m.Start {
			open, openAt = open[:len(open)-1], openAt[:len(openAt)-1]
		}
		if len(open) > 0 && m.End > open[len(open)-1].End {
			continue
		}
		if len(open) > 0 && open[len(open)-1].Kind == doc.InlineCode {
			continue
		}
		if m.Kind == doc.Link && slices.ContainsFunc(open, func(o mark) bool { return o.Kind == doc.Link }) {
			continue
		}
		within := slices.ContainsFunc(open, func(o mark) bool {
			return o.Start != m.Start && delimiter(o.Kind) == delimiter(m.Kind)
		})
		w, ok := flanks(text, out, i, near, within)
		if !ok {
			continue
		}
		// "_" inside "_" would meet the same trouble "_" avoids.
		w.under = w.under && !slices.ContainsFunc(open, func(o mark) bool { return o.under })
		if w.closes && !w.under {
			for k := len(open) - 1; k >= 0; k-- {
				if open[k].Start != m.Start && delimiter(open[k].Kind) == '*' {
					ownRun(kept, openAt[k])
					break
				}
			}
		}
		open, openAt = append(open, w), append(openAt, len(kept))
		kept = append(kept, w)
	}
	return kept
}

// ownRun makes the opening "*" of kept[o] a run of its own, parted by
// empty comments from the marks that open where it does: a "*" inside it
// with punctuation on both sides is then kept from closing it by
// CommonMark's rule of three, as a run of "**" and one "*" make three
// ("**" and "*" joined, "***", would let it).
func ownRun(kept []mark, o int) {
	for j := range kept {
		switch {
		case j == o || kept[j].Start != kept[o].Start || delimiter(kept[j].Kind) != '*':
		case j > o:
			kept[j].pad |= padBefore
		default:
			kept[o].pad |= padBefore
		}
	}
}

type formatter struct {
	d       doc.Doc
	sb      *strings.Builder
	inlines []mark
	next    int // first inline not yet written
	// leads are where the text holds mojibake that Parse would mend.
	leads []int
	// items holds, per list level, the column where an open item's
	// content starts; blocks inside a list are indented to it.
	items []int
	// markers holds, per list level, the marker of the open item.
	markers []string
	// prev is the previous block, to choose the separator.
	prev *doc.Block
}

func (f *formatter) indent() string {
	if len(f.items) == 0 {
		return ""
	}
	return strings.Repeat(" ", f.items[len(f.items)-1])
}

func (f *formatter) block(i int) {
	b := &f.d.Blocks[i]
	prev := f.prev
	f.prev = b
	switch {
	case b.Kind == doc.Paragraph, b.Kind.Furniture():
		f.items, f.markers = nil, nil
	case b.Kind != doc.ListItem && !f.continuesList(i):
		f.items, f.markers = nil, nil
	}
	switch b.Kind {
	case doc.ListItem:
		f.listItem(b, prev)
		return
	case doc.TableRow:
		f.tableRow(b, prev)
		return
	}
	f.separate(prev, "\n\n")
	ind := f.indent()
	switch b.Kind {
	case doc.Heading:
		level := min(max(b.Level, 1), 6)
		f.sb.WriteString(ind)
		f.sb.WriteString(strings.Repeat("#", level))
		f.sb.WriteByte(' ')
		f.inline(b, inHeading)
	case doc.Quote:
		f.sb.WriteString(ind)
		f.sb.WriteString(strings.Repeat("> ", max(b.Level, 0)+1))
		f.inline(b, 0)
	case doc.Code:
		f.code(b, ind)
	default:
		f.sb.WriteString(ind)
		f.inline(b, 0)
	}
}

// continuesList reports whether a list item's continuation follows block i
// before any paragraph or item of the outermost level, in which case
// block i must sit inside the item too; otherwise it is written outside
// the list. A nested item between them is inside the item as well.
func (f *formatter) continuesList(i int) bool {
	if len(f.items) == 0 {
		return false
	}
	for _, b := range f.d.Blocks[i+1:] {
		switch {
		case b.Kind == doc.Paragraph, b.Kind.Furniture():
			return false
		case b.Kind == doc.ListItem && (b.Marker == "" || b.Level <= 0):
			return b.Marker == ""
		}
	}
	return false
}

func (f *formatter) separate(prev *doc.Block, sep string) {
	if prev != nil {
		f.sb.WriteString(sep)
	}
}

// listKind tells bullets, task boxes and numbers apart, and reads the
// number of a numbered marker.
func listKind(marker string) (ordered bool, num int) {
	digits, ok := strings.CutSuffix(marker, ".")
	if !ok {
		digits, ok = strings.CutSuffix(marker, ")")
	}
	if !ok || digits == "" || len(digits) > 9 {
		return false, 0
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 {
		return false, 0
	}
	return true, n
}

func (f *formatter) listItem(b, prev *doc.Block) {
	level := max(b.Level, 0)
	if b.Marker == "" && level < len(f.items) {
		f.items, f.markers = f.items[:level+1], f.markers[:level+1]
		f.separate(prev, "\n\n")
		f.sb.WriteString(f.indent())
		f.inline(b, atLineStart)
		return
	}
	f.separate(prev, f.itemSeparator(b, prev, level))
	if level < len(f.items) {
		f.items, f.markers = f.items[:level], f.markers[:level]
	}
	col := 0
	if len(f.items) > 0 {
		col = f.items[len(f.items)-1]
	}
	f.sb.WriteString(strings.Repeat(" ", col))
	// Missing parent items are opened on the same line, so the item keeps
	// its nesting depth.
	for len(f.items) < level {
		f.sb.WriteString("- ")
		col += 2
		f.items, f.markers = append(f.items, col), append(f.markers, "•")
	}
	marker := "-"
	width := 2
	switch ordered, n := listKind(b.Marker); {
	case ordered:
		marker = strconv.Itoa(n) + "."
		width = len(marker) + 1
	case b.Marker == "☐":
		marker = "- [ ]"
	case b.Marker == "☑":
		marker = "- [x]"
	}
	f.sb.WriteString(marker)
	f.sb.WriteByte(' ')
	f.items, f.markers = append(f.items, col+width), append(f.markers, b.Marker)
	f.inline(b, atLineStart)
}

// itemSeparator keeps an item in the list it was in: a tight "\n" after
// the previous item when markdown would read it so, a blank line when a
// new list starts or a block inside the item comes between, and an empty
// HTML comment between two lists of the same kind, which markdown would
// otherwise join.
func (f *formatter) itemSeparator(b, prev *doc.Block, level int) string {
	if prev == nil || level > len(f.items) {
		return "\n\n"
	}
	sep := "\n\n"
	if prev.Kind == doc.ListItem && prev.Marker != "" {
		sep = "\n"
	}
	ordered, n := listKind(b.Marker)
	if level == len(f.items) {
		// A nested list; only a bullet or a 1 may interrupt the
		// paragraph above it.
		if !ordered || n == 1 {
			return sep
		}
		return "\n\n"
	}
	was, wasN := listKind(f.markers[level])
	switch {
	case was != ordered:
		return "\n\n"
	case !ordered || n == wasN+1:
		return sep
	}
	return "\n\n" + f.indentAt(level) + "<!-- -->\n\n"
}

func (f *formatter) indentAt(level int) string {
	if level == 0 || level > len(f.items) {
		return ""
	}
	return strings.Repeat(" ", f.items[level-1])
}

func (f *formatter) tableRow(b, prev *doc.Block) {
	if len(b.Cells) == 0 {
		f.separate(prev, "\n\n")
		f.sb.WriteString(f.indent())
		f.inline(b, 0)
		return
	}
	continues := prev != nil && prev.Kind == doc.TableRow && len(prev.Cells) > 0 && !b.Header
	if continues {
		f.sb.WriteByte('\n')
	} else {
		f.separate(prev, "\n\n")
	}
	ind := f.indent()
	if !continues && !b.Header {
		// A table must open with a header; an empty one is dropped
		// when read back.
		f.sb.WriteString(ind)
		f.sb.WriteString(strings.Repeat("|  ", len(b.Cells)))
		f.sb.WriteString("|\n")
		f.delimiter(ind, b)
		f.sb.WriteByte('\n')
		continues = true
	}
	f.sb.WriteString(ind)
	f.sb.WriteString("|")
	for _, c := range b.Cells {
		f.sb.WriteByte(' ')
		f.span(c, inTable|atLineStart)
		f.sb.WriteString(" |")
	}
	if !continues {
		f.sb.WriteByte('\n')
		f.delimiter(ind, b)
	}
	f.skipInlines(b.End)
}

// delimiter writes a table's delimiter row, with the columns' alignments.
func (f *formatter) delimiter(ind string, b *doc.Block) {
	f.sb.WriteString(ind)
	f.sb.WriteString("|")
	for c := range b.Cells {
		switch b.ColumnAlign(c) {
		case doc.AlignLeft:
			f.sb.WriteString(" :-- |")
		case doc.AlignRight:
			f.sb.WriteString(" --: |")
		case doc.AlignCenter:
			f.sb.WriteString(" :-: |")
		default:
			f.sb.WriteString(" --- |")
		}
	}
}

func (f *formatter) code(b *doc.Block, ind string) {
	text := b.In(f.d.Text)
	fence := "```"
	if strings.Contains(text, "`") || strings.Contains(b.Lang, "`") {
		fence = "~~~"
	}
	for strings.Contains(text, fence) {
		fence += fence[:1]
	}
	f.sb.WriteString(ind)
	f.sb.WriteString(fence)
	f.sb.WriteString(escapeText(strings.ReplaceAll(b.Lang, " ", ""), inInfo))
	f.sb.WriteByte('\n')
	for line := range strings.SplitSeq(text, "\n") {
		if line != "" {
			f.sb.WriteString(ind)
			f.sb.WriteString(line)
		}
		f.sb.WriteByte('\n')
	}
	f.sb.WriteString(ind)
	f.sb.WriteString(fence)
	f.skipInlines(b.End)
}

// skipInlines passes over marks that cannot be written inside a block.
func (f *formatter) skipInlines(end int) {
	for f.next < len(f.inlines) && f.inlines[f.next].Start < end {
		f.next++
	}
}

// Contexts that change what must be escaped.
const (
	atLineStart = 1 << iota
	inTable
	inHeading
	inLink
	afterBracket
	afterDelim  // just after the opening "*" or "~~" of a mark
	beforeDelim // just before the closing "*" or "~~" of a mark
	inInfo      // a code fence's info string, where no gap is folded and no HTML read
)

func (f *formatter) inline(b *doc.Block, ctx int) {
	f.span(b.Span, ctx|atLineStart)
	f.skipInlines(b.End)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// flanks reports whether "*" or "~~" around the mark marks[i] can open
// and close emphasis where it stands: the text inside must not start or
// end with a space, and punctuation just inside (another mark's delimiter
// counts) needs a space or punctuation just outside; where there is none,
// pad says to write an empty comment there. Of two marks with the same
// span the later one in marks is written inside. within says the mark
// opens inside another written with the same delimiter, whose closing
// an opening delimiter after a letter could be read as, so it is padded
// too. Such a mark whose "*" has punctuation on both sides could close
// the outer mark instead of opening its own (CommonMark's rule of three
// lets it whenever the runs' lengths allow), so it is written with "_",
// which cannot close a "*"; a "_" closes before a letter only with the
// comment after it, and not where the outer mark closes too, whose "*"
// after the "_" could no longer close before the letter. The classes are
// goldmark's, so Parse reads back what Format writes.
func flanks(text string, marks []doc.Inline, i int, near marksAt, within bool) (w mark, ok bool) {
	m := marks[i]
	w.Inline = m
	if m.Kind != doc.Emphasis && m.Kind != doc.Strong && m.Kind != doc.Strike {
		return w, true
	}
	first, _ := utf8.DecodeRuneInString(text[m.Start:m.End])
	last, _ := utf8.DecodeLastRuneInString(text[m.Start:m.End])
	before, after := ' ', ' '
	if m.Start > 0 {
		before, _ = utf8.DecodeLastRuneInString(text[:m.Start])
	}
	if m.End < len(text) {
		after, _ = utf8.DecodeRuneInString(text[m.End:])
	}
	var innerFirst, innerLast, outerBefore, outerAfter, outerEnds bool
	for _, j := range near.around(m) {
		if j == i {
			continue
		}
		o := marks[j]
		// Delimiters of the same character join one run, so they do not
		// count; others ("[", "`", "~~" next to "*", the comment Format
		// puts between touching stars) are punctuation.
		inside := m.Covers(o.Span) && (o.Span != m.Span || j > i)
		other := delimiter(o.Kind) != delimiter(m.Kind)
		innerFirst = innerFirst || (inside && o.Start == m.Start && other)
		innerLast = innerLast || (inside && o.End == m.End && other)
		outerBefore = outerBefore || o.End == m.Start || (!inside && o.Start == m.Start && other)
		outerAfter = outerAfter || o.Start == m.End || (!inside && o.End == m.End && other)
		outerEnds = outerEnds || (!inside && o.End == m.End)
	}
	// A space or tab just inside is written as a character reference,
	// which starts with "&" and ends with ";".
	space := func(r rune) bool { return r == ' ' || r == '\t' }
	if (!innerFirst && util.IsSpaceRune(first) && !space(first)) || (!innerLast && util.IsSpaceRune(last) && !space(last)) {
		return w, false
	}
	punctFirst := innerFirst || util.IsPunctRune(first) || space(first)
	punctLast := innerLast || util.IsPunctRune(last) || space(last)
	okBefore := outerBefore || util.IsSpaceRune(before) || util.IsPunctRune(before)
	okAfter := outerAfter || util.IsSpaceRune(after) || util.IsPunctRune(after)
	if !okBefore && (punctFirst || within) {
		w.pad |= padBefore
	}
	if punctLast && !okAfter {
		w.pad |= padAfter
	}
	punctBefore := outerBefore || util.IsPunctRune(before)
	w.closes = within && m.Kind != doc.Strike && punctBefore && punctFirst
	w.under = w.closes && (okAfter || !outerEnds)
	if w.under && !okAfter {
		w.pad |= padAfter
	}
	return w, true
}

// delimiter is the character a mark is written with, where it touches
// the text inside.
func delimiter(k doc.InlineKind) byte {
	switch k {
	case doc.Emphasis, doc.Strong:
		return '*'
	case doc.Strike:
		return '~'
	case doc.InlineCode:
		return '`'
	}
	return '['
}

// marksAt finds marks, by index, by where they start and end.
type marksAt struct{ start, end map[int][]int }

// around lists the marks that start or end where m starts or ends.
func (n marksAt) around(m doc.Inline) []int {
	var out []int
	for _, l := range [][]int{n.start[m.Start], n.start[m.End], n.end[m.Start], n.end[m.End]} {
		out = append(out, l...)
	}
	return out
}
