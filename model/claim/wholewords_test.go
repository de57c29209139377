package claim

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

// TestASourceHoldsWholeWords checks that a source a mis-decoded name
// parts into tokens ("Ã\u0083Â©" for "é") keeps the whole name.
func TestASourceHoldsWholeWords(t *testing.T) {
	tests := []sourceCase{
		{"a Latin-1 reading of an e acute", "Harbour master JosÃ\u0083Â©phine Arnaud said the quay would close.", "Harbour master JosÃ\u0083Â©phine Arnaud"},
		{"a Latin-1 reading of a c cedilla at a name's end", "Mayor Ana BarÃ§ said the quay would close.", "Mayor Ana BarÃ§"},
		{"a Latin-1 reading of a decomposed c cedilla", "President FranA\u0303\u0083A\u0302§ois Berthe said the quay would close.", "President FranA\u0303\u0083A\u0302§ois Berthe"},
		{"a plain name", "Josephine Arnaud said the quay would close.", "Josephine Arnaud"},
	}
	checkOneSource(t, tests)
}

// polnearDev is PolNeAR's dev split beside the repository.
const polnearDev = "../../../shared/data/attribution/dev"

// TestSourcesStartAndEndOnWordBoundaries analyses every PolNeAR dev
// article, entities tagged, and checks that every source and resolved
// span starts and ends on a rune boundary and at a word's edge: never
// between two runes a reader sees inside one word.
func TestSourcesStartAndEndOnWordBoundaries(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(polnearDev, "*.txt"))
	if len(paths) == 0 {
		t.Skip("no ../shared/data/attribution/dev beside the repository")
	}
	tagger, err := entity.Load()
	if err != nil {
		t.Fatal(err)
	}
	d := newDetector(t)
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		dc := paragraphsOf(string(b))
		sents := sentence.Split(dc)
		res := d.AnalyzeDoc(dc, sents, tagger.Tag(dc.Text, sents))
		for _, c := range res.Claims {
			if c.Source == nil {
				continue
			}
			for _, s := range []span.Span{c.Source.Span, c.Source.Resolved} {
				if !s.Empty() && (!edge(dc.Text, s.Start) || !edge(dc.Text, s.End)) {
					t.Errorf("%s: source %q at %d-%d cuts a word: %q", filepath.Base(path), s.In(dc.Text), s.Start, s.End,
						dc.Text[max(0, s.Start-12):min(len(dc.Text), s.End+12)])
				}
			}
		}
	}
}

// paragraphsOf makes every non-empty line of text a paragraph, as
// PolNeAR's texts are written.
func paragraphsOf(text string) doc.Doc {
	dc := doc.Doc{Text: text}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		if i > start {
			dc.Blocks = append(dc.Blocks, doc.Block{Span: span.Span{Start: start, End: i}, Kind: doc.Paragraph})
		}
		start = i + 1
	}
	return dc
}

// edge reports whether offset i of text is a rune boundary that no word
// goes on across: a space, a punctuation mark, an ASCII symbol or the
// text's end on one side. Latin-1's signs (U+00A1-U+00BF, but
// guillemets) and the C1 controls are a word's, being what a UTF-8
// letter read as Latin-1 becomes.
func edge(text string, i int) bool {
	if i < len(text) && !utf8.RuneStart(text[i]) {
		return false
	}
	if i == 0 || i == len(text) {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i:])
	return !wordish(prev) || !wordish(next)
}

// wordish reports a rune of a word: an ASCII letter or digit, any other
// rune but spaces and punctuation, and Latin-1's signs.
func wordish(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	case unicode.IsSpace(r) || r == '«' || r == '»':
		return false
	}
	return r <= 0xBF || !unicode.IsPunct(r)
}
