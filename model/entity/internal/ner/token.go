// Package ner is the statistical part of margin's entity tagger: a tokeniser,
// hashed features, an averaged structured perceptron over BIO tags with
// Viterbi decoding, and the compact model file both the trainer and the
// tagger read.
package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one token of a text: the half-open byte range [Start, End).
type Token struct {
	Start, End int
}

// Tokenize appends the tokens of text[start:end] to dst and returns it.
// Words keep internal hyphens, apostrophes and the dots of abbreviations
// ("rock-solid", "O'Brien", "U.S.", "10.30"); a possessive "'s" (straight or
// curly) is a token of its own, as in CoNLL; any other rune that is not part
// of a word is a one-rune token. start and end are clamped to the text, so a
// bad range yields no tokens rather than a panic.
func Tokenize(text string, start, end int, dst []Token) []Token {
	dst, _ = TokenizeN(text, start, end, -1, dst)
	return dst
}

// TokenizeN is Tokenize that stops after n tokens (n < 0: no limit). It
// also returns where to resume: tokenizing from there to end yields the
// tokens Tokenize would have given after those n, so a long text can be
// read in bounded pieces.
func TokenizeN(text string, start, end, n int, dst []Token) ([]Token, int) {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	i, limit := start, len(dst)+n
	for i < end && len(dst) != limit {
		// Spaces and ASCII words, most of a text, need no decoding.
		switch c := text[i]; {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
			continue
		case asciiWord[c]:
			j := scanWord(text, i, end)
			dst = append(dst, Token{i, j})
			i = j
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r >= 0x80 && unicode.IsSpace(r)):
			i += w
		case isWordRune(r):
			j := scanWord(text, i, end)
			dst = append(dst, Token{i, j})
			i = j
		case isApostrophe(r) && isPossessive(text, i+w, end):
			dst = append(dst, Token{i, i + w + 1})
			i += w + 1
		default:
			dst = append(dst, Token{i, i + w})
			i += w
		}
	}
	return dst, i
}

// asciiWord tells, for each byte, whether it is an ASCII letter or digit.
var asciiWord = func() (t [256]bool) {
	for c := range 0x80 {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// asciiEnd tells, for each byte, whether it is an ASCII character that
// ends a word wherever it stands: not a letter or digit, nor one of the
// marks scanWord lets into a word between some runes.
var asciiEnd = func() (t [256]bool) {
	for c := range 0x80 {
		t[c] = !isWordRune(rune(c)) && !strings.ContainsRune("'-.,:/&", rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' }

// isPossessive reports whether text[i:end] starts with "s" or "S" that ends a
// word, i.e. the rest of a possessive "'s".
func isPossessive(text string, i, end int) bool {
	if i >= end || (text[i] != 's' && text[i] != 'S') {
		return false
	}
	if i+1 == end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i+1 : end])
	return !isWordRune(r)
}

// scanWord returns the end of the word that starts at i.
func scanWord(text string, i, end int) int {
	j := i
	var prev rune
	dots := false // the word so far is letters joined by dots, as in "U.S"
	seg := i      // where the word's last part after a hyphen starts ("anti-U.S.")
	for j < end {
		if c := text[j]; asciiWord[c] {
			// Most of a text is ASCII letters and digits.
			prev = rune(c)
			j++
			continue
		} else if asciiEnd[c] {
			// And most words end at a space or a punctuation mark that
			// no case below lets into a word: no rune to decode.
			return j
		}
		r, w := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) {
			prev = r
			j += w
			continue
		}
		var next rune
		if j+w < end {
			next, _ = utf8.DecodeRuneInString(text[j+w : end])
		}
		switch {
		case isApostrophe(r):
			if isPossessive(text, j+w, end) || !unicode.IsLetter(prev) || !unicode.IsLetter(next) {
				return j
			}
		case isHyphen(r):
			if !isWordRune(next) {
				return j
			}
			seg = j + w
		case r == '.':
			if isDigit(prev) && isDigit(next) {
				break
			}
			if unicode.IsLetter(prev) && unicode.IsLetter(next) && (dots || j-seg == utf8.RuneLen(prev)) && singleLetterAfter(text, j+w, end) {
				dots = true
				break
			}
			if dots || isAbbrev(text[i:j]) {
				return j + w
			}
			return j
		case r == ',' || r == ':' || r == '/':
			if !isDigit(prev) || !isDigit(next) {
				return j
			}
		case r == '&':
			if !unicode.IsUpper(prev) || !unicode.IsUpper(next) {
				return j
			}
		default:
			return j
		}
		prev = r
		j += w
	}
	return j
}

// singleLetterAfter reports whether text[i:end] starts with one letter that
// is not followed by another letter, as the "S" of "U.S".
func singleLetterAfter(text string, i, end int) bool {
	r, w := utf8.DecodeRuneInString(text[i:end])
	if !unicode.IsLetter(r) {
		return false
	}
	if i+w >= end {
		return true
	}
	n, _ := utf8.DecodeRuneInString(text[i+w : end])
	return !isWordRune(n)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// abbrevs are words whose trailing dot belongs to them.
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Inc": true, "Corp": true, "Ltd": true, "Co": true, "Bros": true, "Gen": true, "Col": true,
	"Lt": true, "Sgt": true, "Capt": true, "Gov": true, "Sen": true, "Rep": true, "Prof": true,
	"Rev": true, "Mt": true, "Ft": true, "vs": true, "No": true, "Jan": true, "Feb": true,
	"Aug": true, "Sept": true, "Sep": true, "Oct": true, "Nov": true, "Dec": true,
	"Adm": true, "Maj": true, "Pres": true, "Hon": true, "Messrs": true, "approx": true, "etc": true,
	// The states of the US as news abbreviates them after a city ("St.
	// Petersburg, Fla.").
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true, "Del": true,
	"Fla": true, "Ga": true, "Kan": true, "Ky": true, "La": true, "Md": true, "Mich": true,
	"Minn": true, "Mo": true, "Neb": true, "Nev": true, "Okla": true, "Ore": true, "Pa": true,
	"Tenn": true, "Tex": true, "Va": true, "Vt": true, "Wis": true, "Wyo": true,
}

// isAbbrev reports whether w, before a dot, is an abbreviation: a capital
// letter, an entry of abbrevs, or one written in capitals ("ST. LOUIS").
func isAbbrev(w string) bool {
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	if abbrevs[w] {
		return true
	}
	if len(w) < 2 || strings.ToUpper(w) != w {
		return false
	}
	return abbrevs[w[:1]+strings.ToLower(w[1:])]
}
