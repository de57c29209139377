package entity

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

func TestMergeByStartPutsTheFoundNamesInTextOrder(t *testing.T) {
	at := func(starts ...int) []Entity {
		var out []Entity
		for _, s := range starts {
			out = append(out, Entity{Span: span.Span{Start: s, End: s + 1}, Label: Person})
		}
		return out
	}
	for _, tc := range []struct {
		name       string
		tagged     []int
		found      []int
		wantStarts []int
	}{
		{"names found between the tagged ones", []int{2, 8}, []int{0, 5, 9}, []int{0, 2, 5, 8, 9}},
		{"names found after all the tagged ones", []int{1, 3}, []int{6, 7}, []int{1, 3, 6, 7}},
		{"names found before all the tagged ones", []int{6}, []int{0, 4}, []int{0, 4, 6}},
		{"nothing tagged", nil, []int{3, 4}, []int{3, 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := mergeByStart(append(at(tc.tagged...), at(tc.found...)...), len(tc.tagged))
			var got []int
			for _, e := range out {
				got = append(got, e.Start)
			}
			if !slices.Equal(got, tc.wantStarts) {
				t.Errorf("starts %v, want %v", got, tc.wantStarts)
			}
		})
	}
}
