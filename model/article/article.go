// Package article is the loaded article as a plain value: its text, its
// structure and what is known about it, with the content hash that names
// the text. It is a leaf so that packages which only read an article (the
// notes store, the exporters) need not link the loaders and analysers of
// package model.
package article

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// Format is the kind of source an article was loaded from.
type Format string

// The formats an article can be loaded from.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// Meta is what is known about an article besides its text.
type Meta struct {
	Title  string `json:"title"`
	Byline string `json:"byline,omitempty"`
	Site   string `json:"site,omitempty"`
	// Published and Modified are dates, 2006-01-02.
	Published string `json:"published,omitempty"`
	Modified  string `json:"modified,omitempty"`
	// Rates, Rating and Reviewer are a fact-check page's ClaimReview: the
	// claim it rates, the rating and who gave it.
	Rates     string `json:"rates,omitempty"`
	Rating    string `json:"rating,omitempty"`
	Reviewer  string `json:"reviewer,omitempty"`
	SourceURL string `json:"source_url,omitempty"`
	FetchedAt string `json:"fetched_at,omitempty"`
}

// Article is a loaded article: its readable text, structure and sentences.
// Text is never edited after loading; every other layer is spans over it.
// It is in Unicode's composed form (NFC) but for --verbatim input, which
// is kept as it is.
type Article struct {
	// Name is what to call the article in messages: its path, or "-".
	Name string
	// Path is the file the article was read from, "" for standard input.
	// Notes are kept next to it.
	Path   string
	Format Format
	Meta
	doc.Doc
	Sentences []span.Span
	// Hash identifies the text: "sha256:" and the hex digest of Text.
	Hash string
	// Warnings are what a person should be told about how the article
	// was read (a markdown file read as plain text, say), one line each.
	Warnings []string
}

// HashText returns the content hash margin uses to identify a text. The
// text goes to the hash a piece at a time: turned into bytes at once, a
// 20 MB article was copied whole just as its load ended.
func HashText(text string) string {
	h := sha256.New()
	var piece [hashPiece]byte
	for len(text) > 0 {
		n := copy(piece[:], text)
		h.Write(piece[:n])
		text = text[n:]
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// hashPiece is how much of a text HashText copies at a time.
const hashPiece = 32 << 10
