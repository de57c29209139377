package model

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/margin-reader/margin/model/cleanup"
	"github.com/margin-reader/margin/model/decode"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/htmlpage"
	"github.com/margin-reader/margin/model/markdown"
	"github.com/margin-reader/margin/model/sentence"
)

// Options change how an article is read.
type Options struct {
	// Verbatim skips cleanup: the text is the input unchanged, and every
	// line break ends a sentence.
	Verbatim bool
}

// maxFileSize bounds what margin reads into memory.
const maxFileSize = 256 << 20

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

func readSource(path string) ([]byte, error) {
	if path == "-" {
		data, err := io.ReadAll(io.LimitReader(os.Stdin, maxFileSize+1))
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		return data, checkSize("standard input", int64(len(data)))
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, unwrapPathError(err))
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("open %s: is a directory, not an article", path)
	}
	if err := checkSize(path, fi.Size()); err != nil {
		return nil, err
	}
	// ReadFile sizes its buffer from the file, reading a large article
	// in one go rather than growing and copying a buffer as it reads.
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathError(err))
	}
	return data, checkSize(path, int64(len(data)))
}

func checkSize(name string, n int64) error {
	if n > maxFileSize {
		return fmt.Errorf("read %s: larger than %d MB", name, maxFileSize>>20)
	}
	return nil
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
	text, err := decode.Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	a := &Article{Name: name, Format: formatOf(name, text)}
	switch {
	case opts.Verbatim:
		a.Doc = verbatimDoc(text)
		a.Sentences = sentence.Lines(text)
	case a.Format == Markdown:
		d, front := markdown.Parse(text)
		a.Doc = d
		a.Meta = metaFromFront(front)
		// A page saved from the web says if it was cut.
		a.Notice = front["cut"]
	case a.Format == HTML:
		page, err := htmlpage.Extract(text, "")
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		a.Doc = page.Doc
		front := page.Front()
		a.Meta = metaFromFront(front)
		a.Notice = front["cut"]
	default:
		c := cleanup.Clean(text)
		a.Doc = c.Doc
		a.Title, a.Byline = c.Title, c.Byline
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a.Title == "" {
		a.Title = firstHeading(a.Doc)
	}
	// Splitting sentences and hashing the text are independent passes
	// over a possibly large text; run them side by side.
	hashed := make(chan string, 1)
	go func() { hashed <- HashText(a.Text) }()
	if !opts.Verbatim {
		a.Sentences = sentence.Split(a.Doc)
	}
	a.Hash = <-hashed
	return a, nil
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
