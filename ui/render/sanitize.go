package render

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/rivo/uniseg"
)

// Article text never reaches the terminal as a control sequence: the rune
// classification lives in internal/sanitize, shared with every other output
// margin writes. Width and Sanitize agree on every rune, so the layout's
// column counts hold for what is drawn.

// tabWidth is how many columns a tab takes.
const tabWidth = sanitize.TabWidth

// Sanitize returns s as it is safe to draw: see sanitize.Terminal.
func Sanitize(s string) string { return sanitize.Terminal(s) }

// Plural counts n things: "1 note", "2 notes".
func Plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// OneLine sanitises s for a one-line field such as a title: line breaks and
// runs of white space become one space (see sanitize.TerminalLine).
func OneLine(s string) string { return sanitize.TerminalLine(s) }

// CutBytes returns s cut to at most n bytes at a character's start: what
// a view keeps of a text too long to lay out whole.
func CutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
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

// clusterWidth corrects uniseg's width for clusters that hold a rune drawn
// as a picture, such as a lone ESC or the CR LF pair that uniseg counts as
// one cluster of width zero.
func clusterWidth(cluster string, w int) int {
	for _, r := range cluster {
		if _, ok := sanitize.Picture(r); ok || r == utf8.RuneError {
			return uniseg.StringWidth(sanitize.Terminal(cluster))
		}
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
// printable ASCII. What the links panel lists and y copies is decided by
// Followable, below.
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

// scriptSchemes are the URL schemes that run or embed something rather
// than point at a page: a reader lists no such link and copies none.
var scriptSchemes = []string{"javascript:", "vbscript:", "data:"}

// Followable reports whether u is a link a reader may list and copy:
// not a script or an inline payload (javascript:, vbscript:, data:),
// however its scheme is cased or padded, as browsers read it. It is
// looser than SafeURL, which gates what reaches the terminal in an OSC 8
// hyperlink: a relative link, or one of another scheme, may be listed
// and copied but is not sent as a hyperlink.
func Followable(u string) bool {
	s := strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, u))
	for _, p := range scriptSchemes {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	return s != ""
}
