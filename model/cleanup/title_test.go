package cleanup

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/doc"
)

// polnearDev is PolNeAR's dev split: each article's first line is its
// headline, and its file name ends in a slug of that headline.
const polnearDev = "../../../shared/data/attribution/dev"

// minPolNeARTitles is the share of dev articles whose title must be found
// and right (0.98 measured; 0.88 before headlines over a deck or a
// one-word label were taken, 0 before headlines closed by a full stop
// were), and the most of them that may be given a title when their
// headline is cut off (0.10 measured, mostly sub-headlines).
const (
	minPolNeARTitles  = 0.95
	maxHeadlessTitles = 0.1
)

// nonLetters are the runs PolNeAR's slugs turn into one dash.
var nonLetters = regexp.MustCompile(`[^a-z]+`)

// slugOf is PolNeAR's slug of a headline, uncut: lower case, with runs of
// anything but letters made one dash.
func slugOf(s string) string {
	return strings.Trim(nonLetters.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

// titleRight reports whether a title found is the article's: its slug
// starts with the one in the file name, or it is the headline before the
// deck that PolNeAR's title carries after a semicolon (head), which the
// cleaned article keeps as the paragraph under the title.
func titleRight(title, slug, head string) bool {
	got := slugOf(title)
	return strings.HasPrefix(got, slug) || head != "" && got == slugOf(head)
}

// polnearHeadlines reads PolNeAR's metadata and returns, by file name,
// the headline of each title that carries a deck after a semicolon.
func polnearHeadlines(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading PolNeAR's metadata: %w", err)
	}
	heads := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 8 {
			continue
		}
		if head, _, ok := strings.Cut(cols[7], "; "); ok {
			heads[cols[1]] = head
		}
	}
	return heads, nil
}

// TestTitlesOfPolNeARDevArticles checks the title found against the slug
// in the file name, which the corpus made from the headline.
func TestTitlesOfPolNeARDevArticles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(polnearDev, "*.txt"))
	if len(files) == 0 {
		t.Skip("no ../shared/data/attribution/dev beside the repository")
	}
	heads, err := polnearHeadlines(filepath.Join(polnearDev, "..", "metadata.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var found, right, wrong int
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Without its headline, an article opens with its lead, which is
		// no title.
		if _, body, ok := strings.Cut(string(text), "\n\n"); ok && Clean(body).Title != "" {
			wrong++
			t.Logf("headless %s: title %q", filepath.Base(path), Clean(body).Title)
		}
		title := Clean(string(text)).Title
		if title == "" {
			continue
		}
		found++
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		slug := strings.Trim(name[strings.LastIndexByte(name, '_')+1:], "-")
		if titleRight(title, slug, heads[name]) {
			right++
		} else {
			t.Logf("%s: title %q", name, title)
		}
	}
	t.Logf("PolNeAR dev: %d articles, %d with a title, %d of them right; without headlines, %d with a title",
		len(files), found, right, wrong)
	if share := float64(wrong) / float64(len(files)); share > maxHeadlessTitles {
		t.Errorf("titles for %.2f of the articles without headlines, above %.2f", share, maxHeadlessTitles)
	}
	if share := float64(right) / float64(len(files)); share < minPolNeARTitles {
		t.Errorf("right titles for %.2f of the articles, below %.2f", share, minPolNeARTitles)
	}
}

func TestHeadlinesClosedByAFullStop(t *testing.T) {
	tests := []struct {
		name, text, title string
	}{
		{"a headline in title case before a short lead is the title",
			"Senate Passes Budget After Long Night.\n\nIt passed.", "Senate Passes Budget After Long Night."},
		{"a headline in sentence case before a longer lead is the title",
			"Council votes to close the old bridge.\n\nThe city council voted on Monday to close the bridge to traffic for a year.",
			"Council votes to close the old bridge."},
		{"a short sentence before a shorter one is no title",
			"The council met on Monday night at the hall.\n\nIt voted.", ""},
		{"a long sentence is no title",
			"The council met on Monday night at the town hall and argued for hours about the bridge and its cost.\n\nThen it voted to close the bridge for a whole year, to the anger of many.", ""},
		{"a markdown heading stays the title",
			"# Storm Hits Coast.\n\nThe storm arrived at dawn.", "Storm Hits Coast."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.text).Title; got != tt.title {
				t.Errorf("Title = %q, want %q", got, tt.title)
			}
		})
	}
}

// TestHugeTokensAreText checks that a title or a heading is short in bytes
// as well as in words: one huge token is text, and a first line before a
// block whose sentence never ends within reach is the title, not the
// start of that sentence.
func TestHugeTokensAreText(t *testing.T) {
	words := strings.Repeat("word ", 30000) + "end."
	huge := strings.Repeat("x", 5000)
	tests := []struct {
		name, in, title, want string
	}{
		{"a huge token between paragraphs is a paragraph, the first line the title",
			"Long lines test\n\n" + words + "\n\n" + huge + "\n\nA short line",
			"Long lines test", "heading,paragraph,paragraph,paragraph"},
		{"a huge token first is no title",
			huge + "\n\nThe text goes on here.", "", "paragraph,paragraph"},
		{"a short line before a huge token is a paragraph, not a heading",
			"Intro text ends.\n\n" + huge + "\n\nMore text.", "", "paragraph,paragraph,paragraph"},
		{"a first line before a sentence that ends soon is still joined",
			"The minister said\n\nthat talks would resume.", "", "paragraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in)
			if r.Title != tt.title {
				t.Errorf("Title = %.40q, want %q", r.Title, tt.title)
			}
			var kinds []string
			for _, b := range r.Doc.Blocks {
				kinds = append(kinds, b.Kind.String())
			}
			if got := strings.Join(kinds, ","); got != tt.want {
				t.Errorf("blocks %s, want %s", got, tt.want)
			}
		})
	}
}

// TestBylineLines checks that a "By ..." line at the top that gives the
// byline is the byline block, and that a clause starting "By" is neither.
func TestBylineLines(t *testing.T) {
	tests := []struct {
		name, line, byline string
	}{
		{"names", "By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe, Reuters"},
		{"a desk in lower case", "By Margin sample desk", "Margin sample desk"},
		{"a clause after a comma", "By noon, the streets were empty", ""},
		{"a short sentence", "By then it was too late.", ""},
		{"a long sentence", "By winning the primary in Ohio he took all of the delegates there", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean("Storm hits coast\n\n" + tt.line + "\n\nThe storm arrived at dawn.")
			if r.Byline != tt.byline {
				t.Errorf("Byline = %q, want %q", r.Byline, tt.byline)
			}
			if len(r.Doc.Blocks) != 3 {
				t.Fatalf("blocks:\n%s", dump(r.Doc))
			}
			if got := r.Doc.Blocks[1].Kind; (got == doc.Byline) != (tt.byline != "") {
				t.Errorf("kind = %s for byline %q", got, tt.byline)
			}
		})
	}
}

// TestHeadlinesOverDecksAndLabels checks the two shapes of PolNeAR's
// headlines that are closed like sentences: a headline closed by a
// semicolon over its deck on the next line, and a headline over a section
// label of one word.
func TestHeadlinesOverDecksAndLabels(t *testing.T) {
	tests := []struct {
		name, in, title, want string
	}{
		{"a headline over its deck is the title, the deck a paragraph",
			"Mayor closes bridge; \nCouncil says repairs will take a year and cost millions.\n\nThe bridge closed on Monday.",
			"Mayor closes bridge",
			"heading: Mayor closes bridge;\nparagraph: Council says repairs will take a year and cost millions.\nparagraph: The bridge closed on Monday."},
		{"a long first line closed by a semicolon stays in its paragraph",
			"He came to the meeting late and sat down at the back of the hall;\nThen the mayor spoke about the bridge.\n\nNobody asked.",
			"",
			"paragraph: He came to the meeting late and sat down at the back of the hall; Then the mayor spoke about the bridge.\nparagraph: Nobody asked."},
		{"a semicolon before a lower-case line is no deck",
			"Mayor closes bridge;\ncouncil says repairs will take a year.\n\nThe bridge closed on Monday.",
			"",
			"paragraph: Mayor closes bridge; council says repairs will take a year.\nparagraph: The bridge closed on Monday."},
		{"a headline over a one-word label is the title",
			"Voters deserve a better debate.\n\nLETTERS.\n\nThe debate last night showed how little the two campaigns have to say about the economy.",
			"Voters deserve a better debate.",
			"heading: Voters deserve a better debate.\nparagraph: LETTERS.\nparagraph: The debate last night showed how little the two campaigns have to say about the economy."},
		{"a sentence over a one-word label and a shorter one is no title",
			"The council met on Monday night at the hall.\n\nABSTRACT.\n\nIt voted.",
			"",
			"paragraph: The council met on Monday night at the hall.\nparagraph: ABSTRACT.\nparagraph: It voted."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in)
			if r.Title != tt.title {
				t.Errorf("Title = %q, want %q", r.Title, tt.title)
			}
			if got := dump(r.Doc); got != tt.want {
				t.Errorf("blocks:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
