package checkworthy

import "github.com/margin-reader/margin/model/entity"

// Features are plain strings a person can read in the weights file:
//
//	w:said        a word (lower-cased; numbers become <num>, years <year>)
//	bi:has been   two words in a row (<s> and </s> mark the ends)
//	k:attributed  a claim kind the rules found in the sentence
//	e:PERSON      an entity label in the sentence
//	len:3         the sentence length in words, in steps of five
//	end:?         the sentence is a question
//	x:past        a word class seen in the sentence (see classes.go)
//	ents:2        how many entities, 3 meaning three or more
//	caps:1        how many capitalised words after the first, likewise
//
// The model looks them up by their FNV-1a hash so scoring allocates nothing.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// wordPrefix is the hash of "w:", where every word feature's hash starts,
// and pairPrefix that of "bi:", where every word pair's starts.
var (
	wordPrefix = hashString(fnvOffset, "w:")
	pairPrefix = hashString(fnvOffset, "bi:")
	// startPair is the hash of "bi:<s> ", which the first pair extends.
	startPair = hashString(pairPrefix, "<s> ")
)

// wordHashes returns, in one pass over w, the hash of its word feature,
// that of the pair it ends (pair is the hash of "bi:", the previous word
// and a space) and the pair hash the next word extends.
func wordHashes(w []byte, pair uint64) (word, ended, next uint64) {
	word, ended, next = wordPrefix, pair, pairPrefix
	for _, c := range w {
		word = (word ^ uint64(c)) * fnvPrime
		ended = (ended ^ uint64(c)) * fnvPrime
		next = (next ^ uint64(c)) * fnvPrime
	}
	return word, ended, (next ^ ' ') * fnvPrime
}

// HashFeature returns the hash a feature name is looked up by.
func HashFeature(name string) uint64 { return hashString(fnvOffset, name) }

// maxWord bounds the bytes of a word kept for its feature, so a run of
// letters without spaces cannot make scoring slow.
const maxWord = 40

// wordScanner walks the words of a sentence, lower-casing them into a
// fixed buffer.
type wordScanner struct {
	s   string
	i   int
	buf [maxWord]byte
	n   int
	// upper reports that the last word began with a capital letter, and
	// comma that a comma stood between it and the word before.
	upper, comma bool
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 }

// punctAt returns the length of the non-ASCII space or punctuation mark at
// s[i] (a no-break space, a dash, a curly quote), or 0: those separate
// words rather than being letters.
func punctAt(s string, i int) int {
	switch {
	case s[i] == 0xC2 && i+1 < len(s) && (s[i+1] == 0xA0 || s[i+1] == 0xAB || s[i+1] == 0xBB):
		return 2
	case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80:
		return 3
	}
	return 0
}
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// next returns the next word, normalised, or false at the end.
func (ws *wordScanner) next() ([]byte, bool) {
	s := ws.s
	ws.comma = false
	for ws.i < len(s) {
		c := s[ws.i]
		if c == ',' {
			ws.comma = true
		}
		if c >= 0x80 {
			if n := punctAt(s, ws.i); n > 0 {
				ws.i += n
				continue
			}
		}
		switch {
		case isLetter(c) || isDigit(c):
			return ws.word(), true
		case c == '%' || c == '$' || c == '?':
			ws.i++
			ws.n = 0
			ws.put(c)
			return ws.buf[:ws.n], true
		}
		ws.i++
	}
	return nil, false
}

func (ws *wordScanner) put(c byte) {
	if ws.n < maxWord {
		ws.buf[ws.n] = c
		ws.n++
	}
}

// word reads letters, digits and inner apostrophes, points and commas.
func (ws *wordScanner) word() []byte {
	s := ws.s
	ws.n = 0
	ws.upper = 'A' <= s[ws.i] && s[ws.i] <= 'Z'
	digits, letters := 0, 0
	for ws.i < len(s) {
		c := s[ws.i]
		switch {
		case 'a' <= c && c <= 'z':
			// the commonest byte by far, tested first
			ws.put(c)
			letters++
		case 'A' <= c && c <= 'Z':
			ws.put(c + 'a' - 'A')
			letters++
		case c == 0xE2 && ws.i+2 < len(s) && s[ws.i+1] == 0x80 && (s[ws.i+2] == 0x99 || s[ws.i+2] == 0x98):
			// a curly apostrophe inside a word is dropped like a straight one
			if ws.i+3 >= len(s) || !isLetter(s[ws.i+3]) || punctAt(s, ws.i+3) > 0 {
				return ws.done(digits, letters)
			}
			ws.i += 3
			continue
		case punctAt(s, ws.i) > 0:
			return ws.done(digits, letters)
		case isLetter(c):
			ws.put(c)
			letters++
		case isDigit(c):
			ws.put(c)
			digits++
		case c == '\'' && ws.i+1 < len(s) && isLetter(s[ws.i+1]) && ws.n > 0:
		case (c == '.' || c == ',') && digits > 0 && ws.i+1 < len(s) && isDigit(s[ws.i+1]):
		default:
			return ws.done(digits, letters)
		}
		ws.i++
	}
	return ws.done(digits, letters)
}

func (ws *wordScanner) done(digits, letters int) []byte {
	if digits == 0 {
		return ws.buf[:ws.n]
	}
	w := ws.buf[:ws.n]
	switch {
	case letters == 0 && len(w) == 4 && (w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0'):
		ws.n = copy(ws.buf[:], "<year>")
	case letters > 0 && digits <= 2 && len(w) >= 2 && (w[len(w)-2] == 's' || w[len(w)-1] == 'h' || w[len(w)-1] == 'd'):
		ws.n = copy(ws.buf[:], "<ord>")
	default:
		ws.n = copy(ws.buf[:], "<num>")
	}
	return ws.buf[:ws.n]
}

// lengthBuckets are the names of the length features.
var lengthBuckets = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8"}

// countBuckets name small counts, the last meaning that many or more.
var countBuckets = [...]string{"0", "1", "2", "3"}

func countBucket(n int) string { return countBuckets[min(n, len(countBuckets)-1)] }

// extract calls emit with the hash of every feature of a sentence, and,
// when named is set, with the feature's name as well; word features go to
// word instead, which returns the word's classes.
func extract(sentence string, kinds []string, labels []entity.Label, named bool, word func(h uint64, name string) wordClass, emit func(h uint64, name string)) {
	name := func(prefix, rest string) string {
		if !named {
			return ""
		}
		return prefix + rest
	}
	ws := wordScanner{s: sentence}
	prev := []byte("<s>")
	pair := startPair
	var prevBuf [maxWord]byte
	var sh shape
	for {
		w, ok := ws.next()
		if !ok {
			break
		}
		var wName, biName string
		if named {
			wName, biName = "w:"+string(w), "bi:"+string(prev)+" "+string(w)
		}
		wh, bh, next := wordHashes(w, pair)
		sh.see(w, prev, word(wh, wName), ws.upper, ws.comma)
		emit(bh, biName)
		n := copy(prevBuf[:], w)
		prev, pair = prevBuf[:n], next
	}
	var endName string
	if named {
		endName = "bi:" + string(prev) + " </s>"
	}
	emit(hashString(pair, "</s>"), endName)
	bucket := lengthBuckets[min(sh.words/5, len(lengthBuckets)-1)]
	emit(hashString(hashString(fnvOffset, "len:"), bucket), name("len:", bucket))
	if sh.question {
		emit(hashString(fnvOffset, "end:?"), name("end:", "?"))
	}
	if sh.addressed {
		emit(hashString(fnvOffset, "x:addressed"), name("x:", "addressed"))
	}
	sh.emit(named, emit)
	for _, k := range kinds {
		emit(hashString(hashString(fnvOffset, "k:"), k), name("k:", k))
	}
	for _, l := range labels {
		emit(hashString(hashString(fnvOffset, "e:"), string(l)), name("e:", string(l)))
	}
	ents := countBucket(len(labels))
	emit(hashString(hashString(fnvOffset, "ents:"), ents), name("ents:", ents))
}
