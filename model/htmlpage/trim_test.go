package htmlpage

import (
	"testing"

	"github.com/margin-reader/margin/model/doc"
)

func TestTrimEdges(t *testing.T) {
	var b doc.Builder
	block := func(kind doc.BlockKind, text string) {
		b.StartBlock(doc.Block{Kind: kind})
		b.Write(text)
		b.EndBlock()
	}
	block(doc.Paragraph, "May 4, 2023")
	block(doc.Paragraph, "The harbour board met on Tuesday.")
	b.StartBlock(doc.Block{Kind: doc.TableRow})
	b.StartCell()
	b.Mark(doc.Link, "https://example.com/s", func() { b.Write("Survey") })
	b.EndCell()
	b.StartCell()
	b.Write("May")
	b.EndCell()
	b.EndBlock()
	block(doc.Paragraph, "Advertisement")
	block(doc.Paragraph, "MORE FROM")
	block(doc.Heading, "More stories")
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	d := f.trimEdges(b.Doc())
	if want := "The harbour board met on Tuesday.\nSurvey\tMay"; d.Text != want {
		t.Fatalf("text = %q, want %q", d.Text, want)
	}
	var cells []string
	for _, c := range d.Blocks[1].Cells {
		cells = append(cells, d.Text[c.Start:c.End])
	}
	if len(d.Blocks) != 2 || d.Blocks[0].Start != 0 || len(cells) != 2 || cells[0] != "Survey" || cells[1] != "May" {
		t.Errorf("blocks %+v read %q", d.Blocks, cells)
	}
	if len(d.Inlines) != 1 || d.Text[d.Inlines[0].Start:d.Inlines[0].End] != "Survey" {
		t.Errorf("inlines %+v", d.Inlines)
	}
}

func TestTrimEdgesKeepsAnArticleWithoutFurniture(t *testing.T) {
	var b doc.Builder
	b.Write("The harbour board met on Tuesday.")
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	if d := f.trimEdges(b.Doc()); d.Text != "The harbour board met on Tuesday." || len(d.Blocks) != 1 {
		t.Errorf("trimmed to %q", d.Text)
	}
}
