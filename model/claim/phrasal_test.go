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
