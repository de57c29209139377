package markdown

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/model/doc"
)

// parseInSteps parses src with Progressive, step bytes at a time, and
// checks that every step only appended to the text and the blocks.
func parseInSteps(t *testing.T, src string, step int) (doc.Doc, Front) {
	t.Helper()
	p, front := NewProgressive(src)
	var prev doc.Doc
	for {
		d, done := p.Next(step)
		doctest.CheckAppends(t, prev, d)
		if done {
			return d, front
		}
		if parsed, _ := p.Parsed(); parsed == 0 {
			t.Fatal("a step parsed nothing")
		}
		prev = d
	}
}

// parseStreamed parses src added piece bytes at a time, a step of step
// bytes after each piece, checking that every step only appended.
func parseStreamed(t *testing.T, src string, piece, step int) (doc.Doc, Front) {
	t.Helper()
	refs := strings.Contains(src, "]:")
	p := NewStream(func() bool { return refs })
	d := doctest.Stream(t, src, piece, step, p.Add, p.Next, p.Hungry)
	front, _ := p.Front()
	return d, front
}

// sameParse checks that parsing src in steps of every size in steps gives
// what parsing it whole gives.
func sameParse(t *testing.T, src string, steps ...int) {
	t.Helper()
	want, wantFront := Parse(src)
	for _, step := range steps {
		for _, piece := range []int{len(src) + 1, step/3 + 1, 2*step + 7} {
			got, front := parseInSteps(t, src, step)
			// A decoder gives valid UTF-8 in pieces; invalid bytes cut
			// in two would become two U+FFFD instead of one.
			if piece <= len(src) && utf8.ValidString(src) {
				got, front = parseStreamed(t, src, piece, step)
			}
			if !doctest.Same(got, want) || !reflect.DeepEqual(front, wantFront) {
				t.Fatalf("in steps of %d bytes, added %d at a time:\n%s\nwhole:\n%s", step, piece, dump(got, front), dump(want, wantFront))
			}
		}
	}
}

func TestProgressiveEqualsOneShotOnTheSamples(t *testing.T) {
	for _, path := range []string{"testdata/article.md", "../../samples/harbour-flood-defences.md", "../../README.md"} {
		t.Run(path, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sameParse(t, string(data), 1, 10, 100, 1000, len(data))
		})
	}
}

func TestProgressiveCutsALongDocument(t *testing.T) {
	src := prose(256 << 10)
	p, _ := NewProgressive(src)
	steps := 0
	for done := false; !done; steps++ {
		_, done = p.Next(16 << 10)
	}
	if steps < 10 {
		t.Fatalf("256 KB in steps of 16 KB took %d steps, want about 16", steps)
	}
}

func TestProgressiveEqualsOneShotAcrossCuts(t *testing.T) {
	tests := []struct{ name, src string }{
		{"a fence with blank lines inside", "Intro.\n\n```go\nfunc a() {\n\nb\n\n}\n```\n\nAfter.\n"},
		{"a tilde fence closed by a longer run", "Intro.\n\n~~~\n\nx\n\n~~~~\n\nAfter.\n"},
		{"a fence never closed", "Intro.\n\n```\n\nstill code\n\nmore code\n"},
		{"a loose list", "Intro.\n\n- one\n\n- two\n\n  more of two\n\n- three\n\nAfter.\n"},
		{"an ordered loose list", "1. one\n\n2. two\n\n3. three\n\nAfter.\n"},
		{"a list item holding a fence", "- item\n\n  ```\n  code\n\n  more\n  ```\n\nAfter.\n"},
		{"an HTML comment with blank lines", "Intro.\n\n<!--\n\nhidden\n\n-->\n\nAfter.\n"},
		{"a pre block with blank lines", "<pre>\n\nkept\n\n</pre>\n\nAfter.\n"},
		{"indented code with blank lines", "Intro.\n\n    code\n\n    more code\n\nAfter.\n"},
		{"quotes separated by a blank line", "> one\n\n> two\n\nAfter.\n"},
		{"a table after a paragraph", "Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter *this*.\n"},
		{"a reference link defined later", "See [the report][r].\n\nMore.\n\n[r]: https://example.org/r\n"},
		{"front matter", "---\ntitle: T\n---\n\n# Head\n\nBody.\n\nMore body.\n"},
		{"a thematic break that is not front matter", "---\nJust text.\n\nMore.\n"},
		{"a paragraph past the parser's limits", "# Head\n\nFine *text*.\n\n" + strings.Repeat("*_a ", 1200) + "\nstill\n\nAfter *this*.\n"},
		{"a line nested too deep", "Intro.\n\n" + strings.Repeat("> ", 70) + "deep\n\nAfter.\n"},
		{"a thematic break between paragraphs", "One.\n\n***\n\nTwo.\n\n---\n\nThree.\n"},
		{"headings and emphasis", "# One\n\nSome *text*.\n\n## Two\n\nMore **text** and `code`.\n"},
		{"a line of a vertical tab, text to goldmark", "\v\nstill the paragraph\n\nAfter.\n"},
		{"a fence run followed by a form feed, which does not close it", "```\ncode\n```\f\n\nstill code\n```\n\nAfter.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameParse(t, tt.src, 1, 2, 3, 5, 8, 13, 21, 34)
		})
	}
}

// TestProgressiveEqualsOneShotOnGeneratedDocuments builds documents that
// mix every block kind, so that chunk cuts land everywhere.
func TestProgressiveEqualsOneShotOnGeneratedDocuments(t *testing.T) {
	parts := []string{
		"# Heading %d\n", "Paragraph %d with *emphasis* and a [link](https://x.example/%d).\n",
		"```\ncode %d\n\nstill code\n```\n", "- item %d\n\n- item\n\n  continued\n", "1. first %d\n2. second\n",
		"> quote %d\n>\n> more\n", "| a | b |\n|---|---|\n| %d | x |\n", "    indented %d\n\n    code\n",
		"<!--\n%d\n\n-->\n", "Line %d\nwith a soft break\n", "***\n",
	}
	for seed := range 20 {
		var b strings.Builder
		for i := range 40 {
			part := parts[(i*7+seed*3+i*i)%len(parts)]
			if strings.Contains(part, "%d") {
				part = strings.ReplaceAll(part, "%d", fmt.Sprint(i))
			}
			b.WriteString(part)
			b.WriteString(strings.Repeat("\n", 1+(i+seed)%2))
		}
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			sameParse(t, b.String(), 1, 17, 200, 1500)
		})
	}
}

func FuzzProgressive(f *testing.F) {
	f.Add("Intro.\n\n```\n\nx\n```\n\nAfter.\n", uint16(3))
	f.Add("- a\n\n- b\n\nc\n\n<!--\n\n-->\n\nd", uint16(1))
	f.Add("> a\n\n| a |\n|---|\n\n    x\n\ny", uint16(7))
	f.Add("> [!NOTE]\n> a\n\n> [!TIP]\n>\n> b\n\nc", uint16(5))
	f.Fuzz(func(t *testing.T, src string, step uint16) {
		sameParse(t, src, int(step%512)+1)
	})
}

func TestProgressiveReadsOnlyTheUnitPastALimitAsPlainText(t *testing.T) {
	src := "# Head\n\nFine *text*.\n\n" + strings.Repeat("[a](", 1200) + "\n\nAfter *this*.\n"
	p, _ := NewProgressive(src)
	d, _ := p.Next(len(src))
	var kinds []string
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind.String())
	}
	if got := strings.Join(kinds, " "); got != "heading paragraph paragraph paragraph" {
		t.Errorf("blocks = %s, want the heading and three paragraphs", got)
	}
	if len(d.Inlines) != 2 || !strings.HasPrefix(d.Text[d.Blocks[2].Start:], "[a]([a](") {
		t.Errorf("inlines %v, third block %.20q: want both emphases kept and the unit's source as text", d.Inlines, d.Text[d.Blocks[2].Start:])
	}
	w := p.Warnings()
	if len(w) != 1 || !strings.HasPrefix(w[0], "lines 5-6 are read as plain text: line 5: ") {
		t.Errorf("warnings = %q, want lines 5-6 named", w)
	}
}

func TestProgressiveAsksForReferencesAtTheFirstLinkOnly(t *testing.T) {
	asked := 0
	p := NewStream(func() bool { asked++; return false })
	p.Add(strings.Repeat("Plain words, no links.\n\n", 1000), false)
	p.Next(1 << 10)
	if asked != 0 {
		t.Fatalf("asked %d times before any link", asked)
	}
	p.Add("A [link](https://x.example).\n\n"+strings.Repeat("More.\n\n", 1000), true)
	for done := false; !done; {
		_, done = p.Next(1 << 10)
	}
	if asked != 1 {
		t.Errorf("asked %d times over a document with links, want once", asked)
	}
}
