package doc

import "strings"

// Source is the source text of a document that comes in pieces (a file
// read a chunk at a time), for a reader that takes it a group of lines
// at a time from the front. Pieces are joined only when the reader looks
// at them, so a reader that waits for the whole text joins once.
type Source struct {
	// normalize makes a piece what the reader reads, line ends "\n"
	// among other things; a CR at a piece's end waits for the next
	// piece, so that a CRLF cut in two stays one line end.
	normalize func(string) string
	rest      string // joined, not taken
	taken     int
	added     []string
	addedLen  int
	heldCR    bool
	final     bool
}

// NewSource returns an empty source whose pieces go through normalize.
func NewSource(normalize func(string) string) *Source {
	return &Source{normalize: normalize}
}

// Add appends the next piece, which ends between characters; final says
// it is the last.
func (s *Source) Add(piece string, final bool) {
	s.added = append(s.added, piece)
	s.addedLen += len(piece)
	s.final = final
}

// Final reports whether the last piece is added.
func (s *Source) Final() bool { return s.final }

// Available returns how many bytes are added and not taken (about: a
// piece may shrink when normalised).
func (s *Source) Available() int { return len(s.rest) + s.addedLen }

// Rest returns the text added and not taken.
func (s *Source) Rest() string {
	if len(s.added) == 0 && !(s.final && s.heldCR) {
		return s.rest
	}
	raw := strings.Join(s.added, "")
	if s.heldCR {
		raw = "\r" + raw
	}
	s.heldCR = !s.final && strings.HasSuffix(raw, "\r")
	if s.heldCR {
		raw = raw[:len(raw)-1]
	}
	s.rest += s.normalize(raw)
	s.added, s.addedLen = nil, 0
	return s.rest
}

// Take drops the first n bytes of Rest, which the reader has read.
func (s *Source) Take(n int) {
	s.rest = s.rest[n:]
	s.taken += n
}

// Taken returns how many bytes of the normalised text are taken.
func (s *Source) Taken() int { return s.taken }
