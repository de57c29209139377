package model

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// Each file is written with mojibake in its title, a heading, a link's
// label and a paragraph, UTF-8 read once or twice as Windows-1252.
const (
	mojibakeMarkdown = "---\ntitle: Talks with FranÃ§ois\n---\n\n" +
		"# Talks with FranÃ§ois\n\n" +
		"The port of GdaÅ„sk said **ÐŸÑ€Ð¸Ð²ÐµÑ‚** to [FranÃƒÂ§ois](https://example.org/fran%C3%A7ois).\n\n" +
		"- We donâ€™t know, he said.\n- It cost â‚¬5.\n"
	mojibakePage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Talks with FranÃ§ois</title></head><body><article>` +
		`<h1>Talks with FranÃ§ois</h1>` +
		`<p>The port of GdaÅ„sk said <strong>ÐŸÑ€Ð¸Ð²ÐµÑ‚</strong> to <a href="https://example.org/fran%C3%A7ois">FranÃƒÂ§ois</a> on a visit that the harbour master had asked for since the spring.</p>` +
		`<p>We donâ€™t know what the visit will cost, the harbour master said, but the council put it at â‚¬5 a head for the town.</p>` +
		`</article></body></html>`
)

func TestEveryFormatMendsMojibake(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"a markdown file mends its front matter, heading, link and list", "talks.md", mojibakeMarkdown,
			[]string{"Talks with François", "The port of Gdańsk said Привет to François.", "We don’t know, he said.", "It cost €5."}},
		{"a saved page mends its title, heading, link and paragraphs", "talks.html", mojibakePage,
			[]string{"The port of Gdańsk said Привет to François on", "We don’t know", "€5 a head"}},
		{"a plain-text file mends its paragraphs", "talks.txt", "Talks with FranÃ§ois\n\nThe port of GdaÅ„sk said ÐŸÑ€Ð¸Ð²ÐµÑ‚ to FranÃƒÂ§ois.\n",
			[]string{"The port of Gdańsk said Привет to François."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), tt.file, []byte(tt.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("text %q lacks %q", a.Text, w)
				}
			}
			if a.Title != "Talks with François" {
				t.Errorf("title %q, want Talks with François", a.Title)
			}
			checkSpansOnRunes(t, a)
			for _, chunk := range []int{1, 3, 7, 64} {
				sameChunkedLoad(t, tt.file, []byte(tt.src), chunk, 16)
			}
		})
	}
}

func TestMendedLinksAndMarksCoverTheMendedWords(t *testing.T) {
	for _, file := range []string{"talks.md", "talks.html"} {
		src := map[string]string{"talks.md": mojibakeMarkdown, "talks.html": mojibakePage}[file]
		a, err := Parse(context.Background(), file, []byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[doc.InlineKind]string{}
		for _, in := range a.Inlines {
			got[in.Kind] = a.Text[in.Start:in.End]
		}
		if got[doc.Link] != "François" || got[doc.Strong] != "Привет" {
			t.Errorf("%s: link over %q, strong over %q; want François, Привет", file, got[doc.Link], got[doc.Strong])
		}
	}
}

// FuzzMendedSpansStayOnRunes checks that, whatever mojibake a markdown
// file or a saved page holds, every span the load lays lies inside the
// text and on the boundaries of its characters.
func FuzzMendedSpansStayOnRunes(f *testing.F) {
	f.Add(true, mojibakeMarkdown)
	f.Add(false, mojibakePage)
	f.Add(true, "*FranÃ*Â§ois [caf](e\u00cc\u0081) na\u00c3 \u0304ve `ÐŸÑ€`Ð¸")
	f.Add(false, "<p>Ã<b>Â§</b>ois â€<i>™</i> ä¸\u00adå›½</p>")
	f.Fuzz(func(t *testing.T, markdown bool, src string) {
		file := "a.html"
		if markdown {
			file = "a.md"
		}
		a, err := Parse(context.Background(), file, []byte(src), Options{})
		if err != nil {
			return
		}
		checkSpansOnRunes(t, a)
	})
}

// checkSpansOnRunes fails the test for a span of a's blocks, cells,
// inlines or sentences that leaves the text or cuts a character.
func checkSpansOnRunes(t *testing.T, a *Article) {
	t.Helper()
	var spans []span.Span
	for _, b := range a.Blocks {
		spans = append(spans, b.Span)
		spans = append(spans, b.Cells...)
	}
	for _, in := range a.Inlines {
		spans = append(spans, in.Span)
	}
	spans = append(spans, a.Sentences...)
	onRune := func(i int) bool { return i == len(a.Text) || utf8.RuneStart(a.Text[i]) }
	for _, s := range spans {
		if s.Start < 0 || s.Start > s.End || s.End > len(a.Text) || !onRune(s.Start) || !onRune(s.End) {
			t.Fatalf("span %v of a %d-byte text leaves it or cuts a character: %q", s, len(a.Text), a.Text)
		}
	}
}
