package export

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/vocab"
)

// factCheckFields are the properties Google's fact-check markup documents
// as required or recommended
// (https://developers.google.com/search/docs/appearance/structured-data/factcheck,
// tabulated at https://fullfact.github.io/markup-investigation/docs/notes/01-basic-usage/),
// as paths into one ClaimReview.
var factCheckFields = []struct {
	path     string
	required bool
}{
	{"claimReviewed", true},
	{"reviewRating", true},
	{"url", true},
	{"reviewRating.alternateName", true},
	{"author", false},
	{"author.name", false},
	{"datePublished", false},
	{"itemReviewed", false},
	{"itemReviewed.appearance", false},
	{"itemReviewed.author", false},
	{"itemReviewed.datePublished", false},
	{"itemReviewed.firstAppearance", false},
	{"reviewRating.bestRating", false},
	{"reviewRating.name", false},
	{"reviewRating.ratingValue", false},
	{"reviewRating.worstRating", false},
}

// lookup follows a dotted path through decoded JSON objects.
func lookup(v any, path string) (any, bool) {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok || v == nil || v == "" {
			return nil, false
		}
	}
	return v, true
}

func claimReviews(t *testing.T, opts Options) []map[string]any {
	t.Helper()
	a, notes := fixture(t)
	a.Published = "2025-03-10"
	var buf bytes.Buffer
	if err := ClaimReview(&buf, a, notes, opts); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	return out
}

func TestClaimReviewHasTheFieldsGoogleDocuments(t *testing.T) {
	a, _ := fixture(t)
	opts := storyOptions(t, a)
	opts.Author, opts.Org, opts.ReviewURL = "Ann Checker", "Example Facts", "https://checks.example/story"
	reviews := claimReviews(t, opts)
	// The false and the opinion notes are placed on claims; the others
	// are not placed, so they review nothing.
	if len(reviews) != 2 {
		t.Fatalf("%d reviews, want 2", len(reviews))
	}
	for _, r := range reviews {
		name, _ := lookup(r, "reviewRating.alternateName")
		for _, f := range factCheckFields {
			if _, ok := lookup(r, f.path); ok {
				continue
			}
			if f.path == "reviewRating.ratingValue" && name == "Opinion" {
				continue // an opinion is off the documented true-false scale
			}
			kind := "recommended"
			if f.required {
				kind = "required"
			}
			t.Errorf("review of %v lacks %s field %s", r["claimReviewed"], kind, f.path)
		}
		types := map[string]string{"@type": "ClaimReview", "@context": "https://schema.org",
			"itemReviewed.@type": "Claim", "reviewRating.@type": "Rating", "author.@type": "Person", "author.worksFor.name": "Example Facts"}
		for path, want := range types {
			if got, _ := lookup(r, path); got != want {
				t.Errorf("%s = %v, want %s", path, got, want)
			}
		}
		if v, ok := lookup(r, "reviewRating.ratingValue"); ok {
			if n, _ := v.(float64); n < worstRating || n > bestRating {
				t.Errorf("ratingValue %v is off the %d-%d scale", v, worstRating, bestRating)
			}
		}
		if u, _ := lookup(r, "url"); !strings.HasPrefix(u.(string), "https://checks.example/story#note-") {
			t.Errorf("url %v does not point into the review page", u)
		}
		if d, _ := lookup(r, "datePublished"); d != nil {
			if _, err := time.Parse("2006-01-02", d.(string)); err != nil {
				t.Errorf("datePublished %v is not an ISO 8601 date", d)
			}
		}
	}
	first := reviews[0]
	checks := map[string]any{
		"claimReviewed":              "Café owners say prices rose 40% in a year.",
		"itemReviewed.author.name":   "Café owners",
		"reviewRating.alternateName": "False",
		"reviewRating.ratingValue":   float64(1),
		"author.name":                "Ann Checker",
	}
	for path, want := range checks {
		if got, _ := lookup(first, path); got != want {
			t.Errorf("first review %s = %v, want %v", path, got, want)
		}
	}
	if app, _ := lookup(first, "itemReviewed.firstAppearance.url"); app != "https://news.example/story" {
		t.Errorf("the claim appears at %v, want the article's URL", app)
	}
}

func TestClaimReviewWithoutAPageOrURLNamesTheNoteAndTheFile(t *testing.T) {
	a, notes := fixture(t)
	a.SourceURL = ""
	var buf bytes.Buffer
	if err := ClaimReview(&buf, a, notes, storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	u, _ := lookup(out[0], "url")
	app, _ := lookup(out[0], "itemReviewed.firstAppearance.url")
	who, _ := lookup(out[0], "author.name")
	if u != "urn:margin:note:01A" || who != "ann" {
		t.Errorf("url %v, author %v: want the note's URN and its author", u, who)
	}
	if p, err := url.Parse(app.(string)); err != nil || p.Scheme != "file" || !strings.HasSuffix(p.Path, "/story.txt") {
		t.Errorf("appearance %v, want the article's file", app)
	}
}

func TestClaimReviewAuthorIsWhoeverIsKnown(t *testing.T) {
	tests := []struct {
		name, author, org, noteAuthor string
		want                          any
	}{
		{"the exporting author works for the organisation", "Ann", "Facts", "bo",
			map[string]any{"@type": "Person", "name": "Ann", "worksFor": map[string]any{"@type": "Organization", "name": "Facts"}}},
		{"the note's author stands in for a missing exporter", "", "", "bo", map[string]any{"@type": "Person", "name": "bo"}},
		{"the organisation alone when no person is known", "", "Facts", "", map[string]any{"@type": "Organization", "name": "Facts"}},
		{"no author at all rather than a nameless one", "", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, notes := fixture(t)
			opts := storyOptions(t, a)
			opts.Author, opts.Org = tt.author, tt.org
			notes[0].Author = tt.noteAuthor
			var buf bytes.Buffer
			if err := ClaimReview(&buf, a, notes[:1], opts); err != nil {
				t.Fatal(err)
			}
			var out []map[string]any
			if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(out[0]["author"])
			want, _ := json.Marshal(tt.want)
			if !bytes.Equal(got, want) {
				t.Fatalf("author %s, want %s", got, want)
			}
		})
	}
}

// TestClaimReviewLeavesOutAVerdictOnRewordedWords gives the fixture's
// note on a claim (false, on "prices rose 40% in a year") a passage that
// reads differently now, as after the article was edited: its review is
// withheld and counted, until saved again on the new words.
func TestClaimReviewLeavesOutAVerdictOnRewordedWords(t *testing.T) {
	a, notes := fixture(t)
	opts := storyOptions(t, a)
	count := func(notes []annotate.Note) (int, int) {
		var buf bytes.Buffer
		if err := ClaimReview(&buf, a, notes, opts); err != nil {
			t.Fatal(err)
		}
		var out []map[string]any
		if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		return len(out), Withheld(a, notes, opts)
	}
	before, none := count(notes)
	if none != 0 {
		t.Fatalf("%d notes withheld before any rewording", none)
	}
	notes[0].Target.Exact = "prices rose 14% in a year"
	after, withheld := count(notes)
	if after != before-1 || withheld != 1 {
		t.Errorf("with one note reworded: %d reviews (was %d), %d withheld; want one fewer and 1", after, before, withheld)
	}
}

// TestAVagueSourceIsNoClaimant: a claim "sources said" has no author in
// ClaimReview, where a Person named "sources" was its claimant, and the
// worksheet says the source names no one, as the reader does.
func TestAVagueSourceIsNoClaimant(t *testing.T) {
	named := Claim{Source: "the mayor"}
	vague := Claim{Source: "officials", Vague: true, Via: "the Post"}
	if a := claimAuthor(named); a == nil || a.Name != "the mayor" {
		t.Errorf("a named source's author: %+v", a)
	}
	if a := claimAuthor(vague); a != nil {
		t.Errorf("a vague source's author: %+v, want none", a)
	}
	if got, want := saidBy(vague), "officials (names no one) (via the Post)"; got != want {
		t.Errorf("saidBy = %q, want %q", got, want)
	}
	if got := saidBy(named); got != "the mayor" {
		t.Errorf("saidBy = %q, want the name alone", got)
	}
}

// TestAClaimantIsAPersonOrAnOrganisationAsTheAnalysisKnows: schema.org's
// Claim.author is a Person or an Organization; a source the analysis
// does not know as either gets no type rather than a wrong one.
func TestAClaimantIsAPersonOrAnOrganisationAsTheAnalysisKnows(t *testing.T) {
	tests := []struct{ label, want string }{
		{"PERSON", "Person"},
		{"ORG", "Organization"},
		{"PLACE", ""},
		{"GROUP", ""},
		{"", ""},
	}
	labels := map[string]bool{}
	for _, l := range vocab.EntityLabels() {
		labels[l.Value] = true
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			if tt.label != "" && !labels[tt.label] {
				t.Fatalf("%q is no entity label of model/vocab", tt.label)
			}
			a := claimAuthor(Claim{Source: "Harbour Trust", SourceLabel: tt.label})
			if a == nil || a.Type != tt.want || a.Name != "Harbour Trust" {
				t.Fatalf("author of a source labelled %q: %+v, want type %q", tt.label, a, tt.want)
			}
			out, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			if typed := strings.Contains(string(out), `"@type"`); typed != (tt.want != "") {
				t.Errorf("author of a source labelled %q written %s", tt.label, out)
			}
		})
	}
}
