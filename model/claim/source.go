package claim

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// speaker is a source seen earlier in the article, kept for resolving the
// pronouns of later sentences.
type speaker struct {
	span.Span
	person bool
	plural bool
	// body is an organisation or a place ("the council", "Mexico"),
	// which "they" may stand for as well as "it".
	body bool
}

// np is a noun phrase: tokens [from, to).
type np struct{ from, to int }

func (p np) empty() bool { return p.to <= p.from }

var (
	leadAdverbs = newWordSet(`meanwhile furthermore however moreover also and but yet still now
		then later earlier separately additionally instead perhaps maybe probably indeed thus
		despite`)
	// thingPronouns before a subject are the object of the clause that
	// subject opens: "..., something she opposed" is hers.
	thingPronouns = newWordSet("something nothing anything everything")
	// objectPronouns never name a speaker after the verb ("told me").
	objectPronouns = newWordSet("me us him her them you it")
	resolvable     = newWordSet("he she they it")
	// selfPronouns name the writer, the reader or a quote's speaker.
	selfPronouns = newWordSet("i we you")
	hHe          = hashWord("he")
	hShe         = hashWord("she")
	hThey        = hashWord("they")
	hParen       = hashWord(")")
	hOpenParen   = hashWord("(")
	hColon       = hashWord(":")
	hTo          = hashWord("to")
	hToo         = hashWord("too")
	hWith        = hashWord("with")
	hBut         = hashWord("but")
	hThat        = hashWord("that")
	thatTo       = newWordSet("that to")
	hAccording   = hashWord("according")
)

// maxSpeakers is how far back a pronoun looks for its speaker.
const maxSpeakers = 20

// forgetOldSpeakers drops the speakers no pronoun can reach any more, those
// before the last maxSpeakers, once there are twice that many: a run kept
// every source of the text (2.8 MB on 20 MB of text, live until its end).
// It is called between sentences, as the marks that cut speakers back are
// taken and used inside one.
func (sc *scratch) forgetOldSpeakers() {
	if n := len(sc.speakers); n >= 2*maxSpeakers {
		sc.speakers = sc.speakers[:copy(sc.speakers, sc.speakers[n-maxSpeakers:])]
	}
}

// maxSubject is the longest noun phrase taken for a speaker; a longer run of
// words before a verb is a clause, not a name.
const maxSubject = 12

// attribute finds who the sentence's words are attributed to, adds the cues
// that show it, and remembers the speaker for later pronouns.
func (d *Detector) attribute(text string, toks []token, ents []entity.Entity, sc *scratch,
	according, accordingTo int, addCue func(from, to int, k Kind)) *Source {
	main, mainVerb, relative, reduced := d.mainSubject(text, toks, ents, sc, addCue)
	main = withoutTime(text, toks, main)
	var src *Source
	if according >= 0 {
		if a := accordingPhrase(text, toks, accordingTo); !a.empty() {
			addCue(according, accordingTo, Attributed)
			// "According to X, Y said": Y speaks and X reports it. What a
			// weaker cue than a speech verb says ("Y plans ...") is X's.
			if mainVerb >= 0 && (main.to <= according || main.from >= a.to) && sc.verbs[mainVerb].weight >= reportedCueRatio {
				src = sc.newSource(Source{Span: spanOf(toks, main), Via: text[toks[a.from].Start:toks[a.to-1].End]})
			} else {
				src = sc.newSource(Source{Span: spanOf(toks, a)})
				main, mainVerb = a, -1
			}
		}
	}
	// A transcript's turn and a quote signed after a dash are their
	// speaker's, whatever verbs they hold.
	if p, cue := quoteSpeaker(text, toks, ents, !sc.unsigned); !p.empty() {
		addCue(cue, cue+1, Attributed)
		src, main, mainVerb = sc.newSource(Source{Span: spanOf(toks, p)}), p, -1
	}
	if src == nil && mainVerb >= 0 {
		// "... and said he hoped": the pronoun speaks inside what the
		// verb before it reports, whose subject is the sentence's.
		if verbEndsAt(sc.verbs, main.from) {
			if vi, p := coordinated(text, toks, sc.verbs); vi >= 0 && sc.verbs[vi].to == main.from {
				main, mainVerb = p, vi
			}
		}
		src = sc.newSource(Source{Span: spanOf(toks, main)})
	}
	// "In the latest Post-ABC poll, Clinton leads": the poll says so.
	if c := pollOpening(toks); src == nil && c > 0 {
		addCue(0, 1, Attributed)
		main = np{from: 1, to: c}
		src = sc.newSource(Source{Span: spanOf(toks, main)})
	}
	if src == nil {
		if vi, p := coordinated(text, toks, sc.verbs); vi >= 0 {
			src, main, mainVerb = sc.newSource(Source{Span: spanOf(toks, p)}), p, vi
		}
	}
	if src == nil && len(sc.verbs) > 0 {
		if p := namedBefore(toks, ents, sc.verbs[0].from); !p.empty() {
			src, main, mainVerb = sc.newSource(Source{Span: spanOf(toks, p)}), p, 0
		}
	}
	// A passive that modifies a noun ("the fine imposed by the harbor
	// board") names its agent, but the noun is what the sentence is
	// about: the agent speaks only when no one else does.
	if src == nil && reduced.verb >= 0 {
		src, main, mainVerb = sc.newSource(Source{Span: spanOf(toks, reduced.np)}), reduced.np, reduced.verb
	}
	if src == nil {
		return nil
	}
	if mainVerb >= 0 {
		v := sc.verbs[mainVerb]
		addCue(v.from, v.to, Attributed)
	}
	// In a sentence that reports someone, every reporting verb is a cue,
	// its subject found or not ("..., saying", "... and added"), but for
	// those inside what the speaker says, which are not the speaker's.
	for vi, v := range sc.verbs {
		if passiveStart(text, toks, v) < 0 && (mainVerb < 0 || vi == mainVerb || !insideReport(text, toks, v, sc.verbs[mainVerb])) {
			addCue(v.from, v.to, Attributed)
		}
	}
	// A relative clause read apart from its sentence stands for the noun
	// the sentence has before it.
	if mainVerb >= 0 && main.from == 0 && main.to == 1 && relatives.has(toks[0]) && src.Span == toks[0].Span {
		src.Resolved = antecedent(text, sc.before, toks[0].h == hWho)
		return src
	}
	d.describeSource(text, src, toks, main, ents, sc)
	// "China, which claimed ...": the source is the relative pronoun, and
	// it stands for the noun it attaches to.
	if relative >= 0 && mainVerb >= 0 && src.Span == spanOf(toks, main) {
		if src.Resolved.Empty() {
			src.Resolved = src.Span
		}
		src.Span = toks[relative].Span
	}
	return src
}

// insideReport reports a verb v that speaks inside what the main verb w
// reports: inside quotation marks that w is outside ("“They want ...,”
// Okafor said"), after w with only the words of a subject between them
// ("Okafor said (that) the engineers argued ..."), or further on in w's
// object (see below), and not a gerund of the speaker's ("despite
// admitting"). Such a verb reports for someone the speaker quotes, not
// for the speaker; a verb after a comma, a relative or a conjunction
// ("..., saying", "said Rubel, who notes", "and told") reports for its
// own speaker.
func insideReport(text string, toks []token, v, w verb) bool {
	if v.quoted && !w.quoted || inThatClause(toks, v, w) {
		return true
	}
	from := w.to
	if from < len(toks) && toks[from].h == hThat {
		from++
	}
	if v.from <= from || owner(text, toks[v.from-1]) || gerundOfSpeaker(text, toks, v.from) {
		return false
	}
	// Past a few words or a preposition, v stands in w's object ("wants
	// his vice president to have experience to help get legislation
	// passed"): of the cues this drops, 48 in 203 were on a gold cue on
	// PolNeAR train, 1 in 26 on dev. Kept there are an infinitive, which goes on with w's cue
	// ("appeared to blame", one cue in PolNeAR), an -ing word, whose
	// speaker is the noun before it ("footage of Trump saying"), and a
	// verb after "that" or a wh-word, which open a clause with a subject
	// of its own ("a proposal that Manchin pushed", "what Gilbert
	// called").
	inObject := v.from-from > maxReportedSubject || anyOf(toks[from:v.from], prepositions)
	if inObject && (toks[v.from-1].h == hTo || ingWord(text, toks[v.from])) {
		return false
	}
	for _, t := range toks[from:v.from] {
		if t.kind == tokPunct || clauseOpeners.has(t) || relatives.has(t) || t.h == hOr || inObject && (whWords.has(t) || t.h == hThat) {
			return false
		}
	}
	return true
}

// anyOf reports whether a token of toks is in set.
func anyOf(toks []token, set *wordSet) bool {
	for _, t := range toks {
		if set.has(t) {
			return true
		}
	}
	return false
}

// inThatClause reports a verb v in the that-clause of the main verb w: a
// "that" at most maxThatGap words after w ("said on Friday that the White
// House supported") or right after a conjunction ("says the world is
// watching and that he can understand"), then no punctuation but quotation
// marks and no other conjunction before v, which would share w's subject
// ("said that ... but did not suggest") or open a clause of its own ("...
// – even though he picked"). v reports inside what w's speaker says, however long
// its own subject.
func inThatClause(toks []token, v, w verb) bool {
	that := false
	for i := w.to; i < v.from; i++ {
		switch t := toks[i]; {
		case t.kind == tokPunct && !quotes.has(t) && !percentWords.has(t) && !moneySigns.has(t):
			return false // a number's signs are words here: "found that 64% of owners opposed"
		case joined(t) || clauseOpeners.has(t):
			that = false
		case t.h == hThat && (i-w.to <= maxThatGap || joined(toks[i-1])):
			that = true
		}
	}
	return that
}

// maxThatGap bounds the words between a verb and the "that" of its clause
// ("told reporters on Monday that"); a "that" further on is mostly a
// relative's ("signed a letter of apology that he said was drafted").
const maxThatGap = 3

// joined reports a conjunction before a verb, which then shares the
// subject of the verb before it ("said that ... and encouraged").
func joined(t token) bool { return t.h == hAnd || t.h == hBut || t.h == hOr }

// gerundOfSpeaker reports an -ing word at i after a preposition: its
// speaker is the clause's subject ("has reiterated despite admitting").
func gerundOfSpeaker(text string, toks []token, i int) bool {
	return ingWord(text, toks[i]) && (gerundPrepositions.has(toks[i-1]) || concessives.has(toks[i-1]))
}

// concessives take a gerund whose speaker is the clause's subject.
var concessives = newWordSet("despite notwithstanding")

// maxReportedSubject bounds the words of the subject of a reported clause
// between its speaker's verb and its own ("said the harbour engineers
// argued").
const maxReportedSubject = 4

// mainSubject reads the subject of each of the sentence's reporting verbs
// and returns the sentence's speaker and its verb's index (-1: none): the
// likeliest verb's subject, else a relative clause's, with the index of
// its relative pronoun (-1 when the speaker is no relative's), else a
// possessive's. A passive without an agent adds the cue of a claim
// without a source.
func (d *Detector) mainSubject(text string, toks []token, ents []entity.Entity, sc *scratch,
	addCue func(from, to int, k Kind)) (main np, mainVerb, relative int, reducedBy byAgent) {
	var rel, poss, reduced np
	mainVerb, relVerb, possVerb, reducedVerb := -1, -1, -1, -1
	for vi, v := range sc.verbs {
		// "an article cited by her campaign quoted": the phrase is the
		// subject of the reporting verb after it, read as before.
		if agent := reducedAgent(text, toks, v); !agent.empty() && !verbAt(sc.verbs, agent.to) {
			// Only where the noun would have spoken for it: the agent
			// mends a source, it makes no claim.
			if p, _ := subject(text, toks, v.from, v.to); reducedVerb < 0 && !p.empty() {
				reduced, reducedVerb = agent, vi
			}
			continue
		}
		if p := passiveStart(text, toks, v); p >= 0 {
			if by := agentBy(text, toks, v.to); by >= 0 {
				if agent := agentAfter(text, toks, by+1); !agent.empty() && mainVerb < 0 {
					main, mainVerb = agent, vi
				}
				continue
			}
			// "it was reported that": a claim without a source, when the
			// verb is one that mostly reports or reports a clause here.
			if v.weight >= plainCueRatio || nextIs(toks, v.to, thatTo) {
				addCue(p, v.to, Hedged)
			}
			continue
		}
		p, isRel := subject(text, toks, v.from, v.to)
		if p.to-p.from == 1 && expletives.has(toks[p.from]) && adjectiveAfterBe(text, toks, v) || expletiveView(text, toks, p, v) {
			continue // "it is unclear whether": no one holds the view
		}
		if p.to-p.from == 1 && loneParticiple(text, toks, p.from) {
			p = participleSpeaker(toks, p)
		} else if i := participleClause(text, toks, p); i >= 0 {
			p = participleSpeaker(toks, np{from: i, to: i + 1})
		}
		if p.empty() || isRel && relatives.has(toks[p.from]) && len(sc.before) == 0 || v.flags&flagLearned != 0 && v.weight < plainCueRatio && countedObject(text, toks, v.to) && !d.animate(text, toks, p, ents, sc) {
			continue
		}
		if d.labelLine(text, toks, v) && !d.animate(text, toks, p, ents, sc) {
			continue
		}
		if !isRel && p.to-p.from == 1 && verbAt(sc.verbs, p.from) && lowerPast(text, toks[p.from]) {
			continue // "and signaled support for": a reporting verb's past is no one's name
		}
		if !isRel {
			p = beforeOwnVerb(text, toks, p, sc.verbs)
		}
		if p.empty() {
			continue
		}
		// A noun after a possessive ("the president’s claims") is its
		// owner's claim, but weaker than any verb with a subject.
		if v.from > 0 && owner(text, toks[v.from-1]) {
			// After another reporting verb it is inside what that one
			// reports ("by announcing that Trump's statement was true").
			if possVerb < 0 && vi == 0 {
				poss, possVerb = p, vi
			}
			continue
		}
		// The likeliest reporting verb is the sentence's: "X, a source
		// said" over "asked" in the clause it reports.
		// A participle after a comma (", saying ...") speaks for the
		// subject of the verb before it, which stays the sentence's.
		if !isRel && (mainVerb < 0 || !afterCommaParticiple(text, toks, v.from) && outranks(toks, sc.verbs, v, p, sc.verbs[mainVerb], main)) {
			main, mainVerb = p, vi
		}
		if isRel && relVerb < 0 {
			rel, relVerb = p, vi
		}
	}
	relative = -1
	// A relative clause's verb speaks for the sentence when nothing else
	// does ("China, which claimed ...").
	// So does it when the only other speaker is inside what it reports
	// ("Sanders, who said (that) he intended ...").
	if relVerb >= 0 && (mainVerb < 0 || reportsStart(toks, sc.verbs[relVerb], main)) {
		main, mainVerb = rel, relVerb
		relative = relativeAfter(toks, rel.to)
	}
	if possVerb >= 0 && mainVerb < 0 {
		main, mainVerb = poss, possVerb
	}
	return main, mainVerb, relative, byAgent{reduced, reducedVerb}
}

// beforeOwnVerb cuts a subject p that ends in another cue of the
// sentence before that cue and the auxiliaries, adverbs and determiners
// before it: the cue "up" of "Trump further summed up" has the subject
// "Trump", "support" in "Clinton's deep support" Clinton's. A cue in -s
// is a plural that heads the subject ("Ferry crews said": the cue
// tagger's "crews").
func beforeOwnVerb(text string, toks []token, p np, verbs []verb) np {
	for _, w := range verbs {
		if w.from > p.from && w.to == p.to && !strings.HasSuffix(word(text, toks[p.to-1]), "s") {
			p.to = w.from
			for p.to > p.from && (auxiliaries.has(toks[p.to-1]) || lyAdverb(text, toks[p.to-1]) || midAdverbs.has(toks[p.to-1]) || waitsForNoun(toks[p.to-1])) {
				p.to--
			}
			return p
		}
	}
	return p
}

// waitsForNoun reports a word that ends no noun phrase, as its noun
// comes after it: an article, a determiner, a preposition, a conjunction
// or a comparative ("a more", "the", "and").
func waitsForNoun(t token) bool {
	return t.kind == tokWord && !t.upper && (determiners.has(t) || articles.has(t) || prepositions.has(t) || joined(t) || comparatives.has(t))
}

var comparatives = newWordSet("more most less least")

// reportsStart reports a subject p that opens what verb v reports: right
// after v or after its "that".
func reportsStart(toks []token, v verb, p np) bool {
	return v.to == p.from || v.to+1 == p.from && toks[v.to].h == hThat
}

// maxPollOpening is the longest "In ... poll," taken for a source.
const maxPollOpening = 14

// pollNouns head the opening phrase of a sentence that reports a poll.
var pollNouns = newWordSet("poll polls survey surveys")

// pollOpening returns the index of the comma that ends an opening "In
// the ... poll," ("In the previous Washington Post/ABC News national
// poll, ..."), or -1.
func pollOpening(toks []token) int {
	if len(toks) < 4 || toks[0].h != hIn {
		return -1
	}
	for c := 2; c < len(toks) && c <= maxPollOpening; c++ {
		switch {
		case toks[c].h == hComma:
			if pollNouns.has(toks[c-1]) {
				return c
			}
			return -1
		case toks[c].kind == tokPunct && toks[c].h != hSlash && !dashes.has(toks[c]):
			return -1
		}
	}
	return -1
}

var (
	hIn    = hashWord("in")
	hSlash = hashWord("/")
)

// antecedent returns the noun phrase that ends the tokens before a
// relative clause, past a comma, or an empty span; who tells a "who",
// whose antecedent may be a name before an aside (apposedName).
func antecedent(text string, before []token, who bool) span.Span {
	i := len(before)
	if i > 0 && before[i-1].h == hComma {
		i--
	}
	if i == 0 {
		return span.Span{}
	}
	p := finish(before, np{from: antecedentFrom(text, before, i, who), to: i})
	if p.empty() {
		return span.Span{}
	}
	return spanOf(before, p)
}

// apposedName moves the start from of the antecedent of a "who" that
// a comma at a follows back to the name before it, when the antecedent
// is an aside between commas after a name: "It was Koll, the chief
// engineer, who said" speaks for both; an opening's place before a
// comma-less clause stays out ("In Hanoi, a student who asked").
func apposedName(toks []token, from, a int) int {
	if from < 2 || a >= len(toks) || toks[a].h != hComma || toks[from-1].h != hComma || !articles.has(toks[from]) || !toks[from-2].upper || toks[from-2].kind != tokWord {
		return from
	}
	if s := nameStart(toks, from-1); s < from-1 {
		return s
	}
	return from
}

var hWho = hashWord("who")

// relativeAfter returns the index of the relative pronoun that follows
// an antecedent ending at i, past a comma ("China, which"), or -1.
func relativeAfter(toks []token, i int) int {
	if i < len(toks) && toks[i].h == hThat {
		return i // "a group that advocates"
	}
	if i < len(toks) && toks[i].h == hComma {
		i++
	}
	if i < len(toks) && relatives.has(toks[i]) {
		return i
	}
	return -1
}

// relativeThat reports a "that" at k that opens a relative clause, its
// subject, right before the clause's verb: after a noun ("a group that
// advocates", "the poll that shows"), not after a verb or a grammar word,
// where it is a conjunction or a pronoun ("said that suggests", "so
// that").
func relativeThat(text string, toks []token, k int) bool {
	if k == 0 {
		return false
	}
	p := toks[k-1]
	if p.kind != tokWord {
		return false
	}
	return p.upper && k > 1 || nounBefore(text, toks, k) || strings.HasSuffix(word(text, p), "thing")
}

// animate reports whether a noun phrase can name who speaks: it holds a
// name (an entity, or a capitalised word after the sentence's first), a
// pronoun, a person's role or a source noun ("officials", "a report"), or
// a common noun that heads sources in PolNeAR train ("voters", "the ad").
// A learned cue is a report only from such a subject; "the river now
// supports perhaps 5%" is not.
func (d *Detector) animate(text string, toks []token, p np, ents []entity.Entity, sc *scratch) bool {
	s := spanOf(toks, p)
	for _, e := range ents {
		if e.Overlaps(s) && e.Label != entity.Date && e.Label != entity.Number {
			return true
		}
	}
	for _, m := range sc.matches {
		if m.cat == catSource && m.from >= p.from && m.to <= p.to {
			return true
		}
	}
	for i := p.from; i < p.to; i++ {
		t := toks[i]
		if t.upper && i > 0 || pronouns.has(t) || relatives.has(t) || personRoles.has(t) || bodyNouns.has(t) || d.lex.speakers.has(t) {
			return true
		}
		if w := strings.ToLower(word(text, t)); t.kind == tokWord && (cliticPronoun(w) || peopleWord(w)) {
			return true
		}
	}
	return false
}

// thingVerbs have a sense for things as well as for people: a version
// "supports" Python 3 as a candidate "supports" a plan.
var thingVerbs = formsOf("support", "supports", "supported", "supporting")

var (
	hWhich = hashWord("which")
	hIts   = hashWord("its")
	hIt    = hashWord("it")
)

// dropNonReports removes from sc.verbs the verbs whose subject is a
// thing (thingSubject) and the nouns that head a compound
// (d.compoundHead): they are no cues, and their subjects no speakers.
// A loop in place, not slices.DeleteFunc: its closure and calls were
// two thirds of the cost on news, for sentences that mostly drop nothing.
func (d *Detector) dropNonReports(text string, toks []token, ents []entity.Entity, sc *scratch) {
	kept := sc.verbs[:0]
	for i := range sc.verbs {
		if v := &sc.verbs[i]; !d.compoundHead(text, toks, v) && !thingSubject(text, toks, v, ents) {
			kept = append(kept, *v)
		}
	}
	sc.verbs = kept
}

// barePasts are the verbs whose past is their bare form ("the article
// read", "the report put it"), which any singular subject can take.
var barePasts = newWordSet(`read put set cut cast hit let spread quit bid shut`)

// compoundHead reports a one-word cue in a verb's bare form (one whose
// form in -s PolNeAR train also counts in cues: "call", "show") right
// after a singular lower-case common noun (lexicon/nouns.txt): the head
// of a compound noun ("a radio show", "the conference call", "a roll
// call"), as a singular subject would take the verb in -s. A noun that
// heads PolNeAR's sources ("people", "police", "staff") or names a body
// ("the council") can be a plural subject, and is left alone.
func (d *Detector) compoundHead(text string, toks []token, v *verb) bool {
	if v.to != v.from+1 || v.from == 0 || toks[v.from].upper || toks[v.from].finite {
		return false
	}
	p := toks[v.from-1]
	if p.kind != tokWord || p.upper || strings.HasSuffix(word(text, p), "s") || !d.lex.nouns.has(p) || d.lex.speakers.has(p) || bodyNouns.has(p) {
		return false
	}
	w := strings.ToLower(word(text, toks[v.from]))
	if strings.HasSuffix(w, "s") || d.lex.nouns.has(toks[v.from]) || barePasts.has(toks[v.from]) {
		return false
	}
	_, inflected := d.lex.learned[hashWord(w+"s")]
	return inflected
}

// thingSubject reports a verb of thingVerbs whose subject is a thing: a
// plain noun phrase that a determiner opens, with a singular lower-case
// head, that names no person or body (personLike): "the new router
// supports", "a version that supports", "its software supports". The
// subject of a relative clause is its antecedent; a plural or a share
// ("most voters", "6 in 10 white men") is left as it is, being mostly
// people in news.
func thingSubject(text string, toks []token, v *verb, ents []entity.Entity) bool {
	if !thingVerbs.of(toks[v.from]) || passiveStart(text, toks, *v) >= 0 {
		return false // "is supported by a coalition": the agent speaks
	}
	p, rel := subject(text, toks, v.from, v.to)
	if rel && !p.empty() {
		if r := relativeAfter(toks, p.to); r >= 0 && toks[r].h != hThat && toks[r].h != hWhich {
			return false // "who", "whom", "whose": a person's clause
		}
		p.from = max(p.from, antecedentStart(text, toks, p.to))
	}
	if p.to-p.from < 2 || !determiners.has(toks[p.from]) || possessives.has(toks[p.from]) && toks[p.from].h != hIts {
		return false // "his strong support": a person's
	}
	for i := p.from + 1; i < p.to; i++ {
		if toks[i].kind != tokWord || prepositions.has(toks[i]) {
			return false
		}
	}
	head := word(text, toks[p.to-1])
	return !toks[p.to-1].upper && !strings.HasSuffix(head, "s") && !personLike(text, toks, np{from: p.from + 1, to: p.to}, ents)
}

// personLike reports a noun phrase that can name a person or a body of
// people: a name (an entity, or a capitalised word after the sentence's
// first), a pronoun, a person's role, a body ("the council") or a
// plural for people ("voters"). Unlike animate it takes no
// source noun and no head of PolNeAR's sources, which name documents
// and things too ("the release", "a version of the bill").
func personLike(text string, toks []token, p np, ents []entity.Entity) bool {
	s := spanOf(toks, p)
	for _, e := range ents {
		if e.Overlaps(s) && e.Label != entity.Date && e.Label != entity.Number {
			return true
		}
	}
	for i := p.from; i < p.to; i++ {
		t := toks[i]
		if t.upper && i > 0 || pronouns.has(t) || relatives.has(t) || personRoles.has(t) || bodyNouns.has(t) {
			return true
		}
		if w := strings.ToLower(word(text, t)); t.kind == tokWord && (cliticPronoun(w) || peopleWord(w)) {
			return true
		}
	}
	return false
}

// countedObject reports a number right after a verb ending at i, or after
// one adverb ("supports perhaps 5%").
func countedObject(text string, toks []token, i int) bool {
	if i < len(toks) && !isNumber(text, toks, i) && i+1 < len(toks) && (lyAdverb(text, toks[i]) || leadAdverbs.has(toks[i])) {
		i++
	}
	return i < len(toks) && isNumber(text, toks, i)
}

// labelLine reports a cue that is a common noun and ends its sentence
// right before a colon: a label over a list or a quote ("Key points:",
// "Main findings:"). The noun is one of lexicon/nouns.txt, or a word in -s
// that the silver tags do not call finite (lexicon/verbs.txt) right after
// the line's first word: "Main claims:", not "Okafor explains:". Unless
// its words name someone ("Okafor notes:"), no one speaks.
func (d *Detector) labelLine(text string, toks []token, v verb) bool {
	if v.to != v.from+1 || v.to != len(toks)-1 || toks[v.to].h != hColon {
		return false
	}
	t := toks[v.from]
	return d.lex.nouns.has(t) || v.from == 1 && !t.finite && !t.upper && strings.HasSuffix(word(text, t), "s")
}

// cliticPronoun reports a pronoun with a clitic ("he's", "they've").
func cliticPronoun(w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	i := strings.IndexByte(w, '\'')
	return i > 0 && pronouns.has(token{h: hashWord(w[:i])})
}

// peopleEndings end plural nouns for kinds of people ("demonstrators",
// "environmentalists", "residents", "veterans").
var peopleEndings = []string{"ers", "ors", "ists", "ians", "ants", "ents"}

// peopleWord reports a plural noun for people by its ending.
func peopleWord(w string) bool {
	for _, e := range peopleEndings {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

func spanOf(toks []token, p np) span.Span {
	return span.Span{Start: toks[p.from].Start, End: toks[p.to-1].End}
}

// describeSource marks a vague source, resolves a pronoun source and
// remembers the speaker.
func (d *Detector) describeSource(text string, src *Source, toks []token, p np, ents []entity.Entity, sc *scratch) {
	if p.to-p.from == 1 && contractions.has(toks[p.from]) && src.Span == toks[p.from].Span {
		// "He’s given airtime ...": the source is the pronoun, not its
		// auxiliary.
		src.End = src.Start + strings.IndexAny(text[src.Start:src.End], "'’")
		if h := hashWord(text[src.Start:src.End]); resolvable.has(token{h: h}) {
			src.Resolved = resolve(h, src.Start, sc)
		}
		return
	}
	if p.to-p.from == 1 && resolvable.has(toks[p.from]) {
		src.Resolved = resolve(toks[p.from].h, src.Start, sc)
		return
	}
	if h, ok := possessivePronoun[toks[p.from].h]; ok && p.to-p.from == 1 {
		src.Resolved = resolve(h, src.Start, sc) // "his claim that": he
		return
	}
	if p.to-p.from == 1 && selfPronouns.has(toks[p.from]) {
		return // "I", "we": the writer or a quote's speaker, never what a later "he" stands for
	}
	if p.to-p.from == 2 && toks[p.from].h == hThe && bodyNouns.has(toks[p.from+1]) {
		src.Resolved = bodyOrg(text, toks[p.from+1], ents, src.Start, sc)
	}
	var head, plural, named, person bool
	for _, m := range sc.matches {
		if m.cat == catSource && m.from >= p.from && m.to <= p.to {
			head = true
			w := toks[m.to-1]
			plural = plural || text[w.End-1] == 's'
		}
	}
	for i := p.from; i < p.to; i++ {
		if personRoles.has(toks[i]) {
			person = true
		}
		if toks[i].upper && i > 0 && !coveredBy(ents, toks[i].Span, entity.Group, entity.Place, entity.Date) {
			named = true
		}
	}
	allUpper := !articles.has(toks[p.from])
	for i := p.from; i < p.to; i++ {
		allUpper = allUpper && toks[i].upper
	}
	var place bool
	for _, e := range ents {
		if e.Overlaps(src.Span) {
			switch e.Label {
			case entity.Person:
				named, person = true, true
			case entity.Org, entity.Place:
				named, place = true, true
			}
		}
	}
	// Without entity tags, a capitalised name alone ("Jane Okoro") is
	// taken for a person.
	person = person || allUpper && !head && !place
	// A plural for kinds of people ("supporters", "his opponents") names
	// no one, unless "the" points back to those named before ("The
	// traders"); nor does a share of any group ("Some Republicans", "Many
	// of his supporters", "Too many").
	// Capitalised, it opens the sentence ("Opponents say"), when PolNeAR
	// train's sources have it as a common noun; else it may be a name
	// ("Sanders").
	if last := toks[p.to-1]; last.kind == tokWord && (!last.upper || p.to == 1 && d.lex.speakers.has(last)) && peopleWord(strings.ToLower(word(text, last))) && !definite.has(toks[p.from]) {
		head, plural = true, true
	}
	quantified := quantifiers.has(toks[p.from]) || p.to-p.from > 1 && toks[p.from].h == hToo && quantifiers.has(toks[p.from+1])
	src.Vague = head && !named || quantified
	// What "it" and "they" may stand for later: "they" a plural or a
	// body that is no person, "it" no person and no plural.
	plural = plural || pluralPhrase(text, toks, p)
	body := (place || bodyNouns.has(toks[p.to-1])) && !person
	sc.speakers = append(sc.speakers, speaker{Span: spanOf(toks, p), person: person, plural: plural, body: body})
}

// coveredBy reports whether an entity with one of labels covers s.
func coveredBy(ents []entity.Entity, s span.Span, labels ...entity.Label) bool {
	for _, e := range ents {
		if e.Covers(s) {
			for _, l := range labels {
				if e.Label == l {
					return true
				}
			}
		}
	}
	return false
}

// remention makes an earlier speaker that opens sentence s, and is not its
// source, the latest speaker again: in "The trust wants the weir removed.
// It has raised £1.4 million towards the £2.1 million it says the work
// would cost." the "it" is the trust, not a speaker named before it.
func (sc *scratch) remention(text string, s span.Span) {
	n := len(sc.speakers)
	if n > 0 && sc.speakers[n-1].Start >= s.Start {
		return
	}
	// Each speaker is read in place, not copied, and the sentence's
	// first byte read once: this runs for every sentence, over up to
	// maxSpeakers speakers.
	first := text[s.Start]
	for i := n - 1; i >= max(0, n-maxSpeakers); i-- {
		sp := &sc.speakers[i]
		end := s.Start + sp.Len()
		if end > s.End || !sp.Empty() && differASCII(first, text[sp.Start]) || !strings.EqualFold(text[s.Start:end], text[sp.Start:sp.End]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[end:s.End]); end < s.End && isWordRune(r) {
			continue
		}
		again := *sp
		again.Span = span.Span{Start: s.Start, End: end}
		sc.speakers = append(sc.speakers, again)
		return
	}
}

// irregularPlurals head plural noun phrases without an -s.
var irregularPlurals = newWordSet("people police men women children")

// pluralPhrase reports a noun phrase whose head, its last word, is a
// plural: a lower-case word in -s, not -ss, -us or -is ("voters", "the
// endorsements"; not "press", "status", "analysis"), or in -men
// for people (menPlural), an irregular plural, or a capitalised word in
// -s after a quantifier or "the" ("some Republicans", "the Dodgers";
// "Sanders" alone is a name).
func pluralPhrase(text string, toks []token, p np) bool {
	t := toks[p.to-1]
	w := word(text, t)
	if t.kind != tokWord || len(w) < 3 {
		return false
	}
	if t.upper {
		return p.to-p.from > 1 && (quantifiers.has(toks[p.from]) || toks[p.from].h == hThe) && w[len(w)-1] == 's'
	}
	if irregularPlurals.has(t) || menPlural(w) {
		return true
	}
	c := w[len(w)-2]
	return w[len(w)-1] == 's' && c != 's' && c != 'u' && c != 'i'
}

// menPlural reports a plural of a compound in -man ("fishermen",
// "spokeswomen", "gunmen"): "men" after a consonant or an e, which
// leaves out the Latin and Greek words in -men ("specimen", "abdomen",
// "regimen", "acumen", "stamen").
func menPlural(w string) bool {
	if w == "men" || strings.HasSuffix(w, "women") {
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "men") {
		return false
	}
	return !strings.ContainsRune("aiou", rune(w[len(w)-4]))
}

// differASCII reports two first bytes of strings that EqualFold cannot
// match: both ASCII and different in any case. A wide first rune may fold
// to an ASCII one (the Kelvin sign to "k"), so it goes to EqualFold.
func differASCII(a, b byte) bool {
	return a < utf8.RuneSelf && b < utf8.RuneSelf && lowerASCII(a) != lowerASCII(b)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// resolve finds what a pronoun source at offset at refers to: for "he" and
// "she" the last person-like speaker or PERSON entity, for "they" the last
// plural or non-person speaker, for "it" the last non-person speaker.
func resolve(h uint64, at int, sc *scratch) span.Span {
	last := func(fits func(speaker) bool) span.Span {
		for i := len(sc.speakers) - 1; i >= max(0, len(sc.speakers)-maxSpeakers); i-- {
			if sp := sc.speakers[i]; sp.Start < at && fits(sp) {
				return sp.Span
			}
		}
		return span.Span{}
	}
	var best span.Span
	switch h {
	case hHe, hShe:
		if best = last(func(sp speaker) bool { return sp.person }); best.Empty() {
			best = last(func(sp speaker) bool { return !sp.plural })
		}
	case hThey:
		best = last(func(sp speaker) bool { return sp.plural || sp.body })
	default:
		best = last(func(sp speaker) bool { return !sp.person && !sp.plural })
	}
	if (h == hHe || h == hShe) && !sc.lastPerson.Empty() && sc.lastPerson.Start > best.Start && sc.lastPerson.End <= at {
		best = sc.lastPerson
	}
	return best
}

// passiveStart returns the index of the "be" that makes the verb v
// passive ("it was reported"), or -1.
func passiveStart(text string, toks []token, v verb) int {
	if ingWord(text, toks[v.from]) || adjectiveCue(text, toks, v) {
		// "is calling for": progressive, not passive; "is eager to", "was
		// critical of": an adjective, whose subject holds the view.
		return -1
	}
	return beBefore(text, toks, v.from)
}

// adjectiveCue reports a cue that reads as an adjective after "be" or a
// linking verb: a word that is neither a participle nor in -ing, however
// seldom PolNeAR counts it in a cue ("was not optimistic about", "seemed
// angry about"), or a view adjective by the counts. The participle of a
// feeling is one only where the counts stand for it: below minCueRatio
// ("were scared of") such participles were off gold 15 times in 26 on
// PolNeAR train.
func adjectiveCue(text string, toks []token, v verb) bool {
	w := toks[v.from]
	return !ingWord(text, w) && !participleShaped(text, w) || viewAdjective(text, toks, v)
}

// viewAdjective reports a cue that is no participle, or the participle of
// a feeling, and that PolNeAR train counts as a cue often enough to stand
// for one: after "be" it is an adjective of a view ("eager", "critical",
// "skeptical", "worried"). The tagger's guesses ("less", "full") do not
// count.
func viewAdjective(text string, toks []token, v verb) bool {
	return v.weight >= minCueRatio && (!participleShaped(text, toks[v.from]) || feelings.has(toks[v.from]))
}

// feelings are the participles of the verbs whose object feels ("the
// result worried them"): after "be" they are adjectives whose subject
// holds the feeling ("voters are worried about", "he is convinced that"),
// not passives that hide who acted.
var feelings = newWordSet(`convinced unconvinced concerned worried scared terrified pleased
	disappointed frustrated surprised shocked impressed satisfied interested determined inclined
	confused alarmed troubled offended outraged thrilled excited delighted upset`)

// adjectiveAfterBe reports a view adjective after a form of "be": "was
// critical of", "it is unclear".
func adjectiveAfterBe(text string, toks []token, v verb) bool {
	return !ingWord(text, toks[v.from]) && viewAdjective(text, toks, v) && beBefore(text, toks, v.from) >= 0
}

// beBefore returns the index of the form of "be" before the word at v,
// past adverbs ("was first reported", "is not always"), or -1.
func beBefore(text string, toks []token, v int) int {
	k := v - 1
	for k >= 0 && (lyAdverb(text, toks[k]) || toks[k].h == hNot || toks[k].h == hAlso || passiveAdverbs.has(toks[k]) || midAdverbs.has(toks[k])) {
		k--
	}
	if k >= 0 && beForms.has(toks[k]) {
		return k
	}
	// "was praised and endorsed by": a participle with an agent joined to a
	// passive one ("was asked and said" is no passive).
	if k > 1 && (toks[k].h == hAnd || toks[k].h == hOr) && isBy(toks, v+1) && participleShaped(text, toks[k-1]) && !toks[k-1].upper {
		return beBefore(text, toks, k-1)
	}
	return -1
}

// expletives stand as the subject of "be" and an adjective without naming
// anyone: "it is unclear", "this is certain", "there is little".
var expletives = newWordSet("it this that there")

// participleShaped reports a word that can be a past participle: one in
// -ed, -en, -wn or -ne ("reported", "written", "shown", "done"), or one
// the silver tags mostly call a finite verb, which takes in the irregular
// pasts ("told", "said", "thought"). Adjectives ("eager", "critical",
// "skeptical") are neither.
func participleShaped(text string, t token) bool {
	w := word(text, t)
	if len(w) < 3 {
		return t.finite
	}
	switch w[len(w)-2:] {
	case "ed", "en", "wn", "ne":
		return true
	}
	return t.finite || irregularParticiples.has(t)
}

// irregularParticiplesList holds the past participles without a
// participle's ending that PolNeAR train's silver tags mostly call VBN (go
// run ./model/claim/polnear -participles).
//
//go:embed lexicon/participles.txt
var irregularParticiplesList string

// irregularParticiples are participles that are neither read by their
// ending nor finite verbs: "is understood to", "was held by".
var irregularParticiples = newWordSet(stripComments(irregularParticiplesList))

// definite determiners point back to what the text has named.
var definite = newWordSet("the these those")

// midAdverbs stand between a subject and its verb without an -ly: "my
// father often told", "which together vowed", "was not always so loved".
var midAdverbs = newWordSet("often always sometimes together")

// loneAdverbs are adverbs of degree and frequency, which never stand
// alone for a speaker: "went so far as to say", "as well solidify",
// "said little", "said simply".
var loneAdverbs = newWordSet(`far well much little seldom rarely usually simply merely only
	often always sometimes never also just still even again`)

// passiveAdverbs may stand between a form of "be" and its participle
// without an -ly: "was first reported by", "has been repeatedly denied",
// and so may a floated quantifier: "were both named", "were all told".
var passiveAdverbs = newWordSet(`first later previously repeatedly once again recently already
	never initially all both each`)

var (
	hAlso = hashWord("also")
	hOf   = hashWord("of")
)

// content reports whether a phrase has a word other than function words.
func content(toks []token, p np) bool {
	for i := p.from; i < p.to; i++ {
		t := toks[i]
		if t.kind == tokPunct {
			continue
		}
		if !articles.has(t) && !determiners.has(t) && !prepositions.has(t) && !auxiliaries.has(t) && !clauseStops.has(t) || pronouns.has(t) {
			return true
		}
	}
	return false
}

// phraseBack returns the start of the noun phrase that ends at end: the
// words before it back to punctuation or a clause word.
func phraseBack(toks []token, end int) int {
	j := end - 1
	for j >= 0 && toks[j].kind != tokPunct && !clauseStops.has(toks[j]) {
		if (toks[j].h == hAnd || toks[j].h == hOr) && j == end-1 {
			break
		}
		j--
	}
	return j + 1
}

// finish trims a noun phrase and checks it can name a speaker. A phrase
// with a wh-word in it is an embedded question or a headline ("What the
// farmers say", "why officials say"), not a speaker.
func finish(toks []token, p np) np {
	for p.from < p.to && leadAdverbs.has(toks[p.from]) {
		p.from++
	}
	if p.to-p.from > 1 && thingPronouns.has(toks[p.from]) && !prepositions.has(toks[p.from+1]) {
		p.from++
	}
	if p.to-p.from > maxSubject {
		p.to = headEnd(toks, p)
	}
	if p.to-p.from == 1 && (quantifiers.has(toks[p.from]) || backQuantifiers.has(toks[p.from]) || toks[p.from].h == hAnother && p.to < len(toks) && (toks[p.to].finite || finiteAux.has(toks[p.to]))) {
		return p // "Some say", "Several said": vague, but someone speaks
	}
	if p.to-p.from > maxSubject || !content(toks, p) {
		return np{}
	}
	if approximate(toks, p.from) {
		return p // "About 9 percent said", "Over half say": a share of those asked
	}
	if prepositions.has(toks[p.from]) || toks[p.from].h == hAccording {
		return np{} // an opening phrase ("In a statement", "According to X"), not a speaker
	}
	if p.to-p.from == 1 && (placeholders.has(toks[p.from]) || loneAdverbs.has(toks[p.from]) && !toks[p.from].upper) {
		return np{} // "there were two words", "here is", "went so far as to say": no one
	}
	if finiteAux.has(toks[p.from]) || toks[p.from].finite {
		return np{} // a verb ("can be", "stopped", "said in a phone"), not a speaker
	}
	for i := p.from; i < p.to; i++ {
		if whWords.has(toks[i]) {
			return np{}
		}
	}
	return p
}

// beforeVerb cuts the words toks[from:end], which end in the "to" of
// an infinitive ("European leaders gathered Friday to"), before their
// first verb, a finite one or a lower-case past in -ed; with none, no
// noun phrase ends in "to", and it returns from, from.
func beforeVerb(text string, toks []token, from, end int) int {
	for i := from + 1; i < end; i++ {
		if t := toks[i]; t.finite || lowerPast(text, t) {
			return i
		}
	}
	return from
}

// lowerPast reports whether t is a lower-case word in -ed, a verb's past
// or a participle ("signaled", "gathered", "shared").
func lowerPast(text string, t token) bool {
	return t.kind == tokWord && !t.upper && strings.HasSuffix(word(text, t), "ed")
}

// participleSpeaker is the speaker of a verb whose subject came out as a
// lone participle p: a participle or an adjective heads no noun phrase,
// so the speaker is the subject of the clause the participle belongs to:
// the sentence's ("he was back to boasting ..., while taking slams"), or,
// for one that opens the sentence, the main clause's after it ("Having
// announced that ..., Judge Berman proceeded").
func participleSpeaker(toks []token, p np) np {
	if p.from > 0 {
		return sentenceSubject(toks, p.from)
	}
	for c := p.to; c < len(toks); c++ {
		if toks[c].h == hComma {
			return subjectFrom(toks, c+1, len(toks))
		}
	}
	return np{}
}

// loneParticiple reports a word in -ing standing alone where a subject
// would: a participle or an adjective ("scathing", "taking"), but not an
// indefinite pronoun ("nothing"). A capital may start a name ("Beijing",
// "Nothing"), so opening the sentence only the auxiliaries count
// ("Having said that", "Being asked").
func loneParticiple(text string, toks []token, i int) bool {
	t := toks[i]
	if t.upper {
		return i == 0 && participleAuxiliaries.has(t)
	}
	// After a determiner it is a noun: "that lobbying", "the polling".
	return ingWord(text, t) && !thingWord(text, t) && !prevIs(toks, i, determiners) && !(i > 0 && toks[i-1].h == hThat)
}

// participleClause returns the index of the participle that opens p,
// past an adverb in -ly, with its object or its preposition after it
// ("speaking at a rally", "falsely claiming he", "calling on attendees
// to"), or -1. Such a phrase is a clause, whose speaker is the subject of
// the clause it belongs to, not a noun phrase ("Leading Democrats",
// "leading economists").
func participleClause(text string, toks []token, p np) int {
	i := p.from
	if i+1 >= p.to || toks[i].upper {
		return -1 // one word, or a capital, which opens a name or the sentence ("Leading Democrats")
	}
	if i+2 < p.to && lyAdverb(text, toks[i]) {
		i++
	}
	if i+1 >= p.to || !ingWord(text, toks[i]) || thingWord(text, toks[i]) || prevIs(toks, p.from, determiners) {
		return -1
	}
	if n := toks[i+1]; prepositions.has(n) || articles.has(n) || determiners.has(n) || pronouns.has(n) || n.h == hThat {
		return i
	}
	return -1
}

// participleAuxiliaries open a perfect or passive participle clause.
var participleAuxiliaries = newWordSet("having being")

// quantifiers may stand alone for the people who speak: "Some say",
// "Many believe", "Several said".
var quantifiers = newWordSet("some many several most few others")

// backQuantifiers stand alone for people named before: "Both said",
// "Neither wanted". They name someone, so they are not vague.
var backQuantifiers = newWordSet("both neither none each")

// hAnother stands alone for one more of those named before when a finite
// verb follows it ("..., another says"); before a noun it is that noun's
// ("another critic of the deal").
var hAnother = hashWord("another")

// approximators are the prepositions that also round a number: "About 4 in
// 10 say", "Over half said".
var approximators = newWordSet("about around over under")

// approximate reports a rounding preposition before a number at i, or
// before a share ("About half of the tenants say", "over a third").
func approximate(toks []token, i int) bool {
	if i+1 >= len(toks) || !approximators.has(toks[i]) {
		return false
	}
	n := toks[i+1]
	if articles.has(n) && i+2 < len(toks) {
		n = toks[i+2]
	}
	return n.kind == tokNum || numberWords.has(n) || shares.has(n)
}

// shares are the words of a part of a whole that a number may stand for.
var shares = newWordSet("half third quarter fifth majority")

// placeholders stand where a subject would and name no one.
var placeholders = newWordSet("there here")

// headEnd returns where the head of a long noun phrase ends: before its
// first preposition ("The average of polls taken over the past two
// weeks" is the average's), or p.to when it has none.
func headEnd(toks []token, p np) int {
	for i := p.from + 1; i < p.to; i++ {
		if prepositions.has(toks[i]) {
			return i
		}
	}
	return p.to
}

// ownClause returns where the subject of a verb starts in the words
// toks[start:end] before it, when they run on from an earlier clause with
// no "that" between: a lower-case subject pronoun right before the verb
// stands alone ("the £2.1 million it says"), and so does a phrase after an
// amount that starts with an article ("£2 million the trust says") or
// after an article and its noun ("a claim the board has repeated": a
// relative clause without its "that", whose subject speaks, not the noun
// it describes).
func ownClause(text string, toks []token, start, end int) int {
	if k := end - 1; k > start && pronouns.has(toks[k]) && !toks[k].upper &&
		!prepositions.has(toks[k-1]) && !ingWord(text, toks[k-1]) {
		return k
	}
	for i := start; i < end-1; i++ {
		if e, ok := statNumber(text, toks, i); ok && e < end && e > start && articles.has(toks[e]) {
			start = e
		}
	}
	for i := end - 2; i > start+1; i-- {
		if articles.has(toks[i]) && articles.has(toks[i-2]) && nounBefore(text, toks, i) && !hasFinite(toks, i, end) &&
			!timePhrase(toks, np{from: i, to: end}) { // "sent a letter this week urging
			return i
		}
	}
	return start
}

// nounBefore reports a lower-case word before toks[i] that can be a
// noun after an article: no function word, wh-word, verb or participle.
func nounBefore(text string, toks []token, i int) bool {
	t := toks[i-1]
	return t.kind == tokWord && !t.upper && !t.finite && !ingWord(text, t) && content(toks, np{from: i - 1, to: i}) &&
		!determiners.has(t) && !beForms.has(t) && !whWords.has(t)
}

// hasFinite reports a finite verb among toks[from:to].
func hasFinite(toks []token, from, to int) bool {
	for _, t := range toks[from:to] {
		if t.finite {
			return true
		}
	}
	return false
}

// phraseAfter returns the noun phrase that starts at i and runs to the next
// punctuation or clause word ("according to Financial Times, ...").
func phraseAfter(text string, toks []token, i int) np {
	j := i
	for j < len(toks) && toks[j].kind != tokPunct && !clauseStops.has(toks[j]) {
		j++
	}
	return finish(toks, np{from: i, to: j})
}

// maxAccording is the longest phrase after "according to" kept whole.
const maxAccording = 24

// accordingPhrase returns the phrase after "according to" at i: its
// commas and stops bound it, so a long one ("a study last year by
// economists at two universities") keeps its words up to maxAccording,
// where a subject before a verb would be cut at its head.
func accordingPhrase(text string, toks []token, i int) np {
	p := phraseAfter(text, toks, i)
	j := p.to
	for j < len(toks) && toks[j].kind != tokPunct && !clauseStops.has(toks[j]) {
		j++
	}
	if !p.empty() && j-p.from <= maxAccording {
		p.to = j
	}
	return p
}

// agentBy returns the index of the "by" of a passive's agent after the
// participle ending at i: right after it, or after a second participle
// joined to it ("was praised and endorsed by"); -1 when there is none.
func agentBy(text string, toks []token, i int) int {
	if isBy(toks, i) {
		return i
	}
	if joinedPassive(text, toks, i) {
		return i + 2
	}
	// "has been called a charlatan by fellow physicians", "called to
	// service by the governor": a short complement between.
	for k := i; k < len(toks) && k < i+maxAgentGap; k++ {
		t := toks[k]
		if t.kind == tokPunct || t.finite || finiteAux.has(t) || clauseStops.has(t) {
			return -1
		}
		if isBy(toks, k+1) {
			return k + 1
		}
	}
	return -1
}

// byAgent is the agent of a sentence's passive and its verb's index (-1:
// none).
type byAgent struct {
	np
	verb int
}

// reducedAgent returns the agent of a participle in -ed or -en that
// modifies the noun before it, with no "be" ("the fine imposed by the
// board was", "a tactic condemned by civil rights groups"), or after a
// comma ("The rules, first approved by the council, ban"): a finite
// verb elsewhere in the sentence must be the clause's, so that "The
// council voted by a wide margin" keeps its subject.
func reducedAgent(text string, toks []token, v verb) np {
	i := v.from
	w := word(text, toks[i])
	if v.to != i+1 || i == 0 || toks[i].upper || !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) || !isBy(toks, v.to) {
		return np{}
	}
	k := i - 1
	for k > 0 && (lyAdverb(text, toks[k]) || passiveAdverbs.has(toks[k])) {
		k--
	}
	if toks[k].h != hComma && !nounBefore(text, toks, k+1) {
		return np{}
	}
	agent := agentAfter(text, toks, v.to+1)
	a := agent.from
	for a < agent.to && lyAdverb(text, toks[a]) {
		a++
	}
	if agent.empty() || a == agent.to || ingWord(text, toks[a]) {
		return np{} // "responded by abruptly blocking": a manner
	}
	// The agent ends at the clause's verb ("by the board was") and before
	// what it was made to do ("pressed by the moderator to release").
	for j := agent.from + 1; j < agent.to; j++ {
		if verbLike(toks[j]) || toks[j].h == hTo || reducedAgentEnds.has(toks[j]) {
			return finish(toks, np{from: agent.from, to: j})
		}
	}
	if !hasFinite(toks, 0, k) && !hasFinite(toks, agent.to, len(toks)) {
		return np{}
	}
	return agent
}

// reducedAgentEnds end the agent of a participle that modifies a noun:
// "sued by the NAACP for targeting", "accused by the government of
// plotting". Of a passive with "be" they may name it ("the Department
// of Energy"), which agentEnds leaves to it.
var reducedAgentEnds = newWordSet("for")

// verbEndsAt reports a reporting verb that ends right before token i.
func verbEndsAt(verbs []verb, i int) bool {
	for _, v := range verbs {
		if v.to == i {
			return true
		}
	}
	return false
}

// verbAt reports a reporting verb starting at i.
func verbAt(verbs []verb, i int) bool {
	for _, v := range verbs {
		if v.from == i {
			return true
		}
	}
	return false
}

// verbLike reports a finite verb, an auxiliary or a form of "be".
func verbLike(t token) bool { return t.finite || finiteAux.has(t) || beForms.has(t) }

// maxAgentGap is the most words between a passive's participle and the
// "by" of its agent.
const maxAgentGap = 3

// joinedPassive reports "and" or "or" at k, then a lower-case participle
// and its "by": a second passive with its own agent ("and mocked by").
func joinedPassive(text string, toks []token, k int) bool {
	return k+2 < len(toks) && (toks[k].h == hAnd || toks[k].h == hOr) && !toks[k+1].upper && participleShaped(text, toks[k+1]) && toks[k+2].h == hBy
}

// isBy reports whether toks[i] is "by".
func isBy(toks []token, i int) bool { return i < len(toks) && toks[i].h == hBy }

// agentAfter returns the agent of a passive that starts at i, after its
// "by": the phrase there, up to a second passive joined to it ("criticised
// by pilots and mocked by traders" is the pilots').
func agentAfter(text string, toks []token, i int) np {
	p := phraseAfter(text, toks, i)
	for k := p.from + 1; k+2 < p.to; k++ {
		if joinedPassive(text, toks, k) {
			return finish(toks, np{from: p.from, to: k})
		}
	}
	// "was passed by Congress with wide support": the agent ends before
	// a phrase that says how or when, not who.
	for k := p.from + 1; k < p.to; k++ {
		if agentEnds.has(toks[k]) {
			return finish(toks, np{from: p.from, to: k})
		}
	}
	return p
}

// agentEnds are the prepositions that end a passive's agent: "of" and
// "for" may name it ("the Department of Energy").
var agentEnds = newWordSet("with in on at during after before since over amid")

// inverted returns the speaker named after the verb ending at i
// ("..., said a Chinese official."), which must run to punctuation.
func inverted(text string, toks []token, i int) np {
	if i >= len(toks) || toks[i].kind == tokPunct || toks[i].h == hThat || toks[i].h == hTo || prepositions.has(toks[i]) || clauseStops.has(toks[i]) || objectPronouns.has(toks[i]) {
		return np{}
	}
	p := phraseAfter(text, toks, i)
	// The speaker runs to punctuation or to a relative clause about it
	// ("..., said a strategist who spoke on condition of anonymity").
	if p.empty() || p.to < len(toks) && toks[p.to].kind != tokPunct && !relatives.has(toks[p.to]) || p.to-p.from > 8 {
		return np{}
	}
	if clauseSubjectEnd(toks, p.from-1, p.to) < p.to || p.to-p.from > 1 && subjectPronouns.has(toks[p.from]) {
		return np{} // "..., said the report was wrong", "said she appreciates it": a clause, not a speaker
	}
	if timePhrase(toks, p) || timeNames.has(toks[p.from]) {
		return np{} // "..., McConnell said Tuesday.", "called Friday for": when, not who
	}
	return p
}

// dayNames are the days of the week, which are written capitalised.
const dayNames = "monday tuesday wednesday thursday friday saturday sunday"

// timeNames are the words of a time phrase after a verb ("said Tuesday",
// "said last week", "said Friday night").
var timeNames = newWordSet(dayNames + ` today
	yesterday tonight tomorrow last next this week weekend month year morning afternoon
	evening night earlier later recently`)

// timePhrase reports a phrase of time words and months, with numbers
// among them ("Sept. 12").
func timePhrase(toks []token, p np) bool {
	words := 0
	for i := p.from; i < p.to; i++ {
		t := toks[i]
		switch {
		case timeNames.has(t) || months.has(t):
			words++
		case t.kind != tokNum && t.kind != tokNameDot:
			return false
		}
	}
	return words > 0
}

// timeModifiers narrow a time phrase: "just this month", "only last week".
var timeModifiers = newWordSet("just only")

// withoutTime drops the time phrase that ends a speaker's phrase ("The
// minister on Friday said", "Officials last week warned"): it says when,
// not who. On PolNeAR's train split a time phrase between a gold source
// and its cue is outside the source 49 times, inside it 15, mostly after a
// participle ("a poll released last week"), where it stays. Its words
// other than days and months are in lower case, so a name ("Last Week
// Tonight") keeps its words.
func withoutTime(text string, toks []token, p np) np {
	for k := p.from + 1; k < p.to; k++ {
		t := k
		if prepositions.has(toks[t]) {
			t++ // "on Friday", "in April"
		}
		if t < p.to && lowerTimePhrase(toks, t, p.to) {
			if participleShaped(text, toks[k-1]) {
				return p
			}
			if k-1 > p.from && timeModifiers.has(toks[k-1]) {
				k-- // "just this month"
			}
			return np{from: p.from, to: k}
		}
	}
	return p
}

// lowerTime reports that toks[from:to] write their time words other than
// days and months in lower case.
func lowerTime(toks []token, from, to int) bool {
	for i := from; i < to; i++ {
		if toks[i].upper && timeNames.has(toks[i]) && !weekdays.has(toks[i]) {
			return false
		}
	}
	return true
}

// lowerTimePhrase reports that toks[from:to] are a time phrase
// (timePhrase) whose time words are written in lower case (lowerTime):
// "last month", not "Last Week Tonight".
func lowerTimePhrase(toks []token, from, to int) bool {
	return lowerTime(toks, from, to) && timePhrase(toks, np{from: from, to: to})
}

var weekdays = newWordSet(dayNames)

// subject finds the speaker of the reporting verb at toks[v]: the noun
// phrase before it, skipping auxiliaries, adverbs, relative clauses and
// dashed asides, or the one after it when the order is inverted. relative
// reports a verb inside a relative clause, whose speaker is the clause's
// antecedent ("China, which claimed ...").
func subject(text string, toks []token, v, vEnd int) (p np, relative bool) {
	if v > 0 && owner(text, toks[v-1]) {
		return possessor(toks, v-1), false // "Trump’s claim that ...", "the council's plan"
	}
	if v > 0 && gerundPrepositions.has(toks[v-1]) && ingWord(text, toks[v]) {
		// "responded by saying", "aside from saying": a gerund's speaker
		// is the clause's subject, never the words before the preposition
		// ("She followed that by saying", "After saying ..., Trump left").
		return participleSpeaker(toks, np{from: v - 1, to: v}), false
	}
	j := v - 1
	if infinitive(text, toks, v) && j > 1 && toks[j-1].kind == tokWord && !toks[j-1].upper && !articles.has(toks[j-2]) && !prepositions.has(toks[j-2]) {
		// "Sanders plans to endorse", "is expected to declare": the
		// speaker is the subject of the verb that takes the infinitive.
		// After an article or a preposition the word is a noun ("sailed
		// past the breakwater to explain"), and stays for beforeVerb.
		j -= 2
	}
	// A capitalised auxiliary after the sentence's first word is a name's
	// ("Theresa May said").
	for j >= 0 && toks[j].kind != tokPunct && (auxiliaries.has(toks[j]) && !(toks[j].upper && j > 0) || lyAdverb(text, toks[j]) || midAdverbs.has(toks[j])) {
		j--
	}
	end := j + 1
	for n := range len(toks) {
		if start := phraseBack(toks, end); start < end {
			// The words before the verb and its auxiliaries, first read.
			if n == 0 && dummyIt(toks[start]) {
				if p, ok := extraposedSubject(text, toks, start, v); ok {
					return p, false // "It is doubtful Clinton imagined": Clinton's
				}
			}
			// "..., with Fox News calling the race": the noun after "with"
			// is the subject of its participle.
			if toks[start].h == hWith && start+1 < end && end == v && ingWord(text, toks[v]) {
				return finish(toks, np{from: start + 1, to: end}), false
			}
			// "who in 2010 said": a short phrase of time or place between
			// the subject and its verb is no speaker.
			if start > 0 && end-start <= maxAdverbial && prepositions.has(toks[start]) && !isPunct(toks, start-1) {
				end = start
				continue
			}
			// "Rep. Brad Sherman (D-Calif.) last month joked": a time
			// phrase after a name's tag or aside says when; the speaker
			// stands before it.
			if start > 0 && isPunct(toks, start-1) && (end-start > 1 || weekdays.has(toks[start])) && lowerTimePhrase(toks, start, end) {
				end = start
				continue
			}
			// "Schiff, 56, who ...": an age before an aside is the name's.
			if p := (np{from: start, to: end}); allNumbers(toks, p) && start > 1 && toks[start-1].h == hComma {
				end = start - 1
				continue
			}
			// "One of the docs who sent the letter called": a relative
			// clause inside the subject speaks for its antecedent.
			if a := start - 1; a > 0 && toks[start].finite && (relatives.has(toks[a]) || toks[a].h == hThat) && !isPunct(toks, a-1) {
				return finish(toks, np{from: antecedentStart(text, toks, a), to: a}), false
			}
			from := afterWh(toks, ownClause(text, toks, start, end), end)
			if afterCommaParticiple(text, toks, from) {
				return np{}, false // "..., saying it shows": a participle's clause, not a speaker
			}
			if toks[end-1].h == hTo {
				end = beforeVerb(text, toks, from, end)
			}
			return finish(toks, np{from: from, to: participleStart(text, toks, from, pastAfterName(text, toks, from, clauseSubjectEnd(toks, from, end)))}), false
		}
		k := end - 1
		if k < 0 {
			return np{}, false
		}
		t := toks[k]
		switch {
		case relatives.has(t) && k >= 2 && toks[k-1].h == hOf && toks[k-2].kind != tokPunct:
			// "members of victims, many of whom say": the share is the
			// subject, as the scorer's gold and a reader name it.
			return np{from: k - 2, to: k + 1}, true
		case relatives.has(t):
			a := k
			if isPunct(toks, a-1) && toks[a-1].h == hComma {
				a--
			}
			if k == 0 {
				return np{from: 0, to: 1}, true // a clause cut from its antecedent: "who said ..."
			}
			return finish(toks, np{from: antecedentFrom(text, toks, a, t.h == hWho), to: a}), true
		case t.h == hThat && relativeThat(text, toks, k):
			return finish(toks, np{from: antecedentStart(text, toks, k), to: k}), true
		case t.h == hAnd || t.h == hOr:
			return segmentSubject(toks, k), false
		case t.h == hComma:
			p, next := subjectBeforeComma(text, toks, v, vEnd, k)
			if next < 0 {
				return p, false
			}
			end = next
			continue
		case dashes.has(t) || t.h == hParen:
			open := k - 1
			for open >= 0 && !(dashes.has(toks[open]) && dashes.has(t) || t.h == hParen && toks[open].h == hOpenParen) {
				open--
			}
			if open < 0 {
				return np{}, false
			}
			end = open
			continue
		case quotes.has(t) && opening(text, toks, k):
			return np{}, false // "his claim that people would ''learn nothing''": the verb opens a quote
		case quotes.has(t) || t.h == hColon:
			return inverted(text, toks, vEnd), false
		}
		return np{}, false
	}
	return np{}, false
}

// opening reports a quotation mark at toks[k] that opens a quote: the
// word after it follows with no space, and white space or the start of
// the text stands before it and the marks joined to it ("”learn").
func opening(text string, toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k+1].Start != toks[k].End {
		return false
	}
	i := toks[k].Start
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !quotes.has(token{h: hashRune(fnvOffset, foldRune(r))}) {
			return isSpace(r)
		}
		i -= n
	}
	return true
}

// owner reports a possessive that names an owner, or a pronoun's
// contraction ("he’s claimed"), but not the contraction of a word that
// names no one ("let's", "that's", "there's").
func owner(text string, t token) bool {
	if possessives.has(t) {
		return true // "his claim that", "their view"
	}
	if !possessive(text, t) {
		return false
	}
	w := word(text, t)
	return !contractedStems.has(token{h: hashWord(w[:strings.LastIndexAny(w, "'’")])})
}

// possessives are the possessive determiners: "his claim" is his.
var possessives = newWordSet("his her its their our my your")

// possessivePronoun maps the possessives that stand for someone named
// before to the pronoun that resolves the same way.
var possessivePronoun = map[uint64]uint64{hashWord("his"): hHe, hashWord("her"): hShe, hashWord("their"): hThey, hashWord("its"): hashWord("it")}

// contractedStems take "'s" for "is", "has" or "us" and name no one.
var contractedStems = newWordSet(`that there here what where how let`)

// possessor returns the noun phrase that ends in the possessive at i: a
// name ("Donald Trump’s"), with an article or determiner before it ("the
// president's").
func possessor(toks []token, i int) np {
	from := i
	for from > 0 && toks[from-1].upper && toks[from-1].kind == tokWord || from > 0 && toks[from-1].kind == tokNameDot {
		from--
	}
	if from > 0 && (articles.has(toks[from-1]) || determiners.has(toks[from-1])) {
		from--
	}
	return np{from: from, to: i + 1}
}

// maxAdverbial is the longest prepositional phrase skipped between a
// subject and its verb.
const maxAdverbial = 4

// antecedentFrom returns where the antecedent of the relative pronoun at
// toks[a] starts (antecedentStart); after "who", a name in apposition
// before it is taken in ("Koll, the chief engineer, who").
func antecedentFrom(text string, toks []token, a int, who bool) int {
	from := antecedentStart(text, toks, a)
	if who {
		from = apposedName(toks, from, a)
	}
	return from
}

// antecedentStart returns where the noun phrase a relative clause
// attaches to starts, the phrase ending at a: back to the clause's start
// but not past a verb or a preposition other than "of" ("a retort to
// both Democrats and Republicans, who ..." attaches to the parties).
//
// A cleft's "it" is no part of it: "was it Koll who said" is Koll's.
func antecedentStart(text string, toks []token, a int) int {
	from := phraseBack(toks, a)
	for i := a - 1; i >= from; i-- {
		t := toks[i]
		if t.finite || finiteAux.has(t) || ingWord(text, t) || prepositions.has(t) && t.h != hOf {
			from = i + 1
			break
		}
	}
	if from+1 < a && toks[from].h == hIt {
		from++
	}
	return from
}

// clauseSubjectEnd cuts the words toks[from:end] before a reporting verb
// at their first finite verb: a noun phrase holds none, so "Trump had been
// tethered to a teleprompter" before "delivering" has the subject "Trump".
func clauseSubjectEnd(toks []token, from, end int) int {
	// A subject pronoun takes no words after it in its noun phrase: "I
	// hope in 2017 America says" is a clause whose subject is "I".
	if from+1 < end && (subjectPronouns.has(toks[from]) || contractions.has(toks[from])) {
		return from + 1
	}
	for i := from + 1; i < end; i++ {
		if toks[i].finite || finiteAux.has(toks[i]) && !toks[i].upper { // "Theresa May" is a name
			return i
		}
	}
	return end
}

// pastAfterName cuts the words toks[from:end] before a lower-case past
// in -ed after a capitalised word and before an article or a determiner:
// a finite verb and its object ("Carson shared a syllabus for a
// psychology class", "Ramos used his acceptance"), where a participle
// that modifies the name takes a preposition ("People briefed on the
// talks", "Research conducted for the center").
func pastAfterName(text string, toks []token, from, end int) int {
	for i := from + 1; i+1 < end; i++ {
		if t := toks[i]; toks[i-1].upper && toks[i-1].kind == tokWord && lowerPast(text, t) && (articles.has(toks[i+1]) || determiners.has(toks[i+1])) {
			return i
		}
	}
	return end
}

// participleStart cuts the words toks[from:end] of a subject before a
// participle phrase that follows its noun: "Protesters marching through
// the streets chanted" is the protesters'.
func participleStart(text string, toks []token, from, end int) int {
	for i := from + 1; i+1 < end; i++ {
		if ingWord(text, toks[i]) && (prepositions.has(toks[i+1]) || articles.has(toks[i+1])) {
			return i
		}
	}
	return end
}

var (
	// subjectPronouns are the pronouns that stand only as a subject.
	subjectPronouns = newWordSet("i he she we they")
	// contractions are subject pronouns joined to an auxiliary.
	contractions = newWordSet(`i'm i've i'd i'll he's he'd he'll she's she'd she'll it's it'd
		it'll we're we've we'd we'll they're they've they'd they'll you're you've you'd you'll`)
)

// afterWh moves the start of the words toks[from:end] before a verb past
// a wh-word inside them: "it will cost twice what the council admits" is
// the council's. A wh-word that opens the sentence stays, for finish to
// refuse ("What the farmers say").
func afterWh(toks []token, from, end int) int {
	for i := end - 1; i > from; i-- {
		if freeRelatives.has(toks[i]) {
			return i + 1
		}
	}
	return from
}

// freeRelatives open a clause that is an object ("twice what X says").
var freeRelatives = newWordSet("what whatever")

// outranks reports whether verb v with subject p is likelier the
// sentence's reporting verb than w with subject q: a verb outside
// quotation marks outranks one inside them, which speaks inside the
// quote ("Ruiz went on: “The board is saying ...”"); a verb whose subject
// follows "that" or "what" reports inside another's content ("opponents
// claim it will cost what the council admits"); else the verb that more
// often reports wins ("..., a source said" over "asked").
func outranks(toks []token, verbs []verb, v verb, p np, w verb, q np) bool {
	if v.quoted != w.quoted {
		return w.quoted
	}
	ev, ew := embedded(toks, verbs, v, p), embedded(toks, verbs, w, q)
	if ev != ew {
		return ew
	}
	return v.weight > w.weight
}

// afterCommaParticiple reports an -ing word right after a comma.
func afterCommaParticiple(text string, toks []token, i int) bool {
	return i > 0 && toks[i-1].h == hComma && ingWord(text, toks[i])
}

// embedded reports a subject p of verb v right after "that", a free
// relative or another reporting verb: "Lewandowski said he appreciates
// ..." is Lewandowski's, the "he" of what he said speaks inside it. A
// speaker after its own verb ("said Mr. Burman") is not embedded.
func embedded(toks []token, verbs []verb, v verb, p np) bool {
	if p.from == 0 {
		return false
	}
	if toks[p.from-1].h == hThat || freeRelatives.has(toks[p.from-1]) {
		return true
	}
	for _, w := range verbs {
		if w.to == p.from && w.from != v.from {
			return true
		}
	}
	return false
}

// finiteAux are the auxiliaries and modals that end a subject.
var finiteAux = newWordSet(`has have had was were is are would will could may might can
	should must did does do wasn't weren't isn't aren't hasn't haven't hadn't didn't doesn't
	don't won't wouldn't couldn't can't shouldn't`)

// maxAsides bounds the comma-separated asides between a name and its verb.
const maxAsides = 40

// subjectBeforeComma finds the subject of the verb at v (its words end at
// vEnd) when a comma at k ends the words before it: the subject of the
// sentence before a participle, a name with its asides, or the speaker
// after the verb, and -1. When the words before the comma are a
// participle's clause ("Speaking on Monday, ..."), the search goes on
// before them: the second result is where they end.
func subjectBeforeComma(text string, toks []token, v, vEnd, k int) (np, int) {
	s := k
	for s > 0 && toks[s-1].kind != tokPunct {
		s--
	}
	if s < k && s > 0 && (participleStarts.has(toks[s]) || ingWord(text, toks[s])) {
		// "Donna Rawlings, 59, of Ashton, Md., who watched ..., said": the
		// name that opens the asides before the clause speaks. Before a
		// participle's clause ("Jo Ash, R-Ore., appearing on ..., said")
		// only a name does: an opening time ("Friday, Texas, leading
		// ...") or phrase can stand there too.
		if s > 1 && toks[s-1].h == hComma {
			name := nameBeforeAsides(toks, s-1)
			if !name.empty() && name.to < s-2 && (relatives.has(toks[s]) || nameRun(toks, name.from) == name.to && !timePhrase(toks, name)) {
				return name, -1
			}
		}
		return np{}, s - 1
	}
	// "The council denied it, calling it ...": a participle after a
	// comma speaks for the subject of the sentence.
	if ingWord(text, toks[v]) && k == v-1 {
		if p := sentenceSubject(toks, k); !p.empty() {
			return p, -1
		}
	}
	var apposed np
	if k-s <= 8 && (s == 0 || toks[s-1].h == hComma) {
		apposed = appositive(toks, s, k)
	}
	// "Ivanka Trump, the nominee's daughter, noted the rule": a
	// name with its aside is the subject, whatever follows.
	if apposed.from < s && !apposed.empty() {
		return apposed, -1
	}
	// "The talks failed, said a diplomat": the speaker follows;
	// after ", citing" what follows is cited, not a speaker.
	// An auxiliary before the verb keeps the plain order: "..., has
	// endorsed Tom Berg" names who is endorsed.
	if p := inverted(text, toks, vEnd); !p.empty() && !ingWord(text, toks[v]) && !auxBetween(toks, k, v) {
		return p, -1
	}
	// "Geoff Garin, a pollster who ..., a super PAC, said": the
	// name that opens the asides speaks, not the last of them.
	name := nameBeforeAsides(toks, k)
	if !apposed.empty() && !allNumbers(toks, apposed) && (name.empty() || name.from >= s) {
		return apposed, -1
	}
	return name, -1
}

// auxBetween reports an auxiliary among toks(k, v): a perfect or a
// modal before the verb ("has endorsed", "will back").
func auxBetween(toks []token, k, v int) bool {
	for i := k + 1; i < v; i++ {
		if finiteAux.has(toks[i]) {
			return true
		}
	}
	return false
}

// nameBeforeAsides finds the name that opens a run of comma-separated
// asides ending at the comma toks[k] before a verb: "Phil Smith, a
// spokesman for the miners' union, said" and "Derek Mitchell, who served
// as ambassador from 2012, said" are Phil Smith's and Derek Mitchell's.
func nameBeforeAsides(toks []token, k int) np {
	s := k
	for k-s < maxAsides {
		for s > 0 && toks[s-1].kind != tokPunct {
			s--
		}
		if s > 0 && toks[s-1].h == hParen {
			// "Jo Ash (D-Ore.), a senator, said": the party tag is the name's.
			if s = max(openParen(toks, s-1), 0); s > 0 {
				continue
			}
		}
		if s <= 0 || toks[s-1].h != hComma {
			break
		}
		s--
	}
	if s <= 0 && k > 2 && toks[1].h == hComma && leadAdverbs.has(toks[0]) {
		s = 2 // "However, Jill Martin, a lawyer for the firm, said"
	}
	for s < k && leadAdverbs.has(toks[s]) {
		s++ // "And Sen. Rob Portman (R-Ohio), an incumbent, said"
	}
	e := s
	for e < k && (toks[e].upper && toks[e].kind == tokWord || toks[e].kind == tokNameDot || e > s && nameJoiners.has(toks[e]) && e+1 < k && toks[e+1].upper) {
		e++
	}
	if prepositions.has(toks[s]) {
		return np{}
	}
	if e == s || e-s > 6 || toks[e].h != hComma && toks[e].h != hOpenParen {
		return openingPhrase(toks, s, k)
	}
	return np{from: s, to: e}
}

// openingPhrase returns the short noun phrase from s to the first comma
// before k, when asides follow it: "Harbour master Ines Koll, in a letter
// to the council, said".
func openingPhrase(toks []token, s, k int) np {
	e := s
	for e < k && toks[e].kind != tokPunct {
		e++
	}
	if e == s || e >= k || e-s > 6 || toks[e].h != hComma {
		return np{}
	}
	return finish(toks, np{from: s, to: e})
}

// nameJoiners join the capitalised words of one name: "Citizenship and
// Immigration Services", "Department of Energy".
var nameJoiners = newWordSet("and of for")

// closeParen returns the index of the ")" that shuts the "(" at open,
// before k, or -1.
func closeParen(toks []token, open, k int) int {
	for i := open + 1; i < k; i++ {
		if toks[i].h == hParen {
			return i
		}
	}
	return -1
}

// openParen returns the index of the "(" that the ")" at close shuts, or
// -1 when there is none.
func openParen(toks []token, close int) int {
	for i := close - 1; i >= 0; i-- {
		if toks[i].h == hOpenParen {
			return i
		}
	}
	return -1
}

// sentenceSubject returns the words that open the sentence up to its first
// finite verb before k, when they can name a speaker.
func sentenceSubject(toks []token, k int) np {
	return subjectFrom(toks, openingEnd(toks, k), k)
}

// subjectFrom returns the words toks[from:], past opening adverbs, up to
// the first finite verb before k or the bracketed tag of a name before it,
// when they can name a speaker; a subject pronoun there is the subject
// alone.
func subjectFrom(toks []token, from, k int) np {
	for from < k && leadAdverbs.has(toks[from]) {
		from++ // "Then he cut into Bush, calling him ..."
	}
	if from < k && subjectPronouns.has(toks[from]) {
		return np{from: from, to: from + 1}
	}
	to := -1 // where a name's bracketed tag starts: "Sanders (I-Vt.) on Saturday said"
	for e := from + 1; e < k; e++ {
		if toks[e].h == hOpenParen && to < 0 && toks[e-1].upper {
			if c := closeParen(toks, e, k); c > 0 {
				to, e = e, c
				continue
			}
		}
		if toks[e].kind == tokPunct {
			// "Tom Reyes, 61, runs a bakery": a name and the asides after
			// it, which open with a number or a lower-case word other than
			// a preposition ("in Ames, Iowa, on Sunday" goes on a place).
			if toks[e].h == hComma && (to >= 0 || nameRun(toks, from) == e && e+1 < k && !toks[e+1].upper && !prepositions.has(toks[e+1])) {
				to = max(to, e)
				continue
			}
			return np{}
		}
		if toks[e].finite || finiteAux.has(toks[e]) {
			if to < 0 {
				to = e
			}
			return finish(toks, np{from: from, to: to})
		}
	}
	// A verb the learned list does not hold ("Clinton leaned in"): a name
	// that opens the clause before a lower-case word is its subject.
	if e := nameRun(toks, from); e > from && e < k && !toks[e].upper && toks[e].kind == tokWord {
		return finish(toks, np{from: from, to: e})
	}
	return np{}
}

// openingEnd skips the comma-closed openings of a sentence before k that
// cannot be its subject: a phrase that starts with a preposition, a
// lone adverb ("On Thursday, however, Trump spoke ...") or a
// subordinator ("When Rubio did take Trump on, he did it sideways,
// acknowledging ...", "Like Sanders, she has reckoned with ...").
func openingEnd(toks []token, k int) int {
	from := 0
	for from < k && (prepositions.has(toks[from]) || leadAdverbs.has(toks[from]) || subordinators.has(toks[from])) {
		c := from
		for c < k && toks[c].h != hComma {
			c++
		}
		if c >= k {
			break
		}
		from = c + 1
	}
	return from
}

// subordinators open a clause or phrase that goes before the sentence's
// subject.
var subordinators = newWordSet(`when while if although though because as since whereas unless
	once like unlike`)

// allNumbers reports a phrase of numbers only: an age or a year after a
// name ("Quina Jones, 25, said"), never a speaker by itself.
func allNumbers(toks []token, p np) bool {
	for i := p.from; i < p.to; i++ {
		if toks[i].kind != tokNum {
			return false
		}
	}
	return true
}

// appositive returns the short phrase toks[s:k] that ends before a
// comma and the verb, joined to the name before it when it is an aside:
// "His lawyer, Ruth Adeyemi, said", "Will Harding, the spokesman, said".
func appositive(toks []token, s, k int) np {
	p := finish(toks, np{from: s, to: k})
	if !p.empty() && clauseSubjectEnd(toks, p.from, p.to) < p.to {
		return np{} // "The plan now goes to an inquiry, expected ...": a clause
	}
	if p.empty() || s < 2 {
		return p
	}
	b := s - 1
	for b > 0 && toks[b-1].kind != tokPunct {
		b--
	}
	if b < s-1 && s-1-b <= 6 && !prepositions.has(toks[b]) && (b == 0 || toks[b-1].h == hComma || closingQuotes.has(toks[b-1])) {
		if q := finish(toks, np{from: b, to: s - 1}); !q.empty() {
			return np{from: q.from, to: k}
		}
	}
	return p
}

// segmentSubject finds the subject of a verb joined by "and" to an earlier
// one: the pronoun or capitalised name that starts the clause.
func segmentSubject(toks []token, k int) np {
	s := k
	for s > 0 && toks[s-1].kind != tokPunct {
		s--
	}
	if s < k && pronouns.has(toks[s]) {
		return np{from: s, to: s + 1}
	}
	j := s
	if j < k && articles.has(toks[j]) {
		j++
	}
	e := min(nameRun(toks, j), k) // "Mr. Putin", its stop and all
	if e == j {
		return np{}
	}
	return finish(toks, np{from: s, to: e})
}

// ingWord reports a lower-case word in -ing ("speaking", "floating").
func ingWord(text string, t token) bool {
	if t.kind != tokWord || t.upper {
		return false
	}
	// The word without format characters, so a soft hyphen counts no
	// letters ("do\u00ading" is "doing", no -ing word), read only for a
	// word that is not plain ASCII letters.
	w := word(text, t)
	return len(w) > 5 && w[len(w)-3:] == "ing"
}

// thingWord reports a word in -thing ("something", "nothing"), an
// -ing word that is a pronoun, not a participle.
func thingWord(text string, t token) bool {
	return strings.HasSuffix(strings.ToLower(word(text, t)), "thing")
}

// maxQuoteSpeaker is the longest name taken for a speaker marked only by
// punctuation ("PENCE: ...", "“...” ― Jorge Falcon").
const maxQuoteSpeaker = 6

// quoteSpeaker finds a speaker that punctuation alone marks: a
// transcript's turn or a signed quote, the latter only when signable
// (toks hold a dash after a closing quotation mark, see clauseCuts). It
// returns the speaker and the index of the mark.
func quoteSpeaker(text string, toks []token, ents []entity.Entity, signable bool) (np, int) {
	if p, mark := transcriptSpeaker(text, toks, ents); !p.empty() {
		return p, mark
	}
	if p, mark := introducedQuote(text, toks, ents); !p.empty() {
		return p, mark
	}
	if !signable {
		return np{}, -1
	}
	return signedQuote(toks)
}

// transcriptSpeaker finds capitalised words and a colon opening the
// sentence, a transcript's "WALLACE: ...", and returns them and the
// index of the colon.
func transcriptSpeaker(text string, toks []token, ents []entity.Entity) (np, int) {
	s := 0
	for s < len(toks) && quotes.has(toks[s]) {
		s++ // a transcript quoted whole: "\"PENCE: Well, ..."
	}
	if e := nameRun(toks, s); e > s && e-s <= maxQuoteSpeaker && e+1 < len(toks) && toks[e].h == hColon && !editorialLabels.has(toks[e-1]) {
		p := np{from: s, to: e}
		// A transcript names its speakers in capitals or by name; "Photo:"
		// and "Read more:" are captions and links.
		if allCaps(text, toks, p) || coveredBy(ents, spanOf(toks, p), entity.Person) {
			return p, e
		}
	}
	return np{}, -1
}

// editorialLabels end the labels a newsroom puts before a colon
// ("UPDATE:", "EDITOR'S NOTE:", "CORRECTION:"), which name no speaker.
var editorialLabels = newWordSet(`update updated updates breaking watch note correction corrections
	clarification related photo photos video exclusive analysis opinion live advertisement
	editorial disclaimer warning`)

// allCaps reports a phrase written in capitals only ("WALLACE").
func allCaps(text string, toks []token, p np) bool {
	for i := p.from; i < p.to; i++ {
		w := word(text, toks[i])
		if toks[i].kind == tokWord && (strings.ToUpper(w) != w || len(w) < 2) {
			return false
		}
	}
	return true
}

// signedQuote finds a quote signed after a dash: "“...” ― Ana Ruiz".
func signedQuote(toks []token) (np, int) {
	for i := 1; i+1 < len(toks); i++ {
		// A dash is always punctuation: the kind, in the token, is
		// cheaper to ask than the set.
		if toks[i].kind != tokPunct || !dashes.has(toks[i]) || !closingQuotes.has(toks[i-1]) {
			continue
		}
		e := nameRun(toks, i+1)
		if e > i+1 && e-i-1 <= maxQuoteSpeaker && (e == len(toks) || toks[e].kind == tokPunct) {
			return np{from: i + 1, to: e}, i
		}
	}
	return np{}, -1
}

// introducedQuote finds a name, or two joined by "and", with its
// bracketed tag if any, before a colon and an opening quotation mark, at
// the sentence's start or after a dash: "Rep. Ana Ruiz (D-Calif.): “...”",
// a roundup's "FEES ARE EARLY - Tom Berg: “...”". One word opening the
// sentence must be a person's or an organisation's name: "Source: “...”"
// is a label; after a dash it may be any (a clause cut at the dash
// starts with it). It returns the name and the index of the colon.
func introducedQuote(text string, toks []token, ents []entity.Entity) (np, int) {
	// Most sentences have no colon: one look for its byte, at memchr's
	// speed, spares them the walk over their tokens.
	if len(toks) < 3 || strings.IndexByte(text[toks[0].Start:toks[len(toks)-1].End], ':') < 0 {
		return np{}, -1
	}
	for c := 1; c+1 < len(toks); c++ {
		if toks[c].h != hColon || !quotes.has(toks[c+1]) {
			continue
		}
		e := c
		if toks[e-1].h == hParen {
			if o := openParen(toks, e-1); o > 0 {
				e = o
			}
		}
		s := nameStart(toks, e)
		if s == e || e-s > 2*maxQuoteSpeaker || editorialLabels.has(toks[e-1]) || s > 0 && !dashes.has(toks[s-1]) {
			continue
		}
		if s == 0 && e == 1 && !coveredBy(ents, toks[0].Span, entity.Person, entity.Org) && !afterDash(text, toks[0].Start) {
			continue
		}
		return np{from: s, to: c}, c
	}
	return np{}, -1
}

// afterDash reports a dash, past spaces, right before offset i of text.
func afterDash(text string, i int) bool {
	before := strings.TrimRightFunc(text[:i], unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(before)
	return dashes.hasHash(hashWord(string(r)))
}

// nameStart returns where the run of capitalised words that ends at e
// starts, past an "and" between two of them ("Ana Ruiz and Tom Berg").
func nameStart(toks []token, e int) int {
	s := e
	for s > 0 {
		t := toks[s-1]
		switch {
		case t.upper && t.kind == tokWord || t.kind == tokNameDot:
			s--
		case t.h == hAnd && s < e && s > 1 && toks[s-2].upper:
			s--
		default:
			return s
		}
	}
	return s
}

// nameRun returns the end of the run of capitalised words from i.
func nameRun(toks []token, i int) int {
	e := i
	for e < len(toks) && (toks[e].upper && toks[e].kind == tokWord || toks[e].kind == tokNameDot) {
		e++
	}
	return e
}

var (
	closingQuotes = newWordSet(`" ” ' ’ »`)
)

// namedBefore returns the last person or organisation named before the
// token at v, for a reporting verb whose subject the phrase rules could
// not find ("Cruz exhorted Republicans to “vote” and said ...").
func namedBefore(toks []token, ents []entity.Entity, v int) np {
	at := toks[v].Start
	for i := len(ents) - 1; i >= 0; i-- {
		e := ents[i]
		if e.End > at || e.Label != entity.Person && e.Label != entity.Org {
			continue
		}
		from, to := -1, -1
		for k := 0; k < v; k++ {
			if toks[k].Start == e.Start {
				from = k
			}
			if toks[k].End == e.End {
				to = k + 1
			}
		}
		if from >= 0 && to > from {
			return np{from: from, to: to}
		}
	}
	return np{}
}

// coordinated finds, for a sentence whose reporting verbs have no subject
// of their own, one joined by "and", "or" or "but" to the verb before it:
// "The governor has introduced Trump at rallies and vouched for him" and
// "Clinton did not name Trump, but told mayors ..." share the sentence's
// subject. It returns the verb's index and that subject, or -1.
func coordinated(text string, toks []token, verbs []verb) (int, np) {
	for vi, v := range verbs {
		k := v.from - 1
		for k > 0 && (auxiliaries.has(toks[k]) || lyAdverb(text, toks[k])) {
			k--
		}
		if k <= 0 || toks[k].h != hAnd && toks[k].h != hOr && toks[k].h != hBut || passiveStart(text, toks, v) >= 0 {
			continue
		}
		if p := sentenceSubject(toks, k); !p.empty() {
			return vi, p
		}
	}
	return -1, np{}
}

// bodyNouns name an organisation by its kind: "the company said" speaks
// for the organisation named last.
var bodyNouns = newWordSet(`company firm ministry department agency campaign government council
	party committee bank group union board commission authority court newspaper network
	corporation organisation organization administration office institute university`)

var hThe = hashWord("the")

// bodyOrg returns the organisation "the <head>" at offset at stands for:
// the nearest ORG entity before it, in its sentence (ents) or earlier ones
// (orgs), whose name holds the head noun ("the council": "Porthaven Town
// Council"), else, for a head in nearestOrgNouns, the nearest ORG entity,
// else none: on PolNeAR the nearest organisation was the right one for only
// 7 of 23 such sources, and a wrong name misleads more than a missing one.
func bodyOrg(text string, head token, ents []entity.Entity, at int, sc *scratch) span.Span {
	noun := text[head.Start:head.End]
	var nearest span.Span
	for i := len(ents) - 1; i >= 0; i-- {
		if ents[i].Label != entity.Org || ents[i].End > at {
			continue
		}
		if nameHolds(ents[i].In(text), noun) {
			return ents[i].Span
		}
		if nearest.Empty() {
			nearest = ents[i].Span
		}
	}
	if org, ok := sc.orgHolding(text, noun); ok {
		return org
	}
	if nearest.Empty() && len(sc.orgs) > 0 {
		nearest = sc.orgs[len(sc.orgs)-1]
	}
	if nearestOrgNouns.has(head) {
		return nearest
	}
	return span.Span{}
}

// orgScan is how far the organisations named before, sc.orgs, have been
// read for one head noun: the first read of them and the latest that
// holds it. Each "the <head>" of an article read them all from the end
// until one held it, most often none: on a 1 MB article, whose
// organisations number thousands, that was a tenth of the claims' time.
type orgScan struct {
	noun string // lower case
	read int    // sc.orgs[:read] have been read
	held int    // the index of the last of them that holds noun, or -1
}

// orgHolding returns the last of sc.orgs whose name holds noun
// (nameHolds), reading only those named since the last time it was
// asked for the same noun.
func (sc *scratch) orgHolding(text, noun string) (span.Span, bool) {
	if !isASCII(noun) {
		// nameHolds folds case alone for ASCII nouns; others are read
		// whole each time.
		for i := len(sc.orgs) - 1; i >= 0; i-- {
			if nameHolds(sc.orgs[i].In(text), noun) {
				return sc.orgs[i], true
			}
		}
		return span.Span{}, false
	}
	k := slices.IndexFunc(sc.orgScans, func(o orgScan) bool { return strings.EqualFold(o.noun, noun) })
	if k < 0 {
		sc.orgScans = append(sc.orgScans, orgScan{noun: strings.ToLower(noun), held: -1})
		k = len(sc.orgScans) - 1
	}
	o := &sc.orgScans[k]
	for i := len(sc.orgs) - 1; i >= o.read; i-- {
		if nameHolds(sc.orgs[i].In(text), noun) {
			o.held = i
			break
		}
	}
	o.read = len(sc.orgs)
	if o.held < 0 {
		return span.Span{}, false
	}
	return sc.orgs[o.held], true
}

// nameHolds reports whether an organisation's name has the head noun as
// its own head, last or before a lower-case word ("Court of Appeals", not
// "Supreme Court Justice Frank Nervo", a judge tagged as one name), or for
// "company" and "firm" a company suffix ("Arden Foods Ltd").
//
// The name's words are its runs of letters, read in place: splitting
// them off into a slice took 4% of the claims' time on PolNeAR dev, where
// every "the <head>" asks it of each organisation named before.
func nameHolds(name, noun string) bool {
	company := companyNouns.has(token{h: hashWord(noun)})
	if !company && !mentionsASCII(name, noun) {
		return false
	}
	held := false // the word before is the head
	for start, end := letterRun(name, 0); start < len(name); start, end = letterRun(name, end) {
		w := name[start:end]
		if r, _ := utf8.DecodeRuneInString(w); held && !unicode.IsUpper(r) {
			return true
		}
		held = strings.EqualFold(w, noun) || company && companySuffixes.has(token{h: hashWord(w)})
	}
	return held
}

// mentionsASCII reports whether name may hold noun, which it cannot when
// both are ASCII and no bytes of name are noun's but for case: most names
// asked about hold no such noun, and this test is cheaper than reading
// their words. Unicode folds some other letters to ASCII ones ("ſ" to
// "s"), so a name or noun with other letters may hold it.
func mentionsASCII(name, noun string) bool {
	if noun == "" || !isASCII(name) || !isASCII(noun) {
		return true
	}
	for i := 0; i+len(noun) <= len(name); i++ {
		if name[i]|0x20 == noun[0]|0x20 && strings.EqualFold(name[i:i+len(noun)], noun) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// letterRun returns the first run of letters in s at or after offset
// from, as offsets; start is len(s) when there is none.
func letterRun(s string, from int) (start, end int) {
	start = len(s)
	for i, r := range s[from:] {
		switch letter := unicode.IsLetter(r); {
		case letter && start == len(s):
			start = from + i
		case !letter && start < len(s):
			return start, from + i
		}
	}
	return start, len(s)
}

// nearestOrgNouns resolve to the nearest organisation even when its name
// does not hold them: "the agency" was the nearest ORG entity in 11 of 12
// PolNeAR dev and train sources ("the FBI ... The agency"); "the company"
// in only 11 of 19, "the campaign" in 0 of 6 dev ones, so they stay out.
var nearestOrgNouns = newWordSet("agency")

var (
	companyNouns    = newWordSet("company firm")
	companySuffixes = newWordSet("company corporation corp inc incorporated co ltd limited plc llc holdings")
)
