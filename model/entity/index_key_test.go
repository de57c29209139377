package entity

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The key and the rank as first written, with the strings package: the
// oracles of normalName and nameRank, which read their names in one pass.
var nameMarksOracle = strings.NewReplacer("’", "'", ".", "")

func normalNameOracle(s string) string {
	s = strings.ToLower(nameMarksOracle.Replace(withoutFormatOracle(s)))
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

// withoutFormatOracle is s without Unicode's format characters, a
// zero-width space as a space, its other bytes as they are.
func withoutFormatOracle(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u200b':
			b.WriteByte(' ')
		case !unicode.Is(unicode.Cf, r) || r == utf8.RuneError:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func nameRankOracle(s string) int {
	rank := 4 * len(strings.Fields(s))
	switch lower, upper := strings.ToLower(s), strings.ToUpper(s); {
	case s != lower && s != upper:
		rank += 2
	case s != lower:
		rank++
	}
	return rank
}

var nameSeeds = []string{
	"", " ", "China", "the U.S.", "The  Hague's", "Trump 's", "THE NEW YORK TIMES", "us",
	"Kyiv’s", "Financial\tTimes", "İstanbul", "\u212a", "ß", "Ⱥ", "a\u00a0b", "x\u2009y\u0085",
	"\xc3.\xa9", "\xff", "a\xffb", "\ufffd", "’", "...", "the ", "the the 's", "'s", "Dr.  J. R. R. Tolkien",
	"ǅ", "ǈungla", "東京", "Ελλάδα", "ΣΊΣΥΦΟΣ",
	"Stan\u00adton", "New\u200bYork", "\u00ad", "\xc3\u00ad\xa9", "the\u200b U.S.\u200d", "\ufeffChina\U000e0041",
}

func TestNormalNameAndNameRankMatchTheStringsFunctions(t *testing.T) {
	for _, s := range nameSeeds {
		if got, want := normalName(s), normalNameOracle(s); got != want {
			t.Errorf("normalName(%q) = %q; want %q", s, got, want)
		}
		if got, want := nameRank(s), nameRankOracle(s); got != want {
			t.Errorf("nameRank(%q) = %d; want %d", s, got, want)
		}
	}
}

func FuzzNormalNameAndNameRank(f *testing.F) {
	for _, s := range nameSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalName(s), normalNameOracle(s); got != want {
			t.Errorf("normalName(%q) = %q; want %q", s, got, want)
		}
		if got, want := nameRank(s), nameRankOracle(s); got != want {
			t.Errorf("nameRank(%q) = %d; want %d", s, got, want)
		}
	})
}
