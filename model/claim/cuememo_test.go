package claim

import "testing"

// The memo answers for every token of every part of a unit what the
// tagger answers for that part, however the parts before were read.
func TestCueMemoAnswersAsTheTaggerDoesOnEachPart(t *testing.T) {
	d, err := NewDetector()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"The mayor said on Tuesday that the bridge would reopen, but engineers warned it was unsafe.",
		"Officials, who declined to be named, told reporters the talks had stalled; critics called the plan a failure.",
		"“We are ready,” she insisted, adding that funding was secured.",
	} {
		all := tokenize(nil, text, spanAll(text))
		var m cueMemo
		m.reset(len(all))
		asked := 0
		for from := range all {
			for to := from + 1; to <= len(all); to++ {
				m.base = from
				part := all[from:to]
				for i := range part {
					ratio := d.lex.ratio(part[i].h)
					if got, want := m.tagged(d.lex, text, part, i, ratio), d.lex.tagged(text, part, i, ratio); got != want {
						t.Errorf("%q tokens [%d, %d) token %d %q: memo %v, tagger %v", text, from, to, i, word(text, part[i]), got, want)
					}
					asked++
				}
			}
		}
		if asked == 0 {
			t.Errorf("%q: no tokens", text)
		}
	}
}
