package export

import (
	"cmp"
	"io"
	"net/url"
	"path/filepath"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/article"
)

// The rating scale of ClaimReview exports, from worst to best supported.
// Google's fact-check markup asks for a documented number-to-text scale;
// this one is margin's verdicts in order of support. An opinion is not on
// a true-false scale and carries only its name.
const (
	worstRating = 1
	bestRating  = 5
)

var ratingValues = map[annotate.Verdict]int{
	annotate.False:      1,
	annotate.Misleading: 2,
	annotate.Unverified: 3,
	annotate.MostlyTrue: 4,
	annotate.True:       5,
}

// The schema.org ClaimReview vocabulary (https://schema.org/ClaimReview)
// as Google's fact-check markup uses it.
type (
	claimReview struct {
		Context       string   `json:"@context"`
		Type          string   `json:"@type"`
		URL           string   `json:"url"`
		ClaimReviewed string   `json:"claimReviewed"`
		ItemReviewed  crClaim  `json:"itemReviewed"`
		Author        *crAgent `json:"author,omitempty"`
		DatePublished string   `json:"datePublished"`
		ReviewRating  crRating `json:"reviewRating"`
		ReviewBody    string   `json:"reviewBody,omitempty"`
	}
	crClaim struct {
		Type            string   `json:"@type"`
		Author          *crAgent `json:"author,omitempty"`
		DatePublished   string   `json:"datePublished,omitempty"`
		Appearance      []crWork `json:"appearance"`
		FirstAppearance crWork   `json:"firstAppearance"`
	}
	crWork struct {
		Type     string `json:"@type"`
		URL      string `json:"url,omitempty"`
		Name     string `json:"name,omitempty"`
		Headline string `json:"headline,omitempty"`
	}
	crAgent struct {
		// Type is empty for a claimant the analysis knows as neither a
		// person nor an organisation (see claimAuthor).
		Type     string   `json:"@type,omitempty"`
		Name     string   `json:"name"`
		WorksFor *crAgent `json:"worksFor,omitempty"`
	}
	crRating struct {
		Type          string `json:"@type"`
		RatingValue   *int   `json:"ratingValue,omitempty"`
		BestRating    int    `json:"bestRating"`
		WorstRating   int    `json:"worstRating"`
		AlternateName string `json:"alternateName"`
		Name          string `json:"name"`
	}
)

// ClaimReview writes schema.org ClaimReview JSON-LD: an array with one
// review per placed note that gives a verdict on a flagged claim (see
// Options.Claims). The claim's source is the claim's author, the article
// (its URL, else its file) where it appears, and the fact-checker
// (Options.Author and Options.Org) the review's author. Each review's url
// is Options.ReviewURL with the note's id as fragment, or the note's URN
// when no page to publish on was given. A note whose passage reads
// differently now than when it was written is left out (Withheld) until a
// person saves it again on the new words: its verdict was given on others.
func ClaimReview(w io.Writer, a *article.Article, notes []annotate.Note, opts Options) error {
	r := newReview(notes, opts.Claims)
	appearance := appearanceOf(a)
	reviews := []claimReview{}
	for i, n := range r.notes {
		c, ok := r.judged(i)
		if !ok || n.Reworded(a.Text) {
			continue
		}
		reviews = append(reviews, claimReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			URL:           reviewURL(opts.ReviewURL, n.ID),
			ClaimReviewed: oneLine(c.Span.In(a.Text)),
			ItemReviewed:  crClaim{Type: "Claim", Author: claimAuthor(c), DatePublished: a.Published, Appearance: []crWork{appearance}, FirstAppearance: appearance},
			Author:        checker(opts, n),
			DatePublished: n.Updated.UTC().Format("2006-01-02"),
			ReviewRating:  rating(n.Verdict),
			ReviewBody:    n.Text,
		})
	}
	return writeJSON(w, reviews)
}

// Withheld counts the notes with a verdict on a flagged claim that
// ClaimReview leaves out, as given on words the passage no longer has.
func Withheld(a *article.Article, notes []annotate.Note, opts Options) int {
	r := newReview(notes, opts.Claims)
	count := 0
	for i, n := range r.notes {
		if _, ok := r.judged(i); ok && n.Reworded(a.Text) {
			count++
		}
	}
	return count
}

// judged is the flagged claim note i gives a verdict on, if any: what
// ClaimReview reviews, and Withheld counts when the words changed.
func (r *review) judged(i int) (Claim, bool) {
	c, ok := r.claim(i)
	return c, ok && r.notes[i].Verdict != annotate.None
}

func appearanceOf(a *article.Article) crWork {
	work := crWork{Type: "CreativeWork", URL: a.SourceURL, Headline: a.Title}
	if work.URL == "" && a.Path != "" {
		if abs, err := filepath.Abs(a.Path); err == nil {
			work.URL = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		}
		work.Name = filepath.Base(a.Path)
	}
	return work
}

func reviewURL(page, id string) string {
	if page == "" {
		return "urn:margin:note:" + id
	}
	u, err := url.Parse(page)
	if err != nil {
		return "urn:margin:note:" + id
	}
	u.Fragment = "note-" + id
	return u.String()
}

// claimAuthor is who said the claim, if the analysis names someone: a
// vague source ("sources said") is no one's name, and a Person called
// "sources" would be shown as the claimant. schema.org's Claim.author is
// a Person or an Organization: the source's entity label says which, and
// a source known as neither ("the pilots", a place, a group) is written
// with its name alone, not given a type it may not have.
func claimAuthor(c Claim) *crAgent {
	if c.Source == "" || c.Vague {
		return nil
	}
	return &crAgent{Type: authorType(c.SourceLabel), Name: c.Source}
}

// authorType is the schema.org type of a claimant with the entity label
// label (model/vocab's values), "" for none.
func authorType(label string) string {
	switch label {
	case "PERSON":
		return "Person"
	case "ORG":
		return "Organization"
	}
	return ""
}

// checker is the fact-checker: the exporting author, else the note's,
// working for the organisation if one is named; the organisation alone
// when no person is; nil when neither is known.
func checker(opts Options, n annotate.Note) *crAgent {
	name := cmp.Or(opts.Author, n.Author)
	var org *crAgent
	if opts.Org != "" {
		org = &crAgent{Type: "Organization", Name: opts.Org}
	}
	if name == "" {
		return org
	}
	return &crAgent{Type: "Person", Name: name, WorksFor: org}
}

func rating(v annotate.Verdict) crRating {
	r := crRating{Type: "Rating", BestRating: bestRating, WorstRating: worstRating, AlternateName: verdictTitle(v), Name: verdictTitle(v)}
	if value, ok := ratingValues[v]; ok {
		r.RatingValue = &value
	}
	return r
}
