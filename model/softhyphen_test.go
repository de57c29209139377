package model

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// withSoftHyphens puts a soft hyphen between every third pair of letters
// of text, as a page that marks where its words may break is scraped.
func withSoftHyphens(text string) string {
	var b strings.Builder
	var prev rune
	pairs := 0
	for _, r := range text {
		if unicode.IsLetter(prev) && unicode.IsLetter(r) {
			if pairs++; pairs%3 == 0 {
				b.WriteString("\u00ad")
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// findings writes what an analysis found as text without soft hyphens,
// one finding a line, so that two analyses compare apart from offsets.
func findings(text string, an *Analysis) []string {
	in := func(start, end int) string { return strings.ReplaceAll(text[start:end], "\u00ad", "") }
	var out []string
	for i, e := range an.Entities {
		out = append(out, fmt.Sprintf("entity %s/%s thing %d", in(e.Start, e.End), e.Label, an.EntityIndex.ThingOf[i]))
	}
	for _, c := range an.Claims {
		line := fmt.Sprintf("claim %q %v %.12f", in(c.Start, c.End), c.Kinds, c.Checkworthiness)
		for _, q := range c.Cues {
			line += fmt.Sprintf(" cue %q/%v", in(q.Start, q.End), q.Kind)
		}
		if s := c.Source; s != nil {
			line += fmt.Sprintf(" source %q via %q resolved %q vague %v", in(s.Start, s.End), strings.ReplaceAll(s.Via, "\u00ad", ""), in(s.Resolved.Start, s.Resolved.End), s.Vague)
		}
		out = append(out, line)
	}
	for _, w := range an.Checkworthiness {
		out = append(out, fmt.Sprintf("sentence %.12f", w))
	}
	return out
}

// TestSoftHyphensChangeNothingFoundButOffsets: a soft hyphen is inside its
// word for the sentences, the entities, the claims and their scores.
func TestSoftHyphensChangeNothingFoundButOffsets(t *testing.T) {
	z, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	plain := "Mayor Elizabeth Stanton said on Monday that the council would close the eastern pier.\n\n" +
		"Stanton, who took office in March, told reporters the pier was unsafe. " +
		"According to the Harbour Trust, repairs would cost $4 million, about 12% of its budget.\n"
	// The sample is news as margin reads it; the other sample's lines of
	// page furniture ("Loading...") are matched as written, so a soft
	// hyphen makes them text.
	salmon, err := os.ReadFile("../samples/the-last-salmon-run.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{plain, string(salmon)} {
		soft := withSoftHyphens(text)
		if !utf8.ValidString(soft) || soft == text {
			t.Fatal("no soft hyphens put in")
		}
		var got [2][]string
		for k, s := range []string{text, soft} {
			a, err := Parse(context.Background(), "soft.txt", []byte(s), Options{})
			if err != nil {
				t.Fatal(err)
			}
			an, err := z.Analyze(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			got[k] = findings(a.Text, an)
		}
		if !slices.Equal(got[0], got[1]) {
			for i := range min(len(got[0]), len(got[1])) {
				if got[0][i] != got[1][i] {
					t.Fatalf("with soft hyphens %q\nwithout          %q", got[1][i], got[0][i])
				}
			}
			t.Fatalf("with soft hyphens %d findings, without %d", len(got[1]), len(got[0]))
		}
	}
}
