package claim

import "testing"

// TestAnAuxiliaryAfterACommaKeepsThePlainOrder checks that after a
// subject's long aside an auxiliary before the verb ("..., has endorsed
// Tom Berg") keeps who is endorsed out of the source, while a bare verb
// after a comma still takes the speaker after it ("..., said a harbour
// official").
func TestAnAuxiliaryAfterACommaKeepsThePlainOrder(t *testing.T) {
	tests := []sourceCase{
		{"a perfect after a long aside", "Ana Ruiz, the veteran harbour master who founded the pilots' guild in 1979 and is a longtime member of the port board, has endorsed Tom Berg for mayor.", "Ana Ruiz"},
		{"an inverted speaker after a bare verb", "The talks failed, said a harbour official.", "a harbour official"},
	}
	checkOneSource(t, tests)
}
