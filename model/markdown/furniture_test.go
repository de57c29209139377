package markdown

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/doc"
)

func TestParseFurnitureKinds(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []doc.BlockKind
	}{
		{"makes a byline under the title a byline",
			"# Ferry fares to rise\n\n*By Aoife Brennan, Coast Herald*\n\nFares rise in May.\n",
			[]doc.BlockKind{doc.Heading, doc.Byline, doc.Paragraph}},
		{"makes a caption with a bracketed credit a caption",
			"# Ferry fares to rise\n\nFares rise in May.\n\n![](p.jpg)\nThe ferry at the pier. (Photo: Sam Okoro)\n\nThe council agreed.\n",
			[]doc.BlockKind{doc.Heading, doc.Paragraph, doc.Caption, doc.Paragraph}},
		{"keeps a By line deep in the text a paragraph",
			"# Ferry fares to rise\n\nOne.\n\nTwo.\n\nThree.\n\nBy Aoife Brennan\n",
			[]doc.BlockKind{doc.Heading, doc.Paragraph, doc.Paragraph, doc.Paragraph, doc.Paragraph}},
		{"keeps a list item that reads like a credit a list item",
			"- Photo: Sam Okoro\n",
			[]doc.BlockKind{doc.ListItem}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := Parse(tt.in)
			var got []doc.BlockKind
			for _, b := range d.Blocks {
				got = append(got, b.Kind)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("kinds = %v, want %v\n%s", got, tt.want, dump(d, nil))
			}
		})
	}
}
