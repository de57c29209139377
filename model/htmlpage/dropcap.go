package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// joinDropCaps puts a drop cap that a page set as a paragraph of its own
// ("T", then "urkey, Poland and...") back at the start of its word.
func joinDropCaps(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		following := c.NextSibling
		if c.Type != html.ElementNode {
			c = following
			continue
		}
		if next := nextElement(c); c.DataAtom == atom.P && next != nil && next.DataAtom == atom.P {
			if letter, ok := dropCap(c, next); ok {
				next.InsertBefore(&html.Node{Type: html.TextNode, Data: letter}, next.FirstChild)
				n.RemoveChild(c)
				c = following
				continue
			}
		}
		joinDropCaps(c)
		c = following
	}
}

// dropCap is the letter p holds when it is a capital alone and the next
// paragraph starts in lower case.
func dropCap(p, next *html.Node) (string, bool) {
	letter := strings.TrimSpace(textOf(p))
	r, size := utf8.DecodeRuneInString(letter)
	if size == 0 || size != len(letter) || !unicode.IsUpper(r) {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(textOf(next)))
	return letter, unicode.IsLower(first)
}

// nextElement is the element after n, past any whitespace; nil when
// text comes first.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}
