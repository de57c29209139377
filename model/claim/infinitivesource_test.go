package claim

import "testing"

// TestAnInfinitivesSpeakerIsNoPhraseEndingInTo checks that the words
// before an infinitive's "to" are cut at their verb for its speaker, and
// that a run of words ending in "to" with no verb in it names no one.
func TestAnInfinitivesSpeakerIsNoPhraseEndingInTo(t *testing.T) {
	tests := []sourceCase{
		{"a past in -ed before a weekday", "Harbour ministers gathered Friday to discuss the rising ferry fees.", "Harbour ministers"},
		{"a noun after an article before to", "The ferry crews sailed out past the breakwater to explain the new route.", "The ferry crews"},
		{"a plain infinitive keeps its subject", "The union plans to challenge the new quay fees.", "The union"},
	}
	checkOneSource(t, tests)
	d := newDetector(t)
	for _, sentence := range []string{
		"Mara Voss took her nephew, Teo, down there on Sunday to explain the tides.",
		"Many towns send their harbour pilots to Rotterdam to learn about dredging.",
	} {
		text, claims := paragraphClaims(d, sentence)
		for _, c := range claims {
			if c.Source != nil && text[c.Source.End-2:c.Source.End] == "to" {
				t.Errorf("%q: source %q ends in to", sentence, c.Source.In(text))
			}
		}
	}
}
