// Package polnear reads the PolNeAR attribution corpus as the shared data
// folder holds it: each article a .txt with a .json of its attributions
// (source, cue and content spans in byte offsets of the text). The claim
// scorer and the check-worthiness news check both read it through here.
package polnear

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/span"
)

// Span is one marked stretch of an article's text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the byte span of s.
func (s Span) Span() span.Span { return span.Span{Start: s.Start, End: s.End} }

// Attribution is one attribution relation; Source is nil when the text
// names none.
type Attribution struct {
	ID      string `json:"id"`
	Source  *Span  `json:"source"`
	Cue     []Span `json:"cue"`
	Content []Span `json:"content"`
}

// Article is one PolNeAR text and its attributions.
type Article struct {
	Name         string
	Text         string
	Attributions []Attribution `json:"attributions"`
}

// ReadSplit reads every article in dir (a split folder such as
// data/attribution/dev), in name order.
func ReadSplit(dir string) ([]Article, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no articles in %s", dir)
	}
	sort.Strings(names)
	arts := make([]Article, 0, len(names))
	for _, n := range names {
		a, err := ReadArticle(strings.TrimSuffix(n, ".json"))
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, nil
}

// ReadArticle reads base.txt and the attributions in base.json.
func ReadArticle(base string) (Article, error) {
	var a Article
	js, err := os.ReadFile(base + ".json")
	if err != nil {
		return a, fmt.Errorf("read attributions: %w", err)
	}
	if err := json.Unmarshal(js, &a); err != nil {
		return a, fmt.Errorf("parse %s.json: %w", base, err)
	}
	txt, err := os.ReadFile(base + ".txt")
	if err != nil {
		return a, fmt.Errorf("read text: %w", err)
	}
	a.Name, a.Text = filepath.Base(base), string(txt)
	return a, nil
}
