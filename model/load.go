package model

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/margin-reader/margin/internal/filekind"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/markdown"
)

// Options change how an article is read.
type Options struct {
	// Verbatim skips cleanup: the text is the input unchanged, and every
	// line break ends a sentence.
	Verbatim bool
}

// MaxFileSize bounds what margin reads into memory from one file or stream.
const MaxFileSize = 256 << 20

// Open reads the article at path ("-" for standard input).
func Open(ctx context.Context, path string, opts Options) (*Article, error) {
	data, err := readSource(path)
	if err != nil {
		return nil, err
	}
	a, err := Parse(ctx, path, data, opts)
	if err != nil {
		return nil, err
	}
	if path != "-" {
		a.Path = path
	}
	return a, nil
}

// ReadFile reads the file at path ("-" for standard input) with Open's
// checks and size limit, for a Loader.
func ReadFile(path string) ([]byte, error) { return readSource(path) }

func readSource(path string) ([]byte, error) {
	if path == "-" {
		return ReadAll(os.Stdin, "standard input")
	}
	f, size, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, path, size, MaxFileSize)
}

// openRegular opens path for reading if it is a regular file, and returns
// its size. It opens without blocking and then checks the open file, not
// the name, so that a FIFO cannot hang margin waiting for a writer and a
// file swapped after a check cannot slip past it; a device such as
// /dev/zero, which reports size 0 and never ends, is refused up front.
func openRegular(path string) (*os.File, int64, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("open %s: %w", path, unwrapPathError(err))
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("open %s: %w", path, unwrapPathError(err))
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, 0, fmt.Errorf("open %s: is %s, not an article", path, filekind.Of(fi.Mode()))
	}
	return f, fi.Size(), nil
}

// ReadAll reads r to its end, naming it name in errors, and fails with
// one line as soon as it passes MaxFileSize: the limit holds for pipes
// and devices, which announce no size.
func ReadAll(r io.Reader, name string) ([]byte, error) {
	return readLimited(r, name, 0, MaxFileSize)
}

// readLimited reads at most limit bytes of r, a source that announced
// size bytes (0 when unknown, as for pipes and /proc files). It reads in
// chunks that double up to maxChunk, the first sized from the
// announcement, so that a file whose size is right is read into one
// buffer with no copy, and a stream past the limit costs no more memory
// than the limit and one chunk (a growing buffer would briefly hold
// three times as much: 1 GB for 300 MB on standard input).
func readLimited(r io.Reader, name string, size, limit int64) ([]byte, error) {
	r = io.LimitReader(r, limit+1)
	var chunks [][]byte
	total := int64(0)
	// One byte past the announced size, to meet the end within the chunk.
	next := max(min(size, limit)+1, minChunk)
	for {
		chunk := make([]byte, next)
		n, err := io.ReadFull(r, chunk)
		chunks = append(chunks, chunk[:n])
		total += int64(n)
		if total > limit {
			return nil, fmt.Errorf("read %s: larger than %s", name, sizeName(limit))
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, unwrapPathError(err))
		}
		next = min(2*next, maxChunk)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	return bytes.Join(chunks, nil), nil
}

// The chunks readLimited reads in.
const (
	minChunk = 64 << 10
	maxChunk = 16 << 20
)

// sizeName writes a size limit for a person.
func sizeName(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// unwrapPathError drops the *os.PathError wrapper, whose message repeats
// the path that the caller already names.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Parse reads an article from its bytes; name (a path or "-") picks the
// format by extension, falling back to sniffing the content.
func Parse(ctx context.Context, name string, data []byte, opts Options) (*Article, error) {
	l, err := NewLoader(name, data, opts)
	if err != nil {
		return nil, err
	}
	a, _, err := l.Next(ctx, math.MaxInt)
	return a, err
}

func formatOf(name, text string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 512)]))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return HTML
	}
	return Text
}

// setFront takes the article's metadata from front matter, a web page's
// own or the one saved with it, and says if the page was cut.
func setFront(a *Article, f markdown.Front) {
	a.Meta = metaFromFront(f)
	if f["cut"] != "" {
		a.Warnings = append(a.Warnings, f["cut"])
	}
}

func metaFromFront(f markdown.Front) Meta {
	return Meta{
		Title:     f["title"],
		Byline:    f["byline"],
		Site:      f["site"],
		Published: f["published"],
		Modified:  f["modified"],
		Rates:     f["rates"],
		Rating:    f["rating"],
		Reviewer:  f["reviewer"],
		SourceURL: f["source_url"],
		FetchedAt: f["fetched_at"],
	}
}

// verbatimDoc keeps the text as it is, one block per line.
func verbatimDoc(text string) doc.Doc {
	d := doc.Doc{Text: text}
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if end > start {
			d.Blocks = append(d.Blocks, doc.Block{Span: spanOf(start, end), Kind: doc.Paragraph})
		}
		start = end + 1
	}
	return d
}

func firstHeading(d doc.Doc) string {
	for _, b := range d.Blocks {
		if b.Kind == doc.Heading {
			return b.In(d.Text)
		}
	}
	return ""
}
