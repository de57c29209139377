package doc

import "testing"

func TestBuilder(t *testing.T) {
	var b Builder
	b.StartBlock(Block{Kind: Heading, Level: 1})
	b.Write("Title")
	b.StartBlock(Block{Kind: Paragraph})
	b.Write("Some ")
	b.StartInline(Emphasis, "")
	b.Write("marked")
	b.EndInline(Emphasis)
	b.Write(" words\nover lines.")
	b.StartBlock(Block{Kind: Paragraph})
	b.StartBlock(Block{Kind: Code})
	b.Write("a\nb")
	d := b.Doc()
	if want := "Title\nSome marked words over lines.\na\nb"; d.Text != want {
		t.Fatalf("Text = %q, want %q", d.Text, want)
	}
	kinds := []BlockKind{Heading, Paragraph, Code}
	if len(d.Blocks) != len(kinds) {
		t.Fatalf("got %d blocks, want %d (the empty paragraph dropped)", len(d.Blocks), len(kinds))
	}
	for i, k := range kinds {
		if d.Blocks[i].Kind != k {
			t.Errorf("block %d is %s, want %s", i, d.Blocks[i].Kind, k)
		}
	}
	if len(d.Inlines) != 1 || d.Inlines[0].In(d.Text) != "marked" {
		t.Errorf("inlines = %v, want one over %q", d.Inlines, "marked")
	}
}

func TestBuilderEmptyLeadingBlockDoesNotOverlap(t *testing.T) {
	var b Builder
	b.StartBlock(Block{Kind: TableRow})
	b.StartCell()
	b.EndCell()
	b.StartBlock(Block{Kind: Paragraph})
	b.Write("text")
	d := b.Doc()
	if len(d.Blocks) != 1 || d.Blocks[0].In(d.Text) != "text" {
		t.Fatalf("blocks = %+v over %q, want one block over %q", d.Blocks, d.Text, "text")
	}
}

func TestBuilderTableCells(t *testing.T) {
	var b Builder
	b.StartBlock(Block{Kind: TableRow, Header: true})
	for _, c := range []string{"Scheme", "Cost"} {
		b.StartCell()
		b.Write(c)
		b.EndCell()
	}
	d := b.Doc()
	row := d.Blocks[0]
	if d.Text != "Scheme\tCost" || len(row.Cells) != 2 || row.Cells[1].In(d.Text) != "Cost" {
		t.Fatalf("row %+v over %q", row, d.Text)
	}
}
