package claim

import "testing"

// TestAParticiplesSpeakerIsPastAnOpeningClause checks that a participle
// after a comma speaks for the sentence's subject past an opening clause
// or phrase that a subordinator starts, not for the words of the opening.
func TestAParticiplesSpeakerIsPastAnOpeningClause(t *testing.T) {
	tests := []sourceCase{
		{"past an opening when-clause", "When Vasquez did take the board on, the harbour master did it gently, acknowledging that the fees were high.", "the harbour master"},
		{"past an opening like-phrase", "Like the mayor, the harbour master has argued with the board, insisting that the fees were unlawful.", "the harbour master"},
		{"past an opening as-clause", "As the pilots met in Dover, the harbour master was in Calais, promising to cut the fees.", "the harbour master"},
	}
	checkOneSource(t, tests)
}
