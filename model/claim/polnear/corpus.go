package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/span"
)

// gold is one PolNeAR attribution, as the converter wrote it.
type gold struct {
	ID      string     `json:"id"`
	Source  *goldSpan  `json:"source"`
	Cue     []goldSpan `json:"cue"`
	Content []goldSpan `json:"content"`
}

type goldSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func (g goldSpan) span() span.Span { return span.Span{Start: g.Start, End: g.End} }

// article is one PolNeAR text and its attributions.
type article struct {
	Name         string
	Text         string
	Attributions []gold `json:"attributions"`
}

// readSplit reads every article of data/split, in name order.
func readSplit(data, split string) ([]article, error) {
	dir := filepath.Join(data, split)
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no articles in %s", dir)
	}
	sort.Strings(names)
	arts := make([]article, 0, len(names))
	for _, n := range names {
		a, err := readArticle(strings.TrimSuffix(n, ".json"))
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, nil
}

func readArticle(base string) (article, error) {
	var a article
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
