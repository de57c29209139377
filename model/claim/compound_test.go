package claim

import "testing"

// TestACompoundNounsHeadIsNoCue checks that a verb's bare form right after
// a singular common noun heads a compound noun ("a radio show", "the
// conference call") and is no cue, while a plural subject, a noun that
// names people, a past that is its bare form and an -s verb still report.
func TestACompoundNounsHeadIsNoCue(t *testing.T) {
	tests := []cueWordCase{
		{"drops a show after a noun", "Ines Koll hosts a harbour radio show on Sundays.", "show", false},
		{"drops a call after a noun", "The skippers held a conference call with the board.", "call", false},
		{"keeps a plural subject's verb", "Harbour records show the pier was repaired twice.", "show", true},
		{"keeps a verb of people", "The police call the pier unsafe.", "call", true},
		{"keeps an -s verb after a noun", "The harbour report shows the pier was repaired twice.", "shows", true},
	}
	checkCueWords(t, tests)
}
