package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
)

func TestTmpCoverage(t *testing.T) {
	arts, err := readSplit("../../../../shared/data/attribution", "dev")
	if err != nil {
		t.Fatal(err)
	}
	z, _ := model.NewAnalyzer()
	kinds := map[string]int{}
	for _, a := range arts {
		in := asArticle(a)
		an, _ := z.Analyze(context.Background(), in)
		for _, g := range a.Attributions {
			if g.Source == nil || len(g.Cue) == 0 {
				continue
			}
			cue := g.Cue[0].Span()
			for _, ct := range g.Content {
				cs := ct.Span()
				for i := cs.Start; i < cs.End; i++ {
					right, any := false, false
					for _, c := range an.Claims {
						if c.Source != nil && c.Span.Start <= i && i < c.Span.End {
							any = true
							if sameSource(c.Source.Span.In(a.Text), g.Source.Text) {
								right = true
							}
						}
					}
					if right {
						continue
					}
					k := "same sentence"
					si := span.Index(in.Sentences, i)
					ci := span.Index(in.Sentences, cue.Start)
					switch {
					case strings.IndexByte(a.Text, '\n') > i:
						k = "title"
					case strings.Contains(a.Text[min(i, cue.Start):max(i, cue.Start)], "\n"):
						k = "other paragraph"
					case si != ci:
						k = "other sentence"
					}
					if any {
						k += ", wrong source"
					} else {
						k += ", no source"
					}
					kinds[k]++
				}
			}
		}
	}
	fmt.Println(kinds)
}
