package claim

import (
	"strings"
	"testing"
)

// A token from tokenize answers from its bits what a token made by hand
// answers by hash, for every set, on words in and out of the sets.
func TestTokenSetsAnswerAsTheirHashes(t *testing.T) {
	text := "The spokeswoman said — “it’s not clear” — that 23 percent of voters, who were asked in March, had been convinced, however; ministry officials can't."
	toks := tokenize(nil, text, spanAll(text))
	for i, s := range tokenSets {
		for _, tok := range toks {
			if got, want := s.has(tok), s.hasHash(tok.h); got != want {
				t.Errorf("set %d (%.20q) has %q = %v, by hash %v", i, strings.TrimSpace(s.words), word(text, tok), got, want)
			}
		}
	}
	if !determiners.has(toks[0]) || !dashes.has(toks[3]) || prepositions.has(toks[1]) {
		t.Errorf("bits: determiners(The) %v, dashes(—) %v, prepositions(spokeswoman) %v", determiners.has(toks[0]), dashes.has(toks[3]), prepositions.has(toks[1]))
	}
}

// A set with no bit, and a token made by hand, answer by hash; a token of
// a lexicon's vocab, whose sets hold entryKnown too, from its bits.
func TestSetsWithoutBitsAndHandMadeTokensAnswerByHash(t *testing.T) {
	text := "Koll told the council"
	toks := tokenize(nil, text, spanAll(text))
	if hearerVerbs.bit != 0 {
		t.Fatal("hearerVerbs has a bit: pick a set outside tokenSets")
	}
	if !hearerVerbs.has(toks[1]) || hearerVerbs.has(toks[2]) {
		t.Errorf("hearerVerbs: told %v, the %v", hearerVerbs.has(toks[1]), hearerVerbs.has(toks[2]))
	}
	if made := (token{h: hashWord("the")}); !determiners.has(made) || prepositions.has(made) {
		t.Errorf("a token made by hand: determiners(the) %v, prepositions(the) %v", determiners.has(made), prepositions.has(made))
	}
	lexToks := newDetector(t).lex.vocab.tokenize(nil, text, spanAll(text))
	if lexToks[2].sets&entryKnown == 0 || !determiners.has(lexToks[2]) || determiners.has(lexToks[3]) {
		t.Errorf("a vocab token: sets %x, determiners(the) %v, determiners(council) %v", lexToks[2].sets, determiners.has(lexToks[2]), determiners.has(lexToks[3]))
	}
}
