package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// tokKind tells words, numbers and punctuation apart.
type tokKind uint8

const (
	tokWord tokKind = iota
	tokNum
	tokPunct
	// tokNameDot is the stop after a title or initial inside a name
	// ("Dr. Amara Obi", "John D. Podesta"): part of the name, not a break.
	tokNameDot
)

// token is one word, number or punctuation mark of a sentence.
type token struct {
	span.Span
	// h is the hash of the lower-cased form, with curly apostrophes folded
	// to straight ones, so lexicon look-ups need no allocation.
	h     uint64
	kind  tokKind
	upper bool
	// finite marks a lower-case word that is mostly a finite verb
	// (lexicon/verbs.txt), which no noun phrase holds.
	finite bool
	// letters marks a word of ASCII letters alone, whose h is the hash
	// check-worthiness gives the word (checkworthy.Word).
	letters bool
	// entry is the index of the word's entry in the lexicon that
	// tokenized it, when sets has entryKnown (lexicon.entryOf).
	entry uint32
	// sets has a bit for each of tokenSets that holds the word, and
	// setsKnown; 0 in a token made by hand.
	sets uint64
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashRune feeds the UTF-8 bytes of r into an FNV-1a hash.
func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	return hashWide(h, r)
}

// hashWide is hashRune for a rune of more than one byte.
func hashWide(h uint64, r rune) uint64 {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

// foldRune is the form a rune takes in a token's hash.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if uint32(r-'A') < 26 {
			r += 'a' - 'A'
		}
		return r
	}
	switch r {
	case '’', '‘', 'ʼ':
		return '\''
	}
	return unicode.ToLower(r)
}

// hashWord returns the hash a token with text w gets.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); {
		// ASCII, most of every text, skips decoding and folding a rune.
		if c := w[i]; c < utf8.RuneSelf {
			h = hashASCII(h, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		h = hashRune(h, foldRune(r))
		i += n
	}
	return h
}

// hashASCII is hashRune of foldRune for an ASCII byte, without the
// rune's detours.
func hashASCII(h uint64, c byte) uint64 {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return (h ^ uint64(c)) * fnvPrime
}

// isWordRune and isSpace answer ASCII, most of every text, inline, and
// ask package unicode about the rest.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord(byte(r))
	}
	return wideWordRune(r)
}

// wideWordRune is isWordRune for a rune of more than one byte.
func wideWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordFold maps an ASCII letter or digit to its lower-case form and every
// other byte to 0: one look-up in the loop over a word's bytes, where
// telling letters apart and folding them cost a fifth of tokenizing.
var wordFold = func() (t [256]byte) {
	for c := range 128 {
		if asciiWord(byte(c)) {
			t[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return t
}()

// skipASCII marks the ASCII bytes tokenize skips: white space and the
// markup "_" and "*".
var skipASCII = func() (t [256]bool) {
	for c := range 128 {
		t[c] = isSpace(rune(c)) || c == '_' || c == '*'
	}
	return t
}()

// asciiWord reports an ASCII letter or digit.
func asciiWord(c byte) bool { return uint32(c|0x20-'a') < 26 || uint32(c-'0') < 10 }

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokenize appends the tokens of text[s.Start:s.End] to dst. Markup left in
// scraped text ("_", "*") is skipped. Apostrophes inside a word, hyphens
// between letters and the point or comma inside a number stay in the token.
func tokenize(dst []token, text string, s span.Span) []token {
	return setMembership().tokenize(dst, text, s)
}

// tokenize is the package's tokenize with the sets and entries of m.
func (m *membership) tokenize(dst []token, text string, s span.Span) []token {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(text) {
		s.End = len(text)
	}
	// Cut at the span's end, so that the loops' bound is the string's own
	// and a word's bytes are read without a bounds check each.
	text = text[:s.End]
	i := s.Start
	for i < len(text) {
		// A space or skipped markup, the commonest byte after letters,
		// costs one look-up.
		if skipASCII[text[i]] {
			i++
			continue
		}
		// An ASCII byte is a word's or a mark's by one look-up; only
		// the rest is decoded and asked of package unicode.
		r, n := rune(text[i]), 1
		var isWord, upper bool
		if r < utf8.RuneSelf {
			isWord, upper = wordFold[r] != 0, uint32(r-'A') < 26
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			// A format character outside a word draws nothing: a
			// soft hyphen at a word's end, a zero-width space.
			if isSpace(r) || r == utf8.RuneError && n <= 1 || entity.IsFormat(r) {
				i += n
				continue
			}
			isWord, upper = wideWordRune(r), unicode.IsUpper(r)
		}
		if !isWord {
			// An ASCII mark folds to itself: hashed in line, without
			// foldRune's call (a mark in every seven tokens).
			h := uint64((fnvOffset ^ uint64(r)) * fnvPrime)
			if r >= utf8.RuneSelf {
				h = hashRune(fnvOffset, foldRune(r))
			}
			w := m.of(h)
			dst = append(dst, token{Span: span.Span{Start: i, End: i + n}, h: h, kind: tokPunct, entry: w.entry, sets: w.sets | m.known})
			i += n
			continue
		}
		start := i
		var h uint64
		var kind tokKind
		plain := false
		if r < utf8.RuneSelf {
			// A word's ASCII run, most words whole, is read in line:
			// a call for each word cost more than reading its letters.
			// scanWordOn reads on past a wide rune or a joining mark.
			h, kind = fnvOffset, tokWord
			letters := byte(asciiLetters)
			for i < len(text) {
				f := wordFold[text[i]]
				if f == 0 {
					break
				}
				letters &= f
				h = (h ^ uint64(f)) * fnvPrime
				i++
			}
			run := i
			if i < len(text) && (text[i] >= utf8.RuneSelf || joinMark(rune(text[i])) && !endsAfterLetter(text[i], text[i-1])) {
				i, h, kind = scanWordOn(text, start, i, h, letters)
			} else if letters&asciiLetters == 0 {
				kind = tokNum
			}
			plain = i == run && kind == tokWord
		} else {
			i, h, kind = scanWord(text, i)
		}
		w := m.of(h)
		dst = append(dst, token{Span: span.Span{Start: start, End: i}, h: h, kind: kind, upper: upper, letters: plain, entry: w.entry, sets: w.sets | m.known})
	}
	return dst
}

// scanWord reads the word that starts at b[i], a letter or digit, and
// returns its end, its hash and its kind.
func scanWord(b string, i int) (end int, h uint64, kind tokKind) {
	return scanWordOn(b, i, i, fnvOffset, asciiLetters)
}

// asciiLetters is the bit every letter of wordFold has and no digit: a
// word's folded bytes, and-ed, keep it while the word has no digit.
const asciiLetters = 0x40

// scanWordOn reads on the word that starts at b[start] from b[i], with
// h the hash of b[start:i] and letters the and of its folded bytes. ASCII
// letters and digits, most of every word, take a loop of their own; a
// word runs on through wide letters and through the marks joins lets it.
func scanWordOn(b string, start, i int, h uint64, letters byte) (end int, _ uint64, kind tokKind) {
	kind = tokWord
	for {
		for i < len(b) {
			f := wordFold[b[i]]
			if f == 0 {
				break
			}
			letters &= f
			h = (h ^ uint64(f)) * fnvPrime
			i++
		}
		if letters&asciiLetters == 0 {
			kind = tokNum
		}
		if i >= len(b) {
			return i, h, kind
		}
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(b[i:])
			if inWordFormat(r, b[i+n:]) {
				// Read past, unhashed: "Stan\u00adton" is "Stanton".
				i += n
				continue
			}
			if wideWordRune(r) || latin1Trail(b[:i], r) {
				if unicode.IsDigit(r) {
					kind = tokNum
					letters = 0
				}
				h = hashRune(h, foldRune(r))
				i += n
				continue
			}
		}
		// A space or most marks end the word: ask that before decoding
		// the rune before it.
		if !joinMark(r) {
			return i, h, kind
		}
		prev, _ := utf8.DecodeLastRuneInString(b[start:i])
		if !joins(prev, r, b[min(i+n, len(b)):]) {
			return i, h, kind
		}
		h = hashRune(h, foldRune(r))
		i += n
	}
}

// latin1Trail reports a C1 control or a Latin-1 sign r (U+0080-U+00BF,
// but for guillemets and spaces) right after a Latin-1 letter or a
// combining mark, the end of before: UTF-8 read as Latin-1 turns a letter
// into such a pair ("é" into "Ã©", or "A\u0303©" decomposed), which
// stays in its word.
func latin1Trail(before string, r rune) bool {
	if r < 0x80 || r > 0xBF || r == '«' || r == '»' || isSpace(r) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(before)
	return 0xC0 <= prev && prev <= 0xFF || unicode.Is(unicode.Mn, prev)
}

// inWordFormat reports a format character r (a soft hyphen, a joiner) that
// stands inside a word, before rest, which starts with the word's next
// letter or digit or with more such characters. A zero-width space parts
// words (entity.ZeroWidthSpace).
func inWordFormat(r rune, rest string) bool {
	if r == entity.ZeroWidthSpace || !entity.IsFormat(r) {
		return false
	}
	for rest != "" {
		next, n := utf8.DecodeRuneInString(rest)
		if next == entity.ZeroWidthSpace || !entity.IsFormat(next) {
			return isWordRune(next)
		}
		rest = rest[n:]
	}
	return false
}

// endsAfterLetter reports a stop, comma or colon c after prev, the last
// byte of a word's ASCII run, that ends the word: joins keeps one only
// between digits. A word before a comma or a stop, most of the words
// scanWordOn was asked to read on, then costs no call.
func endsAfterLetter(c, prev byte) bool {
	return (c == '.' || c == ',' || c == ':') && uint32(prev-'0') >= 10
}

// joinMark reports a mark that may keep a word going.
func joinMark(r rune) bool {
	return isApostrophe(r) || r == '-' || r == '/' || r == '.' || r == ',' || r == ':'
}

// joins reports whether r, a mark of joinMark after prev inside a word
// and before the text rest, keeps the word going.
func joins(prev, r rune, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	switch {
	case isApostrophe(r):
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case r == '-':
		return isWordRune(prev) && isWordRune(next)
	case r == '/':
		// "9/11", and "NBC/MSNBC" or "Post/ABC": one name of two
		// that share a poll or a forum.
		return unicode.IsDigit(prev) && unicode.IsDigit(next) || unicode.IsLetter(prev) && unicode.IsUpper(next)
	}
	return unicode.IsDigit(prev) && unicode.IsDigit(next) // '.', ',' or ':'
}

// markNameDots turns the full stop after an abbreviation or an initial
// that a capitalised word follows into part of the name.
func markNameDots(text string, toks []token, abbreviation func(string) bool) {
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.kind != tokPunct {
			continue
		}
		if toks[i-1].End != t.Start {
			// "Cushman & Wakefield", "AT & T": an ampersand between
			// capitalised words joins one name.
			if toks[i-1].upper && toks[i+1].upper && text[t.Start] == '&' {
				t.kind = tokNameDot
			}
			continue
		}
		// A plural possessive: "the Harbour Traders' Association",
		// "Sanders’ campaign manager", "the pilots' union".
		if isApostropheText(text[t.Start:t.End]) && toks[i+1].kind == tokWord && strings.HasSuffix(word(text, toks[i-1]), "s") {
			toks[i].kind = tokNameDot
			continue
		}
		if text[t.Start:t.End] != "." {
			continue
		}
		prev := word(text, toks[i-1])
		if inWordStop(toks, i, prev) {
			toks[i].kind = tokNameDot
			continue
		}
		initials := len(prev) == 1 && i > 1 && toks[i-2].kind == tokNameDot && toks[i-2].End == toks[i-1].Start
		// A stop before a comma ends no sentence: "of Ashton, Md., who".
		if toks[i-1].upper && (initials || toks[i+1].h == hComma || (toks[i+1].upper || toks[i+1].kind == tokNum) && abbreviation(prev)) {
			toks[i].kind = tokNameDot
		}
	}
}

// inWordStop reports a stop at toks[i], after the word prev, that a word
// follows with no space between: inside an abbreviation after a lone
// capital ("R-S.C.", "N.Y.") or an address before a lower-case word
// ("GunBroker.com"). A capitalised word after a longer one is a sentence
// whose space was lost ("took off.A video shows").
func inWordStop(toks []token, i int, prev string) bool {
	next := toks[i+1]
	if next.Start != toks[i].End || next.kind != tokWord || toks[i-1].kind != tokWord {
		return false
	}
	lone := len(prev) == 1 || len(prev) > 2 && prev[len(prev)-2] == '-'
	return !next.upper || lone && toks[i-1].upper
}

func isApostropheText(s string) bool { return s == "'" || s == "’" }
