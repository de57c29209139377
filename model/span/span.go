// Package span is the common currency of margin: a half-open range of UTF-8
// byte offsets into one article's text. Sentences, entities, claims, search
// matches and notes are all spans over the same text.
package span

import "sort"

// Span is the half-open byte range [Start, End) of an article's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether byte offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Covers reports whether o lies entirely inside s.
func (s Span) Covers(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether the two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text the span covers. It returns "" for a span that does not
// fit the text, so a stale span can never panic the caller.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Index returns the position of the span in spans (sorted by Start) that
// contains off, or -1.
func Index(spans []Span, off int) int {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	if i < len(spans) && spans[i].Contains(off) {
		return i
	}
	return -1
}
