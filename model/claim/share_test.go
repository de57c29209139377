package claim

import "testing"

// TestARoundedShareIsTheSource checks that a rounding preposition before
// a share ("about half", "over a third") opens the subject, which then
// outranks a pronoun in what it says, while a preposition before a noun
// still opens no speaker.
func TestARoundedShareIsTheSource(t *testing.T) {
	tests := []sourceCase{
		{"about half", "About half of the fishermen said they want the pier rebuilt.", "About half of the fishermen"},
		{"over a third after an opening", "In Aldwick, over a third of tenants say they cannot pay the rent.", "over a third of tenants"},
		{"around a quarter", "Around a quarter of the drivers said the toll was too high.", "Around a quarter of the drivers"},
		{"a preposition before a noun", "About the toll, the drivers said it was too high.", "the drivers"},
	}
	checkOneSource(t, tests)
}
