package claim

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// TestNounsReportOnlyWithAComplement checks that a word PolNeAR's silver
// tags call a noun is no reporting cue before anything but what a noun of
// saying takes, while the same spelling stays a verb before "that" or after
// a subject pronoun or relative. The sentences are written for this test.
func TestNounsReportOnlyWithAComplement(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		sentence, word string
		cue            bool
	}{
		{"Voters in several swing states could decide the race.", "states", false},
		{"Twelve member states joined the fishing pact.", "states", false},
		{"The charter states that every member must pay.", "states", true},
		{"The union's rhetoric alarmed the ministers.", "rhetoric", false},
		{"word word of word word.", "word", false},
		{"word word “word word”.", "word", false},
		{"Word word word word about word.", "word", false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			var cues []string
			for _, c := range d.Analyze(tt.sentence, []span.Span{{Start: 0, End: len(tt.sentence)}}, nil).Claims {
				for _, q := range c.Cues {
					if q.Kind == Attributed {
						cues = append(cues, q.In(tt.sentence))
					}
				}
			}
			if got := slices.Contains(cues, tt.word); got != tt.cue {
				t.Errorf("attributed cues %q: %q among them is %v, want %v", cues, tt.word, got, tt.cue)
			}
		})
	}
}
