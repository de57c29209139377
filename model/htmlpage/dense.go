package htmlpage

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// densest is the element whose own paragraphs hold the most text that
// is not link text: the article by the oldest rule of extraction, asked
// when readability finds little.
func densest(root *html.Node, f *furniture) *html.Node {
	var best *html.Node
	bestScore := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		score := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] || named(c, f.classes) {
				continue
			}
			if c.DataAtom == atom.P {
				score += plainTextLen(c)
			}
			walk(c)
		}
		if score > bestScore {
			best, bestScore = n, score
		}
	}
	walk(root)
	return best
}

// plainTextLen is how much of an element's text is outside links. An
// <a> without an address is no link but an anchor to jump to (<a
// name="q3">), around article text as often as not.
func plainTextLen(n *html.Node) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			total += len(c.Data)
		case c.Type == html.ElementNode && (c.DataAtom != atom.A || attr(c, "href") == "") && !skipped[c.DataAtom]:
			total += plainTextLen(c)
		}
	}
	return total
}
