package htmlpage

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"

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
// (whitespace and case aside), and measures precision beyond the
// snippets (evalset.Proxies), with the length of margin's text against
// go-readability's own and, when MARGIN_PAGES_EVAL_OTHER names a folder
// of another extractor's texts (<page file>.txt), that one's too.
// MARGIN_PAGES_EVAL_ALONE=1 lists the lines margin keeps that neither
// keeps. MARGIN_PAGES_EVAL_ALL=1 reads every page of the set, whatever
// its language and kind, to check a rule beyond the news pages.
func TestDevelopmentSet(t *testing.T) {
	dir := os.Getenv("MARGIN_PAGES_EVAL")
	if dir == "" {
		t.Skip("MARGIN_PAGES_EVAL names no evaluation set")
	}
	load := evalset.Load
	if os.Getenv("MARGIN_PAGES_EVAL_ALL") != "" {
		load = evalset.LoadAll
	}
	pages, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var total evalset.Counts
	var title, byline, date evalset.Matches
	var proxies evalset.Proxies
	var lengths lengthRatios
	for _, p := range pages {
		page, err := Extract(string(p.HTML), p.URL, readIn)
		text := page.Doc.Text
		if err != nil {
			text = ""
		}
		title.Add(p.Title, page.Title)
		byline.Add(p.Author, page.Byline)
		date.Add(p.Date, page.Published)
		total.Add(evalset.Score(p, text))
		proxies.Add(p, text)
		others := lengths.add(t, p, text)
		if os.Getenv("MARGIN_PAGES_EVAL_MISSES") != "" {
			evalset.Misses(t.Logf, p, text)
			t.Logf("%s metadata: title %q want %q; byline %q want %q; date %q want %q",
				p.File, page.Title, p.Title, page.Byline, p.Author, page.Published, p.Date)
		}
		if os.Getenv("MARGIN_PAGES_EVAL_ALONE") != "" {
			for _, line := range evalset.Alone(text, others...) {
				t.Logf("%s alone %q", p.File, line)
			}
		}
	}
	t.Logf("%d pages: %s", len(pages), total)
	t.Logf("metadata exactly right: title %s, byline %s, date %s", title, byline, date)
	t.Logf("precision proxies: %s", proxies)
	t.Logf("text length: %s", lengths)
	const bar = 0.9
	if total.F1() < bar {
		t.Errorf("F1 %.3f is below %.2f", total.F1(), bar)
	}
}

// BenchmarkExtractDevelopmentSet extracts every page of the set once an
// iteration: the cost of news pages as they come, against the hostile
// pages of bound_test.go. It runs when MARGIN_PAGES_EVAL names the set.
func BenchmarkExtractDevelopmentSet(b *testing.B) {
	dir := os.Getenv("MARGIN_PAGES_EVAL")
	if dir == "" {
		b.Skip("MARGIN_PAGES_EVAL names no evaluation set")
	}
	pages, err := evalset.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			_, _ = Extract(string(p.HTML), p.URL, readIn)
		}
	}
}

// lengthRatios sums the text margin, go-readability and another
// extractor keep, and the part of margin's that neither keeps.
type lengthRatios struct {
	margin, readability, other, alone int
	hasOther                          bool
}

// add measures one page and returns the other extractions of it.
func (l *lengthRatios) add(t *testing.T, p evalset.Page, text string) []string {
	others := []string{readabilityText(p)}
	if dir := os.Getenv("MARGIN_PAGES_EVAL_OTHER"); dir != "" {
		b, err := os.ReadFile(filepath.Join(dir, p.File+".txt"))
		if err != nil {
			t.Fatalf("MARGIN_PAGES_EVAL_OTHER: %v", err)
		}
		others = append(others, string(b))
		l.other += len(evalset.Norm(string(b)))
		l.hasOther = true
	}
	l.margin += len(evalset.Norm(text))
	l.readability += len(evalset.Norm(others[0]))
	for _, line := range evalset.Alone(text, others...) {
		l.alone += len(line)
	}
	return others
}

func (l lengthRatios) String() string {
	s := "margin/readability " + ratioText(l.margin, l.readability)
	if l.hasOther {
		s += ", margin/other " + ratioText(l.margin, l.other)
	}
	return s + ", in lines neither keeps " + ratioText(l.alone, l.margin)
}

func ratioText(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

// readabilityText is go-readability's own text of the page.
func readabilityText(p evalset.Page) string {
	u, _ := url.Parse(p.URL)
	art, err := readability.FromReader(bytes.NewReader(p.HTML), u)
	if err != nil || art.Node == nil {
		return ""
	}
	var sb strings.Builder
	if err := art.RenderText(&sb); err != nil {
		return ""
	}
	return sb.String()
}
