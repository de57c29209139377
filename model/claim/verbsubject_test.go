package claim

import "testing"

// TestAReportingVerbIsNoOnesName checks that a reporting verb's past
// standing where a subject would ("and signaled support for") is never
// the source of the cue after it.
func TestAReportingVerbIsNoOnesName(t *testing.T) {
	d := newDetector(t)
	for _, tt := range []struct{ sentence, verb string }{
		{"and signaled support for a register of boats.", "signaled"},
		{"but later admitted defeat in the harbour vote.", "admitted"},
	} {
		text, claims := paragraphClaims(d, tt.sentence)
		for _, c := range claims {
			if c.Source != nil && c.Source.In(text) == tt.verb {
				t.Errorf("%q: the source is %q", tt.sentence, tt.verb)
			}
		}
	}
	checkOneSource(t, []sourceCase{
		{"a joined verb keeps the sentence's subject", "The mayor backed the fees, and signaled support for a register of boats.", "The mayor"},
	})
}

// TestASubjectEndsBeforeAnotherReportingVerb checks that a subject that
// ends in another cue of its sentence (an adjective cue before a noun
// cue: "deep" before "support") is cut before that cue and the
// auxiliaries, adverbs and determiners before it.
func TestASubjectEndsBeforeAnotherReportingVerb(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"an adjective cue before a noun cue", "Vasquez’s deep support among older pilots gives her an edge.", "Vasquez’s"},
	})
}
