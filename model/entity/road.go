package entity

import "slices"

// roadWords name a road by its number ("Interstate 95", "Highway 301",
// "Route 66").
var roadWords = set("Interstate", "Interstates", "Highway", "Route", "Motorway")

// roadOwners go before a road word in the road's name ("State Route 267",
// "U.S. Highway 1", "County Route 5").
var roadOwners = set("State", "U.S.", "US", "County")

// roadNumbers makes a road word and the number after it one place's name,
// where the rules read the number as an amount and the model left the word
// alone ("Interstate [95]"), ended a name with it ("[State Route] 267") or
// left a road's owner before it alone too ("State Route [267]"). CoNLL dev
// and WikiGold write five such roads, each a place's name in their gold;
// CoNLL's training split none.
func roadNumbers(words []string, cs []cand) []cand {
	for k := 0; k < len(cs); k++ {
		c := cs[k]
		if c.label != Number || c.b != c.a+1 || c.a == 0 || !roadWords[words[c.a-1]] || !isNumber(words[c.a]) {
			continue
		}
		start := c.a - 1
		if k > 0 && cs[k-1].b > start {
			// The word ends a span before, which cannot overlap the number:
			// a road's name when it is a person's, organisation's or place's.
			p := cs[k-1]
			if p.label != Person && p.label != Org && p.label != Place {
				continue
			}
			start = p.a
			k--
			cs = slices.Delete(cs, k, k+1)
		} else if start > 0 && roadOwners[words[start-1]] && (k == 0 || cs[k-1].b < start) {
			start--
		}
		cs[k] = cand{start, c.b, Place}
	}
	return cs
}
