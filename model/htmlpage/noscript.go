package htmlpage

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// openNoscripts makes each <noscript> that holds an article's worth of
// text (shortArticle bytes or more) a <div>: some pages (Blogger's, among
// them) build the article with a script from a template and give it in
// full only there, and readability drops every <noscript>. The short ones
// (a tracking pixel, "please enable JavaScript") stay closed.
func openNoscripts(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Noscript && len(oneLine(textOf(c))) >= shortArticle {
			c.Data, c.DataAtom = "div", atom.Div
		}
		openNoscripts(c)
	}
}
