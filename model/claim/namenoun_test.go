package claim

import (
	"slices"
	"testing"
)

// cueWords returns the text of every cue of the claims found in text, one
// sentence a line.
func cueWords(d *Detector, text string) []string {
	var out []string
	for _, c := range d.Analyze(text, lines(text), nil).Claims {
		for _, q := range c.Cues {
			out = append(out, text[q.Start:q.End])
		}
	}
	return out
}

func TestANounAfterANameIsNoCue(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name     string
		sentence string
		word     string
		cue      bool
	}{
		{"a show named by its network, with its title after it", "The actor guested on the Netflix show The Crown twice.", "show", false},
		{"a show after a verb, its title after it", "Millions watch the ABC show Shark Tank each week.", "show", false},
		{"a plural subject's verb stays a cue", "Polls show the race is tied.", "show", true},
		{"a show after a possessive, an adjective and its network", "Fans queued for Ana Ruiz's new Netflix show The Hour all night.", "show", false},
		{"a show after a possessive name and its network", "Fans queued for Ana Ruiz's Netflix show The Hour.", "show", false},
		{"a show after a determiner, an adjective and its network", "She hosted a popular BBC show and wrote books.", "show", false},
		{"a verb after a region with an adjective stays a cue", "Voters in the rural North believe he lied.", "believe", true},
		{"a verb after a plural subject with an adjective stays a cue", "Aides to the new Ohio senators say the bill is dead.", "say", true},
		{"a plural name's verb stays a cue", "The Democrats claim the vote was rigged.", "claim", true},
		{"a name that opens a clause is a subject, its verb a cue", "When the KGB spread rumours about the agency, officials denied them.", "spread", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cues := cueWords(d, tt.sentence)
			if got := slices.Contains(cues, tt.word); got != tt.cue {
				t.Errorf("%q: cues %q; want %q a cue: %v", tt.sentence, cues, tt.word, tt.cue)
			}
		})
	}
}
