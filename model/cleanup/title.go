package cleanup

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
)

// maxTitleWords bounds a first line taken for the article's title.
const maxTitleWords = 30

// maxHeadlineBytes bounds a line taken for a title or a heading, whatever
// its words: a single huge token is text, not a headline. PolNeAR's
// longest headline (train and dev) is 154 bytes.
const maxHeadlineBytes = 300

// titleEcho is how many blocks after the title are searched for copies of
// it: scrapers repeat the headline near the top, not deep in the text.
const titleEcho = 8

// takeTitle finds the title: a leading heading, or a first line that is
// short, unpunctuated and followed by more text. Copies of it near the top
// are dropped, and the title stays as the first block, a level-1 heading.
func takeTitle(blocks []block, ends map[string]bool) (string, []block) {
	if len(blocks) == 0 {
		return "", blocks
	}
	if split, ok := splitDeck(blocks); ok && looksLikeTitle(split, ends) {
		blocks = slices.Insert(blocks[1:], 0, split[:2]...)
	}
	if len(blocks) < 2 || !looksLikeTitle(blocks, ends) {
		return "", blocks
	}
	title := blocks[0]
	title.kind, title.level = doc.Heading, 1
	key := foldTitle(title.text)
	// Filtering in place: the copies dropped are near the top, and a large
	// article's blocks are not worth copying to drop them.
	out := append(blocks[:0], title)
	for i, b := range blocks[1:] {
		if i < titleEcho && foldTitle(b.text) == key {
			continue
		}
		out = append(out, b)
	}
	return strings.TrimSuffix(title.text, ";"), out
}

// splitDeck returns the first blocks with the first one cut in two at its
// first line break when that line is closed by a semicolon and the next
// starts with a capital: a headline over its deck ("Lawmaker urges
// retaliation on Russia;" over "Member of House panel says ..."), as
// 148 of PolNeAR's 924 train and dev articles open. Only the blocks the
// title is decided on are returned.
func splitDeck(blocks []block) ([]block, bool) {
	first := blocks[0]
	if first.kind != doc.Paragraph || first.firstLine == 0 {
		return nil, false
	}
	// Lines are joined with a space unless a hyphen ends the first.
	head, deck := first.text[:first.firstLine], first.text[first.firstLine:]
	if r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(deck, " ")); !strings.HasSuffix(head, ";") || !unicode.IsUpper(r) {
		return nil, false
	}
	deck = deck[1:]
	split := []block{
		{kind: doc.Paragraph, text: head, words: countWords(head)},
		{kind: doc.Paragraph, text: deck, words: countWords(deck)},
	}
	return append(split, blocks[1:min(len(blocks), titleEcho)]...), true
}

// looksLikeTitle tells a headline from a sentence cut short: a headline is
// repeated by the scraper, or is followed by text that does not carry it on.
func looksLikeTitle(blocks []block, ends map[string]bool) bool {
	first := blocks[0]
	if first.kind == doc.Heading {
		return true
	}
	if first.kind != doc.Paragraph || first.words > maxTitleWords || len(first.text) > maxHeadlineBytes ||
		ends[strings.ToLower(lastWord(first.text))] || isBylineText(first.text) {
		return false
	}
	if endsSentence(first.text) {
		return isHeadlineSentence(first, leadOf(blocks))
	}
	key := foldTitle(first.text)
	for _, b := range blocks[1:min(len(blocks), titleEcho+1)] {
		if foldTitle(b.text) == key {
			return true
		}
	}
	return first.words < longRun && !(continues(first, blocks[1], ends) && endsSoon(blocks[1].text))
}

// maxSentenceRun bounds the text a first line's sentence may run on into
// before it ends: PolNeAR's longest run between closing marks (train and
// dev) is 983 bytes. A first line before a block that runs on longer
// without one carries no sentence on; it is the title.
const maxSentenceRun = 2 << 10

// endsSoon reports whether a sentence ends within the first
// maxSentenceRun bytes of text.
func endsSoon(text string) bool {
	return strings.ContainsAny(text[:min(len(text), maxSentenceRun)], ".!?;:…")
}

// foldTitle is the form in which copies of a title are compared: lower
// case, its spaces one, without soft hyphens, which a scraped copy may
// have where another has none ("east\u00adern pier").
func foldTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00ad", "")), " "))
}

// bylineBlocks is how many blocks at the top are searched for a byline.
const bylineBlocks = doc.LeadBlocks

// maxLooseBylineWords bounds a "By ..." line at the top taken for the
// byline though its words are not all capitalised names ("By Margin
// sample desk"). On PolNeAR's train and dev texts, every paragraph
// among the first five that starts "By " is a sentence of 11 words or
// more ("By winning the primary in Ohio, ...").
const maxLooseBylineWords = 8

// findByline returns a "By ..." line among the first blocks, the usual
// place for an author's name in a scraped article, and makes it a byline
// block: drawn muted and never a claim. Being short and unpunctuated, the
// line may have been taken for a heading.
func findByline(blocks []block) string {
	for i := range blocks[:min(len(blocks), bylineBlocks)] {
		b := &blocks[i]
		if b.kind == doc.ListItem || b.level == 1 || !strings.HasPrefix(b.text, "By ") {
			continue
		}
		if isBylineText(b.text) {
			b.kind, b.level = doc.Byline, 0
			return strings.TrimSpace(b.text[3:])
		}
	}
	return ""
}

// isBylineText reports whether a line is a "By ..." byline: a text
// that opens with one has no title line, and its byline is no headline.
func isBylineText(text string) bool {
	return strings.HasPrefix(text, "By ") && (doc.IsByline(text) || isLooseByline(text))
}

// isLooseByline reports whether a "By ..." line is short and shaped like
// a label rather than a clause: no comma ("By noon, it had rained") and
// no closing mark.
func isLooseByline(text string) bool {
	return countWords(text) <= maxLooseBylineWords && !strings.Contains(text, ",") &&
		!strings.ContainsAny(text[len(text)-1:], ".!?")
}

// Headlines closed by a full stop, as some archives write them, are told
// from a short opening sentence by their title case. PolNeAR's dev
// headlines run 4 to 15 words.
const (
	minHeadlineWords = 3
	maxHeadlineWords = 16
	// titleCaseShare is the share of the longer words that must be
	// capitalised; a sentence capitalises only its names.
	titleCaseShare = 0.75
	// titleCaseLen is the length from which a word is capitalised in
	// title case; shorter ones (of, in, the, and) may stay lower case.
	titleCaseLen = 4
)

// isHeadlineSentence reports whether a first paragraph that ends like a
// sentence is a headline: a few words, in title case or shorter than the
// paragraph after them, as a headline is shorter than the lead.
func isHeadlineSentence(first, next block) bool {
	if first.words < minHeadlineWords || first.words > maxHeadlineWords || next.kind != doc.Paragraph {
		return false
	}
	return inTitleCase(first.text) || next.words > first.words
}

// leadOf returns the block a headline is measured against: the one after
// it, past a section label of one word ("LETTERS.").
func leadOf(blocks []block) block {
	if len(blocks) > 2 && blocks[1].words == 1 {
		return blocks[2]
	}
	return blocks[1]
}

// inTitleCase reports whether most words of titleCaseLen letters or more
// after the first start with a capital.
func inTitleCase(s string) bool {
	fields := strings.Fields(s)
	var long, capital int
	for _, f := range fields[min(1, len(fields)):] {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) < titleCaseLen {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital++
		}
	}
	return long >= 2 && float64(capital) >= titleCaseShare*float64(long)
}
