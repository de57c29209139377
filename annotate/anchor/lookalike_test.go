package anchor_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model/span"
)

// The look-alike article: fifty paragraphs built on one sentence pattern,
// so neighbouring sentences differ only in a name, a body, a town and two
// numbers, with one sentence repeated word for word in two paragraphs.
const repeated = "Campaigners said the official count was probably too low."

var (
	people = []string{"Ruth Okafor", "Tomas Lind", "Priya Nair", "Owen Hale", "Marta Ruiz", "Dev Patel", "Ines Costa"}
	bodies = []string{"the health board", "the county council", "the patients' forum", "the nurses' union", "the trust"}
	towns  = []string{"Alnwick", "Barrow", "Carlisle", "Dunbar", "Ely", "Frome", "Girvan", "Hexham"}
)

func lookAlikeParagraph(n int) string {
	p := fmt.Sprintf("In paragraph %d, %s of %s said that waiting lists in %s had grown by %d cases since %d.",
		n, people[n%len(people)], bodies[n%len(bodies)], towns[n%len(towns)], 40+(n*37)%460, 2008+n%13)
	if n == 6 || n == 31 {
		p += " " + repeated
	}
	return p
}

// lookAlikeArticle joins the paragraphs numbered in order, skipping those
// in drop and putting extra before the paragraph numbered before.
func lookAlikeArticle(drop map[int]bool, before int, extra string) string {
	var paras []string
	for n := 1; n <= 50; n++ {
		if n == before {
			paras = append(paras, extra)
		}
		if !drop[n] {
			paras = append(paras, lookAlikeParagraph(n))
		}
	}
	return strings.Join(paras, "\n\n")
}

// paragraphOf is the span of paragraph n's own text in an article, and of
// quote inside it.
func paragraphOf(t *testing.T, text string, n int, quote string) span.Span {
	t.Helper()
	p := lookAlikeParagraph(n)
	at := strings.Index(text, p)
	if at < 0 || strings.Count(text, p) != 1 {
		t.Fatalf("paragraph %d is not once in the article", n)
	}
	i := strings.Index(p, quote)
	if i < 0 {
		t.Fatalf("%q is not in paragraph %d", quote, n)
	}
	return span.Span{Start: at + i, End: at + i + len(quote)}
}

type lookAlikeNote struct {
	para  int
	quote string
}

func (n lookAlikeNote) sentence() string {
	if n.quote != "" {
		return n.quote
	}
	p := lookAlikeParagraph(n.para)
	return p[:strings.Index(p, ".")+1]
}

func TestLookAlikeArticleAfterAnEdit(t *testing.T) {
	before := lookAlikeArticle(nil, 0, "")
	notes := []lookAlikeNote{
		{para: 3}, {6, repeated}, {para: 12}, {para: 18}, {25, "had grown by"},
		{31, repeated}, {para: 33}, {para: 40}, {para: 44}, {para: 49},
	}
	sels := make([]anchor.Selector, len(notes))
	for i, n := range notes {
		var err error
		if sels[i], err = anchor.Make(before, paragraphOf(t, before, n.para, n.sentence())); err != nil {
			t.Fatal(err)
		}
	}
	inserted := "Editor's note: this story was updated with new figures from the health board."
	after := lookAlikeArticle(map[int]bool{12: true}, 2, inserted)
	results := anchor.NewResolver(after).ResolveAll(sels)

	for i, n := range notes {
		res := results[i]
		if n.para == 12 {
			t.Run("a deleted look-alike sentence is never placed", func(t *testing.T) {
				if res.Status != anchor.NeedsReview && res.Status != anchor.Orphaned {
					t.Fatalf("status %s on %q", res.Status, res.Span.In(after))
				}
				if res.Status == anchor.NeedsReview && len(res.Candidates) == 0 {
					t.Fatal("needs review with no candidate places to show")
				}
				t.Logf("%s with %d candidates", res.Status, len(res.Candidates))
			})
			continue
		}
		t.Run(fmt.Sprintf("the note in paragraph %d on %q follows its paragraph", n.para, n.sentence()), func(t *testing.T) {
			want := paragraphOf(t, after, n.para, n.sentence())
			if !res.Status.Placed() || res.Span != want {
				t.Fatalf("status %s at %v (%q), want moved to %v", res.Status, res.Span, res.Span.In(after), want)
			}
		})
	}
}

func TestLookAlikeSentenceGoneWithNothingSimilarLeft(t *testing.T) {
	before := lookAlikeArticle(nil, 0, "")
	sel, err := anchor.Make(before, paragraphOf(t, before, 31, repeated))
	if err != nil {
		t.Fatal(err)
	}
	// Both paragraphs that carried the repeated sentence are rewritten
	// as other sentences entirely.
	after := strings.ReplaceAll(before, " "+repeated, " The board will publish revised figures in the spring.")
	res := anchor.NewResolver(after).ResolveAll([]anchor.Selector{sel})[0]
	if res.Status != anchor.Orphaned || !res.Span.Empty() {
		t.Fatalf("status %s at %v (%q), want orphaned", res.Status, res.Span, res.Span.In(after))
	}
}

func TestTwoPlacesNothingSeparatesStayForReview(t *testing.T) {
	base := lookAlikeArticle(nil, 0, "")
	sel, err := anchor.Make(base, paragraphOf(t, base, 6, repeated))
	if err != nil {
		t.Fatal(err)
	}
	// The whole article appears twice: each copy of the sentence has the
	// same context, and no other note says which copy is the note's.
	after := base + "\n\n" + base
	res := anchor.NewResolver(after).ResolveAll([]anchor.Selector{sel})[0]
	if res.Status != anchor.NeedsReview {
		t.Fatalf("status %s at %v, want needs-review", res.Status, res.Span)
	}
	if len(res.Candidates) != 2 {
		t.Fatalf("candidates %v, want both copies", res.Candidates)
	}
	for _, c := range res.Candidates {
		if got := c.Span.In(after); got != repeated {
			t.Errorf("candidate %v is %q, want the repeated sentence", c.Span, got)
		}
	}
}

func TestNotesMovedAlikeVouchForARepeatedSentence(t *testing.T) {
	// Paragraphs 6 and 31 end in the same figures, so the repeated
	// sentence has the same words before it in both: its context alone
	// cannot say which copy is the note's.
	figures := func(n int) string {
		p := lookAlikeParagraph(n)
		return p[strings.Index(p, "had grown by"):strings.Index(p, repeated)]
	}
	base := lookAlikeArticle(nil, 0, "")
	p31 := lookAlikeParagraph(31)
	before := strings.Replace(base, p31, strings.Replace(p31, figures(31), figures(6), 1), 1)
	after := "Editor's note: figures updated.\n\n" + before

	var sels []anchor.Selector
	for _, n := range []lookAlikeNote{{para: 5}, {6, repeated}, {para: 7}} {
		sel, err := anchor.Make(before, paragraphOf(t, before, n.para, n.sentence()))
		if err != nil {
			t.Fatal(err)
		}
		sels = append(sels, sel)
	}
	if alone := anchor.Resolve(after, sels[1]); alone.Status != anchor.NeedsReview {
		t.Fatalf("on its own the repeated sentence is %s, want needs-review", alone.Status)
	}
	res := anchor.NewResolver(after).ResolveAll(sels)[1]
	want := paragraphOf(t, after, 6, repeated)
	if res.Status != anchor.Moved || res.Span != want {
		t.Fatalf("status %s at %v, want moved to %v with the notes around it", res.Status, res.Span, want)
	}
}

// BenchmarkSettle1000 is what letting notes vouch for each other adds to
// opening a book of 1,000 notes, with ten of them needing review.
func BenchmarkSettle1000(b *testing.B) {
	var paras []string
	for n := range 1000 {
		paras = append(paras, lookAlikeParagraph(n%50+1)+fmt.Sprintf(" (%d)", n))
	}
	text := strings.Join(paras, "\n\n")
	r := anchor.NewResolver(text)
	sels := make([]anchor.Selector, len(paras))
	results := make([]anchor.Result, len(paras))
	at := 0
	for i, p := range paras {
		sels[i], _ = anchor.Make(text, span.Span{Start: at, End: at + len(p)})
		results[i] = r.Resolve(sels[i])
		if i%100 == 0 {
			results[i].Status = anchor.NeedsReview
		}
		at += len(p) + 2
	}
	work := make([]anchor.Result, len(results))
	for b.Loop() {
		copy(work, results)
		r.Settle(sels, work)
	}
}
