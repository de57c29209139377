package checkworthy

import (
	"math/bits"
	"sync"
)

// wordClass is a set of closed word classes, one bit each. The classes
// are grammar and the general vocabulary of quantities, not any corpus's
// words, so they carry from debates to news: a sentence that reports a
// change in a quantity, compares, or speaks of the past in the third
// person is worth checking wherever it was said.
type wordClass uint32

const (
	clsNumber wordClass = 1 << iota
	clsPercent
	clsMoney
	clsYear
	clsQuantity
	clsCompare
	clsSuperlative
	clsChange
	clsPast
	clsFuture
	clsModal
	clsFirstSingular
	clsFirstPlural
	clsSecond
	clsThird
	clsBelief
	clsNegation
	clsQuestionWord
	numClasses = iota
)

// classNames are the feature names of the classes, in bit order.
var classNames = [numClasses]string{
	"x:number", "x:percent", "x:money", "x:year", "x:quantity", "x:compare",
	"x:superlative", "x:change", "x:past", "x:future", "x:modal", "x:i", "x:we",
	"x:you", "x:they", "x:belief", "x:negation", "x:asks",
}

// classHashes are the hashes of classNames.
var classHashes = func() (h [numClasses]uint64) {
	for i, n := range classNames {
		h[i] = HashFeature(n)
	}
	return h
}()

// classWords are the words of each closed class, lower-cased with
// apostrophes dropped, as the word scanner spells them.
var classWords = [...]struct {
	class wordClass
	words []string
}{
	{clsNumber, []string{"<num>", "<ord>"}},
	{clsYear, []string{"<year>"}},
	{clsPercent, []string{"%", "percent", "percentage"}},
	{clsMoney, []string{"$", "dollars", "dollar", "cents", "euros", "pounds", "budget", "tax", "taxes", "cost", "costs", "spending", "deficit", "debt"}},
	{clsQuantity, []string{"million", "millions", "billion", "billions", "trillion", "thousand", "thousands", "hundred", "hundreds",
		"half", "third", "quarter", "twice", "double", "triple", "average", "rate", "number", "one", "two", "three", "four",
		"five", "six", "seven", "eight", "nine", "ten", "dozen"}},
	{clsCompare, []string{"more", "less", "fewer", "than", "most", "least", "higher", "lower", "larger", "smaller", "bigger", "greater", "faster", "slower", "better", "worse"}},
	{clsChange, []string{"increase", "increased", "increases", "decrease", "decreased", "decreases", "rise", "rose", "risen", "rising",
		"fall", "fell", "fallen", "falling", "grew", "grown", "growth", "drop", "dropped", "doubled", "tripled", "cut",
		"raised", "lowered", "reduced", "gained", "lost", "jumped", "soared", "plunged", "declined", "created", "added"}},
	{clsPast, []string{"was", "were", "had", "did", "been", "ago", "last", "since", "wasnt", "werent", "didnt", "hadnt"}},
	// the commonest irregular past forms; regular ones end in -ed
	{clsPast, []string{"went", "said", "told", "came", "made", "took", "gave", "got", "saw", "knew", "thought", "paid",
		"left", "won", "built", "spent", "sold", "brought", "began", "became", "found", "kept", "held", "ran", "met",
		"led", "sent", "wrote", "stood", "lost", "fell", "rose", "grew", "cut"}},
	{clsFuture, []string{"will", "wont", "gonna", "going", "tomorrow", "next"}},
	{clsModal, []string{"would", "could", "should", "might", "may", "must", "can", "cannot", "cant", "wouldnt", "couldnt", "shouldnt"}},
	{clsFirstSingular, []string{"i", "me", "my", "mine", "myself", "im", "ive"}},
	{clsFirstPlural, []string{"we", "us", "our", "ours", "ourselves", "weve", "were"}},
	{clsSecond, []string{"you", "your", "yours", "yourself", "youre", "youve"}},
	{clsThird, []string{"he", "she", "they", "his", "her", "their", "them", "him", "hes", "shes", "theyre", "it", "its"}},
	{clsBelief, []string{"think", "believe", "feel", "hope", "want", "wish", "guess", "love", "agree", "disagree", "sure", "know"}},
	{clsNegation, []string{"not", "no", "never", "nothing", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "cant", "wont", "havent", "hasnt"}},
	{clsQuestionWord, []string{"what", "why", "how", "who", "when", "where", "which", "do", "does", "is", "are", "can", "will", "would", "should"}},
}

// numClassWords bounds how many words the classes hold (a word in two
// classes counts twice).
var numClassWords = func() (n int) {
	for _, cw := range classWords {
		n += len(cw.words)
	}
	return n
}()

// fillClasses records in t the classes of every class word, under the hash
// of its word feature ("w:" and the word), so scoring looks a word up once
// for its weight and its classes alike.
func fillClasses(t *table) {
	for _, cw := range classWords {
		for _, w := range cw.words {
			t.at(HashFeature("w:" + w)).class |= cw.class
		}
	}
}

// classTable holds the classes alone, for extracting features without a
// model. It is built on first use, not at the start of every run of margin.
var classTable = sync.OnceValue(func() *table {
	t := newTable(numClassWords)
	fillClasses(t)
	return t
})

// notSuperlative are common words ending in -est that are not superlatives.
var notSuperlative = map[string]bool{
	"rest": true, "test": true, "west": true, "interest": true, "protest": true, "request": true, "contest": true,
	"forest": true, "guest": true, "chest": true, "nest": true, "quest": true, "arrest": true, "suggest": true,
	"honest": true, "modest": true, "latest": true, "invest": true, "digest": true, "priest": true,
}

// shape gathers what the words of a sentence show beyond themselves.
type shape struct {
	words    int
	caps     int
	classes  wordClass
	question bool
	// asks reports that the first word opens a question.
	asks bool
	// titled reports that the sentence opens with a title and a capitalised
	// word ("Senator Sanders"), and addressed that a comma follows them: the
	// sentence speaks to that person, as a debate's moderator does.
	titled, addressed bool
}

// titles are the forms of address that open a sentence spoken to someone.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "senator": true, "secretary": true, "governor": true, "president": true,
	"congressman": true, "congresswoman": true, "mayor": true, "dr": true, "madam": true,
}

// see records word w; afterThe reports that it follows "the", c are its
// classes, upper reports a capital first letter and comma a comma before
// it. It runs for every word, so what only the first words or a word
// after "the" need is apart, and see itself is inlined.
func (sh *shape) see(w []byte, afterThe bool, c wordClass, upper, comma bool) {
	sh.words++
	sh.question = len(w) == 1 && w[0] == '?'
	if sh.words <= 3 {
		sh.opening(w, c, upper, comma)
	} else if upper {
		sh.caps++
	}
	sh.classes |= c &^ clsQuestionWord
	if n := len(w); n > 4 && w[n-2] == 'e' && w[n-1] == 'd' {
		sh.classes |= clsPast
	}
	if afterThe && len(w) >= 4 {
		sh.superlative(w)
	}
}

// opening records one of the first three words: whether the sentence
// opens with a question word, or with a title, a name and a comma.
func (sh *shape) opening(w []byte, c wordClass, upper, comma bool) {
	switch sh.words {
	case 1:
		sh.asks = c&clsQuestionWord != 0
		sh.titled = upper && titles[string(w)]
	case 2:
		sh.titled = sh.titled && upper && !comma
	case 3:
		sh.addressed = sh.titled && comma
	}
	if sh.words > 1 && upper {
		sh.caps++
	}
}

// superlative records w, which follows "the", if it is a superlative.
func (sh *shape) superlative(w []byte) {
	if string(w[len(w)-3:]) == "est" && !notSuperlative[string(w)] {
		sh.classes |= clsSuperlative
	}
}

// emit sends the class, question and capital features to s.
func (sh *shape) emit(named bool, s *sink) {
	if sh.question && sh.asks {
		sh.classes |= clsQuestionWord
	}
	for c := sh.classes; c != 0; c &= c - 1 {
		i := bits.TrailingZeros32(uint32(c))
		name := ""
		if named {
			name = classNames[i]
		}
		s.feature(classHashes[i], name)
	}
	caps := countBucket(sh.caps)
	name := ""
	if named {
		name = "caps:" + countBuckets[caps]
	}
	s.feature(capsHashes[caps], name)
}
