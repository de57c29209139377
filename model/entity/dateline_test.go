package entity

import (
	"strings"
	"testing"
)

// TestDateline checks the step "dateline" on invented stories: the case
// fails with the step switched off.
func TestDateline(t *testing.T) {
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepDateline
	checkStep(t, on, off, "MILWAUKEE, Wis. (AP) — A fire destroyed a warehouse near the port on Sunday.",
		[]string{"MILWAUKEE/PLACE"}, []string{"MILWAUKEE/ORG"})
	// An organisation of the lists keeps its label where it writes its
	// own dateline.
	const un = "UNITED NATIONS 1996-08-29\nThe Security Council met on Thursday."
	if es := on.Tag(un, nil); has(un, es, "UNITED NATIONS/PLACE") {
		t.Errorf("Tag(%q) = %s; want the organisation left one", un, found(un, es))
	}
}

func TestIsDateline(t *testing.T) {
	tests := []struct {
		words string // the words after the dateline's place
		want  bool
	}{
		{"1996-08-29", true},
		{", Wisconsin 1996-08-29", true},
		{"( AP ) — A fire", true},
		{"( Reuters ) - Shares", true},
		{", Ill. — Sen.", true},
		{", N.H. ( AP ) —", true},
		{", July 19 ( Reuters )", true},
		{"— The stories", false}, // a dash alone may end a kicker
		{"( SEP ) 91.37", false},
		{", Apple and Google", false},
		{", July was hot", false},
		{", ENGLAND 1996-08-31", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := isDateline(strings.Fields(tc.words), 0); got != tc.want {
			t.Errorf("isDateline(%q) = %v, want %v", tc.words, got, tc.want)
		}
	}
}
