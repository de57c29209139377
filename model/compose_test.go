package model

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// inPieces composes s cut at every cut (byte offsets, in order).
func inPieces(s string, cuts ...int) string {
	var c composer
	var out strings.Builder
	from := 0
	for _, at := range cuts {
		out.WriteString(c.compose(s[from:at], false))
		from = at
	}
	out.WriteString(c.compose(s[from:], true))
	return out.String()
}

func TestComposerGivesTheWholeTextsNFCHoweverCut(t *testing.T) {
	acutes := "e" + strings.Repeat("\u0301", 40) + "x" // past norm's 30 marks a segment
	tests := []struct {
		name string
		in   string
	}{
		{"an accent after the cut composes with the letter before it", "cafe\u0301 au lait"},
		{"Hangul jamo compose across cuts", "\u1100\u1161\u11a8 \u1100\u1161"},
		{"a run of marks too long for one segment", acutes},
		{"composed text is left as it is", "Café, naïve, 日本 🙂."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := norm.NFC.String(tt.in)
			// The decoder gives whole characters: cut before each.
			for at := range tt.in {
				if got := inPieces(tt.in, at); got != want {
					t.Fatalf("cut at %d: %+q, want %+q", at, got, want)
				}
			}
		})
	}
}

func FuzzComposerInPieces(f *testing.F) {
	f.Add("cafe\u0301", uint8(4), uint8(1))
	f.Add("e"+strings.Repeat("\u0301", 35)+"x", uint8(20), uint8(40))
	f.Fuzz(func(t *testing.T, s string, a, b uint8) {
		if !utf8.ValidString(s) {
			return // the decoder gives valid UTF-8
		}
		cuts := []int{}
		for _, at := range []int{min(int(a), len(s)), min(int(a)+int(b), len(s))} {
			for at < len(s) && !utf8.RuneStart(s[at]) {
				at++
			}
			cuts = append(cuts, at)
		}
		if got, want := inPieces(s, cuts...), norm.NFC.String(s); got != want {
			t.Fatalf("cut at %v: %+q, want %+q", cuts, got, want)
		}
	})
}

// TestPlainTextAndMarkdownAreReadComposed: a decomposed "é" in a .txt or
// .md file is the composed one a typed quote has; --verbatim keeps the
// input as it is.
func TestPlainTextAndMarkdownAreReadComposed(t *testing.T) {
	const decomposed = "The Ame\u0301lie ferry sailed on Monday, the council said."
	tests := []struct {
		name string
		file string
		opts Options
		want string
	}{
		{"plain text", "a.txt", Options{}, "Amélie"},
		{"markdown", "a.md", Options{}, "Amélie"},
		{"verbatim text", "a.txt", Options{Verbatim: true}, "Ame\u0301lie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), tt.file, []byte(decomposed+"\n"), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, tt.want) {
				t.Errorf("text %+q lacks %+q", a.Text, tt.want)
			}
		})
	}
}
