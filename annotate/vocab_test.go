package annotate_test

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/vocab"
)

func TestVerdictsAreExactlyVocabs(t *testing.T) {
	var got []string
	for _, v := range annotate.Verdicts {
		got = append(got, string(v))
	}
	if want := vocab.Values(vocab.Verdicts()); !slices.Equal(got, want) {
		t.Errorf("annotate.Verdicts = %q, vocab has %q", got, want)
	}
	for _, v := range annotate.Verdicts {
		if parsed, err := annotate.ParseVerdict(v.String()); err != nil || parsed != v {
			t.Errorf("ParseVerdict(%q) = %q, %v", v.String(), parsed, err)
		}
	}
}
