// Package claim finds contested claims: statements a careful reader should
// not take at face value, with the words that flagged them and who they are
// attributed to.
package claim

import "github.com/margin-reader/margin/model/span"

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
	Kinds  []Kind
	Cues   []Cue
	Source *Source
	// Checkworthiness is from 0 to 1; 0.5 and above means worth checking.
	Checkworthiness float64
}
