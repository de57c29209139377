package claim

import "testing"

// TestAParticiplesClauseIsNoSpeaker checks that a phrase a participle
// opens with its object or preposition after it ("claiming he") is no
// speaker of the verb after it, which speaks for the subject of the
// sentence, and that an -ing word before a noun stays in a name.
func TestAParticiplesClauseIsNoSpeaker(t *testing.T) {
	tests := []sourceCase{
		{"a participle and a pronoun after a dash", "Ruiz spoke — claiming he had already opposed the fees.", "Ruiz"},
		{"an -ing word before a plural noun", "Leading economists say the fees will rise.", "Leading economists"},
	}
	checkOneSource(t, tests)
}
