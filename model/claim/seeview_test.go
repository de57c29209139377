package claim

import (
	"slices"
	"testing"
)

// TestSeeingIsAViewOnlyWithAsOrWhenFinite checks that an infinitive "see"
// (after "to" or a modal) is sight or finding out, no cue, unless a view
// follows ("as", "that way", an -ly adverb), and that a finite "see"
// still reports its subject's view.
func TestSeeingIsAViewOnlyWithAsOrWhenFinite(t *testing.T) {
	tests := []struct {
		name, sentence string
		see            bool
	}{
		{"drops a wish to see", "The fishermen hope to see the new pier before winter.", false},
		{"drops a modal's sight", "From the quay you can see the old lighthouse.", false},
		{"drops finding out", "The engineers waited to see if the wall would hold.", false},
		{"keeps an infinitive with as", "The fishermen have come to see the wall as a threat to the bay.", true},
		{"keeps an infinitive with a way", "The council would see it that way too.", true},
		{"keeps a finite view", "Most fishermen see little hope for the old pier.", true},
	}
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := attributedCueWords(d, tt.sentence)
			if slices.Contains(got, "see") != tt.see {
				t.Errorf("attributed cues %q: want \"see\" among them %v", got, tt.see)
			}
		})
	}
}
