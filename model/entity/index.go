package entity

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thing is one entity an article names, with every mention of it: "Leonid
// Slutsky" and a later "Slutsky", "Financial Times" and "FT", "the United
// States", "the U.S." and "US", a headline's "russia" and the body's
// "Russia".
type Thing struct {
	// ID is the thing's number in its Index, from 1, in order of first
	// mention.
	ID    int
	Label Label
	// Name is the fullest mention as written: the one with the most words,
	// capitalised rather than in lower case or capitals, the first on a tie.
	Name string
	// Mentions are the indices of its mentions in the entities the Index
	// was built from, in text order. The things of one Index share one
	// array of them.
	Mentions []int32
}

// Index groups the mentions of one text into things.
type Index struct {
	Things []Thing
	// ThingOf is, for each entity the Index was built from, the index in
	// Things of the thing it mentions.
	ThingOf []int32
}

// NewIndex groups es, the entities of text in text order (as Tag returns
// them), into things. Mentions are one thing when they have the same label
// and
//   - are the same words in any case, without a leading "the" and the dots
//     of abbreviations ("the U.S." and "US", "russia" and "Russia");
//   - or one is a person's surname, or the last words of the name, and
//     the other the full name ("Slutsky", "Leonid Slutsky"): the nearest
//     full name before it, or else the first after it;
//   - or one is an acronym in capitals of the other's capitalised words
//     ("FT", "Financial Times"; "US", "United States").
//
// Dates and numbers are grouped by the first rule only.
func NewIndex(text string, es []Entity) Index {
	keys := make([]string, len(es))
	for i, e := range es {
		keys[i] = normalName(e.In(text))
	}
	// Things by exact key first; u links them afterwards.
	first := map[nameKey]int{} // label + key -> thing
	var groups [][]int
	ofMention := make([]int, len(es))
	for i, e := range es {
		k := shortKey(e.Label, keys[i])
		g, ok := first[k]
		if !ok {
			g = len(groups)
			first[k] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
		ofMention[i] = g
	}
	u := newUnion(len(groups))
	linkShortForms(text, es, keys, groups, u)
	return buildIndex(text, es, groups, ofMention, u)
}

// normalName is a name's key: lower case, curly quotes straightened,
// without a leading "the", the dots of abbreviations, a possessive or
// format characters.
// Written out byte by byte (a Replacer, strings.ToLower, TrimSuffix,
// TrimPrefix, Fields and Join before: 46 of NewIndex's 97 M instructions
// on 1 MB of news), in their order, so that the key is theirs, even of
// text that is not UTF-8: a dropped dot may join two stray bytes into a
// rune before the case is lowered.
func normalName(s string) string {
	var marksBuf, lowerBuf [64]byte
	marks := marksBuf[:0]
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
		case strings.HasPrefix(s[i:], "’"):
			marks = append(marks, '\'')
			i += len("’") - 1
		default:
			// A format character the tagger reads past (unformat):
			// "Stan\u00adton" is "Stanton"; a zero-width space parts
			// words.
			if r, n := formatAt(s[i:]); n > 0 {
				if r == ZeroWidthSpace {
					marks = append(marks, ' ')
				}
				i += n - 1
				continue
			}
			marks = append(marks, s[i])
		}
	}
	lower := lowerBuf[:0]
	for len(marks) > 0 {
		if c := marks[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower, marks = append(lower, c), marks[1:]
			continue
		}
		r, n := utf8.DecodeRune(marks)
		// A stray byte decodes as RuneError and is written as one, as
		// strings.ToLower writes it.
		lower = utf8.AppendRune(lower, unicode.ToLower(r))
		marks = marks[n:]
	}
	lower = bytes.TrimSuffix(lower, []byte("'s"))
	lower = bytes.TrimPrefix(lower, []byte("the "))
	return string(joinFields(lower))
}

// joinFields is strings.Join(strings.Fields(b), " ") in place: the words
// of b, which is UTF-8, split at Unicode spaces, joined by single spaces.
func joinFields(b []byte) []byte {
	out, gap := b[:0], false
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		switch {
		case isSpace(r):
			gap = true
		default:
			if gap && len(out) > 0 {
				out = append(out, ' ')
			}
			gap = false
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// linkShortForms joins each thing whose name is a surname or an acronym to
// the longer thing it stands for.
func linkShortForms(text string, es []Entity, keys []string, groups [][]int, u *union) {
	// The longer things by the short forms that may stand for them: the
	// last words of a person's name, the initials of any name.
	long := map[nameKey][]int{}
	for g, ms := range groups {
		e := es[ms[0]]
		if !isNamed(e.Label) {
			continue
		}
		if e.Label == Person {
			k := keys[ms[0]]
			for i := strings.IndexByte(k, ' '); i >= 0; i = strings.IndexByte(k, ' ') {
				k = k[i+1:]
				long[shortKey(e.Label, k)] = append(long[shortKey(e.Label, k)], g)
			}
		}
		if in := initials(e.In(text)); in != "" {
			long[shortKey(e.Label, "\x01"+in)] = append(long[shortKey(e.Label, "\x01"+in)], g)
		}
	}
	for g, ms := range groups {
		e := es[ms[0]]
		if !isNamed(e.Label) {
			continue
		}
		cands := long[shortKey(e.Label, keys[ms[0]])]
		if e.Label != Person {
			cands = nil
		}
		if isAcronymName(e.In(text)) {
			cands = append(cands, long[shortKey(e.Label, "\x01"+keys[ms[0]])]...)
		}
		best := -1
		for _, h := range cands {
			if h != g && (best < 0 || closer(groups[h], groups[best], ms[0])) {
				best = h
			}
		}
		if best >= 0 {
			u.join(g, best)
		}
	}
}

// nameKey is a key of one label: a thing's, or a short form's.
type nameKey struct {
	label Label
	key   string
}

func shortKey(l Label, k string) nameKey { return nameKey{l, k} }

// closer reports whether thing a's mentions come nearer before mention m
// than thing b's do; a thing with no mention before m only wins against
// another such thing by coming first.
func closer(a, b []int, m int) bool {
	before := func(ms []int) int {
		last := -1
		for _, i := range ms {
			if i < m {
				last = i
			}
		}
		return last
	}
	pa, pb := before(a), before(b)
	if pa != pb {
		return pa > pb
	}
	return a[0] < b[0]
}

func isNamed(l Label) bool { return l == Person || l == Org || l == Place || l == Group }

// isAcronymName reports whether s is 2 to 6 capital letters, with or
// without dots ("FT", "U.S.").
func isAcronymName(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// initials are the lower-case first letters of the capitalised words of a
// name of two or more words: "Financial Times" -> "ft"; "Bank of England"
// -> "be".
func initials(s string) string {
	var b strings.Builder
	words := strings.Fields(s)
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// buildIndex numbers the linked groups as things in order of first
// mention and names each one.
func buildIndex(text string, es []Entity, groups [][]int, ofMention []int, u *union) Index {
	root := map[int]int32{} // union root -> thing
	idx := Index{ThingOf: make([]int32, len(es))}
	var count []int32
	for i := range es {
		r := u.find(ofMention[i])
		t, ok := root[r]
		if !ok {
			t = int32(len(count))
			root[r] = t
			count = append(count, 0)
		}
		count[t]++
		idx.ThingOf[i] = t
	}
	// The things are made once their number is known: grown by append,
	// they held up to a quarter more than the index keeps.
	idx.Things = make([]Thing, len(count))
	for i, t := range idx.ThingOf {
		if idx.Things[t].ID == 0 {
			idx.Things[t] = Thing{ID: int(t) + 1, Label: es[i].Label}
		}
	}
	shareMentions(idx, count)
	for t := range idx.Things {
		th := &idx.Things[t]
		best := th.Mentions[0]
		top := nameRank(es[best].In(text))
		for _, m := range th.Mentions[1:] {
			if r := nameRank(es[m].In(text)); r > top {
				best, top = m, r
			}
		}
		th.Name = es[best].In(text)
	}
	return idx
}

// shareMentions gives each thing of idx its mentions, count[t] of them,
// as parts of one array in text order.
func shareMentions(idx Index, count []int32) {
	all := make([]int32, len(idx.ThingOf))
	for t := range idx.Things {
		n := count[t]
		idx.Things[t].Mentions, all = all[:0:n], all[n:]
	}
	for i, t := range idx.ThingOf {
		idx.Things[t].Mentions = append(idx.Things[t].Mentions, int32(i))
	}
}

// nameRank orders the mentions of a thing as names: more words first, then
// mixed case, then capitals ("US"), then lower case. It reads s once, with
// no copies: its words are those of strings.Fields, and a rune that
// strings.ToLower or ToUpper would change (a stray byte, which they write
// as RuneError, included) makes s differ from its lower or upper case.
func nameRank(s string) int {
	words, gap := 0, true
	lowers, uppers := false, false // whether s differs from its lower, upper case
	for i, r := range s {
		if isSpace(r) {
			gap = true
			continue
		}
		if gap {
			words++
		}
		gap = false
		switch {
		case 'a' <= r && r <= 'z':
			uppers = true
			continue
		case 'A' <= r && r <= 'Z':
			lowers = true
			continue
		case r < utf8.RuneSelf:
			continue
		}
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				lowers, uppers = true, true
			}
			continue
		}
		lowers = lowers || unicode.ToLower(r) != r
		uppers = uppers || unicode.ToUpper(r) != r
	}
	rank := 4 * words
	switch {
	case lowers && uppers:
		rank += 2
	case lowers:
		rank++
	}
	return rank
}

// isSpace is unicode.IsSpace, with the ASCII spaces written out.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// union is a union-find over things.
type union struct{ parent []int }

func newUnion(n int) *union {
	u := &union{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// join links a to b, keeping the smaller root so that the result does not
// depend on the order of joins.
func (u *union) join(a, b int) {
	ra, rb := u.find(a), u.find(b)
	u.parent[max(ra, rb)] = min(ra, rb)
}
