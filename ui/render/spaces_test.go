package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/theme"
)

// oneBlock is a document of one block of kind k holding text.
func oneBlock(k doc.BlockKind, text string) doc.Doc {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: k, Level: 1})
	b.Write(text)
	b.EndBlock()
	return b.Doc()
}

// drawnBody is the text of d's block as drawn at width w, line by line,
// without the header.
func drawnBody(d doc.Doc, w int) string {
	l := New(d, nil, Header{})
	p := Painter{Theme: theme.New(theme.NoColor)}
	var lines []string
	for _, ln := range l.Lines(l.Units()-1, w) {
		var b strings.Builder
		p.Draw(&b, d.Text, ln, nil)
		lines = append(lines, ansi.Strip(b.String()))
	}
	return strings.Join(lines, "|")
}

func TestARunOfSpacesBetweenWordsIsDrawnAsOne(t *testing.T) {
	tests := []struct {
		name string
		kind doc.BlockKind
		text string
		w    int
		want string
	}{
		{"two spaces mid-sentence", doc.Paragraph, "The ferry  sailed at  dawn.", 40, "The ferry sailed at dawn."},
		{"a run that counts one column when wrapping", doc.Paragraph, "abcd  efgh   ijkl", 9, "abcd efgh|ijkl"},
		{"a heading", doc.Heading, "Storm    warning", 40, " Storm warning "},
		{"code keeps every space", doc.Code, "x  =   1", 40, "  x  =   1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := drawnBody(oneBlock(tt.kind, tt.text), tt.w); got != tt.want {
				t.Errorf("drawn %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOffsetAtPastAFoldedRunIsTheWordDrawnThere(t *testing.T) {
	d := oneBlock(doc.Paragraph, "one   two")
	l := New(d, nil, Header{})
	ln := l.Lines(l.Units()-1, 40)[0]
	for _, tc := range []struct{ col, want int }{
		{3, strings.Index(d.Text, " ")},   // the one space drawn
		{4, strings.Index(d.Text, "two")}, // t
		{6, len(d.Text) - 1},              // o
	} {
		if got := ln.OffsetAt(d.Text, tc.col); got != tc.want {
			t.Errorf("OffsetAt(%d) = %d, want %d", tc.col, got, tc.want)
		}
	}
	if w := ln.Width(d.Text); w != len("one two") {
		t.Errorf("line width %d, want %d", w, len("one two"))
	}
}

func TestASoftHyphenIsDrawnOnlyWhereTheLineBreaksAtIt(t *testing.T) {
	tests := []struct {
		name, text string
		w          int
		want       string
	}{
		{"mid-line it is not drawn", "the east\u00adern pier", 40, "the eastern pier"},
		{"a word that does not fit breaks at it", "Votes on the east\u00adern pier", 18, "Votes on the east-|ern pier"},
		{"the part before it must fit with the hyphen", "Votes on the east\u00adern pier", 16, "Votes on the|eastern pier"},
		{"a word longer than the line breaks at the last that fits", "Donau\u00addampf\u00adschiff\u00adfahrt", 17, "Donaudampfschiff-|fahrt"},
		{"one at a word's end breaks nothing", "a\u00ad b", 40, "a b"},
		{"one before a no-break space the line breaks at draws nothing", "Votes east\u00ad\u00a0pier", 10, "Votes east|pier"},
		{"two at a word's start give no break after the line's last word", "Votes on the \u00ad\u00adeastern pier", 18, "Votes on the|eastern pier"},
		{"two at the start of a word longer than the line give no break", "\u00ad\u00adshipyardworkers", 8, "shipyard|workers"},
		{"one after a mark drawn zero wide gives no break", "\u0301\u00adshipyardworkers", 8, "\u0301shipyard|workers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := drawnBody(oneBlock(doc.Paragraph, tt.text), tt.w); got != tt.want {
				t.Errorf("drawn %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWrapForTextDrawnAsItIsCountsEverySpaceAndNoSoftHyphen(t *testing.T) {
	text := "a  note on the east\u00adern pier"
	var got []string
	for _, s := range Wrap(text, span.Span{End: len(text)}, 18) {
		got = append(got, text[s.Start:s.End])
	}
	if want := []string{"a  note on the", "east\u00adern pier"}; !slices.Equal(got, want) {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
}

func TestACutAtSoftHyphensLeavesRoomForTheHyphen(t *testing.T) {
	text := "ab\u00ad\u00adcd"
	var got []string
	for _, s := range wrapFolded(text, 0, len(text), 2) {
		got = append(got, text[s.Start:s.End])
		if w := (Line{Pieces: proseLine(text, s.Start, s.End, RoleText)}).Width(text); w > 2 {
			t.Errorf("line %q is drawn %d wide, in 2 columns", text[s.Start:s.End], w)
		}
	}
	if want := []string{"ab", "\u00ad\u00adcd"}; !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

func TestNoLineEndsInAHyphenAlone(t *testing.T) {
	tests := []struct {
		name, text string
		w          int
	}{
		{"two soft hyphens after the line's last word", "Votes \u00ad\u00adeastern", 9},
		{"two soft hyphens at the start of a word longer than the line", "\u00ad\u00adshipyard", 4},
		{"a soft hyphen before a closing mark", "\u00ad0!", 1},
		{"a soft hyphen before a no-break space", "Votes on \u00ad\u00a0eastern", 14},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, s := range wrapFolded(tt.text, 0, len(tt.text), tt.w) {
				if endsInHyphenAlone(tt.text, s) {
					t.Errorf("line %q ends in a hyphen alone", tt.text[s.Start:s.End])
				}
			}
		})
	}
}

// endsInHyphenAlone reports whether the line s of text, drawn by
// proseLine, ends in a hyphen after a word that draws nothing.
func endsInHyphenAlone(text string, s span.Span) bool {
	line := text[s.Start:s.End]
	pieces := proseLine(text, s.Start, s.End, RoleText)
	return pieces[len(pieces)-1].Lit == "-" && Width(line[strings.LastIndexByte(line, ' ')+1:]) == 0
}
