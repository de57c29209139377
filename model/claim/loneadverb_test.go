package claim

import "testing"

// TestALoneAdverbIsNoSpeaker checks that an adverb of degree or frequency
// standing where a subject would ("went so far as to say", "as well
// strengthen") is never a claim's source.
func TestALoneAdverbIsNoSpeaker(t *testing.T) {
	d := newDetector(t)
	for _, tt := range []struct{ sentence, adverb string }{
		{"The harbour master went so far as to say the fees were unlawful.", "far"},
		{"Her wins in Dover and Calais as well strengthen her argument that the fees are unlawful.", "well"},
	} {
		text, claims := paragraphClaims(d, tt.sentence)
		for _, c := range claims {
			if c.Source != nil && c.Source.In(text) == tt.adverb {
				t.Errorf("%q: the source is %q", tt.sentence, tt.adverb)
			}
		}
	}
}
