package anchor_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
)

// tracked is an edited text that remembers, for every byte, which byte of
// the original it came from (-1 for new text), so a test knows where each
// original passage really went.
type tracked struct {
	text   []byte
	origin []int32
}

func newTracked(s string) *tracked {
	t := &tracked{text: []byte(s), origin: make([]int32, len(s))}
	for i := range t.origin {
		t.origin[i] = int32(i)
	}
	return t
}

func (t *tracked) insert(at int, s string, origin []int32) {
	if origin == nil {
		origin = make([]int32, len(s))
		for i := range origin {
			origin[i] = -1
		}
	}
	t.text = append(t.text[:at:at], append([]byte(s), t.text[at:]...)...)
	t.origin = append(t.origin[:at:at], append(append([]int32(nil), origin...), t.origin[at:]...)...)
}

func (t *tracked) delete(s span.Span) {
	t.text = append(t.text[:s.Start:s.Start], t.text[s.End:]...)
	t.origin = append(t.origin[:s.Start:s.Start], t.origin[s.End:]...)
}

// sentences splits the current text into sentence spans (ending after
// ". " or at a line end), good enough to pick edit points.
func (t *tracked) sentences() []span.Span {
	var out []span.Span
	start := 0
	for i := 0; i < len(t.text); i++ {
		end := -1
		switch {
		case t.text[i] == '\n':
			end = i
		case i+1 < len(t.text) && (t.text[i] == '.' || t.text[i] == '?') && t.text[i+1] == ' ':
			end = i + 1
		case i == len(t.text)-1:
			end = i + 1
		}
		if end < 0 {
			continue
		}
		if end > start {
			out = append(out, span.Span{Start: start, End: end})
		}
		start = end
		for start < len(t.text) && (t.text[start] == ' ' || t.text[start] == '\n') {
			start++
		}
		i = start - 1
	}
	return out
}

// copies returns where the original bytes [s.Start, s.End) survive whole
// and in order.
func (t *tracked) copies(s span.Span) []span.Span {
	var out []span.Span
	for i, o := range t.origin {
		if int(o) != s.Start || i+s.Len() > len(t.origin) {
			continue
		}
		ok := true
		for k := 1; k < s.Len() && ok; k++ {
			ok = int(t.origin[i+k]) == s.Start+k
		}
		if ok {
			out = append(out, span.Span{Start: i, End: i + s.Len()})
		}
	}
	return out
}

var fillers = []string{
	"Officials did not respond to a request for comment.",
	"The statement was later removed from the website.",
	"Analysts said the situation remained unclear.",
	"Reuters could not independently verify the claim.",
	"The talks are expected to resume next week.",
}

var replacements = []string{"reportedly", "several", "officials", "later", "strongly", "the", "new", "claimed", "Beijing", "talks"}

// edit applies 1 to 4 random edits of the kinds a re-fetched article shows.
func edit(rng *rand.Rand, t *tracked) []string {
	var kinds []string
	for range 1 + rng.IntN(4) {
		sents := t.sentences()
		if len(sents) < 3 {
			break
		}
		s := sents[rng.IntN(len(sents))]
		switch k := rng.IntN(6); k {
		case 0: // insert a new sentence
			t.insert(s.Start, fillers[rng.IntN(len(fillers))]+" ", nil)
			kinds = append(kinds, "insert")
		case 1: // delete a sentence
			end := s.End
			for end < len(t.text) && t.text[end] == ' ' {
				end++
			}
			t.delete(span.Span{Start: s.Start, End: end})
			kinds = append(kinds, "delete")
		case 2, 3: // reword: replace one to three words of a sentence
			words := wordSpans(t.text, s)
			for range 1 + rng.IntN(3) {
				if len(words) == 0 {
					break
				}
				i := rng.IntN(len(words))
				w := words[i]
				t.delete(w)
				t.insert(w.Start, replacements[rng.IntN(len(replacements))], nil)
				words = wordSpans(t.text, span.Span{Start: s.Start, End: min(len(t.text), s.End+12)})
			}
			kinds = append(kinds, "reword")
		case 4: // duplicate a run of sentences as a new paragraph elsewhere
			n := 1 + rng.IntN(3)
			i := rng.IntN(len(sents))
			run := span.Span{Start: sents[i].Start, End: sents[min(len(sents)-1, i+n-1)].End}
			text := string(t.text[run.Start:run.End])
			origin := append([]int32(nil), t.origin[run.Start:run.End]...)
			at := sents[rng.IntN(len(sents))].Start
			t.insert(at, text+"\n", append(origin, -1))
			kinds = append(kinds, "duplicate")
		case 5: // insert a look-alike: an existing sentence with one word changed
			o := sents[rng.IntN(len(sents))]
			words := wordSpans(t.text, o)
			if len(words) == 0 {
				continue
			}
			w := words[rng.IntN(len(words))]
			// Its copied bytes remember what they are a look-alike of.
			var origin []int32
			for _, x := range t.origin[o.Start:w.Start] {
				origin = append(origin, lookAlike(x))
			}
			repl := replacements[rng.IntN(len(replacements))]
			for range len(repl) {
				origin = append(origin, -1)
			}
			for _, x := range t.origin[w.End:o.End] {
				origin = append(origin, lookAlike(x))
			}
			look := string(t.text[o.Start:w.Start]) + repl + string(t.text[w.End:o.End])
			t.insert(s.Start, look+" ", append(origin, -1))
			kinds = append(kinds, "look-alike")
		}
	}
	return kinds
}

// lookAlike marks a byte copied from original byte o into a look-alike
// sentence (or keeps an existing mark); -1 stays new text.
func lookAlike(o int32) int32 {
	if o >= 0 {
		return -2 - o
	}
	return o
}

// source is the original byte a byte of text stands for, directly or as
// part of a look-alike, and whether it is a look-alike.
func source(o int32) (int, bool) {
	if o <= -2 {
		return int(-2 - o), true
	}
	return int(o), false
}

func wordSpans(text []byte, s span.Span) []span.Span {
	var out []span.Span
	start := -1
	for i := s.Start; i <= s.End && i <= len(text); i++ {
		letter := i < s.End && i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, span.Span{Start: start, End: i})
			start = -1
		}
	}
	return out
}

// passages picks notes on the article: whole sentences, parts of
// sentences, and short phrases that may repeat elsewhere.
func passages(rng *rand.Rand, a *model.Article) []span.Span {
	var out []span.Span
	for _, s := range a.Sentences {
		out = append(out, s)
		words := wordSpans([]byte(a.Text), s)
		if len(words) < 4 {
			continue
		}
		i := rng.IntN(len(words) - 3)
		j := i + 1 + rng.IntN(min(8, len(words)-i-1))
		out = append(out, span.Span{Start: words[i].Start, End: words[j].End})
		k := rng.IntN(len(words) - 1)
		out = append(out, span.Span{Start: words[k].Start, End: words[k+1].End})
	}
	return out
}

// judge says whether a resolved note sits on its real passage. A placed
// note must land on a surviving copy of the original bytes or, when the
// passage was edited away, on text mostly made of what is left of it or of
// a look-alike of it (an edit that rewords one word of a sentence and one
// that replaces the sentence by a near copy are the same text).
func judge(t *tracked, orig span.Span, res anchor.Result) (misplaced bool, survived bool) {
	copies := t.copies(orig)
	survived = len(copies) > 0
	if !res.Status.Placed() {
		return false, survived
	}
	if survived {
		for _, c := range copies {
			if c == res.Span {
				return false, true
			}
		}
		return true, true
	}
	inside, foreign := 0, 0
	for i := res.Span.Start; i < res.Span.End; i++ {
		switch o, _ := source(t.origin[i]); {
		case o >= orig.Start && o < orig.End:
			inside++
		case o >= 0:
			foreign++
		}
	}
	return inside == 0 || foreign > inside/2, false
}

func TestReanchorAfterGeneratedEdits(t *testing.T) {
	a, err := model.Open(context.Background(), "../../samples/china-us-claims.txt", model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 2026))
	notes := passages(rng, a)
	sels := make([]anchor.Selector, len(notes))
	for i, s := range notes {
		if sels[i], err = anchor.Make(a.Text, s); err != nil {
			t.Fatal(err)
		}
	}
	const edits = 150
	counts := map[anchor.Status]int{}
	lost, misplaced := 0, 0
	for e := range edits {
		tr := newTracked(a.Text)
		kinds := edit(rng, tr)
		r := anchor.NewResolver(string(tr.text))
		for i, sel := range sels {
			res := r.Resolve(sel)
			counts[res.Status]++
			bad, survived := judge(tr, notes[i], res)
			if bad {
				misplaced++
				t.Errorf("edit %d (%v): note on %q (survived %v) is %s on %q", e, kinds, sel.Exact, survived, res.Status, res.Span.In(string(tr.text)))
			}
			if survived && res.Status == anchor.Orphaned {
				lost++
			}
			if res.Status == anchor.NeedsReview && !slices.ContainsFunc(res.Candidates, func(c anchor.Candidate) bool { return c.Span == res.Span }) {
				t.Errorf("edit %d (%v): note on %q needs review at %v, which is not among its candidates %v", e, kinds, sel.Exact, res.Span, res.Candidates)
			}
		}
	}
	total := edits * len(sels)
	t.Logf("%d edits × %d notes: anchored %d, moved %d, changed %d, needs-review %d, orphaned %d; misplaced %d; orphaned although the passage survived %d",
		edits, len(sels), counts[anchor.Anchored], counts[anchor.Moved], counts[anchor.Changed], counts[anchor.NeedsReview], counts[anchor.Orphaned], misplaced, lost)
	if placed := counts[anchor.Anchored] + counts[anchor.Moved] + counts[anchor.Changed]; placed < total*8/10 {
		t.Errorf("only %d of %d notes placed; re-anchoring is too timid", placed, total)
	}
	if lost > 0 {
		t.Errorf("%d notes orphaned although their passage survived", lost)
	}
}

func TestTrackedKnowsWhereTextWent(t *testing.T) {
	tr := newTracked("One. Two. Three.")
	tr.insert(5, "New. ", nil)
	tr.delete(span.Span{Start: 0, End: 5})
	if got := string(tr.text); got != "New. Two. Three." {
		t.Fatalf("text %q", got)
	}
	if c := tr.copies(span.Span{Start: 5, End: 9}); len(c) != 1 || c[0] != (span.Span{Start: 5, End: 9}) {
		t.Fatalf("copies of \"Two.\" = %v", c)
	}
	if strings.Count(string(tr.text), "Two.") != 1 {
		t.Fatal("unexpected text")
	}
}
