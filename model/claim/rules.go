package claim

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// kindOrder is the order kinds are listed in a claim, and the priority of
// a cue's kind where two lexicons flag the same words.
var kindOrder = [6]Kind{Attributed, Disputed, Hedged, Statistical, Prediction, Causal}

// maxCues and maxVerbs bound the work on one sentence, so a runaway
// "sentence" (a table, a text with no full stops) stays linear.
const (
	maxCues  = 32
	maxVerbs = 8
)

// verb is a reporting verb found at tokens [from, to).
type verb struct {
	from, to int
	flags    flag
	weight   float32
	// quoted marks a verb inside quotation marks: it speaks inside what
	// someone outside them says ("Limbaugh continued: “The left is
	// saying ...”").
	quoted bool
}

// sentence finds the claim in one sentence, if it makes one.
func (d *Detector) sentence(text string, s span.Span, ents []entity.Entity, sc *scratch) (Claim, bool) {
	toks := sc.toks
	if !sc.matched {
		sc.partMatches = d.lex.find(sc.partMatches[:0], text, toks, &sc.cues)
		sc.matches = sc.partMatches
	}
	sc.matched = false
	sc.verbs = sc.verbs[:0]
	cues := sc.cueRoom()
	addCue := func(from, to int, k Kind) {
		if from >= to || to > len(toks) || len(cues) >= maxCues {
			return
		}
		sp := span.Span{Start: toks[from].Start, End: toks[to-1].End}
		for i, c := range cues {
			if c.Span.Overlaps(sp) {
				if c.Kind == k {
					// "percent" and "23 percent", "600" and "nearly 600": one cue
					cues[i].Start, cues[i].End = min(c.Start, sp.Start), max(c.End, sp.End)
				}
				return
			}
		}
		cues = append(cues, Cue{Span: sp, Kind: k})
	}
	// Numbers first, so "23 percent" is one cue rather than "percent":
	// the negations found in the same pass over the tokens are read after
	// them (negs), where a pass of their own cost its loop again.
	negs := sc.negs[:0]
	for i := range toks {
		// Only a number opens a statistic; most tokens are words, and a
		// call for each cost more than statNumber's own work. Every
		// negation is a word ending in t or r: that byte is asked before
		// the call, and the call before unclearAfter.
		switch t := &toks[i]; t.kind {
		case tokNum:
			if to, ok := statNumber(text, toks, i); ok {
				addCue(i, to, Statistical)
			}
		case tokWord:
			if c := text[t.End-1] | 0x20; (c == 't' || c == 'r') && negationAt(text, t) {
				negs = append(negs, i)
			}
		}
	}
	sc.negs = negs
	for _, i := range negs {
		if to := unclearAfter(text, toks, i); to > 0 {
			addCue(i, to, Hedged)
		}
	}
	according, accordingTo := readMatches(text, toks, sc, addCue)
	if len(sc.verbs) > 0 {
		d.dropNonReports(text, toks, ents, sc)
	}
	if len(sc.verbs) == 0 {
		if m, ok := d.lex.thatClauseMatch(text, toks); ok && reportingVerb(text, toks, m) {
			sc.verbs = append(sc.verbs, verb{from: m.from, to: m.to, flags: m.flags, weight: m.weight})
		}
	}
	src := d.attribute(text, toks, ents, sc, according, accordingTo, addCue)
	var c Claim
	c.Span = trimSpace(text, s)
	c.Cues = sc.takeCues(sortCues(cues))
	c.Source = src
	if src != nil {
		c.Kinds = c.Kinds.Add(Attributed)
	}
	for _, cue := range cues {
		c.Kinds = c.Kinds.Add(cue.Kind)
	}
	return c, c.Kinds != 0
}

// clarityWords say that something is settled; negated, they hedge.
var clarityWords = newWordSet("clear known obvious certain evident apparent confirmed verified proven established")

// unclearAfter returns the end of a negated clarity word starting with the
// negation at i ("not clear", "wasn't immediately obvious", "never
// confirmed"), or 0. The caller has found the negation.
func unclearAfter(text string, toks []token, i int) int {
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		if clarityWords.has(toks[j]) {
			return j + 1
		}
		if !lyAdverb(text, toks[j]) && !beForms.has(toks[j]) {
			return 0
		}
	}
	return 0
}

// negationAt reports "not", "never" or a word in n't. It takes the token
// by pointer, as lyAdverb does.
func negationAt(text string, t *token) bool {
	// Every negation is a word ending in t or r: asking the last byte
	// first spares the hash compares for most words.
	if t.kind != tokWord {
		return false
	}
	switch text[t.End-1] | 0x20 {
	case 'r':
		return t.h == hNever
	case 't':
	default:
		return false
	}
	if t.h == hNot {
		return true
	}
	if t.Len() < 4 {
		return false
	}
	w := text[t.Start : t.End-1]
	return strings.HasSuffix(w, "n'") || strings.HasSuffix(w, "n’") || strings.HasSuffix(w, "N'") || strings.HasSuffix(w, "N’")
}

var hNever = hashWord("never")

// sortCues orders cues by position; there are few, so insertion sort.
func sortCues(cues []Cue) []Cue {
	for i := 1; i < len(cues); i++ {
		for j := i; j > 0 && cues[j].Start < cues[j-1].Start; j-- {
			cues[j], cues[j-1] = cues[j-1], cues[j]
		}
	}
	return cues
}

// trimSpace shrinks s to exclude leading and trailing white space.
func trimSpace(text string, s span.Span) span.Span {
	// Loops, not strings.TrimLeft and TrimRight, which build their set
	// of bytes on every call, for every claim.
	start, end := s.Start, s.End
	for start < end && isTrimmed(text[start]) {
		start++
	}
	for end > start && isTrimmed(text[end-1]) {
		end--
	}
	if start >= end {
		return s
	}
	return span.Span{Start: start, End: end}
}

// isTrimmed reports the bytes trimSpace trims.
func isTrimmed(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// word is the text of t, without the format characters tokenize reads
// past inside a word ("Stan\u00adton" is "Stanton"): a word of ASCII
// letters alone has none to look for.
func word(text string, t token) string {
	w := text[t.Start:t.End]
	if !t.letters {
		w = entity.WithoutFormat(w)
	}
	return w
}

// wordAt is word of *t, for callers that hold a pointer: a token by value
// is copied for the call. Both inline, as text[t.Start:t.End] did.
func wordAt(text string, t *token) string {
	w := text[t.Start:t.End]
	if !t.letters {
		w = entity.WithoutFormat(w)
	}
	return w
}

// readMatches turns the lexicon's matches in sc into cues and reporting
// verbs (sc.verbs), and returns the first "according to" (-1 when there
// is none), whose source the sentence's verbs may defer to.
func readMatches(text string, toks []token, sc *scratch, addCue func(from, to int, k Kind)) (according, accordingTo int) {
	according, accordingTo = -1, -1
	for _, m := range sc.matches {
		switch m.cat {
		case catReport:
			if m.flags&flagOutsideQuotes != 0 && inQuote(sc.before, toks, sc.after, m.from) {
				continue
			}
			if len(sc.verbs) < maxVerbs && reportingVerb(text, toks, m) {
				sc.verbs = append(sc.verbs, verb{from: m.from, to: m.to, flags: m.flags, weight: m.weight, quoted: sc.quotedAt(text, sc.before, toks, sc.after, m.from)})
			}
		case catAccording:
			if according < 0 {
				according, accordingTo = m.from, m.to
			}
		case catDispute:
			if disputeWord(toks, m) {
				addCue(m.from, m.to, Disputed)
			}
		case catHedge:
			if hedgeWord(toks, m) {
				addCue(m.from, m.to, Hedged)
			}
		case catPredict:
			if predictionWord(text, toks, m) {
				addCue(m.from, m.to, Prediction)
			}
		case catStat:
			if m.flags&flagAmbiguous != 0 {
				if n := m.to; n < len(toks) && isNumber(text, toks, n) && !timeOrDate(text, toks, n) {
					addCue(m.from, numberEnd(toks, n), Statistical)
				}
			} else if statWord(toks, m) {
				addCue(m.from, m.to, Statistical)
			}
		case catCausal:
			if causalWord(toks, m) {
				addCue(m.from, m.to, Causal)
			}
		}
	}
	return according, accordingTo
}

// prevIs and nextIs report whether the token before i, or at i, is in set.
func prevIs(toks []token, i int, set *wordSet) bool { return i > 0 && set.has(toks[i-1]) }
func nextIs(toks []token, i int, set *wordSet) bool { return i < len(toks) && set.has(toks[i]) }

func isPunct(toks []token, i int) bool { return i >= 0 && i < len(toks) && toks[i].kind == tokPunct }

// lyNotAdverbsList holds the -ly words PolNeAR train's silver tags mostly
// call nouns, adjectives or verbs (go run ./model/claim/polnear -lywords).
//
//go:embed lexicon/lynotadverbs.txt
var lyNotAdverbsList string

// lyNotAdverbs keeps "family", "rally" or "likely" from being stepped over
// as adverbs: "lawyers for the family said" is the family's lawyers.
var lyNotAdverbs = newWordSet(stripComments(lyNotAdverbsList))

// lyAdverb reports whether t looks like an adverb in -ly ("flatly").
//
// It inlines, and passes lyAdverbAt the token by pointer: a token by
// value, too big for the registers a call passes, was copied twice for
// each call, the second copy waiting on the first (a store-forwarding
// stall), and the rules ask it of most words they walk back over.
func lyAdverb(text string, t token) bool { return lyAdverbAt(text, &t) }

// lyAdverbAt is lyAdverb of *t.
func lyAdverbAt(text string, t *token) bool {
	w := wordAt(text, t)
	return t.kind == tokWord && !t.upper && len(w) > 4 && endsLy(w) && !lyNotAdverbs.has(*t)
}

// endsLy is strings.HasSuffix(w, "ly") without the call to compare
// strings, for the words of every sentence.
func endsLy(w string) bool { return len(w) >= 2 && w[len(w)-1] == 'y' && w[len(w)-2] == 'l' }

// reportingVerb applies the guards that tell a reporting verb from the same
// word used otherwise.
func reportingVerb(text string, toks []token, m match) bool {
	// After a possessive a cue that takes a complement ("his claim that",
	// "her criticism of", "their view.") is its owner's, not one before a
	// noun ("her own series", "his full returns"); after any other
	// determiner it is a noun ("the alleged attack", "an estimated 600").
	owned := prevIs(toks, m.from, possessives) && (m.to == len(toks) || toks[m.to].h == hThat || prepositions.has(toks[m.to]) || toks[m.to].kind == tokPunct)
	if prevIs(toks, m.from, articles) && !owned {
		return false
	}
	if m.from <= 1 && editorialLabels.has(toks[m.from]) && m.to < len(toks) && toks[m.to].h == hColon {
		return false // "Editor's note:", "Update:": a newsroom's label
	}
	if toks[m.from].upper && m.from > 0 && toks[m.from-1].kind != tokPunct {
		return false // a name mid-sentence: "the United States"
	}
	if nameModified(text, toks, m) {
		return false // "the Apple Music show The 411": a noun
	}
	if participleAfterNoun(text, toks, m.from) {
		return false // "an article written for", "a study published by"
	}
	if adverbParticiple(text, toks, m.from) {
		return false // "from publicly disclosed information"
	}
	if countedParticiple(text, toks, m.from) {
		return false // "won 758 pledged delegates"
	}
	if m.flags&flagAmbiguous != 0 {
		// Quantifiers make subjects of learned cues ("many believe") but
		// nouns of listed ones ("several reports").
		before := determiners
		if m.flags&flagLearned != 0 {
			before = articles
		}
		// After a preposition of means or time a word in -ing is a
		// gerund, still a verb: "responded by saying", "aside from
		// saying"; after others it is mostly a noun ("a theme of
		// questioning"). After a linking verb a participle is an
		// adjective that reports nothing ("seemed worried"), but an
		// adjective reports its subject's view ("was especially
		// critical of", "seemed angry about").
		if prevIs(toks, m.from, before) && !owned || prevIs(toks, m.from, prepositions) && !(ingWord(text, toks[m.from]) && prevIs(toks, m.from, gerundPrepositions)) && !infinitive(text, toks, m.from) || afterCopula(text, toks, m.from) && !adjectiveCue(text, toks, verb{from: m.from, to: m.to, weight: m.weight}) {
			return false
		}
		// Only listed words get the after-guard: a learned cue is often
		// followed by a preposition ("called for", "disputed by").
		if m.flags&flagLearned == 0 && (nextIs(toks, m.to, prepositions) || nextIs(toks, m.to, beForms)) {
			return false
		}
	}
	if m.flags&flagNoCount != 0 && m.to < len(toks) && isNumber(text, toks, m.to) {
		return false
	}
	if m.flags&flagSpeech != 0 && m.to < len(toks) && !speechNext.has(toks[m.to]) {
		return false
	}
	if h := toks[m.from].h; (h == hClaimed || h == hClaims) && (nextIs(toks, m.to, claimedThings) || nextIs(toks, m.to+1, claimedThings)) {
		return false // "the storm claimed 20 lives"
	}
	if presence(text, toks, m) || phrasalPresence(toks, m) {
		return false // "appeared on Fox News", "spoke at the rally", "found himself"
	}
	if answerVerbs.of(toks[m.from]) && answeredThing(text, toks, m.to) {
		return false // "answered the survey", "answered it"
	}
	if toks[m.from].h == hSee && prevIs(toks, m.from, seeBefore) && !seenAs(text, toks, m.to) {
		return false // "wants to see the report", "can see the harbour": sight, no view
	}
	if nextIs(toks, m.to, deniedThings) {
		return false // "was denied entry"
	}
	if toks[m.from].h == hDismissed || toks[m.from].h == hDismisses {
		return dismissesClaim(toks, m.to)
	}
	return true
}

// presence reports a verb of showing up before a preposition of place
// or company ("appeared on Fox News", "spoke with voters"), which says
// where someone was; before a time ("spoke on Monday") it still reports.
func presence(text string, toks []token, m match) bool {
	k := m.to + 1
	if m.to != m.from+1 || !presenceVerbs.has(toks[m.from]) || !nextIs(toks, m.to, placePrepositions) || k >= len(toks) {
		return false
	}
	return !timeNames.has(toks[k]) && !months.has(toks[k]) && toks[k].kind != tokNum
}

// maxSeenAs bounds the words after "see" read for the "as" of a view.
const maxSeenAs = 10

// seenAs reports a view after "see", ending at i: "see Trump as a
// threat", "see it that way", "see him favorably" ("as", "way" or an -ly
// adverb before the clause ends). Without one, an infinitive "see" (after
// "to" or a modal, seeBefore) is sight or finding out ("wants to see the
// report", "to see if it works", "you can see the harbour"): on PolNeAR
// train such cues were on a gold cue 10 times in 74, on dev 0 in 5; with
// one, 4 in 9. A finite "see" without one still reports ("Investors see
// a one-in-five chance", on gold 15 times in 37).
func seenAs(text string, toks []token, i int) bool {
	for k := i; k < len(toks) && k < i+maxSeenAs && toks[k].kind != tokPunct; k++ {
		if toks[k].h == hAs || toks[k].h == hWay || lyAdverb(text, toks[k]) {
			return true
		}
	}
	return false
}

// forms are the four forms of a verb by hash: the guards ask them of
// every reporting verb, and a word set that tokenize does not mark
// (tokenSets has no room) costs a table probe each time.
type forms [4]uint64

func formsOf(base, s, ed, ing string) forms {
	return forms{hashWord(base), hashWord(s), hashWord(ed), hashWord(ing)}
}

func (f *forms) of(t token) bool { return t.h == f[0] || t.h == f[1] || t.h == f[2] || t.h == f[3] }

// answerVerbs are the forms of "answer" (see answeredThing).
var answerVerbs = formsOf("answer", "answers", "answered", "answering")

// maxAnswered bounds the words of an answered object read for a word of
// speech ("the Khan family's criticism").
const maxAnswered = 5

// answeredThing reports an object after a verb of answering, ending at
// i, that names what was answered and no speech: "answered the survey",
// "answered it", "answered the door". The reply, not the prompt, is what
// a report carries; a verb of answering still reports before its reply
// ("answered that", "answered: ...", punctuation), before a preposition
// or a time ("answered with a story", "answered on Friday"), and before
// a prompt that is itself speech ("answered questions about", "answered
// the criticism"), as PolNeAR marks them.
func answeredThing(text string, toks []token, i int) bool {
	if i >= len(toks) || toks[i].kind != tokWord || toks[i].h == hThat || prepositions.has(toks[i]) || timeNames.has(toks[i]) ||
		toks[i].finite || auxiliaries.has(toks[i]) || beForms.has(toks[i]) || clauseStops.has(toks[i]) || lyAdverb(text, toks[i]) ||
		objectPronouns.has(toks[i]) && toks[i].h != hIt {
		return false
	}
	for k := i; k < len(toks) && k < i+maxAnswered && toks[k].kind == tokWord && !prepositions.has(toks[k]); k++ {
		if answeredSpeech.has(toks[k]) {
			return false
		}
	}
	return true
}

// nameModified reports a one-word cue that heads a noun phrase whose
// name modifies it, in the place of an object: a bare word (not finite,
// not in -ed, -ing or -s, not capitalised) right after capitalised words
// that a determiner opens (an adjective may stand between, and a
// possessive's owner is part of the phrase), after a preposition or a
// verb ("on the Apple Music show The 411", "hosts an MSNBC show and",
// "for Mary J. Blige's upcoming Apple Music show"), with no complement
// after it ("the White House statement that" reports). A name that opens a
// clause is a subject whose verb this may be ("when the KGB spread
// conspiracy theories"), and so is a plural one ("the Democrats claim").
func nameModified(text string, toks []token, m match) bool {
	i := m.from
	if m.to != i+1 || i < 3 || toks[i].upper || toks[i].finite || nounComplement(toks, m.to) {
		return false
	}
	w, p := word(text, toks[i]), toks[i-1]
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") || !p.upper || p.kind != tokWord || text[p.End-1] == 's' {
		return false
	}
	k := i - 1
	for k > 0 && toks[k].upper && toks[k].kind == tokWord && !possessive(text, toks[k]) {
		k--
	}
	if k > 0 && adjectiveBeforeName(text, toks[k]) && (determiners.has(toks[k-1]) || possessive(text, toks[k-1])) {
		k-- // "Blige's upcoming Apple Music show", "Ruiz's new Netflix show"
	}
	if k < 1 || !determiners.has(toks[k]) && !articles.has(toks[k]) && !possessive(text, toks[k]) {
		return false
	}
	if toks[k].upper && possessive(text, toks[k]) {
		// The owner's name is part of the phrase: "for Mary J. Blige's".
		for k > 0 && (toks[k-1].upper && toks[k-1].kind == tokWord || toks[k-1].kind == tokNameDot) {
			k--
		}
	}
	if k < 1 {
		return false
	}
	o := toks[k-1]
	return prepositions.has(o) || o.kind == tokWord && !o.upper && !clauseOpeners.has(o) && !relatives.has(o) && !whWords.has(o) && o.h != hThat
}

// adjectiveBeforeName reports a lower-case word that can only be an
// adjective between a determiner and a name ("Blige's upcoming Apple
// Music show"; "new" or "latest" too, which the determiners hold): no
// finite verb, no word in -s (a subject's plural: "the two Democratic
// senators say"), no -ly adverb and no function word.
func adjectiveBeforeName(text string, t token) bool {
	return t.kind == tokWord && !t.upper && !t.finite && !strings.HasSuffix(word(text, t), "s") && !lyAdverb(text, t) &&
		!articles.has(t) && !pronouns.has(t) && !prepositions.has(t) && !auxiliaries.has(t) &&
		!beForms.has(t) && !clauseStops.has(t) && !relatives.has(t) && t.h != hAnd && t.h != hOr && t.h != hThat
}

// participleAfterNoun reports a past participle that modifies the noun
// before it ("an article written for", "a study published by", "a poll
// released Sunday"): a word in -ed or -en that is not mostly a finite
// verb, between a lower-case noun-like word and a preposition or a time.
func participleAfterNoun(text string, toks []token, i int) bool {
	w := word(text, toks[i])
	if toks[i].finite || i == 0 || !nextIs(toks, i+1, prepositions) && !nextIs(toks, i+1, timeNames) || !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) {
		return false
	}
	// After the noun phrase that opens a clause and before an infinitive
	// it is the clause's verb: "The mayor pledged to keep the ferry
	// running" (PolNeAR train: 7 of the 12 cues it adds on a gold cue,
	// dev unchanged), as against "questions from veterans invited to
	// take part".
	if subjectBefore(toks, i) && infinitiveAfter(text, toks, i+1) && !finiteAfter(toks, i+3) {
		return false
	}
	p := toks[i-1]
	pw := word(text, p)
	return p.kind == tokWord && !p.upper && !p.finite && !lyAdverb(text, p) && !strings.HasSuffix(pw, "ed") &&
		!pronouns.has(p) && !auxiliaries.has(p) && !beForms.has(p) && !finiteAux.has(p) && !clauseStops.has(p) &&
		p.h != hAnd && p.h != hOr
}

// adverbParticiple reports a past participle in -ed after -ly adverbs
// that follow a determiner or a preposition ("a widely reported attack",
// "from publicly disclosed information"): an adjective before its noun,
// not a reporting verb.
func adverbParticiple(text string, toks []token, i int) bool {
	// The word after must be a noun's: "the family released it" is a verb
	// after a noun in -ly.
	if !strings.HasSuffix(word(text, toks[i]), "ed") || i+1 >= len(toks) || toks[i+1].kind != tokWord ||
		pronouns.has(toks[i+1]) || determiners.has(toks[i+1]) {
		return false
	}
	k := i - 1
	for k >= 0 && lyAdverb(text, toks[k]) {
		k--
	}
	return k < i-1 && k >= 0 && (articles.has(toks[k]) || prepositions.has(toks[k]))
}

// countedParticiple reports a past participle in -ed between a number and
// a lower-case noun ("758 pledged delegates", "300 signed petitions"): an
// adjective of the counted noun, not a reporting verb. On PolNeAR train
// "pledged" stood so 17 times as a cue, never on a gold one.
func countedParticiple(text string, toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || !strings.HasSuffix(word(text, toks[i]), "ed") || !isNumber(text, toks, i-1) {
		return false
	}
	n := toks[i+1]
	return n.kind == tokWord && !n.upper && !n.finite && !determiners.has(n) && !pronouns.has(n) && !prepositions.has(n) &&
		!auxiliaries.has(n) && !clauseStops.has(n) && !timeNames.has(n) && n.h != hThat && n.h != hTo
}

// afterCopula reports a word that follows a linking verb, with -ly adverbs
// between: there a participle is an adjective ("became politically
// charged", "seemed worried").
func afterCopula(text string, toks []token, i int) bool {
	k := i - 1
	for k >= 0 && lyAdverb(text, toks[k]) {
		k--
	}
	return k >= 0 && k < i-1 && beForms.has(toks[k]) || k >= 0 && copulas.has(toks[k])
}

// infinitive reports a bare verb after "to" ("plans to endorse", "urged
// them to oppose"): a verb, whose speaker is the subject before it, not
// the noun after a preposition ("a trip to Iowa", "to the end"). After an
// adjective of ease the subject is what the verb acts on, not who speaks:
// "the claims are safe to argue with", "the plan is hard to defend".
func infinitive(text string, toks []token, i int) bool {
	if i == 0 || toks[i-1].h != hTo || toks[i].upper || toks[i].kind != tokWord || prevIs(toks, i-1, easeAdjectives) {
		return false
	}
	w := word(text, toks[i])
	return !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !(strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

// infinitiveAfter reports "to" at i and a bare verb after it ("to keep"),
// not a noun phrase ("to the council", "to them").
func infinitiveAfter(text string, toks []token, i int) bool {
	k := i + 1
	return i < len(toks) && toks[i].h == hTo && k < len(toks) && infinitive(text, toks, k) && !determiners.has(toks[k]) && !pronouns.has(toks[k])
}

// finiteAfter reports a finite verb from i to the end of its clause (a
// mark, a clause stop or a coordinator): the clause's own verb, which
// makes a participle before it a modifier of the subject, "A statement
// released to explain the delay blamed the weather".
func finiteAfter(toks []token, i int) bool {
	for ; i < len(toks) && toks[i].kind == tokWord && !clauseStops.has(toks[i]) && toks[i].h != hAnd && toks[i].h != hOr; i++ {
		if toks[i].finite {
			return true
		}
	}
	return false
}

// subjectBefore reports whether the words before i, back to the start or a
// mark, are all a noun phrase's: no preposition, clause stop, conjunction,
// auxiliary or finite verb, which would make the phrase an object and
// the word at i a modifier of its noun.
func subjectBefore(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && toks[k].kind == tokWord && !prepositions.has(toks[k]) && !clauseStops.has(toks[k]) && !toks[k].finite && !auxiliaries.has(toks[k]) && !joined(toks[k]) {
		k--
	}
	return k < 0 || toks[k].kind == tokPunct
}

// easeAdjectives take an infinitive whose object is the sentence's subject
// (the "tough" construction of English grammar).
var easeAdjectives = newWordSet(`easy easier easiest hard harder hardest difficult tough tougher
	safe impossible simple fun pleasant dangerous convenient awkward`)

// gerundPrepositions take a gerund that reports: "by saying", "after
// insisting", "without admitting", "from saying".
var gerundPrepositions = newWordSet("by after before without from")

var copulas = newWordSet("became become becomes becoming remained remains seemed seems looked looks felt feels got gets")

var (
	hDismissed = hashWord("dismissed")
	hDismisses = hashWord("dismisses")
	hDenied    = hashWord("denied")
	hClaimed   = hashWord("claimed")
	hClaims    = hashWord("claims")
	hMay       = hashWord("may")
	hWill      = hashWord("will")
	hShall     = hashWord("shall")
	hGoing     = hashWord("going")
	hSet       = hashWord("set")
	hPlans     = hashWord("plans")
	hPlan      = hashWord("plan")
	hCould     = hashWord("could")
	hNot       = hashWord("not")
	hPossible  = hashWord("possible")
	hDue       = hashWord("due")
	hResp      = hashWord("responsible")
	hRate      = hashWord("rate")
	hAnd       = hashWord("and")
	hOr        = hashWord("or")
	hBy        = hashWord("by")
	hComma     = hashWord(",")
	hSee       = hashWord("see")
	hAs        = hashWord("as")
	hWay       = hashWord("way")
	monthLead  = newWordSet("early late mid last next this")
	dashes     = newWordSet("- – — ―")
	quotes     = newWordSet(`" “ ” ' ‘ ’ « »`)
)

// dismissesClaim reports whether a claim-like word follows "dismissed"
// within a few words: "dismissed the reports", "dismissed it as".
func dismissesClaim(toks []token, from int) bool {
	for i := from; i < len(toks) && i < from+6; i++ {
		if dismissedThings.has(toks[i]) {
			return true
		}
	}
	return false
}

func disputeWord(toks []token, m match) bool {
	switch toks[m.from].h {
	case hDenied:
		return !nextIs(toks, m.to, deniedThings)
	case hDismissed, hDismisses:
		return dismissesClaim(toks, m.to)
	}
	if m.flags&flagAmbiguous != 0 {
		return !nextIs(toks, m.to, prepositions) && !prevIs(toks, m.from, pronouns)
	}
	return true
}

// modal reports whether the word at i is a modal verb rather than a noun
// or a name: "might be", not "military might"; "will sign", not "the will
// of the people" or "Will Smith".
func modal(toks []token, i int) bool {
	t := toks[i]
	if t.upper && i > 0 {
		return false
	}
	if prevIs(toks, i, determiners) || prevIs(toks, i, prepositions) {
		return false
	}
	// A modal takes a bare verb: before "is" or "had" it is a noun
	// ("military might is not in question").
	if i+1 >= len(toks) || toks[i+1].kind == tokPunct || notAfterModal.has(toks[i+1]) || inflectedAux.has(toks[i+1]) {
		return false
	}
	if i == 0 && toks[i+1].upper && !pronouns.has(toks[i+1]) {
		return false
	}
	return true
}

func hedgeWord(toks []token, m match) bool {
	t := toks[m.from]
	switch t.h {
	case hMay:
		if t.upper && m.from > 0 {
			return false
		}
		if nextIs(toks, m.to, numberLike) || m.from > 0 && toks[m.from-1].kind == tokNum {
			return false
		}
		if prevIs(toks, m.from, prepositions) || prevIs(toks, m.from, monthLead) {
			return false
		}
		return modal(toks, m.from)
	case hCould:
		return !nextIs(toks, m.to, notSet)
	case hPossible:
		return !prevIs(toks, m.from, notHedgePossible)
	}
	if m.flags&flagAmbiguous != 0 {
		if m.to-m.from == 1 && (toks[m.from].h == hMight) {
			return modal(toks, m.from)
		}
		return !prevIs(toks, m.from, determiners) && !prevIs(toks, m.from, articles)
	}
	return true
}

var inflectedAux = newWordSet("is was were are has had does did")

var (
	hMight     = hashWord("might")
	notSet     = newWordSet("not")
	numberLike = newWordSet("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31")
)

func predictionWord(text string, toks []token, m match) bool {
	switch toks[m.from].h {
	case hWill, hShall:
		return modal(toks, m.from)
	case hGoing:
		n := m.to
		return n < len(toks) && toks[n].kind == tokWord && !toks[n].upper && !determiners.has(toks[n]) && !articles.has(toks[n])
	case hSet:
		return prevIs(toks, m.from, beForms)
	case hPlans, hPlan:
		return !nounPhraseEnd(text, toks, m.from)
	}
	return true
}

// nounPhraseEnd reports whether the word at i ends a noun phrase rather
// than starting a verb: after a determiner, a possessive, or a name that
// follows one ("the plan", "the council's plan", "a United Nations plan").
func nounPhraseEnd(text string, toks []token, i int) bool {
	k := i - 1
	for k > 0 && toks[k].upper && toks[k].kind == tokWord {
		k--
	}
	if k < 0 {
		return false
	}
	return determiners.has(toks[k]) || articles.has(toks[k]) || possessive(text, toks[k])
}

// possessive reports a word in 's or s'. It passes the token by pointer,
// as lyAdverb does.
func possessive(text string, t token) bool { return possessiveAt(text, &t) }

// possessiveAt is possessive of *t.
func possessiveAt(text string, t *token) bool {
	// Only the last two runes matter; lower-casing the word cost an
	// allocation for each capitalised one.
	w := wordAt(text, t)
	if n := len(w); n == 0 || w[n-1]|0x20 != 's' {
		return false
	}
	w = w[:len(w)-1]
	return strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’")
}

func causalWord(toks []token, m match) bool {
	switch toks[m.from].h {
	case hDue:
		return !nextIs(toks, m.to, scheduledVerbs)
	case hResp:
		return !prevIs(toks, m.from, personRoles)
	}
	return true
}

func statWord(toks []token, m match) bool {
	if toks[m.from].h == hRate {
		return !prevIs(toks, m.from, anySet) // "at any rate"
	}
	return true
}

var anySet = newWordSet("any")

// isNumber reports whether toks[i] is a number: digits or a number word.
func isNumber(text string, toks []token, i int) bool {
	return toks[i].kind == tokNum || numberWords.has(toks[i])
}

// numberEnd returns the end of the number starting at i, taking in a
// magnitude or unit that follows ("600", "3 million", "40 percent").
func numberEnd(toks []token, i int) int {
	j := i + 1
	for j < len(toks) && (magnitudes.has(toks[j]) || percentWords.has(toks[j])) {
		j++
	}
	return j
}

// timeOrDate reports whether the number at i is a clock time, a day of a
// month or a year rather than a quantity.
func timeOrDate(text string, toks []token, i int) bool {
	if nextIs(toks, i+1, timeWords) || prevIs(toks, i, months) || nextIs(toks, i+1, months) {
		return true
	}
	w := word(text, toks[i])
	if strings.ContainsRune(w, ':') {
		return true
	}
	if len(w) == 4 && toks[i].kind == tokNum {
		if y, err := strconv.Atoi(w); err == nil && y >= 1000 && y <= 2100 {
			return true
		}
	}
	return false
}

// numberValue parses digits with thousands separators and a decimal part.
func numberValue(w string) (float64, bool) {
	w = strings.ReplaceAll(w, ",", "")
	v, err := strconv.ParseFloat(w, 64)
	return v, err == nil
}

// statNumber reports whether the number at i is a statistic by itself: a
// percentage, an amount of money, a magnitude or a count of a hundred or
// more that counts rather than names. It returns the end of the statistic.
func statNumber(text string, toks []token, i int) (int, bool) {
	if toks[i].kind != tokNum || timeOrDate(text, toks, i) {
		return 0, false
	}
	if nextIs(toks, i+1, percentWords) || nextIs(toks, i+1, magnitudes) || nextIs(toks, i+1, moneyWords) {
		return numberEnd(toks, i), true
	}
	if prevIs(toks, i, moneySigns) {
		return numberEnd(toks, i), true
	}
	v, ok := numberValue(word(text, toks[i]))
	if ok && v >= 100 && !namesSomething(text, toks, i) {
		return numberEnd(toks, i), true
	}
	return 0, false
}
