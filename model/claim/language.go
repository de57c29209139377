package claim

// The claims' rules are English ones: their cue words, grammar words and
// the cue tagger read English, and on other text they find cues in words
// that only look like English ("will" in "Der Stadtrat will", "millions"
// in "40 millions d'euros"). A unit that reads as another language makes
// no claim. margin knows no document's language (a page's lang attribute
// is not kept), and a page may quote another language, so each unit is
// judged by its own function words, the commonest words of any text.

var (
	// foreignWords are function words of the European languages margin
	// meets most besides English (German, French, Spanish, Italian,
	// Portuguese, Dutch) that are no English words: "die", "was", "also",
	// "a", "in", "on", "as", "son" are left out, and so are one-letter
	// words ("y / y").
	foreignWords = newWordSet(`das und ist nicht ein eine einen einem eines dem den des mit
		sich auf für auch wird werden wurde sind zu im vom zum zur dass sie wir ich nach bei aus
		wie oder noch nur haben über ihre sein seine
		et les des est une du au aux que qui pour dans pas ne il elle ils ont sont avec mais
		cette ces leur nous vous selon été être sur
		los las una por con para es su sus lo como más pero fue ha han según también este esta
		entre sin muy ya
		che non della delle nel sono è per gli
		não uma os em ao com mais
		het een niet zijn voor ook`)
	// nameParticles are function words of those languages that also join
	// names in English text ("Bill de Blasio", "Los Angeles", "Joost van
	// der Westhuizen"): counted only in lower case and not before a
	// capitalised word or another particle, which a name would be.
	nameParticles = newWordSet("de la le el los las del al di da du van von der")
)

// minForeign is the fewest foreign function words that make a unit
// another language's. With 2, and more of them than English function
// words, no sentence of PolNeAR train or dev, of CoNLL-2003 train or dev
// (Reuters, with sports tables of Dutch and Afrikaans names) or of
// WikiGold reads as foreign.
const minForeign = 2

// foreign reports whether toks, a unit's tokens, read as another
// language than English: at least minForeign foreign function words, and
// more of them than English ones (articles, prepositions, forms of "be",
// pronouns, relatives, conjunctions). It asks the tokens' set bits
// (tokenSets) alone, as it reads every token of every unit: with a call
// per set asked it cost 8% of the claims' instructions.
func foreign(toks []token) bool {
	english := articles.bit | prepositions.bit | beForms.bit | pronouns.bit | relatives.bit | clauseOpeners.bit
	f, e := 0, 0
	for i := range toks {
		switch sets := toks[i].sets; {
		case sets&english != 0:
			e++
		case sets&foreignWords.bit != 0:
			f++
		case sets&nameParticles.bit != 0 && !toks[i].upper && !beforeName(toks, i+1):
			f++
		}
	}
	return f >= minForeign && f > e
}

// beforeName reports a capitalised word or a name particle at toks[i].
func beforeName(toks []token, i int) bool {
	return i < len(toks) && (toks[i].upper || nameParticles.has(toks[i]))
}
