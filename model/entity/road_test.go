package entity

import (
	"reflect"
	"testing"
)

// TestRoad checks the step "road" on invented sentences: each case fails
// with the step switched off.
func TestRoad(t *testing.T) {
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepRoad
	checkStep(t, on, off, "Two lorries collided on Interstate 84 near Tallow on Friday.",
		[]string{"Interstate 84/PLACE"}, []string{"84/NUMBER"})
	checkStep(t, on, off, "The detour follows Highway 17 for nine miles.",
		[]string{"Highway 17/PLACE"}, []string{"17/NUMBER"})
}

// TestRoadNumbers checks roadNumbers on candidates of its own.
func TestRoadNumbers(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		cs    []cand
		want  []cand
	}{
		{"a road word left alone", []string{"on", "Route", "9", "south"},
			[]cand{{2, 3, Number}}, []cand{{1, 3, Place}}},
		{"a name ending in the road word", []string{"on", "State", "Route", "9"},
			[]cand{{1, 3, Org}, {3, 4, Number}}, []cand{{1, 4, Place}}},
		{"an owner left alone", []string{"on", "State", "Route", "9"},
			[]cand{{3, 4, Number}}, []cand{{1, 4, Place}}},
		{"a group ending in the road word", []string{"the", "Dutch", "Route", "9"},
			[]cand{{1, 3, Group}, {3, 4, Number}}, []cand{{1, 3, Group}, {3, 4, Number}}},
		{"a date after a road word is no road's number", []string{"the", "Highway", "in", "1950"},
			[]cand{{3, 4, Date}}, []cand{{3, 4, Date}}},
		{"an amount with a decimal point", []string{"Route", "9.5"},
			[]cand{{1, 2, Number}}, []cand{{1, 2, Number}}},
		{"a road word in lower case", []string{"the", "route", "9"},
			[]cand{{2, 3, Number}}, []cand{{2, 3, Number}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := roadNumbers(tt.words, tt.cs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("roadNumbers(%q) = %v, want %v", tt.words, got, tt.want)
			}
		})
	}
}
