package claim

// An expletive "it" opens a frame of a linking verb and a complement
// whose real subject is the clause after it: "It is doubtful Clinton
// imagined ...", "It's a strategy some believe ...", "it may be enough
// for Trump and Ryan to agree". The "it" names no one; the speaker of a
// reporting verb in that clause is the clause's own subject.

// dummyIt reports "it" or its contraction with "is", by hash: subject
// asks it of every phrase it reads.
func dummyIt(t token) bool { return t.h == hIt || t.h == hItIs }

var (
	hItIs = hashWord("it's")
	hFor  = hashWord("for")
)

// expletiveEnd returns the index after the frame "it (aux) is|seems|became"
// that opens at i and ends before end ("it is", "it's", "it has been", "it
// may not be", "it seemed"), or -1 when no such frame opens there.
func expletiveEnd(text string, toks []token, i, end int) int {
	if i >= end || !dummyIt(toks[i]) {
		return -1
	}
	if toks[i].h == hItIs {
		return i + 1
	}
	linked := -1
	for k := i + 1; k < end; k++ {
		t := toks[k]
		switch {
		case beForms.has(t) || copulas.has(t) || seemVerbs.has(t):
			linked = k
		case finiteAux.has(t) || t.h == hNot || t.h == hAlso || lyAdverb(text, t):
		default:
			return linked + 1
		}
	}
	return linked + 1
}

// extraposedSubject returns the subject of the verb at v when the words
// before it, from s, open with an expletive frame: the infinitive's subject after
// "for" ("it is common for news accounts to portray"), else the words
// after the frame's complement ("It is doubtful Clinton imagined": the
// complement "doubtful", the subject "Clinton"). ok is false when no such
// frame stands before v; an empty np with ok names no one ("it is too
// soon to say").
func extraposedSubject(text string, toks []token, s, v int) (p np, ok bool) {
	e := expletiveEnd(text, toks, s, v)
	if e <= 0 || e >= v {
		return np{}, false
	}
	k := e
	for k < v && frameAdverb(text, toks[k]) {
		k++
	}
	// "it is unlikely to tell", "it was beginning to consider", "it is
	// also pointing": the "it" is the subject of a raising word, a
	// progressive or a passive, and refers.
	if k >= v || ingWord(text, toks[k]) || participleShaped(text, toks[k]) && !toks[k].upper {
		return np{}, false
	}
	if toks[v-1].h == hTo {
		if f := forSubject(toks, e, v-1); !f.empty() {
			return f, true
		}
		// "it is too soon to say", "it is hard to tell", "it's a shame to
		// see"; after other words the "it" may be the infinitive's
		// subject ("it is careful to frame", "it is likely to").
		c := toks[k]
		return np{}, easeAdjectives.has(c) || c.h == hToo || determiners.has(c)
	}
	c := k
	if !seemVerbs.has(toks[e-1]) { // "it appears the council voted" has no complement
		for k < v && determiners.has(toks[k]) {
			k++
		}
		k++ // the complement's head: "doubtful", "a strategy"
	}
	j := v
	for j > k && (auxiliaries.has(toks[j-1]) || lyAdverb(text, toks[j-1])) {
		j--
	}
	if j > k && (pronouns.has(toks[j-1]) || contractions.has(toks[j-1])) {
		return np{from: j - 1, to: j}, true // "it's the people I'm worried about"
	}
	if j <= k {
		if ingWord(text, toks[v]) && k-c > 1 {
			return finish(toks, np{from: c, to: v}), true // "It was a tweet pushing a claim"
		}
		return np{}, true
	}
	return finish(toks, np{from: k, to: j}), true
}

// forSubject returns the subject of an infinitive after "for" in
// toks[from:to], up to its "to" ("for the tax code to allow"), or none.
func forSubject(toks []token, from, to int) np {
	for f := from; f < to; f++ {
		if toks[f].h != hFor {
			continue
		}
		e := f + 1
		for e < to && toks[e].h != hTo {
			e++
		}
		return finish(toks, np{from: f + 1, to: e})
	}
	return np{}
}

// seemVerbs say how a thing seems, with no one who holds the view.
var seemVerbs = newWordSet("seem seems seemed appear appears appeared")

// expletiveView reports an adjective cue that completes an expletive
// frame ("it is unclear whether", "It’s also clear that"): no one holds
// the view.
func expletiveView(text string, toks []token, p np, v verb) bool {
	if p.to-p.from != 1 {
		return false
	}
	// "it seems (that)", "it appeared the vote": no one seems; "it
	// seems to" is a raising verb's, whose "it" refers.
	if p.to == v.from && toks[p.from].h == hIt && seemVerbs.has(toks[v.from]) {
		return v.to >= len(toks) || toks[v.to].h != hTo
	}
	e := expletiveEnd(text, toks, p.from, v.from)
	if e <= 0 {
		return false
	}
	for e < v.from && (lyAdverb(text, toks[e]) || toks[e].h == hNot || toks[e].h == hAlso || midAdverbs.has(toks[e])) {
		e++
	}
	return e == v.from && !ingWord(text, toks[v.from])
}

// frameAdverb may stand after the frame's verb before its complement or
// before a progressive: "it is not clear", "it is now saying", "it was
// still urging" (without "now" and "still" skipped, the adverb was read as
// the complement and the progressive's claim named no one).
func frameAdverb(text string, t token) bool {
	return lyAdverb(text, t) || t.h == hNot || t.h == hAlso || t.h == hNow || t.h == hStill ||
		midAdverbs.has(t) || passiveAdverbs.has(t)
}

var (
	hNow   = hashWord("now")
	hStill = hashWord("still")
)
