package htmlpage

import (
	"strconv"
	"strings"
	"testing"
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

func TestExtractCutsPagesPastItsBounds(t *testing.T) {
	tests := []struct {
		name, middle, cut string
	}{
		{"a page within the bounds is read whole", strings.Repeat("<div>", 300) + "deep" + strings.Repeat("</div>", 300), ""},
		{"a tag with a million attributes is cut", manyAttributes(1_000_000), "tag longer than"},
		{"too many attributes are cut", strings.Repeat(`<i a="1" b="2" c="3" d="4" e="5" f="6" g="7" h="8" j="9">x</i>`, MaxAttributes/9+1), "attributes"},
		{"a long script is skipped, not cut", "<script>" + strings.Repeat("var a = '<p>';", maxToken/10) + "</script><p>After the script.</p>", ""},
		{"too many elements are cut", strings.Repeat("<span>x</span>", MaxElements+1), "elements"},
		{"nesting past the parser's limit is cut", strings.Repeat("<div>", 2000) + "deep" + strings.Repeat("</div>", 2000), "nest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract(hostilePage(tt.middle), "")
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
		if _, err := Extract(src, ""); err != nil {
			b.Fatal(err)
		}
	}
}
