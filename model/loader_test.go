package model

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// loadInSteps reads data with a Loader, step bytes at a time, checking
// that each step's article only appends to the one before.
func loadInSteps(t *testing.T, name string, data []byte, opts Options, step int) *Article {
	t.Helper()
	l, err := NewLoader(name, data, opts)
	if err != nil {
		t.Fatal(err)
	}
	prev := &Article{}
	for {
		a, done, err := l.Next(context.Background(), step)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.Text, prev.Text) || len(a.Sentences) < len(prev.Sentences) ||
			len(prev.Sentences) > 0 && !reflect.DeepEqual(a.Sentences[:len(prev.Sentences)], prev.Sentences) {
			t.Fatalf("step %d changed the text or sentences an earlier step made", step)
		}
		if done {
			return a
		}
		if a.Hash != "" {
			t.Fatal("an unfinished article has a hash")
		}
		prev = a
	}
}

// sameLoad checks that loading in steps of every size gives what Parse gives.
func sameLoad(t *testing.T, name string, data []byte, opts Options, steps ...int) {
	t.Helper()
	want, err := Parse(context.Background(), name, data, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		got := loadInSteps(t, name, data, opts, step)
		if !reflect.DeepEqual(comparable(got), comparable(want)) {
			t.Fatalf("%s in steps of %d bytes differs from Parse:\n got %+v\nwant %+v", name, step, comparable(got), comparable(want))
		}
	}
}

// comparable is what an article holds, with empty and nil slices alike.
func comparable(a *Article) string {
	return fmt.Sprintf("%s|%s|%+v|%q|%q|%q|blocks %+v|inlines %+v|sentences %v|warnings %q",
		a.Name, a.Format, a.Meta, a.Byline, a.Hash, a.Text, a.Blocks, a.Inlines, a.Sentences, a.Warnings)
}

func TestLoaderEqualsParseOnEverySample(t *testing.T) {
	paths, err := filepath.Glob("../samples/*.*")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "markdown/testdata/article.md", "../README.md")
	for _, path := range paths {
		if strings.HasSuffix(path, ".go") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			sameLoad(t, path, data, Options{}, 1, 50, 700, 1<<20)
			sameLoad(t, path, data, Options{Verbatim: true}, 1, 1<<20)
		})
	}
}

func TestLoaderEqualsParseOnGeneratedArticles(t *testing.T) {
	tests := []struct{ name, src string }{
		{"a.txt", strings.Repeat("The council said on Tuesday that the wall would be finished by\n\nspring. Engineers were less sure.\n\nA heading\n\n", 200)},
		{"b.md", strings.Repeat("## Part\n\nSome *text* with [a link](https://x.example).\n\n```\ncode\n\nmore\n```\n\n- one\n\n- two\n\n", 200)},
		{"c.md", "# Title\n\n" + strings.Repeat("[a](", 5000)}, // read as plain text
		{"d.txt", ""},
		{"e.html", "<html><head><title>T</title></head><body><article><h1>T</h1><p>One. Two.</p></article></body></html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameLoad(t, tt.name, []byte(tt.src), Options{}, 1, 100, 4096)
		})
	}
}

func TestLoaderGivesTheStartFirst(t *testing.T) {
	src := []byte(strings.Repeat("Paragraph of the report, ended.\n\n", 20000))
	l, err := NewLoader("big.txt", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, done, err := l.Next(context.Background(), 16<<10)
	read, total := l.Progress()
	if err != nil || done || len(a.Sentences) == 0 || read >= total/10 {
		t.Fatalf("first step: done %v, %d sentences, %d of %d bytes read (error %v); want a start and more to come", done, len(a.Sentences), read, total, err)
	}
}

func TestLoaderReportsAllReadOnceDone(t *testing.T) {
	for _, name := range []string{"big.txt", "big.md"} {
		t.Run(name, func(t *testing.T) {
			src := []byte(strings.Repeat("Paragraph of the report, ended.\n\n", 2000))
			l, err := NewLoader(name, src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, total := l.Progress()
			for done := false; !done; {
				if _, done, err = l.Next(context.Background(), 4<<10); err != nil {
					t.Fatal(err)
				}
			}
			if read, after := l.Progress(); read != total || after != total {
				t.Errorf("Progress once done = %d of %d, want %d of %d", read, after, total, total)
			}
			if _, done, err := l.Next(context.Background(), 4<<10); !done || err != nil {
				t.Errorf("Next after the end = done %v, error %v; want done, no error", done, err)
			}
		})
	}
}

func TestLoaderStopsWhenCancelled(t *testing.T) {
	l, err := NewLoader("a.txt", []byte("One.\n\nTwo.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := l.Next(ctx, 1); err == nil {
		t.Fatal("Next on a cancelled context read on")
	}
}

func FuzzLoader(f *testing.F) {
	f.Add("a.txt", "Title\n\nTitle\n\nBy Jane Doe\n\nthe text\n\nMore.", uint16(3))
	f.Add("a.md", "# T\n\n```\n\nx\n```\n\n- a\n\n- b\n\nc", uint16(1))
	f.Fuzz(func(t *testing.T, name, src string, step uint16) {
		if _, err := Parse(context.Background(), name, []byte(src), Options{}); err != nil {
			return
		}
		sameLoad(t, name, []byte(src), Options{}, int(step%512)+1)
	})
}

// BenchmarkLoaderFirstStep compares what a first screen waits for: the
// first 64 KB step of a Loader against Parse of the whole, for 5 MB of
// plain text and of markdown.
func BenchmarkLoaderFirstStep(b *testing.B) {
	para := "The council said on Tuesday that the *harbour wall* would be finished by spring, according to engineers.\n\n"
	src := []byte(strings.Repeat(para, (5<<20)/len(para)))
	ctx := context.Background()
	for _, name := range []string{"big.txt", "big.md"} {
		b.Run(name+"/first step", func(b *testing.B) {
			for b.Loop() {
				l, err := NewLoader(name, src, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, _, err := l.Next(ctx, 64<<10); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/whole", func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(ctx, name, src, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
