package claim

import "testing"

// TestSeeingIsAViewOnlyWithAsOrWhenFinite checks that an infinitive "see"
// (after "to" or a modal) is sight or finding out, no cue, unless a view
// follows ("as", "that way", an -ly adverb), and that a finite "see"
// still reports its subject's view.
func TestSeeingIsAViewOnlyWithAsOrWhenFinite(t *testing.T) {
	tests := []cueWordCase{
		{"drops a wish to see", "The fishermen hope to see the new pier before winter.", "see", false},
		{"drops a modal's sight", "From the quay you can see the old lighthouse.", "see", false},
		{"drops finding out", "The engineers waited to see if the wall would hold.", "see", false},
		{"keeps an infinitive with as", "The fishermen have come to see the wall as a threat to the bay.", "see", true},
		{"keeps an infinitive with a way", "The council would see it that way too.", "see", true},
		{"keeps a finite view", "Most fishermen see little hope for the old pier.", "see", true},
	}
	checkCueWords(t, tests)
}
