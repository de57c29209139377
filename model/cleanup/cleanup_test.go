package cleanup

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/doc"
)

// dump shows a cleaned document one block a line, as "kind: text".
func dump(d doc.Doc) string {
	var lines []string
	for _, b := range d.Blocks {
		label := b.Kind.String()
		if b.Marker != "" {
			label += " " + b.Marker
		}
		lines = append(lines, label+": "+b.In(d.Text))
	}
	return strings.Join(lines, "\n")
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			"keeps a repeated title once, as a heading",
			"Big news today\n\nBig news today\n\nSomething happened.",
			"heading: Big news today\nparagraph: Something happened.",
		},
		{
			"drops widget lines",
			"Headline here\n\nPlay all audios:\n\nLoading...\n\nAdvertisement\n\nThe text.",
			"heading: Headline here\nparagraph: The text.",
		},
		{
			"joins a sentence broken across blank lines before a lower-case word",
			"The minister said\n\n\nthat talks would resume.",
			"paragraph: The minister said that talks would resume.",
		},
		{
			"joins a sentence broken after a function word",
			"He arrived in Paris on the first day of the summit and met the\n\nPresident of France.",
			"paragraph: He arrived in Paris on the first day of the summit and met the President of France.",
		},
		{
			"joins a long unpunctuated run to the next paragraph",
			"Officials from both sides met for several hours behind closed doors in the capital on\n\nMonday. Nothing was agreed.",
			"paragraph: Officials from both sides met for several hours behind closed doors in the capital on Monday. Nothing was agreed.",
		},
		{
			"takes a line in capitals before its paragraph for a heading",
			"Ferry fares rise\n\nThe ferry company raised its fares.\n\nTHE HARBOUR LEASE\nIts lease on the quay ends in May.",
			"heading: Ferry fares rise\nparagraph: The ferry company raised its fares.\nheading: THE HARBOUR LEASE\nparagraph: Its lease on the quay ends in May.",
		},
		{
			"takes a line in capitals after a finished sentence for a heading",
			"Ferry fares rise\n\nThe ferry company raised its fares.\nTHE HARBOUR LEASE\nIts lease on the quay ends in May.",
			"heading: Ferry fares rise\nparagraph: The ferry company raised its fares.\nheading: THE HARBOUR LEASE\nparagraph: Its lease on the quay ends in May.",
		},
		{
			"keeps capitals inside a hard-wrapped sentence",
			"Ferry fares rise\n\nThe notice on the quay read\nNO ENTRY AFTER DARK\nin red letters.",
			"heading: Ferry fares rise\nparagraph: The notice on the quay read NO ENTRY AFTER DARK in red letters.",
		},
		{
			"keeps real paragraph breaks",
			"First paragraph ends here.\n\nSecond one starts here.",
			"paragraph: First paragraph ends here.\nparagraph: Second one starts here.",
		},
		{
			"reflows hard-wrapped lines",
			"This paragraph was wrapped\nat a narrow width by\nan old mail client.",
			"paragraph: This paragraph was wrapped at a narrow width by an old mail client.",
		},
		{
			"mends a word hyphenated across a line end",
			"The infor-\nmation was leaked.",
			"paragraph: The information was leaked.",
		},
		{
			"keeps a hyphen that joins words",
			"It is a well-\nKnown fact.",
			"paragraph: It is a well- Known fact.",
		},
		{
			"reads CRLF line ends",
			"One line.\r\n\r\nAnother line.\r\n",
			"paragraph: One line.\nparagraph: Another line.",
		},
		{
			"reads lone CR line ends",
			"One line.\r\rAnother line.",
			"paragraph: One line.\nparagraph: Another line.",
		},
		{
			"folds tabs and runs of spaces",
			"Words\tseparated   by\t\ttabs.",
			"paragraph: Words separated by tabs.",
		},
		{
			"folds a no-break space beside a space",
			"End.\u00a0 Next.",
			"paragraph: End. Next.",
		},
		{
			"keeps a lone no-break space",
			"Mr.\u00a0Smith spoke.",
			"paragraph: Mr.\u00a0Smith spoke.",
		},
		{
			"drops control characters",
			"Bad\x1b[31m bytes\x07 here.",
			"paragraph: Bad[31m bytes here.",
		},
		{
			"recognises bulleted and numbered lists",
			"Key points:\n\n- First point\n- Second point\n\n1. Step one\n2) Step two",
			"paragraph: Key points:\nlist-item •: First point\nlist-item •: Second point\nlist-item 1.: Step one\nlist-item 2.: Step two",
		},
		{
			"continues a list item wrapped onto a lower-case line",
			"- A point that goes\n  on for a while\n- Next",
			"list-item •: A point that goes on for a while\nlist-item •: Next",
		},
		{
			"keeps dialogue lines apart",
			"“Are you coming?” she asked.\n\n“Not today,” he said.",
			"paragraph: “Are you coming?” she asked.\nparagraph: “Not today,” he said.",
		},
		{
			"recognises hash headings",
			"Intro text.\n\n## Background\n\nMore text.",
			"paragraph: Intro text.\nheading: Background\nparagraph: More text.",
		},
		{
			"recognises underlined headings",
			"Intro text.\n\nBackground\n----------\n\nMore text.",
			"paragraph: Intro text.\nheading: Background\nparagraph: More text.",
		},
		{
			"takes a short standalone line for a heading",
			"Intro text ends.\n\nWhat happened next\n\nThe talks failed.",
			"paragraph: Intro text ends.\nheading: What happened next\nparagraph: The talks failed.",
		},
		{
			"does not take a cut-off first line for a title",
			"According to the report, the\n\nminister resigned.",
			"paragraph: According to the report, the minister resigned.",
		},
		{
			"drops a separator line between sections, with or without a closing full stop",
			"Ferry fares rise\n\nThe ferry company raised its fares.\n\n___.\n\nIts lease ends in May.\n\n* * *\n\nThe quay will close.\n\n----\n\nNo date was set.\n\n# # #",
			"heading: Ferry fares rise\nparagraph: The ferry company raised its fares.\nparagraph: Its lease ends in May.\nparagraph: The quay will close.\nparagraph: No date was set.",
		},
		{
			"takes no Chinese paragraph closed by a full-width mark for a heading",
			"中方否认向俄罗斯提供军事援助\n\n外交部发言人周一表示，中方从未向俄罗斯提供军事援助。\n\n美国官员此前称，俄罗斯曾向中国寻求军事装备。\n\n分析人士认为，这一事件将影响两国关系。",
			"heading: 中方否认向俄罗斯提供军事援助\nparagraph: 外交部发言人周一表示，中方从未向俄罗斯提供军事援助。\nparagraph: 美国官员此前称，俄罗斯曾向中国寻求军事装备。\nparagraph: 分析人士认为，这一事件将影响两国关系。",
		},
		{
			"takes no Japanese opening paragraph for the title",
			"政府は月曜日、新しい橋の建設を発表した。\n\n工事は来年始まる予定だ「と述べた」。",
			"paragraph: 政府は月曜日、新しい橋の建設を発表した。\nparagraph: 工事は来年始まる予定だ「と述べた」。",
		},
		{
			"returns nothing for blank input",
			"\n\n  \n",
			"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dump(Clean(tt.in).Doc)
			if got != tt.want {
				t.Errorf("Clean(%q):\n got: %s\nwant: %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanEmphasis(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		text       string
		kind       doc.InlineKind
		marked     string
		wantInline bool
	}{
		{"turns underscores into emphasis", "A report in _Financial Times_ said.", "A report in Financial Times said.", doc.Emphasis, "Financial Times", true},
		{"turns double asterisks into strong", "This is **very** important.", "This is very important.", doc.Strong, "very", true},
		{"turns single asterisks into emphasis", "It was *not* true.", "It was not true.", doc.Emphasis, "not", true},
		{"leaves snake_case names alone", "Call get_user_name now.", "Call get_user_name now.", 0, "", false},
		{"leaves arithmetic alone", "Compute 5 * 3 * 2.", "Compute 5 * 3 * 2.", 0, "", false},
		{"leaves an unclosed marker alone", "A _dangling marker.", "A _dangling marker.", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Clean(tt.in).Doc
			if d.Text != tt.text {
				t.Fatalf("text = %q, want %q", d.Text, tt.text)
			}
			if !tt.wantInline {
				if len(d.Inlines) != 0 {
					t.Fatalf("inlines = %v, want none", d.Inlines)
				}
				return
			}
			if len(d.Inlines) != 1 || d.Inlines[0].Kind != tt.kind || d.Inlines[0].In(d.Text) != tt.marked {
				t.Fatalf("inlines = %v, want one %s over %q", d.Inlines, tt.kind, tt.marked)
			}
		})
	}
}

// TestCleanMarksAddressesAsLinks reads the addresses a text writes out
// as links over the same words, leaving the text as it was.
func TestCleanMarksAddressesAsLinks(t *testing.T) {
	tests := []struct {
		name, in, text string
		want           []string // each "kind words → URL"
	}{
		{"an address ending a sentence", "The report is at http://bit.ly/1rqqk8R.", "The report is at http://bit.ly/1rqqk8R.",
			[]string{"link http://bit.ly/1rqqk8R → http://bit.ly/1rqqk8R"}},
		{"an email address", "Write to jane.doe@example.org, or call.", "Write to jane.doe@example.org, or call.",
			[]string{"link jane.doe@example.org → mailto:jane.doe@example.org"}},
		{"an underscore that opens nothing stays in the address", "See https://example.org/some_page_name _today_.", "See https://example.org/some_page_name today.",
			[]string{"link https://example.org/some_page_name → https://example.org/some_page_name", "emphasis today → "}},
		{"an address inside emphasis", "It is *at https://example.org/a* now.", "It is at https://example.org/a now.",
			[]string{"emphasis at https://example.org/a → ", "link https://example.org/a → https://example.org/a"}},
		{"a closing underscore is left out of an address, as GitHub does", "See https://example.org/_a_ now.", "See https://example.org/_a_ now.",
			[]string{"link https://example.org/_a → https://example.org/_a"}},
		{"www. in capitals is no address, in a later paragraph it is", "Harbour wall\n\nMORE AT WWW.EXAMPLE.ORG\n\nThe council met www.example.org/minutes today.", "",
			[]string{"link www.example.org/minutes → http://www.example.org/minutes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Clean(tt.in).Doc
			if tt.text != "" && d.Text != tt.text {
				t.Fatalf("text = %q, want %q", d.Text, tt.text)
			}
			var got []string
			for _, in := range d.Inlines {
				got = append(got, in.Kind.String()+" "+in.In(d.Text)+" → "+in.URL)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("inlines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanTakesNoOpeningBylineForTheTitle(t *testing.T) {
	r := Clean("By Jane Doe\n\nThe storm arrived at dawn. Roads were closed.\n\nThe river rose overnight.")
	if r.Title != "" || r.Byline != "Jane Doe" {
		t.Errorf("Title = %q, Byline = %q; want no title and byline \"Jane Doe\"", r.Title, r.Byline)
	}
	if got := dump(r.Doc); !strings.HasPrefix(got, "byline: By Jane Doe\n") {
		t.Errorf("blocks:\n%s", got)
	}
}

func TestCleanTitleAndByline(t *testing.T) {
	r := Clean("Storm hits coast\n\nBy Jane Doe\n\nThe storm arrived at dawn.")
	if r.Title != "Storm hits coast" {
		t.Errorf("Title = %q", r.Title)
	}
	if r.Byline != "Jane Doe" {
		t.Errorf("Byline = %q", r.Byline)
	}
}

func TestCleanDropsACopyOfTheTitleWithSoftHyphens(t *testing.T) {
	r := Clean("Storm hits the east\u00adern coast\n\nStorm hits the eastern coast\n\nThe storm arrived at dawn.")
	if r.Title != "Storm hits the east\u00adern coast" || len(r.Doc.Blocks) != 2 {
		t.Errorf("Title = %q, %d blocks; want the copy dropped", r.Title, len(r.Doc.Blocks))
	}
}

// TestCleanBlocksAreSeparated checks the doc invariant every layer relies
// on: blocks in order, inside the text, one "\n" between neighbours.
func TestCleanBlocksAreSeparated(t *testing.T) {
	d := Clean("Title line\n\nTitle line\n\nA _b_ c.\n\n- item\n\nEnd.").Doc
	checkDoc(t, d)
}

func checkDoc(t *testing.T, d doc.Doc) {
	t.Helper()
	prev := -1
	for i, b := range d.Blocks {
		if b.Start < 0 || b.End > len(d.Text) || b.Start >= b.End {
			t.Fatalf("block %d %v outside text of %d bytes", i, b.Span, len(d.Text))
		}
		if i > 0 && (b.Start != prev+1 || d.Text[prev] != '\n') {
			t.Fatalf("block %d starts at %d, previous ends at %d", i, b.Start, prev)
		}
		prev = b.End
	}
	if len(d.Blocks) > 0 && (d.Blocks[0].Start != 0 || prev != len(d.Text)) {
		t.Fatalf("blocks do not cover the text")
	}
	for _, in := range d.Inlines {
		if in.Start < 0 || in.End > len(d.Text) || in.Start >= in.End {
			t.Fatalf("inline %v outside text", in.Span)
		}
	}
}

func TestCleanMendsALongRunOfBrokenPieces(t *testing.T) {
	piece := "the talks went on through the night and into the"
	in := strings.Repeat(piece+"\n\n\n", 2000) + "morning."
	d := Clean(in).Doc
	want := strings.Repeat(piece+" ", 2000) + "morning."
	if len(d.Blocks) != 1 || d.Text != want {
		t.Fatalf("got %d blocks, text of %d bytes; want one paragraph of %d", len(d.Blocks), len(d.Text), len(want))
	}
}

func FuzzClean(f *testing.F) {
	f.Add("Title\n\nTitle\n\nLoading...\n\nA _b_ sentence, cut\n\nhere. **x** * y\r\n- item\n1. one\n# h\nx\n===")
	f.Add("\u00a0 \t\x1b\xc2\x85 _*__**")
	f.Fuzz(func(t *testing.T, in string) {
		checkDoc(t, Clean(in).Doc)
	})
}

// BenchmarkCleanScrape cleans 5 MB of scraped text whose sentences are
// broken across blank lines, as in the sample, so every paragraph is mended.
func BenchmarkCleanScrape(b *testing.B) {
	para := "Officials said on Monday that the talks, which began in March, had made\n\n\n" +
		"significant progress, according to a statement from the _foreign ministry_. The\n\n\n" +
		"minister will travel to Geneva next week.\n\n"
	benchClean(b, strings.Repeat(para, (5<<20)/len(para)))
}

func BenchmarkClean(b *testing.B) {
	para := "Officials said on Monday that the talks, which began in March, had made\n" +
		"significant progress, according to a statement from the _foreign ministry_.\n\n"
	benchClean(b, strings.Repeat(para, (5<<20)/len(para)))
}

// BenchmarkCleanAccented cleans 5 MB of text whose accented letters and
// curly quotes are right, each a character that mojibake could start
// with, so that the mending looks at every one and mends none.
func BenchmarkCleanAccented(b *testing.B) {
	para := "Le ministre a déclaré lundi que les négociations, commencées en mars, avaient\n" +
		"« considérablement progressé », selon un communiqué. Müller’s “naïve” résumé, São Paulo.\n\n"
	benchClean(b, strings.Repeat(para, (5<<20)/len(para)))
}

// benchClean cleans text in a loop.
func benchClean(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Clean(text)
	}
}

// BenchmarkCleanUnclosedDelimiters cleans one block of delimiters that
// never close, at two sizes: the time per byte must not grow with the
// block (it grew fourfold per doubling when each opener searched to the
// end of the block).
func BenchmarkCleanUnclosedDelimiters(b *testing.B) {
	for _, size := range []int{40 << 10, 80 << 10} {
		for _, unit := range []string{"*_a", "*a ", "_a "} {
			text := strings.Repeat(unit, size/len(unit))
			b.Run(fmt.Sprintf("%q/%dKB", unit, size>>10), func(b *testing.B) { benchClean(b, text) })
		}
	}
}

func TestCleanFurnitureKinds(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []doc.BlockKind
	}{
		{"makes a byline under the title a byline",
			"Ferry fares to rise\n\nBy Aoife Brennan and Sam Okoro, Coast Herald\n\nFares rise in May.",
			[]doc.BlockKind{doc.Heading, doc.Byline, doc.Paragraph}},
		{"makes a long byline with a date a byline",
			"Ferry fares to rise\n\nBy Aoife Brennan and Sam Okoro, Coast Herald | 3 May 2024\n\nFares rise in May.",
			[]doc.BlockKind{doc.Heading, doc.Byline, doc.Paragraph}},
		{"makes a photo credit between paragraphs a caption",
			"Ferry fares to rise\n\nFares rise in May.\n\nPhoto: Aoife Brennan/Coast Herald\n\nThe council agreed.",
			[]doc.BlockKind{doc.Heading, doc.Paragraph, doc.Caption, doc.Paragraph}},
		{"keeps a sentence starting with By a paragraph",
			"Ferry fares to rise\n\nBy May the fares will have risen twice.\n\nThe council agreed.",
			[]doc.BlockKind{doc.Heading, doc.Paragraph, doc.Paragraph}},
		{"does not take a credit line for a heading",
			"Ferry fares to rise\n\nFares rise in May.\n\nImage: Sam Okoro / Getty\n\nThe council agreed.",
			[]doc.BlockKind{doc.Heading, doc.Paragraph, doc.Caption, doc.Paragraph}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Clean(tt.in).Doc
			var got []doc.BlockKind
			for _, b := range d.Blocks {
				got = append(got, b.Kind)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("kinds = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCleanEndsALongRunOfLinesOnlyWhereTheJoinsWouldNotMend(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		size  int
		split bool
	}{
		{"keeps a run of lines shorter than the bound as one paragraph", []string{"Work on the wall", "begins in May."}, longParagraph / 2, false},
		{"ends a long run at a line that ends a sentence", []string{"The council said the harbour wall would be", "finished by spring."}, 3 * longParagraph, true},
		{"does not end a long run mid-sentence", []string{"The council said the harbour wall would", "Be finished by spring and"}, 3 * longParagraph, false},
		{"ends a long run before a line that starts with a bracket", []string{"[00:12] SPEAKER: we will not comment on it"}, 3 * longParagraph, true},
		{"does not end a long run after a function word", []string{"[00:12] SPEAKER: we will not comment on the"}, 3 * longParagraph, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			longest := 0
			for i := 0; b.Len() < tt.size; i++ {
				line := tt.lines[i%len(tt.lines)]
				longest = max(longest, len(line))
				b.WriteString(line + "\n")
			}
			blocks := Clean(b.String()).Doc.Blocks
			if !tt.split {
				if len(blocks) != 1 {
					t.Fatalf("%d blocks, want the run kept as one", len(blocks))
				}
				return
			}
			if len(blocks) < 2 {
				t.Fatalf("%d blocks, want the run ended after about %d bytes", len(blocks), longParagraph)
			}
			for i, blk := range blocks[:len(blocks)-1] {
				if n := blk.Span.Len() + 1; n < longParagraph || n > longParagraph+2*longest+2 { // +1: its last line break
					t.Errorf("block %d is %d bytes, want it ended at the first line break that may end it after %d", i, n, longParagraph)
				}
			}
		})
	}
}

func TestCleanMendsMojibakeAcrossPieces(t *testing.T) {
	text := "Headline on FranÃ§ois\n\nThe port of GdaÅ„sk said ÐŸÑ€Ð¸Ð²ÐµÑ‚ to FranÃƒÂ§ois.\n\nWe donâ€™t know, he said.\n"
	if got, want := Clean(text).Doc.Text, "The port of Gdańsk said Привет to François."; !strings.Contains(got, want) {
		t.Fatalf("Clean: %q, want it to hold %q", got, want)
	}
	sameClean(t, text, 1, 2, 3, 5, 8, 13)
}
