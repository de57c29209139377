package ner

import "io"

// PhraseSet holds large hint lists (tens of thousands of place and person
// names) as the sorted 32-bit keys of their phrases' PhraseHash, each with
// a hint mask. It reads them in place from the embedded bytes, as the
// clusters and casing are read: decoding a table this large would double
// the model's load time. One 32-bit key in about 15,000 of another phrase
// collides.
type PhraseSet struct {
	masks *keyTable // one byte a key
}

// phraseSetMagic begins a PhraseSet's table; mgph1 was the table without
// its directory.
const phraseSetMagic = "mgph2"

// maxHintWords is the most words a PhraseSet entry has; longer ones are
// left out when it is built.
const maxHintWords = 6

// Mask is the hint mask of the phrase with the given PhraseHash, 0 for
// none; a nil set is empty.
func (s *PhraseSet) Mask(h uint64) uint8 {
	if s == nil {
		return 0
	}
	return uint8(s.masks.lookup(key(h)))
}

// Len is the number of phrases and phrase beginnings the set holds.
func (s *PhraseSet) Len() int { return s.masks.Len() }

// BuildPhraseSet hashes the entries of the lists, written as in text:
// lists[li] sets hint bit li, so lists[HintCity] are cities. Entries of
// more than maxHintWords words are left out.
func BuildPhraseSet(lists [][]string) *PhraseSet {
	m := map[uint32]uint16{}
	var toks []Token
	for li, entries := range lists {
		for _, e := range entries {
			toks = Tokenize(e, 0, len(e), toks[:0])
			if len(toks) == 0 || len(toks) > maxHintWords {
				continue
			}
			h := uint64(0)
			for i, t := range toks {
				h = PhraseHash(h, ExactHash(e[t.Start:t.End]))
				if i < len(toks)-1 {
					m[key(h)] |= hintPrefix
				}
			}
			m[key(h)] |= 1 << li
		}
	}
	return &PhraseSet{masks: newKeyTable(m, 1)}
}

// WriteTo writes the set: magic, the count of keys, the keys, the masks.
func (s *PhraseSet) WriteTo(w io.Writer) (int64, error) {
	return s.masks.writeTo(w, phraseSetMagic, "hint phrases")
}

// ReadPhraseSet reads a set written by WriteTo, in place; empty data is an
// empty set.
func ReadPhraseSet(data string) (*PhraseSet, error) {
	t, err := readKeyTable(data, phraseSetMagic, 1, "hint phrases")
	if err != nil {
		return nil, err
	}
	return &PhraseSet{masks: t}, nil
}
