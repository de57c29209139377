package claim

// phrasalPresence reports a one-word cue that a reflexive turns into
// being somewhere, a form of "find" before one ("found himself in the
// middle"), or "known as" after a noun (knownAs). On PolNeAR train the
// first were on a gold cue 0 times in 14, against 73% for all cues.
func phrasalPresence(toks []token, m match) bool {
	if m.to != m.from+1 || m.to >= len(toks) {
		return false
	}
	switch toks[m.from].h {
	case hKnown:
		return knownAs(toks, m)
	case hFind, hFinds, hFound, hFinding:
		return reflexives.has(toks[m.to])
	}
	return false
}

var (
	hFind, hFinds, hFound, hFinding = hashWord("find"), hashWord("finds"), hashWord("found"), hashWord("finding")
	reflexives                      = newWordSet("myself yourself himself herself itself ourselves yourselves themselves")
)

// knownAs reports "known as" after a noun ("a group known as Fancy Bear",
// "the bill, known as the ... Act"): a name the thing goes by, not what
// anyone knows; after "be" ("is known as a hawk") it is left as it was.
func knownAs(toks []token, m match) bool {
	if toks[m.to].h != hAs {
		return false
	}
	k := m.from - 1
	for k >= 0 && (toks[k].h == hAlso || toks[k].h == hComma) {
		k--
	}
	return k < 0 || !beForms.has(toks[k]) && !copulas.has(toks[k])
}

var hKnown = hashWord("known")
