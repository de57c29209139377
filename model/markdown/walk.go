package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/weblink"
)

// container is an open block quote or list item around the blocks being
// walked; the innermost one decides what kind a paragraph becomes.
type container struct {
	item bool
	// marker is the list item's bullet or number until the first block
	// inside the item has taken it.
	marker string
}

type walker struct {
	src []byte
	// str is src as a string, so text can be sliced out without copying.
	str        string
	b          doc.Builder
	containers []container
	// space is a soft line break waiting to become a space before the
	// next text in the same block, so none is left at a block's end.
	space bool
	// links counts the links the walk is inside; an image there is only
	// its alt text, since links do not nest.
	links int
	// has reports whether the open block has any text yet.
	has bool
	// align is the open table's column alignments, for each of its rows.
	align string
}

// leaf opens a block of the given kind, lets fill write its text and
// closes it. A list item's marker goes to the first of its paragraphs
// that gets any text; other blocks in the item (code, quotes, nested
// lists) leave it for the next.
func (w *walker) leaf(blk doc.Block, fill func()) {
	var item *container
	if n := len(w.containers); n > 0 && w.containers[n-1].item && blk.Kind == doc.ListItem {
		item = &w.containers[n-1]
		blk.Marker, item.marker = item.marker, ""
	}
	w.space, w.has = false, false
	w.b.StartBlock(blk)
	fill()
	w.b.EndBlock()
	w.space = false
	if item != nil && !w.has {
		item.marker = blk.Marker
	}
}

// textBlock is the block a paragraph becomes where the walk is: a list
// item, a quote or a plain paragraph.
func (w *walker) textBlock() doc.Block {
	n := len(w.containers)
	if n == 0 {
		return doc.Block{Kind: doc.Paragraph}
	}
	depth := 0
	inner := w.containers[n-1].item
	for _, c := range w.containers {
		if c.item == inner {
			depth++
		}
	}
	if inner {
		return doc.Block{Kind: doc.ListItem, Level: depth - 1}
	}
	return doc.Block{Kind: doc.Quote, Level: depth - 1}
}

// segment is the source text a segment covers.
func (w *walker) segment(seg text.Segment) string {
	if seg.Padding == 0 && seg.Start >= 0 && seg.Start <= seg.Stop && seg.Stop <= len(w.str) {
		return w.str[seg.Start:seg.Stop]
	}
	return string(seg.Value(w.src))
}

func (w *walker) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

func (w *walker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		w.leaf(w.textBlock(), func() { w.inlines(n) })
	case *ast.Heading:
		w.leaf(doc.Block{Kind: doc.Heading, Level: n.Level}, func() { w.inlines(n) })
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang = string(n.Language(w.src))
		}
		w.leaf(doc.Block{Kind: doc.Code, Lang: unescape(lang)}, func() { w.code(n) })
	case *ast.CodeBlock:
		w.leaf(doc.Block{Kind: doc.Code}, func() { w.code(n) })
	case *ast.HTMLBlock:
		w.leaf(w.textBlock(), func() { w.htmlBlock(n) })
	case *ast.Blockquote:
		w.containers = append(w.containers, container{})
		w.quote(n)
		w.containers = w.containers[:len(w.containers)-1]
	case *ast.List:
		w.list(n)
	case *east.Table:
		w.align = alignments(n.Alignments)
		w.children(n)
	case *east.TableHeader:
		if hasText(n, w.src) {
			w.leaf(doc.Block{Kind: doc.TableRow, Header: true, Align: w.align}, func() { w.cells(n) })
		}
	case *east.TableRow:
		if hasText(n, w.src) {
			w.leaf(doc.Block{Kind: doc.TableRow, Align: w.align}, func() { w.cells(n) })
		}
	case *ast.ThematicBreak:
		// A rule separates; the block separator already does.
	default:
		w.children(n)
	}
}

// quote walks a block quote's blocks. A GitHub alert ("> [!NOTE]" on
// the quote's first line, at the top level, as GitHub reads it) has its
// marker written as the label GitHub shows ("Note"), in a block of its
// own: neither goldmark nor glamour knows alerts.
func (w *walker) quote(q *ast.Blockquote) {
	label, p, rest := w.alert(q)
	if label == "" {
		w.children(q)
		return
	}
	w.leaf(w.textBlock(), func() { w.b.Mark(doc.Strong, "", func() { w.text(label) }) })
	if rest != nil {
		w.leaf(w.textBlock(), func() {
			for c := rest; c != nil; c = c.NextSibling() {
				w.inline(c)
			}
		})
	}
	for c := p.NextSibling(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

// alert returns the label of the GitHub alert q is, "" if none; the
// paragraph that opens with its marker; and that paragraph's first inline
// after the marker's line, nil if the marker is all it holds.
func (w *walker) alert(q *ast.Blockquote) (label string, p *ast.Paragraph, rest ast.Node) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || q.Parent() == nil || q.Parent().Kind() != ast.KindDocument || p.Lines().Len() == 0 {
		return "", nil, nil
	}
	line := p.Lines().At(0)
	if label = alertLabel(strings.TrimSpace(w.segment(line))); label == "" {
		return "", nil, nil
	}
	rest = p.FirstChild()
	for rest != nil {
		t, ok := rest.(*ast.Text)
		if !ok || t.Segment.Start >= line.Stop {
			break
		}
		rest = rest.NextSibling()
	}
	return label, p, rest
}

// alertLabel names the GitHub alert a marker line opens ("[!TIP]",
// in any case), "" for any other line.
func alertLabel(line string) string {
	switch strings.ToUpper(line) {
	case "[!NOTE]":
		return "Note"
	case "[!TIP]":
		return "Tip"
	case "[!IMPORTANT]":
		return "Important"
	case "[!WARNING]":
		return "Warning"
	case "[!CAUTION]":
		return "Caution"
	}
	return ""
}

func (w *walker) list(n *ast.List) {
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "•"
		if n.IsOrdered() {
			marker = strconv.Itoa(num) + "."
			num++
		}
		if box := taskBox(item); box != nil {
			marker = "☐"
			if box.IsChecked {
				marker = "☑"
			}
		}
		w.containers = append(w.containers, container{item: true, marker: marker})
		w.children(item)
		w.containers = w.containers[:len(w.containers)-1]
	}
}

// taskBox is the checkbox a GFM task list item starts with, if any.
func taskBox(item ast.Node) *east.TaskCheckBox {
	first := item.FirstChild()
	if first == nil {
		return nil
	}
	box, _ := first.FirstChild().(*east.TaskCheckBox)
	return box
}

// hasText reports whether an inline tree has any text to show; a table
// row without any is dropped like any other empty block.
func hasText(n ast.Node, src []byte) bool {
	switch n := n.(type) {
	case *ast.Text:
		return len(n.Value(src)) > 0
	case *ast.String:
		return len(n.Value) > 0
	case *ast.AutoLink:
		return true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if hasText(c, src) {
			return true
		}
	}
	return false
}

// alignments spells a table's column alignments as doc.Block.Align does:
// "" when no column has one, so that most tables cost their rows nothing.
func alignments(cols []east.Alignment) string {
	if !slices.ContainsFunc(cols, func(a east.Alignment) bool { return a != east.AlignNone }) {
		return ""
	}
	b := make([]byte, len(cols))
	for i, a := range cols {
		switch a {
		case east.AlignLeft:
			b[i] = doc.AlignLeft
		case east.AlignRight:
			b[i] = doc.AlignRight
		case east.AlignCenter:
			b[i] = doc.AlignCenter
		default:
			b[i] = doc.AlignNone
		}
	}
	return string(b)
}

func (w *walker) cells(row ast.Node) {
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		w.space = false
		w.b.StartCell()
		w.inlines(c)
		w.b.EndCell()
	}
}

// code writes a code block's lines, without the blank lines around them.
func (w *walker) code(n ast.Node) {
	var buf bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(w.src))
	}
	w.b.Write(trimBlankLines(buf.String()))
}

// trimBlankLines drops whitespace-only lines at both ends and the trailing
// whitespace of the last line.
func trimBlankLines(s string) string {
	s = strings.TrimRight(s, " \t\n")
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimLeft(line, " \t") != "" {
			return s
		}
		s = rest
	}
}

// htmlBlock keeps the text of raw HTML, without tags, scripts or styles.
func (w *walker) htmlBlock(n ast.Node) {
	var buf bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(w.src))
	}
	w.text(htmlText(buf.Bytes()))
}

// htmlText is the text between the tags of an HTML fragment, whitespace
// collapsed, with script and style contents dropped.
func htmlText(src []byte) string {
	z := html.NewTokenizer(bytes.NewReader(src))
	var sb strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(sb.String()), " ")
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "br", "p", "div", "li", "tr", "td", "th":
				sb.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip = max(skip-1, 0)
			case "p", "div", "li", "td", "th":
				sb.WriteByte(' ')
			}
		}
	}
}

func (w *walker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

// text writes inline text, after any pending space and the marks
// waiting for it. Tabs become spaces, since a tab in the text separates
// table cells.
func (w *walker) text(s string) {
	if s == "" {
		return
	}
	if w.space && w.has {
		w.b.Write(" ")
	}
	w.space = false
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", " ")
	}
	w.b.Write(s)
	w.has = true
}

// link marks n's text as a link to dest; an image becomes its alt text
// linked to the image. Inside a link (an image's alt text can hold one) the
// text stays plain, since links do not nest.
func (w *walker) link(n ast.Node, dest []byte) {
	if w.links > 0 {
		w.inlines(n)
		return
	}
	w.links++
	w.b.Mark(doc.Link, unescape(string(dest)), func() { w.inlines(n) })
	w.links--
}

func (w *walker) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := w.segment(n.Segment)
		switch {
		case n.IsRaw():
			w.text(v)
		case n.Segment.Start > 0 && n.Segment.Start <= len(w.str) && !weblink.StartsAfter(w.str[:n.Segment.Start]):
			// Mid-word, as after a closing delimiter: no link starts here.
			w.plain(v, false)
		default:
			w.plain(v, true)
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			w.space = true
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			w.text(string(n.Value))
		} else {
			w.text(unescape(string(n.Value)))
		}
	case *ast.CodeSpan:
		w.codeSpan(n)
	case *ast.Emphasis:
		kind := doc.Emphasis
		if n.Level >= 2 {
			kind = doc.Strong
		}
		w.b.Mark(kind, "", func() { w.inlines(n) })
	case *east.Strikethrough:
		w.b.Mark(doc.Strike, "", func() { w.inlines(n) })
	case *ast.Link:
		w.link(n, n.Destination)
	case *ast.Image:
		w.link(n, n.Destination)
	case *ast.AutoLink:
		url := string(n.URL(w.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		label := string(n.Label(w.src))
		if w.links > 0 {
			w.text(label)
			return
		}
		w.b.Mark(doc.Link, url, func() { w.text(label) })
	case *ast.RawHTML:
		// Inline tags are markup; the text between them is already text.
	case *east.TaskCheckBox:
		// Shown as the list item's marker.
	default:
		w.inlines(n)
	}
}

func (w *walker) codeSpan(n *ast.CodeSpan) {
	var sb strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Value(w.src)
			if l := len(v); l > 0 && v[l-1] == '\n' {
				v = v[:l-1]
				sb.Write(v)
				sb.WriteByte(' ')
			} else {
				sb.Write(v)
			}
		case *ast.String:
			sb.Write(t.Value)
		}
	}
	w.b.Mark(doc.InlineCode, "", func() { w.text(sb.String()) })
}

// unescape resolves backslash escapes and character references the way
// CommonMark reads text.
func unescape(s string) string {
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			i++
			sb.WriteByte(s[i])
		case c == '&':
			r, name, n := reference(s[i:])
			if n == 0 {
				sb.WriteByte(c)
				continue
			}
			if name != "" {
				sb.WriteString(name)
			} else {
				sb.WriteRune(r)
			}
			i += n - 1
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// reference reads a character reference ("&amp;", "&#233;", "&#xE9;") at
// the start of s: the rune or the named characters, and its length (0 if
// there is none).
func reference(s string) (r rune, chars string, n int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 40 {
		return 0, "", 0
	}
	body := s[1:end]
	if body[0] == '#' {
		digits, base, maxLen := body[1:], 10, 7
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base, maxLen = digits[1:], 16, 6
		}
		if digits == "" || len(digits) > maxLen {
			return 0, "", 0
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return 0, "", 0
		}
		r = rune(v)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return r, "", end + 1
	}
	for i := 0; i < len(body); i++ {
		if !util.IsAlphaNumeric(body[i]) {
			return 0, "", 0
		}
	}
	e, ok := util.LookUpHTML5EntityByName(body)
	if !ok {
		return 0, "", 0
	}
	return 0, string(e.Characters), end + 1
}
