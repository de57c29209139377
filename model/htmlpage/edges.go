package htmlpage

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/margin-reader/margin/model/weblink"
)

// maxLinkShare is the share of a block's text in links above which the
// block is a list of links, not writing: a paragraph that cites its
// sources keeps most of its words outside them.
const maxLinkShare = 0.6

// dropEdges removes the links readability keeps: lists whose every item
// is a link and short blocks nearly all link, wherever they stand, then
// the blocks of links and the short blocks edges.txt names before the
// article's first words and after its last (breadcrumbs, "more from",
// next and previous stories, a bare date), and the headings left at its
// end with nothing under them.
func (f *furniture) dropEdges(article *html.Node) {
	dropLinkLists(article)
	leaves := leafBlocks(article)
	end := len(leaves)
	for end > 0 && (f.edgeFurniture(leaves[end-1]) || headings[leaves[end-1].DataAtom] > 0 || authorNote(leaves[end-1])) {
		end--
	}
	start := 0
	for start < end && f.edgeFurniture(leaves[start]) {
		start++
	}
	for _, n := range append(leaves[:start:start], leaves[end:]...) {
		n.Parent.RemoveChild(n)
	}
}

// edgeFurniture reports whether a block at the article's edge is
// furniture: links, or a short block edges.txt names, or a heading of
// links (listheads.txt) with the links gone from under it.
func (f *furniture) edgeFurniture(n *html.Node) bool {
	if linkDense(n) {
		return true
	}
	text, short := shortText(n, maxFurnitureText)
	return short && (matchesAny(f.edges, text) || matchesAny(f.listHeads, text))
}

// maxAuthorNote is the longest note about the author read as one: a few
// sentences on who they are and where to find them.
const maxAuthorNote = 600

// authorNoteStart is how a note about the author begins: the name, then
// what they are ("Ana Ruiz is a reporter who...", "Tom Lee was the...").
var authorNoteStart = regexp.MustCompile(`^\p{Lu}[\pL.'’-]*( \p{Lu}[\pL.'’-]*){1,3},? (is|was) (a|an|the)\b`)

// authorNote reports whether a block is a note about the author set
// apart in italics, as the article's last words are when it ends with
// one. The byline need not be known: dropBylines takes the short notes
// that start with it.
func authorNote(n *html.Node) bool {
	text, short := shortText(n, maxAuthorNote)
	return short && authorNoteStart.MatchString(text) && italic(n)
}

// italic reports whether all of a block's text is in <em>, <i> or <cite>.
func italic(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type == html.ElementNode && (c.DataAtom == atom.Em || c.DataAtom == atom.I || c.DataAtom == atom.Cite):
		case c.Type == html.ElementNode && !skipped[c.DataAtom] && !italic(c):
			return false
		}
	}
	return true
}

// leafBlocks are the blocks of text in document order that hold no block
// themselves, those with no text left out.
func leafBlocks(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node) bool
	// walk reports whether n holds a block.
	walk = func(n *html.Node) bool {
		holds := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			inner := walk(c)
			if isBlock(c) && !inner && hasText(c) {
				out = append(out, c)
			}
			holds = holds || inner || isBlock(c)
		}
		return holds
	}
	walk(n)
	return out
}

func isBlock(n *html.Node) bool {
	return blockish[n.DataAtom] || headings[n.DataAtom] > 0 || n.DataAtom == atom.Li ||
		n.DataAtom == atom.Table || n.DataAtom == atom.Blockquote || n.DataAtom == atom.Pre
}

// linkDense reports whether most of a block's text is link text.
func linkDense(n *html.Node) bool { return linkShare(n) >= maxLinkShare }

// linkShare is the share of a block's text that is link text.
func linkShare(n *html.Node) float64 {
	all := len(textOf(n))
	if all == 0 {
		return 0
	}
	return float64(all-plainTextLen(n)) / float64(all)
}

// dropBylines removes the blocks that are only the byline, "By" and a
// date around it or not (the page header shows it once), and the short
// notes about the author ("Ana Ruiz is a reporter who covers...").
func dropBylines(article *html.Node, byline string, thisYear int) {
	if byline == "" {
		return
	}
	bio := regexp.MustCompile(`(?i)^(about )?` + regexp.QuoteMeta(byline) + `\b[,:]?\s*(is|was|has|writes|covers|reports)\b`)
	for _, n := range leafBlocks(article) {
		text, short := shortText(n, maxFurnitureText)
		if short && (squash(bylineName(text, thisYear)) == squash(byline) || bio.MatchString(text)) {
			n.Parent.RemoveChild(n)
		}
	}
}

// dropTitle removes the article's first block when it is the page's
// title again: the header shows it.
func dropTitle(article *html.Node, title string) {
	leaves := leafBlocks(article)
	if title == "" || len(leaves) == 0 {
		return
	}
	if text, short := shortText(leaves[0], len(title)+len(title)/2); short && squash(text) == squash(title) {
		leaves[0].Parent.RemoveChild(leaves[0])
	}
}

// dropLinkLists removes the lists anywhere in the article whose every
// item is a link, and the short blocks nearly all link: links to other
// stories set between paragraphs ("Read: ...", "MORE: ..."), buttons.
func dropLinkLists(article *html.Node) {
	var lists []*html.Node
	visit(article, func(n *html.Node) {
		if isList(n) && linkItems(n) {
			lists = append(lists, n)
		}
	})
	for _, n := range leafBlocks(article) {
		if mostlyLink(n) {
			lists = append(lists, n)
		}
	}
	for _, n := range lists {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// linkItems reports whether a list has items and each is mostly a link.
func linkItems(list *html.Node) bool {
	items := 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || !hasText(c) {
			continue
		}
		if c.DataAtom != atom.Li || !linkDense(c) {
			return false
		}
		items++
	}
	return items > 0
}

// mostlyLink reports whether a short block, neither a heading nor in a
// table, is nearly all link text ("MORE: <other story>").
func mostlyLink(n *html.Node) bool {
	if headings[n.DataAtom] > 0 || n.DataAtom == atom.Table || inTable(n) {
		return false
	}
	_, short := shortText(n, maxFurnitureText)
	return short && linkShare(n) > mostlyLinkShare && !showsAddresses(n)
}

// showsAddresses reports whether every link in a block shows the address
// it goes to ("http://www.openpetition.de/petition/...", an email
// address): a source or a contact the article gives, not a way off the
// page, which names where it goes.
func showsAddresses(n *html.Node) bool {
	links, shown := 0, 0
	visit(n, func(c *html.Node) {
		if c.DataAtom != atom.A || attr(c, "href") == "" {
			return
		}
		if text := oneLine(textOf(c)); text != "" {
			links++
			if isAddress(text) {
				shown++
			}
		}
	})
	return links > 0 && shown == links
}

// isAddress reports whether a text is one web or email address, all of it.
func isAddress(s string) bool {
	for l := range weblink.All(s, true, weblink.Plain) {
		return l.Start == 0 && l.End == len(s)
	}
	return false
}

// inTable reports whether n is inside a table, whose cells are often
// links and always its text.
func inTable(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Table {
			return true
		}
	}
	return false
}

// mostlyLinkShare is the share of link text that makes a block a link
// wherever it stands.
const mostlyLinkShare = 0.8
