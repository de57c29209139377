package ner

import (
	"slices"
	"unicode/utf8"
)

// Word flags.
const (
	fInitUpper = 1 << iota
	fAllUpper
	fHasLower
	fHasDigit
	fHasLetter
	fFirst    // first word of a sentence
	fCapsSent // in a sentence written all in capitals
)

// Word is what the features need to know about one word, hashed once.
type Word struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	flags                     uint8
	gaz                       [nMarks]uint8 // 0 outside, 1 begins, 2 inside a list's match
	prof                      wordProfile   // how the document writes this word elsewhere
	exact                     uint64        // ExactHash
	lmask, emask              uint16        // the gazetteer masks of the word alone
	hmask                     uint8         // the hint mask of the word alone
	clus                      uint16        // the word's cluster path, 0 for none
	casing                    uint8         // how news writes the word; see Casing
	id                        int32         // one more than the word's index in its Vocab; 0 for none
}

// describe fills w from the word s, its single-word gazetteer masks included.
func (g *Gazetteer) describe(s string, w *Word) {
	describeShape(s, w)
	w.lmask = g.lower.get(PhraseHash(0, w.lower))
	w.emask = g.exact.get(PhraseHash(0, w.exact))
	w.hmask = g.hintMask(PhraseHash(0, w.exact))
	w.clus = g.clusters.Code(w.word)
	w.casing = g.casing.Bucket(w.lower)
}

// describeShape fills w's hashes and flags from the word s; its ExactHash
// too, in the same pass over the runes.
func describeShape(s string, w *Word) {
	*w = Word{}
	h, l, e := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
	sh, ss := uint64(fnvOffset), uint64(fnvOffset)
	var last [4]rune
	n := 0
	var prevClass rune
	run := 0
	upper, lower := 0, 0
	for _, r := range s {
		r = normRune(r)
		e = hashRune(e, r)
		c := r
		switch {
		case r >= '0' && r <= '9':
			c = 'd'
			w.flags |= fHasDigit
			r = '0'
		case r >= 'a' && r <= 'z':
			c = 'x'
			lower++
		case r >= 'A' && r <= 'Z':
			c = 'X'
			upper++
		case r >= 0x80 && isWordRune(r):
			if lr := lowerRune(r); lr != r {
				c = 'X'
				upper++
			} else {
				c = 'x'
				lower++
			}
		}
		if n == 0 && c == 'X' {
			w.flags |= fInitUpper
		}
		lr := lowerRune(r)
		h = hashRune(h, r)
		l = hashRune(l, lr)
		if n < 4 {
			w.pre[n] = l
		}
		last[n%4] = lr
		n++
		if c == prevClass {
			run++
		} else {
			run = 1
			ss = hashRune(ss, c)
		}
		if run <= 3 {
			sh = hashRune(sh, c)
		}
		prevClass = c
	}
	if lower > 0 {
		w.flags |= fHasLower
	}
	if upper > 0 || lower > 0 {
		w.flags |= fHasLetter
	}
	if upper > 0 && lower == 0 {
		w.flags |= fAllUpper
	}
	for k := 0; k < 4 && k < n; k++ {
		// suffix of k+1 runes, hashed first rune to last
		sh2 := uint64(fnvOffset)
		for j := n - 1 - k; j < n; j++ {
			sh2 = hashRune(sh2, last[j%4])
		}
		w.suf[k] = sh2
	}
	for k := n; k < 4; k++ {
		w.pre[k] = l
	}
	for k := n; k < 4; k++ {
		w.suf[k] = w.suf[max(n-1, 0)]
	}
	w.word, w.lower, w.shape, w.short, w.exact = h, l, sh, ss, e
}

// Vocab remembers how each distinct word of a text is described, so that a
// long text describes each word once. It belongs to one Gazetteer and one
// goroutine at a time.
type Vocab struct {
	index wordIndex
	words []Word
	// The document's profile (see AddProfile): entries by the LowerHash
	// of the words of the Vocab, found by index, not by a look-up per word
	// of the text; rest those of the words it has no room for.
	lowers map[uint64]int32 // entry of each LowerHash
	entry  []int32          // entry of each word, by index
	profs  []wordProfile    // by entry
	rest   Profile
}

// Len is the number of words the Vocab remembers.
func (v *Vocab) Len() int { return len(v.words) }

// Reset forgets every word and the profile.
func (v *Vocab) Reset() {
	v.index.reset()
	v.words = v.words[:0]
	clear(v.lowers)
	v.entry, v.profs, v.rest = v.entry[:0], v.profs[:0], nil
}

// maxVocab bounds a Vocab's memory; past it the Vocab remembers no more
// words, and the others are described each time they come.
const maxVocab = 1 << 17

// Sentence prepares the words of one sentence for feature extraction and
// appends them to dst. words are the token strings; v, if not nil, caches
// word descriptions across calls.
func (g *Gazetteer) Sentence(words []string, v *Vocab, dst []Word) []Word {
	base := len(dst)
	dst, _ = g.describeWords(words, v, dst, nil, false)
	g.mark(dst[base:])
	return dst
}

// Describe is Sentence without the gazetteer matches that span words: all
// that a Profile reads, and cheaper. It appends to ids the index in v of
// each word, for SentenceByIndex, or -1 for a word v has no room for.
func (g *Gazetteer) Describe(words []string, v *Vocab, dst []Word, ids []int32) ([]Word, []int32) {
	return g.describeWords(words, v, dst, ids, true)
}

func (g *Gazetteer) describeWords(words []string, v *Vocab, dst []Word, ids []int32, withIDs bool) ([]Word, []int32) {
	base := len(dst)
	for i, s := range words {
		dst = append(dst, Word{})
		w := &dst[base+i]
		k, at := int32(-1), 0
		if v != nil {
			k, at = v.index.find(s)
		}
		switch {
		case k >= 0:
			*w = v.words[k]
		case v != nil && len(v.words) < maxVocab:
			g.describe(s, w)
			k = v.index.add(s, at)
			w.id = k + 1
			v.entry = append(v.entry, v.entryOf(w.lower))
			if len(v.words) == cap(v.words) {
				// Doubled, where append grows a long slice by a quarter:
				// five times the Vocab's size copied as it grew.
				v.words = slices.Grow(v.words, max(len(v.words), 1024))
			}
			v.words = append(v.words, *w)
		default:
			g.describe(s, w)
			k = -1
		}
		if withIDs {
			ids = append(ids, k)
		}
	}
	place(words, dst[base:])
	return dst, ids
}

// ExactHashes appends the ExactHash of each word to dst, by the indices
// Describe gave.
func (v *Vocab) ExactHashes(words []string, ids []int32, dst []uint64) []uint64 {
	for i, k := range ids {
		if k >= 0 {
			dst = append(dst, v.words[k].exact)
		} else {
			dst = append(dst, ExactHash(words[i]))
		}
	}
	return dst
}

// SentenceByIndex is Sentence for words Describe has seen, by the indices
// it gave, with the profile of ApplyProfile applied: a second reading of a
// text costs no look-up by word.
func (g *Gazetteer) SentenceByIndex(words []string, ids []int32, v *Vocab, dst []Word) []Word {
	base := len(dst)
	for i, s := range words {
		dst = append(dst, Word{})
		w := &dst[base+i]
		if k := ids[i]; k >= 0 {
			*w = v.words[k]
		} else {
			g.describe(s, w)
			w.prof = v.profileOf(w.lower)
		}
	}
	ws := dst[base:]
	place(words, ws)
	g.mark(ws)
	return dst
}

// place flags the words of a sentence that start it, or the whole sentence
// when it is written in capitals.
func place(words []string, ws []Word) {
	caps, letters := true, 0
	for i := range ws {
		w := &ws[i]
		if w.flags&fHasLetter != 0 {
			letters++
			if w.flags&fHasLower != 0 {
				caps = false
			}
		}
		if i == 0 || isSentenceEnd(words[i-1]) || (i > 1 && isSentenceEnd(words[i-2]) && isQuote(words[i-1])) {
			w.flags |= fFirst
		}
	}
	if caps && letters > 1 {
		for i := range ws {
			ws[i].flags |= fCapsSent
		}
	}
}

func isSentenceEnd(s string) bool { return s == "." || s == "?" || s == "!" }

func isQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	r = normRune(r)
	return len(s) <= 3 && (r == '"' || r == '\'')
}

// mark records, per list, the longest matches (leftmost first): the
// gazetteer lists in any case, the hint lists as written.
func (g *Gazetteer) mark(ws []Word) {
	var best [nMarks]int // end of the current match per list
	var longest [nMarks]int
	for i := range ws {
		// Most words start no match: they skip markMatches' loop over
		// the lists.
		if g.longestAt(ws, i, &longest) {
			markMatches(ws, i, &longest, &best)
			longest = [nMarks]int{}
		}
	}
}

// longestAt returns, per list, the words of the longest match that starts
// at word i, 0 for none. A phrase is looked up in the maps only when the
// phrase one word shorter begins a longer entry of them (Prefix,
// hintPrefix): no other can be in them. The PhraseSet is looked up
// whenever the shorter phrase is in any table, as before: its 32-bit keys
// answer for a phrase now and then that no entry begins ("osce opec"),
// and the model was trained on those answers. It reports whether any
// phrase matched; longest must be all 0 when it is called.
func (g *Gazetteer) longestAt(ws []Word, i int, longest *[nMarks]int) bool {
	m, hm := ws[i].lmask, ws[i].hmask
	if m == 0 && hm == 0 {
		// In no list and beginning no entry, as most words: no phrase
		// to hash.
		return false
	}
	found := false
	lh, eh := uint64(0), uint64(0)
	for n := 1; n <= g.maxLen && i+n <= len(ws); n++ {
		lh = PhraseHash(lh, ws[i+n-1].lower)
		eh = PhraseHash(eh, ws[i+n-1].exact)
		if n > 1 {
			pm, phm := m, hm
			m, hm = 0, g.big.Mask(eh)
			if pm&Prefix != 0 {
				m = g.lower.get(lh)
			}
			if phm&hintPrefix != 0 {
				hm |= uint8(g.hint.get(eh))
			}
		}
		if m == 0 && hm == 0 {
			break
		}
		noteMatch(longest, n, m, hm)
		found = true
	}
	return found
}

// noteMatch notes that a phrase of n words is in the lists of mask m and
// the hint lists of hint mask hm.
func noteMatch(longest *[nMarks]int, n int, m uint16, hm uint8) {
	for li := 0; li < nGaz; li++ {
		if m&(1<<li) != 0 {
			longest[li] = n
		}
	}
	for li := 0; li < nHint; li++ {
		if hm&(1<<li) != 0 {
			longest[nGaz+li] = n
		}
	}
}

// markMatches marks the matches that start at word i, longest per list,
// unless a match of the same list before it covers word i; best holds
// where each list's last match ends.
func markMatches(ws []Word, i int, longest, best *[nMarks]int) {
	for li := 0; li < nMarks; li++ {
		if i < best[li] || longest[li] == 0 {
			continue
		}
		best[li] = i + longest[li]
		ws[i].gaz[li] = 1
		for j := i + 1; j < best[li]; j++ {
			ws[j].gaz[li] = 2
		}
	}
}

// Profile is how a document writes each word: outside sentence starts and
// all-capitals headlines, capitalised (bit 1) and/or lower case (bit 2);
// and, for a word written capitalised, the words around its first
// mentions (Ratinov and Roth's context aggregation), so that a "Kerrow"
// that starts a sentence or a headline is seen beside the "Tomas" or the
// "said" of its other mentions.
type Profile map[uint64]wordProfile

// wordProfile is what a Profile knows of one word.
type wordProfile struct {
	cased uint8
	n     uint8 // contexts recorded
	ctx   [maxContexts]context
}

// maxContexts bounds the contexts a Profile keeps for a word: those of its
// first mentions.
const maxContexts = 4

// context is the word before (side 0) or after (side 1) one mention: the
// key of its LowerHash and its cluster path.
type context struct {
	side  uint8
	clus  uint16
	lower uint32
}

// Add notes the words of one prepared sentence. It reads each word's entry
// once and writes it back only when it changed: most words of a long text
// come again with nothing new to note.
func (p Profile) Add(ws []Word) {
	for i := range ws {
		if notes(&ws[i]) {
			p.note(ws, i)
		}
	}
}

// note notes ws[i] in its word's entry, written back only when it changed.
func (p Profile) note(ws []Word, i int) {
	e := p[ws[i].lower]
	if e.note(ws, i) {
		p[ws[i].lower] = e
	}
}

// notes reports whether a Profile notes word w: a word with letters
// outside a line in capitals.
func notes(w *Word) bool { return w.flags&fCapsSent == 0 && w.flags&fHasLetter != 0 }

// note notes word i of ws in e and reports whether e changed.
func (e *wordProfile) note(ws []Word, i int) bool {
	w := &ws[i]
	changed, cased := false, e.cased
	if w.flags&fInitUpper != 0 {
		changed = e.addContexts(ws, i)
	}
	if w.flags&fFirst == 0 {
		switch {
		case w.flags&fInitUpper != 0 && w.flags&fHasLower != 0:
			e.cased |= 1
		case w.flags&fInitUpper == 0 && w.flags&fHasLower != 0:
			e.cased |= 2
		}
	}
	// Told by the steps, not by comparing the entries: comparing their
	// contexts cost more than the rest of Add.
	return changed || e.cased != cased
}

// addContexts notes the words either side of word i of ws, while there is
// room, and reports whether it noted any.
func (e *wordProfile) addContexts(ws []Word, i int) bool {
	added := false
	if i > 0 && ws[i].flags&fFirst == 0 {
		added = e.add(context{0, ws[i-1].clus, key(ws[i-1].lower)})
	}
	if i+1 < len(ws) {
		added = e.add(context{1, ws[i+1].clus, key(ws[i+1].lower)}) || added
	}
	return added
}

// add notes context c unless it is noted or there is no room, and reports
// whether it did.
func (e *wordProfile) add(c context) bool {
	if int(e.n) == maxContexts || slices.Contains(e.ctx[:e.n], c) {
		return false
	}
	e.ctx[e.n] = c
	e.n++
	return true
}

// Apply copies the profile onto the words of a prepared sentence.
func (p Profile) Apply(ws []Word) {
	for i := range ws {
		ws[i].prof = p[ws[i].lower]
	}
}

// Feature templates; each feature's hash starts from its template.
const (
	tBias = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPre
	tSuf
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShortM1
	tShortP1
	tShort2M1
	tShort2P1
	tBigramM1
	tBigramP1
	tFirst
	tCaps
	tGaz
	tGazM1
	tGazP1
	tProf
	tLowerM1Short
	tSufM1
	tSufP1
	tFlags
	tClus
	tClusM1
	tClusP1
	tCasing
	tContext
	tContextClus
)

// clusterDepths are the prefixes of a word's cluster path the model reads,
// coarse to fine, as Ratinov and Roth read Brown cluster prefixes of 4 to
// 20 bits; neighbourDepths those of the words either side.
var (
	clusterDepths   = [...]int{2, 3, 5, 7}
	neighbourDepths = [...]int{3, 7}
)

var boundary = Word{word: 1, lower: 1, shape: 1, short: 1}

// Features appends the feature keys of word i of ws to dst.
func Features(ws []Word, i int, dst []uint32) []uint32 {
	return contextFeatures(ws, i, localFeatures(&ws[i], dst))
}

// localKey identifies everything localFeatures reads, so that their summed
// weights can be cached per distinct word.
func localKey(w *Word) uint64 {
	return mix(w.word, uint64(w.flags)|uint64(w.prof.cased)<<8)
}

// localFeatures appends the features that depend on the word alone.
func localFeatures(w *Word, dst []uint32) []uint32 {
	f := func(t, a uint64) { dst = append(dst, key(mix(t, a))) }
	f2 := func(t, a, b uint64) { dst = append(dst, key(mix(mix(t, a), b))) }
	f(tBias, 0)
	f(tWord, w.word)
	f(tLower, w.lower)
	f(tShape, w.shape)
	f(tShort, w.short)
	for k := 0; k < 4; k++ {
		f2(tPre, uint64(k), w.pre[k])
		f2(tSuf, uint64(k), w.suf[k])
	}
	fl := uint64(w.flags & (fFirst | fCapsSent))
	f2(tFirst, fl, w.short)
	f2(tFlags, fl, w.lower)
	if w.flags&fHasLetter != 0 {
		f2(tProf, uint64(w.prof.cased)|uint64(w.flags&(fFirst|fCapsSent|fInitUpper)), 0)
		f2(tCasing, uint64(w.casing), uint64(w.flags&(fFirst|fCapsSent|fInitUpper)))
	}
	if w.clus != 0 {
		for _, d := range clusterDepths {
			f(tClus, uint64(clusterPrefix(w.clus, d)))
		}
	}
	return dst
}

// contextFeatures appends the features that look at the neighbours or at
// gazetteer matches.
func contextFeatures(ws []Word, i int, dst []uint32) []uint32 {
	for r := range nRoles {
		dst = neighbourFeatures(neighbour(ws, i, r), r, dst)
	}
	dst = pairFeatures(ws, i, dst)
	return aggregateFeatures(&ws[i], neighbour(ws, i, roleM1), neighbour(ws, i, roleP1), dst)
}

// The places of the neighbours whose features read them alone: the word
// before, the word after, and the second word before and after.
const (
	roleM1 = iota
	roleP1
	roleM2
	roleP2
	nRoles
)

// neighbour is the word of ws in role r around word i, or boundary.
func neighbour(ws []Word, i, r int) *Word {
	j := i + [nRoles]int{-1, 1, -2, 2}[r]
	if j < 0 || j >= len(ws) {
		return &boundary
	}
	return &ws[j]
}

// neighbourFeatures appends the features that read the word n alone, in
// role r: they depend on n and r only, so that their summed weights can be
// cached per distinct word.
func neighbourFeatures(n *Word, r int, dst []uint32) []uint32 {
	f := func(t, a uint64) { dst = append(dst, key(mix(t, a))) }
	switch r {
	case roleM1, roleP1:
		lower, short, clus := uint64(tLowerM1), uint64(tShortM1), uint64(tClusM1)
		if r == roleP1 {
			lower, short, clus = tLowerP1, tShortP1, tClusP1
		}
		f(lower, n.lower)
		f(short, n.short)
		if n.clus != 0 {
			for _, d := range neighbourDepths {
				f(clus, uint64(clusterPrefix(n.clus, d)))
			}
		}
	case roleM2:
		f(tLowerM2, n.lower)
	case roleP2:
		f(tLowerP2, n.lower)
	}
	return dst
}

// pairFeatures appends the features that read word i with a neighbour or
// gazetteer matches.
func pairFeatures(ws []Word, i int, dst []uint32) []uint32 {
	w, m1, p1 := &ws[i], neighbour(ws, i, roleM1), neighbour(ws, i, roleP1)
	f := func(t, a uint64) { dst = append(dst, key(mix(t, a))) }
	f2 := func(t, a, b uint64) { dst = append(dst, key(mix(mix(t, a), b))) }
	f2(tShort2M1, m1.short, w.short)
	f2(tShort2P1, w.short, p1.short)
	f2(tBigramM1, m1.lower, w.lower)
	f2(tBigramP1, w.lower, p1.lower)
	f2(tLowerM1Short, m1.lower, w.short)
	f2(tSufM1, m1.suf[2], w.short)
	f2(tSufP1, p1.suf[2], w.short)
	// Most words are in no list: a whole array compared to none is one
	// check where a loop over the lists was eleven (the three loops were
	// 7% of the tagger's instructions). The model sums the weights of the
	// features, so their order in dst does not matter.
	if w.gaz != noMarks {
		for li, g := range w.gaz {
			if g != 0 {
				f2(tGaz, uint64(li*4+int(g)), uint64(w.flags&(fInitUpper|fAllUpper|fCapsSent)))
			}
		}
	}
	if m1.gaz != noMarks {
		for li, g := range m1.gaz {
			if g != 0 {
				f(tGazM1, uint64(li*4+int(g)))
			}
		}
	}
	if p1.gaz != noMarks {
		for li, g := range p1.gaz {
			if g != 0 {
				f(tGazP1, uint64(li*4+int(g)))
			}
		}
	}
	return dst
}

// noMarks is the marks of a word in no list.
var noMarks [nMarks]uint8

// aggregateFeatures appends the words around the capitalised mentions of
// the word in the document (and their clusters at depths 5 and 3), leaving
// out those of this mention. A lower-case word reads them too: "the kerrow fund" beside a
// "Tomas Kerrow" elsewhere (reading them for capitalised words only
// measured 92.62; 92.30; 68.95 against 93.00; 92.63; 68.97).
func aggregateFeatures(w, m1, p1 *Word, dst []uint32) []uint32 {
	for _, c := range w.prof.ctx[:w.prof.n] {
		if !c.around(key(m1.lower), key(p1.lower)) {
			dst = c.features(dst)
		}
	}
	return dst
}

// around reports whether c is a context of the mention between the words
// whose LowerHash keys are before and after.
func (c context) around(before, after uint32) bool {
	return c.side == 0 && c.lower == before || c.side == 1 && c.lower == after
}

// features appends the features of one context of a word's mentions.
func (c context) features(dst []uint32) []uint32 {
	dst = append(dst, key(mix(mix(tContext, uint64(c.side)), uint64(c.lower))))
	if c.clus != 0 {
		dst = append(dst, key(mix(mix(tContextClus, uint64(c.side)), uint64(clusterPrefix(c.clus, 5)))))
		dst = append(dst, key(mix(mix(tContextClus, uint64(c.side)+2), uint64(clusterPrefix(c.clus, 3)))))
	}
	return dst
}

// LowerHash is the LowerHash of the word's text.
func (w *Word) LowerHash() uint64 { return w.lower }

// ExactHash is the ExactHash of the word's text.
func (w *Word) ExactHash() uint64 { return w.exact }

// ExactMask is the gazetteer's ExactMask of the word alone.
func (w *Word) ExactMask() uint16 { return w.emask }

// LowerMask is the gazetteer's LowerMask of the word alone.
func (w *Word) LowerMask() uint16 { return w.lmask }

// InCapitals reports whether the word is in a sentence written all in
// capitals.
func (w *Word) InCapitals() bool { return w.flags&fCapsSent != 0 }

// IsCapitalised reports whether the word starts with a capital letter.
func (w *Word) IsCapitalised() bool { return w.flags&fInitUpper != 0 }

// IsCapitalised reports whether s starts with a capital letter, as the
// Word described from s would; it saves describing the word.
func IsCapitalised(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		// normRune keeps ASCII letters.
		return 'A' <= s[0] && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isUpper(normRune(r))
}

// isUpper reports whether describe counts r, a normalised rune, as a
// capital letter.
func isUpper(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 0x80 && isWordRune(r) && lowerRune(r) != r
}

// IsLower reports whether the word has letters, all of them lower case.
func (w *Word) IsLower() bool { return w.flags&fHasLower != 0 && w.flags&(fInitUpper|fAllUpper) == 0 }

// IsTitleCase reports whether the word starts with a capital letter and
// has lower-case letters ("Salmon", not "NATO").
func (w *Word) IsTitleCase() bool { return w.flags&fInitUpper != 0 && w.flags&fHasLower != 0 }

// WrittenLower reports whether the document writes the word in lower case
// outside sentence starts and lines in capitals (see Profile): set once
// the Vocab has the document's profile.
func (w *Word) WrittenLower() bool { return w.prof.cased&2 != 0 }
