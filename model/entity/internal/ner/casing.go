package ner

import (
	"io"
	"maps"
	"slices"
)

// Casing tells how unlabelled news writes each word in mid-sentence: always
// capitalised, mostly, mixed, mostly or always in lower case. A capitalised
// word that news mostly writes in lower case ("Upstream", "Salmon") is
// seldom a name, wherever it stands; this is Ratinov and Roth's
// capitalisation evidence from unlabelled text. Words are keyed by the
// 32-bit key of their lower-case hash, so the table holds no text. The
// buckets are read in place (see keyTable).
type Casing struct {
	buckets *keyTable
}

// Casing buckets, by the share of a word's mid-sentence occurrences
// written in lower case.
const (
	caseNone    = iota // too rare to say
	caseAlways         // never in lower case
	caseMostly         // under a tenth
	caseMixed          // under nine tenths
	caseLowered        // under all
	caseLower          // always in lower case
)

// casingMagic begins a table of one-byte buckets; MCAS1 was the deflated
// table that was decoded into a map, MCAS2 the table without its directory.
const casingMagic = "MCAS3"

// Len is the number of words with a bucket.
func (c *Casing) Len() int { return c.buckets.Len() }

// Bucket returns the casing bucket of the word with lower-case hash h.
func (c *Casing) Bucket(h uint64) uint8 {
	if c == nil {
		return caseNone
	}
	return uint8(c.buckets.lookup(key(h)))
}

// WriteTo writes the table as it is read (see keyTable.writeTo).
func (c *Casing) WriteTo(w io.Writer) (int64, error) {
	return c.buckets.writeTo(w, casingMagic, "casing")
}

// ReadCasing reads a table written by WriteTo, in place; empty data is an
// empty table.
func ReadCasing(data string) (*Casing, error) {
	t, err := readKeyTable(data, casingMagic, 1, "casing")
	if err != nil {
		return nil, err
	}
	return &Casing{buckets: t}, nil
}

// BuildCasing counts how sentences of unlabelled text write each word
// outside sentence starts, lines in capitals and title-case lines (where
// case says nothing), and buckets the words seen there at least minCount
// times.
func BuildCasing(sents [][]string, minCount int) *Casing {
	type tally struct{ upper, lower int }
	counts := map[uint64]*tally{}
	var ws []Word
	for _, s := range sents {
		ws = describeLine(s, ws[:0])
		if titleCase(ws) {
			continue
		}
		for i := range ws {
			up, ok := midSentenceCase(&ws[i])
			if !ok {
				continue
			}
			t := counts[ws[i].lower]
			if t == nil {
				t = &tally{}
				counts[ws[i].lower] = t
			}
			if up {
				t.upper++
			} else {
				t.lower++
			}
		}
	}
	buckets := map[uint32]uint16{}
	// In hash order, so that of two words whose keys collide the same one
	// wins at every build.
	for _, h := range slices.Sorted(maps.Keys(counts)) {
		t := counts[h]
		if n := t.upper + t.lower; n >= minCount {
			buckets[key(h)] = uint16(caseBucket(t.lower, n))
		}
	}
	return &Casing{buckets: newKeyTable(buckets, 1)}
}

func describeLine(words []string, ws []Word) []Word {
	for _, s := range words {
		var w Word
		describeShape(s, &w)
		ws = append(ws, w)
	}
	place(words, ws)
	return ws
}

// midSentenceCase reports whether w is capitalised, and whether its case
// says anything: a word with lower-case letters, not starting a sentence
// nor in a line of capitals.
func midSentenceCase(w *Word) (upper, ok bool) {
	if w.flags&(fFirst|fCapsSent) != 0 || w.flags&fHasLower == 0 {
		return false, false
	}
	return w.flags&fInitUpper != 0, true
}

// titleCase reports whether most of a line's words that could be written
// in lower case are capitalised, as in a headline.
func titleCase(ws []Word) bool {
	up, n := 0, 0
	for i := range ws {
		if u, ok := midSentenceCase(&ws[i]); ok {
			n++
			if u {
				up++
			}
		}
	}
	return n >= 2 && 2*up > n
}

func caseBucket(lower, n int) uint8 {
	switch {
	case lower == 0:
		return caseAlways
	case 10*lower < n:
		return caseMostly
	case 10*lower < 9*n:
		return caseMixed
	case lower < n:
		return caseLowered
	}
	return caseLower
}
