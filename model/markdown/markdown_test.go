package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/internal/golden"

	"github.com/margin-reader/margin/model/doc"
)

// dump renders a Doc as readable text: front matter, then one line per
// block with its kind and text, and the inline marks under it.
func dump(d doc.Doc, front Front) string {
	var sb strings.Builder
	keys := make([]string, 0, len(front))
	for k := range front {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&sb, "front %s = %q\n", k, front[k])
	}
	for _, b := range d.Blocks {
		fmt.Fprintf(&sb, "%s", b.Kind)
		if b.Kind == doc.Heading || b.Kind == doc.ListItem || b.Kind == doc.Quote {
			fmt.Fprintf(&sb, " level=%d", b.Level)
		}
		if b.Marker != "" {
			fmt.Fprintf(&sb, " marker=%q", b.Marker)
		}
		if b.Lang != "" {
			fmt.Fprintf(&sb, " lang=%q", b.Lang)
		}
		if b.Header {
			sb.WriteString(" header")
		}
		if b.Align != "" {
			fmt.Fprintf(&sb, " align=%q", b.Align)
		}
		if b.Kind == doc.TableRow {
			cells := make([]string, len(b.Cells))
			for i, c := range b.Cells {
				cells[i] = fmt.Sprintf("%q", c.In(d.Text))
			}
			fmt.Fprintf(&sb, " cells=[%s]", strings.Join(cells, " "))
		}
		fmt.Fprintf(&sb, ": %q\n", b.In(d.Text))
		for _, in := range d.Inlines {
			if !b.Covers(in.Span) {
				continue
			}
			fmt.Fprintf(&sb, "    %s %q", in.Kind, in.In(d.Text))
			if in.Kind == doc.Link {
				fmt.Fprintf(&sb, " -> %s", in.URL)
			}
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func TestParseGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.md inputs")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, front := Parse(string(src))
			checkDoc(t, d)
			golden.Check(t, strings.TrimSuffix(in, ".md")+".doc.txt", dump(d, front))
		})
	}
}

// checkDoc asserts the invariants every Doc keeps: blocks in order,
// separated by one newline, inlines inside one block each.
func checkDoc(t *testing.T, d doc.Doc) {
	t.Helper()
	prev := -1
	for i, b := range d.Blocks {
		if b.Start >= b.End || b.End > len(d.Text) {
			t.Fatalf("block %d %v is empty or out of range", i, b.Span)
		}
		if i > 0 && (b.Start != prev+1 || d.Text[prev] != '\n') {
			t.Fatalf("block %d starts at %d, previous ended at %d", i, b.Start, prev)
		}
		prev = b.End
	}
	if len(d.Blocks) > 0 && prev != len(d.Text) {
		t.Fatalf("text goes on after the last block: %q", d.Text[prev:])
	}
	for _, in := range d.Inlines {
		inside := false
		for _, b := range d.Blocks {
			if b.Covers(in.Span) {
				inside = true
				break
			}
		}
		if !inside || in.Empty() {
			t.Fatalf("inline %s %v is not inside one block", in.Kind, in.Span)
		}
	}
}
