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
