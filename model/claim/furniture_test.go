package claim

import (
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/sentence"
)

// TestFurnitureMakesNoClaims checks that no claim starts in a caption, a
// byline or a code block, while the same words in a paragraph make one. The cases are
// written for this test, not taken from the samples.
func TestFurnitureMakesNoClaims(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name string
		kind doc.BlockKind
		text string
		want bool // a claim starts in the block
	}{
		{"a caption that reports speech makes no claim", doc.Caption,
			"Dockers say the new cranes cut 40 percent of jobs. (Photo: Rui Costa)", false},
		{"a caption with a quotation makes no claim", doc.Caption,
			"“We were never told,” a docker said on the quay. Image: Rui Costa / Getty", false},
		{"a byline makes no claim", doc.Byline, "By Aoife Brennan, who says rents rose 12%", false},
		{"a code line with a percentage makes no claim", doc.Code,
			"share := 0.35 // 35 percent of voters said they would switch", false},
		{"a code block of several lines makes no claim", doc.Code,
			"SELECT region, avg(rent) FROM leases\n-- rents rose 9 percent, the council says\nGROUP BY region;", false},
		{"the code's words in a paragraph make a claim", doc.Paragraph,
			"Pollsters say 35 percent of voters would switch.", true},
		{"the caption's words in a paragraph make a claim", doc.Paragraph,
			"Dockers say the new cranes cut 40 percent of jobs. (Photo: Rui Costa)", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dc := buildDoc([]block{{kind: tt.kind, text: tt.text}})
			res := d.AnalyzeDoc(dc, sentence.Split(dc), nil)
			if got := len(res.Claims) > 0; got != tt.want {
				t.Errorf("claims %v, want a claim: %v", res.Claims, tt.want)
			}
		})
	}
}
