package entity

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/entity/internal/ner"
	"github.com/margin-reader/margin/model/span"
)

// modelFile is the trained perceptron, written by ./train.
//
//go:embed model.bin
var modelFile []byte

// Tagger finds entities in text. It is safe for concurrent use.
type Tagger struct {
	model *ner.Model
	gaz   *ner.Gazetteer
	// labels maps the model's types (PER ORG LOC MISC) to labels; MISC maps
	// to "" and only survives as a GROUP when the group table knows it.
	labels []Label
	work   sync.Pool
}

// Load reads the embedded model and word lists.
func Load() (*Tagger, error) {
	m, err := ner.Read(modelFile)
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	g, err := ner.NewGazetteer()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	t := &Tagger{model: m, gaz: g}
	for _, typ := range m.Types {
		t.labels = append(t.labels, map[string]Label{"PER": Person, "ORG": Org, "LOC": Place}[typ])
	}
	t.work.New = func() any { return new(work) }
	return t, nil
}

// maxWords is the most words the model reads as one sentence.
const maxWords = 400

// work is the scratch space of one Tag call.
type work struct {
	toks    []ner.Token
	sents   []struct{ a, b int } // word ranges
	words   []string
	ws      []ner.Word
	vocab   ner.Vocab
	sc      ner.Scratch
	spans   []ner.Span
	cands   []cand
	rules   []cand
	all     []cand // every sentence's candidates, in word indexes of the text
	covered []bool
}

// Tag returns the entities of text in text order, not overlapping, as byte
// spans. sentences are the text's sentence spans; the tagger only looks
// inside them, and splits them further at line breaks. With no sentences it
// reads the whole text.
func (t *Tagger) Tag(text string, sentences []span.Span) []Entity {
	if len(sentences) == 0 {
		sentences = []span.Span{{Start: 0, End: len(text)}}
	}
	if !slices.IsSortedFunc(sentences, func(a, b span.Span) int { return a.Start - b.Start }) {
		sentences = slices.Clone(sentences)
		slices.SortFunc(sentences, func(a, b span.Span) int { return a.Start - b.Start })
	}
	w := t.work.Get().(*work)
	defer t.work.Put(w)
	w.toks, w.sents, w.words, w.ws = w.toks[:0], w.sents[:0], w.words[:0], w.ws[:0]
	// Caches start cold on every call, so each text costs the same whatever
	// was tagged before.
	w.vocab.Reset()
	w.sc.Reset()

	prevEnd := 0
	for _, s := range sentences {
		start, end := max(s.Start, prevEnd, 0), min(s.End, len(text))
		// A span that cuts a rune in two is moved inwards to whole runes.
		for start < end && !utf8.RuneStart(text[start]) {
			start++
		}
		for end > start && end < len(text) && !utf8.RuneStart(text[end]) {
			end--
		}
		for start < end {
			ln := end
			for i := start; i < end; i++ {
				if text[i] == '\n' {
					ln = i
					break
				}
			}
			a := len(w.toks)
			w.toks = ner.Tokenize(text, start, ln, w.toks)
			// A line longer than any sentence (a table, a dump) is read in
			// pieces, which bounds the decoder's memory.
			for ; a < len(w.toks); a += maxWords {
				w.sents = append(w.sents, struct{ a, b int }{a, min(a+maxWords, len(w.toks))})
			}
			start = ln + 1
		}
		prevEnd = max(prevEnd, end)
	}
	w.words = slices.Grow(w.words, len(w.toks))
	w.ws = slices.Grow(w.ws, len(w.toks))
	for _, tk := range w.toks {
		w.words = append(w.words, text[tk.Start:tk.End])
	}
	prof := ner.Profile{}
	for _, s := range w.sents {
		w.ws = t.gaz.Sentence(w.words[s.a:s.b], &w.vocab, w.ws)
		prof.Add(w.ws[s.a:s.b])
	}
	prof.Apply(w.ws)

	w.all = w.all[:0]
	for _, s := range w.sents {
		for _, c := range t.sentence(w, s.a, s.b) {
			w.all = append(w.all, cand{s.a + c.a, s.a + c.b, c.label})
		}
	}
	consistent(w)
	out := make([]Entity, 0, len(w.all))
	for _, c := range w.all {
		out = append(out, Entity{Span: span.Span{Start: w.toks[c.a].Start, End: w.toks[c.b-1].End}, Label: c.label})
	}
	return out
}

// named are the labels that document consistency applies to, by index.
var named = [...]Label{Person, Org, Place}

func namedIndex(l Label) int { return slices.Index(named[:], l) }

// consistent makes the names of one text agree with each other: a name the
// text tags more often with another label takes that label, and a name (or
// a person's surname) found once is found wherever else it is written
// capitalised and untagged ("Comelf said ... Comelf's output rose").
func consistent(w *work) {
	type votes [len(named)]int
	known := map[uint64]*votes{}
	maxLen := 0
	phrase := func(a, b int) uint64 {
		h := uint64(0)
		for i := a; i < b; i++ {
			h = ner.PhraseHash(h, w.ws[i].ExactHash())
		}
		return h
	}
	vote := func(h uint64, k int) {
		v := known[h]
		if v == nil {
			v = new(votes)
			known[h] = v
		}
		v[k]++
	}
	for _, c := range w.all {
		k := namedIndex(c.label)
		if k < 0 {
			continue
		}
		vote(phrase(c.a, c.b), k)
		maxLen = max(maxLen, c.b-c.a)
		if c.label == Person && c.b-c.a > 1 {
			vote(phrase(c.b-1, c.b), k)
		}
	}
	if len(known) == 0 {
		return
	}
	best := func(v *votes) (int, int) {
		k := 0
		for i := range v {
			if v[i] > v[k] {
				k = i
			}
		}
		return k, v[k]
	}
	covered := slices.Grow(w.covered[:0], len(w.ws))[:len(w.ws)]
	clear(covered)
	for i := range w.all {
		c := &w.all[i]
		for j := c.a; j < c.b; j++ {
			covered[j] = true
		}
		k := namedIndex(c.label)
		if k < 0 {
			continue
		}
		v := known[phrase(c.a, c.b)]
		if b, n := best(v); n > v[k] {
			c.label = named[b]
		}
	}
	n0 := len(w.all)
	for _, s := range w.sents {
		for i := s.a; i < s.b; i++ {
			if covered[i] || !w.ws[i].IsCapitalised() {
				continue
			}
			for n := min(maxLen, s.b-i); n >= 1; n-- {
				if covered[i+n-1] {
					continue
				}
				if v, ok := known[phrase(i, i+n)]; ok {
					b, _ := best(v)
					w.all = append(w.all, cand{i, i + n, named[b]})
					for j := i; j < i+n; j++ {
						covered[j] = true
					}
					i += n - 1
					break
				}
			}
		}
	}
	w.covered = covered
	if len(w.all) > n0 {
		slices.SortFunc(w.all, func(x, y cand) int { return x.a - y.a })
	}
}

// sentence tags words [a, b) and returns candidates relative to a, sorted
// and not overlapping.
func (t *Tagger) sentence(w *work, a, b int) []cand {
	words, ws := w.words[a:b], w.ws[a:b]
	// The statistical model.
	w.cands = w.cands[:0]
	w.spans = ner.Spans(t.model.Tag(ws, &w.sc), w.spans[:0])
	for _, sp := range w.spans {
		l := t.labels[sp.Type]
		switch {
		case sp.End-sp.Start == 1 && ws[sp.Start].ExactMask()&(1<<ner.GazGroup) != 0:
			l = Group
		case l == Person && sp.End-sp.Start > 1 && orgHeads[words[sp.End-1]]:
			// "Putin Administration", "Biden White House" name an organisation.
			l = Org
		}
		// A MISC span ("U.S. Open") keeps its place with no label, so that
		// the lists do not tag words inside it; it is dropped at the end.
		w.cands = append(w.cands, cand{sp.Start, sp.End, l})
	}
	w.cands = trimPunct(words, w.cands)
	// Gazetteer matches as written override or fill in.
	w.rules = t.gazetteerMatches(ws, w.rules[:0])
	for _, g := range w.rules {
		w.cands = mergeGazetteer(w.cands, g)
	}
	// Rules fill the gaps the model and the lists leave.
	w.rules = w.rules[:0]
	w.rules = t.caselessLine(words, ws, w.rules)
	w.rules = theWest(words, w.rules)
	w.rules = datesAndNumbers(words, w.rules)
	for _, r := range w.rules {
		w.cands = fill(w.cands, r)
	}
	return slices.DeleteFunc(w.cands, func(c cand) bool { return c.label == "" })
}

// gazetteerMatches finds the leftmost longest strong matches of the place,
// organisation and group lists, case as written.
func (t *Tagger) gazetteerMatches(ws []ner.Word, dst []cand) []cand {
	maxLen := t.gaz.MaxLen()
	for i := 0; i < len(ws); {
		h := uint64(0)
		best, label := 0, Label("")
		for n := 1; n <= maxLen && i+n <= len(ws); n++ {
			h = ner.PhraseHash(h, ws[i+n-1].ExactHash())
			m := ws[i].ExactMask()
			if n > 1 {
				m = t.gaz.ExactMask(h)
			}
			if m == 0 {
				break
			}
			switch {
			case m&(1<<ner.GazOrg) != 0:
				best, label = n, Org
			case m&(1<<ner.GazPlace) != 0:
				best, label = n, Place
			case m&(1<<ner.GazGroup) != 0:
				best, label = n, Group
			case m&(1<<(ner.GazOrg+4)|1<<(ner.GazPlace+4)) != 0 && n > 1:
				// A longer weak entry still shows where a name ends.
				best, label = n, ""
			}
		}
		if best == 0 {
			i++
			continue
		}
		if label != "" {
			dst = append(dst, cand{i, i + best, label})
		}
		i += best
	}
	return dst
}

// mergeGazetteer adds a gazetteer match to the model's candidates: it
// replaces the candidates it covers (the model found "Washington" in
// "Washington Post"), gives an organisation's label to a candidate with
// exactly its span (the model reads "the Kremlin" as a place), and otherwise
// fills a gap. A model span that reaches beyond it wins.
func mergeGazetteer(cs []cand, g cand) []cand {
	var over []int
	for i, c := range cs {
		if c.a < g.b && g.a < c.b {
			over = append(over, i)
		}
	}
	for _, i := range over {
		if c := cs[i]; c.a < g.a || c.b > g.b {
			return cs
		}
	}
	if len(over) == 1 && g.label != Org && cs[over[0]] == (cand{g.a, g.b, cs[over[0]].label}) && cs[over[0]].label != "" {
		// The model knows when a city names a team ("Atlanta beat Chicago").
		return cs
	}
	if len(over) > 0 {
		cs = slices.Delete(cs, over[0], over[len(over)-1]+1)
	}
	return insert(cs, g)
}

// fill adds r when it overlaps no candidate.
func fill(cs []cand, r cand) []cand {
	for _, c := range cs {
		if c.a < r.b && r.a < c.b {
			return cs
		}
	}
	return insert(cs, r)
}

func insert(cs []cand, c cand) []cand {
	i, _ := slices.BinarySearchFunc(cs, c, func(x, y cand) int { return x.a - y.a })
	return slices.Insert(cs, i, c)
}

// caselessLine handles a line whose case says nothing: scraped in lower
// case ("china slams us claims on russia", known when it writes a known
// place in lower case) or written in capitals ("CHINA SLAMS US CLAIMS").
// Its places, organisations and groups are looked up in any case, and a
// lower-case "us" is the United States.
func (t *Tagger) caselessLine(words []string, ws []ner.Word, dst []cand) []cand {
	if len(ws) == 0 {
		return dst
	}
	lowered, caps := false, ws[0].InCapitals()
	for i := range ws {
		if ws[i].IsLower() && ws[i].LowerMask()&(1<<(ner.GazPlace+8)) != 0 {
			lowered = true
			break
		}
	}
	if !lowered && !caps {
		return dst
	}
	maxLen := t.gaz.MaxLen()
	for i := 0; i < len(ws); {
		if !caps && !ws[i].IsLower() {
			i++
			continue
		}
		if lowered && words[i] == "us" {
			dst = append(dst, cand{i, i + 1, Place})
			i++
			continue
		}
		h := uint64(0)
		best, label := 0, Label("")
		for n := 1; n <= maxLen && i+n <= len(ws); n++ {
			h = ner.PhraseHash(h, ws[i+n-1].LowerHash())
			m := t.gaz.LowerMask(h)
			if m == 0 {
				break
			}
			switch {
			case m&(1<<(ner.GazOrg+8)) != 0:
				best, label = n, Org
			case m&(1<<(ner.GazPlace+8)) != 0:
				best, label = n, Place
			case m&(1<<(ner.GazGroup+8)) != 0:
				best, label = n, Group
			}
		}
		if best == 0 {
			i++
			continue
		}
		dst = append(dst, cand{i, i + best, label})
		i += best
	}
	return dst
}

// theWest tags "the West" (and "the East") used as a region.
func theWest(words []string, dst []cand) []cand {
	for i := 1; i < len(words); i++ {
		if (words[i] == "West" || words[i] == "East") && (words[i-1] == "the" || words[i-1] == "The") &&
			(i+1 == len(words) || !startsUpper(words[i+1])) {
			dst = append(dst, cand{i, i + 1, Place})
		}
	}
	return dst
}

// trimPunct drops from the edges of named candidates what cannot be part of
// a name: punctuation ("_Financial Times_"), a trailing "'s", a section
// number opening a line ("II. Counting fish"), and drops candidates left
// with nothing but such words or a lone article.
func trimPunct(words []string, cs []cand) []cand {
	out := cs[:0]
	for _, c := range cs {
		if c.label == Number || c.label == Date {
			out = append(out, c)
			continue
		}
		for c.a < c.b && (!hasWordRune(words[c.a]) || c.a == 0 && isRoman(words[c.a])) {
			c.a++
		}
		for c.b > c.a && (!hasWordRune(words[c.b-1]) || isPossessive(words[c.b-1])) {
			c.b--
		}
		if c.b-c.a == 1 && (articles[words[c.a]] || isRoman(words[c.a])) {
			continue
		}
		if c.a < c.b {
			out = append(out, c)
		}
	}
	return out
}

var articles = set("The", "A", "An", "the", "a", "an", "This", "That", "In", "On", "At", "For", "And", "But")

// isRoman reports whether w is a small Roman numeral, with or without a dot.
func isRoman(w string) bool {
	w = strings.TrimSuffix(w, ".")
	switch w {
	case "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII":
		return true
	}
	return false
}

func hasWordRune(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return true
		}
	}
	return false
}

func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'S" || w == "’S"
}
