package model

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/margin-reader/margin/model/cleanup"
	"github.com/margin-reader/margin/model/decode"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/htmlpage"
	"github.com/margin-reader/margin/model/markdown"
	"github.com/margin-reader/margin/model/sentence"
)

// Loader reads an article in steps, so that the start of a long file can
// be shown while the rest is read: each step reads, decodes and cleans
// (plain text) or parses (markdown) about as many more bytes as asked
// and splits their sentences. The file is read a chunk at a time, as the
// steps need it, so the first step costs the same for any size of file.
// The canonical text only grows, by appending, so every span made over
// an earlier step's article stays valid. A saved HTML page and
// --verbatim text are read in one step. Parse is a Loader run in one
// step.
type Loader struct {
	a   *Article
	in  *input
	dec decode.Decoder
	// nfc composes the decoded text, but for --verbatim, which keeps the
	// input as it is, and a web page, which htmlpage composes.
	nfc   composer
	opts  Options
	src   source
	split *sentence.Splitter
	// head is the start of the text, kept until there is enough of it to
	// tell the format.
	head string
	// raw is the bytes read while the format is not known and, for a
	// saved web page, all of them: a page is decoded whole, in the
	// charset it declares, once it is read.
	raw  []byte
	page bool
	// warnings are the ones known before the first step: the markdown's
	// and the decoder's follow them.
	warnings []string
	// blocks is how many of the document's blocks are split into sentences.
	blocks int
	done   bool
}

// source is a format's reader: it takes the decoded text in pieces, and
// each step returns the document so far.
type source interface {
	add(text string, final bool)
	next(step int) (doc.Doc, bool, error)
	// hungry says the last next read nothing for want of more text.
	hungry() bool
	// grow makes room for about n bytes of text.
	grow(n int)
	warnings() []string
}

// NewLoader prepares to read an article from data, whose format it picks
// from name (a path or "-") or the content.
func NewLoader(name string, data []byte, opts Options) (*Loader, error) {
	return newLoader(name, bytesInput(data), opts), nil
}

// OpenLoader opens the file at path, with Open's checks and size limit,
// to read it in steps; the size is checked from the file's size before
// anything is read, and again as it is read. Close lets the file go if
// the load is given up before it is done.
func OpenLoader(path string, opts Options) (*Loader, error) {
	in, err := fileInput(path)
	if err != nil {
		return nil, err
	}
	return newLoader(path, in, opts), nil
}

func newLoader(name string, in *input, opts Options) *Loader {
	return &Loader{a: &Article{Name: name}, in: in, opts: opts, split: sentence.New()}
}

// Close lets go of the file; a Loader that has finished has let go already.
func (l *Loader) Close() error { return l.in.close() }

// Next reads about step more bytes of the source and returns the article
// so far, and whether it is all read. Each article returned is a snapshot
// that later steps do not change; Hash is set only on the last.
func (l *Loader) Next(ctx context.Context, step int) (*Article, bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	if !l.done {
		if err := l.step(ctx, step); err != nil {
			l.in.close()
			return nil, false, fmt.Errorf("read %s: %w", sourceName(l.a.Name), err)
		}
		l.addSentences()
		l.a.Warnings = l.allWarnings()
		if l.done {
			// The source holds text not yet taken, and the reader keeps
			// its loader: let it go.
			l.in.close()
			l.src = nil
		}
	}
	snapshot := *l.a
	return &snapshot, l.done, nil
}

// step feeds the source the decoded text it needs for one more step.
// While the source finds no place to cut, each read is twice the one
// before, so that text with no cut for megabytes (a log of single lines
// that never end a sentence, say) is read and scanned a number of times
// that grows with the log of its size, not with its size.
func (l *Loader) step(ctx context.Context, step int) error {
	for size := step; ; size = min(2*size, math.MaxInt/2) {
		if l.src != nil {
			d, done, err := l.src.next(step)
			if err != nil {
				return err
			}
			if done || !l.src.hungry() {
				l.a.Doc, l.done = d, done
				return nil
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		text, final, err := l.read(size)
		if err != nil {
			return err
		}
		if l.src == nil {
			if l.head += text; len(l.head) < formatHead && !final {
				continue
			}
			text, l.head = l.head, ""
			l.start(text)
		}
		if l.page {
			if text, err = l.pageText(final); err != nil {
				return err
			}
		}
		l.src.add(text, final)
	}
}

// read reads, decodes and composes (NFC) the next chunk of the file,
// about step bytes. While the format is not known the chunks are also kept, and a web
// page's are only kept, to be decoded by pageText.
func (l *Loader) read(step int) (string, bool, error) {
	chunk, final, err := l.in.read(step)
	if err != nil {
		return "", false, err
	}
	if final {
		// Read in one step, the buffer is as large as the file: let it
		// go before the text is cleaned or parsed.
		l.in.buf = nil
	}
	if l.src == nil || l.page {
		if final && l.raw == nil {
			l.raw = chunk // read in one step: no read comes to reuse it
		} else {
			l.raw = append(l.raw, chunk...)
		}
	}
	if l.page {
		return "", final, nil
	}
	text, err := l.dec.Decode(chunk, final)
	if err != nil || l.opts.Verbatim {
		return text, final, err
	}
	return l.nfc.compose(text, final), final, nil
}

// pageText is a web page's text once all of it is read, decoded afresh
// from its bytes: the decoding of its start, which told the format, may
// not be the charset the page declares.
func (l *Loader) pageText(final bool) (string, error) {
	if !final {
		return "", nil
	}
	raw := l.raw
	l.raw, l.dec = nil, decode.Decoder{}
	return l.dec.Page(raw, "")
}

// formatHead is how much of the text tells its format.
const formatHead = 512

// start picks the format from the start of the text and makes its source.
func (l *Loader) start(head string) {
	a, opts := l.a, l.opts
	a.Format = formatOf(a.Name, head)
	switch {
	case opts.Verbatim:
		l.src = &whole{read: func(text string) (doc.Doc, error) {
			a.Sentences = sentence.Lines(text)
			l.blocks = math.MaxInt // the sentences are the lines, split here
			return verbatimDoc(text), nil
		}}
	case a.Format == Markdown:
		l.src = &markdownSource{p: markdown.NewStream(l.in.mayHoldReferences), setFront: l.setFront}
	case a.Format == HTML:
		l.page = true
		l.src = &whole{read: func(text string) (doc.Doc, error) {
			page, err := htmlpage.Extract(text, "", opts.readAt())
			if err != nil {
				return doc.Doc{}, err
			}
			l.setFront(page.Front())
			return page.Doc, nil
		}}
	default:
		l.src = &textSource{p: cleanup.NewStream(), a: a}
	}
	if !l.page {
		l.raw = nil
	}
	// The text takes about as many bytes as the file, fewer for markup
	// (room never written to costs no memory, only address space).
	if _, size := l.in.progress(); size > 0 {
		l.src.grow(size)
	}
}

// allWarnings are the article's warnings: the ones known at the start,
// then the markdown's and the decoder's, in that order whatever the
// steps, so a load in steps warns as a load at once does.
func (l *Loader) allWarnings() []string {
	w := slices.Clone(l.warnings)
	if l.src != nil {
		for _, s := range l.src.warnings() {
			w = append(w, l.a.Name+": "+s)
		}
	}
	if at, ok := l.dec.Invalid(); ok {
		w = append(w, fmt.Sprintf("%s is not all UTF-8: the bytes that are not (the first at byte %d) are shown as \uFFFD", l.a.Name, at+1))
	}
	return w
}

// Progress returns how many bytes of the file are read, and how many
// there are.
func (l *Loader) Progress() (done, total int) {
	read, size := l.in.progress()
	if l.done {
		return read, read
	}
	return read, max(read, size)
}

// addSentences splits the blocks new since the last step, and hashes the
// text once it is whole, the two side by side: both are passes over a
// possibly large text.
func (l *Loader) addSentences() {
	a := l.a
	var hashed chan string
	if l.done {
		hashed = make(chan string, 1)
		go func() { hashed <- HashText(a.Text) }()
	}
	if l.blocks < len(a.Blocks) {
		fresh := doc.Doc{Text: a.Text, Blocks: a.Blocks[l.blocks:]}
		if a.Title == "" {
			a.Title = firstHeading(fresh)
		}
		a.Sentences = append(a.Sentences, l.split.Split(fresh)...)
		l.blocks = len(a.Blocks)
	}
	if l.done {
		a.Hash = <-hashed
	}
}

// whole is a source read in one step, once all of it has come.
type whole struct {
	pieces []string
	read   func(text string) (doc.Doc, error)
	final  bool
}

func (w *whole) add(text string, final bool) {
	w.pieces = append(w.pieces, text)
	w.final = final
}

func (w *whole) next(int) (doc.Doc, bool, error) {
	if !w.final {
		return doc.Doc{}, false, nil
	}
	d, err := w.read(strings.Join(w.pieces, ""))
	w.pieces = nil
	return d, true, err
}

func (w *whole) hungry() bool { return !w.final }

func (w *whole) grow(int) {}

func (w *whole) warnings() []string { return nil }

// markdownSource parses markdown, and gives the article the metadata of
// its front matter once it is read.
type markdownSource struct {
	p        *markdown.Progressive
	setFront func(markdown.Front)
	front    bool
}

func (m *markdownSource) add(text string, final bool) { m.p.Add(text, final) }

func (m *markdownSource) next(step int) (doc.Doc, bool, error) {
	d, done := m.p.Next(step)
	if f, ok := m.p.Front(); ok && !m.front {
		m.front = true
		m.setFront(f)
	}
	return d, done, nil
}

func (m *markdownSource) hungry() bool       { return m.p.Hungry() }
func (m *markdownSource) grow(n int)         { m.p.Grow(n) }
func (m *markdownSource) warnings() []string { return m.p.Warnings() }

// textSource cleans plain text, and gives the article the title and
// byline that cleaning finds.
type textSource struct {
	p *cleanup.Progressive
	a *Article
}

func (t *textSource) add(text string, final bool) { t.p.Add(text, final) }

func (t *textSource) next(step int) (doc.Doc, bool, error) {
	r, done := t.p.Next(step)
	// Cleaning decides the title and byline before it gives any block,
	// and then keeps them; an empty title is left for the first heading.
	if r.Title != "" {
		t.a.Title = r.Title
	}
	if r.Byline != "" {
		t.a.Byline = r.Byline
	}
	return r.Doc, done, nil
}

func (t *textSource) hungry() bool       { return t.p.Hungry() }
func (t *textSource) grow(n int)         { t.p.Grow(n) }
func (t *textSource) warnings() []string { return nil }

// sourceName is how an error names where an article came from: a path,
// or standard input for "-".
func sourceName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}
