package ner

import (
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/margin-reader/margin/model/entity/data"
)

// Gazetteer lists, as bit positions in a mask.
const (
	GazPlace = iota
	GazOrg
	GazGroup
	GazName
	nGaz
)

var gazLists = [nGaz]data.List{data.Places, data.Orgs, data.Groups, data.Names}

// Hint lists, as bit positions in a hint mask: names the model is told of
// but that are never tagged on their own.
const (
	HintPerson = iota
	HintPlace
	HintOrg
	// HintCity, HintPersonName, HintCompany and HintInstitution are the
	// large lists of a PhraseSet (data/hints.bin): cities, people's given
	// names and surnames, company names, and the names of institutions
	// (universities, schools, political parties).
	HintCity
	HintPersonName
	HintCompany
	HintInstitution
	nHint
)

// hintLists are the hint lists kept as text, in hint bit order.
var hintLists = [...]data.List{data.WordNetPeople, data.WordNetPlaces, data.WordNetOrgs}

// hintPrefix is set in a hint mask when the phrase begins a longer entry.
const hintPrefix = 1 << 7

// The hint lists' bits must stay below hintPrefix in a one-byte mask: the
// array's length is negative, and the build stops, once they reach it.
var _ [hintPrefix>>nHint - 1]struct{}

// nMarks is the number of lists a word can be marked in: the gazetteer
// lists, then the hint lists.
const nMarks = nGaz + nHint

// Gazetteer answers whether a run of words is a known place, organisation,
// group or given name. Phrases are keyed by the PhraseHash of their words.
type Gazetteer struct {
	lower  *phraseTable // any case: mask of lists; see LowerMask
	exact  *phraseTable // as written: mask of lists, weak entries in the high nibble
	maxLen int
	// hint holds the hint lists' phrases as written: a mask of lists.
	hint *phraseTable
	// big holds the large hint lists.
	big *PhraseSet
	// heads maps the LowerHash of a head word (see Head) to its kind.
	heads *phraseTable
	// clusters are the word clusters, which describe words alongside the lists.
	clusters *Clusters
	// casing is how unlabelled news writes each word.
	casing *Casing
}

// gazetteerMagic begins the file of the tables BuildGazetteer builds from
// the word lists (data/gazetteer.bin), which NewGazetteer reads in place.
const gazetteerMagic = "mggz1"

// NewGazetteer reads the gazetteer from the embedded tables, which
// BuildGazetteer builds from the embedded word lists (a test holds them
// to the lists).
func NewGazetteer() (*Gazetteer, error) {
	g, err := readWordTables()
	if err != nil {
		return nil, err
	}
	if err := g.readTables(data.Gazetteer()); err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	return g, nil
}

// readWordTables is a gazetteer with its clusters, casing and large hint
// lists read, its phrase tables not yet.
func readWordTables() (*Gazetteer, error) {
	g := &Gazetteer{}
	var err error
	if g.clusters, err = ReadClusters(data.Clusters()); err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	if g.casing, err = ReadCasing(data.Casing()); err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	if g.big, err = ReadPhraseSet(data.Hints()); err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	return g, nil
}

// WriteTo writes the gazetteer's phrase tables: the magic, the longest
// entry's words as a uint32, then the tables lower, exact, hint and heads.
func (g *Gazetteer) WriteTo(w io.Writer) (int64, error) {
	b := binary.LittleEndian.AppendUint32([]byte(gazetteerMagic), uint32(g.maxLen))
	for _, t := range []*phraseTable{g.lower, g.exact, g.hint, g.heads} {
		b = t.appendTo(b)
	}
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("write gazetteer: %w", err)
	}
	return int64(n), nil
}

// readTables reads the phrase tables WriteTo wrote, in place.
func (g *Gazetteer) readTables(b string) error {
	rest, ok := strings.CutPrefix(b, gazetteerMagic)
	if !ok || len(rest) < 4 {
		return errCorrupt
	}
	g.maxLen = int(binary.LittleEndian.Uint32([]byte(rest[:4])))
	rest = rest[4:]
	var err error
	for _, t := range []**phraseTable{&g.lower, &g.exact, &g.hint, &g.heads} {
		if *t, rest, err = readPhraseTable(rest); err != nil {
			return err
		}
	}
	if rest != "" || g.maxLen > maxGazetteerWords {
		return errCorrupt
	}
	return nil
}

// maxGazetteerWords bounds the longest entry a gazetteer file may claim.
const maxGazetteerWords = 64

// gazetteerMaps are the phrase tables as BuildGazetteer gathers them.
type gazetteerMaps struct {
	lower, exact, hint map[uint64]uint16
	maxLen             int
}

// BuildGazetteer builds the gazetteer from the embedded word lists. Single-word
// groups also match with a plural "s" ("Ukrainians").
func BuildGazetteer() (*Gazetteer, error) {
	g, err := readWordTables()
	if err != nil {
		return nil, err
	}
	b := &gazetteerMaps{lower: map[uint64]uint16{}, exact: map[uint64]uint16{}}
	ends, err := b.addHints()
	if err != nil {
		return nil, err
	}
	heads := ends.heads(g.casing)
	if g.big.Len() > 0 {
		b.maxLen = max(b.maxLen, maxHintWords)
	}
	if err := b.addLists(); err != nil {
		return nil, err
	}
	g.maxLen = b.maxLen
	for _, t := range []struct {
		dst **phraseTable
		m   map[uint64]uint16
	}{{&g.lower, b.lower}, {&g.exact, b.exact}, {&g.hint, b.hint}, {&g.heads, heads}} {
		if *t.dst, err = newPhraseTable(t.m); err != nil {
			return nil, fmt.Errorf("build gazetteer: %w", err)
		}
	}
	return g, nil
}

// addLists adds the gazetteer lists' entries to lower and exact.
func (b *gazetteerMaps) addLists() error {
	var toks []Token
	for li, l := range gazLists {
		entries, err := data.Entries(l)
		if err != nil {
			return fmt.Errorf("build gazetteer: %w", err)
		}
		for _, e := range entries {
			forms := []string{e.Text}
			if li == GazGroup {
				forms = append(forms, e.Text+"s")
			}
			for _, f := range forms {
				toks = Tokenize(f, 0, len(f), toks[:0])
				if len(toks) == 0 {
					continue
				}
				lh, eh := uint64(0), uint64(0)
				for i, t := range toks {
					w := f[t.Start:t.End]
					lh = PhraseHash(lh, LowerHash(w))
					eh = PhraseHash(eh, ExactHash(w))
					if i < len(toks)-1 {
						b.lower[lh] |= Prefix
						b.exact[eh] |= Prefix
					}
				}
				b.lower[lh] |= 1 << li
				if e.Weak {
					b.exact[eh] |= 1 << (li + 4)
				} else {
					b.lower[lh] |= 1 << (li + 4)
					if !isAcronym(f) {
						b.lower[lh] |= 1 << (li + 8)
					}
					b.exact[eh] |= 1 << li
				}
				b.maxLen = max(b.maxLen, len(toks))
			}
		}
	}
	return nil
}

// hintMask is the hint mask of a phrase as written.
func (g *Gazetteer) hintMask(phrase uint64) uint8 {
	return uint8(g.hint.get(phrase)) | g.big.Mask(phrase)
}

// addHints reads the hint lists kept as text and counts the last words of
// their names.
func (b *gazetteerMaps) addHints() (headCounts, error) {
	var toks []Token
	lists := make([][]data.Entry, len(hintLists))
	n := 0
	for li, l := range hintLists {
		entries, err := data.Entries(l)
		if err != nil {
			return nil, fmt.Errorf("build gazetteer: %w", err)
		}
		lists[li] = entries
		n += len(entries)
	}
	// Room for each entry and the phrases that begin longer ones, so the
	// map is not grown entry by entry.
	b.hint = make(map[uint64]uint16, 2*n)
	ends := headCounts{}
	for li, entries := range lists {
		for _, e := range entries {
			toks = Tokenize(e.Text, 0, len(e.Text), toks[:0])
			ends.add(li, e.Text, toks)
			h := uint64(0)
			for i, t := range toks {
				h = PhraseHash(h, ExactHash(e.Text[t.Start:t.End]))
				if i < len(toks)-1 {
					b.hint[h] |= hintPrefix
				}
			}
			if len(toks) > 0 {
				b.hint[h] |= 1 << li
				b.maxLen = max(b.maxLen, len(toks))
			}
		}
	}
	return ends, nil
}

// Kinds of head word: the last word of a name, which says what it names.
const (
	HeadOrg = 1 + iota
	HeadPlace
)

// minHeadNames is how many of WordNet's names of a kind a word must end to
// head names of that kind.
const minHeadNames = 5

// headCounts counts the capitalised last words of the names of several
// words in WordNet's organisation and place lists, per kind.
type headCounts map[uint64]*[HeadPlace + 1]int

func (c headCounts) add(list int, text string, toks []Token) {
	var kind int
	switch list {
	case HintOrg:
		kind = HeadOrg
	case HintPlace:
		kind = HeadPlace
	}
	if kind == 0 || len(toks) < 2 {
		return
	}
	last := text[toks[len(toks)-1].Start:toks[len(toks)-1].End]
	if !IsCapitalised(last) {
		return
	}
	h := LowerHash(last)
	if c[h] == nil {
		c[h] = new([HeadPlace + 1]int)
	}
	c[h][kind]++
}

// heads keeps the words that end at least minHeadNames names of a kind,
// more of it than of the other, and that news writes in lower case at
// least a tenth of the time: common nouns ("Party", "River"), not names
// that end many others ("America").
func (c headCounts) heads(casing *Casing) map[uint64]uint16 {
	out := map[uint64]uint16{}
	for h, n := range c {
		if casing.Bucket(h) < caseMixed {
			continue
		}
		switch {
		case n[HeadOrg] >= minHeadNames && n[HeadOrg] > n[HeadPlace]:
			out[h] = HeadOrg
		case n[HeadPlace] >= minHeadNames && n[HeadPlace] > n[HeadOrg]:
			out[h] = HeadPlace
		}
	}
	return out
}

// Head is the kind of head word the word with the given LowerHash is
// (HeadOrg: "Party", "Council"; HeadPlace: "River", "Island"), or 0.
func (g *Gazetteer) Head(lower uint64) uint8 { return uint8(g.heads.get(lower)) }

// Prefix is set in a mask when the phrase begins a longer entry, so a
// caller extending a phrase word by word can stop at a mask of 0.
const Prefix = 1 << 15

// MaxLen is the number of words in the longest entry.
func (g *Gazetteer) MaxLen() int { return g.maxLen }

// LowerMask is the mask of lists holding the phrase in any case: bit list
// for any entry, bit list+4 for a strong (not weak) entry, and bit list+8 for
// a strong entry that is not an acronym, so that its lower-case form is no
// common word ("us", "who").
func (g *Gazetteer) LowerMask(phrase uint64) uint16 { return g.lower.get(phrase) }

// isAcronym reports whether s has no lower-case letters.
func isAcronym(s string) bool {
	for _, r := range s {
		if lowerRune(r) == r && unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// ExactMask is the mask of lists holding the phrase exactly as written; weak
// (ambiguous) entries set bit list+4 instead of bit list.
func (g *Gazetteer) ExactMask(phrase uint64) uint16 { return g.exact.get(phrase) }
