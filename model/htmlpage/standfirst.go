package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/margin-reader/margin/model/doc"
)

// minStandfirst is the shortest description read as a standfirst: a
// shorter one ("Latest news") is a label, not the article's opening.
const minStandfirst = 40

// standfirst is the page's description when the page also shows it as
// a paragraph or a subheading of its own: the standfirst under the
// headline, which readability leaves out with the header around it.
func standfirst(root *html.Node, description string) string {
	if len(description) < minStandfirst {
		return ""
	}
	found := false
	visit(root, func(n *html.Node) {
		if !found && isStandfirstElement(n) {
			found = oneLine(textOf(n)) == description
		}
	})
	if !found {
		return ""
	}
	return description
}

func isStandfirstElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// withStandfirst puts the standfirst before the article when the
// article does not hold it already.
func withStandfirst(d doc.Doc, lead string) doc.Doc {
	if lead == "" || strings.Contains(oneLine(d.Text), lead) {
		return d
	}
	var a doc.Appender
	a.Append(bodyDoc(lead))
	a.Append(d)
	return a.Doc()
}
