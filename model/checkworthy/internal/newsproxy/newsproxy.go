// Package newsproxy is the weak check-worthiness signal margin measures on
// news: PolNeAR marks who said what in election news, and a sentence that
// holds attributed content with something checkable in it (a number, an
// entity, a comparison) is taken as worth checking. The trainer reports
// and the quality test demands the AUC of the scores against it.
package newsproxy

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/margin-reader/margin/internal/polnear"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

// Article is one PolNeAR article split into sentences as margin splits it.
type Article struct {
	Text      string
	Sentences []span.Span
	// Contents are the content spans of the attributions with a source.
	Contents []span.Span
}

// Files returns the article texts in a PolNeAR split folder, sorted.
func Files(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("PolNeAR: no %s/*.txt", dir)
	}
	sort.Strings(files)
	return files, nil
}

// Read reads the article at path (its .txt) and its attributions (the
// .json beside it).
func Read(path string, split *sentence.Splitter) (Article, error) {
	pa, err := polnear.ReadArticle(strings.TrimSuffix(path, ".txt"))
	if err != nil {
		return Article{}, fmt.Errorf("PolNeAR: %w", err)
	}
	var contents []span.Span
	for _, at := range pa.Attributions {
		if at.Source != nil {
			for _, c := range at.Content {
				contents = append(contents, c.Span())
			}
		}
	}
	return Article{Text: pa.Text, Sentences: split.Split(paragraphs(pa.Text)), Contents: contents}, nil
}

// paragraphs makes a document of PolNeAR's one-paragraph-a-line text.
func paragraphs(text string) doc.Doc {
	d := doc.Doc{Text: text}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				d.Blocks = append(d.Blocks, doc.Block{Span: span.Span{Start: start, End: i}, Kind: doc.Paragraph})
			}
			start = i + 1
		}
	}
	return d
}

// comparisons are the words that make a content a checkable comparison.
var comparisons = map[string]bool{"more": true, "less": true, "fewer": true, "than": true, "most": true, "least": true, "percent": true}

// Weak labels each sentence: whether it overlaps an attributed content
// that holds a digit, a per cent or dollar sign, a comparison word or one
// of ents (margin's entities over the text).
func (a Article) Weak(ents []entity.Entity) []bool {
	out := make([]bool, len(a.Sentences))
	for i, s := range a.Sentences {
		for _, c := range a.Contents {
			lo, hi := max(c.Start, s.Start), min(c.End, s.End)
			if lo < hi && checkable(a.Text[lo:hi], lo, hi, ents) {
				out[i] = true
				break
			}
		}
	}
	return out
}

func checkable(part string, lo, hi int, ents []entity.Entity) bool {
	if strings.ContainsAny(part, "0123456789%$") {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(part)) {
		if comparisons[strings.Trim(w, ".,;:!?\"'")] {
			return true
		}
	}
	for _, e := range ents {
		if e.Start < hi && e.End > lo {
			return true
		}
	}
	return false
}

// AUC is the area under the ROC curve of scores separating the positives
// from the others: the chance that a random positive outscores a random
// negative, ties counting half. It is 0.5 when either class is empty.
func AUC(scores []float64, pos []bool) float64 {
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] < scores[order[b]] })
	// Mann-Whitney: the rank sum of the positives, ties sharing their mean rank.
	var rankSum, nPos float64
	for i := 0; i < len(order); {
		j := i
		for j < len(order) && scores[order[j]] == scores[order[i]] {
			j++
		}
		mid := float64(i+j+1) / 2
		for _, k := range order[i:j] {
			if pos[k] {
				rankSum += mid
				nPos++
			}
		}
		i = j
	}
	nNeg := float64(len(order)) - nPos
	if nPos == 0 || nNeg == 0 {
		return 0.5
	}
	return (rankSum - nPos*(nPos+1)/2) / (nPos * nNeg)
}
