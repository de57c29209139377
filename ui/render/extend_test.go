package render

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/samples"
)

// snapshots loads data named name in steps of step bytes and returns the
// article after each step.
func snapshots(t *testing.T, name string, data []byte, step int) []*model.Article {
	t.Helper()
	l, err := model.NewLoader(name, data, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all []*model.Article
	for done := false; !done; {
		var a *model.Article
		a, done, err = l.Next(context.Background(), step)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, a)
	}
	return all
}

// mixedMarkdown is about n bytes of markdown with every kind of block the
// layout treats apart: headings, list items, tables, code, quotes and
// paragraphs longer than a unit, in an order fixed by seed.
func mixedMarkdown(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	words := strings.Fields("the harbour board said tide gauges would be replaced before storms fishermen disputed account moorings lost")
	sentence := func() string {
		var s []string
		for range 4 + r.IntN(12) {
			s = append(s, words[r.IntN(len(words))])
		}
		return strings.Join(s, " ") + "."
	}
	var b strings.Builder
	for b.Len() < n {
		switch r.IntN(7) {
		case 0:
			fmt.Fprintf(&b, "## %s\n\n", sentence())
		case 1:
			for range 1 + r.IntN(4) {
				fmt.Fprintf(&b, "- %s\n", sentence())
			}
			b.WriteString("\n")
		case 2:
			// Tables back to back, which the layout takes as one, and
			// short cells, so that a row's width shows in the columns.
			for range 1 + r.IntN(3) {
				b.WriteString("| year | moorings |\n|---|---|\n")
				for i := range 1 + r.IntN(6) {
					fmt.Fprintf(&b, "| %d | %s |\n", 2000+i, words[r.IntN(len(words))])
				}
				b.WriteString("\n")
			}
		case 3:
			fmt.Fprintf(&b, "```\n%s\n%s\n```\n\n", sentence(), sentence())
		case 4:
			fmt.Fprintf(&b, "> %s\n\n", sentence())
		case 5:
			for range 200 + r.IntN(400) {
				b.WriteString(sentence() + " ")
			}
			b.WriteString("\n\n")
		default:
			fmt.Fprintf(&b, "%s %s\n\n", sentence(), sentence())
		}
	}
	return []byte(b.String())
}

// sameLayout fails the test unless got lays out the text as want does:
// the same units, tables and lines at two widths.
func sameLayout(t *testing.T, got, want *Layout) {
	t.Helper()
	if !reflect.DeepEqual(got.units, want.units) {
		t.Fatalf("units differ: %d made step by step, %d at once", len(got.units), len(want.units))
	}
	if len(got.tables) != len(want.tables) {
		t.Fatalf("%d tables made step by step, %d at once", len(got.tables), len(want.tables))
	}
	for i := range want.tables {
		if g, w := got.tables[i], want.tables[i]; g.first != w.first || g.last != w.last {
			t.Fatalf("table %d: rows %d-%d step by step, %d-%d at once", i, g.first, g.last, w.first, w.last)
		}
	}
	for _, width := range []int{30, 80} {
		for u := range want.units {
			if g, w := got.Lines(u, width), want.Lines(u, width); !reflect.DeepEqual(g, w) {
				t.Fatalf("unit %d at width %d: lines differ:\nstep by step %v\nat once      %v", u, width, g, w)
			}
		}
	}
}

// TestALayoutExtendedStepByStepEqualsOneMadeAtOnce loads every sample and
// generated markdown and plain text in steps of many sizes, extending the
// layout at each step, and compares it with the layout of the step's
// article made afresh; the layout extended stays as it was.
func TestALayoutExtendedStepByStepEqualsOneMadeAtOnce(t *testing.T) {
	type source struct {
		name string
		data []byte
	}
	var sources []source
	names, err := fs.Glob(samples.FS, "*")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, err := samples.FS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, source{n, data})
	}
	for seed := range uint64(3) {
		md := mixedMarkdown(60<<10, seed)
		sources = append(sources, source{fmt.Sprintf("generated-%d.md", seed), md}, source{fmt.Sprintf("generated-%d.txt", seed), md})
	}
	for _, src := range sources {
		for _, step := range []int{1, 100, 777, 4 << 10, 9000, 64 << 10} {
			t.Run(fmt.Sprintf("%s in steps of %d bytes", src.name, step), func(t *testing.T) {
				var lay *Layout
				for _, a := range snapshots(t, src.name, src.data, step) {
					h := Header{Title: a.Title}
					if lay == nil {
						lay = New(a.Doc, a.Sentences, h)
					} else {
						old, units := lay, slices.Clone(lay.units)
						lay = lay.Extend(a.Doc, a.Sentences, h)
						if !reflect.DeepEqual(old.units, units) || len(old.Lines(len(units)-1, 80)) == 0 {
							t.Fatal("extending a layout changed it")
						}
					}
					sameLayout(t, lay, New(a.Doc, a.Sentences, h))
				}
			})
		}
	}
}
