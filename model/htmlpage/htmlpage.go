// Package htmlpage reduces a saved web page to its article: readability
// finds the article, and its HTML becomes a doc.Doc with the same blocks
// and marks a markdown article gets.
package htmlpage

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/margin-reader/margin/model/doc"
)

// ErrNoArticle is returned for a page in which no article text was found.
var ErrNoArticle = errors.New("no article found in the page")

// Page is the article found in a web page.
type Page struct {
	Doc                            doc.Doc
	Title, Byline, Site, Published string
}

// Extract finds the article in an HTML page. pageURL, which may be empty,
// resolves relative links. Published is RFC 3339 when the page gives a
// date.
func Extract(src string, pageURL string) (Page, error) {
	var base *url.URL
	if pageURL != "" {
		u, err := url.Parse(pageURL)
		if err != nil {
			return Page{}, fmt.Errorf("page address %q: %w", pageURL, err)
		}
		base = u
	}
	if !utf8.ValidString(src) {
		src = strings.ToValidUTF8(src, "\uFFFD")
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return Page{}, fmt.Errorf("parse HTML: %w", err)
	}
	parser := readability.NewParser()
	// Classes name the language of code blocks.
	parser.KeepClasses = true
	art, err := parser.ParseAndMutate(root, base)
	if err != nil {
		return Page{}, fmt.Errorf("find article: %w", err)
	}
	if art.Node == nil {
		return Page{}, ErrNoArticle
	}
	furn, err := loadFurniture()
	if err != nil {
		return Page{}, err
	}
	furn.prune(art.Node)
	w := walker{base: base}
	w.node(art.Node)
	d := w.b.Doc()
	if len(d.Blocks) == 0 {
		return Page{}, ErrNoArticle
	}
	p := Page{
		Doc:    d,
		Title:  oneLine(art.Title()),
		Byline: oneLine(art.Byline()),
		Site:   oneLine(art.SiteName()),
	}
	if t, err := art.PublishedTime(); err == nil {
		p.Published = t.Format(time.RFC3339)
	}
	return p, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
