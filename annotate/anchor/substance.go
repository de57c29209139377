package anchor

import (
	"slices"
	"strings"
	"unicode"
)

// negations are the words that turn a claim into its opposite; a passage
// that gains or loses one says something else, however alike it reads.
var negations = []string{"not", "no", "never", "none", "nor", "nobody", "nothing", "neither", "without", "cannot"}

// movedOrChanged is the status of a passage found reworded: Changed when
// its figures or its negations differ from the quote's, else Moved.
func movedOrChanged(quote, now string) Status {
	if !slices.Equal(figures(quote), figures(now)) || negationCount(quote) != negationCount(now) {
		return Changed
	}
	return Moved
}

// figures lists the numbers in s in order, as written ("6,500", "1.5"):
// a digit run with the separators inside it.
func figures(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && isDigit(s[j+1])) {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// negationCount counts the negating words of s, "n't" contractions
// included.
func negationCount(s string) int {
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		w = strings.Trim(w, "'’")
		if slices.Contains(negations, w) || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			n++
		}
	}
	return n
}
