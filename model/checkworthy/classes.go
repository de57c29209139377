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
	// classBits holds every class and none of the marks.
	classBits wordClass = 1<<numClasses - 1
)

// markTitle and markCommonEst mark, in a word's slot, a form of address
// (titleWords) and a common word in -est that is no superlative
// (notSuperlative): scoring asks of a word's slot, found for its weight,
// what it would otherwise ask of the word's bytes. Like the pair marks,
// they are not classes.
const (
	markTitle wordClass = 1 << (28 + iota)
	markCommonEst
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

// numClassWords bounds how many words the classes and the marks hold (a
// word in two classes counts twice).
var numClassWords = func() (n int) {
	for _, cw := range classWords {
		n += len(cw.words)
	}
	return n + len(titleWords) + len(notSuperlative)
}()

// fillClasses records in t the classes of every class word, under the hash
// of its word feature ("w:" and the word), so scoring looks a word up once
// for its weight and its classes alike.
func fillClasses(t *table) {
	for _, cw := range classWords {
		for _, w := range cw.words {
			t.at(wordHash(w)).class |= cw.class
		}
	}
	for _, w := range titleWords {
		t.at(wordHash(w)).class |= markTitle
	}
	for _, w := range notSuperlative {
		t.at(wordHash(w)).class |= markCommonEst
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
var notSuperlative = []string{
	"rest", "test", "west", "interest", "protest", "request", "contest", "forest", "guest", "chest", "nest",
	"quest", "arrest", "suggest", "honest", "modest", "latest", "invest", "digest", "priest",
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

// titleWords are the forms of address that open a sentence spoken to
// someone.
var titleWords = []string{
	"mr", "mrs", "ms", "senator", "secretary", "governor", "president", "congressman", "congresswoman", "mayor", "dr", "madam",
}

// Tails of words (wordScanner.tail) that see asks for.
const (
	tailED  = 'e'<<8 | 'd'
	tailEST = 'e'<<16 | 's'<<8 | 't'
)

// see records a word of n bytes whose last three, lower-cased, are tail;
// afterThe reports that it follows "the", c is its slot's classes and
// marks, upper reports a capital first letter and comma a comma before
// it. It runs for every word, so what only the first words need is apart
// (opening) and see itself is inlined, and it asks the word's slot and
// its last bytes, not its bytes whole, so a word the caller read (Word)
// need not be copied.
func (sh *shape) see(n int, tail uint32, afterThe bool, c wordClass, upper bool) {
	if upper && sh.words > 0 {
		sh.caps++
	}
	sh.words++
	sh.question = n == 1 && tail == '?'
	sh.classes |= c & classBits &^ clsQuestionWord
	// A word in -ed is past by two moves, not two branches: about one
	// word in three is long enough, and no predictor foretells which.
	past := clsPast
	if n <= 4 {
		past = 0
	}
	if tail&0xFFFF != tailED {
		past = 0
	}
	sh.classes |= past
	if afterThe && n >= 4 && tail == tailEST && c&markCommonEst == 0 {
		sh.classes |= clsSuperlative
	}
}

// opening records one of the first three words, after see: whether the
// sentence opens with a question word, or with a title, a name and a
// comma.
func (sh *shape) opening(c wordClass, upper, comma bool) {
	switch sh.words {
	case 1:
		sh.asks = c&clsQuestionWord != 0
		sh.titled = upper && c&markTitle != 0
	case 2:
		sh.titled = sh.titled && upper && !comma
	case 3:
		sh.addressed = sh.titled && comma
	}
}

// emit sends the class, question and capital features to s.
func (sh *shape) emit(s *sink) {
	if sh.question && sh.asks {
		sh.classes |= clsQuestionWord
	}
	for c := sh.classes; c != 0; c &= c - 1 {
		i := bits.TrailingZeros32(uint32(c))
		s.fixed(classHashes[i], s.table.fixed.classes[i], classNames[i], "")
	}
	caps := countBucket(sh.caps)
	s.fixed(capsHashes[caps], s.table.fixed.caps[caps], "caps:", countBuckets[caps])
}
