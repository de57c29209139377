package model

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/margin-reader/margin/internal/fileerr"
	"github.com/margin-reader/margin/internal/filekind"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/markdown"
	"github.com/margin-reader/margin/model/weblink"
)

// Options change how an article is read.
type Options struct {
	// Verbatim skips cleanup: the text is the input unchanged, and every
	// line break ends a sentence.
	Verbatim bool
	// Now is when the article is read: a saved page's date with a
	// two-digit year past the next is not read as one (htmlpage.Extract).
	// The zero time is the moment the page is read.
	Now time.Time
}

// readAt is when the article is read: Now, else the clock's time.
func (o Options) readAt() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// MaxFileSize bounds what margin reads into memory from one file or stream.
const MaxFileSize = 256 << 20

// Open reads the article at path ("-" for standard input).
func Open(ctx context.Context, path string, opts Options) (*Article, error) {
	if path == "-" {
		data, err := ReadAll(os.Stdin, "standard input")
		if err != nil {
			return nil, err
		}
		return Parse(ctx, path, data, opts)
	}
	l, err := OpenLoader(path, opts)
	if err != nil {
		return nil, err
	}
	defer l.Close()
	a, _, err := l.Next(ctx, math.MaxInt)
	if err != nil {
		return nil, err
	}
	a.Path = path
	return a, nil
}

// input is an article's bytes, read a chunk at a time: from memory, or
// from an open file. Only close may be called while a read runs.
type input struct {
	data []byte   // in memory, when f is nil
	f    *os.File // the open file
	// size is what the file announced; off how much is read.
	size, off int64
	buf       []byte
	eof       bool
	// minRead is the least a read asks for: minChunk, less in tests.
	minRead int
}

func bytesInput(data []byte) *input {
	return &input{data: data, size: int64(len(data)), minRead: minChunk}
}

// fileInput opens the file at path and checks its size, before reading
// anything, against MaxFileSize.
func fileInput(path string) (*input, error) {
	f, size, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	if size > MaxFileSize {
		f.Close()
		return nil, fmt.Errorf("read %s: larger than %s", path, sizeName(MaxFileSize))
	}
	return &input{f: f, size: size, minRead: minChunk}, nil
}

// read returns the next chunk, of about n bytes (all that is left when
// the size announced is no more), and whether it is the last. A chunk is
// valid until the next read. A file that grows past MaxFileSize as it is
// read fails with the same one-line error as one that was too big.
func (in *input) read(n int) ([]byte, bool, error) {
	if in.eof {
		return nil, true, nil
	}
	want := int64(max(n, in.minRead))
	if rest := in.size - in.off; rest >= 0 {
		want = min(want, rest+1) // one byte past the end, to meet it
	}
	if in.f == nil {
		chunk := in.data[in.off:min(in.off+want, in.size)]
		in.off += int64(len(chunk))
		in.eof = in.off == in.size
		return chunk, in.eof, nil
	}
	want = min(want, MaxFileSize+1-in.off)
	if int64(cap(in.buf)) < want {
		in.buf = make([]byte, want)
	}
	got, err := io.ReadFull(in.f, in.buf[:want])
	in.off += int64(got)
	if in.off > MaxFileSize {
		return nil, false, fmt.Errorf("larger than %s", sizeName(MaxFileSize))
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		in.eof = true
		return in.buf[:got], true, nil
	}
	if err != nil {
		return nil, false, fileerr.Cause(err)
	}
	return in.buf[:got], false, nil
}

// progress returns how many bytes are read, and the size announced.
func (in *input) progress() (int, int) { return int(in.off), int(in.size) }

// close lets go of the file; closing it again does nothing.
func (in *input) close() error {
	if in.f == nil {
		return nil
	}
	if err := in.f.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		return err
	}
	return nil
}

// mayHoldReferences reports whether the text may hold link reference
// definitions, which a markdown link anywhere before them may use: some
// "]:", in UTF-8, a single-byte encoding or UTF-16. It looks at every
// byte of the input, without keeping it (a file is read again from the
// start into a small buffer): a pass at the speed of memory, 10 ms for
// 20 MB, that markdown needs before its first group with a link. A file
// that cannot be read again may hold them: the reads after will say why.
func (in *input) mayHoldReferences() bool {
	if in.f == nil {
		return holdsReference(in.data)
	}
	buf := make([]byte, referenceScan)
	for off := int64(0); ; {
		n, err := in.f.ReadAt(buf, off)
		if holdsReference(buf[:n]) || err != nil && !errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
		// The next buffer starts two bytes back, so that no "]:" (with a
		// NUL between, in UTF-16) is cut in two.
		off += int64(n) - 2
	}
}

// referenceScan is the buffer mayHoldReferences reads a file into.
const referenceScan = 256 << 10

// holdsReference reports whether b holds "]:", or "]" and ":" with a
// NUL between (UTF-16).
func holdsReference(b []byte) bool {
	for {
		i := bytes.IndexByte(b, ']')
		if i < 0 {
			return false
		}
		b = b[i+1:]
		if len(b) > 0 && b[0] == ':' || len(b) > 1 && b[0] == 0 && b[1] == ':' {
			return true
		}
	}
}

// openRegular opens path for reading if it is a regular file, and returns
// its size. It opens without blocking and then checks the open file, not
// the name, so that a FIFO cannot hang margin waiting for a writer and a
// file swapped after a check cannot slip past it; a device such as
// /dev/zero, which reports size 0 and never ends, is refused up front.
func openRegular(path string) (*os.File, int64, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("open %s: %w", path, fileerr.Cause(err))
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("open %s: %w", path, fileerr.Cause(err))
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
			return nil, fmt.Errorf("read %s: %w", name, fileerr.Cause(err))
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
	ext := filepath.Ext(name)
	switch strings.ToLower(ext) {
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	raw := text[:min(len(text), formatHead)]
	head := strings.ToLower(strings.TrimSpace(raw))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return HTML
	}
	if ext == "" && looksLikeMarkdown(raw) {
		return Markdown
	}
	return Text
}

// looksLikeMarkdown says whether a text with no name to go by (standard
// input, a file without an extension) opens as markdown does and plain
// text does not: with front matter, as the markdown reader takes it, or
// with an ATX heading ("# Title"). A "#tag" without the space is no heading.
func looksLikeMarkdown(head string) bool {
	if markdown.OpensWithFront(head) {
		return true
	}
	head = strings.TrimLeft(head, "\ufeff\r\n\t ")
	first, _, _ := strings.Cut(head, "\n")
	first = strings.TrimRight(first, "\r")
	level := len(first) - len(strings.TrimLeft(first, "#"))
	return level >= 1 && level <= 6 && len(first) > level+1 && first[level] == ' '
}

// setFront takes the article's metadata from front matter, a web page's
// own or the one saved with it, and says if the page was cut.
func (l *Loader) setFront(f markdown.Front) {
	l.a.Meta = metaFromFront(f)
	if f["cut"] != "" {
		l.warnings = append(l.warnings, f["cut"])
	}
}

// metaFromFront reads margin's own keys (what a fetched page is saved
// with) and, where they are absent, the keys blogs and static sites
// write, author and date: a markdown file's byline and date were not shown.
func metaFromFront(f markdown.Front) Meta {
	return Meta{
		Title:     f["title"],
		Byline:    cmp.Or(f["byline"], f["author"]),
		Site:      f["site"],
		Published: cmp.Or(f["published"], dayOf(f["date"])),
		Modified:  f["modified"],
		Rates:     f["rates"],
		Rating:    f["rating"],
		Reviewer:  f["reviewer"],
		SourceURL: f["source_url"],
		FetchedAt: f["fetched_at"],
	}
}

// dayOf is the day a front matter date names, 2006-01-02 as margin
// writes dates, or "" for a value that does not start with one: a time
// after the day ("2024-05-02T10:00:00+01:00") is left out, and a date
// written out in words is not guessed at.
func dayOf(date string) string {
	if len(date) < len(time.DateOnly) {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, date[:len(time.DateOnly)]); err != nil {
		return ""
	}
	return date[:len(time.DateOnly)]
}

// verbatimDoc keeps the text as it is, one block per line, with the
// addresses written out in it as links.
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
			d.Inlines = append(d.Inlines, weblink.Marks(text[start:end], start)...)
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
