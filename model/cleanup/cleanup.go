// Package cleanup turns scraped plain text into the article a person would
// want to read: the title once, no widget text, sentences broken across
// lines joined again, real paragraph breaks kept.
package cleanup

import "github.com/margin-reader/margin/model/doc"

// Result is a cleaned article.
type Result struct {
	Doc   doc.Doc
	Title string
}

// Clean cleans scraped text.
func Clean(text string) Result {
	var b doc.Builder
	b.Write(text)
	return Result{Doc: b.Doc()}
}
