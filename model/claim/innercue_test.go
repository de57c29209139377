package claim

import (
	"slices"
	"testing"
)

// TestVerbsInsideWhatTheSpeakerSaysAreNotTheSpeakersCues checks that the
// attributed cues of a claim are its speaker's reporting verbs: a verb
// inside the quotation marks of what the speaker says, or whose subject
// opens the reported clause, reports for someone else.
func TestVerbsInsideWhatTheSpeakerSaysAreNotTheSpeakersCues(t *testing.T) {
	tests := []cueListCase{
		{"drops a verb inside the quotation", "“The fishermen want a new pier,” Ines Koll said.", []string{"said"}},
		{"drops a verb of a quotation's sentence before its speaker", "“The board says the pier is safe. The fishermen doubt it,” Ines Koll said.", []string{"said"}},
		{"drops the verb of the reported clause", "Ines Koll said the fishermen argued for a new pier.", []string{"said"}},
		{"drops the verb after that", "Ines Koll said that the fishermen argued for a new pier.", []string{"said"}},
		{"keeps a participle of the speaker", "Ines Koll spoke on Monday, saying the pier was unsafe.", []string{"spoke", "saying"}},
		{"keeps a relative clause's verb", "The pier was unsafe, said Ines Koll, who argued for a new one.", []string{"said", "argued"}},
		{"keeps a gerund after despite", "The council has reiterated its plan despite admitting the pier was unsafe.", []string{"reiterated", "admitting"}},
		{"keeps a verb past a preposition", "Ines Koll spoke to reporters on the day the council announced the closure.", []string{"spoke", "announced"}},
		{"drops a verb of showing up before a place", "Ines Koll appeared on the harbour radio, and the council said the pier was unsafe.", []string{"said"}},
		{"drops a verb of speaking with company", "Ines Koll spoke with fishermen at the pier, and the council said it was unsafe.", []string{"said"}},
		{"keeps a verb of speaking before a time", "Ines Koll spoke on Monday, saying the pier was unsafe.", []string{"spoke", "saying"}},
		{"keeps a verb joined by and", "Ines Koll criticised the council and said the pier was unsafe.", []string{"criticised", "said"}},
		{"drops a verb of a that-clause past a time", "Ines Koll said on Monday that the harbour engineers in the port town supported a new pier.", []string{"said"}},
		{"drops a verb of a that-clause past a percentage", "A poll by the guild found that 71% of skippers opposed the new pier.", []string{"found"}},
		{"drops a verb of a that-clause past a sum", "Ines Koll said that $4 million in repairs showed the pier was failing.", []string{"said"}},
		{"drops a verb of a second that-clause", "Ines Koll said the pier was old and that the fishermen of the bay want a new one.", []string{"said"}},
		{"keeps a verb joined by but after a that-clause", "Ines Koll said that the pier was old but did not suggest closing it.", []string{"said", "suggest"}},
		{"keeps a verb after a dash past a that-clause", "Ines Koll said that the pier was old – even though the council announced repairs.", []string{"said", "announced"}},
		{"keeps a relative's verb far after its verb", "Ines Koll signed a letter to the council that the fishermen announced on Monday.", []string{"signed", "announced"}},
		{"drops a verb deep in the object", "Ines Koll has said she wants the next harbour master to have experience to help get repairs approved.", []string{"said"}},
		{"drops a verb in the object past a preposition", "Ines Koll urged the board to find money for the pier the fishermen want.", []string{"urged"}},
		{"keeps an infinitive in the object", "Ines Koll wrote a long letter to the harbour board to blame it for the closure.", []string{"wrote", "blame"}},
		{"keeps an -ing word in the object", "The harbour board released figures on the ferry showing a loss.", []string{"released", "showing"}},
		{"keeps a verb after a wh-word in the object", "Ines Koll told members of the harbour board how worried the fishermen were.", []string{"told", "worried"}},
	}
	checkCueLists(t, tests)
}

// TestASourceInsideQuotationMarksSpeaksForTheOneOutside checks that a
// sentence is cut into claims of their own sources only where those
// sources stand outside quotation marks: a subject inside the marks is
// part of what the speaker outside them says, even when the quotation
// opened in the sentence before.
func TestASourceInsideQuotationMarksSpeaksForTheOneOutside(t *testing.T) {
	tests := []struct {
		name, paragraph string
		claims, sources []string
	}{
		{"keeps a quotation with a subject of its own whole", "“The fishermen doubt it,” Ines Koll said.",
			[]string{"“The fishermen doubt it,” Ines Koll said."}, []string{"Ines Koll"}},
		{"reads a straight quotation opened in the sentence before", `"The pier is old. The fishermen doubt it," Ines Koll said.`,
			[]string{`"The pier is old.`, `The fishermen doubt it," Ines Koll said.`}, []string{"Ines Koll", "Ines Koll"}},
		{"names a later clause's speaker before its asides", "The mayor says the wall is safe, but Ana Ruiz, the harbour master, warned that it would fail.",
			[]string{"The mayor says the wall is safe", "but Ana Ruiz, the harbour master, warned that it would fail."}, []string{"The mayor", "Ana Ruiz, the harbour master"}},
		{"names a speaker after a semicolon before its asides", "Critics say the pier is too costly; its backers, led by the mayor, insist it will pay for itself.",
			[]string{"Critics say the pier is too costly", "its backers, led by the mayor, insist it will pay for itself."}, []string{"Critics", "its backers"}},
		{"takes no speaker before a semicolon for a verb without one after it", "The mayor praised the pier; clashed with Ana Ruiz over its cost; and posted that if it closed, the harbour would flood.",
			[]string{"The mayor praised the pier; clashed with Ana Ruiz over its cost; and posted that if it closed, the harbour would flood."}, []string{"The mayor"}},
		{"takes no second name of a list for a later speaker", "The harbour master, who backed Lind and Ana Ruiz, said the wall would fail.",
			[]string{"The harbour master, who backed Lind", "and Ana Ruiz, said the wall would fail."}, []string{"who", "The harbour master"}},
		{"still cuts two speakers outside the marks", "The mayor said the pier was safe, while the engineers argued that it would fail.",
			[]string{"The mayor said the pier was safe", "while the engineers argued that it would fail."}, []string{"The mayor", "the engineers"}},
	}
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, found := paragraphClaims(d, tt.paragraph)
			var claims, sources []string
			for _, c := range found {
				if c.Source != nil {
					claims, sources = append(claims, c.In(text)), append(sources, c.Source.In(text))
				}
			}
			if !slices.Equal(claims, tt.claims) || !slices.Equal(sources, tt.sources) {
				t.Errorf("claims %q with sources %q, want %q with %q", claims, sources, tt.claims, tt.sources)
			}
		})
	}
}

// TestARelativeThatReportsSpeaksForItsAntecedent checks that "who added
// that X ..." after a speaker is the relative's claim, not X's, and that
// the relative stands for the whole source before its comma.
func TestARelativeThatReportsSpeaksForItsAntecedent(t *testing.T) {
	text, claims := paragraphClaims(newDetector(t), "The pier was weak, said one engineer familiar with the survey, who added that the council seemed worried by the cost.")
	var sources, resolved []string
	for _, c := range claims {
		if c.Source != nil {
			sources, resolved = append(sources, c.Source.In(text)), append(resolved, c.Source.Resolved.In(text))
		}
	}
	want, wantResolved := []string{"one engineer familiar with the survey", "who"}, []string{"", "one engineer familiar with the survey"}
	if !slices.Equal(sources, want) || !slices.Equal(resolved, wantResolved) {
		t.Errorf("sources %q resolved to %q, want %q resolved to %q", sources, resolved, want, wantResolved)
	}
}
