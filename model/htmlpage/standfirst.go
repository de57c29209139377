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
// headline, which readability leaves out with the header around it. A
// description cut short with an ellipsis is the paragraph it begins,
// written out whole.
func standfirst(root *html.Node, description string) string {
	prefix := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(description, "..."), "\u2026"))
	cut := prefix != description
	if len(prefix) < minStandfirst {
		return ""
	}
	lead := ""
	visit(root, func(n *html.Node) {
		if lead != "" || !isStandfirstElement(n) {
			return
		}
		text := oneLine(textOf(n))
		if text == description || (cut && len(text) > len(prefix) && strings.HasPrefix(text, prefix)) {
			lead = withoutRunIn(text, len(prefix))
		}
	})
	return lead
}

// withoutRunIn is a standfirst without the furniture run into it after
// its last sentence, a date most often ("...its recovery? Monday, 6
// January 2020"): the sentence the description ends in, when what
// follows it is a block edges.txt names.
func withoutRunIn(text string, from int) string {
	end := strings.IndexAny(text[from:], ".?!")
	if end < 0 {
		return text
	}
	end += from + 1
	f, err := loadFurniture()
	if err != nil || !f.edgeText(strings.TrimSpace(text[end:])) {
		return text
	}
	return text[:end]
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
