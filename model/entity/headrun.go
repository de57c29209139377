package entity

import "github.com/margin-reader/margin/model/entity/internal/ner"

// maxHeadRun is how many title-case words after a name withHeadRun reads.
const maxHeadRun = 3

// withHeadRun extends a person's, organisation's or place's name over the
// title-case words right after it when the last of them heads
// organisations' names, and makes it an organisation's: the model ends
// "[Crescent City] High School" and "[George W. Bush] Presidential Center"
// before words news writes in lower case more often than not. A headline
// in title case says nothing so ("Suspect Named By Police"): a piece in
// title case is left alone.
func (t *Tagger) withHeadRun(words []string, ws []ner.Word, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label != Person && c.label != Place && c.label != Org {
			continue
		}
		limit := min(len(words), c.b+maxHeadRun)
		if k+1 < len(cs) {
			limit = min(limit, cs[k+1].a)
		}
		end := 0
		for i := c.b; i < limit && ws[i].IsTitleCase(); i++ {
			if t.endsOrgName(words[i], &ws[i]) {
				end = i + 1
			}
		}
		// Few names are followed so: the piece is read only for them.
		if end > 0 && !headline(words) {
			c.b, c.label = end, Org
		}
	}
}

// headline reports whether a piece of a sentence is in title case
// (inTitleCase) but for the stops after its last word ("Suspect Named By
// Police.").
func headline(words []string) bool {
	n := len(words)
	for n > 0 && !hasWordRune(words[n-1]) {
		n--
	}
	return inTitleCase(words[:n])
}
