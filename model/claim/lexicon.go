package claim

import (
	"bufio"
	"embed"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/margin-reader/margin/model/span"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// category is the lexicon a phrase comes from.
type category uint8

const (
	catReport category = iota
	catAccording
	catDispute
	catHedge
	catPredict
	catStat
	catCausal
	catSource
	numCategories
)

var categoryFiles = [numCategories]string{
	catReport:    "reporting.txt",
	catAccording: "according.txt",
	catDispute:   "dispute.txt",
	catHedge:     "hedge.txt",
	catPredict:   "prediction.txt",
	catStat:      "statistic.txt",
	catCausal:    "causal.txt",
	catSource:    "source.txt",
}

// flag is a marker a lexicon line may start with.
type flag uint8

const (
	// flagAmbiguous ("?") marks a word with a second, more common reading
	// that its neighbours must rule out.
	flagAmbiguous flag = 1 << iota
	// flagSpeech ("!") marks a reporting verb that counts only where speech
	// follows.
	flagSpeech
	// flagNoCount marks a verb that also takes a counted object ("added
	// 300 troops", "found 20 bodies"): before a number it reports nothing.
	flagNoCount
	// flagLearned marks a cue whose guard comes from PolNeAR counts.
	flagLearned
	// flagOutsideQuotes marks a learned cue admitted by its ratio outside
	// gold content only: inside quotation marks it is what someone else
	// says ("“They want to knock it down,” he said"), not a report.
	flagOutsideQuotes
)

// phrase is one lexicon entry.
type phrase struct {
	words  []uint64
	cat    category
	flags  flag
	weight float32
}

// lexicon finds phrases by the hash of their first word, longest first.
type lexicon struct {
	byFirst map[uint64][]phrase
	// learned are the reporting cues learned from PolNeAR, for words the
	// reporting list does not hold.
	learned map[uint64]learnedCue
	// verbs are the finite verbs learned from PolNeAR's silver tags.
	verbs *wordSet
	// speakers are the common nouns that head PolNeAR train's sources.
	speakers *wordSet
	// nouns are the words PolNeAR's silver tags call common nouns.
	nouns *wordSet
	// entries joins the three by word, so a token costs one look-up.
	entries wordTable[*entry]
	// list holds the entries by the index a token of vocab keeps
	// (entryOf), and vocab maps words to their sets and entries.
	list  []*entry
	vocab *membership
	// cues is the cue tagger; nil while it is being trained.
	cues *cueModel
}

// entry is everything the lexicon knows about one word.
type entry struct {
	phrases []phrase // starting with the word, longest first
	learned learnedCue
	finite  bool
	// ratio is the word's learned cue ratio, -1 when it has none.
	ratio float32
	// untagged words are never cues by the tagger: grammar words, and the
	// "according" of "according to", which is a cue of its own kind.
	untagged bool
	// noun words are cues, learned or tagged, only before what a noun of
	// saying takes (see nounComplement).
	noun bool
}

// startsAccording reports a word that starts an "according to" phrase:
// that phrase is the cue, the word no verb of its own.
func (lx *lexicon) startsAccording(h uint64) bool {
	for _, p := range lx.byFirst[h] {
		if p.cat == catAccording {
			return true
		}
	}
	return false
}

// index builds entries from the phrase lists, learned cues and verbs,
// settling each phrase's flags and weight once.
func (lx *lexicon) index() {
	entries := make(map[uint64]*entry)
	get := func(h uint64) *entry {
		e := entries[h]
		if e == nil {
			e = &entry{ratio: -1}
			entries[h] = e
		}
		return e
	}
	for h, ps := range lx.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		for i := range ps {
			ps[i].flags, ps[i].weight = lx.flags(ps[i]), lx.weight(ps[i].words[0])
		}
		get(h).phrases = ps
	}
	for h, l := range lx.learned {
		e := get(h)
		e.ratio = l.ratio
		if (l.cue || l.noun) && !lx.startsAccording(h) {
			e.learned = l
		}
	}
	for h := range lx.verbs.all() {
		get(h).finite = true
	}
	for h := range lx.nouns.all() {
		get(h).noun = true
	}
	for h, ps := range lx.byFirst {
		for _, p := range ps {
			if p.cat == catAccording {
				get(h).untagged = true
			}
		}
	}
	for _, set := range []*wordSet{auxiliaries, determiners, prepositions, clauseStops, pronouns, beForms, finiteAux, objectPronouns, untaggedGrammar} {
		for h := range set.all() {
			get(h).untagged = true
		}
	}
	lx.entries = newWordTable(entries)
	lx.indexVocab(entries)
}

// indexVocab builds list and vocab from entries and the sets' membership.
// A token's index is 0, list's nil, for a word with no entry.
func (lx *lexicon) indexVocab(entries map[uint64]*entry) {
	words := make(map[uint64]wordInfo)
	for h, w := range setMembership().table.all() {
		words[h] = w
	}
	lx.list = make([]*entry, 1, 1+len(entries))
	for h, e := range entries {
		words[h] = wordInfo{sets: words[h].sets, entry: uint32(len(lx.list))}
		lx.list = append(lx.list, e)
	}
	lx.vocab = &membership{table: newTokenTable(words), known: setsKnown | entryKnown}
}

// entryOf returns the entry of t's word, nil for none: from the index t
// keeps when the lexicon's vocab tokenized it, else by its hash.
func (lx *lexicon) entryOf(t *token) *entry {
	if t.sets&entryKnown != 0 {
		return lx.list[t.entry]
	}
	return lx.entryByHash(t.h)
}

// entryByHash is entryOf for a token the lexicon did not tokenize, out of
// line so that entryOf inlines.
func (lx *lexicon) entryByHash(h uint64) *entry {
	e, _ := lx.entries.get(h)
	return e
}

// untaggedGrammar are grammar words the other sets leave out, which the
// tagger took for cues next to a verb ("tell" in "sell herself and
// tell", "faces off", "shied away"): coordinators, particles and
// reflexives report nothing by themselves.
var untaggedGrammar = newWordSet(`and or nor himself herself itself themselves myself ourselves yourself`)

// loadLexicon reads every lexicon file embedded in the package.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{byFirst: make(map[uint64][]phrase)}
	for cat, name := range categoryFiles {
		data, err := lexiconFS.ReadFile("lexicon/" + name)
		if err != nil {
			return nil, fmt.Errorf("claim lexicon %s: %w", name, err)
		}
		if err := lx.add(category(cat), string(data)); err != nil {
			return nil, fmt.Errorf("claim lexicon %s: %w", name, err)
		}
	}
	data, err := lexiconFS.ReadFile("lexicon/learned.txt")
	if err != nil {
		return nil, fmt.Errorf("claim lexicon learned.txt: %w", err)
	}
	if lx.learned, err = parseLearned(string(data)); err != nil {
		return nil, fmt.Errorf("claim lexicon learned.txt: %w", err)
	}
	verbs, err := lexiconFS.ReadFile("lexicon/verbs.txt")
	if err != nil {
		return nil, fmt.Errorf("claim lexicon verbs.txt: %w", err)
	}
	lx.verbs = newWordSet(stripComments(string(verbs)))
	speakers, err := lexiconFS.ReadFile("lexicon/speakers.txt")
	if err != nil {
		return nil, fmt.Errorf("claim lexicon speakers.txt: %w", err)
	}
	lx.speakers = firstWords(stripComments(string(speakers)))
	nouns, err := lexiconFS.ReadFile("lexicon/nouns.txt")
	if err != nil {
		return nil, fmt.Errorf("claim lexicon nouns.txt: %w", err)
	}
	lx.nouns = newWordSet(stripComments(string(nouns)))
	lx.index()
	return lx, nil
}

// firstWords is the set of the first words of data's lines.
func firstWords(data string) *wordSet {
	var b strings.Builder
	for _, line := range strings.Split(data, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			b.WriteString(f[0])
			b.WriteByte(' ')
		}
	}
	return newWordSet(b.String())
}

// add parses one lexicon file: a phrase a line, "#" comments, blank lines.
func (lx *lexicon) add(cat category, data string) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var fl flag
		switch text[0] {
		case '?':
			fl, text = flagAmbiguous, text[1:]
		case '!':
			fl, text = flagSpeech, text[1:]
		}
		toks := tokenize(nil, text, span.Span{Start: 0, End: len(text)})
		if len(toks) == 0 {
			return fmt.Errorf("line %d: no words", line)
		}
		p := phrase{words: make([]uint64, len(toks)), cat: cat, flags: fl}
		for i, t := range toks {
			p.words[i] = t.h
		}
		lx.byFirst[p.words[0]] = append(lx.byFirst[p.words[0]], p)
	}
	return sc.Err()
}

// match is a lexicon phrase found at tokens [from, to).
type match struct {
	from, to int
	cat      category
	flags    flag
	// weight ranks reporting verbs: the learned cue ratio of the first word.
	weight float32
}

// listedWeight ranks a listed reporting phrase whose first word PolNeAR
// train never shows inside a cue often enough to count.
const listedWeight = 0.5

// flags are a phrase's markers, except that a one-word reporting verb
// learned from PolNeAR takes the guard its counts call for instead; of the
// speech-only marker it keeps only the rule against a counted object, which
// costs no recall on PolNeAR dev while the marker itself costs 2 points.
func (lx *lexicon) flags(p phrase) flag {
	if l, ok := lx.learned[p.words[0]]; ok && l.cue && p.cat == catReport && len(p.words) == 1 {
		if p.flags&flagSpeech != 0 {
			return l.flags | flagNoCount
		}
		return l.flags
	}
	return p.flags
}

// weight is the learned cue ratio of a phrase's first word.
func (lx *lexicon) weight(first uint64) float32 {
	if l, ok := lx.learned[first]; ok {
		return l.ratio
	}
	return listedWeight
}

// find appends every lexicon phrase found in toks to dst, and marks the
// tokens that are finite verbs on the way. Where phrases of one category
// overlap, the longest one starting first is kept.
// Answers of the cue tagger come from memo where they hold.
func (lx *lexicon) find(dst []match, text string, toks []token, memo *cueMemo) []match {
	var covered [numCategories]int
	for i := range toks {
		e := lx.entryOf(&toks[i])
		if e == nil {
			// A word the lexicon does not know, most words, is no
			// finite verb, starts no phrase and is a cue only by the
			// tagger: the rest of the loop for noEntry, in short.
			toks[i].finite = false
			if i >= covered[catReport] && taggable(toks, i) && memo.tagged(lx, text, toks, i, noEntry.ratio) {
				dst = append(dst, match{from: i, to: i + 1, cat: catReport, flags: flagLearned | flagAmbiguous, weight: max(noEntry.ratio, 0)})
				covered[catReport] = i + 1
			}
			continue
		}
		toks[i].finite = e.finite && !toks[i].upper
		// A noun by PolNeAR's tags reports only with a complement, or
		// where only a verb stands ("who support", "also views").
		bareNoun := e.noun && !nounComplement(toks, i+1) && !verbPlace(text, toks, i)
		for _, p := range e.phrases {
			if i < covered[p.cat] || i+len(p.words) > len(toks) || bareNoun && p.cat == catReport && len(p.words) == 1 {
				continue
			}
			ok := true
			for k := 1; k < len(p.words); k++ {
				if toks[i+k].h != p.words[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			dst = append(dst, match{from: i, to: i + len(p.words), cat: p.cat, flags: p.flags, weight: p.weight})
			covered[p.cat] = i + len(p.words)
		}
		if i < covered[catReport] || bareNoun {
			continue
		}
		if l := e.learned; l.cue || l.noun && i > 0 && (possessives.has(toks[i-1]) || possessive(text, toks[i-1])) {
			dst = append(dst, match{from: i, to: i + 1, cat: catReport, flags: l.flags, weight: l.ratio})
			covered[catReport] = i + 1
		} else if !e.untagged && !(e.noun && repeated(toks, i)) && taggable(toks, i) && memo.tagged(lx, text, toks, i, e.ratio) {
			dst = append(dst, match{from: i, to: i + 1, cat: catReport, flags: flagLearned | flagAmbiguous, weight: max(e.ratio, 0)})
			covered[catReport] = i + 1
		}
	}
	return dst
}

// repeated reports a token the same word as a neighbour ("word word of"):
// the tagger learned the word's weight as a neighbour beside verbs of
// saying ("sent word"), and a word beside itself would score from its own
// weight; a noun repeated so is a list or filler, never a report.
func repeated(toks []token, i int) bool {
	return i > 0 && toks[i-1].h == toks[i].h || i+1 < len(toks) && toks[i+1].h == toks[i].h
}

// nounComplement reports whether toks[j] opens what a noun of saying
// takes: "that", a preposition, a colon or a quotation ("questions
// about", "charges that", "his message:"). A noun before anything else
// ("swing states could decide", "racist rhetoric.") reports nothing.
func nounComplement(toks []token, j int) bool {
	return j < len(toks) && (toks[j].h == hThat || toks[j].h == hColon || prepositions.has(toks[j]) || quotes.has(toks[j]))
}

// verbPlace reports a word after a subject pronoun, a relative, an
// auxiliary or an -ly adverb: where a noun's spelling is a verb.
func verbPlace(text string, toks []token, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	return pronouns.has(p) || p.h == hThat || relatives.has(p) || auxiliaries.has(p) || lyAdverb(text, p)
}

// maxThatSubject is how far after "that" a clause's finite verb may
// stand: a subject of a few words.
const maxThatSubject = 8

// thatClauseVerb reports a word that takes a clause after "that" as its
// object ("Trump charges that countries ... donated", "investigators
// have discovered that attempts were made"): a lower-case word, not a
// grammar word, an adverb or a noun by its ending, right before "that",
// whose clause has a subject and then a finite verb before any stop.
// "that" after a verb and before a subject opens what someone says,
// thinks or finds; a "that" whose next word is the verb ("rules that
// allow") is a relative, and one before a noun and a comma a
// determiner ("flouts that treaty,").
func (lx *lexicon) thatClauseVerb(text string, toks []token, i int) bool {
	t := toks[i]
	if t.kind != tokWord || t.upper || i+3 >= len(toks) || toks[i+1].h != hThat || closedClass(t.h) || thatConjunctions.has(t) {
		return false
	}
	if i > 0 && toks[i-1].kind == tokNum {
		return false // "the last 50 years that": a noun
	}
	if w := word(text, t); endsLy(w) || nounSuffix(w) {
		return false
	}
	if k := i + 2; lx.finite(&toks[k]) || toks[k].kind == tokPunct {
		return false
	}
	for k := i + 3; k < len(toks) && k <= i+2+maxThatSubject; k++ {
		switch {
		case toks[k].kind == tokPunct:
			return false
		case lx.finite(&toks[k]):
			return true
		}
	}
	return false
}

// thatConjunctions join "that" into a conjunction ("given that", "so
// that", "now that"): what follows is a condition or a reason, said by no
// one.
var thatConjunctions = newWordSet("given provided providing assuming except such so now seeing considering")

// finite reports a finite verb or auxiliary. It takes the token by
// pointer: thatClauseVerb asks it of the words after "that" up to a verb,
// and a token by value was copied twice for each call (see lyAdverb).
func (lx *lexicon) finite(t *token) bool { return t.finite || finiteAux.has(*t) }

// thatClauseMatch returns, for a sentence without a reporting verb, the
// first word learned from PolNeAR train's cues that takes a that-clause
// (see thatClauseVerb), as a match of a weak learned cue; ok is false when
// there is none. Only such sentences: where another verb reports, a second
// weak one cut clauses apart and cost 2 sources on train.
func (lx *lexicon) thatClauseMatch(text string, toks []token) (match, bool) {
	for i := range toks {
		// Only a word before "that" can be one; asking that first spares
		// a call for every other word.
		if i+1 >= len(toks) || toks[i+1].h != hThat || !lx.thatClauseVerb(text, toks, i) {
			continue
		}
		if e := lx.entryOf(&toks[i]); e != nil && e.ratio >= 0 {
			return match{from: i, to: i + 1, cat: catReport, flags: flagLearned | flagAmbiguous, weight: e.ratio}, true
		}
	}
	return match{}, false
}

// noEntry is the entry of a word the lexicon does not know.
var noEntry = entry{ratio: -1}

// cueThreshold is the tagger score above which a token is a cue. It is
// below the perceptron's own boundary (0): chosen on PolNeAR dev, where -2
// finds about 2 points more of the attributions for about 1.3 points of
// claim precision.
const cueThreshold = -2

// taggable reports whether the cue tagger may take token i for a cue: a
// word, and, capitalised past the first, a name, never a cue. Asked in
// line before the memo's call, it spares that call for a third of the
// words the lexicon does not know.
func taggable(toks []token, i int) bool {
	return toks[i].kind == tokWord && (!toks[i].upper || i == 0)
}

// tagged reports whether the cue tagger takes token i, which is
// taggable, for a cue.
func (lx *lexicon) tagged(text string, toks []token, i int, ratio float32) bool {
	if lx.cues == nil {
		return false
	}
	if w := wordAt(text, &toks[i]); endsLy(w) || nounSuffix(w) {
		return false
	}
	var fs [numCueFeatures]uint32
	cueFeatures(&fs, text, toks, i, ratio)
	return lx.cues.score(&fs) > cueThreshold
}

// cueMemo keeps the cue tagger's answers for the tokens of one claim
// unit, whose clauses the detector reads again apart (ownSources, part):
// the tagger reads a token and two neighbours either side, so a token
// that has them all in the part, or ends the part where the unit ends,
// gets the answer it got before. The tagger was a sixth of the claims'
// instructions on news, asked about a token twice on average.
type cueMemo struct {
	// seen is by token of the unit: 0 not asked yet, 1 a cue, -1 not.
	seen []int8
	// base is the index in the unit of the first token of the part read.
	base int
}

// reset readies the memo for a unit of n tokens.
func (m *cueMemo) reset(n int) {
	m.seen = slices.Grow(m.seen[:0], n)[:n]
	clear(m.seen)
	m.base = 0
}

// tagged is lx.tagged(text, toks, i, ratio), where toks are the tokens of
// the unit from m.base on, up to its end or not.
func (m *cueMemo) tagged(lx *lexicon, text string, toks []token, i int, ratio float32) bool {
	k := m.base + i
	if (i < 2 && m.base > 0) || (i+2 >= len(toks) && k+len(toks)-i != len(m.seen)) {
		return lx.tagged(text, toks, i, ratio)
	}
	if m.seen[k] == 0 {
		m.seen[k] = -1
		if lx.tagged(text, toks, i, ratio) {
			m.seen[k] = 1
		}
	}
	return m.seen[k] > 0
}

// stripComments drops the "#" lines of a word list.
func stripComments(list string) string {
	var b strings.Builder
	for _, line := range strings.Split(list, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// wordSet is a read-only set of words, by hash. Its table is built at its
// first use rather than with the package: the package's sets took 0.3 ms
// of every start of margin, the reader's first screen included, which
// uses none of them.
//
// A set in tokenSets answers for a token from the token's own bits, set
// once by tokenize; others, and a token made by hand, look the hash up.
type wordSet struct {
	words string
	// bit is the set's bit in a token's sets, 0 when it has none; mask
	// is bit and setsKnown, 0 when it has none (has).
	bit, mask uint64
	once      sync.Once
	table     wordTable[struct{}]
}

func newWordSet(words string) *wordSet { return &wordSet{words: words} }

func (s *wordSet) build() {
	m := make(map[uint64]struct{})
	for _, w := range strings.Fields(s.words) {
		m[hashWord(w)] = struct{}{}
	}
	s.table = newWordTable(m)
}

// has reports whether t's word is in s. One and with mask answers for a
// token of tokenize and a set with a bit: it leaves setsKnown alone for a
// word outside the set, and 0 for a token made by hand or a set with no
// bit, which look the hash up. The rules ask it over a million times a
// megabyte; two tests, of the token's sets and of the set's bit, cost
// more.
func (s *wordSet) has(t token) bool {
	if m := t.sets & s.mask; m != 0 {
		return m != setsKnown
	}
	return s.hasHash(t.h)
}

// hasHash reports whether the word with hash h is in the set.
func (s *wordSet) hasHash(h uint64) bool {
	s.once.Do(s.build)
	_, ok := s.table.get(h)
	return ok
}

// all yields every hash in the set.
func (s *wordSet) all() iter.Seq2[uint64, struct{}] {
	s.once.Do(s.build)
	return s.table.all()
}
