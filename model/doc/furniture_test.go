package doc

import (
	"strings"
	"testing"
)

func TestIsByline(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"one writer", "By Priya Raman", true},
		{"two writers and an outlet", "By Tomas Eklund and Mei Lin, Associated Press", true},
		{"a writer, a role and a date", "By Oluwaseun Adeyemi, Staff Writer | 4 May 2023", true},
		{"a name with particles", "By Anna van der Berg", true},
		{"capitals throughout", "BY KAREN OSEI", true},
		{"an agency as the writer", "By the Press Association", true},
		{"a time phrase starting a sentence", "By Monday the council had voted to close the pool.", false},
		{"a means starting a sentence", "By cutting fares, the city hopes to win riders back.", false},
		{"a name followed by a clause", "By Friday, officials said the road would reopen", false},
		{"a name, a comma and a short sentence", "By March, prices rose.", false},
		{"a writer and a role in lower case", "By Tariq Nasser, Northern affairs reporter", true},
		{"no By", "Priya Raman", false},
		{"By alone", "By", false},
		{"far too long", "By Ann Lee and Bo Yu and Cy Day and Di Fox and Ed Gu and Flo Hu and Gil Ito, Staff", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsByline(tt.text); got != tt.want {
				t.Errorf("IsByline(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestIsCredit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"a photo label", "Photo: Dana Whitfield", true},
		{"a photograph label with an agency", "Photograph: Lars Nygaard/Scanpix", true},
		{"an image label and a slash agency", "Image: Rui Costa / Getty", true},
		{"a photo-by label", "Photo by Hamid Qureshi for The Courier", true},
		{"a caption ending in an agency credit in brackets", "Ferry passengers wait at the pier on Sunday. (AP Photo/Lena Morales)", true},
		{"a caption ending in a bracketed photo credit", "The old mill before the fire (Photo: Town Archive)", true},
		{"a caption ending with a slash agency", "Crowds fill the square in Valletta. Marco Bianchi/AFP via Getty Images", true},
		{"a credit label", "Credit: Sunita Bose", true},
		{"an agency alone", "Getty.", true},
		{"an agency and a platform", "Shutterstock/Flickr", true},
		{"a photographer via an agency", "Kofi Mensah via Getty Images.", true},
		{"a caption ending in photographer and agencies in brackets", "Fishermen unload the catch at dawn. (KOFI MENSAH/AFP/Getty Images)", true},
		{"a sentence naming an agency", "Reuters reported the fire on Monday.", false},
		{"a sentence about a wire service", "The report was sent via AP to subscribers.", false},
		{"a sentence about photos", "Photos of the flood spread quickly on social media, residents said.", false},
		{"a sentence mentioning an image", "The image shows the bridge before it was repaired.", false},
		{"a sentence with a slash", "The ratio rose to 3/4 last year.", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsCredit(tt.text); got != tt.want {
				t.Errorf("IsCredit(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestMarkFurniture(t *testing.T) {
	var b Builder
	for _, p := range []string{"Harbour wall to be raised", "By Ines Duarte", "The council voted on Tuesday.",
		"Photo: Ines Duarte", "By Ines Duarte"} {
		b.StartBlock(Block{Kind: Paragraph})
		b.Write(p)
		b.EndBlock()
	}
	d := b.Doc()
	later := Doc{Text: d.Text, Blocks: append([]Block(nil), d.Blocks...)}
	MarkFurniture(d, 0)
	want := []BlockKind{Paragraph, Byline, Paragraph, Caption, Paragraph}
	for i, k := range want {
		if d.Blocks[i].Kind != k {
			t.Errorf("block %d (%q) is a %v, want a %v", i, d.Blocks[i].In(d.Text), d.Blocks[i].Kind, k)
		}
	}
	MarkFurniture(later, LeadBlocks)
	if later.Blocks[1].Kind != Paragraph {
		t.Errorf("a byline-like line of a later part became a %v", later.Blocks[1].Kind)
	}
}

func TestBlockKindNames(t *testing.T) {
	tests := []struct {
		kind      BlockKind
		name      string
		furniture bool
	}{
		{Paragraph, "paragraph", false},
		{Heading, "heading", false},
		{TableRow, "table-row", false},
		{Caption, "caption", true},
		{Byline, "byline", true},
		{Byline + 1, "unknown", false},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.name {
			t.Errorf("kind %d is named %q, want %q", tt.kind, got, tt.name)
		}
		if got := tt.kind.Furniture(); got != tt.furniture {
			t.Errorf("%s.Furniture() = %v, want %v", tt.name, got, tt.furniture)
		}
	}
}

// FuzzMarkFurniture checks that marking furniture changes only the kinds
// of paragraphs, and only to caption or byline.
func FuzzMarkFurniture(f *testing.F) {
	f.Add("By Ines Duarte\nPhoto: Rui Costa / Getty\nThe council voted.")
	f.Add("(\n)By \nGetty/")
	f.Fuzz(func(t *testing.T, text string) {
		var b Builder
		for i, line := range strings.Split(text, "\n") {
			kind := Paragraph
			if i%3 == 2 {
				kind = Quote
			}
			b.StartBlock(Block{Kind: kind})
			b.Write(line)
		}
		d := b.Doc()
		before := append([]Block(nil), d.Blocks...)
		MarkFurniture(d, 0)
		for i, blk := range d.Blocks {
			was := before[i]
			if blk.Span != was.Span {
				t.Fatalf("block %d moved from %v to %v", i, was.Span, blk.Span)
			}
			if blk.Kind != was.Kind && (was.Kind != Paragraph || !blk.Kind.Furniture()) {
				t.Fatalf("block %d %q went from %v to %v", i, blk.In(d.Text), was.Kind, blk.Kind)
			}
		}
	})
}
