// Package markdown reads a markdown article into a doc.Doc: the plain text
// a person reads, with headings, lists, quotes, code, tables, emphasis and
// links kept as spans.
package markdown

import "github.com/margin-reader/margin/model/doc"

// Front is the front matter of a markdown file, by key.
type Front map[string]string

// Parse reads markdown source.
func Parse(src string) (doc.Doc, Front) {
	var b doc.Builder
	b.Write(src)
	return b.Doc(), nil
}
