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
		{"makes a figcaption element a caption",
			"Fares rise in May.\n\n<figcaption>The ferry at the pier.</figcaption>\n\nThe council agreed.\n",
			[]doc.BlockKind{doc.Paragraph, doc.Caption, doc.Paragraph}},
		{"makes a figure's text, its caption, a caption",
			"Fares rise in May.\n\n<figure><img src=\"p.jpg\" alt=\"A ferry\">\n<figcaption>The ferry at the pier.</figcaption></figure>\n",
			[]doc.BlockKind{doc.Paragraph, doc.Caption}},
		{"keeps the text of another HTML block a paragraph",
			"<div>The council said fares would rise.</div>\n\n<figures>The council agreed.</figures>\n",
			[]doc.BlockKind{doc.Paragraph, doc.Paragraph}},
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

// TestFormatWritesACaptionThatReadsBackAsOne formats a caption holding
// the characters HTML escapes; parsed back it is the same caption, with
// the same words, and no paragraph (whose words could make claims).
func TestFormatWritesACaptionThatReadsBackAsOne(t *testing.T) {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write("Fares rise in May, the operator said.")
	b.StartBlock(doc.Block{Kind: doc.Caption})
	b.Write("Tom & Ana's <ferry> at the pier, 2024")
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write("The council agreed.")
	d := b.Doc()
	md := Format(d, nil)
	back, _ := Parse(md)
	if back.Text != d.Text || !slices.EqualFunc(back.Blocks, d.Blocks, func(a, b doc.Block) bool { return a.Kind == b.Kind && a.Span == b.Span }) {
		t.Errorf("formatted as\n%s\nread back as %q %v, want %q %v", md, back.Text, back.Blocks, d.Text, d.Blocks)
	}
}
