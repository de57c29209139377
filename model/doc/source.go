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
	// hold is where the end of the text added so far that the next piece
	// may change (mojibake.Tail) starts; that end waits, as a CR does.
	hold     func(string) int
	rest     string // joined, not taken
	taken    int
	added    []string
	addedLen int
	held     string // the end of the pieces added, waiting for the next
	final    bool
}

// NewSource returns an empty source whose pieces go through normalize,
// the ends that hold says the next piece may change held back for it.
func NewSource(normalize func(string) string, hold func(string) int) *Source {
	return &Source{normalize: normalize, hold: hold}
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
	if len(s.added) == 0 && !(s.final && s.held != "") {
		return s.rest
	}
	raw := s.held + strings.Join(s.added, "")
	s.held = ""
	if !s.final {
		cut := s.heldFrom(raw)
		raw, s.held = raw[:cut], raw[cut:]
	}
	s.rest += s.normalize(raw)
	s.added, s.addedLen = nil, 0
	return s.rest
}

// heldFrom is where the end of raw that waits for the next piece starts.
func (s *Source) heldFrom(raw string) int {
	cut := s.hold(raw)
	if strings.HasSuffix(raw[:cut], "\r") {
		cut--
	}
	return cut
}

// Take drops the first n bytes of Rest, which the reader has read.
func (s *Source) Take(n int) {
	s.rest = s.rest[n:]
	s.taken += n
}

// Taken returns how many bytes of the normalised text are taken.
func (s *Source) Taken() int { return s.taken }
