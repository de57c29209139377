package main

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// spanOf is the gold span of the first want in text.
func spanOf(t *testing.T, text, want string) goldSpan {
	t.Helper()
	i := strings.Index(text, want)
	if i < 0 {
		t.Fatalf("%q not in %q", want, text)
	}
	return goldSpan{Start: i, End: i + len(want), Text: want}
}

func TestCueKind(t *testing.T) {
	const title = "A headline\n\n"
	tests := []struct {
		name, text, source, cue string
		content                 []string
		want                    string
	}{
		{"a cue in the title line is a heading's", "Mayor: the pier is safe\n\nBody.", "Mayor", ":", []string{"the pier is safe"}, "title line (a heading: never a claim)"},
		{"a colon is a colon cue", title + "The mayor: the pier is safe.", "The mayor", ":", []string{"the pier is safe"}, "colon"},
		{"according to is its own kind", title + "According to the mayor, the pier is safe.", "the mayor", "According to", []string{"the pier is safe"}, "according to"},
		{"a noun after a possessive is a noun cue", title + "The mayor's claim that the pier is safe stands.", "The mayor's", "claim", []string{"the pier is safe"}, "noun cue (claim, statement, plan)"},
		{"a quote around its cue is split", title + "\"The pier,\" she said, \"is safe.\"", "she", "said", []string{"The pier,", "is safe."}, "quote split around its cue"},
		{"a common verb is common", title + "The mayor said the pier is safe.", "The mayor", "said", []string{"the pier is safe"}, "one of the 20 commonest cues"},
		{"a cue of several words is other", title + "The mayor has no doubt about the pier.", "The mayor", "has no doubt about", []string{"the pier"}, "other cue of several words"},
	}
	common := map[string]bool{"said": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := spanOf(t, tt.text, tt.source)
			g := gold{ID: "E1", Source: &src, Cue: []goldSpan{spanOf(t, tt.text, tt.cue)}}
			for _, c := range tt.content {
				g.Content = append(g.Content, spanOf(t, tt.text, c))
			}
			s := situation{a: article{Text: tt.text, Attributions: []gold{g}}, g: g, sentences: []span.Span{{Start: len(title), End: len(tt.text)}}}
			if got := cueKind(s, common); got != tt.want {
				t.Errorf("cueKind = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOffCuesCountByWhereTheyStand(t *testing.T) {
	const text = "The mayor said the engineers argued the pier was safe, and critics voted."
	src := spanOf(t, text, "The mayor")
	g := gold{ID: "E1", Source: &src, Cue: []goldSpan{spanOf(t, text, "said")}, Content: []goldSpan{spanOf(t, text, "the engineers argued the pier was safe")}}
	tests := []struct{ name, cue, want string }{
		{"a verb inside the content stands inside it", "argued", "inside a gold content"},
		{"a word of the source stands inside it", "mayor", "inside a gold source"},
		{"a verb no attribution holds stands outside", "voted", "outside every gold attribution"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := newErrorTable()
			tab.addOffCue(text, spanOf(t, text, tt.cue).Span(), []gold{g})
			if tab.offCue[tt.want] != 1 || tab.offWord[tt.cue] != 1 {
				t.Errorf("counted %v and %v, want one %q and one %q", tab.offCue, tab.offWord, tt.want, tt.cue)
			}
		})
	}
}
