package claim

import "testing"

// TestBeBeforeAWordThatIsNoParticipleIsNoPassive checks that a form of
// "be" before a cue word that is no participle makes no passive that hides
// who spoke, however seldom PolNeAR counts the word in a cue: the subject
// holds the view ("was not optimistic about"). A participle that ends in
// none of -ed, -en, -wn, -ne ("is understood to") still makes a passive,
// and so does the participle of a feeling below minCueRatio ("were
// scared of": on PolNeAR train such feelings were off gold 15 times in 26).
// After a linking verb, or "be" and an adverb, such a word reports its
// subject's view too ("remained vague about", "was openly angry about").
func TestBeBeforeAWordThatIsNoParticipleIsNoPassive(t *testing.T) {
	tests := []sourceCase{
		{"an adjective of a view", "The harbour master was not optimistic about the new pier.", "The harbour master"},
		{"an adjective of a feeling", "The ferry union was angry about the new timetable.", "The ferry union"},
		{"an irregular participle", "The old pier is understood to need urgent repairs.", ""},
		{"a feeling's participle the counts seldom find in a cue", "The skippers were scared of the new fees.", ""},
		{"a participle in -ed", "The old pier is believed to need urgent repairs.", ""},
		{"an adjective after be and an adverb", "The ferry union was openly angry about the new timetable.", "The ferry union"},
		{"an adjective after a linking verb", "The harbour master remained vague about his plans for the pier.", "The harbour master"},
	}
	checkOneSource(t, tests)
}
