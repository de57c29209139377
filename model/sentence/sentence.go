// Package sentence splits an article's text into sentences.
package sentence

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

//go:embed abbreviations.txt
var abbreviationList string

// starters are words that begin a sentence after an abbreviation that can
// also end one ("... in the U.S. The talks ...").
var starters = []string{"The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "This", "That", "There"}

// Splitter splits text into sentences. Its zero value is not usable; make
// one with New.
type Splitter struct {
	// abbrev holds the abbreviations, each with whether it may also end a
	// sentence (an ender): an ender's stop ends one only before a
	// sentence starter.
	abbrev map[string]bool
}

// New returns a Splitter with margin's list of abbreviations.
func New() *Splitter {
	s := &Splitter{abbrev: map[string]bool{}}
	for _, line := range strings.Split(abbreviationList, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, ender := strings.CutSuffix(line, " end")
		s.abbrev[word] = ender
	}
	return s
}

// Abbreviation reports whether word (without its final stop, any case) is
// an abbreviation that a full stop follows without ending anything: a
// title ("Dr", "Rev"), a suffix ("Jr") or a single-letter initial.
func (s *Splitter) Abbreviation(word string) bool {
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	_, ok := s.abbrev[strings.ToLower(word)]
	return ok
}

// Split returns the sentences of d in order. A sentence never crosses a
// block; a heading or table row is one sentence, a code block one per line.
func Split(d doc.Doc) []span.Span {
	return New().Split(d)
}

// Split returns the sentences of d in order.
func (s *Splitter) Split(d doc.Doc) []span.Span {
	out := make([]span.Span, 0, len(d.Text)/100+len(d.Blocks))
	for _, b := range d.Blocks {
		switch b.Kind {
		case doc.Code:
			for _, l := range Lines(b.In(d.Text)) {
				out = append(out, span.Span{Start: b.Start + l.Start, End: b.Start + l.End})
			}
		case doc.Heading, doc.TableRow:
			out = appendTrimmed(out, d.Text, b.Start, b.End)
		default:
			out = s.appendSentences(out, d.Text, b.Span)
		}
	}
	return out
}

// appendSentences splits the prose of one block.
func (s *Splitter) appendSentences(out []span.Span, text string, blk span.Span) []span.Span {
	start := blk.Start
	stops := newStopFinder(text, blk.End)
	for i := blk.Start; i < blk.End; {
		if i = stops.next(i); i == blk.End {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := skipClosers(text, i, blk.End)
		if end == blk.End {
			break
		}
		// Any Unicode space may follow the stop: a no-break space
		// (U+00A0) after a full stop is common in scraped news.
		sp, spSize := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(sp) || !s.boundary(text, blk.Start, i-size, r, end+spSize, blk.End) {
			i = end
			continue
		}
		out = appendTrimmed(out, text, start, end)
		start, i = end+spSize, end+spSize
	}
	return appendTrimmed(out, text, start, blk.End)
}

// stopStarts are the bytes a stop may start with. Only a stop's first
// byte is looked for: '.', '!' and '?' are ASCII, which no other rune's
// bytes are, and 0xE2 begins '…' ("…" is E2 80 A6), and no byte but a
// rune's first is 0xE2.
const stopStarts = ".!?\xE2"

// stopFinder finds the next byte of text before end that a stop may start
// with. It keeps, for each of stopStarts, where that byte next occurs, and
// finds the next occurrence with one vectorised search once it is passed:
// a look-up of a table for each byte of the text was half the splitter's
// time.
type stopFinder struct {
	text string
	end  int
	at   [len(stopStarts)]int
}

func newStopFinder(text string, end int) stopFinder {
	f := stopFinder{text: text, end: end}
	for k := range f.at {
		f.at[k] = -1
	}
	return f
}

// next returns the offset of the first byte of stopStarts in
// text[i:end], or end.
func (f *stopFinder) next(i int) int {
	first := f.end
	for k := range f.at {
		if f.at[k] < i {
			f.at[k] = f.end
			if j := strings.IndexByte(f.text[i:f.end], stopStarts[k]); j >= 0 {
				f.at[k] = i + j
			}
		}
		first = min(first, f.at[k])
	}
	return first
}

// skipClosers moves past further stops, closing quotes and brackets.
func skipClosers(text string, i, limit int) int {
	for i < limit {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(".!?…\"'”’)]»", r) {
			break
		}
		i += size
	}
	return i
}

// boundary decides whether the stop at text[stop] (punct) ends a sentence,
// given that the next sentence would start at next.
func (s *Splitter) boundary(text string, blockStart, stop int, punct rune, next, limit int) bool {
	next = skipSpaces(text, next, limit)
	if next >= limit {
		return true
	}
	first, _ := utf8.DecodeRuneInString(text[next:])
	if unicode.IsLower(first) {
		return false
	}
	// A quote signed after a dash keeps its signature: "“...” ― Ana Ruiz".
	if strings.ContainsRune("―—–", first) && strings.ContainsAny(text[stop:next], "\"”") {
		return false
	}
	if punct != '.' {
		return true
	}
	word := wordBefore(text, blockStart, stop)
	lower := strings.ToLower(word)
	ender, known := s.abbrev[lower]
	switch {
	case len(word) == 1 && unicode.IsUpper(rune(word[0])):
		return false
	case strings.Contains(lower, "."):
		return known && startsSentence(text[next:limit]) || !known && !isInitials(word)
	case ender:
		return startsSentence(text[next:limit])
	case known:
		return false
	}
	return true
}

// wordBefore returns the word, dots included, that ends at stop, without
// the format characters inside it: a soft hyphen is in its word ("co\u00adst"
// is "cost", no "st" for Saint), as the tokenizers of names and claims
// read it.
func wordBefore(text string, blockStart, stop int) string {
	i := stop
	for i > blockStart {
		r, size := utf8.DecodeLastRuneInString(text[blockStart:i])
		if !unicode.IsLetter(r) && r != '.' && (r == entity.ZeroWidthSpace || !entity.IsFormat(r)) {
			break
		}
		i -= size
	}
	return entity.WithoutFormat(text[i:stop])
}

// isInitials reports whether word is a run of single letters and dots
// ("J.R", "U.S").
func isInitials(word string) bool {
	for _, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

func startsSentence(rest string) bool {
	word, _, _ := strings.Cut(rest, " ")
	for _, s := range starters {
		if word == s {
			return true
		}
	}
	return false
}

// appendTrimmed appends text[start:end] without its edge spaces, if any
// text is left.
func appendTrimmed(out []span.Span, text string, start, end int) []span.Span {
	start = skipSpaces(text, start, end)
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if end > start {
		out = append(out, span.Span{Start: start, End: end})
	}
	return out
}

// skipSpaces returns the offset of the first non-space rune of
// text[i:limit], or limit.
func skipSpaces(text string, i, limit int) int {
	for i < limit {
		r, size := utf8.DecodeRuneInString(text[i:limit])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// Lines returns one sentence per non-empty line of text, as the verbatim
// mode wants: every line break ends a sentence.
func Lines(text string) []span.Span {
	var out []span.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			out = appendTrimmed(out, text, start, i)
			start = i + 1
		}
	}
	return out
}
