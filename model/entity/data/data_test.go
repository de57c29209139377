package data

import "testing"

func TestEntries(t *testing.T) {
	for _, l := range Lists {
		t.Run(string(l), func(t *testing.T) {
			es, err := Entries(l)
			if err != nil {
				t.Fatal(err)
			}
			if len(es) < 100 {
				t.Errorf("only %d entries", len(es))
			}
			seen := map[string]bool{}
			for _, e := range es {
				if seen[e.Text] {
					t.Errorf("%q is listed twice", e.Text)
				}
				seen[e.Text] = true
			}
		})
	}
}

func TestEntriesReadsWeakMarks(t *testing.T) {
	es, err := Entries(Orgs)
	if err != nil {
		t.Fatal(err)
	}
	weak := map[string]bool{}
	for _, e := range es {
		weak[e.Text] = e.Weak
	}
	if !weak["Sun"] || weak["Kremlin"] {
		t.Errorf("want Sun weak and Kremlin strong, got %v and %v", weak["Sun"], weak["Kremlin"])
	}
}
