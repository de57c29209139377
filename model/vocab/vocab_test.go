package vocab_test

import (
	"testing"

	"github.com/margin-reader/margin/model/vocab"
)

func TestEveryListHasDistinctValuesAndNames(t *testing.T) {
	lists := []struct {
		name  string
		terms []vocab.Term
	}{
		{"entity labels", vocab.EntityLabels()},
		{"claim kinds", vocab.ClaimKinds()},
		{"verdicts", vocab.Verdicts()},
	}
	for _, l := range lists {
		t.Run(l.name, func(t *testing.T) {
			values, names := map[string]bool{}, map[string]bool{}
			for _, term := range l.terms {
				if values[term.Value] || names[term.Name] {
					t.Errorf("%+v repeats a value or a name", term)
				}
				if term.Name == "" {
					t.Errorf("%q has no display name", term.Value)
				}
				values[term.Value], names[term.Name] = true, true
			}
		})
	}
}

func TestNameFallsBackToTheValueItDoesNotKnow(t *testing.T) {
	tests := []struct {
		name  string
		value string
		want  string
	}{
		{"a known verdict gets its display name", "mostly-true", "mostly true"},
		{"no verdict is named so, not none", vocab.NoVerdict, "no verdict"},
		{"an unknown verdict is shown as written", "pants-on-fire", "pants-on-fire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vocab.Name(vocab.Verdicts(), tt.value); got != tt.want {
				t.Errorf("Name(%q) = %q, want %q", tt.value, got, tt.want)
			}
		})
	}
}

func TestListsAreFreshCopies(t *testing.T) {
	vocab.EntityLabels()[0].Value = "changed"
	if got := vocab.EntityLabels()[0].Value; got != "PERSON" {
		t.Errorf("a caller's change leaked into the vocabulary: %q", got)
	}
}
