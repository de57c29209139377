package claim

import "testing"

// TestANameBeforeAColonAndAQuoteSpeaksIt checks that a name, with its
// bracketed tag or joined to another by "and", that a colon and an
// opening quotation mark follow, at the sentence's start or after a
// roundup's dash, is the quote's speaker, and that a label is not.
func TestANameBeforeAColonAndAQuoteSpeaksIt(t *testing.T) {
	tests := []sourceCase{
		{"a name and its tag", "Rep. Ana Ruiz (D-Calif.):\"We cannot ask families to pay the fees again.\"", "Rep. Ana Ruiz (D-Calif.)"},
		{"two names after a roundup's headline", "FEES ARE NOT FINAL - Ana Ruiz and Tom Berg: “Although the polls failed to predict the result, the count is not over.”", "Ana Ruiz and Tom Berg"},
		{"a name after a dash outranks the verb before it", "Pollsters agree - Tom Berg: “Keep contacting voters as late as possible.”", "Tom Berg"},
		{"a mixed-case name opening the sentence", "Tom Berg: “We found that the fees hurt the fishermen.”", "Tom Berg"},
		{"one word after a dash in a clause of its own", "But the count was close - HuffPollster: “The polls were right about the margin.”", "HuffPollster"},
		{"one word that names no one is a label", "Source: “The ferry will sail at noon.”", ""},
		{"an editorial label is no speaker", "Update: “The ferry will sail at noon.”", ""},
	}
	checkOneSource(t, tests)
}
