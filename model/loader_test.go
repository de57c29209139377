package model

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/internal/race"
)

// loadInSteps reads data with a Loader, step bytes at a time, checking
// that each step's article only appends to the one before.
func loadInSteps(t *testing.T, name string, data []byte, opts Options, step int) *Article {
	t.Helper()
	l, err := NewLoader(name, data, opts)
	if err != nil {
		t.Fatal(err)
	}
	return stepThrough(t, l, step)
}

// stepThrough runs l to its end, step bytes at a time, checking that each
// step's article only appends to the one before.
func stepThrough(t *testing.T, l *Loader, step int) *Article {
	t.Helper()
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

// sameArticle reports whether a and b hold the same, with empty and nil
// slices alike, without formatting them (which takes seconds at 5 MB).
func sameArticle(a, b *Article) bool {
	x, y := *a, *b
	for _, p := range []*Article{&x, &y} {
		p.Blocks, p.Inlines = slices.Clip(p.Blocks), slices.Clip(p.Inlines)
		if len(p.Blocks) == 0 {
			p.Blocks = nil
		}
		if len(p.Inlines) == 0 {
			p.Inlines = nil
		}
		if len(p.Sentences) == 0 {
			p.Sentences = nil
		}
		if len(p.Warnings) == 0 {
			p.Warnings = nil
		}
	}
	return reflect.DeepEqual(x, y)
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
			// Read from the file a few bytes to a few kilobytes at a time.
			for _, c := range []struct{ chunk, step int }{{7, 300}, {1000, 64}, {4099, 1 << 20}} {
				sameChunkedLoad(t, path, data, c.chunk, c.step)
			}
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

// sameChunkedLoad checks that loading data from a file, read chunk bytes
// at a time, in steps of step bytes, gives what Parse gives.
func sameChunkedLoad(t *testing.T, name string, data []byte, chunk, step int) {
	t.Helper()
	want, wantErr := Parse(context.Background(), name, data, Options{})
	sameChunkedAs(t, want, wantErr, name, data, chunk, step)
}

// sameChunkedAs is sameChunkedLoad given what Parse gives.
func sameChunkedAs(t *testing.T, want *Article, wantErr error, name string, data []byte, chunk, step int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := OpenLoader(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.in.minRead = chunk
	if wantErr != nil {
		var err error
		for done := false; err == nil && !done; {
			_, done, err = l.Next(context.Background(), step)
		}
		if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(wantErr.Error(), "read "+name)) {
			t.Fatalf("read in chunks of %d: error %v, want %v", chunk, err, wantErr)
		}
		return
	}
	got := stepThrough(t, l, step)
	// The loader names the file by its path, in its warnings too.
	got.Name = want.Name
	for i, w := range got.Warnings {
		got.Warnings[i] = strings.ReplaceAll(w, path, want.Name)
	}
	if !sameArticle(got, want) {
		t.Fatalf("%s read in chunks of %d bytes, steps of %d, differs from Parse:\n got %.300s\nwant %.300s", name, chunk, step, comparable(got), comparable(want))
	}
}

// generated is about size bytes of plain text or of markdown with
// headings, emphasis, links, lists and fences, so that chunks and steps
// are cut across every kind of block.
func generated(size int, md bool) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		if md && i%20 == 0 {
			fmt.Fprintf(&b, "## Section %d\n\n", i/20)
		}
		if md && i%13 == 5 {
			fmt.Fprintf(&b, "- item %d\n\n- item, *loose*\n\n```\ncode %d\n\nstill code\n```\n\n", i, i)
		}
		fmt.Fprintf(&b, "Paragraph %d. The council said on Tuesday that the *harbour wall* at Port %d would be\nfinished by spring, [engineers](https://x.example/%d) said. Caf\u00e9 owners doubt it.\n\n", i, i, i)
	}
	return []byte(b.String())
}

func TestLoaderFromAFileEqualsParseOnFiveMegabytes(t *testing.T) {
	size := 5 << 20
	if race.Enabled {
		size = 1 << 20 // still dozens of chunks, in a tenth of the time
	}
	for _, name := range []string{"big.txt", "big.md"} {
		t.Run(name, func(t *testing.T) {
			data := generated(size, strings.HasSuffix(name, ".md"))
			want, err := Parse(context.Background(), name, data, Options{})
			sameChunkedAs(t, want, err, name, data, 64<<10, 1<<20)
			sameChunkedAs(t, want, err, name, data, 33_333, 64<<10)
		})
	}
}

func TestOpenLoaderReadsOnlyTheStartForTheFirstStep(t *testing.T) {
	// wrapped.txt has single line breaks only, as a hard-wrapped transcript.
	for _, name := range []string{"big.txt", "big.md", "wrapped.txt"} {
		t.Run(name, func(t *testing.T) {
			data := generated(5<<20, strings.HasSuffix(name, ".md"))
			if name == "wrapped.txt" {
				data = bytes.ReplaceAll(data, []byte("\n\n"), []byte("\n"))
			}
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := OpenLoader(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			a, done, err := l.Next(context.Background(), 64<<10)
			read, total := l.Progress()
			if err != nil || done || len(a.Sentences) == 0 || read > 256<<10 {
				t.Fatalf("first step: done %v, %d sentences, %d of %d bytes read (error %v); want a start, from at most 256 KB", done, len(a.Sentences), read, total, err)
			}
		})
	}
}

func TestOpenLoaderChecksEveryChunk(t *testing.T) {
	start := generated(300<<10, false)
	tests := []struct {
		name    string
		data    []byte
		err     string // "" for none
		warning string
	}{
		{"fails on a NUL past the first screen", append(slices.Clone(start), "more\x00words"...), "binary file", ""},
		{"shows Latin-1 past a UTF-8 start as U+FFFD, and says where", append(slices.Clone(start), " na\xEFve words"...), "", fmt.Sprintf("byte %d", len(start)+4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.txt")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := OpenLoader(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			var a *Article
			done := false
			for err == nil && !done {
				a, done, err = l.Next(context.Background(), 64<<10)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("error %v, want one line naming %s with %q", err, path, tt.err)
				}
				return
			}
			if err != nil || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], tt.warning) {
				t.Fatalf("error %v, warnings %q; want one naming %s", err, a.Warnings, tt.warning)
			}
			if !strings.HasSuffix(a.Text, "na\uFFFDve words") {
				t.Errorf("text ends %q, want every word kept", a.Text[len(a.Text)-20:])
			}
		})
	}
}

func TestOpenLoaderRefusesATooLargeFileFromItsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size says too large before a byte is read.
	if err := errors.Join(f.Truncate(MaxFileSize+1), f.Close()); err != nil {
		t.Fatal(err)
	}
	_, err = OpenLoader(path, Options{})
	if want := "read " + path + ": larger than 256 MB"; err == nil || err.Error() != want {
		t.Fatalf("OpenLoader error %v, want %q", err, want)
	}
}

func FuzzLoader(f *testing.F) {
	f.Add("a.txt", "Title\n\nTitle\n\nBy Jane Doe\n\nthe text\n\nMore.", uint16(3), uint16(5))
	f.Add("a.md", "# T\n\n```\n\nx\n```\n\n- a\n\n- b\n\nc", uint16(1), uint16(2))
	f.Add("a.md", "---\ntitle: caf\xe9\n---\n\n[x]\n\n[x]: /u\r\n", uint16(4), uint16(1))
	f.Add("a.txt", "Ame\u0301lie said\u0301\u0301.\n\nCafe\u0301 au lait", uint16(2), uint16(7))
	f.Fuzz(func(t *testing.T, name, src string, step, chunk uint16) {
		if _, err := Parse(context.Background(), name, []byte(src), Options{}); err == nil {
			sameLoad(t, name, []byte(src), Options{}, int(step%512)+1)
		}
		file := "a.txt"
		if ext := filepath.Ext(name); ext == ".md" || ext == ".html" {
			file = "a" + ext
		}
		sameChunkedLoad(t, file, []byte(src), int(chunk%600)+1, int(step%512)+1)
	})
}

// BenchmarkLoaderFirstStep compares what a first screen waits for: the
// first 64 KB step of a Loader against Parse of the whole, for 5 MB of
// plain text and of markdown, and for 20 MB of hard-wrapped plain text
// with no blank line.
func BenchmarkLoaderFirstStep(b *testing.B) {
	para := "The council said on Tuesday that the *harbour wall* would be finished by spring, according to engineers.\n\n"
	wrapped := "The council said on Tuesday that the harbour wall would be\nfinished by spring, according to engineers who met the\nminister. Work on it begins in May.\n"
	sources := map[string][]byte{
		"big.txt":     []byte(strings.Repeat(para, (5<<20)/len(para))),
		"big.md":      []byte(strings.Repeat(para, (5<<20)/len(para))),
		"wrapped.txt": []byte(strings.Repeat(wrapped, (20<<20)/len(wrapped))),
	}
	ctx := context.Background()
	for _, name := range []string{"big.txt", "big.md", "wrapped.txt"} {
		src := sources[name]
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

func TestLoaderWarnsOfBytesNotUTF8AsParseDoes(t *testing.T) {
	for _, name := range []string{"notes.txt", "notes.md"} {
		t.Run(name, func(t *testing.T) {
			sameChunkedLoad(t, name, []byte("The caf\xe9 opened.\n\nIt shut \xff again."), 5, 3)
		})
	}
}
