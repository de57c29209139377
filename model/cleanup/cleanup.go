// Package cleanup turns scraped plain text into the article a person would
// want to read: the title once, no widget text, sentences broken across
// lines joined again, real paragraph breaks kept, lists and headings
// recognised, and _emphasis_ markers kept as emphasis rather than as text.
package cleanup

import (
	"math"
	"strings"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/mojibake"
)

// Result is a cleaned article.
type Result struct {
	Doc    doc.Doc
	Title  string
	Byline string
}

// Clean cleans scraped text.
func Clean(text string) Result {
	r, _ := NewProgressive(text).Next(math.MaxInt)
	return r
}

// normalize makes a piece of the text what the rules read: line ends
// "\n", mojibake mended.
func normalize(text string) string { return mojibake.Repair(normalizeNewlines(text)) }

// normalizeNewlines turns CRLF and lone CR line ends into LF.
func normalizeNewlines(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
}

// block is a block of the cleaned article before it is built.
type block struct {
	kind   doc.BlockKind
	level  int
	marker string
	text   string
	// words counts the words of a paragraph, for telling headings from
	// broken sentences.
	words int
	// firstLine is the length of a paragraph's first line when it was
	// gathered from several, where a headline may end and its deck start.
	firstLine int
}
