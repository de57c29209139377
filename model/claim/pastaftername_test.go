package claim

import "testing"

// TestANamesPastBeforeAnObjectEndsItsSubject checks that a lower-case past
// in -ed after a name and before an article or a determiner is the
// sentence's verb, which ends the subject, while a participle that
// modifies the words before it with a preposition stays in the subject.
func TestANamesPastBeforeAnObjectEndsItsSubject(t *testing.T) {
	tests := []sourceCase{
		{"a past before an article and a participle", "Okafor released a new radio ad calling the fees unlawful.", "Okafor"},
		{"a past after a time phrase", "The pilots union on Tuesday released a parody website mocking the fees.", "The pilots union"},
		{"a participle before a preposition", "Pilots briefed on the plan say that the fees are unlawful.", "Pilots briefed on the plan"},
	}
	checkOneSource(t, tests)
}
