package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model/span"
)

// Wrap breaks the prose p of text into lines of at most w columns, as the
// reading pane does: at spaces, dropping them, never starting a line with
// closing punctuation, and at a no-break space only where the line would
// otherwise end a third short (nbspBreak). It returns each line's span of
// text; the text itself keeps every character, for notes' anchors.
func Wrap(text string, p span.Span, w int) []span.Span {
	return wrapProse(text, p.Start, p.End, max(w, 1))
}

// wrapProse breaks text[s:e] into lines of at most w columns at spaces.
// Spaces at a break are dropped; a word longer than a line is split, but
// never so that a line starts with closing punctuation.
func wrapProse(text string, s, e, w int) []span.Span {
	return wrapWords(text, s, e, w, false)
}

// wrapFolded is wrapProse for lines drawn by proseLine, where a run of
// spaces between two words takes one column and a word may break at a
// soft hyphen, a hyphen drawn there.
func wrapFolded(text string, s, e, w int) []span.Span {
	return wrapWords(text, s, e, w, true)
}

// wrapWords is wrapFolded if fold says so, else wrapProse.
func wrapWords(text string, s, e, w int, fold bool) []span.Span {
	var lines []span.Span
	i := s
	for i < e {
		for i < e && text[i] == ' ' {
			i++
		}
		if i >= e {
			break
		}
		start, end, used := i, i, 0
		for i < e {
			j := i
			for j < e && text[j] == ' ' {
				j++
			}
			if j >= e {
				i = j
				break
			}
			k := j
			for k < e && text[k] != ' ' {
				k++
			}
			ww := Width(text[j:k])
			gap := j - i
			if fold {
				gap = 1
			}
			if end == start {
				if ww > w {
					n := 0
					if fold {
						n = shyBreak(text[j:k], w)
					}
					if n == 0 {
						n = cutBeforeOpening(text[j:k], breakInLink(text[j:k], cut(text[j:k], w)))
					}
					for fold && strings.HasSuffix(text[j:j+n], shy) && Width(text[j:j+n])+1 > w {
						// No room for the hyphen proseLine would draw.
						n -= len(shy)
					}
					end = j + n
					i = end
					break
				}
				end, used, i = k, ww, k
				continue
			}
			if used+gap+ww > w {
				if n := nbspBreak(text[j:k], w-used-gap, w-used, w); n > 0 {
					end, i = j+n, j+n+len(nbsp)
				} else if n := shyBreak(text[j:k], w-used-gap); fold && n > 0 {
					end, i = j+n, j+n
				}
				break
			}
			end, used, i = k, used+gap+ww, k
		}
		lines = append(lines, span.Span{Start: start, End: end})
	}
	if len(lines) == 0 {
		lines = append(lines, span.Span{Start: s, End: s})
	}
	return lines
}

// wrapCode breaks text[s:e] at its line breaks, and lines wider than w
// columns after their last space that fits, past the line's indentation
// (anywhere, for a line with none: a long link), keeping every space: a
// comment's word is not split in two, nor does its next line start with
// the space before it.
func wrapCode(text string, s, e, w int) []span.Span {
	var lines []span.Span
	for start := s; start <= e; {
		end := start
		for end < e && text[end] != '\n' {
			end++
		}
		indent := start + len(text[start:end]) - len(strings.TrimLeft(text[start:end], " \t"))
		for line := start; ; {
			n := cut(text[line:end], w)
			if line+n < end {
				if i := strings.LastIndexByte(text[line:line+n], ' '); i >= 0 && line+i >= indent {
					n = i + 1
				}
			}
			lines = append(lines, span.Span{Start: line, End: line + n})
			line += n
			if line >= end {
				break
			}
		}
		start = end + 1
	}
	return lines
}

// nbsp is the no-break space, which scraped pages put between ordinary
// words: 24 of PolNeAR's 84 dev articles (219 of 840 train) hold one
// between two words, 85 times in all (997 in train).
const nbsp = "\u00a0"

// nbspBreak returns where to break a word glued by no-break spaces that
// does not fit in the room left on a line (fit columns after the space
// before it; room without that space): at its last no-break space whose
// part before it fits, but only when the line would otherwise end short,
// with more than a third of the width empty. A browser never breaks
// there; but a no-break space in scraped text is mostly noise, and a line
// cut a third short reads as a broken paragraph. The part before must
// draw something, or the line would end in nothing (or, after a soft
// hyphen, in a hyphen alone). 0 is no break.
func nbspBreak(word string, fit, room, w int) int {
	if 3*room <= w {
		return 0
	}
	best := 0
	for off := 0; ; {
		idx := strings.Index(word[off:], nbsp)
		if idx < 0 {
			return best
		}
		drawn := Width(word[:off+idx])
		if drawn > fit {
			return best
		}
		if drawn > 0 {
			best = off + idx
		}
		off += idx + len(nbsp)
	}
}

// shy is the soft hyphen, where scraped text says a word may break.
const shy = string(sanitize.SoftHyphen)

// shyBreak returns where to break a word that does not fit in the room
// left on a line: just after its last soft hyphen whose part before it
// fits with the hyphen drawn there (see proseLine), as a browser breaks
// it; 0 is no break. The part before must draw something: soft hyphens
// (or marks of no width) alone before the break would leave the hyphen
// alone on its line.
func shyBreak(word string, room int) int {
	for end := len(word); ; {
		i := strings.LastIndex(word[:end], shy)
		if i <= 0 {
			return 0
		}
		if w := Width(word[:i]); i+len(shy) < len(word) && w > 0 && w+1 <= room {
			return i + len(shy)
		}
		end = i
	}
}

// breakInLink moves a cut at byte n of a word too long for a line back
// to just after the last "/", "?", "&", "=" or "-" before it, when that
// keeps at least half of what fits: a link cut at the edge of the line
// ("…/columns/at/a" then "ll?with=…") is read as two broken names.
func breakInLink(word string, n int) int {
	if i := strings.LastIndexAny(word[:n], "/?&=-"); i >= 0 && i+1 < n && 2*(i+1) >= n {
		return i + 1
	}
	return n
}

// cutBeforeOpening moves a cut at byte n of word back so that the rest
// does not start with closing punctuation ("”", ",", ")"): a comma alone
// at the start of a line reads as a stray mark. If all that is drawn of
// the part before the cut would have to go (a line too narrow for a
// letter and its marks), the cut stays: what is left would be a line of
// nothing, or a soft hyphen's hyphen alone.
func cutBeforeOpening(word string, n int) int {
	for m := n; m < len(word) && Width(word[:m]) > 0; {
		r, _ := utf8.DecodeRuneInString(word[m:])
		if !closing(r) {
			return m
		}
		_, size := utf8.DecodeLastRuneInString(word[:m])
		m -= size
	}
	return n
}

// closing reports whether r closes something or ends a clause: closing
// brackets and quotes, and the marks that follow a word, the full-width
// ones of Chinese and Japanese among them ("。" began a line of a Chinese
// sentence cut at the edge).
func closing(r rune) bool {
	return unicode.In(r, unicode.Pe, unicode.Pf) || strings.ContainsRune(",.;:!?…’'\"。、，．：；！？", r)
}

// proseLine returns the pieces that show text[s:e], a line of prose, in
// role: one a run of spaces between words would end, so that the run is
// drawn as one space. Scraped and typed text holds such runs mid-sentence
// ("an  interview"); the text keeps them, since changing it would move
// the notes anchored after them, but a reader expects one space. A line
// broken at a soft hyphen inside a word ends with a drawn hyphen; one
// broken at a (no-break) space after a soft hyphen does not.
func proseLine(text string, s, e int, role Role) []Piece {
	var pieces []Piece
	for {
		i := strings.Index(text[s:e], "  ")
		if i < 0 {
			pieces = append(pieces, Piece{Start: s, End: e, Text: true, Role: role})
			if strings.HasSuffix(text[s:e], shy) && e < len(text) && !isSpace[text[e]] && !strings.HasPrefix(text[e:], nbsp) {
				pieces = append(pieces, Piece{Lit: "-", Role: role})
			}
			return pieces
		}
		i += s + 1
		pieces = append(pieces, Piece{Start: s, End: i, Text: true, Role: role})
		for s = i; s < e && text[s] == ' '; s++ {
		}
	}
}
