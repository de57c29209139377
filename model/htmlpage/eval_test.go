package htmlpage

import (
	"os"
	"testing"

	"github.com/margin-reader/margin/model/htmlpage/evalset"
)

// TestDevelopmentSet scores Extract on trafilatura's English news pages
// (see package evalset for the selection and the metric). It runs when
// MARGIN_PAGES_EVAL names trafilatura's tests folder:
//
//	MARGIN_PAGES_EVAL=/work/wt/pagesdata/tests go test ./model/htmlpage -run DevelopmentSet -v
//
// MARGIN_PAGES_EVAL_MISSES=1 also lists every snippet that failed. It
// also counts the titles, bylines and dates that match the set's own
// (whitespace and case aside).
func TestDevelopmentSet(t *testing.T) {
	dir := os.Getenv("MARGIN_PAGES_EVAL")
	if dir == "" {
		t.Skip("MARGIN_PAGES_EVAL names no evaluation set")
	}
	pages, err := evalset.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var total evalset.Counts
	var title, byline, date evalset.Matches
	for _, p := range pages {
		page, err := Extract(string(p.HTML), p.URL)
		text := page.Doc.Text
		if err != nil {
			text = ""
		}
		title.Add(p.Title, page.Title)
		byline.Add(p.Author, page.Byline)
		date.Add(p.Date, page.Published)
		c := evalset.Score(p, text)
		total.Add(c)
		if os.Getenv("MARGIN_PAGES_EVAL_MISSES") != "" {
			evalset.Misses(t.Logf, p, text)
			t.Logf("%s metadata: title %q want %q; byline %q want %q; date %q want %q",
				p.File, page.Title, p.Title, page.Byline, p.Author, page.Published, p.Date)
		}
	}
	t.Logf("%d pages: %s", len(pages), total)
	t.Logf("metadata exactly right: title %s, byline %s, date %s", title, byline, date)
	const bar = 0.9
	if total.F1() < bar {
		t.Errorf("F1 %.3f is below %.2f", total.F1(), bar)
	}
}
