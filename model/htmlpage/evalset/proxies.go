package evalset

import (
	"fmt"
	"strings"
)

// The snippet metric sees only the few snippets a page names, so text
// kept around the article goes unseen unless a "without" snippet falls in
// it. Proxies measure that precision from the snippets the set has: the
// lines that hold a "with" snippet are surely article, so the bytes
// before the first such line and after the last are the text most likely
// to be page furniture.
type Proxies struct {
	Pages int
	// Bytes is the text extracted, summed over pages; Around the part of
	// it before the first and after the last line holding a "with"
	// snippet, and Uncovered the part in lines holding none.
	Bytes, Around, Uncovered int
	// KeptWithout counts the pages whose text holds a "without" snippet.
	KeptWithout int
}

// anchor is how much of a snippet's start or end finds the line it
// begins or ends in, when it runs across lines.
const anchor = 30

// Add measures one page's extracted text, its lines as the extractor
// laid them out.
func (x *Proxies) Add(p Page, text string) {
	x.Pages++
	first, last := -1, -1
	var lens []int
	for i, line := range strings.Split(text, "\n") {
		n := len(Norm(line))
		lens = append(lens, n)
		x.Bytes += n
		if n == 0 {
			continue
		}
		if holdsWith(p, Norm(line)) {
			if first < 0 {
				first = i
			}
			last = i
		} else {
			x.Uncovered += n
		}
	}
	for i, n := range lens {
		if first < 0 || i < first || i > last {
			x.Around += n
		}
	}
	for _, s := range p.Without {
		if strings.Contains(Norm(text), Norm(s)) {
			x.KeptWithout++
			break
		}
	}
}

// holdsWith reports whether a line holds a "with" snippet, whole or the
// start or end of one that runs across lines.
func holdsWith(p Page, line string) bool {
	for _, s := range p.With {
		s = Norm(s)
		head, tail := s[:min(len(s), anchor)], s[max(0, len(s)-anchor):]
		if strings.Contains(line, head) || strings.Contains(line, tail) || strings.Contains(s, line) {
			return true
		}
	}
	return false
}

func (x Proxies) String() string {
	return fmt.Sprintf("%d bytes; around the \"with\" lines %.1f%%, in lines with no \"with\" snippet %.1f%%; pages keeping a \"without\" snippet %d/%d",
		x.Bytes, pct(x.Around, x.Bytes), pct(x.Uncovered, x.Bytes), x.KeptWithout, x.Pages)
}

func pct(a, b int) float64 { return 100 * ratio(a, b) }

// Alone is the text of the lines of text that are found in none of the
// other extractions: what only this extractor keeps. Every Unicode space
// counts as whitespace here, since extractors differ in what they make of
// a no-break space.
func Alone(text string, others ...string) []string {
	norms := make([]string, len(others))
	for i, o := range others {
		norms[i] = words(o)
	}
	var alone []string
	for line := range strings.SplitSeq(text, "\n") {
		line = words(line)
		if line == "" {
			continue
		}
		found := false
		for _, o := range norms {
			if strings.Contains(o, line) {
				found = true
				break
			}
		}
		if !found {
			alone = append(alone, line)
		}
	}
	return alone
}

// words is s with every run of Unicode spaces made one ASCII space.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }
