package model

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/vocab"
)

// The analysers keep typed constants for speed and type safety; vocab names
// them once for everyone else. These tests keep the two from drifting.

func TestEntityLabelsAreExactlyVocabs(t *testing.T) {
	var got []string
	for _, l := range entity.Labels {
		got = append(got, string(l))
	}
	if want := vocab.Values(vocab.EntityLabels()); !slices.Equal(got, want) {
		t.Errorf("entity.Labels = %q, vocab has %q", got, want)
	}
}

func TestClaimKindsAreExactlyVocabs(t *testing.T) {
	var got []string
	for _, k := range claim.Kinds() {
		got = append(got, string(k))
	}
	if want := vocab.Values(vocab.ClaimKinds()); !slices.Equal(got, want) {
		t.Errorf("claim kinds = %q, vocab has %q", got, want)
	}
}
