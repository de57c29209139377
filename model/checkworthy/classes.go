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

// classOf maps the hash of a word's feature ("w:" and the word,
// lower-cased, apostrophes dropped) to its classes, so scoring looks a word
// up once for its weight and its classes alike. It is built on first use,
// not at the start of every run of margin.
var classOf = sync.OnceValue(func() map[uint64]wordClass {
	m := map[uint64]wordClass{}
	add := func(c wordClass, list ...string) {
		for _, w := range list {
			m[HashFeature("w:"+w)] |= c
		}
	}
	add(clsNumber, "<num>", "<ord>")
	add(clsYear, "<year>")
	add(clsPercent, "%", "percent", "percentage")
	add(clsMoney, "$", "dollars", "dollar", "cents", "euros", "pounds", "budget", "tax", "taxes", "cost", "costs", "spending", "deficit", "debt")
	add(clsQuantity, "million", "millions", "billion", "billions", "trillion", "thousand", "thousands", "hundred", "hundreds",
		"half", "third", "quarter", "twice", "double", "triple", "average", "rate", "number", "one", "two", "three", "four",
		"five", "six", "seven", "eight", "nine", "ten", "dozen")
	add(clsCompare, "more", "less", "fewer", "than", "most", "least", "higher", "lower", "larger", "smaller", "bigger", "greater", "faster", "slower", "better", "worse")
	add(clsChange, "increase", "increased", "increases", "decrease", "decreased", "decreases", "rise", "rose", "risen", "rising",
		"fall", "fell", "fallen", "falling", "grew", "grown", "growth", "drop", "dropped", "doubled", "tripled", "cut",
		"raised", "lowered", "reduced", "gained", "lost", "jumped", "soared", "plunged", "declined", "created", "added")
	add(clsPast, "was", "were", "had", "did", "been", "ago", "last", "since", "wasnt", "werent", "didnt", "hadnt")
	// the commonest irregular past forms; regular ones end in -ed
	add(clsPast, "went", "said", "told", "came", "made", "took", "gave", "got", "saw", "knew", "thought", "paid",
		"left", "won", "built", "spent", "sold", "brought", "began", "became", "found", "kept", "held", "ran", "met",
		"led", "sent", "wrote", "stood", "lost", "fell", "rose", "grew", "cut")
	add(clsFuture, "will", "wont", "gonna", "going", "tomorrow", "next")
	add(clsModal, "would", "could", "should", "might", "may", "must", "can", "cannot", "cant", "wouldnt", "couldnt", "shouldnt")
	add(clsFirstSingular, "i", "me", "my", "mine", "myself", "im", "ive")
	add(clsFirstPlural, "we", "us", "our", "ours", "ourselves", "weve", "were")
	add(clsSecond, "you", "your", "yours", "yourself", "youre", "youve")
	add(clsThird, "he", "she", "they", "his", "her", "their", "them", "him", "hes", "shes", "theyre", "it", "its")
	add(clsBelief, "think", "believe", "feel", "hope", "want", "wish", "guess", "love", "agree", "disagree", "sure", "know")
	add(clsNegation, "not", "no", "never", "nothing", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "cant", "wont", "havent", "hasnt")
	add(clsQuestionWord, "what", "why", "how", "who", "when", "where", "which", "do", "does", "is", "are", "can", "will", "would", "should")
	return m
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
}

// see records word w, which follows prev; h is the hash of its feature
// and upper reports a capital first letter.
func (sh *shape) see(w, prev []byte, h uint64, upper bool) {
	sh.words++
	sh.question = len(w) == 1 && w[0] == '?'
	c := classOf()[h]
	if sh.words == 1 {
		sh.asks = c&clsQuestionWord != 0
	} else if upper {
		sh.caps++
	}
	sh.classes |= c &^ clsQuestionWord
	if string(prev) == "the" && len(w) >= 4 && string(w[len(w)-3:]) == "est" && !notSuperlative[string(w)] {
		sh.classes |= clsSuperlative
	}
	if len(w) > 4 && string(w[len(w)-2:]) == "ed" {
		sh.classes |= clsPast
	}
}

// emit sends the class, question and capital features.
func (sh *shape) emit(named bool, emit func(h uint64, name string)) {
	if sh.question && sh.asks {
		sh.classes |= clsQuestionWord
	}
	for c := sh.classes; c != 0; c &= c - 1 {
		i := bits.TrailingZeros32(uint32(c))
		name := ""
		if named {
			name = classNames[i]
		}
		emit(classHashes[i], name)
	}
	caps := countBucket(sh.caps)
	name := ""
	if named {
		name = "caps:" + caps
	}
	emit(hashString(hashString(fnvOffset, "caps:"), caps), name)
}
