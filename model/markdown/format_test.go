package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/internal/golden"

	"github.com/margin-reader/margin/model/doc"
)

// sameDoc reports how b differs from a in text or structure, or "". Marks
// with the same span may come in either order, so they are compared sorted.
func sameDoc(a, b doc.Doc) string {
	if a.Text != b.Text {
		return "text differs:\n" + a.Text + "\n---\n" + b.Text
	}
	if !reflect.DeepEqual(normBlocks(a.Blocks), normBlocks(b.Blocks)) {
		return "blocks differ:\n" + dump(a, nil) + "---\n" + dump(b, nil)
	}
	if !reflect.DeepEqual(sortedInlines(a.Inlines), sortedInlines(b.Inlines)) {
		return "inlines differ:\n" + dump(a, nil) + "---\n" + dump(b, nil)
	}
	return ""
}

func normBlocks(bs []doc.Block) []doc.Block {
	out := slices.Clone(bs)
	for i := range out {
		if len(out[i].Cells) == 0 {
			out[i].Cells = nil
		}
	}
	return out
}

func sortedInlines(in []doc.Inline) []doc.Inline {
	out := slices.Clone(in)
	slices.SortFunc(out, func(a, b doc.Inline) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		return strings.Compare(a.URL, b.URL)
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

func TestFormatGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, front := Parse(string(src))
			out := Format(d, front)
			golden.Check(t, strings.TrimSuffix(in, ".md")+".format.golden", out)
			d2, front2 := Parse(out)
			if diff := sameDoc(d, d2); diff != "" {
				t.Fatalf("Parse(Format(d)) is not d: %s\nformatted:\n%s", diff, out)
			}
			if !reflect.DeepEqual(front, front2) {
				t.Errorf("front matter %v came back as %v", front, front2)
			}
		})
	}
}

func TestFormatRoundTrip(t *testing.T) {
	tests := []struct{ name, src string }{
		{"keeps text that looks like markup as text", `\# not a heading, \*not emphasis\*, \[not](a link), 1\. not a list, \<b\>, a \| b, &amp;copy;`},
		{"keeps paragraphs that start like list markers", "\\- dash\n\n\\+ plus\n\n2024\\. A year\n\n\\> not a quote"},
		{"keeps nested emphasis and links", "***both*** and **strong *with em* inside** and [**bold link**](http://x.org/a_(b)) ~~gone~~"},
		{"keeps emphasis that fills a link's text", "0[~0~]() x[*a*](u)y b[**~~c~~**](v)"},
		{"keeps a strike that ends in punctuation before a letter", "*!~!~*0**"},
		{"keeps emphasis opened mid-word inside strong", "*****0***0*0*** and **a*b*c**"},
		{"keeps emphasis between punctuation inside strong that opens with emphasis", "**_Yes_-*(no)***"},
		{"keeps emphasis from punctuation to mid-word inside strong that opens with emphasis", "*****0*!*!0*0**"},
		{"and such emphasis that closes with the strong before a letter", "**0*0*0!*!0***0"},
		{"and that strong opening with emphasis", "*****0*!*!0***0"},
		{"keeps a text of more brackets than the parser's bound on delimiters", "Ratings" + strings.Repeat("]", 1200) + " end"},
		{"keeps emphasis that ends in a space", "_0` `_ and ~~d` `~~ x"},
		{"keeps inline code with backticks and spaces", "use `` a`b `` and ` `` ` and `  padded  `"},
		{"keeps link targets with spaces and entities", "[a](<with space>) [b](x?a=1&amp;b=2) [c]() [d](\\(paren\\))"},
		{"keeps bare URLs and emails as plain text when escaped", "see www\\.example.com or http\\://x.org or a\\@b.org"},
		{"keeps ordered lists that start anywhere", "7. seven\n8. eight\n\n<!-- -->\n\n1. one\n\n<!-- -->\n\n- bullet"},
		{"keeps nested lists and continuations", "- a\n  1. b\n     - c\n\n     more c\n\n  more a\n- d\n\n  ```\n  code in d\n  ```\n\n  > quote in d\n\n  tail of d"},
		{"keeps two ordered lists apart after a continuation", "1) one\n\n   more of one\n1. one again\n\n- a\n\n  1. b\n\n     more b\n  1. b again"},
		{"keeps a list that starts nested", "- - - deep\n- top"},
		{"keeps a heading and a nested list inside an item that goes on after them", "1. one\n\n   # inside\n\n   - nested\n\n   more of one"},
		{"keeps quotes at several depths", "> one\n>\n> > two\n> > > three"},
		{"keeps tables with pipes and empty cells", "| a | b \\| c |\n|---|---|\n| `x\\|y` |  |\n\n| second | table |\n|---|---|\n| 1 | 2 |"},
		{"keeps a code block's language with a tab after a full stop", "```.\t0\ncode\n```"},
		{"keeps code blocks with fences inside", "````md\n```\ninner\n```\n````\n\n~~~\n`tick`\n~~~"},
		{"keeps headings that end in hashes", "# C\\#\n\n## ends with \\#\\#"},
		{"keeps whitespace at a block's edges", "&#32;leading and trailing&#32;\n\n&#9;tab"},
		{"drops marks and blocks with no text", "[](u)\n\n**<b></b>**\n\n- [](x)\n- b\n\n| |\n|-|\n| c |"},
		{"keeps a list item that opens with a one-letter link", "- [&#88;](u) is a link, not a task\n- [ ](v)"},
		{"keeps task lists", "- [ ] open\n- [x] done\n- plain"},
		{"keeps a full stop and spaces before a raw HTML tag and digits", ".  <A>00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := Parse(tt.src)
			checkDoc(t, d)
			out := Format(d, nil)
			d2, _ := Parse(out)
			if diff := sameDoc(d, d2); diff != "" {
				t.Fatalf("%s\nsource:\n%s\nformatted:\n%s", diff, tt.src, out)
			}
		})
	}
}

func TestFrontRoundTrip(t *testing.T) {
	front := Front{
		"title":      `A "quoted" title: with a colon # and hash`,
		"byline":     "- starts like a list",
		"site":       "Plain Site",
		"published":  "2024-03-18T09:00:00Z",
		"source_url": "https://example.com/a?b=c#frag",
		"fetched_at": "",
		"note":       "tab\there, newline\nthere, back\\slash",
	}
	_, got := Parse(Format(doc.Doc{}, front))
	if !reflect.DeepEqual(got, front) {
		t.Fatalf("front matter came back as %#v, want %#v", got, front)
	}
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Front
		text string
	}{
		{"reads simple keys", "---\ntitle: Hello\nsite: Example\n---\nBody", Front{"title": "Hello", "site": "Example"}, "Body"},
		{"unquotes double and single quotes", "---\na: \"x \\\"y\\\" \\u00e9\"\nb: 'it''s'\n---\n", Front{"a": `x "y" é`, "b": "it's"}, ""},
		{"drops a trailing comment", "---\na: value # note\n---\n", Front{"a": "value"}, ""},
		{"ignores nested YAML", "---\ntags:\n  - a\n  - b\nx: 1\n---\n", Front{"tags": "", "x": "1"}, ""},
		{"accepts CRLF lines", "---\r\ntitle: Win\r\n---\r\nBody\r\n", Front{"title": "Win"}, "Body"},
		{"treats a leading rule without keys as text", "---\nJust a heading\n---\n", nil, "Just a heading"},
		{"treats an unclosed block as text", "---\ntitle: x\n", nil, "title: x"},
		{"needs the block at the very top", "\n---\ntitle: x\n---\n", nil, "title: x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, front := Parse(tt.src)
			if !reflect.DeepEqual(front, tt.want) {
				t.Errorf("front = %#v, want %#v", front, tt.want)
			}
			if d.Text != tt.text {
				t.Errorf("text = %q, want %q", d.Text, tt.text)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		d, _ := Parse(src)
		checkDoc(t, d)
	})
}

func FuzzFormatRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		d, front := Parse(src)
		out := Format(d, front)
		d2, front2 := Parse(out)
		if diff := sameDoc(d, d2); diff != "" {
			t.Fatalf("%s\nsource:\n%q\nformatted:\n%q", diff, src, out)
		}
		if len(front) > 0 && !reflect.DeepEqual(front, front2) {
			t.Fatalf("front matter %v came back as %v", front, front2)
		}
	})
}

func addSeeds(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/*.md")
	for _, in := range inputs {
		if src, err := os.ReadFile(in); err == nil {
			f.Add(string(src))
		}
	}
	f.Add("# h\n\n- a\n  - b\n\n> q\n\n| x |\n|---|\n| y |\n\n```\ncode\n```")
	f.Add("*a* **b** `c` [d](e) ~~f~~ <g@h.org> ![i](j)")
	f.Add("> [!NOTE]\n> a *b*\n>\n> c\n\n> [!tip]\n\n> [!WARNING] d")
	f.Add(".  <A>00")                                  // a gap after a sentence, at a node's edge once the tag is dropped
	f.Add("end.\u00a0 [](u)Next and ok?\t<b></b>“Yes") // the same after an empty link, and of a no-break space or a tab
}

func TestFormatKeepsMojibakeTheSourceSpelledOtherwise(t *testing.T) {
	// Parse mends the source's mojibake; mojibake spelled with character
	// references, or split by a tag, is left in the text, and Format
	// must write it so that it is read back as it is.
	tests := []struct{ name, src, text string }{
		{"references for both characters", "Fran&Atilde;&sect;ois", "FranÃ§ois"},
		{"a reference for the continuation", "Ã&#160;x", "Ã\u00a0x"},
		{"a tag between the two", "Fran<b>Ã</b>§ois", "FranÃ§ois"},
		{"read twice, by references", "Fran&Atilde;&fnof;&Acirc;&sect;ois", "FranÃƒÂ§ois"},
		{"in a link's label", "[&Atilde;&sect;a](u)", "Ã§a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, front := Parse(tt.src)
			if d.Text != tt.text {
				t.Fatalf("Parse(%q) text %q, want %q", tt.src, d.Text, tt.text)
			}
			out := Format(d, front)
			if d2, _ := Parse(out); d2.Text != d.Text {
				t.Errorf("formatted %q, read back %q, want %q", out, d2.Text, d.Text)
			}
		})
	}
}
