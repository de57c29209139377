package claim

import "testing"

// TestFindingOneselfSomewhereReportsNothing checks that a form of "find"
// before a reflexive ("found himself in") says where someone was, not
// what they found, while "found that" still reports.
func TestFindingOneselfSomewhereReportsNothing(t *testing.T) {
	checkCueLists(t, []cueListCase{
		{"found himself", "The harbour master found himself in the middle of a row over the fees.", nil},
		{"finds themselves", "Ferrymen find themselves short of work in the winter.", nil},
		{"found that", "The harbour master found that the fees had doubled.", []string{"found"}},
	})
}

// TestKnownAsAfterANounIsAName checks that "known as" after a noun gives
// the name a thing goes by and is no cue, and the thing named is no
// speaker.
func TestKnownAsAfterANounIsAName(t *testing.T) {
	checkCueLists(t, []cueListCase{
		{"after a noun", "The ferry pays a levy known as the harbour toll.", nil},
		{"after a comma and also", "The levy, also known as the harbour toll, rose in March.", nil},
	})
	checkOneSource(t, []sourceCase{
		{"the thing named is no speaker", "The measure, known as the Quay Act, was backed by the harbour board.", "the harbour board"},
	})
}
