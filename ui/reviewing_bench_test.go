package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
)

// largeReview writes a generated article with a note on each of its
// first 1,000 sentences, and an analysis flagging 200 of them as claims.
func largeReview(b *testing.B) (path string, opts annotate.Options, an func(*model.Article) *model.Analysis) {
	b.Helper()
	dir := b.TempDir()
	path = filepath.Join(dir, "article.txt")
	if err := os.WriteFile(path, generated(300<<10), 0o644); err != nil {
		b.Fatal(err)
	}
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(a.Sentences) < 1000 {
		b.Fatalf("the article has %d sentences, want 1,000", len(a.Sentences))
	}
	opts = annotate.Options{Author: "bench", CacheDir: filepath.Join(dir, "cache")}
	book, err := annotate.Open(a, opts)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 1000 {
		if _, err := book.Add(annotate.Note{Span: a.Sentences[i], Text: "checked", Verdict: "true"}); err != nil {
			b.Fatal(err)
		}
	}
	an = func(a *model.Article) *model.Analysis {
		out := &model.Analysis{Hash: a.Hash}
		for i := 0; i < 1000; i += 5 {
			out.Claims = append(out.Claims, claim.Claim{Span: a.Sentences[i], Kinds: claim.KindsOf(claim.Statistical), Checkworthiness: float64(i%97) / 97})
		}
		return out
	}
	return path, opts, an
}

// openReview is what margin check does up to the first screen once the
// analysis is in: read the article and its notes, lay out, take the claims.
func openReview(b *testing.B, path string, opts annotate.Options, an func(*model.Article) *model.Analysis) Model {
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	book, err := annotate.Open(a, opts)
	if err != nil {
		b.Fatal(err)
	}
	m := New(context.Background(), a, Options{Notes: book, Analyze: func(context.Context, *model.Article, model.Progress) (*model.Analysis, error) { return an(a), nil }})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	next, _ = next.(Model).Update(analysisMsg{hash: a.Hash, an: an(a)})
	return next.(Model)
}

// BenchmarkOpen1000Notes200Claims opens the article with its notes and
// claims and draws the first screen.
func BenchmarkOpen1000Notes200Claims(b *testing.B) {
	path, opts, an := largeReview(b)
	for b.Loop() {
		if openReview(b, path, opts, an).View().Content == "" {
			b.Fatal("empty screen")
		}
	}
}

// BenchmarkReviewFirstScreen presses r on the opened article and draws
// the review queue's first screen.
func BenchmarkReviewFirstScreen(b *testing.B) {
	path, opts, an := largeReview(b)
	m := openReview(b, path, opts, an)
	for b.Loop() {
		next, _ := m.Update(keyMsg("r"))
		if next.(Model).review == nil || next.(Model).View().Content == "" {
			b.Fatal("no review queue")
		}
	}
}
