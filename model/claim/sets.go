package claim

import "sync"

// tokenSets are the word sets that tokenize looks every token up in once,
// so that asking one of them about a token tests a bit: the rules ask
// about half a million times per 400 KB of news, and a hash look-up each
// time, and passing the token to it, were a sixth of the claims' instructions
// (BenchmarkAnalyzeNews).
// The commonest asked come first; a set left out still answers by hash.
var tokenSets = [...]*wordSet{
	dashes, clauseOpeners, determiners, clauseStops, prepositions, possessives,
	midAdverbs, finiteAux, auxiliaries, whWords, beForms, freeRelatives,
	passiveAdverbs, leadAdverbs, quotes, articles, numberWords, personRoles,
	pronouns, feelings, deniedThings, quantifiers, gerundPrepositions,
	approximators, relatives, contractions, copulas, subjectPronouns, months,
	expletives, backQuantifiers, placeholders, resolvable, percentWords,
	magnitudes, timeWords, selfPronouns, clarityWords, lyNotAdverbs,
	participleAuxiliaries, easeAdjectives, moneyWords, moneySigns, closingQuotes,
	notAfterModal, inflectedAux, timeNames, objectPronouns, participleStarts,
	bodyNouns, thatConjunctions, thatTo, notSet, pollNouns, nameJoiners,
	numberLike, monthLead, foreignWords, nameParticles,
}

// setsKnown marks a token's sets as looked up; the top bit, which no set
// of tokenSets has.
const setsKnown = 1 << 63

// entryKnown marks a token whose entry a lexicon's vocab set: the bit
// below setsKnown, which no set of tokenSets has either.
const entryKnown = 1 << 62

// A token's sets hold a bit per set of tokenSets, entryKnown and setsKnown.
var _ [62 - len(tokenSets)]struct{}

func init() {
	for i, s := range tokenSets {
		s.bit = 1 << i
		s.mask = s.bit | setsKnown
	}
}

// membership maps a word's hash to its bits in a token's sets and its
// entry in a lexicon, so that tokenize looks each token up once.
type membership struct {
	table wordTable[wordInfo]
	// known is or-ed into every token's sets: setsKnown, and entryKnown
	// in a lexicon's vocab, whose words not in the table have no entry.
	known uint64
}

// wordInfo is what a membership knows of one word: its sets and its
// index in a lexicon's list (lexicon.entryOf).
type wordInfo struct {
	sets  uint64
	entry uint32
}

// setMembership is built at the first tokenize, like the sets themselves.
// It knows no lexicon: its tokens' entries are looked up by hash.
var setMembership = sync.OnceValue(func() *membership {
	m := make(map[uint64]wordInfo)
	for _, s := range tokenSets {
		for h := range s.all() {
			m[h] = wordInfo{sets: m[h].sets | s.bit}
		}
	}
	return &membership{table: newTokenTable(m), known: setsKnown}
})

// of returns what m knows of the word with hash h: a word not in the
// table has the zero wordInfo, no sets and, in a lexicon's vocab, no
// entry. The token's sets are these or-ed with known.
//
// It probes the table itself, not by get, so that it inlines into
// tokenize, which asks it of every token. An empty slot's key is 0, so
// the key 0 stops the probe at the first empty slot and takes the value
// kept aside for it (the zero wordInfo when the table lacks the key).
func (m *membership) of(h uint64) *wordInfo {
	t := &m.table
	i := t.slot(h)
	for k := t.slots[i].key; k != h && k != 0; k = t.slots[i].key {
		i = (i + 1) & (len(t.slots) - 1)
	}
	if h == 0 {
		return &t.zero
	}
	return &t.slots[i].val
}
