package anchor

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
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

// Bounds on a passage found reworded between its unchanged context.
const (
	// rewordKeep is the share of the quote's content words the passage
	// must keep.
	rewordKeep = 0.5
	// rewordMinLen and rewordMaxLen bound its length, in shares of the
	// quote's.
	rewordMinLen, rewordMaxLen = 0.5, 2.0
)

// reworded finds a passage rewritten in place, too far from its quote for
// an alignment to accept: the text between its context, which is still
// there word for word and once only, that samePassage takes for the
// quote's: its figures and half its content words, or as many figures
// and every other word ("By 1990 the count had fallen to 6,500."
// became "By 1990 the tally had dropped to about 6,500 fish."). It is
// Changed: shown where it is, for a person to judge. Without such a
// passage the result is otherwise.
func (r *Resolver) reworded(sel Selector, otherwise Result) Result {
	s, ok := r.between(sel)
	if !ok {
		return otherwise
	}
	now := s.In(r.text)
	n := float64(len(now)) / float64(len(sel.Exact))
	if n < rewordMinLen || n > rewordMaxLen || !samePassage(sel.Exact, now) {
		return otherwise
	}
	return Result{Span: s, Status: Changed, Score: 0.5}
}

// samePassage says whether now, between the quote's unchanged context, is
// the quote rewritten: its figures and negations kept and at least half
// its content words, or as many figures and every other word kept
// ("nearly 600" became "nearly 640", too short to align).
func samePassage(quote, now string) bool {
	if negationCount(quote) != negationCount(now) {
		return false
	}
	was, is := figures(quote), figures(now)
	if slices.Equal(was, is) {
		return kept(quote, now) >= rewordKeep
	}
	rest := letters(quote)
	return len(was) == len(is) && (len(contentWords(rest)) == 0 || kept(rest, now) == 1)
}

// letters is s without its digits, so that kept compares its words alone.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return ' '
		}
		return r
	}, s)
}

// between is the span, trimmed of white space, between the only place the
// selector's prefix appears and the first appearance of its suffix after
// it, within twice the quote's length.
func (r *Resolver) between(sel Selector) (span.Span, bool) {
	if sel.Prefix == "" && sel.Suffix == "" {
		return span.Span{}, false
	}
	start := 0
	if sel.Prefix != "" {
		at := occurrences(r.text, sel.Prefix, 2)
		if len(at) != 1 {
			return span.Span{}, false
		}
		start = at[0].End
	}
	end := len(r.text)
	if sel.Suffix != "" {
		window := r.text[start:min(len(r.text), start+int(rewordMaxLen*float64(len(sel.Exact)))+len(sel.Suffix))]
		i := strings.Index(window, sel.Suffix)
		if i < 0 {
			return span.Span{}, false
		}
		end = start + i
	}
	for start < end && isSpace(r.text[start]) {
		start++
	}
	for end > start && isSpace(r.text[end-1]) {
		end--
	}
	return span.Span{Start: start, End: end}, start < end
}

// kept is the share of the content words of quote (of three letters or
// more) that now still has.
func kept(quote, now string) float64 {
	have := map[string]bool{}
	for _, w := range contentWords(now) {
		have[w] = true
	}
	words := contentWords(quote)
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if have[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWord(r) }) {
		if utf8.RuneCountInString(w) >= 3 {
			out = append(out, w)
		}
	}
	return out
}
