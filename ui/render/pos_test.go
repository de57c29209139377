package render

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
	"github.com/rivo/uniseg"
)

// longDoc builds n paragraphs of a few sentences each.
func longDoc(n int) (doc.Doc, []span.Span) {
	var b doc.Builder
	for i := range n {
		b.StartBlock(doc.Block{Kind: doc.Paragraph})
		b.Write(strings.Repeat("The tide rose past the old wall again this winter. ", 3+i%5))
	}
	d := b.Doc()
	var ss []span.Span
	for _, blk := range d.Blocks {
		for s := blk.Start; s < blk.End; {
			e := min(s+51, blk.End)
			ss = append(ss, span.Span{Start: s, End: e})
			s = e
		}
	}
	return d, ss
}

func TestDownThenUpReturnsToTheStart(t *testing.T) {
	d, ss := longDoc(200)
	l := New(d, ss, Header{Words: 1})
	for _, n := range []int{1, 7, 30, 1000} {
		p, moved := l.Down(Pos{}, n, 40)
		back, movedBack := l.Up(p, moved, 40)
		if back != (Pos{}) || movedBack != moved {
			t.Errorf("down %d then up %d ended at %+v (moved %d)", moved, moved, back, movedBack)
		}
	}
}

func TestDownStopsAtTheLastLine(t *testing.T) {
	d, ss := longDoc(20)
	l := New(d, ss, Header{})
	p, _ := l.Down(Pos{}, 1<<20, 50)
	if p != l.Last(50) {
		t.Errorf("Down past the end = %+v, want the last line %+v", p, l.Last(50))
	}
}

func TestPosOfFindsTheLineShowingAnOffset(t *testing.T) {
	d, ss := longDoc(50)
	l := New(d, ss, Header{})
	for _, w := range []int{20, 45, 80} {
		for _, off := range []int{0, 1, 100, len(d.Text) / 2, len(d.Text) - 1} {
			ln := l.Line(l.PosOf(off, w), w)
			// off lies in the line, or in the spaces dropped at its end.
			next := ln.End
			for next < len(d.Text) && (d.Text[next] == ' ' || d.Text[next] == '\n') {
				next++
			}
			if off < ln.Start || off >= next && next != len(d.Text) {
				t.Errorf("width %d: PosOf(%d) is the line [%d,%d)", w, off, ln.Start, ln.End)
			}
		}
	}
}

func TestResizeKeepsTheTopOffsetOnScreen(t *testing.T) {
	d, ss := longDoc(300)
	l := New(d, ss, Header{})
	p, _ := l.Down(Pos{}, 500, 80)
	off := l.Offset(p, 80)
	for _, w := range []int{30, 60, 100, 80} {
		q := l.PosOf(off, w)
		ln := l.Line(q, w)
		if off < ln.Start || off > ln.End {
			t.Errorf("at width %d the top line is [%d,%d), not holding offset %d", w, ln.Start, ln.End, off)
		}
	}
}

func TestWrappedLinesKeepEveryWordInOrder(t *testing.T) {
	text := "one two  three fourfivesixseveneight nine, ten. Eleven—twelve “thirteen” east\u00adern"
	// A line of a block is drawn by proseLine, its runs of spaces as one.
	drawn := func(s, e int) int { return Line{Pieces: proseLine(text, s, e, RoleText)}.Width(text) }
	for name, wrap := range map[string]func(string, int, int, int) []span.Span{"wrapProse": wrapProse, "wrapFolded": wrapFolded} {
		for _, w := range []int{1, 3, 8, 13, 80} {
			var words []string
			for _, s := range wrap(text, 0, len(text), w) {
				line := text[s.Start:s.End]
				width := Width(line)
				if name == "wrapFolded" {
					width = drawn(s.Start, s.End)
				}
				if width > w {
					t.Errorf("%s at width %d: line %q is too wide", name, w, line)
				}
				words = append(words, line)
			}
			joined := strings.ReplaceAll(strings.Join(words, ""), " ", "")
			if want := strings.ReplaceAll(text, " ", ""); joined != want {
				t.Errorf("%s at width %d: lines %q lose text", name, w, words)
			}
		}
	}
}

func TestLongBlocksAreSlicedIntoBoundedUnits(t *testing.T) {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write(strings.Repeat("A sentence of some length goes here. ", 20000))
	d := b.Doc()
	l := New(d, nil, Header{})
	if l.Units() < len(d.Text)/maxUnit {
		t.Fatalf("a %d-byte block became only %d units", len(d.Text), l.Units())
	}
	covered := 0
	for u := 1; u < l.Units(); u++ {
		un := l.units[u]
		if un.end-un.start > maxUnit {
			t.Errorf("unit %d is %d bytes", u, un.end-un.start)
		}
		covered += int(un.end - un.start)
	}
	if covered < len(d.Text)*99/100 {
		t.Errorf("units cover %d of %d bytes", covered, len(d.Text))
	}
}

func TestFitColumns(t *testing.T) {
	tests := []struct {
		name                  string
		natural, word, figure []int
		avail                 int
		want                  []int
	}{
		{"keeps natural widths that fit", []int{5, 10}, []int{5, 4}, []int{1, 1}, 40, []int{5, 10}},
		{"shrinks the widest column first", []int{5, 50}, []int{5, 4}, []int{1, 1}, 30, []int{5, 25}},
		{"shares among wide columns", []int{40, 40}, []int{6, 6}, []int{1, 1}, 30, []int{15, 15}},
		{"keeps a column's longest word whole", []int{64, 10, 10, 6}, []int{10, 5, 5, 6}, []int{1, 1, 1, 1}, 29, []int{11, 6, 6, 6}},
		{"splits words only when they cannot all fit", []int{30, 30}, []int{20, 20}, []int{1, 1}, 30, []int{15, 15}},
		{"keeps figures whole when the words cannot all fit", []int{46, 9, 9, 6}, []int{9, 9, 9, 6}, []int{1, 9, 9, 4}, 29, []int{6, 9, 9, 5}},
		{"splits figures only when they cannot all fit", []int{9, 9}, []int{9, 9}, []int{9, 9}, 10, []int{5, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitColumns(tt.natural, tt.word, tt.figure, tt.avail)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("fitColumns(%v, %v, %v, %d) = %v, want %v", tt.natural, tt.word, tt.figure, tt.avail, got, tt.want)
			}
		})
	}
}

// FuzzWrapFolded: the lines of a block as drawn (runs of spaces as one,
// a hyphen where a word breaks at a soft hyphen) fit the width unless a
// line holds a single character too wide for it, none is a hyphen alone,
// and together they keep every character but the spaces (or the one
// no-break space, see nbspBreak) at the breaks.
func FuzzWrapFolded(f *testing.F) {
	f.Add("one two  three east\u00adern", uint8(8))
	f.Add("Donau\u00addampf\u00adschiff", uint8(6))
	f.Add("\u00ad\u00ad  \u00ada", uint8(1))
	f.Add("Votes \u00ad\u00adeastern", uint8(8)) // 9 columns
	f.Add("\u00ad\u00adshipyard", uint8(3))
	f.Add("\u00ad0!", uint8(0))
	f.Add("Votes on \u00ad\u00a0eastern", uint8(13))
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		if !utf8.ValidString(text) || strings.ContainsAny(text, "\n\t") {
			return // a block's text is valid UTF-8, its lines are wrapped one by one
		}
		width := int(w%100) + 1
		lines := wrapFolded(text, 0, len(text), width)
		for i, s := range lines {
			line := text[s.Start:s.End]
			from := 0
			if i > 0 {
				from = lines[i-1].End
			}
			if gap := text[from:s.Start]; strings.Trim(gap, " ") != "" && gap != nbsp {
				t.Fatalf("at width %d the lines %v drop %q", width, lines, gap)
			}
			drawn := Line{Pieces: proseLine(text, s.Start, s.End, RoleText)}.Width(text)
			if drawn > width && uniseg.GraphemeClusterCount(strings.ReplaceAll(line, shy, "")) > 1 {
				t.Fatalf("at width %d line %q is drawn %d wide", width, line, drawn)
			}
			if endsInHyphenAlone(text, s) {
				t.Fatalf("at width %d line %q ends in a hyphen alone", width, line)
			}
		}
		if rest := text[lines[len(lines)-1].End:]; strings.Trim(rest, " ") != "" && rest != nbsp {
			t.Fatalf("at width %d the lines %v drop %q", width, lines, rest)
		}
	})
}
