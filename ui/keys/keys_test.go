package keys

import (
	"strings"
	"testing"
)

// shown is how the help names a key.
var shown = map[string]string{"down": "↓", "up": "↑", "left": "←", "right": "→", "pgdown": "pgdn"}

// named returns the keys a help label names: "j/↓/enter", "< >", "1-6",
// and "ctrl+n/p" for ctrl+n and ctrl+p.
func named(label string) []string {
	if label == "/" {
		return []string{"/"}
	}
	var out []string
	prefix := ""
	for _, part := range strings.FieldsFunc(label, func(r rune) bool { return r == '/' || r == ' ' }) {
		switch {
		case strings.Contains(part, "+"):
			prefix = part[:strings.LastIndexByte(part, '+')+1]
		case len(part) == 1 && prefix != "":
			part = prefix + part
		}
		if lo, hi, ok := strings.Cut(part, "-"); ok && len(lo) == 1 && len(hi) == 1 {
			for c := lo[0]; c <= hi[0]; c++ {
				out = append(out, string(c))
			}
			continue
		}
		out = append(out, part)
	}
	return out
}

// TestHelpNamesEveryBoundKey reads the help screen's bindings: every key
// that triggers one is named in its group's help, so no key does
// something the help does not say (ctrl+n, ctrl+f, < and > moved the
// text unmentioned).
func TestHelpNamesEveryBoundKey(t *testing.T) {
	for _, g := range Default().Groups() {
		names := map[string]bool{}
		for _, b := range g.Bindings {
			for _, n := range named(b.Help().Key) {
				names[n] = true
			}
		}
		for _, b := range g.Bindings {
			for _, k := range b.Keys() {
				if n, ok := shown[k]; ok {
					k = n
				}
				if !names[k] {
					t.Errorf("%s: %q (%s) is bound to %q, which the help does not name", g.Title, b.Help().Desc, b.Help().Key, k)
				}
			}
		}
	}
}
