package model

import (
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// sourceEntityID returns the EntityIndex ID of the entity a claim's source
// names: its resolved span's ("he" = "Jane Okoro") or else its own, or 0.
// A span names the person mentioned in it ("Spokeswoman Haley Morris"),
// else the entity it is, with at most an article or possessive before it
// ("the Pentagon"), or an organisation and one noun after it ("a
// Washington Post report"); "a Chinese official" and "a spokesperson for
// the embassy" name no one the index holds.
func sourceEntityID(text string, an *Analysis, src span.Span) int {
	i := sort.Search(len(an.Entities), func(i int) bool { return an.Entities[i].Start >= src.Start })
	opening := -1
	for ; i < len(an.Entities) && an.Entities[i].Start < src.End; i++ {
		e := an.Entities[i]
		if !src.Covers(e.Span) || e.Label == entity.Date || e.Label == entity.Number {
			continue
		}
		if e.Label == entity.Person {
			return thingID(an, i)
		}
		if opening < 0 && opensWith(text[src.Start:e.Start]) && closesWith(text[e.End:src.End], e.Label) {
			opening = i
		}
	}
	if opening < 0 {
		return 0
	}
	return thingID(an, opening)
}

// openers may stand before the entity a source opens with.
var openers = map[string]bool{"": true, "the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true}

// opensWith reports whether the words before an entity inside a source
// are at most one article or possessive.
func opensWith(before string) bool {
	return openers[strings.ToLower(strings.TrimSpace(before))]
}

// closesWith reports whether the words after an entity inside a source
// leave it the one named: none, or one noun after an organisation.
func closesWith(after string, l entity.Label) bool {
	n := len(strings.Fields(after))
	return n == 0 || n == 1 && l == entity.Org
}

// thingID is the ID of the thing the i-th entity mentions, or 0.
func thingID(an *Analysis, i int) int {
	if i >= len(an.EntityIndex.ThingOf) {
		return 0
	}
	return an.EntityIndex.Things[an.EntityIndex.ThingOf[i]].ID
}
