package htmlpage

import (
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// trimEdges drops the furniture left at the article's start and end as
// loose text, which no element of its own holds (a <time> beside the
// article's blocks): the blocks that the phrase, edge and list-heading
// lists name, and the headings left at the end.
func (f *furniture) trimEdges(d doc.Doc) doc.Doc {
	from, to := 0, len(d.Blocks)
	for to > from && (d.Blocks[to-1].Kind == doc.Heading || f.edgeText(blockText(d, to-1))) {
		to--
	}
	for from < to && f.edgeText(blockText(d, from)) {
		from++
	}
	if from == 0 && to == len(d.Blocks) {
		return d
	}
	return blockRange(d, from, to)
}

func blockText(d doc.Doc, i int) string { return oneLine(d.Text[d.Blocks[i].Start:d.Blocks[i].End]) }

// edgeText reports whether a block's text is furniture at an edge.
func (f *furniture) edgeText(text string) bool {
	return len(text) <= maxFurnitureText && (matchesAny(f.edges, text) || matchesAny(f.listHeads, text) || f.isPhrase(text))
}

// blockRange is the document of d's blocks from up to to, its spans
// moved to the new text.
func blockRange(d doc.Doc, from, to int) doc.Doc {
	if from >= to {
		return doc.Doc{}
	}
	start, end := d.Blocks[from].Start, d.Blocks[to-1].End
	out := doc.Doc{Text: d.Text[start:end]}
	for _, b := range d.Blocks[from:to] {
		b.Span = moved(b.Span, start)
		var cells []span.Span
		for _, c := range b.Cells {
			cells = append(cells, moved(c, start))
		}
		b.Cells = cells
		out.Blocks = append(out.Blocks, b)
	}
	for _, in := range d.Inlines {
		if in.Start >= start && in.End <= end {
			in.Span = moved(in.Span, start)
			out.Inlines = append(out.Inlines, in)
		}
	}
	return out
}

func moved(s span.Span, start int) span.Span {
	return span.Span{Start: s.Start - start, End: s.End - start}
}
