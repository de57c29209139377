// Package evalset scores article extraction on trafilatura's evaluation
// set (tests/evaldata.json with the pages under tests/eval and
// tests/cache), restricted to its English news pages.
//
// The metric is the benchmark's own: for each page, a "with" snippet found
// in the extracted text (after collapsing whitespace) is a true positive,
// one not found a false negative; a "without" snippet found is a false
// positive, one absent a true negative. Precision is tp/(tp+fp), recall
// tp/(tp+fn) and F1 2tp/(2tp+fp+fn), all summed over every page.
//
// A page is English when its <html> element has a lang attribute starting
// with "en", and news when it declares itself an article: an og:type of
// "article", an article:published_time meta, or NewsArticle JSON-LD.
package evalset

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/decode"
)

// Page is one page of the set with the snippets it must and must not
// keep, and its title, author and date where the set gives them.
type Page struct {
	URL, File           string
	HTML                []byte
	With, Without       []string
	Title, Author, Date string
}

// Counts are the snippets that held and failed over a run.
type Counts struct{ TP, FP, FN, TN int }

// Add sums another page's counts into c.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN; c.TN += o.TN }

// Precision is the share of kept snippets that should be kept.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is the share of must-keep snippets kept.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func (c Counts) String() string {
	return fmt.Sprintf("F1 %.3f (precision %.3f, recall %.3f); must keep %d/%d, must not keep %d/%d",
		c.F1(), c.Precision(), c.Recall(), c.TP, c.TP+c.FN, c.TN, c.TN+c.FP)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

var (
	// Unicode's spaces too (a no-break space among them): the benchmark
	// collapses whitespace with Python's str.split, which splits on them.
	spaces    = regexp.MustCompile(`[\s\p{Zs}\x{85}\x{2028}\x{2029}]+`)
	htmlLang  = regexp.MustCompile(`(?i)<html\b[^>]*\blang\s*=\s*["']?en\b`)
	newsMarks = regexp.MustCompile(`(?i)og:type["']?\s+content\s*=\s*["']article|content\s*=\s*["']article["']\s+(property|name)\s*=\s*["']og:type|article:published_time|"@type"\s*:\s*"NewsArticle"`)
)

// Norm collapses whitespace runs, Unicode's spaces among them, to one
// space, as the benchmark does.
func Norm(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// Score counts one page's snippets in an extracted text.
func Score(p Page, text string) Counts {
	var c Counts
	check(p, text, func(_ string, keep, found bool) {
		switch {
		case keep && found:
			c.TP++
		case keep:
			c.FN++
		case found:
			c.FP++
		default:
			c.TN++
		}
	})
	return c
}

// Misses logs each snippet of p that the text fails.
func Misses(logf func(string, ...any), p Page, text string) {
	check(p, text, func(s string, keep, found bool) {
		switch {
		case keep && !found:
			logf("%s lost %q", p.File, s)
		case !keep && found:
			logf("%s kept %q", p.File, s)
		}
	})
}

// check looks for each snippet of p in the text: keep says whether it
// must be kept, found whether it is there.
func check(p Page, text string, each func(snippet string, keep, found bool)) {
	text = Norm(text)
	for _, s := range p.With {
		each(s, true, strings.Contains(text, Norm(s)))
	}
	for _, s := range p.Without {
		each(s, false, strings.Contains(text, Norm(s)))
	}
}

// Load reads the English news pages of the set in dir (trafilatura's
// tests folder), sorted by URL.
func Load(dir string) ([]Page, error) { return load(dir, isEnglishNews) }

// LoadAll reads every page of the set, in every language and of every
// kind, sorted by URL: a rule for news pages can be checked on 990
// pages rather than 140.
func LoadAll(dir string) ([]Page, error) { return load(dir, func([]byte) bool { return true }) }

// load reads the pages of the set that keep accepts.
func load(dir string, keep func(html []byte) bool) ([]Page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "evaldata.json"))
	if err != nil {
		return nil, fmt.Errorf("read the evaluation set: %w", err)
	}
	var entries map[string]struct {
		File          string
		With, Without []string
		Title, Date   string
		Author        any // a name or a list of names
	}
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, "evaldata.json"), err)
	}
	var pages []Page
	for url, e := range entries {
		html, err := readPage(dir, e.File)
		if err != nil {
			return nil, err
		}
		if keep(html) {
			pages = append(pages, Page{URL: url, File: e.File, HTML: html, With: e.With, Without: e.Without,
				Title: e.Title, Author: names(e.Author), Date: e.Date})
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	return pages, nil
}

// names is an author annotation as one string, names parted by ", ".
func names(v any) string {
	switch v := v.(type) {
	case string:
		return strings.ReplaceAll(v, "; ", ", ")
	case []any:
		var out []string
		for _, n := range v {
			if s, ok := n.(string); ok {
				out = append(out, s)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

// readPage reads a page of the set as margin opens a saved page, in the
// charset it declares (decode.Page); 27 of the 990 pages are not UTF-8,
// none of the English news pages. The one page with a NUL byte, which
// margin would not open, is read as it is.
func readPage(dir, file string) ([]byte, error) {
	for _, sub := range []string{"cache", "eval"} {
		b, err := os.ReadFile(filepath.Join(dir, sub, file))
		if err != nil {
			continue
		}
		if text, err := decode.Page(b, ""); err == nil {
			return []byte(text), nil
		}
		return b, nil
	}
	return nil, fmt.Errorf("evaluation page %s is in neither cache nor eval", file)
}

// isEnglishNews looks at the page's start, where <html> and the
// metadata are.
func isEnglishNews(html []byte) bool {
	head := html[:min(len(html), 200_000)]
	return htmlLang.Match(head) && newsMarks.Match(head)
}

// Matches counts how many of the annotated values a run got right.
type Matches struct{ Right, Of int }

// Add counts one annotated value: want "" is not annotated.
func (m *Matches) Add(want, got string) {
	if want == "" {
		return
	}
	m.Of++
	if strings.EqualFold(Norm(want), Norm(got)) {
		m.Right++
	}
}

func (m Matches) String() string { return fmt.Sprintf("%d/%d", m.Right, m.Of) }
