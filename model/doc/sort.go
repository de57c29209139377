package doc

import "sort"

func sortInlines(in []Inline) {
	sort.SliceStable(in, func(i, j int) bool { return in[i].Start < in[j].Start })
}
