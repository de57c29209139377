// Package anchor ties a note to a passage of an article's text and finds the
// passage again after the text has changed.
//
// A Selector records the passage the way the W3C Web Annotation
// TextQuoteSelector and TextPositionSelector do: the exact text, about 32
// characters of context on each side, and the byte range it had. Resolving a
// selector against a (possibly edited) text tries, in order: the recorded
// position, the exact quote, and a fuzzy match scored on quote, context and
// position, and last, for a sentence rewritten in place, the text between
// its unchanged context. It prefers saying "needs review" or "orphaned"
// over attaching a note to a look-alike passage, and says "changed" of a
// passage found whose figures or negations differ from the quote's.
package anchor

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/span"
	"golang.org/x/text/unicode/norm"
)

// ContextRunes is how many characters of context a selector keeps on each
// side of its quote.
const ContextRunes = 32

// Selector describes a passage so it can be found again.
type Selector struct {
	// Exact is the passage's text.
	Exact string `json:"exact"`
	// Prefix and Suffix are up to ContextRunes characters before and after it.
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	// Start and End are the byte range the passage had: a position hint.
	Start int `json:"start"`
	End   int `json:"end"`
	// TextHash is the content hash (article.HashText) of the text the
	// selector was made on. When the text still has that hash, the
	// position is trusted without looking further.
	TextHash string `json:"text_hash,omitempty"`
	// Detached records a person's decision that the passage is gone: the
	// selector keeps the quote it was made on, and resolves as Orphaned
	// without looking for look-alikes again.
	Detached bool `json:"detached,omitempty"`
}

// Status says how well a note's passage was found in the current text.
type Status string

const (
	// Anchored: the passage is where it was, unchanged.
	Anchored Status = "anchored"
	// Moved: the passage was found elsewhere, or slightly reworded with
	// its figures and negations unchanged.
	Moved Status = "moved"
	// Changed: the passage was found, where it was or elsewhere, but it
	// now says something else: a figure or a negation in it changed, or it was
	// reworded beyond a light edit. The note is shown there, and a person
	// should judge whether it still holds: a verdict on "nearly 600" is
	// not one on "nearly 640".
	Changed Status = "changed"
	// NeedsReview: a candidate was found but it is weak or ties with
	// another look-alike passage; a person should confirm it.
	NeedsReview Status = "needs-review"
	// Orphaned: the passage is gone from the text.
	Orphaned Status = "orphaned"
)

// Placed reports whether a passage with this status was found with
// confidence (anchored, moved or changed), rather than needing review or
// orphaned.
func (s Status) Placed() bool { return s == Anchored || s == Moved || s == Changed }

// ErrNotFound reports a quote that is not in the text.
var ErrNotFound = errors.New("quote not found")

// AmbiguousError reports a quote found more than once when no occurrence
// was chosen.
type AmbiguousError struct{ Count int }

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("quote appears %d times", e.Count)
}

// Make returns the selector for span s of text. The span must lie inside
// the text, on character boundaries, and must not be empty.
func Make(text string, s span.Span) (Selector, error) {
	sel, err := Quote(text, s)
	if err != nil {
		return Selector{}, err
	}
	// Hashing the whole text per note is cheap next to a person writing
	// one, and lets an unchanged text skip every search.
	sel.TextHash = article.HashText(text)
	return sel, nil
}

// Quote is Make without the text's hash: the passage as it is now, for
// describing many passages of one text (an export) without hashing the
// text for each.
func Quote(text string, s span.Span) (Selector, error) {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return Selector{}, fmt.Errorf("passage %d-%d is outside the text (0-%d) or empty", s.Start, s.End, len(text))
	}
	if !boundary(text, s.Start) || !boundary(text, s.End) {
		return Selector{}, fmt.Errorf("passage %d-%d splits a character", s.Start, s.End)
	}
	return Selector{
		Exact:  text[s.Start:s.End],
		Prefix: lastRunes(text[:s.Start], ContextRunes),
		Suffix: firstRunes(text[s.End:], ContextRunes),
		Start:  s.Start,
		End:    s.End,
	}, nil
}

// Find returns the span of the occurrence-th appearance of quote in text
// (1 is the first). With occurrence 0 the quote must appear exactly once.
// When the quote is not there verbatim, runs of white space in it match any
// run of white space in the text, since line breaks rarely survive copying,
// and then any quotation mark matches any of its kind, since a quote typed
// on a command line has ' and " where news text has ’ and “ ”. Last, a
// quote not in Unicode's composed form (NFC), the form of the text margin
// loads, is looked for composed: "é" typed as e and an accent.
func Find(text, quote string, occurrence int) (span.Span, error) {
	if strings.TrimSpace(quote) == "" {
		return span.Span{}, errors.New("empty quote")
	}
	all := findAll(text, quote)
	if c := norm.NFC.String(quote); len(all) == 0 && c != quote {
		all = findAll(text, c)
	}
	switch {
	case len(all) == 0:
		return span.Span{}, ErrNotFound
	case occurrence == 0 && len(all) > 1:
		return span.Span{}, &AmbiguousError{Count: len(all)}
	case occurrence == 0:
		return all[0], nil
	case occurrence < 0 || occurrence > len(all):
		return span.Span{}, fmt.Errorf("the quote appears %s, so there is no occurrence %d", times(len(all)), occurrence)
	}
	return all[occurrence-1], nil
}

// times is how often something appears, in words: "once", "3 times".
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// findAll lists where quote appears in text as Find matches it, before
// composing it.
func findAll(text, quote string) []span.Span {
	if all := occurrences(text, quote, 0); len(all) > 0 {
		return all
	}
	if all := looseOccurrences(text, quote); len(all) > 0 {
		return all
	}
	return quoteOccurrences(text, quote)
}

// occurrences lists the non-overlapping places quote appears in text, at
// most limit of them (0: no limit).
func occurrences(text, quote string, limit int) []span.Span {
	var out []span.Span
	if quote == "" {
		return nil
	}
	for from := 0; from <= len(text)-len(quote); {
		i := strings.Index(text[from:], quote)
		if i < 0 {
			break
		}
		start := from + i
		out = append(out, span.Span{Start: start, End: start + len(quote)})
		if limit > 0 && len(out) >= limit {
			break
		}
		from = start + len(quote)
	}
	return out
}

// looseOccurrences matches quote with every run of white space standing for
// any non-empty run of white space.
func looseOccurrences(text, quote string) []span.Span {
	words := strings.Fields(quote)
	if len(words) < 2 {
		return nil
	}
	var out []span.Span
	for _, s := range occurrences(text, words[0], 0) {
		if n, ok := wordsAt(text[s.Start:], words, verbatim); ok {
			out = append(out, span.Span{Start: s.Start, End: s.Start + n})
		}
	}
	return out
}

// quoteOccurrences lists where quote appears in text when a quotation
// mark matches any other of its kind (QuoteKind) and a run of white
// space any run; nil for a quote without a quotation mark, which
// looseOccurrences has looked for already.
func quoteOccurrences(text, quote string) []span.Span {
	if !strings.ContainsFunc(quote, isQuote) {
		return nil
	}
	words := strings.Fields(quote)
	var out []span.Span
	for i := 0; i < len(text); {
		if n, ok := wordsAt(text[i:], words, sameQuoteKinds); ok {
			out = append(out, span.Span{Start: i, End: i + n})
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// wordsAt reports whether s starts with words, a non-empty run of white
// space between each two, each word matched by prefix, and how many bytes
// of s that takes. It is the one white-space matcher of looseOccurrences
// and quoteOccurrences, which differ only in how a word matches.
func wordsAt(s string, words []string, prefix func(s, word string) (int, bool)) (int, bool) {
	n := 0
	for i, w := range words {
		if i > 0 {
			ws := n
			for ws < len(s) && isSpace(s[ws]) {
				ws++
			}
			if ws == n {
				return 0, false
			}
			n = ws
		}
		m, ok := prefix(s[n:], w)
		if !ok {
			return 0, false
		}
		n += m
	}
	return n, true
}

// verbatim reports whether s starts with word, byte for byte, and its
// length.
func verbatim(s, word string) (int, bool) { return len(word), strings.HasPrefix(s, word) }

// sameQuoteKinds reports whether s starts with word when a quotation mark
// matches any of its kind, and how many bytes of s that takes.
func sameQuoteKinds(s, word string) (int, bool) {
	n := 0
	for _, wr := range word {
		if n >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if QuoteKind(r) != QuoteKind(wr) {
			return 0, false
		}
		n += size
	}
	return n, true
}

// QuoteKind is the straight quotation mark r is a form of (' for ‘ ’ ‚ ‛
// ′, " for “ ” „ ‟ ″), or r itself: what a reader types for the marks
// news text prints.
func QuoteKind(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′':
		return '\''
	case '“', '”', '„', '‟', '″':
		return '"'
	}
	return r
}

// Equivalent reports whether a and b are the same text in Unicode's
// sense (canonically equivalent): "é" as one character or as e and an
// accent. A note written on a text before margin composed it (NFC) has
// its quote in the text's old spelling.
func Equivalent(a, b string) bool { return a == b || norm.NFC.String(a) == norm.NFC.String(b) }

func isQuote(r rune) bool { return r == '\'' || r == '"' || QuoteKind(r) != r }

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func boundary(text string, off int) bool {
	return off == 0 || off == len(text) || utf8.RuneStart(text[off])
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
