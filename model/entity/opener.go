package entity

import "github.com/margin-reader/margin/model/entity/internal/ner"

// opensSentence reports whether the one word ws[i] the model reads as a
// name only opens its sentence before a comma: an adverb or a participle
// ("Upstream, the argument is", "Sadly, he is", "Enraged, definitely"),
// which news writes in lower case, or a word that no list knows and the
// document never writes capitalised in mid-sentence. A name that opens a
// sentence this way is nearly always in the lists or written capitalised
// again later ("Obama, who"). On PolNeAR's development articles it drops
// 6 spans, 5 rightly ("Sadly", "Conversely", "Enraged") and one name
// written once, misspelt ("Scheiderman, a Democrat"); CoNLL dev is
// unchanged and WikiGold gains 0.04. Without the comma (any lone opening
// word so written) WikiGold gained 0.49 but CoNLL dev lost 0.42: its
// sentences open with names mentioned once ("Kerrow said").
func opensSentence(words []string, ws []ner.Word, i int) bool {
	w := &ws[i]
	return i+1 < len(words) && words[i+1] == "," && w.IsFirst() && w.IsTitleCase() && (w.NewsLower() || w.Unlisted())
}
