package ui

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/vocab"
)

// The note editor picks from annotate.Verdicts and the theme styles vocab's;
// this keeps the two lists the same.
func TestNoteVerdictsAreExactlyVocabs(t *testing.T) {
	var got []string
	for _, v := range annotate.Verdicts {
		got = append(got, string(v))
	}
	if want := vocab.Values(vocab.Verdicts()); !slices.Equal(got, want) {
		t.Errorf("annotate.Verdicts = %q, vocab has %q", got, want)
	}
}
