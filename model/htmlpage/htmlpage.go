// Package htmlpage reduces a saved web page to its article.
package htmlpage

import "github.com/margin-reader/margin/model/doc"

// Page is the article found in a web page.
type Page struct {
	Doc                            doc.Doc
	Title, Byline, Site, Published string
}

// Extract finds the article in an HTML page. pageURL may be empty.
func Extract(src string, pageURL string) (Page, error) {
	var b doc.Builder
	b.Write(src)
	return Page{Doc: b.Doc()}, nil
}
