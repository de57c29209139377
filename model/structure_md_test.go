package model

import (
	"context"
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// structureArticle is a markdown article of the shapes a local news page
// has (front matter, headings, a lead list, a table whose header and
// cells hold reporting verbs, a block quote signed on its own line, a
// caption and a byline), written for this test. Its paragraphs hold the
// only claims a reader should see.
const structureArticle = `---
title: Ferry town argues over a new pier
byline: Test desk
---

# Residents say the new pier is too costly

By Mara Quill and Tomas Vey, Harbour Weekly

*Photo: The old pier, which the board says will close in May.*

The harbour board voted on Monday to replace the old pier. Fishermen say the timber is rotten.

## What critics claim

- Skippers argue the berths are too short;
- the ferry crew warned of storms;
- "nothing has been agreed", a union official said.

| Item | Cost the board reports | Cost the skippers claim |
|---|---|---|
| New pier | £12 million | Skippers say £20 million |
| Repairs | £3 million | £5 million |

> We were never asked what we needed.
>
> — Ines Koll, skipper

The board denied that the skippers were ignored.
`

// TestMarkdownStructureBoundsClaims checks on a whole markdown article
// that headings, table header rows, captions and bylines make no claim,
// and that no claim, cue or source crosses a paragraph or list item, nor
// a cue or source a table cell: every one lies inside a single block, and
// a table row's cues and sources inside a single cell.
func TestMarkdownStructureBoundsClaims(t *testing.T) {
	a, err := Parse(context.Background(), "pier.md", []byte(structureArticle), Options{})
	if err != nil {
		t.Fatal(err)
	}
	z, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	an, err := z.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[doc.BlockKind]int{}
	for _, b := range a.Blocks {
		kinds[b.Kind]++
	}
	for _, k := range []doc.BlockKind{doc.Heading, doc.Byline, doc.Caption, doc.ListItem, doc.TableRow, doc.Quote} {
		if kinds[k] == 0 {
			t.Fatalf("the article has no %s block to test: %v", k, kinds)
		}
	}
	sourced := checkClaimsInBlocks(t, a, an)
	// The paragraphs, list items, cell and quote report about ten claims;
	// a floor, not the exact count, so that a better rule may find more.
	if sourced < 6 {
		t.Errorf("%d claims with a source, want at least 6: %v", sourced, an.Claims)
	}
}

// checkClaimsInBlocks checks that no claim of an lies in a heading,
// header row, caption or byline, and that every claim, cue and source
// lies inside one block, and a table row's cues and sources inside one
// cell; it returns how many claims have a source.
func checkClaimsInBlocks(t *testing.T, a *Article, an *Analysis) int {
	t.Helper()
	silent := map[doc.BlockKind]bool{doc.Heading: true, doc.Caption: true, doc.Byline: true}
	sourced := 0
	for _, c := range an.Claims {
		b := blockAt(a.Blocks, c.Start)
		if b == nil {
			t.Errorf("claim %q lies in no block", c.In(a.Text))
			continue
		}
		if silent[b.Kind] || b.Header {
			t.Errorf("claim %q in a %s block (header %v)", c.In(a.Text), b.Kind, b.Header)
		}
		spans := []span.Span{c.Span}
		for _, q := range c.Cues {
			spans = append(spans, q.Span)
		}
		if c.Source != nil {
			sourced++
			// A block quote signed on a line of its own is its signer's:
			// the source stands in the quote's last block, by design.
			if sb := blockAt(a.Blocks, c.Source.Start); b.Kind != doc.Quote || sb == nil || sb.Kind != doc.Quote {
				spans = append(spans, c.Source.Span)
			}
		}
		for i, s := range spans {
			if !within(b.Span, s) {
				t.Errorf("%q of claim %q crosses its block %q", s.In(a.Text), c.In(a.Text), b.In(a.Text))
			}
			// In a table row a cue or a source lies in one cell; a claim
			// with a source lies in its source's cell, one without may be
			// the row's (its cells' figures, read together).
			if len(b.Cells) > 0 && i > 0 && !inAnyCell(b.Cells, s) {
				t.Errorf("%q of claim %q crosses a table cell", s.In(a.Text), c.In(a.Text))
			}
		}
		if len(b.Cells) > 0 && c.Source != nil && !inOneCell(b.Cells, c.Span, c.Source.Span) {
			t.Errorf("claim %q is not in its source's table cell", c.In(a.Text))
		}
	}
	return sourced
}

// blockAt returns the block holding offset at, or nil.
func blockAt(blocks []doc.Block, at int) *doc.Block {
	for i := range blocks {
		if blocks[i].Start <= at && at < blocks[i].End {
			return &blocks[i]
		}
	}
	return nil
}

func within(outer, s span.Span) bool { return outer.Start <= s.Start && s.End <= outer.End }

// inAnyCell reports whether s lies inside one of cells.
func inAnyCell(cells []span.Span, s span.Span) bool {
	for _, cell := range cells {
		if within(cell, s) {
			return true
		}
	}
	return false
}

// inOneCell reports whether s lies in the table cell that holds claim c.
func inOneCell(cells []span.Span, c, s span.Span) bool {
	for _, cell := range cells {
		if within(cell, c) {
			return within(cell, s)
		}
	}
	return false
}
