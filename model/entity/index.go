package entity

import (
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
	first := map[string]int{} // label + key -> thing
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

// nameMarks straightens curly quotes and drops dots; a Replacer is safe
// for concurrent use, and building one per name cost more than the rest of
// NewIndex.
var nameMarks = strings.NewReplacer("’", "'", ".", "")

// normalName is a name's key: lower case, curly quotes straightened,
// without a leading "the", the dots of abbreviations or a possessive.
func normalName(s string) string {
	s = strings.ToLower(nameMarks.Replace(s))
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

// linkShortForms joins each thing whose name is a surname or an acronym to
// the longer thing it stands for.
func linkShortForms(text string, es []Entity, keys []string, groups [][]int, u *union) {
	// The longer things by the short forms that may stand for them: the
	// last words of a person's name, the initials of any name.
	long := map[string][]int{}
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

func shortKey(l Label, k string) string { return string(l) + "\x00" + k }

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
		for _, m := range th.Mentions[1:] {
			if nameRank(es[m].In(text)) > nameRank(es[best].In(text)) {
				best = m
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
// mixed case, then capitals ("US"), then lower case.
func nameRank(s string) int {
	rank := 4 * len(strings.Fields(s))
	switch lower, upper := strings.ToLower(s), strings.ToUpper(s); {
	case s != lower && s != upper:
		rank += 2
	case s != lower:
		rank++
	}
	return rank
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
