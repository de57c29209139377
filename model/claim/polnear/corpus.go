package main

import (
	"path/filepath"

	"github.com/margin-reader/margin/internal/polnear"
)

// The corpus as internal/polnear reads it, under this command's names.
type (
	gold     = polnear.Attribution
	goldSpan = polnear.Span
	article  = polnear.Article
)

// readSplit reads every article of data/split, in name order.
func readSplit(data, split string) ([]article, error) {
	return polnear.ReadSplit(filepath.Join(data, split))
}
