package claim

import (
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/markdown"
	"github.com/margin-reader/margin/model/sentence"
)

// TestATableRowsFiguresAreOneClaim checks that the figures of a table row
// whose cells name no source make one claim over the row, each figure a
// cue inside its own cell, while a row whose cell names a speaker keeps
// that cell's claim, with its source, to the cell.
func TestATableRowsFiguresAreOneClaim(t *testing.T) {
	const md = "| Route | Fare in 2023 | Fare in 2025 |\n|---|---|---|\n| Island loop | €4.20 | €6.10 |\n| Night bus | Drivers say €9 | €7 |\n"
	dc, _ := markdown.Parse(md)
	d := newDetector(t)
	res := d.AnalyzeDoc(dc, sentence.Split(dc), nil)
	rows := map[string]*doc.Block{}
	for i := range dc.Blocks {
		if b := &dc.Blocks[i]; b.Kind == doc.TableRow && !b.Header {
			rows[dc.Text[b.Cells[0].Start:b.Cells[0].End]] = b
		}
	}
	var loop, night []Claim
	for _, c := range res.Claims {
		switch {
		case rows["Island loop"].Covers(c.Span):
			loop = append(loop, c)
		case rows["Night bus"].Covers(c.Span):
			night = append(night, c)
		}
	}
	if len(loop) != 1 || loop[0].Start != rows["Island loop"].Cells[0].Start || loop[0].End != rows["Island loop"].End || !loop[0].Kinds.Has(Statistical) || len(loop[0].Cues) != 2 {
		t.Errorf("the island loop's claims %+v, want one statistical claim over its row with its two fares as cues", loop)
	}
	for _, c := range night {
		if c.Source != nil && c.In(dc.Text) != "Drivers say €9" {
			t.Errorf("a sourced claim %q, want it kept to its cell", c.In(dc.Text))
		}
	}
	if len(night) < 2 {
		t.Errorf("the night bus's claims %+v, want the drivers' and the other fare's apart", night)
	}
}
