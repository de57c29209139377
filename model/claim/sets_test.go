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
