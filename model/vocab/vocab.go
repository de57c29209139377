// Package vocab names, once, every entity label, claim kind and verdict
// margin knows: the string stored in sidecars, reports and exports, and the
// name a person reads. The analysers and the note store keep their own typed
// constants with the same strings; tests check the lists agree, so adding a
// label, kind or verdict starts here.
//
// vocab imports nothing of margin's, so every package may use it.
package vocab

// Term is one word of the vocabulary.
type Term struct {
	// Value is the string stored in files and reports; it never changes
	// once shipped.
	Value string
	// Name is how the reader and the exports show the term.
	Name string
}

// EntityLabels lists every entity label in the order the reader shows them.
func EntityLabels() []Term {
	return []Term{
		{"PERSON", "People"},
		{"ORG", "Organisations"},
		{"PLACE", "Places"},
		{"GROUP", "Groups"},
		{"DATE", "Dates"},
		{"NUMBER", "Numbers"},
	}
}

// ClaimKinds lists every reason a claim is flagged, in the order the reader
// shows them.
func ClaimKinds() []Term {
	return []Term{
		{"attributed", "attributed"},
		{"disputed", "disputed"},
		{"hedged", "hedged"},
		{"statistical", "statistical"},
		{"prediction", "prediction"},
		{"causal", "causal"},
	}
}

// NoVerdict is the Value of a note without a verdict.
const NoVerdict = ""

// Verdicts lists every verdict a note can carry, from best to worst
// supported, with NoVerdict last.
func Verdicts() []Term {
	return []Term{
		{"true", "true"},
		{"mostly-true", "mostly true"},
		{"misleading", "misleading"},
		{"false", "false"},
		{"unverified", "unverified"},
		{"opinion", "opinion"},
		{NoVerdict, "no verdict"},
	}
}

// Values lists the Values of terms, in order.
func Values(terms []Term) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.Value
	}
	return out
}

// Lookup finds the term with value v among terms.
func Lookup(terms []Term, v string) (Term, bool) {
	for _, t := range terms {
		if t.Value == v {
			return t, true
		}
	}
	return Term{}, false
}

// Name is the display name of value v among terms, or v itself when no term
// has that value (a sidecar written by a newer margin, say).
func Name(terms []Term, v string) string {
	if t, ok := Lookup(terms, v); ok {
		return t.Name
	}
	return v
}
