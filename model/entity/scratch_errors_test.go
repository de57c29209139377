package entity

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestScratchErrors(t *testing.T) {
	path := os.Getenv("ERRSET")
	if path == "" {
		t.Skip()
	}
	docs := readDocs(t, path)
	tg := loadTagger(t)
	var off step
	fmt.Sscan(os.Getenv("OFF"), &off)
	tg.off = off
	asType := map[Label]string{Person: "PER", Org: "ORG", Place: "LOC"}
	out, _ := os.Create(os.Getenv("ERROUT"))
	defer out.Close()
	for di, d := range docs {
		g := writeDoc(d)
		pred := map[mention]bool{}
		for _, e := range tg.Tag(g.text, g.sents) {
			typ, ok := asType[e.Label]
			if !ok || overlapsAny(e.Span, g.misc) {
				continue
			}
			pred[mention{e.Span, typ}] = true
		}
		var all []mention
		for m := range g.gold {
			all = append(all, m)
		}
		for m := range pred {
			if !g.gold[m] {
				all = append(all, m)
			}
		}
		sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
		for _, m := range all {
			if g.gold[m] && pred[m] {
				continue
			}
			kind := "FP"
			if g.gold[m] {
				kind = "FN"
			}
			s := max(0, m.Start-40)
			e := min(len(g.text), m.End+40)
			ctx := g.text[s:m.Start] + "[[" + g.text[m.Start:m.End] + "]]" + g.text[m.End:e]
			fmt.Fprintf(out, "%d\t%d\t%d\t%s\t%s\t%s\t%q\n", di, m.Start, m.End, kind, m.typ, g.text[m.Start:m.End], ctx)
		}
	}
}
