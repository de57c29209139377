package htmlpage

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/weblink"
)

// container is an open block quote or list item around the text being
// walked; the innermost one decides what kind a paragraph becomes.
type container struct {
	item   bool
	marker string // the list item's marker until its first paragraph takes it
}

// walker turns article HTML into a doc.Doc. Blocks open lazily, at the
// first word, so wrappers without text leave nothing behind.
type walker struct {
	b          doc.Builder
	base       *url.URL
	containers []container
	open       bool // a block is open in the builder
	has        bool // the open block has text
	space      bool // whitespace seen since the last word
	heading    int  // level of the heading being walked
	hashes     bool // the heading is a paragraph that starts "## "
	links      int  // depth of links; links do not nest
	// last is the last word written to the open block, which says whether
	// an address may start right after it.
	last string
	// captions are the class and id names of captions and credits.
	captions [][]string
	// furniture is the kind of the caption or byline element being
	// walked, Paragraph outside one.
	furniture doc.BlockKind
}

// skipped elements hold no article text. An image's alt text describes
// a picture and is no part of the text the page shows.
var skipped = map[atom.Atom]bool{
	atom.Img:    true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Form: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Svg: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Video: true,
	atom.Audio: true, atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
}

// blockish elements end the paragraph before and after them.
var blockish = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Figure: true,
	atom.Figcaption: true, atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true, atom.Address: true, atom.Center: true,
	atom.Hr: true, atom.Hgroup: true, atom.Fieldset: true, atom.Body: true, atom.Html: true,
}

var headings = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

var inlineKinds = map[atom.Atom]doc.InlineKind{
	atom.Em: doc.Emphasis, atom.I: doc.Emphasis, atom.Cite: doc.Emphasis, atom.Var: doc.Emphasis,
	atom.Strong: doc.Strong, atom.B: doc.Strong,
	atom.Code: doc.InlineCode, atom.Kbd: doc.InlineCode, atom.Samp: doc.InlineCode, atom.Tt: doc.InlineCode,
	atom.S: doc.Strike, atom.Del: doc.Strike, atom.Strike: doc.Strike,
}

func (w *walker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

func (w *walker) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
	case html.DocumentNode:
		w.children(n)
	case html.ElementNode:
		w.element(n)
	}
}

func (w *walker) element(n *html.Node) {
	if k := w.furnitureKind(n); k != doc.Paragraph && w.furniture == doc.Paragraph {
		w.endBlock()
		w.furniture = k
		w.content(n)
		w.endBlock()
		w.furniture = doc.Paragraph
		return
	}
	w.content(n)
}

// furnitureKind is Caption for a short figure caption or an element named
// as a caption or credit, Byline for a short byline element, else
// Paragraph. Only block elements count: a rel=author link inside a line
// "By <a>Jane Doe</a>, Reuters" is part of that line, which
// doc.MarkFurniture judges by its text.
func (w *walker) furnitureKind(n *html.Node) doc.BlockKind {
	if !blockish[n.DataAtom] {
		return doc.Paragraph
	}
	switch {
	case n.DataAtom == atom.Figcaption || named(n, w.captions):
		if _, short := shortText(n, maxCaption); short {
			return doc.Caption
		}
	case isBylineElement(n):
		if _, short := shortText(n, maxByline); short {
			return doc.Byline
		}
	}
	return doc.Paragraph
}

// finish returns the document walked. Captions that are much of the text
// are a gallery's, and its article, as dropCaptions judges: they stay
// paragraphs.
func (w *walker) finish() doc.Doc {
	d := w.b.Doc()
	captions := 0
	for _, b := range d.Blocks {
		if b.Kind == doc.Caption {
			captions += b.Len()
		}
	}
	if float64(captions) <= maxFurnitureShare*float64(len(d.Text)) {
		return d
	}
	for i := range d.Blocks {
		if d.Blocks[i].Kind == doc.Caption {
			d.Blocks[i].Kind = doc.Paragraph
		}
	}
	return d
}

// content walks element n's own markup and its children.
func (w *walker) content(n *html.Node) {
	a := n.DataAtom
	switch {
	case skipped[a]:
		return
	case headings[a] > 0:
		w.endBlock()
		w.heading = headings[a]
		w.children(n)
		w.endBlock()
		w.heading = 0
		return
	case blockish[a]:
		w.endBlock()
		w.children(n)
		w.endBlock()
		return
	}
	switch a {
	case atom.Blockquote:
		w.within(container{}, n)
	case atom.Ul, atom.Ol, atom.Menu:
		w.list(n)
	case atom.Li:
		w.within(container{item: true, marker: "•"}, n)
	case atom.Pre:
		w.endBlock()
		var sb strings.Builder
		preText(&sb, n)
		if code := trimBlankLines(sb.String()); code != "" {
			w.b.StartBlock(doc.Block{Kind: doc.Code, Lang: codeLang(n)})
			w.b.Write(code)
			w.b.EndBlock()
		}
	case atom.Table:
		w.endBlock()
		w.table(n)
		w.endBlock()
	case atom.Br:
		w.space = true
	case atom.A:
		href := w.resolve(attr(n, "href"))
		if href == "" || w.links > 0 {
			w.children(n)
			return
		}
		w.links++
		w.b.Mark(doc.Link, href, func() { w.children(n) })
		w.links--
	default:
		if kind, ok := inlineKinds[a]; ok {
			w.b.Mark(kind, "", func() { w.children(n) })
			return
		}
		w.children(n)
	}
}

func (w *walker) within(c container, n *html.Node) {
	w.endBlock()
	w.containers = append(w.containers, c)
	w.children(n)
	w.endBlock()
	w.containers = w.containers[:len(w.containers)-1]
}

func (w *walker) list(n *html.Node) {
	w.endBlock()
	ordered := n.DataAtom == atom.Ol
	num := 1
	if s, err := strconv.Atoi(attr(n, "start")); err == nil && ordered {
		num = s
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			w.node(c)
			continue
		}
		marker := "•"
		if ordered {
			if v, err := strconv.Atoi(attr(c, "value")); err == nil {
				num = v
			}
			marker = strconv.Itoa(num) + "."
			num++
		}
		w.within(container{item: true, marker: marker}, c)
	}
	w.endBlock()
}

// tableRow is a table's row that has text: its cells, td and th.
type tableRow struct {
	header bool
	cells  []*html.Node
}

func (w *walker) table(n *html.Node) {
	var rows []*html.Node
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				collect(c)
			case atom.Caption:
				w.element(c)
			}
		}
	}
	collect(n)
	var kept []tableRow
	width := 0
	for _, tr := range rows {
		r := tableRow{header: tr.Parent.DataAtom == atom.Thead}
		allTH := true
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				r.cells = append(r.cells, c)
				allTH = allTH && c.DataAtom == atom.Th
			}
		}
		if len(r.cells) == 0 || !hasText(tr) {
			continue
		}
		r.header = r.header || allTH
		kept = append(kept, r)
		width = max(width, len(r.cells))
	}
	if width*len(kept) > maxTableCells {
		w.rowsAsParagraphs(kept)
		return
	}
	align := columnAlign(kept, width)
	for _, r := range kept {
		w.b.StartBlock(doc.Block{Kind: doc.TableRow, Header: r.header, Align: align})
		w.open = true
		// Every row gets the table's width, as markdown tables have.
		for i := range width {
			w.space, w.has = false, false
			w.b.StartCell()
			if i < len(r.cells) {
				w.cell(r.cells[i])
			}
			w.b.EndCell()
		}
		w.endBlock()
	}
}

// maxTableCells bounds a table padded to its widest row: as many cells
// as a page within margin's bounds can hold elements. A ragged table
// past it (one row of 40,000 cells over 5,000 rows of one, half a
// megabyte of page) would become 200 million cells.
const maxTableCells = MaxElements

// rowsAsParagraphs writes each row of a table too big to pad as a
// paragraph of its cells.
func (w *walker) rowsAsParagraphs(rows []tableRow) {
	for _, r := range rows {
		for _, c := range r.cells {
			w.space = true
			w.cell(c)
		}
		w.endBlock()
	}
}

// columnAlign spells, as doc.Block.Align does, how each of a table's
// width columns is aligned: as the first of its cells that says, by an
// align attribute or a text-align style; "" when none does.
func columnAlign(rows []tableRow, width int) string {
	b := make([]byte, width)
	found := false
	for c := range b {
		b[c] = doc.AlignNone
		for _, r := range rows {
			if c < len(r.cells) {
				if a := cellAlign(r.cells[c]); a != doc.AlignNone {
					b[c], found = a, true
					break
				}
			}
		}
	}
	if !found {
		return ""
	}
	return string(b)
}

// alignClass carries a table cell's alignment through readability, which
// drops align and style attributes but keeps classes: markAlign gives a
// right-aligned cell the class "margin-align-r".
const alignClass = "margin-align-"

// markAlign gives each td and th under n that says how its text is
// aligned the class that says it once readability has dropped what did.
func markAlign(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			if a := cellAlign(c); a != doc.AlignNone {
				setClass(c, alignClass+string(rune(a)))
			}
			continue
		}
		markAlign(c)
	}
}

// setClass adds a class to n's.
func setClass(n *html.Node, class string) {
	for i, a := range n.Attr {
		if a.Key == "class" && a.Namespace == "" {
			n.Attr[i].Val = strings.TrimSpace(a.Val + " " + class)
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: class})
}

// cellAlign is how a td or th says its text is aligned: by the class
// markAlign gave it, its align attribute or its text-align style.
func cellAlign(n *html.Node) byte {
	for _, class := range strings.Fields(attr(n, "class")) {
		if a, ok := strings.CutPrefix(class, alignClass); ok && len(a) == 1 {
			switch a[0] {
			case doc.AlignLeft, doc.AlignRight, doc.AlignCenter:
				return a[0]
			}
		}
	}
	a := strings.ToLower(strings.TrimSpace(attr(n, "align")))
	if _, style, ok := strings.Cut(strings.ToLower(attr(n, "style")), "text-align"); ok {
		if _, v, ok := strings.Cut(style, ":"); ok {
			a, _, _ = strings.Cut(strings.TrimSpace(v), ";")
			a = strings.TrimSpace(a)
		}
	}
	switch a {
	case "left", "start":
		return doc.AlignLeft
	case "right", "end":
		return doc.AlignRight
	case "center":
		return doc.AlignCenter
	}
	return doc.AlignNone
}

// cell writes a table cell's text and marks; anything block-like inside
// it is flattened, since a cell is one run of text.
func (w *walker) cell(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			w.words(c.Data)
		case c.Type != html.ElementNode || skipped[c.DataAtom]:
		case c.DataAtom == atom.A && w.resolve(attr(c, "href")) != "" && w.links == 0:
			w.links++
			w.b.Mark(doc.Link, w.resolve(attr(c, "href")), func() { w.cell(c) })
			w.links--
		default:
			if kind, ok := inlineKinds[c.DataAtom]; ok {
				w.b.Mark(kind, "", func() { w.cell(c) })
			} else {
				w.space = true
				w.cell(c)
				w.space = true
			}
		}
	}
}

// hasText reports whether an element holds any visible text.
func hasText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return true
		case c.Type == html.ElementNode && !skipped[c.DataAtom]:
			if hasText(c) {
				return true
			}
		}
	}
	return false
}

// codeLang reads a language from class="language-go" on a <pre> or its
// <code>.
func codeLang(pre *html.Node) string {
	nodes := []*html.Node{pre}
	if c := pre.FirstChild; c != nil && c.DataAtom == atom.Code {
		nodes = append(nodes, c)
	}
	for _, n := range nodes {
		for _, class := range strings.Fields(attr(n, "class")) {
			for _, prefix := range []string{"language-", "lang-"} {
				if lang, ok := strings.CutPrefix(class, prefix); ok && lang != "" {
					return lang
				}
			}
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// resolve makes a link absolute against the page address. Links that go
// nowhere a reader can follow (scripts, in-page anchors) come back "".
func (w *walker) resolve(href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if w.base != nil {
		u = w.base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto", "ftp":
		return u.String()
	}
	return ""
}

// textBlock is the block text opens where the walk is.
func (w *walker) textBlock() doc.Block {
	if w.heading > 0 {
		return doc.Block{Kind: doc.Heading, Level: w.heading}
	}
	if w.furniture != doc.Paragraph {
		return doc.Block{Kind: w.furniture}
	}
	n := len(w.containers)
	if n == 0 {
		return doc.Block{Kind: doc.Paragraph}
	}
	inner := &w.containers[n-1]
	depth := 0
	for _, c := range w.containers {
		if c.item == inner.item {
			depth++
		}
	}
	if inner.item {
		blk := doc.Block{Kind: doc.ListItem, Level: depth - 1, Marker: inner.marker}
		inner.marker = ""
		return blk
	}
	return doc.Block{Kind: doc.Quote, Level: depth - 1}
}

func (w *walker) endBlock() {
	if w.open {
		w.b.EndBlock()
	}
	w.open, w.has, w.space = false, false, false
	if w.hashes {
		w.heading, w.hashes = 0, false
	}
}

// markdownHeading is the level of a markdown heading marker ("##") that
// a page's editor left in a paragraph, 0 for any other word.
func markdownHeading(word string) int {
	if len(word) > 6 || strings.Trim(word, "#") != "" {
		return 0
	}
	return len(word)
}

// text writes HTML text with whitespace collapsed to single spaces
// between words.
func (w *walker) text(s string) { w.words(s) }

// preText is the text of a <pre>, its line breaks kept.
func preText(sb *strings.Builder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			sb.WriteString(c.Data)
		case c.Type != html.ElementNode || skipped[c.DataAtom]:
		case c.DataAtom == atom.Br:
			sb.WriteByte('\n')
		default:
			preText(sb, c)
		}
	}
}

// trimBlankLines drops whitespace-only lines at both ends of code and the
// trailing whitespace of its last line.
func trimBlankLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimRight(s, " \t\n\r")
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimLeft(line, " \t\r") != "" {
			return s
		}
		s = rest
	}
}

func (w *walker) words(s string) {
	for s != "" {
		i := strings.IndexFunc(s, func(r rune) bool { return !isSpace(r) })
		if i < 0 {
			w.space = true
			return
		}
		if i > 0 {
			w.space = true
			s = s[i:]
		}
		j := strings.IndexFunc(s, isSpace)
		if j < 0 {
			j = len(s)
		}
		w.write(s[:j])
		s = s[j:]
	}
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// write puts text into the open block, opening one first, then a pending
// space.
func (w *walker) write(s string) {
	if level := markdownHeading(s); !w.open && level > 0 && w.heading == 0 && len(w.containers) == 0 {
		w.heading, w.hashes = level, true
		return
	}
	if !w.open {
		w.b.StartBlock(w.textBlock())
		w.open, w.has = true, false
	}
	wordStart := !w.has || w.space || weblink.StartsAfter(w.last)
	if w.space && w.has {
		w.b.Write(" ")
	}
	w.space = false
	w.writeLinked(s, wordStart)
	w.has, w.last = true, s
}

// writeLinked writes a word, marking an address written out in it as a
// link unless it is already inside one or is code.
func (w *walker) writeLinked(s string, wordStart bool) {
	if w.links > 0 || w.b.Within(doc.InlineCode) {
		w.b.Write(s)
		return
	}
	weblink.Write(&w.b, s, wordStart)
}
