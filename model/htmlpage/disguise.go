package htmlpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// minDisguised is how many words written in two scripts at once a block
// needs to be disguised: one such word can be a brand with a suffix.
const minDisguised = 3

// dropDisguised removes the blocks written with look-alike letters of
// another script ("Аdvеrtіѕе" with Cyrillic А, е, і, ѕ): sites disguise
// their own advertising that way to slip past filters, and no article
// mixes Latin and Cyrillic letters inside its words.
func dropDisguised(article *html.Node) {
	for _, n := range leafBlocks(article) {
		if disguisedWords(textOf(n)) >= minDisguised {
			n.Parent.RemoveChild(n)
		}
	}
}

// disguisedWords counts the words holding both Latin and Cyrillic letters.
func disguisedWords(text string) int {
	count := 0
	for _, w := range strings.Fields(text) {
		latin := strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Latin, r) })
		cyrillic := strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
		if latin && cyrillic {
			count++
		}
	}
	return count
}
