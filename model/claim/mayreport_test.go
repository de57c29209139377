package claim

import "testing"

// A part that mayReport passes over finds no reporting verb when read:
// ownSources may skip it.
func TestMayReportPassesOverOnlyPartsWithoutVerbs(t *testing.T) {
	d, err := NewDetector()
	if err != nil {
		t.Fatal(err)
	}
	skipped, read := 0, 0
	for _, text := range []string{
		"The mayor said on Tuesday that the bridge would reopen, but engineers warned it was unsafe.",
		"Officials, who declined to be named, told reporters the talks had stalled; critics called the plan a failure.",
		"“We are ready,” she insisted, adding that funding was secured.",
		"Prices rose 3 percent in May, the highest in a decade, and investigators have discovered that attempts were made.",
	} {
		all := tokenize(nil, text, spanAll(text))
		for from := range all {
			for to := from + 1; to <= len(all); to++ {
				var sc scratch
				sc.cues.reset(len(all))
				r := tokRange{from, to}
				may := d.mayReport(text, all, r, &sc)
				d.part(text, all, r, nil, &sc)
				if !may && len(sc.verbs) > 0 {
					t.Errorf("%q tokens [%d, %d): passed over, but reading finds %d verbs", text, from, to, len(sc.verbs))
				}
				if may {
					read++
				} else {
					skipped++
				}
			}
		}
	}
	if skipped == 0 || read == 0 {
		t.Errorf("%d parts passed over, %d read: the test asks nothing", skipped, read)
	}
}
