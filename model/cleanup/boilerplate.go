package cleanup

import (
	_ "embed"
	"strings"
)

//go:embed boilerplate.txt
var boilerplateList string

// boilerplate is the set of widget lines, keyed by their folded form.
type boilerplate map[string]struct{}

func loadBoilerplate(list string) boilerplate {
	set := boilerplate{}
	for _, line := range strings.Split(list, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[foldWidget(line)] = struct{}{}
	}
	return set
}

// maxWidgetLen bounds the lines worth looking up: widget text is short, and
// skipping long lines keeps cleanup fast on large articles.
const maxWidgetLen = 48

// is reports whether line is widget text.
func (b boilerplate) is(line string) bool {
	if len(line) > maxWidgetLen {
		return false
	}
	_, ok := b[foldWidget(line)]
	return ok
}

// foldWidget lower-cases s, folds its spaces and drops trailing ":", "."
// and "…", so "Loading..." and "Play all audios:" match their list entries.
func foldWidget(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	for {
		t := strings.TrimRight(s, ":. ")
		t = strings.TrimSuffix(t, "…")
		if t == s {
			return s
		}
		s = t
	}
}
