package claim

import "testing"

// TestAnsweringAThingReportsNothing checks that a verb of answering whose
// object is what was answered ("answered the questionnaire", "answered
// it") is no reporting cue, while one followed by its reply, by a
// preposition or by a prompt that is itself speech still reports.
func TestAnsweringAThingReportsNothing(t *testing.T) {
	tests := []cueWordCase{
		{"drops an answered form", "Every school in the district answered the ministry's questionnaire.", "answered", false},
		{"drops an answered it", "Marta Vell found the letter in May and answered it in June.", "answered", false},
		{"drops an answered phone", "Ines Koll answered the phone on the second ring.", "answered", false},
		{"keeps an answer before that", "Ines Koll answered that the pier was safe.", "answered", true},
		{"keeps an answer before its reply", "“The pier is safe,” Ines Koll answered.", "answered", true},
		{"keeps answered questions", "Ines Koll answered questions about the pier for an hour.", "answered", true},
		{"keeps an answered charge", "Ines Koll answered the charge with a long letter to the council.", "answered", true},
		{"keeps an answer with a preposition", "Ines Koll answered with a long letter to the council.", "answered", true},
	}
	checkCueWords(t, tests)
}
