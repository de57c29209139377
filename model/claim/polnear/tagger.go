package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/margin-reader/margin/model/claim"
)

// taggerEpochs is how many passes the cue tagger makes over train.
const taggerEpochs = 10

// trainTagger trains the cue tagger on every paragraph of arts, in name
// and text order, and writes its weights.
func trainTagger(w io.Writer, arts []article) error {
	var exs []claim.CueExample
	for _, a := range arts {
		exs = append(exs, paragraphs(a)...)
	}
	data, err := claim.TrainCueModel(exs, taggerEpochs)
	if err != nil {
		return fmt.Errorf("train cue tagger: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("write cue tagger: %w", err)
	}
	return nil
}

// paragraphs cuts an article into its lines with the cues inside each.
func paragraphs(a article) []claim.CueExample {
	var out []claim.CueExample
	start := 0
	for _, line := range strings.SplitAfter(a.Text, "\n") {
		end := start + len(line)
		ex := claim.CueExample{Text: strings.TrimRight(line, "\n")}
		for _, g := range a.Attributions {
			for _, c := range g.Cue {
				if c.Start >= start && c.End <= start+len(ex.Text) {
					ex.Cues = append(ex.Cues, [2]int{c.Start - start, c.End - start})
				}
			}
		}
		if ex.Text != "" {
			out = append(out, ex)
		}
		start = end
	}
	return out
}
