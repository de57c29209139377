package render

import "strings"

// scriptSchemes are the URL schemes that run or embed something rather
// than point at a page: a reader lists no such link and copies none.
var scriptSchemes = []string{"javascript:", "vbscript:", "data:"}

// Followable reports whether u is a link a reader may list and copy:
// not a script or an inline payload (javascript:, vbscript:, data:),
// however its scheme is cased or padded, as browsers read it.
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
