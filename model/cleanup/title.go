package cleanup

import (
	"strings"

	"github.com/margin-reader/margin/model/doc"
)

// maxTitleWords bounds a first line taken for the article's title.
const maxTitleWords = 30

// titleEcho is how many blocks after the title are searched for copies of
// it: scrapers repeat the headline near the top, not deep in the text.
const titleEcho = 8

// takeTitle finds the title: a leading heading, or a first line that is
// short, unpunctuated and followed by more text. Copies of it near the top
// are dropped, and the title stays as the first block, a level-1 heading.
func takeTitle(blocks []block, ends map[string]bool) (string, []block) {
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
	return title.text, out
}

// looksLikeTitle tells a headline from a sentence cut short: a headline is
// repeated by the scraper, or is followed by text that does not carry it on.
func looksLikeTitle(blocks []block, ends map[string]bool) bool {
	first := blocks[0]
	if first.kind == doc.Heading {
		return true
	}
	if first.kind != doc.Paragraph || first.words > maxTitleWords || endsSentence(first.text) ||
		ends[strings.ToLower(lastWord(first.text))] {
		return false
	}
	key := foldTitle(first.text)
	for _, b := range blocks[1:min(len(blocks), titleEcho+1)] {
		if foldTitle(b.text) == key {
			return true
		}
	}
	return first.words < longRun && !continues(first, blocks[1], ends)
}

func foldTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// bylineBlocks is how many blocks at the top are searched for a byline.
const bylineBlocks = doc.LeadBlocks

// findByline returns a "By ..." line among the first blocks, the usual
// place for an author's name in a scraped article. Being short and
// unpunctuated, the line may have been taken for a heading; it becomes a
// byline block, or a paragraph if it is not shaped like one.
func findByline(blocks []block) string {
	for i := range blocks[:min(len(blocks), bylineBlocks)] {
		b := &blocks[i]
		if b.kind == doc.ListItem || b.level == 1 || !strings.HasPrefix(b.text, "By ") {
			continue
		}
		if byline := doc.IsByline(b.text); byline || countWords(b.text) <= 8 {
			b.kind, b.level = doc.Paragraph, 0
			if byline {
				b.kind = doc.Byline
			}
			return strings.TrimSpace(b.text[3:])
		}
	}
	return ""
}
