package cleanup

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/internal/race"
	"github.com/margin-reader/margin/model/doc"
)

// cleanInSteps cleans text with Progressive, step bytes at a time, and
// checks that every step only appended to the text and the blocks.
func cleanInSteps(t *testing.T, text string, step int) Result {
	t.Helper()
	p := NewProgressive(text)
	var prev doc.Doc
	for {
		r, done := p.Next(step)
		d := r.Doc
		doctest.CheckAppends(t, prev, d)
		if done {
			return r
		}
		prev = d
	}
}

// cleanStreamed cleans text added piece bytes at a time, a step of step
// bytes after each piece, checking that every step only appended.
func cleanStreamed(t *testing.T, text string, piece, step int) Result {
	t.Helper()
	p := NewStream()
	var last Result
	next := func(n int) (doc.Doc, bool) {
		r, done := p.Next(n)
		last = r
		return r.Doc, done
	}
	doctest.Stream(t, text, piece, step, p.Add, next, p.Hungry)
	return last
}

// sameClean checks that cleaning text in steps of every size in steps
// gives what Clean gives.
func sameClean(t *testing.T, text string, steps ...int) {
	t.Helper()
	want := Clean(text)
	for _, step := range steps {
		for _, piece := range []int{len(text) + 1, step/3 + 1, 2*step + 7} {
			got := cleanInSteps(t, text, step)
			if piece <= len(text) {
				got = cleanStreamed(t, text, piece, step)
			}
			if got.Title != want.Title || got.Byline != want.Byline || !doctest.Same(got.Doc, want.Doc) {
				t.Fatalf("in steps of %d bytes, added %d at a time: title %q, byline %q:\n%s\nwhole: title %q, byline %q:\n%s",
					step, piece, got.Title, got.Byline, dump(got.Doc), want.Title, want.Byline, dump(want.Doc))
			}
		}
	}
}

func TestProgressiveEqualsCleanOnTheSamples(t *testing.T) {
	for _, path := range []string{"../../samples/china-us-claims.txt", "../../samples/the-last-salmon-run.txt"} {
		t.Run(path, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sameClean(t, string(data), 1, 10, 100, 1000, len(data))
		})
	}
}

func TestProgressiveEqualsCleanAcrossCuts(t *testing.T) {
	tests := []struct{ name, text string }{
		{"a title repeated within its echo", "Big news\n\nBig news\n\nA.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.\n\nBig news\n\nG.\n\nBig news\n"},
		{"a byline among the first blocks", "Headline here\n\nBy Jane Doe\n\nThe text starts.\n\nIt goes on.\n"},
		{"a sentence broken over many blank lines", "The minister said\n\nthat the talks\n\nwould go on until\n\nthe end of the\n\nYear. Then more.\n"},
		{"a list item carried on after a blank line", "Intro.\n\n- first item\n\nwhich goes on\n\n- second\n\nAfter.\n"},
		{"widget lines between paragraphs", "One.\n\nLoading...\n\nlower case after a widget\n\nAdvertisement\n\nTwo.\n"},
		{"short lines that become headings", "Intro text here.\n\nA heading\n\nBody of the section.\n\nAnother one\n\nMore body.\n"},
		{"emphasis across a cut", "One _two_ three.\n\n*Four* five **six**.\n\nSeven.\n"},
		{"CRLF line ends", "Title line\r\n\r\nFirst.\r\n\r\nSecond.\r\n"},
		{"underlined headings", "Section\n=======\n\nText.\n\nPart\n----\n\nMore.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameClean(t, tt.text, 1, 2, 3, 5, 8, 13, 21, 34)
		})
	}
}

// TestProgressiveHoldsBackOnlyTheLookAhead checks the bound the rules
// look ahead: once the title and byline are decided, a step that has
// split a paragraph shows every block before the last one.
func TestProgressiveHoldsBackOnlyTheLookAhead(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "Paragraph %d ends here.\n\n", i)
	}
	p := NewProgressive(b.String())
	for i := 0; ; i++ {
		r, done := p.Next(1)
		if done {
			break
		}
		split := i + 1 // each step splits one paragraph
		if split > titleEcho+bylineBlocks && len(r.Doc.Blocks) != split-1 {
			t.Fatalf("after %d paragraphs, %d blocks are shown; want all but the last", split, len(r.Doc.Blocks))
		}
	}
}

func TestProgressiveEqualsCleanOnGeneratedScrapes(t *testing.T) {
	parts := []string{
		"Headline number %d", "By Reporter %d", "Play all audios:", "Loading...",
		"The council said on Tuesday that the wall would be finished by", "spring, according to %d engineers.",
		"Officials met for several hours behind closed doors in the capital on", "Monday. Nothing was agreed.",
		"- item %d", "which continues the item", "1. numbered", "# Heading %d", "Short heading",
		"A _marked_ and **strong** sentence %d.", "Underlined\n-----",
	}
	for seed := range 20 {
		var b strings.Builder
		for i := range 60 {
			part := parts[(i*5+seed*7+i*i*3)%len(parts)]
			b.WriteString(strings.ReplaceAll(part, "%d", fmt.Sprint(i)))
			b.WriteString(strings.Repeat("\n", 1+(i+seed)%3))
		}
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			sameClean(t, b.String(), 1, 17, 200, 1500)
		})
	}
}

func FuzzProgressive(f *testing.F) {
	f.Add("Title\n\nTitle\n\nLoading...\n\nA _b_ sentence, cut\n\nhere. **x** * y\r\n- item\n1. one\n# h\nx\n===", uint16(3))
	f.Add("By Jane Doe\n\nHeadline\n\nthe text\n\nMore text here.\n\nshort\n\nLong para.", uint16(1))
	f.Add(wrappedText(3*longParagraph), uint16(300))
	f.Add("Fran\u00c3\u0083\u00c2\u00a7ois\n\nGda\u00c5\u201esk, na\u00c3 \u0304ve, \u00d0\u0178\u00d1\u20ac\u00d0\u00b8 don\u00e2\u20ac\u2122t", uint16(2))
	f.Fuzz(func(t *testing.T, text string, step uint16) {
		sameClean(t, text, int(step%512)+1)
	})
}

// wrappedText is size bytes of text with single line breaks only: lines
// hard-wrapped mid-sentence and at sentence ends, timestamped turns, list
// items and their tails, headings, widget text and hyphenated words.
func wrappedText(size int) string {
	prose := []string{
		"The council said on Tuesday that the harbour wall at Port %d would be",
		"finished by spring, according to engineers who met the",
		"minister. Work on it begins in May.",
	}
	others := []string{
		"[00:%d] SPEAKER: we will not comment on the", "- item %d on the agenda", "which the committee carried over",
		"“Not today,” he said, and left the infor-", "mation for later", "# Part %d", "Short line", "1. the first point",
		"Loading...", "", "Section %d", "=====",
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		part := prose[i%len(prose)]
		if k := (i*i*7 + i*3) % 97; k < len(others) {
			part = others[k]
		}
		b.WriteString(strings.ReplaceAll(part, "%d", fmt.Sprint(i%60)))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestProgressiveEqualsCleanOnSingleLineBreaks(t *testing.T) {
	size := 5 << 20
	if race.Enabled {
		size = 1 << 20 // still hundreds of cuts, in a tenth of the time
	}
	text := wrappedText(size)
	want := Clean(text)
	for _, run := range []struct{ piece, step int }{{len(text) + 1, 64 << 10}, {1 << 20, 64 << 10}, {33_333, 5000}} {
		got := cleanInSteps(t, text, run.step)
		if run.piece <= len(text) {
			got = cleanStreamed(t, text, run.piece, run.step)
		}
		if got.Title != want.Title || got.Byline != want.Byline || !doctest.Same(got.Doc, want.Doc) {
			t.Fatalf("in steps of %d bytes, added %d at a time: not what Clean gives", run.step, run.piece)
		}
	}
}

// TestProgressiveShowsTheStartOfSingleLineBreaksAtOnce checks that text
// with no blank line is cut near the step asked for, not at its end.
func TestProgressiveShowsTheStartOfSingleLineBreaksAtOnce(t *testing.T) {
	text := wrappedText(5 << 20)
	p := NewProgressive(text)
	r, done := p.Next(64 << 10)
	cleaned, _ := p.Cleaned()
	if done || len(r.Doc.Blocks) == 0 || cleaned > 128<<10 {
		t.Fatalf("first step of 64 KB cleaned %d bytes and shows %d blocks; want blocks from about 64 KB", cleaned, len(r.Doc.Blocks))
	}
}
