package claim

import "testing"

// TestTheNameBeforeAParticiplesAsideSpeaks checks that a name that opens
// asides and a participle's clause before the verb is the speaker, as
// before a relative clause, while an opening time or phrase is not.
func TestTheNameBeforeAParticiplesAsideSpeaks(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"a party tag and a participle", "Sen. Odile Brack, D-Vt., speaking on the radio after the vote, said the levy was unfair.", "Sen. Odile Brack"},
		{"a role, a town and a participle", "Piet Vos, a ferryman from Hull, Mass., waiting at the quay, said the tide was late.", "Piet Vos"},
		{"a relative as before", "Ines Koll, 61, of Dover, Del., who runs the mill, said the river was rising.", "Ines Koll"},
		{"an opening day is no name", "Tuesday, Ohio, heading a group of nine states, asked the court to halt the fees.", "Ohio"},
	})
}

// TestAStopInsideAWordIsNoBreak checks that the stops of an abbreviation
// after a lone capital and of a web address join their word, so the name
// that holds them speaks.
func TestAStopInsideAWordIsNoBreak(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"a state after a party", "Rep. Hal Moss, R-N.H., said the budget was short.", "Rep. Hal Moss, R-N.H."},
		{"a state after a party, then a participle", "Rep. Hal Moss, R-N.H., writing in the weekly paper, argued the budget was short.", "Rep. Hal Moss"},
		{"a web address", "The flood was the worst in forty years, according to Harbourwatch.org.", "Harbourwatch.org"},
		{"a lost space before a sentence", "The ferry left at noon.A pilot said the bar was shallow.", "A pilot"},
		{"an address as a subject", "TidesDaily.net reported that the pier would close.", "TidesDaily.net"},
	})
}

// TestAnAbbreviationBeforeANumberIsNoBreak checks that the stop of an
// abbreviation before a number ("No. 2", "Nov. 8") stays in its phrase.
func TestAnAbbreviationBeforeANumberIsNoBreak(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"a rank in an aside", "Mayor Ana Kole of Leeds, the No. 3 official in the region, said the bridge would reopen.", "Mayor Ana Kole of Leeds, the No. 3 official in the region"},
		{"a date in a subject", "The winner of the Nov. 4 ballot said the count was fair.", "The winner of the Nov. 4 ballot"},
	})
}

// TestALongPhraseAfterAccordingToIsWhole checks that the phrase after
// "according to", which its comma or stop bounds, keeps its words past
// the length at which a subject is cut to its head, up to maxAccording.
func TestALongPhraseAfterAccordingToIsWhole(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"a long study", "The tide rose by a metre, according to a survey last spring by engineers at two colleges in Bristol and the port of Bath.", "a survey last spring by engineers at two colleges in Bristol and the port of Bath"},
		{"a short source", "The tide rose by a metre, according to the harbour board.", "the harbour board"},
		{"past maxAccording, cut at its head", "The tide rose by a metre, according to a survey last spring by engineers at two colleges in Bristol and the port of Bath and three more towns on the coast to the north of them all.", "a survey last spring"},
	})
}

// TestAPronounAfterAJoinedVerbSpeaksInsideIt checks that in "... but said
// she questioned ...", where "said" shares the sentence's subject, the
// pronoun after it speaks inside what it reports, and the sentence's
// subject is the source.
func TestAPronounAfterAJoinedVerbSpeaksInsideIt(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"after but", "The harbour master was furious but said she questioned the board's sums.", "The harbour master"},
		{"after and", "The ferryman was tired and said he questioned the tide tables.", "The ferryman"},
		{"a pronoun with its own subject before it", "The ferryman said he doubted the tide tables.", "The ferryman"},
	})
}

// TestANameAndItsAsidesOpenTheSentencesSubject checks that a name and the
// asides after it ("Tom Reyes, 61, ...") are the subject a later joined
// verb shares, but a place after an opening place is not ("Cambs" would
// be; the subject after two openings is not found, as before, so the
// pronoun keeps the claim).
func TestANameAndItsAsidesOpenTheSentencesSubject(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"an age", "Tom Reyes, 61, runs a bakery on the quay and said he questioned the flood plan.", "Tom Reyes, 61"},
		{"a role", "Ana Ruiz, a nurse at the clinic, was furious but said she questioned the closure.", "Ana Ruiz, a nurse at the clinic"},
		{"a place after an opening place", "At a fair in Ely, Cambs, on Sunday, the baker was tired but said she questioned the rules.", "she"},
	})
}

// TestAnAmpersandJoinsAName checks that "&" between capitalised words
// is inside one name, so a source that holds it keeps its words before it.
func TestAnAmpersandJoinsAName(t *testing.T) {
	checkOneSource(t, []sourceCase{
		{"a firm in an aside", "Lena Fisk, an analyst at Marlow & Daughters, said the harbour fees would rise.", "Lena Fisk, an analyst at Marlow & Daughters"},
		{"a firm as the subject", "Marlow & Daughters said the harbour fees would rise.", "Marlow & Daughters"},
	})
}
