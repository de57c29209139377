package claim

import "testing"

func TestNameHoldsItsHeadNounLastOrBeforeALowerCaseWord(t *testing.T) {
	for _, c := range []struct {
		name, noun string
		want       bool
	}{
		{"Porthaven Town Council", "council", true},
		{"Court of Appeals", "court", true},
		{"Supreme Court Justice Frank Nervo", "court", false},
		{"Arden Foods Ltd", "company", true},
		{"Arden Foods Ltd.", "firm", true},
		{"Arden Foods", "company", false},
		{"the Ministry's office", "ministry", true},
		{"Ministry-Backed Group", "ministry", false},
		{"Élysée Palace", "palace", true},
		{"State Department", "department", true},
		{"Department of State", "ministry", false},
		{"Treasury Department spokesman", "department", true},
		{"Departmental Council", "department", false},
		{"Court", "Court", true},
		{"Supreme Court", "ſupreme", false},
		{"ſupreme Court Office", "supreme", false},
		{"Office of the ſupreme", "supreme", true},
		{"", "council", false},
		{"123 ---", "council", false},
	} {
		if got := nameHolds(c.name, c.noun); got != c.want {
			t.Errorf("nameHolds(%q, %q) = %v, want %v", c.name, c.noun, got, c.want)
		}
	}
}
