package evalset

import (
	"reflect"
	"testing"
)

func TestProxiesCountWhatLiesAroundTheSnippets(t *testing.T) {
	p := Page{With: []string{"the board agreed"}, Without: []string{"Sign up"}}
	var x Proxies
	x.Add(p, "Home\nOn Tuesday the board agreed.\nSign up now")
	x.Add(p, "Nothing of the article")
	home, with, signUp, other := len("Home"), len("On Tuesday the board agreed."), len("Sign up now"), len("Nothing of the article")
	want := Proxies{Pages: 2, Bytes: home + with + signUp + other, Around: home + signUp + other, Uncovered: home + signUp + other, KeptWithout: 1}
	if x != want {
		t.Errorf("proxies = %+v, want %+v", x, want)
	}
}

func TestHoldsWithFindsASnippetRunningAcrossLines(t *testing.T) {
	snippet := "The harbour board met on Tuesday and agreed to commission a survey of the seabed"
	p := Page{With: []string{snippet}}
	tests := []struct {
		name, line string
		want       bool
	}{
		{"the line holding its start", "Yesterday. The harbour board met on Tuesday and", true},
		{"the line holding its end", "to commission a survey of the seabed before dredging.", true},
		{"a line inside it", "agreed to commission", true},
		{"a line elsewhere", "Fishermen asked for a study.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := holdsWith(p, tt.line); got != tt.want {
				t.Errorf("holdsWith(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestAloneListsLinesNoOtherExtractionHas(t *testing.T) {
	got := Alone("One line.\nTwo\u00a0lines here.\nThird line.", "One line. Two lines here.", "")
	if want := []string{"Third line."}; !reflect.DeepEqual(got, want) {
		t.Errorf("Alone = %q, want %q", got, want)
	}
}
