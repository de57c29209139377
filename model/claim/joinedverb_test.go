package claim

import "testing"

// TestAJoinedVerbsSubjectKeepsATitlesStop checks that the subject a verb
// after "and" shares with the verb before it keeps a title's full stop
// and the name after it.
func TestAJoinedVerbsSubjectKeepsATitlesStop(t *testing.T) {
	tests := []sourceCase{
		{"a title before a name", "Mr. Ruiz predicted that the harbour would reopen and praised the mayor.", "Mr. Ruiz"},
		{"a name alone", "Ruiz predicted that the harbour would reopen and praised the mayor.", "Ruiz"},
	}
	checkOneSource(t, tests)
}
