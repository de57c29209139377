package htmlpage

import (
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markedDate is the publication date an element of the page marks up
// outside <meta>: microdata's itemprop="datePublished" and the hAtom
// microformat's class "published", from the datetime, content or title
// attribute or else from the element's text ("May 19, 2020").
func markedDate(n *html.Node) string {
	if n.DataAtom == atom.Meta || !(attr(n, "itemprop") == "datePublished" || hasWord(attr(n, "class"), "published")) {
		return ""
	}
	for _, key := range []string{"datetime", "content", "title"} {
		if d := date(attr(n, key)); d != "" {
			return d
		}
	}
	return textDate(oneLine(textOf(n)))
}

// textDate reads a date written out in English, "May 19, 2020" or
// "8 January 2020", from the start of a short text; "" for anything else.
func textDate(s string) string {
	if len(s) > maxDateText {
		return ""
	}
	m := writtenDate().FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	text := m[1]
	if text == "" {
		text = m[2]
	}
	for _, layout := range writtenLayouts {
		if t, err := time.Parse(layout, strings.NewReplacer(",", "", ".", "").Replace(text)); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// maxDateText is the longest text read for a date: a date element holds
// the date and perhaps a time and a label, not a paragraph.
const maxDateText = 60

var writtenLayouts = []string{"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006"}

// writtenDate is compiled on first use, as the byline patterns are.
var writtenDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[A-Za-z]+:?\s+)?(?:([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})|(\d{1,2} [A-Z][a-z]{2,8},? \d{4}))\b`)
})
