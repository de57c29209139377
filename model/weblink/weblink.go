// Package weblink finds the web and email addresses written out in text
// ("see https://example.org/report.", "www.example.org", "jane@example.org"):
// the one finder behind markdown's bare links and a plain text's, so that
// both reach the reader as the same doc.Link marks.
package weblink

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

// Syntax is what kind of text addresses are looked for in.
type Syntax uint8

const (
	// Plain is text as a person reads it: "&" is part of an address
	// ("?q=1&r=2").
	Plain Syntax = iota
	// Markdown is raw markdown, where "&" may start a character reference
	// ("&amp;") that is decoded later: an address ends there, so the
	// link's words hold none undecoded.
	Markdown
)

// Link is an address found in a text: its span, the bytes of the text it
// covers, and where it goes.
type Link struct {
	span.Span
	// URL is the address as written, with "http://" before a "www."
	// address and "mailto:" before an email address.
	URL string
}

var prefixes = []string{"https://", "http://", "ftp://", "www."}

// The schemes a Link's URL adds to a "www." address and an email address.
const (
	wwwScheme   = "http://"
	emailScheme = "mailto:"
)

// WebScheme returns how many bytes of s are the "http://" or "https://"
// it starts with, in any case: RFC 3986 (3.1) makes a scheme
// case-insensitive, so "HTTPS://example.org" is a web address. 0 when s
// starts with neither.
func WebScheme(s string) int {
	for _, p := range []string{"https://", "http://"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// IsWeb reports whether s, an address given whole (an argument, a note's
// source, an author's name), is a web address: one that starts with
// http:// or https:// in any case (see WebScheme). It is the one test of
// this in margin; All, which finds addresses in prose, is stricter.
func IsWeb(s string) bool { return WebScheme(s) > 0 }

// SpellsOut reports whether a link's words are its address written out:
// the URL itself, or a "www." or email address the URL only adds its
// scheme to, as it does for the Links All finds.
func SpellsOut(words, url string) bool {
	return url == words || url == wwwScheme+words || url == emailScheme+words
}

// All yields the addresses in s in order. An address starts a word (the
// text before it does not end in a letter or digit; wordStart says
// whether s itself begins one), and ends at white space, a quotation mark
// or a character no address holds, less the punctuation that ends its
// sentence and a closing bracket it did not open.
func All(s string, wordStart bool, syn Syntax) iter.Seq[Link] {
	return func(yield func(Link) bool) {
		if !mayHold(s) {
			return
		}
		// noEmailBefore is where an email address may next start: one
		// from inside a run of name characters that held none would end
		// where that run did.
		noEmailBefore := 0
		for i := 0; i < len(s); i++ {
			// Every address starts with a character an email name may
			// hold, a web address with a letter.
			if !InEmailName(s[i]) || i == 0 && !wordStart || i > 0 && !StartsAfter(s[:i]) {
				continue
			}
			l, ok := urlAt(s, i, syn)
			if !ok && i >= noEmailBefore {
				var next int
				l, next, ok = emailAt(s, i)
				noEmailBefore = next
			}
			if !ok {
				continue
			}
			if !yield(l) {
				return
			}
			i = l.End - 1
		}
	}
}

// StartsAfter reports whether an address may start right after before:
// before does not end in a letter or digit, so the "http" of "xhttp://"
// starts none.
func StartsAfter(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return before == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// mayHold reports whether s may hold an address at all, so that text
// without one is passed over quickly.
func mayHold(s string) bool {
	return strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.IndexByte(s, '@') >= 0
}

// urlAt reads a web address starting at i: a scheme and a host, or "www."
// and a name with a dot.
func urlAt(s string, i int, syn Syntax) (Link, bool) {
	for _, p := range prefixes {
		if !strings.HasPrefix(s[i:], p) {
			continue
		}
		rest := i + len(p)
		if rest == len(s) || s[rest] == '/' || stops(s[rest:], syn) {
			return Link{}, false
		}
		e := urlEnd(s, i, syn)
		if e <= rest || (p == "www." && strings.IndexByte(s[rest:e], '.') < 0) {
			return Link{}, false
		}
		u := s[i:e]
		if p == "www." {
			u = wwwScheme + u
		}
		return Link{Span: span.Span{Start: i, End: e}, URL: u}, true
	}
	return Link{}, false
}

// urlEnd is where an address starting at i ends: before the first
// character that stops it, less trailing punctuation and closing brackets
// it did not open.
func urlEnd(s string, i int, syn Syntax) int {
	e := i
	for e < len(s) && !stops(s[e:], syn) {
		_, size := utf8.DecodeRuneInString(s[e:])
		e += size
	}
	// The brackets are counted once, not at every character trimmed: an
	// address followed by thousands of ")" is trimmed in one pass.
	parens := strings.Count(s[i:e], ")") - strings.Count(s[i:e], "(")
	squares := strings.Count(s[i:e], "]") - strings.Count(s[i:e], "[")
	for e > i {
		switch c := s[e-1]; {
		case strings.IndexByte("?!.,:;*_~'", c) >= 0:
		case c == ')' && parens > 0:
			parens--
		case c == ']' && squares > 0:
			squares--
		default:
			return e
		}
		e--
	}
	return e
}

// stops reports whether the character s starts with ends an address:
// white space, a control character, a quotation mark, or one that cannot
// stand in an address as written ("<", "`", "\"); in markdown also a
// character reference.
func stops(s string, syn Syntax) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return c <= ' ' || c == 0x7f || strings.IndexByte("\"<>\\`", c) >= 0 || (syn == Markdown && c == '&' && isReference(s))
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("“”‘’«»", r)
}

// isReference reports whether s starts with a character reference,
// "&" and up to 32 letters, digits or "#" before a ";".
func isReference(s string) bool {
	for i := 1; i < len(s) && i <= 33; i++ {
		switch c := s[i]; {
		case c == ';':
			return i > 1
		case !isAlnum(c) && c != '#':
			return false
		}
	}
	return false
}

// emailAt reads an email address starting at i. When there is none, next
// is where one may start: no later start in the same name finds one.
func emailAt(s string, i int) (l Link, next int, ok bool) {
	j := i
	for j < len(s) && InEmailName(s[j]) {
		j++
	}
	if j == i || j >= len(s) || s[j] != '@' {
		return Link{}, j, false
	}
	k := j + 1
	for k < len(s) && (isAlnum(s[k]) || s[k] == '.' || s[k] == '-') {
		k++
	}
	for k > j+1 && (s[k-1] == '.' || s[k-1] == '-') {
		k--
	}
	domain := s[j+1 : k]
	if dot := strings.LastIndexByte(domain, '.'); dot <= 0 || dot == len(domain)-1 {
		return Link{}, j, false
	}
	return Link{Span: span.Span{Start: i, End: k}, URL: emailScheme + s[i:k]}, k, true
}

// InEmailName reports whether c may stand in the name before an email
// address's "@"; markdown's writer escapes an "@" after one.
func InEmailName(c byte) bool {
	return isAlnum(c) || strings.IndexByte("._%+-", c) >= 0
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
