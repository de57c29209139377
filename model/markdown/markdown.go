// Package markdown reads a markdown article into a doc.Doc: the plain text
// a person reads, with headings, lists, quotes, code, tables, emphasis and
// links kept as spans. Format writes a doc.Doc back as markdown.
package markdown

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/mojibake"
)

// Front is the front matter of a markdown file, by key.
type Front map[string]string

// Parse reads markdown source. YAML front matter at the very top (simple
// "key: value" lines between "---" lines) goes to Front, not into the text.
// Parts that pass the parser's limits (CheckLimits) are read as plain
// text, as Progressive reads them.
func Parse(src string) (doc.Doc, Front) {
	p, front := NewProgressive(src)
	d, _ := p.Next(math.MaxInt)
	return d, front
}

// normalize makes src what the parser and Format agree on: valid UTF-8,
// no NUL (CommonMark reads it as U+FFFD; doing it up front keeps the
// parse the same when Format writes the text back), "\n" line ends and
// mojibake mended, before any span is laid over the text.
func normalize(src string) string {
	if !utf8.ValidString(src) {
		src = strings.ToValidUTF8(src, "\uFFFD")
	}
	if strings.IndexByte(src, 0) >= 0 {
		src = strings.ReplaceAll(src, "\x00", "\uFFFD")
	}
	if strings.IndexByte(src, '\r') >= 0 {
		src = strings.ReplaceAll(src, "\r\n", "\n")
		src = strings.ReplaceAll(src, "\r", "\n")
	}
	return mojibake.Repair(src)
}

// parseBody parses markdown without front matter.
func parseBody(body string) doc.Doc {
	source := []byte(body)
	// Bare URLs are linked by the walker: goldmark's linkify extension
	// looks at every space and halves the parsing speed.
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
	root := md.Parser().Parse(text.NewReader(source))
	w := walker{src: source, str: body}
	w.b.Grow(len(body))
	w.block(root)
	return w.b.Doc()
}
