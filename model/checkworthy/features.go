package checkworthy

import (
	"math/bits"
	"strings"

	"github.com/margin-reader/margin/model/entity"
)

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
// The model looks them up by their FNV-1a hash (a word pair's is made from
// its two words', HashFeature) so scoring allocates nothing.

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

// wordHash returns the hash of the feature of word w ("w:" and w): the
// FNV-1a hash of w alone, without the prefix, which is the hash a
// tokenizer that lower-cases ASCII gives a word of letters as it reads it
// (Word), so scoring need not read the word again. No other feature's name
// is a word: each holds a colon.
func wordHash(w string) uint64 { return hashString(fnvOffset, w) }

// startWord and endWord are the hashes of the word features of "<s>" and
// "</s>", which the first and the last word pair take as their other word;
// theHash is the word "the"'s.
var (
	startWord = wordHash("<s>")
	endWord   = wordHash("</s>")
	theHash   = wordHash("the")
)

// pairHash returns the hash of the feature of a word pair from the hashes
// of its two words' features ("w:" and the word), so that scoring hashes
// each word's bytes once rather than again for each pair it is in.
func pairHash(first, second uint64) uint64 {
	return (bits.RotateLeft64(first, 29) ^ second) * 0xBF58476D1CE4E5B9
}

// HashFeature returns the hash a feature name is looked up by: a word's
// ("w:" and the word) is wordHash of the word, a word pair's ("bi:" and
// two words split by a space) is made from its words' by pairHash, any
// other's is the FNV-1a hash of the name.
func HashFeature(name string) uint64 {
	if w, ok := strings.CutPrefix(name, "w:"); ok {
		return wordHash(w)
	}
	if first, second, ok := pairWords(name); ok {
		return pairHash(wordHash(first), wordHash(second))
	}
	return hashString(fnvOffset, name)
}

// pairWords returns the two words of a word pair's feature name.
func pairWords(name string) (first, second string, ok bool) {
	pair, ok := strings.CutPrefix(name, "bi:")
	if !ok {
		return "", "", false
	}
	return strings.Cut(pair, " ")
}

// pairFirst and pairSecond mark, in a word's slot, that the word is the
// first or the second word of a weighted word pair. Scoring looks a pair
// up only when both its words are marked, which spares most pairs' probe:
// a pair weighs nothing unless both are. The marks are not classes.
const (
	pairFirst wordClass = 1 << (30 + iota)
	pairSecond
	pairMarks = pairFirst | pairSecond
)

// maxWord bounds the bytes of a word kept for its feature, so a run of
// letters without spaces cannot make scoring slow.
const maxWord = 40

// Word is a word of a sentence that the caller's tokenizer has read:
// the bytes sentence[Start:End], ASCII letters only, and Hash, the FNV-1a
// hash of those bytes lower-cased. Scoring takes such a word as it stands,
// without reading its bytes again, wherever its own scanner would read the
// same word; elsewhere (a word it would read further, as "isn" of
// "isn't") it reads the bytes itself, so the words given change no score.
type Word struct {
	Start, End int
	Hash       uint64
}

// wordScanner walks the words of a sentence, lower-casing them into a
// fixed buffer.
type wordScanner struct {
	s   string
	i   int
	buf [maxWord]byte
	n   int
	// h is the hash of the last word's feature, "w:" and the word, and
	// tail its last three bytes, lower-cased, the last in the low byte
	// (0 for a caller's word shorter than three, wordTail).
	h    uint64
	tail uint32
	// upper reports that the last word began with a capital letter, and
	// comma that a comma stood between it and the word before.
	upper, comma bool
	// words are the caller's words, in order, and k the first not yet
	// passed; buf holds no word taken from them.
	words []Word
	k     int
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

// next reads the next word, normalised, or returns false at the end. A
// word of the caller's is taken where one starts and word would read it to
// the same end: no longer than maxWord, before a byte that ends a word of
// letters. That test is written out here, not in a function of its own:
// the call for each word cost scoring 2.6 M instructions a run of the
// claims' benchmark. The words are passed by index, not resliced: a slice
// stored in the scanner costs a write barrier's test each time.
func (ws *wordScanner) next() bool {
	s := ws.s
	ws.comma = false
	// The indexes are compared unsigned, so the compiler knows them in
	// range and checks no bounds.
	for i := ws.i; uint(i) < uint(len(s)); i++ {
		switch c := s[i]; {
		case c == ' ':
			// the commonest byte between words, tested first
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c):
			// what a word commonly starts with, spared the tests below
			words, k := ws.words, uint(ws.k)
			for k < uint(len(words)) && words[k].Start < i {
				k++
			}
			if k < uint(len(words)) && words[k].Start == i {
				e := words[k].End
				n := e - i
				if uint(n-1) < maxWord && e <= len(s) && (e == len(s) || s[e] == ' ' || endsLetters(s, e)) {
					ws.k = int(k) + 1
					ws.i, ws.n, ws.h, ws.upper = e, n, words[k].Hash, c <= 'Z'
					ws.tail = wordTail(s, e, n)
					return true
				}
			}
			ws.k = int(k)
			ws.i = i
			ws.word()
			return true
		case c == ',':
			ws.comma = true
		case c >= 0x80 && punctAt(s, i) > 0:
			i += punctAt(s, i) - 1
		case c >= 0x80:
			ws.i = i
			ws.word()
			return true
		case c == '%' || c == '$' || c == '?':
			ws.i, ws.n, ws.h, ws.tail = i+1, 1, (fnvOffset^uint64(c))*fnvPrime, uint32(c)
			ws.buf[0] = c
			return true
		}
	}
	ws.i = len(s)
	return false
}

// wordTail returns the tail (wordScanner.tail) of a caller's word of n
// letters ending at s[e]. The bytes are letters, so setting 0x20
// lower-cases them. A word of letters shorter than three is no "?" and too
// short for the tests of -ed and -est (see): its tail is 0. The bytes are
// read whenever the text has three before e, and kept only for a word of
// three or more: a branch on the word's length, which no predictor
// foretells, cost more than the reads.
func wordTail(s string, e, n int) uint32 {
	tail := uint32(0)
	if e >= 3 && e <= len(s) {
		t := s[e-3 : e]
		tail = uint32(t[0])<<16 | uint32(t[1])<<8 | uint32(t[2]) | 0x202020
	}
	if n < 3 {
		tail = 0
	}
	return tail
}

// endsLetters reports whether word, having read letters up to s[i], stops
// there: s[i] is none of what it reads on past letters (a letter, a digit,
// a wide letter, an apostrophe before a letter).
func endsLetters(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	switch {
	case c < 0x80:
		return !isLetter(c) && !isDigit(c) && (c != '\'' || i+1 >= len(s) || !isLetter(s[i+1]))
	case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x99 || s[i+2] == 0x98):
		return i+3 >= len(s) || !isLetter(s[i+3]) || punctAt(s, i+3) > 0
	}
	return punctAt(s, i) > 0
}

// set makes the word w, a class name such as "<num>".
func (ws *wordScanner) set(w string) {
	ws.n, ws.h = copy(ws.buf[:], w), wordHash(w)
}

// word reads letters, digits and inner apostrophes, points and commas,
// keeping the first maxWord bytes, lower-cased, their hash and the last
// three. It works on locals, not the scanner's fields, since it runs for
// every byte of every word.
func (ws *wordScanner) word() {
	s, i := ws.s, ws.i
	n, h := 0, uint64(fnvOffset)
	ws.upper = 'A' <= s[i] && s[i] <= 'Z'
	digits, letters := 0, 0
scan:
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			// the commonest byte by far, tested first
			letters++
		case c == ' ':
			// the commonest end of a word, spared the tests below
			break scan
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			letters++
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x99 || s[i+2] == 0x98):
			// a curly apostrophe inside a word is dropped like a straight one
			if i+3 >= len(s) || !isLetter(s[i+3]) || punctAt(s, i+3) > 0 {
				break scan
			}
			i += 2
			continue
		case c == 0xC2 && i+2 < len(s) && s[i+1] == 0xAD && isLetter(s[i+2]) && n > 0:
			// a soft hyphen inside a word, where it may break, is
			// dropped: "east\u00adern" is "eastern"
			i++
			continue
		case punctAt(s, i) > 0:
			break scan
		case isLetter(c):
			letters++
		case isDigit(c):
			digits++
		case c == '\'' && i+1 < len(s) && isLetter(s[i+1]) && n > 0,
			(c == '.' || c == ',') && digits > 0 && i+1 < len(s) && isDigit(s[i+1]):
			continue
		default:
			break scan
		}
		if n < maxWord {
			ws.buf[n] = c
			n++
			h = (h ^ uint64(c)) * fnvPrime
		}
	}
	ws.i, ws.n, ws.h = i, n, h
	if digits > 0 {
		ws.numbered(digits, letters)
	}
	tail := uint32(0)
	for _, c := range ws.buf[max(0, ws.n-3):ws.n] {
		tail = tail<<8 | uint32(c)
	}
	ws.tail = tail
}

// numbered makes the word just read, which holds digits, the class it
// stands for.
func (ws *wordScanner) numbered(digits, letters int) {
	w := ws.buf[:ws.n]
	switch {
	case letters == 0 && len(w) == 4 && (w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0'):
		ws.set("<year>")
	case letters > 0 && digits <= 2 && len(w) >= 2 && (w[len(w)-2] == 's' || w[len(w)-1] == 'h' || w[len(w)-1] == 'd'):
		ws.set("<ord>")
	default:
		ws.set("<num>")
	}
}

// lengthBuckets are the names of the length features.
var lengthBuckets = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8"}

// countBuckets name small counts, the last meaning that many or more.
var countBuckets = [...]string{"0", "1", "2", "3"}

// countBucket returns the index in countBuckets of count n.
func countBucket(n int) int { return min(n, len(countBuckets)-1) }

// Hashes of the features that are not words, made once.
var (
	lengthHashes  = bucketHashes("len:", lengthBuckets[:])
	capsHashes    = bucketHashes("caps:", countBuckets[:])
	entsHashes    = bucketHashes("ents:", countBuckets[:])
	questionHash  = HashFeature("end:?")
	addressedHash = HashFeature("x:addressed")
	kindPrefix    = hashString(fnvOffset, "k:")
	labelPrefix   = hashString(fnvOffset, "e:")
)

func bucketHashes(prefix string, buckets []string) []uint64 {
	out := make([]uint64, len(buckets))
	for i, b := range buckets {
		out[i] = HashFeature(prefix + b)
	}
	return out
}

// sink takes the features extract finds. Scoring leaves emit nil: each
// feature's weight is added to z with no call through a function value
// and no name built. Naming sets emit, which gets every feature with its
// name; table then only gives the words' classes.
type sink struct {
	table *table
	z     float64
	emit  func(h uint64, name string)
	// meaning and idf sum the words' slots' (slot).
	meaning, idf float32
}

// feature takes a feature that is not a word.
func (s *sink) feature(h uint64, name string) {
	if s.emit != nil {
		s.emit(h, name)
		return
	}
	s.z += float64(s.table.find(h).weight)
}

// fixed takes a feature whose weight w the table keeps apart
// (fixedWeights): scoring adds w, with no look-up; naming sends the
// feature with its name, prefix and rest.
func (s *sink) fixed(h uint64, w float32, prefix, rest string) {
	if s.emit == nil {
		s.z += float64(w)
		return
	}
	s.named(h, prefix, rest)
}

// listed takes the feature named prefix and rest, whose name's hash is
// hashString(h, rest) with h the prefix's: scoring finds rest's weight in
// list, the names the table keeps apart (fixedWeights), without hashing
// it, and looks up any other; naming sends the feature with its name.
func (s *sink) listed(list []namedWeight, h uint64, prefix, rest string) {
	if s.emit != nil {
		s.emit(hashString(h, rest), prefix+rest)
		return
	}
	for _, nw := range list {
		if nw.name == rest {
			s.z += float64(nw.weight)
			return
		}
	}
	s.z += float64(s.table.find(hashString(h, rest)).weight)
}

// named sends a feature to emit with its name, prefix and rest. It is
// fixed's slow path, kept out of line so fixed inlines.
//
//go:noinline
func (s *sink) named(h uint64, prefix, rest string) { s.emit(h, prefix+rest) }

// word takes a word's feature and returns the word's classes.
func (s *sink) word(h uint64, name string) wordClass {
	sl := s.table.find(h)
	s.meaning += sl.meaning
	s.idf += sl.idf
	if s.emit != nil {
		s.emit(h, name)
	} else {
		s.z += float64(sl.weight)
	}
	return sl.class
}

// extract sends every feature of a sentence to s, in order, repeats
// included; names are built only when s.emit is set. words are the
// caller's words of the sentence (Word), nil when it has none.
func extract(sentence string, words []Word, kinds []string, labels []entity.Label, s *sink) {
	named := s.emit != nil
	ws := wordScanner{s: sentence, words: words}
	prev, prevName, afterThe := startWord, "<s>", false
	prevMarks := s.table.find(startWord).class
	var sh shape
	for ws.next() {
		var c wordClass
		if named {
			w := string(ws.buf[:ws.n])
			c = s.word(ws.h, "w:"+w)
			s.feature(pairHash(prev, ws.h), "bi:"+prevName+" "+w)
			prevName = w
		} else {
			// Scoring's own path, with the table's look-ups inlined: a
			// call for each word cost a tenth of scoring.
			sl := s.table.find(ws.h)
			s.z += float64(sl.weight)
			s.meaning += sl.meaning
			s.idf += sl.idf
			c = sl.class
			if prevMarks&pairFirst != 0 && c&pairSecond != 0 {
				s.z += float64(s.table.find(pairHash(prev, ws.h)).weight)
			}
		}
		sh.see(ws.n, ws.tail, afterThe, c, ws.upper)
		if sh.words <= 3 {
			sh.opening(c, ws.upper, ws.comma)
		}
		prev, prevMarks, afterThe = ws.h, c, ws.h == theHash
	}
	if named {
		s.feature(pairHash(prev, endWord), "bi:"+prevName+" </s>")
	} else if prevMarks&pairFirst != 0 && s.table.find(endWord).class&pairSecond != 0 {
		s.feature(pairHash(prev, endWord), "")
	}
	if !named && s.idf > 0 {
		s.z += float64(s.meaning / s.idf)
	}
	bucket := min(sh.words/5, len(lengthBuckets)-1)
	s.fixed(lengthHashes[bucket], s.table.fixed.length[bucket], "len:", lengthBuckets[bucket])
	if sh.question {
		s.fixed(questionHash, s.table.fixed.question, "end:", "?")
	}
	if sh.addressed {
		s.fixed(addressedHash, s.table.fixed.addressed, "x:", "addressed")
	}
	sh.emit(s)
	for _, k := range kinds {
		s.listed(s.table.fixed.kinds, kindPrefix, "k:", k)
	}
	for _, l := range labels {
		s.listed(s.table.fixed.labels, labelPrefix, "e:", string(l))
	}
	ents := countBucket(len(labels))
	s.fixed(entsHashes[ents], s.table.fixed.ents[ents], "ents:", countBuckets[ents])
}
