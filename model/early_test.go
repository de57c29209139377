package model

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/margin-reader/margin/internal/race"
)

// sameEarlyAnalysis loads data in steps of step bytes, giving each part
// to an Early, and checks that its analysis of the whole is what
// AnalyzeOnce finds in the article parsed at once.
func sameEarlyAnalysis(t *testing.T, name string, data []byte, steps ...int) {
	t.Helper()
	whole, err := Parse(context.Background(), name, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := AnalyzeOnce(context.Background(), whole, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		l, err := NewLoader(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		e := BeginAnalysis(context.Background())
		for {
			a, done, err := l.Next(context.Background(), step)
			if err != nil {
				t.Fatal(err)
			}
			if !done {
				e.Add(a)
				continue
			}
			got, err := e.Finish(context.Background(), a, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s loaded in steps of %d: %d entities and %d claims, at once %d and %d, or not the same",
					name, step, len(got.Entities), len(got.Claims), len(want.Entities), len(want.Claims))
			}
			break
		}
	}
}

func TestAnAnalysisBegunWhileLoadingEqualsTheOneShotOnEverySample(t *testing.T) {
	paths, err := filepath.Glob("../samples/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range append(paths, "markdown/testdata/article.md") {
		if strings.HasSuffix(path, ".go") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(path), func(t *testing.T) { sameEarlyAnalysis(t, path, data, 300, 4<<10) })
	}
}

func TestAnAnalysisBegunWhileLoadingEqualsTheOneShotOnGeneratedArticles(t *testing.T) {
	size := 2 << 20
	if race.Enabled {
		size = 256 << 10
	}
	for _, name := range []string{"big.txt", "big.md"} {
		t.Run(name, func(t *testing.T) {
			sameEarlyAnalysis(t, name, generated(size, strings.HasSuffix(name, ".md")), 256<<10)
		})
	}
}

func TestAnAnalysisBegunAndStoppedStillFinishes(t *testing.T) {
	data := generated(64<<10, false)
	whole, err := Parse(context.Background(), "a.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := AnalyzeOnce(context.Background(), whole, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := BeginAnalysis(context.Background())
	part, err := Parse(context.Background(), "a.txt", data[:32<<10], Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.Add(part) // not a start of whole's text: the last paragraph is cut
	e.Stop()
	got, err := e.Finish(context.Background(), whole, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d entities and %d claims, at once %d and %d, or not the same", len(got.Entities), len(got.Claims), len(want.Entities), len(want.Claims))
	}
}

func FuzzAnAnalysisBegunWhileLoading(f *testing.F) {
	f.Add("a.txt", "Title\n\nBy Jane Doe\n\nMaria Lopez said on Tuesday.\n\nThe council said 40% more.", uint16(3))
	f.Add("a.md", "# T\n\n```\n\nx\n```\n\n- Wang Yi\n\n- b\n\nIn Kyiv, *nearly* 600 died.", uint16(1))
	f.Fuzz(func(t *testing.T, name, src string, step uint16) {
		if _, err := Parse(context.Background(), name, []byte(src), Options{}); err != nil {
			return
		}
		sameEarlyAnalysis(t, name, []byte(src), int(step%512)+1)
	})
}
