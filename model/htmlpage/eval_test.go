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
// MARGIN_PAGES_EVAL_MISSES=1 also lists every snippet that failed.
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
	for _, p := range pages {
		text := ""
		if page, err := Extract(string(p.HTML), p.URL); err == nil {
			text = page.Doc.Text
		}
		c := evalset.Score(p, text)
		total.Add(c)
		if os.Getenv("MARGIN_PAGES_EVAL_MISSES") != "" {
			evalset.Misses(t.Logf, p, text)
		}
	}
	t.Logf("%d pages: %s", len(pages), total)
	const bar = 0.9
	if total.F1() < bar {
		t.Errorf("F1 %.3f is below %.2f", total.F1(), bar)
	}
}
