package claim

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// Learned cue words: lexicon/learned.txt counts, for every word seen at
// least 3 times inside a PolNeAR train cue, how often it is part of a cue,
// how often it occurs at all and how often outside every gold content
// span. The first ratio is the chance that the word, met in news, reports
// what someone says, thinks or wants. PolNeAR gives a word one role at
// most, so inside a quote "I think" is content, never a cue; the second
// ratio, over the words outside content, is the chance where the word
// could be a cue: "think" is a cue 9% of the times it occurs, 68% of the
// times it stands outside what another says.
const (
	// minCueRatio and minCueCount admit a learned word as a reporting cue;
	// both were chosen by recall and precision on PolNeAR dev.
	minCueRatio = 0.25
	minCueCount = 3
	// minFreeRatio admits a word as a reporting cue by its ratio outside
	// content, when its ratio overall is below minCueRatio; its guard and
	// weight still come from the ratio overall, so it never outranks a
	// verb that mostly reports. Chosen on PolNeAR train.
	minFreeRatio = 0.5
	// plainCueRatio is the ratio above which a learned word is a cue
	// wherever it stands; below it, the word must not follow a determiner
	// or preposition (it has a noun reading: "the plan", "a call").
	plainCueRatio = 0.8
	// reportedCueRatio is the ratio above which a verb after "according to
	// X" is the speaker's own ("According to X, Y denied ...") rather than
	// a statement X reports; chosen on PolNeAR dev.
	reportedCueRatio = 0.6
)

// learnedCue is what the lexicon keeps of one learned word.
type learnedCue struct {
	flags flag
	// ratio is the share of the word's occurrences inside a cue.
	ratio float32
	// cue says the word passes minCueRatio and minCueCount.
	cue bool
	// noun says a word that would pass them is a noun by its ending: a
	// cue only after a possessive, which names its speaker ("Nervo's
	// conclusion that", "his criticism of").
	noun bool
}

// parseLearned reads learned.txt into cue words by hash. Closed-class words
// ("also", "has") and -ly adverbs are counted inside cues ("also said") but
// report nothing by themselves, and nouns have no subject that speaks, so
// neither is a cue.
func parseLearned(data string) (map[uint64]learnedCue, error) {
	out := map[uint64]learnedCue{}
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Fields(text)
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want \"word cue total free\"", line)
		}
		cue, err1 := strconv.Atoi(f[1])
		total, err2 := strconv.Atoi(f[2])
		free, err3 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || err3 != nil || total < free || free < cue || free == 0 {
			return nil, fmt.Errorf("line %d: bad counts", line)
		}
		h := hashWord(f[0])
		ratio := float64(cue) / float64(total)
		l := learnedCue{ratio: float32(ratio), flags: flagLearned}
		often := ratio >= minCueRatio || float64(cue)/float64(free) >= minFreeRatio
		counted := cue >= minCueCount && often && !closedClass(h) && !strings.HasSuffix(f[0], "ly")
		l.cue = counted && !nounSuffix(f[0])
		l.noun = counted && nounSuffix(f[0])
		if ratio < minCueRatio {
			l.flags |= flagOutsideQuotes
		}
		if ratio < plainCueRatio {
			l.flags |= flagAmbiguous
		}
		out[h] = l
	}
	return out, sc.Err()
}

// nounSuffixes mark nouns ("statement", "criticism", "speculation"): they
// are cues in PolNeAR ("his criticism of"), but the words before them are
// not their speaker, so they are not reporting verbs.
var nounSuffixes = []string{"tion", "sion", "ment", "ism", "ity", "ence", "ance", "ness"}

// nounSuffixesByLast are nounSuffixes by their last byte: the tagger asks
// about every word it scores, and trying all eight suffixes on each was a
// third of its instructions.
var nounSuffixesByLast = func() (t [256][]string) {
	for _, s := range nounSuffixes {
		t[s[len(s)-1]] = append(t[s[len(s)-1]], s)
	}
	return t
}()

func nounSuffix(w string) bool {
	if w == "" {
		return false
	}
	for _, s := range nounSuffixesByLast[w[len(w)-1]] {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// closedClass reports a grammar word: never a cue by itself.
func closedClass(h uint64) bool {
	t := token{h: h}
	return auxiliaries.has(t) || determiners.has(t) || prepositions.has(t) || clauseStops.has(t) || pronouns.has(t) || beForms.has(t)
}
