package render

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// tabWidth is how many columns a tab takes. Tabs are drawn as spaces so
// that every column the layout counts is a column the terminal shows.
const tabWidth = 4

// Article text never reaches the terminal as a control sequence: every C0
// and C1 control and DEL is drawn as a visible picture, and bidirectional
// overrides and isolates, which could reorder what the reader sees, are
// dropped. Width and Sanitize agree on every rune, so the layout's column
// counts hold for what is drawn.

// picture returns what the rune r is drawn as when it is not drawn as
// itself, and whether it is replaced at all.
func picture(r rune) (string, bool) {
	switch {
	case r == '\t':
		return "    ", true
	case r < 0x20:
		return string(rune(0x2400 + r)), true // ␀ ... ␟, ␛ for ESC
	case r == 0x7f:
		return "\u2421", true // ␡
	case r >= 0x80 && r < 0xa0:
		return "\ufffd", true
	case isBidiControl(r):
		return "", true
	case r == 0x2028 || r == 0x2029:
		return " ", true
	}
	return "", false
}

// isBidiControl reports whether r is an explicit bidirectional embedding,
// override or isolate.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Sanitize returns s as it is safe to draw: see picture.
func Sanitize(s string) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	appendSanitized(&b, s)
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func appendSanitized(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteString("\ufffd")
		} else if p, ok := picture(r); ok {
			b.WriteString(p)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

// OneLine sanitises s for a one-line field such as a title: line breaks and
// runs of white space become one space.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}

// Width returns the number of columns s takes once sanitised.
func Width(s string) int {
	w := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return w + slowWidth(s[i:])
		}
		if c == '\t' {
			w += tabWidth
		} else {
			w++
		}
	}
	return w
}

func slowWidth(s string) int {
	w := 0
	state := -1
	for len(s) > 0 {
		var cluster string
		var cw int
		cluster, s, cw, state = uniseg.FirstGraphemeClusterInString(s, state)
		w += clusterWidth(cluster, cw)
	}
	return w
}

// clusterWidth corrects uniseg's width for clusters that are drawn as
// pictures.
func clusterWidth(cluster string, w int) int {
	r, size := utf8.DecodeRuneInString(cluster)
	if size != len(cluster) {
		return w
	}
	if r == utf8.RuneError && size <= 1 {
		return 1
	}
	if p, ok := picture(r); ok {
		return Width(p)
	}
	return w
}

// cut returns how many bytes of s fit in w columns: at least one grapheme
// cluster, so that a long word always makes progress.
func cut(s string, w int) int {
	n, used := 0, 0
	state := -1
	rest := s
	for len(rest) > 0 {
		var cluster string
		var cw int
		if c := rest[0]; c < 0x80 && (len(rest) == 1 || rest[1] < 0x80) {
			cluster, cw = rest[:1], Width(rest[:1])
			rest, state = rest[1:], -1
		} else {
			cluster, rest, cw, state = uniseg.FirstGraphemeClusterInString(rest, state)
			cw = clusterWidth(cluster, cw)
		}
		if used+cw > w && n > 0 {
			break
		}
		used += cw
		n += len(cluster)
	}
	return n
}

// SafeURL reports whether u may be sent to the terminal inside an OSC 8
// hyperlink: an absolute http, https, mailto or ftp URL made only of
// printable ASCII.
func SafeURL(u string) bool {
	if u == "" || len(u) > 2048 {
		return false
	}
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= 0x20 || c >= 0x7f {
			return false
		}
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https", "mailto", "ftp":
		return true
	}
	return false
}
