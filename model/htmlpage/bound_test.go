package htmlpage

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"
)

const boundArticle = `<p>The harbour board met on Tuesday and agreed to commission a survey of the seabed before any dredging starts, after fishermen asked for a study of the spawning grounds.</p>`

func hostilePage(middle string) string {
	return "<!DOCTYPE html><html><head><title>Survey first</title></head><body><article>" +
		strings.Repeat(boundArticle, 4) + middle + "</article></body></html>"
}

func manyAttributes(n int) string {
	var sb strings.Builder
	sb.WriteString("<div")
	for i := range n {
		sb.WriteString(" a" + strconv.Itoa(i) + `="v"`)
	}
	sb.WriteString(">x</div>")
	return sb.String()
}

func TestBound(t *testing.T) {
	small := bounds{elements: 6, attributes: 4, depth: 3, token: 64}
	tests := []struct {
		name, src, kept, cut string
		byDepth              bool
	}{
		{"keeps a page within the bounds", `<p a="1">x</p><p>y</p>`, `<p a="1">x</p><p>y</p>`, "", true},
		{"cuts before the element past the count", strings.Repeat("<i>x</i>", 7), strings.Repeat("<i>x</i>", 6), "after 6 elements", false},
		{"cuts before the tag past the attributes", `<p a="1" b="2">x</p><p c="3" d="4" e="5">y</p>`, `<p a="1" b="2">x</p>`, "after 4 attributes", false},
		{"cuts before a tag longer than a token", `<p>x</p><div ` + strings.Repeat(`k="v" `, 20) + `>y</div>`, `<p>x</p>`, "tag longer than 64 bytes", false},
		{"skips a long script and counts on", `<script>` + strings.Repeat("var a = '<i>';", 10) + `</script>` + strings.Repeat("<i>x</i>", 6), `<script>` + strings.Repeat("var a = '<i>';", 10) + `</script>` + strings.Repeat("<i>x</i>", 5), "after 6 elements", false},
		{"skips a long text", "<p>" + strings.Repeat("word ", 30) + "</p>", "<p>" + strings.Repeat("word ", 30) + "</p>", "", false},
		{"leaves deep nesting to the parser unless asked", "<b><b><b><b>x", "<b><b><b><b>x", "", false},
		{"cuts deep nesting when asked", "<b><b><b><b>x", "<b><b><b>", "nest more than 3 deep", true},
		{"does not count void elements as depth", "<b><b><br><img><b>x", "<b><b><br><img><b>x", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, cut := bound(tt.src, small, tt.byDepth)
			if kept != tt.kept || !strings.Contains(cut, tt.cut) || (tt.cut == "") != (cut == "") {
				t.Errorf("bound = %q, %q; want %q, one naming %q", kept, cut, tt.kept, tt.cut)
			}
		})
	}
}

func TestExtractCutsPagesPastItsBounds(t *testing.T) {
	tests := []struct {
		name, middle, cut string
	}{
		{"a page within the bounds is read whole", strings.Repeat("<div>", 300) + "deep" + strings.Repeat("</div>", 300), ""},
		{"nesting past the parser's limit is cut", strings.Repeat("<div>", 2000) + "deep" + strings.Repeat("</div>", 2000), "nest"},
		{"a tag past the longest is cut", manyAttributes(maxToken / 8), "tag longer than"},
		{"tables left open, nesting deeper than their tags, are cut shallower", strings.Repeat("<table><tr><td>cell", 1000), "nest more than 200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract(hostilePage(tt.middle), "", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p.Doc.Text, "survey of the seabed") {
				t.Errorf("the article before the cut is lost: %.80q", p.Doc.Text)
			}
			if tt.cut == "" && p.Cut != "" || tt.cut != "" && !strings.Contains(p.Cut, tt.cut) {
				t.Errorf("Cut = %q, want one naming %q", p.Cut, tt.cut)
			}
		})
	}
}

// raggedTable is a table of one wide row over many narrow ones, which
// padded to its widest row would be rows × wide cells.
func raggedTable(wide, rows int) string {
	return "<table><tr>" + strings.Repeat("<td>c</td>", wide) + "</tr>" + strings.Repeat("<tr><td>r</td></tr>", rows) + "</table>"
}

// TestExtractEndsOnHostilePages reads pages built to make the reading
// blow up: each must end, before the test's deadline, with a page of
// text no larger than the page itself and the padding of one table, or
// a one-line error.
func TestExtractEndsOnHostilePages(t *testing.T) {
	tests := []struct{ name, middle string }{
		{"a ragged table", raggedTable(20_000, 5_000)},
		{"tables left open", strings.Repeat("<table><tr><td>cell", 5_000)},
		{"formatting left open", strings.Repeat("<b><i><u>x<p>", 5_000)},
		{"links left open", strings.Repeat("<a href=x>x<p>y", 5_000)},
		{"a comment left open", "<!--" + strings.Repeat("x", 1<<20)},
		{"a sign-up call under every heading", strings.Repeat("<h2>Heading</h2><p>Sign up for our newsletter</p>", 5_000)},
	}
	deadline, ok := t.Deadline()
	if !ok {
		deadline = time.Now().Add(time.Minute)
	}
	ctx, cancel := context.WithDeadline(context.Background(), deadline.Add(-5*time.Second))
	defer cancel()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := hostilePage(tt.middle)
			type result struct {
				p   Page
				err error
			}
			done := make(chan result, 1)
			go func() {
				p, err := Extract(src, "", readIn)
				done <- result{p, err}
			}()
			select {
			case <-ctx.Done():
				t.Fatalf("Extract has not ended: %v", ctx.Err())
			case r := <-done:
				if r.err != nil && strings.Contains(r.err.Error(), "\n") {
					t.Errorf("error %q spans lines", r.err)
				}
				if len(r.p.Doc.Text) > len(src)+maxTableCells {
					t.Errorf("%d bytes of text from a page of %d", len(r.p.Doc.Text), len(src))
				}
			}
		})
	}
}

func BenchmarkExtractRaggedTable(b *testing.B) { benchExtract(b, raggedTable(20_000, 5_000)) }

func BenchmarkExtractOpenTables(b *testing.B) {
	benchExtract(b, strings.Repeat("<table><tr><td>cell", 5_000))
}

func BenchmarkExtractManyAttributes(b *testing.B) { benchExtract(b, manyAttributes(1_000_000)) }

func BenchmarkExtractManyElements(b *testing.B) {
	benchExtract(b, strings.Repeat(`<span class="c">x</span>`, 1_000_000))
}

func BenchmarkExtractDeepNesting(b *testing.B) {
	benchExtract(b, strings.Repeat("<div>", 100_000)+"deep"+strings.Repeat("</div>", 100_000))
}

func benchExtract(b *testing.B, middle string) {
	src := hostilePage(middle)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Extract(src, "", readIn); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzBound checks that a cut page is a prefix of the page that is itself
// within the bounds, and that a page within them is kept whole.
func FuzzBound(f *testing.F) {
	f.Add(`<p a="1">x</p><script>var s = "<i>";</script><b><b><b><b>deep</b></b></b></b>`, true)
	f.Add(strings.Repeat(`<i k="v">x</i>`, 10)+"<div "+strings.Repeat(`a="b" `, 20)+">", false)
	small := bounds{elements: 6, attributes: 4, depth: 3, token: 64}
	f.Fuzz(func(t *testing.T, src string, byDepth bool) {
		kept, cut := bound(src, small, byDepth)
		if !strings.HasPrefix(src, kept) {
			t.Fatalf("kept %q is not a prefix of the page", kept)
		}
		if cut == "" && kept != src {
			t.Fatalf("cut without saying so: %q", kept)
		}
		if again, cut2 := bound(kept, small, byDepth); cut2 != "" || again != kept {
			t.Fatalf("what was kept (%q) is cut again: %q", kept, cut2)
		}
	})
}
