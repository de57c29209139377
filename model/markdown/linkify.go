package markdown

import (
	"strings"

	"github.com/margin-reader/margin/model/doc"
)

// plain writes raw markdown text, linking bare URLs ("https://…",
// "www.…") and email addresses the way GitHub does. Links are found in the
// raw text, so an escaped "http\://" or "a\@b" stays text. Inside other
// marks nothing is linked: the link's brackets would stand where the
// emphasis delimiters need letters. wordStart says whether raw begins a
// word.
func (w *walker) plain(raw string, wordStart bool) {
	if w.links > 0 || w.b.Marked() || !mayLink(raw) {
		w.text(unescape(raw))
		return
	}
	for raw != "" {
		start, end, url := findLink(raw, wordStart)
		if start < 0 {
			break
		}
		w.text(unescape(raw[:start]))
		label := raw[start:end]
		w.b.Mark(doc.Link, url, func() { w.text(label) })
		raw = raw[end:]
		wordStart = false
	}
	w.text(unescape(raw))
}

func mayLink(s string) bool {
	return strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.IndexByte(s, '@') >= 0
}

var linkPrefixes = []string{"https://", "http://", "ftp://", "www."}

// findLink finds the first bare link in s that starts a word: its bounds
// and its target, or -1.
func findLink(s string, wordStart bool) (start, end int, url string) {
	for i := 0; i < len(s); i++ {
		if (i == 0 && !wordStart) || (i > 0 && !isSpaceOrParen(s[i-1])) {
			continue
		}
		for _, p := range linkPrefixes {
			if !strings.HasPrefix(s[i:], p) {
				continue
			}
			e := urlEnd(s, i)
			if e-i <= len(p) || (p == "www." && !strings.Contains(s[i+len(p):e], ".")) {
				continue
			}
			if p == "www." {
				return i, e, "http://" + s[i:e]
			}
			return i, e, s[i:e]
		}
		if e, ok := emailEnd(s, i); ok {
			return i, e, "mailto:" + s[i:e]
		}
	}
	return -1, -1, ""
}

func isSpaceOrParen(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '('
}

// urlEnd is where a bare URL starting at i ends: at whitespace or a
// character that cannot be read literally, less trailing punctuation and
// unbalanced closing parentheses.
func urlEnd(s string, i int) int {
	e := i
	for e < len(s) && !strings.ContainsRune(" \t\n<>\\&\"`", rune(s[e])) {
		e++
	}
	for e > i {
		c := s[e-1]
		switch {
		case strings.IndexByte("?!.,:;*_~'", c) >= 0:
			e--
			continue
		case c == ')' && strings.Count(s[i:e], ")") > strings.Count(s[i:e], "("):
			e--
			continue
		}
		break
	}
	return e
}

func isLocal(c byte) bool {
	return isAlnum(c) || strings.IndexByte("._%+-", c) >= 0
}

// emailEnd reads an email address starting at i.
func emailEnd(s string, i int) (int, bool) {
	j := i
	for j < len(s) && isLocal(s[j]) {
		j++
	}
	if j == i || j >= len(s) || s[j] != '@' {
		return 0, false
	}
	k := j + 1
	for k < len(s) && (isAlnum(s[k]) || s[k] == '.' || s[k] == '-') {
		k++
	}
	for k > j+1 && (s[k-1] == '.' || s[k-1] == '-') {
		k--
	}
	domain := s[j+1 : k]
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || dot == len(domain)-1 {
		return 0, false
	}
	return k, true
}
