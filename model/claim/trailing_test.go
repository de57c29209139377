package claim

import (
	"slices"
	"testing"
)

// TestASpeakerNamedAtTheEndSpeaksTheWholeSentence checks that a sentence
// whose last clause only names who spoke ("..., Ana Ruiz told reporters
// on Friday.") is one claim of that speaker, a reporting verb inside what
// the speaker says speaking for no one, while a later clause that says
// something of its own keeps its own claim.
func TestASpeakerNamedAtTheEndSpeaksTheWholeSentence(t *testing.T) {
	tests := []struct {
		name, paragraph string
		claims, sources []string
		cues            []string // attributed
	}{
		{"gives a passive report in a condition to the speaker at the end",
			"The council could reopen the pier, but only if the mayor can be convinced that it is safe, Ines Koll told reporters on Friday.",
			[]string{"The council could reopen the pier, but only if the mayor can be convinced that it is safe, Ines Koll told reporters on Friday."},
			[]string{"Ines Koll"}, []string{"told"}},
		{"takes a pronoun's report in a condition for the speaker's words",
			"The board could approve the loan if she is convinced that it is sound, Councillor Mary Stone told reporters.",
			[]string{"The board could approve the loan if she is convinced that it is sound, Councillor Mary Stone told reporters."},
			[]string{"Councillor Mary Stone"}, []string{"told"}},
		{"reads a statement named after the verb as no content",
			"The ferry could be sold if the owners agree that it is too old, Tom Lee said in a statement.",
			[]string{"The ferry could be sold if the owners agree that it is too old, Tom Lee said in a statement."},
			[]string{"Tom Lee"}, []string{"said"}},
		{"keeps a sentence already whole",
			"The ferry will run again in May, but only if the crossing is safe, Tom Lee said on Tuesday.",
			[]string{"The ferry will run again in May, but only if the crossing is safe, Tom Lee said on Tuesday."},
			[]string{"Tom Lee"}, []string{"said"}},
		{"gives a relative clause's speaker to the speaker at the end",
			"The pier, which the council is not planning to close, needs repairs before the winter, Ines Koll said.",
			[]string{"The pier, which the council is not planning to close, needs repairs before the winter, Ines Koll said."},
			[]string{"Ines Koll"}, []string{"said"}},
		{"drops the cue of a relative in a sentence already whole",
			"The plan that Tom Lee accused the council of hiding is not on the same level as the cuts, the mayor said Friday.",
			[]string{"The plan that Tom Lee accused the council of hiding is not on the same level as the cuts, the mayor said Friday."},
			[]string{"the mayor"}, []string{"said"}},
		{"drops a noun cue in what the speaker at the end says",
			"This has been a persistent concern for the fishermen this year, Ines Koll said.",
			[]string{"This has been a persistent concern for the fishermen this year, Ines Koll said."},
			[]string{"Ines Koll"}, []string{"said"}},
		{"still cuts a second speaker after but",
			"Ana Ruiz said the wall would hold, but the engineer, Tom Lee, warned it would not.",
			[]string{"Ana Ruiz said the wall would hold", "but the engineer, Tom Lee, warned it would not."},
			[]string{"Ana Ruiz", "the engineer, Tom Lee"}, []string{"said", "warned"}},
		{"still cuts a last clause that reports something of its own",
			"The mayor insists the wall is safe, the engineers told the council it was not.",
			[]string{"The mayor insists the wall is safe", "the engineers told the council it was not."},
			[]string{"The mayor", "the engineers"}, []string{"insists", "told"}},
		{"still cuts a relative clause at the end",
			"The council approved the pier in May, which the mayor announced on Monday.",
			[]string{"The council approved the pier in May", "which the mayor announced on Monday."},
			[]string{"The council", "the mayor"}, []string{"approved", "announced"}},
	}
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, found := paragraphClaims(d, tt.paragraph)
			var claims, sources, cues []string
			for _, c := range found {
				if c.Source == nil {
					continue
				}
				claims, sources = append(claims, c.In(text)), append(sources, c.Source.In(text))
				for _, q := range c.Cues {
					if q.Kind == Attributed {
						cues = append(cues, q.In(text))
					}
				}
			}
			if !slices.Equal(claims, tt.claims) || !slices.Equal(sources, tt.sources) || !slices.Equal(cues, tt.cues) {
				t.Errorf("claims %q with sources %q and cues %q, want %q with %q and %q", claims, sources, cues, tt.claims, tt.sources, tt.cues)
			}
		})
	}
}
