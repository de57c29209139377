package claim

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// TestVerbsInsideWhatTheSpeakerSaysAreNotTheSpeakersCues checks that the
// attributed cues of a claim are its speaker's reporting verbs: a verb
// inside the quotation marks of what the speaker says, or whose subject
// opens the reported clause, reports for someone else.
func TestVerbsInsideWhatTheSpeakerSaysAreNotTheSpeakersCues(t *testing.T) {
	tests := []struct {
		name, sentence string
		cues           []string
	}{
		{"drops a verb inside the quotation", "“The fishermen want a new pier,” Ines Koll said.", []string{"said"}},
		{"drops the verb of the reported clause", "Ines Koll said the fishermen argued for a new pier.", []string{"said"}},
		{"drops the verb after that", "Ines Koll said that the fishermen argued for a new pier.", []string{"said"}},
		{"keeps a participle of the speaker", "Ines Koll spoke on Monday, saying the pier was unsafe.", []string{"spoke", "saying"}},
		{"keeps a relative clause's verb", "The pier was unsafe, said Ines Koll, who argued for a new one.", []string{"said", "argued"}},
		{"keeps a gerund after despite", "The council has reiterated its plan despite admitting the pier was unsafe.", []string{"reiterated", "admitting"}},
		{"keeps a verb past a preposition", "Ines Koll spoke to reporters on the day the council announced the closure.", []string{"spoke", "announced"}},
		{"keeps a verb joined by and", "Ines Koll criticised the council and said the pier was unsafe.", []string{"criticised", "said"}},
	}
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := d.Analyze(tt.sentence, []span.Span{{Start: 0, End: len(tt.sentence)}}, nil)
			var got []string
			for _, c := range res.Claims {
				for _, q := range c.Cues {
					if q.Kind == Attributed {
						got = append(got, q.In(tt.sentence))
					}
				}
			}
			if !slices.Equal(got, tt.cues) {
				t.Errorf("attributed cues %q, want %q", got, tt.cues)
			}
		})
	}
}
