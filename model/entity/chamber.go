package entity

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// chamberOfPlace relabels a place's name of several words that ends in
// "House" or "Senate" after a place the list holds or a party's word
// ("the U.S. House", "the Kentucky House", "Republican House members",
// "the United States Senate"): that is a legislature, an organisation, as
// the lone "House" and "Senate" are. "White House" is left a place (the
// convention of CoNLL's gold, 12 times in 13) as "White" is neither.
// CoNLL's training split tags "Republican House" an organisation's (1 in
// 1), PolNeAR's silver "U.S. Senate", "Missouri Senate", "GOP Senate" 27
// times in 30 and "U.S. House", "Republican House" 5 times in 6, while the
// model, taught by CoreNLP's "United States Senate" places, makes some of
// them places. A lone "House" or "Senate" a place's (left of "Former
// House Speaker" by afterFormer) is an organisation's too: CoNLL's training
// split tags the lone words an organisation's 19 times in 19, the silver
// 424 in 425. cs are sorted and disjoint.
func chamberOfPlace(words []string, ws []ner.Word, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label != Place || !chambers[words[c.b-1]] {
			continue
		}
		if c.b-c.a == 1 || c.b-c.a == 2 && partyWords[words[c.a]] || ner.Matched(ws, c.a, c.b-1, ner.MarkPlace) {
			c.label = Org
		}
	}
}

// chambers are the heads of a legislature's name.
var chambers = set("House", "Senate")

// partyWords are the words of American parties that name a chamber's
// majority or caucus ("the Republican House", "the GOP Senate").
var partyWords = set("Republican", "Democratic", "GOP")

// beforeLeader ends an organisation's name before "Majority" or
// "Minority" when a leader's or whip's title follows ("[Senate] Minority
// Leader Harry Reid"): the words are the office's title, as "Majority" is
// in PolNeAR's silver labels 15 times in 15 ("Senate Majority Leader"),
// while CoreNLP puts "Minority" inside the name 13 times in 14 and the
// model learnt that from it. cs are sorted and disjoint.
func beforeLeader(words []string, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label == Org && c.b-c.a > 1 && c.b < len(words) && leaderWords[words[c.b-1]] && leaderTitles[words[c.b]] {
			c.b--
		}
	}
}

var (
	leaderWords  = set("Majority", "Minority")
	leaderTitles = set("Leader", "Whip")
)

// afterFormer starts a name of several words after a capitalised
// "Former" or "Then" that opens it ("[Former] House Speaker", "[Then]
// Senator"): they say when its office was held, and are no part of a name.
// In CoNLL's training split a capitalised "Former" or "Then" before a name
// is outside it 11 times in 12, in PolNeAR's silver 43 in 49, in WikiGold
// 1 in 1. cs are sorted and disjoint.
func afterFormer(words []string, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label != "" && c.b-c.a > 1 && formerWords[words[c.a]] {
			c.a++
		}
	}
}

var formerWords = set("Former", "Then")

// withoutPluralTitle drops a name that is a plural title's abbreviation
// ("Sens. Ted Cruz and Marco Rubio", "Reps.", "Govs.") and ends a longer
// one before it ("[Florida] Sens. Marco Rubio and Bill Nelson"): the
// tokeniser leaves the dot apart from these, which the model then reads as
// a name of its own. In PolNeAR's silver labels "Sens.", "Reps." and
// "Govs." are outside any name 23 times in 23. cs are sorted and disjoint.
func withoutPluralTitle(words []string, cs []cand) []cand {
	for k := range cs {
		if c := &cs[k]; c.label != "" && c.b < len(words) && words[c.b] == "." && pluralTitles[words[c.b-1]] {
			c.b--
		}
	}
	return slices.DeleteFunc(cs, func(c cand) bool { return c.a == c.b })
}

var pluralTitles = set("Sens", "Reps", "Govs")

// beforeLower reports whether the word at i is a lower-case word ("Latino
// [voters]"): a group's word so placed qualifies a noun, as a demonym
// does, and names no place. In CoNLL's training split a word of the group
// table before a lower-case word is MISC 1,309 times in 1,385 and a place
// 3 times ("Balkan"); in PolNeAR's silver MISC 2,442 times in 2,604, a
// place 21 ("Latino", which the model learnt from it).
func beforeLower(words []string, i int) bool {
	if i >= len(words) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[i])
	return unicode.IsLower(r)
}
