package claim

import (
	"slices"
	"testing"
)

// TestParticiplesOfNounsAreNoCues checks that a past participle modifying
// a noun is no reporting cue: after the noun and before a time ("the
// survey released Tuesday") or between a number and the counted noun
// ("412 pledged votes"), while the same verbs with a subject still
// report.
func TestParticiplesOfNounsAreNoCues(t *testing.T) {
	tests := []struct {
		name, sentence, verb string
		cue                  bool
	}{
		{"drops a participle before a weekday", "A harbour survey released Tuesday found most berths empty.", "released", false},
		{"drops a participle before last week", "The audit published last week put the cost at £9 million.", "published", false},
		{"drops a participle after a number", "The mayor has 412 pledged votes on the council.", "pledged", false},
		{"keeps a verb with its subject", "The harbour board released a statement on Tuesday.", "released", true},
		{"keeps a pledge to do", "Ines Koll pledged to keep the ferry running.", "pledged", true},
	}
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := attributedCueWords(d, tt.sentence)
			if slices.Contains(got, tt.verb) != tt.cue {
				t.Errorf("attributed cues %q: want %q among them %v", got, tt.verb, tt.cue)
			}
		})
	}
}
