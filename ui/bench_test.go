package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/samples"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/reader"
	"github.com/margin-reader/margin/ui/theme"
)

// generated returns about n bytes of plain-text article: paragraphs of
// sentences of common words, the same every time.
func generated(n int) []byte {
	words := strings.Fields("the council said on Tuesday that harbour wall would be finished by spring according to engineers who were less sure about schedule storms tide rose past old mole again this winter while Moscow Kyiv officials denied reports of nearly 600 homes flooded")
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.Grow(n + 1024)
	for b.Len() < n {
		for range 3 + r.IntN(5) {
			k := 8 + r.IntN(20)
			for i := range k {
				w := words[r.IntN(len(words))]
				if i == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
				if i < k-1 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(". ")
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

func sampleBytes(b *testing.B) []byte {
	data, err := samples.FS.ReadFile(samples.Default)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// firstScreen is what margin does from reading the file to drawing the
// first frame.
func firstScreen(b *testing.B, name string, data []byte) string {
	a, err := model.Parse(context.Background(), name, data, model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	m := New(context.Background(), a, Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return next.(Model).View().Content
}

func BenchmarkFirstScreen(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
	}{{"sample", sampleBytes(b)}, {"5MB", generated(5 << 20)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if firstScreen(b, "article.txt", c.data) == "" {
					b.Fatal("empty screen")
				}
			}
		})
	}
}

// BenchmarkNew builds the reader for the parsed sample, as margin does
// before its first screen: what New itself costs, the parse apart.
func BenchmarkNew(b *testing.B) {
	a, err := model.Parse(context.Background(), "article.txt", sampleBytes(b), model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = New(context.Background(), a, Options{})
	}
}

// middle opens a generated article and scrolls to its middle, with a
// search active so that layers are drawn too.
func middle(b *testing.B, size int) Model {
	a, err := model.Parse(context.Background(), "article.txt", generated(size), model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	m := New(context.Background(), a, Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = next.(Model)
	m.reader.GoTo(a.Sentences[len(a.Sentences)/2])
	m = press(m, "/")
	m = typeText(m, "harbour")
	return press(m, "enter")
}

// BenchmarkView draws one frame; its cost must not grow with the article.
func BenchmarkView(b *testing.B) {
	for _, size := range []int{50 << 10, 5 << 20} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			m := middle(b, size)
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkScroll moves a page down and draws, from the middle.
func BenchmarkScroll(b *testing.B) {
	for _, size := range []int{50 << 10, 5 << 20} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			m := middle(b, size)
			for b.Loop() {
				m = press(m, "space")
				m = press(m, "b")
				_ = m.View()
			}
		})
	}
}

// BenchmarkResize changes the width of a 5 MB article, read in the middle,
// and draws the new frame.
func BenchmarkResize(b *testing.B) {
	m := middle(b, 5<<20)
	widths := []int{100, 60, 140, 81}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(tea.WindowSizeMsg{Width: widths[i%len(widths)], Height: 30})
		m = next.(Model)
		_ = m.View()
		i++
	}
}

func BenchmarkGoToEnd(b *testing.B) {
	m := middle(b, 5<<20)
	for b.Loop() {
		m = press(m, "G")
		m = press(m, "g")
		_ = m.View()
	}
}

// BenchmarkGrow20MB swaps in, one after another, the articles a 20 MB
// file loaded in background steps gives the reader: what each load step
// costs the view, the reading and cleaning apart.
func BenchmarkGrow20MB(b *testing.B) {
	l, err := model.NewLoader("article.txt", generated(20<<20), model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var steps []*model.Article
	for done := false; !done; {
		var a *model.Article
		if a, done, err = l.Next(context.Background(), loadStep); err != nil {
			b.Fatal(err)
		}
		steps = append(steps, a)
	}
	b.ReportAllocs()
	for b.Loop() {
		r := reader.New(steps[0], keys.Default(), theme.New(theme.NoColor), reader.Options{})
		r.SetSize(100, 30)
		for _, a := range steps[1:] {
			r.Grow(a)
		}
	}
}

// BenchmarkPanelKeyOnALongClaim pages the text with the claims panel open
// on an article that is one sentence of a megabyte, as a transcript
// without full stops is: each key draws the panel's rows of it.
func BenchmarkPanelKeyOnALongClaim(b *testing.B) {
	text := strings.Repeat("word ", 200_000) + "said the council.\n"
	a, err := model.Parse(context.Background(), "article.txt", []byte(text), model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	an := &model.Analysis{Hash: a.Hash}
	for _, s := range a.Sentences {
		an.Claims = append(an.Claims, claim.Claim{Span: s, Kinds: claim.KindsOf(claim.Attributed), Checkworthiness: 0.5})
	}
	m := step(New(context.Background(), a, Options{}), tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(step(m, analysisMsg{hash: a.Hash, an: an}), "tab", "tab", "tab", "tab")
	for b.Loop() {
		next, _ := m.Update(keyMsg("space"))
		m = next.(Model)
		_ = m.View()
	}
}
