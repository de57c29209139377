// Package model is the article: loading it from a file, a page or a URL,
// cleaning up what scrapers leave behind, and analysing it into span layers
// (sentences, entities, claims) over one canonical text.
package model

import (
	"github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/span"
)

// The article's types live in the leaf package article, so that readers of
// an article need not link the loaders; these names keep model's callers
// as they were.
type (
	Format  = article.Format
	Meta    = article.Meta
	Article = article.Article
)

// The formats an article can be loaded from.
const (
	Text     = article.Text
	Markdown = article.Markdown
	HTML     = article.HTML
)

func spanOf(start, end int) span.Span { return span.Span{Start: start, End: end} }

// HashText returns the content hash margin uses to identify a text.
func HashText(text string) string { return article.HashText(text) }
