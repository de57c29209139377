// Package annotate keeps a fact-checker's notes on one article: each note
// is anchored to a passage of the article's text, stored in a sidecar file
// next to the article (package sidecar) and found again when the text
// changes (package anchor).
//
// Beside the article the sidecar is <file name>.notes.jsonl. In a notes
// folder (Options.Dir: --notes-dir, or the fallback folder FallbackDir
// for an article whose folder cannot hold one) every article has its own,
// <file name>.<key>.notes.jsonl, key 12 hex digits of the SHA-256 of its
// absolute path, links resolved (SidecarPath), so same-named articles in
// different folders never share one. Locate finds it, or, when there is
// none, a sidecar of the article's notes under another name, kept by file
// name alone (as margin did before) or under the name of a path that is
// gone (the article moved, told by its content hash), which is read and
// written where it is, never renamed; it also says when the fallback
// folder holds an article's notes, listing the folder once (pass its
// Location on in Options).
//
// Open a Book for a loaded article, then read its Notes (in article order,
// each with its current span and status) and change them with Add, Put,
// Delete and Undelete. Every change is on disk when the call returns.
package annotate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
)

// Verdict is a fact-checker's rating of a passage.
type Verdict string

// The verdicts, from best to worst supported. None is no verdict.
const (
	None       Verdict = ""
	True       Verdict = "true"
	MostlyTrue Verdict = "mostly-true"
	Misleading Verdict = "misleading"
	False      Verdict = "false"
	Unverified Verdict = "unverified"
	Opinion    Verdict = "opinion"
)

// Verdicts lists every verdict in the order a picker shows them, None last.
var Verdicts = []Verdict{True, MostlyTrue, Misleading, False, Unverified, Opinion, None}

// ParseVerdict reads a verdict name; "" and "none" are None.
func ParseVerdict(s string) (Verdict, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "none" {
		return None, nil
	}
	v := Verdict(s)
	if !slices.Contains(Verdicts, v) {
		return None, fmt.Errorf("unknown verdict %q (want one of %s, none)", s, strings.Join(vocab.Values(vocab.Verdicts()[:len(Verdicts)-1]), ", "))
	}
	return v, nil
}

// Name is the verdict's display name (vocab), "no verdict" for None.
func (v Verdict) Name() string { return vocab.Name(vocab.Verdicts(), string(v)) }

// String is the verdict's value in files and exports, "none" for None.
func (v Verdict) String() string {
	if v == None {
		return "none"
	}
	return string(v)
}

// Status says where a note's passage is in the current text; see anchor.
type Status = anchor.Status

// The statuses of a note.
const (
	Anchored    = anchor.Anchored
	Moved       = anchor.Moved
	Changed     = anchor.Changed
	NeedsReview = anchor.NeedsReview
	Orphaned    = anchor.Orphaned
)

// Note is a note on a passage of the article.
type Note struct {
	// ID is unique and sorts by creation time. Add assigns it.
	ID string
	// Span is the passage in the current text. For Add it says which
	// passage to annotate. For an orphaned note it is empty, where the
	// passage used to be.
	Span span.Span
	// Status says how Span was found; Add and Put set it.
	Status Status
	// Target is the passage as it was when the note was written: its quote
	// with context and position. Add and Put fill it from Span.
	Target anchor.Selector
	// Candidates are, for a note that needs review, the places in the
	// current text its passage may be, best first; a reader shows the
	// original quote beside each and lets a person choose (see Detach).
	Candidates []anchor.Candidate

	Text    string
	Verdict Verdict
	Tags    []string
	Sources []string

	// Author wrote the latest change; Created and Updated are set by the
	// book; Rev counts the changes.
	Author  string
	Created time.Time
	Updated time.Time
	Rev     int
}

// Quote is the passage's text as it was when the note was written.
func (n Note) Quote() string { return n.Target.Exact }

// Reworded reports whether the note is placed on a passage of text that
// no longer reads as the quote it was written on: a verdict on the old
// words must not be read as one on the new without saying so. A note
// with no quote recorded has nothing to compare.
func (n Note) Reworded(text string) bool {
	return n.Placed() && n.Quote() != "" && !anchor.Equivalent(n.Span.In(text), n.Quote())
}

// Placed reports whether the note is shown at its passage with confidence
// (anchored, moved or changed), rather than needing review or orphaned.
func (n Note) Placed() bool { return n.Status.Placed() }

// Accept returns the note placed by a person at s, one of its candidates
// or a new selection. Saved with Book.Put, it records a new target at s,
// even when s is the place margin showed the note at as a guess.
func (n Note) Accept(s span.Span) Note {
	n.Span, n.Status, n.Candidates = s, Anchored, nil
	n.Target.Detached = false
	return n
}

// Detach returns the note as a person decided it: its passage is gone.
// Saved with Book.Put, it keeps its original quote and resolves as
// orphaned from then on, without being matched to look-alikes again. The
// other decision on a note that needs review, accepting a candidate or
// re-attaching the note to a selection, is Accept.
func (n Note) Detach() Note {
	n.Target.Detached = true
	n.Candidates = nil
	return n
}

// stored is a note as written in the sidecar.
type stored struct {
	Target  anchor.Selector `json:"target"`
	Text    string          `json:"text"`
	Verdict Verdict         `json:"verdict,omitempty"`
	Tags    []string        `json:"tags,omitempty"`
	Sources []string        `json:"sources,omitempty"`
	Created time.Time       `json:"created"`
}

func (n Note) stored() stored {
	return stored{Target: n.Target, Text: n.Text, Verdict: n.Verdict, Tags: n.Tags, Sources: n.Sources, Created: n.Created.UTC()}
}

// clean trims the free-text fields and drops empty and repeated tags and
// sources. A tag repeated in another case ("B", "b") is one tag, in its
// first spelling, as it is one filter; a source differs in any letter.
func (n *Note) clean() {
	n.Text = strings.TrimRight(n.Text, " \t\n")
	n.Tags = uniqueNonEmpty(n.Tags, strings.EqualFold)
	n.Sources = uniqueNonEmpty(n.Sources, func(a, b string) bool { return a == b })
}

func uniqueNonEmpty(in []string, same func(a, b string) bool) []string {
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s != "" && !slices.ContainsFunc(out, func(o string) bool { return same(o, s) }) {
			out = append(out, s)
		}
	}
	return out
}
