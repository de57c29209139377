package entity

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/margin-reader/margin/model/span"
)

// benchText builds an article of about size bytes: the sample article's
// paragraphs and varied sentences of our own, one paragraph a line.
func benchText(tb testing.TB, size int) (string, []span.Span) {
	tb.Helper()
	raw, err := os.ReadFile("../../samples/china-us-claims.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var paras []string
	for p := range strings.SplitSeq(string(raw), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	people := []string{"Maria Lopez", "John Smith", "Olena Kovalenko", "Wang Yi", "Ahmed Hassan"}
	places := []string{"Berlin", "Kharkiv", "Nairobi", "Texas", "the Middle East"}
	orgs := []string{"the World Bank", "Reuters", "the European Commission", "NATO", "Gazprom"}
	var b strings.Builder
	var spans []span.Span
	for i := 0; b.Len() < size; i++ {
		start := b.Len()
		b.WriteString(paras[i%len(paras)])
		fmt.Fprintf(&b, " On %s, %s told %s in %s that %d%% of %d,%03d people had left since March %d, 2021.",
			[]string{"Monday", "Friday", "Sunday"}[i%3], people[i%5], orgs[(i/5)%5], places[(i/25)%5], i%97, i%50, i%1000, 1+i%28)
		spans = append(spans, span.Span{Start: start, End: b.Len()})
		b.WriteByte('\n')
	}
	return b.String(), spans
}

func BenchmarkTag(b *testing.B) {
	tg := loadTagger(b)
	text, spans := benchText(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(text, spans)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag5MB tags a 5 MB article and reports, besides the speed, the
// most heap the call holds above what the process held before it
// (peak-MB: sampled every millisecond, uncollected garbage included, the
// result included) and what stays behind once the result is dropped and the
// heap collected once (kept-MB: what a reader that analyses in the
// background goes on holding).
func BenchmarkTag5MB(b *testing.B) {
	tg := loadTagger(b)
	text, spans := benchText(b, 5<<20)
	b.SetBytes(int64(len(text)))
	var peak, kept uint64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		runtime.GC() // the second collection empties the tagger's pool
		base := heapBytes()
		stop := make(chan struct{})
		top := make(chan uint64)
		go func() {
			m := base
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for {
				m = max(m, heapBytes())
				select {
				case <-stop:
					top <- m
					return
				case <-tick.C:
				}
			}
		}()
		b.StartTimer()
		ents := tg.Tag(text, spans)
		b.StopTimer()
		close(stop)
		peak = max(peak, max(<-top, heapBytes())-base)
		runtime.KeepAlive(ents)
		runtime.GC()
		kept = max(kept, heapBytes()-min(base, heapBytes()))
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(kept)/(1<<20), "kept-MB")
}

// heapBytes is the size of the heap's objects, live or not yet collected;
// reading it does not stop the world.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
