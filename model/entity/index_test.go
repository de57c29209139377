package entity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// mentionsOf writes text with its entities marked as [words|LABEL] and
// returns the plain text and the entities.
func mentionsOf(marked string) (string, []Entity) {
	var b strings.Builder
	var es []Entity
	for {
		i := strings.IndexByte(marked, '[')
		if i < 0 {
			b.WriteString(marked)
			return b.String(), es
		}
		j := strings.IndexByte(marked, ']')
		b.WriteString(marked[:i])
		words, label, _ := strings.Cut(marked[i+1:j], "|")
		es = append(es, Entity{Span: span.Span{Start: b.Len(), End: b.Len() + len(words)}, Label: Label(label)})
		b.WriteString(words)
		marked = marked[j+1:]
	}
}

// things renders an index as "Name/LABEL xN" per thing, in order.
func things(idx Index) string {
	var out []string
	for _, t := range idx.Things {
		out = append(out, fmt.Sprintf("%s/%s x%d", t.Name, t.Label, len(t.Mentions)))
	}
	return strings.Join(out, "; ")
}

func TestNewIndex(t *testing.T) {
	tests := []struct {
		name, marked, want string
	}{
		{"joins a surname to the full name before it",
			"[Maria Gonzalez|PERSON] arrived. Later [Gonzalez|PERSON] left.",
			"Maria Gonzalez/PERSON x2"},
		{"joins a surname to the nearest full name before it",
			"[Ana Ruiz|PERSON] and [Pablo Ruiz|PERSON] met. [Ruiz|PERSON] spoke.",
			"Ana Ruiz/PERSON x1; Pablo Ruiz/PERSON x2"},
		{"joins a surname that comes first to the full name after it",
			"[Okafor|PERSON] won, said the coach of [Grace Okafor|PERSON].",
			"Grace Okafor/PERSON x2"},
		{"joins an acronym to the name it abbreviates",
			"The [Wall Street Journal|ORG] said the [WSJ|ORG] would appeal.",
			"Wall Street Journal/ORG x2"},
		{"joins a dotted abbreviation, an acronym and the full name",
			"the [United States|PLACE], the [U.S.|PLACE] and the [US|PLACE]",
			"United States/PLACE x3"},
		{"joins a lower-case headline's name to the body's",
			"[canada|PLACE] votes\n\n[Canada|PLACE] voted on Monday.",
			"Canada/PLACE x2"},
		{"keeps a name with another label apart",
			"[Jordan|PERSON] flew to [Jordan|PLACE].",
			"Jordan/PERSON x1; Jordan/PLACE x1"},
		{"does not take a place's last word for a surname",
			"[New Jersey|PLACE] sued [Jersey|PERSON].",
			"New Jersey/PLACE x1; Jersey/PERSON x1"},
		{"groups dates by their words only",
			"On [Monday|DATE] and again on [monday|DATE], [3|NUMBER] left.",
			"Monday/DATE x2; 3/NUMBER x1"},
		{"keeps the possessive out of the name's key",
			"[Lagos|PLACE] grew. [Lagos’s|PLACE] roads did not.",
			"Lagos/PLACE x2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, es := mentionsOf(tt.marked)
			idx := NewIndex(text, es)
			if got := things(idx); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			for i, th := range idx.ThingOf {
				if !slices.Contains(idx.Things[th].Mentions, int32(i)) {
					t.Errorf("mention %d is not among its thing's mentions", i)
				}
			}
		})
	}
}

func TestNewIndexOfTaggedText(t *testing.T) {
	tg := loadTagger(t)
	text := "norway hosts talks\n\nOfficials of Norway said Ingrid Solberg would attend. Solberg declined to comment."
	idx := NewIndex(text, tg.Tag(text, nil))
	got := things(idx)
	for _, want := range []string{"Norway/PLACE x2", "Ingrid Solberg/PERSON x2"} {
		if !strings.Contains(got, want) {
			t.Errorf("want %s; got %s", want, got)
		}
	}
}
