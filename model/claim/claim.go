// Package claim finds contested claims: statements a careful reader should
// not take at face value, with the words that flagged them and who they are
// attributed to.
package claim

import (
	"iter"
	"math/bits"
	"strings"

	"github.com/margin-reader/margin/model/span"
)

// Kind is a reason a claim was flagged.
type Kind string

const (
	Attributed  Kind = "attributed"
	Disputed    Kind = "disputed"
	Hedged      Kind = "hedged"
	Statistical Kind = "statistical"
	Prediction  Kind = "prediction"
	Causal      Kind = "causal"
)

// Kinds lists every kind in the order a claim lists them.
func Kinds() []Kind {
	k := kindOrder
	return k[:]
}

// KindSet is a set of kinds, one bit each, listed in the order of Kinds:
// a claim's kinds cost it one byte and no allocation.
type KindSet uint8

// KindsOf is the set of ks.
func KindsOf(ks ...Kind) KindSet {
	var s KindSet
	for _, k := range ks {
		s = s.Add(k)
	}
	return s
}

// Add returns s with k in it; a k that is not one of Kinds leaves s as it is.
func (s KindSet) Add(k Kind) KindSet { return s | bit(k) }

// Has reports whether k is in s.
func (s KindSet) Has(k Kind) bool { return s&bit(k) != 0 }

// bit is k's bit in a KindSet, 0 for a k that is not one of Kinds.
func bit(k Kind) KindSet {
	for i, o := range kindOrder {
		if o == k {
			return 1 << i
		}
	}
	return 0
}

// Len is the number of kinds in s.
func (s KindSet) Len() int { return bits.OnesCount8(uint8(s)) }

// All yields the kinds in s in the order of Kinds.
func (s KindSet) All() iter.Seq[Kind] {
	return func(yield func(Kind) bool) {
		for i, k := range kindOrder {
			if s&(1<<i) != 0 && !yield(k) {
				return
			}
		}
	}
}

// String lists the kinds of s as a slice of them prints: "[attributed hedged]".
func (s KindSet) String() string {
	var b strings.Builder
	b.WriteByte('[')
	for k := range s.All() {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(string(k))
	}
	b.WriteByte(']')
	return b.String()
}

// First is the first kind of s in the order of Kinds, "" for none.
func (s KindSet) First() Kind {
	for k := range s.All() {
		return k
	}
	return ""
}

// Cue is a word or phrase that flagged a claim, and the kind it signals.
type Cue struct {
	span.Span
	Kind Kind
}

// Source is who a claim is attributed to.
type Source struct {
	span.Span
	// Via names who reported the source's words, when the text says so
	// ("According to Financial Times, a spokesperson ..."); "" otherwise.
	Via string
	// Resolved is, for a pronoun source ("he asserted"), the earlier source
	// or person the pronoun was resolved to; empty when the source is not a
	// pronoun or nothing fitted.
	Resolved span.Span
	// Vague reports a source that names no one ("several reports",
	// "officials said", "a spokesperson").
	Vague bool
}

// Claim is one contested claim: a sentence, or the part of it that is claimed.
type Claim struct {
	span.Span
	Kinds KindSet
	// Cues of the claims of one analysis share one array, and their
	// Sources another, so a claim costs no allocation of its own.
	Cues   []Cue
	Source *Source
	// Checkworthiness is from 0 to 1; 0.5 and above means worth checking.
	Checkworthiness float64
}
