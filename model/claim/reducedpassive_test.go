package claim

import "testing"

// TestAPassiveThatModifiesANounGivesItsAgent checks that a participle
// modifying the noun before it, with "by" and an agent, makes the agent
// the source when no verb has a subject, and leaves the sentence's own
// speaker, a manner after "by" and a phrase that is a verb's subject alone.
func TestAPassiveThatModifiesANounGivesItsAgent(t *testing.T) {
	tests := []sourceCase{
		{"the agent before the clause's verb", "The levy imposed by the harbour trust was the steepest in decades.", "the harbour trust"},
		{"the agent ends before for", "Three bakeries were among the firms sued by the county for mislabelling bread.", "the county"},
		{"a speaker's verb outranks the agent", "The mayor said the levy imposed by the harbour trust was unfair.", "The mayor"},
		{"a manner after by is no agent", "The union responded by quickly calling a strike.", "The union"},
		{"the phrase is a reporting verb's subject", "A report commissioned by the trust warned that the pier was unsafe.", "A report commissioned by the trust"},
	}
	checkOneSource(t, tests)
}
