package claim

import "testing"

// TestAnExpletiveItIsNoSpeaker checks that an "it" that opens a linking
// verb and a complement names no one: the reporting verb of the clause
// after the complement speaks for that clause's subject, and a verb with
// none there has no speaker, while an "it" that refers (a progressive, a
// raising adjective, a passive) still speaks.
func TestAnExpletiveItIsNoSpeaker(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"a name after an adjective", "It is doubtful Mayor Ines Koll believed the sea wall would hold.", "Mayor Ines Koll"},
		{"a quantifier after a noun", "It was a plan few ferrymen believed in at the time.", "few ferrymen"},
		{"a clause after seems", "It seems the council voted to close the quay.", "the council"},
		{"the contraction", "It’s likely Tom Reyes argued the tide tables were wrong.", "Tom Reyes"},
		{"a modal before be", "It would be odd if the harbour board denied the report.", "the harbour board"},
		{"a subject after for", "It was common for the fishermen to complain about the new quay fees.", "the fishermen"},
		{"an infinitive without one", "It is too early to say whether the quay will reopen.", ""},
		{"a pronoun in a cleft", "It's the ferry fares we complained about, not the timetable.", "we"},
		{"a progressive refers", "The harbour board met on Monday, and it is now urging residents to leave.", "it"},
		{"a progressive after an adverb opens the sentence", "It is now saying the harbour levy would rise.", "It"},
		{"a progressive after still", "It was still urging residents to leave the quay.", "It"},
		{"a raising adjective refers", "The harbour board said it is unlikely to approve the new wall.", "The harbour board"},
	})
}

// TestAnExpletiveViewHoldsNoOnesView checks that a view adjective that
// completes an expletive frame, the contraction and adverbs between
// included, is no one's view and no claim of a source.
func TestAnExpletiveViewHoldsNoOnesView(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"after is", "It is clear that the harbour wall needs repairs.", ""},
		{"after the contraction and an adverb", "It’s also clear that the ferry will run late all winter.", ""},
		{"after a linking verb", "It seemed obvious that the quay fees would rise again.", ""},
		{"seems and a clause", "It seems that the quay fees will rise again.", ""},
	})
}
