package export

import (
	"io"
	"net/url"
	"path/filepath"
	"time"
	"unicode/utf8"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/weblink"
)

// The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/).
type (
	w3cCollection struct {
		Context string  `json:"@context"`
		ID      string  `json:"id"`
		Type    string  `json:"type"`
		Label   string  `json:"label,omitempty"`
		Total   int     `json:"total"`
		First   w3cPage `json:"first"`
	}
	w3cPage struct {
		Type       string          `json:"type"`
		StartIndex int             `json:"startIndex"`
		Items      []w3cAnnotation `json:"items"`
	}
	w3cAnnotation struct {
		ID         string    `json:"id"`
		Type       string    `json:"type"`
		Motivation string    `json:"motivation"`
		Created    time.Time `json:"created"`
		Modified   time.Time `json:"modified"`
		Creator    *w3cAgent `json:"creator,omitempty"`
		Body       []w3cBody `json:"body,omitempty"`
		Target     w3cTarget `json:"target"`
	}
	w3cAgent struct {
		Type     string `json:"type"`
		Nickname string `json:"nickname"`
	}
	w3cBody struct {
		Type    string `json:"type"`
		Value   string `json:"value,omitempty"`
		Source  string `json:"source,omitempty"`
		Format  string `json:"format,omitempty"`
		Purpose string `json:"purpose"`
	}
	w3cTarget struct {
		Source   string        `json:"source"`
		Selector []w3cSelector `json:"selector"`
	}
	w3cSelector struct {
		Type   string `json:"type"`
		Exact  string `json:"exact,omitempty"`
		Prefix string `json:"prefix,omitempty"`
		Suffix string `json:"suffix,omitempty"`
		Start  *int   `json:"start,omitempty"`
		End    *int   `json:"end,omitempty"`
	}
)

// W3C writes the notes as a W3C Web Annotation collection in JSON-LD. The
// verdict is a body with purpose "assessing", tags "tagging", sources
// "linking". Placed notes carry a TextQuoteSelector and a
// TextPositionSelector (in characters, as the model defines it) for the
// current text; the others only the quote they were written on.
func W3C(w io.Writer, a *article.Article, notes []annotate.Note, opts Options) error {
	source := a.SourceURL
	if source == "" && a.Path != "" {
		if abs, err := filepath.Abs(a.Path); err == nil {
			source = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		}
	}
	items := make([]w3cAnnotation, 0, len(notes))
	chars := &charCounter{text: a.Text}
	for _, n := range newReview(notes, nil).notes {
		items = append(items, w3cNote(chars, source, n))
	}
	label := "Notes"
	if a.Title != "" {
		label = "Notes on " + a.Title
	}
	return writeJSON(w, w3cCollection{
		Context: "http://www.w3.org/ns/anno.jsonld",
		ID:      "urn:margin:notes:" + a.Hash,
		Type:    "AnnotationCollection",
		Label:   label,
		Total:   len(items),
		First:   w3cPage{Type: "AnnotationPage", StartIndex: 0, Items: items},
	})
}

// charCounter converts byte offsets of text to character offsets,
// counting on from the last offset asked for, so offsets asked for in
// increasing order (notes in article order) cost one pass over the text.
type charCounter struct {
	text        string
	byte, chars int
}

func (c *charCounter) at(off int) int {
	if off < c.byte {
		c.byte, c.chars = 0, 0
	}
	c.chars += utf8.RuneCountInString(c.text[c.byte:off])
	c.byte = off
	return c.chars
}

func w3cNote(chars *charCounter, source string, n annotate.Note) w3cAnnotation {
	text := chars.text
	an := w3cAnnotation{
		ID:         "urn:margin:note:" + n.ID,
		Type:       "Annotation",
		Motivation: "commenting",
		Created:    n.Created.UTC(),
		Modified:   n.Updated.UTC(),
	}
	if n.Author != "" {
		an.Creator = &w3cAgent{Type: "Person", Nickname: n.Author}
	}
	if n.Text != "" {
		an.Body = append(an.Body, w3cBody{Type: "TextualBody", Value: n.Text, Format: "text/plain", Purpose: "commenting"})
	}
	if n.Verdict != annotate.None {
		an.Motivation = "assessing"
		an.Body = append(an.Body, w3cBody{Type: "TextualBody", Value: string(n.Verdict), Purpose: "assessing"})
	}
	for _, t := range n.Tags {
		an.Body = append(an.Body, w3cBody{Type: "TextualBody", Value: t, Purpose: "tagging"})
	}
	for _, s := range n.Sources {
		if weblink.IsWeb(s) {
			an.Body = append(an.Body, w3cBody{Type: "SpecificResource", Source: s, Purpose: "linking"})
		} else {
			an.Body = append(an.Body, w3cBody{Type: "TextualBody", Value: s, Format: "text/plain", Purpose: "linking"})
		}
	}
	sel := n.Target
	placed := false
	if n.Placed() {
		if cur, err := anchor.Quote(text, n.Span); err == nil {
			sel, placed = cur, true
		}
	}
	an.Target = w3cTarget{Source: source, Selector: []w3cSelector{{Type: "TextQuoteSelector", Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix}}}
	if placed {
		start := chars.at(sel.Start)
		end := start + utf8.RuneCountInString(sel.Exact)
		an.Target.Selector = append(an.Target.Selector, w3cSelector{Type: "TextPositionSelector", Start: &start, End: &end})
	}
	return an
}
