package doc

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/margin-reader/margin/model/span"
)

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

func TestBuilderMarks(t *testing.T) {
	tests := []struct {
		name  string
		build func(b *Builder)
		want  []string // kind:text of each mark
	}{
		{"an empty mark leaves nothing", func(b *Builder) {
			b.StartInline(Link, "https://example.com")
			b.EndInline(Link)
			b.Write("text")
		}, nil},
		{"a mark starts at its first word, not the space before", func(b *Builder) {
			b.Write("By")
			b.StartInline(Link, "u")
			b.Write(" Ines")
			b.EndInline(Link)
		}, []string{"link:Ines"}},
		{"a mark open across blocks marks the text in each", func(b *Builder) {
			b.StartInline(Strong, "")
			b.StartBlock(Block{Kind: Paragraph})
			b.Write("one")
			b.StartBlock(Block{Kind: Paragraph})
			b.Write("two")
			b.EndInline(Strong)
		}, []string{"strong:one", "strong:two"}},
		{"the innermost mark of a kind closes first", func(b *Builder) {
			b.StartInline(Emphasis, "")
			b.Write("a ")
			b.StartInline(Strong, "")
			b.Write("b")
			b.EndInline(Strong)
			b.Write(" c")
			b.EndInline(Emphasis)
		}, []string{"emphasis:a b c", "strong:b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b Builder
			tt.build(&b)
			d := b.Doc()
			var got []string
			for _, in := range d.Inlines {
				got = append(got, in.Kind.String()+":"+in.In(d.Text))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("marks = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBuilderWithin(t *testing.T) {
	var b Builder
	if b.Marked() || b.Within(Link) {
		t.Fatal("a new builder reports open marks")
	}
	b.StartInline(Link, "u")
	if !b.Marked() || !b.Within(Link) || b.Within(Strong) {
		t.Fatal("Within and Marked do not follow StartInline")
	}
	b.EndInline(Link)
	if b.Marked() {
		t.Fatal("Marked after the mark ended")
	}
}

func TestBuilderMarkKeepsOneMarkOfAKind(t *testing.T) {
	var b Builder
	b.Mark(Emphasis, "", func() {
		b.Write("a ")
		b.Mark(Emphasis, "", func() { b.Write("b") })
		b.Mark(Link, "u", func() {
			b.Mark(Link, "v", func() { b.Write(" c") })
		})
	})
	d := b.Doc()
	var got []string
	for _, in := range d.Inlines {
		got = append(got, in.Kind.String()+":"+in.In(d.Text))
	}
	want := "emphasis:a b c|link:c|link:c"
	if strings.Join(got, "|") != want {
		t.Errorf("marks = %q, want %q (one emphasis; links are the walker's to keep apart)", got, want)
	}
}

func TestAppenderGivenRoomKeepsOneCopyOfTheText(t *testing.T) {
	pieces := []string{"The first paragraph.", "A second one, longer than the first.", "A third."}
	var a Appender
	a.Grow(len(strings.Join(pieces, "\n")))
	var seen []Doc
	for _, p := range pieces {
		a.Append(Doc{Text: p, Blocks: []Block{{Span: span.Span{End: len(p)}}}})
		seen = append(seen, a.Doc())
	}
	whole := seen[len(seen)-1]
	for i, d := range seen {
		if unsafe.StringData(d.Text) != unsafe.StringData(whole.Text) {
			t.Errorf("after piece %d the text is a copy of its own, not the start of the whole text", i+1)
		}
		if !strings.HasPrefix(whole.Text, d.Text) {
			t.Errorf("after piece %d the text %q is not the start of the whole %q", i+1, d.Text, whole.Text)
		}
	}
}
