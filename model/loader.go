package model

import (
	"context"
	"fmt"
	"math"

	"github.com/margin-reader/margin/model/cleanup"
	"github.com/margin-reader/margin/model/decode"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/htmlpage"
	"github.com/margin-reader/margin/model/markdown"
	"github.com/margin-reader/margin/model/sentence"
)

// Loader reads an article in steps, so that the start of a long file can
// be shown while the rest is read: each step cleans (plain text) or
// parses (markdown) about as many more bytes as asked and splits their
// sentences. The canonical text only grows, by appending, so every span
// made over an earlier step's article stays valid. Decoding is done at
// once (it is linear and fast); a saved HTML page and --verbatim text are
// read in one step. Parse is a Loader run in one step.
type Loader struct {
	a     *Article
	src   source
	split *sentence.Splitter
	// blocks is how many of the document's blocks are split into sentences.
	blocks int
	done   bool
	// total is the source's size, kept when the source is let go.
	total int
}

// source is a format's reader: each step returns the document so far.
type source interface {
	next(step int) (doc.Doc, bool)
	progress() (done, total int)
}

// NewLoader decodes data, picks its format (from name, a path or "-", or
// the content) and prepares to read it in steps.
func NewLoader(name string, data []byte, opts Options) (*Loader, error) {
	text, err := decode.Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	a := &Article{Name: name, Format: formatOf(name, text)}
	if a.Format == Markdown && !opts.Verbatim {
		if err := markdown.CheckLimits(text); err != nil {
			a.Format = Text
			a.Warnings = append(a.Warnings, fmt.Sprintf("%s is read as plain text: %v", name, err))
		}
	}
	l := &Loader{a: a, split: sentence.New()}
	switch {
	case opts.Verbatim:
		a.Sentences = sentence.Lines(text)
		l.src = &whole{d: verbatimDoc(text)}
		l.blocks = math.MaxInt // the sentences are the lines, split above
	case a.Format == Markdown:
		p, front := markdown.NewProgressive(text)
		setFront(a, front)
		l.src = markdownSource{p}
	case a.Format == HTML:
		page, err := htmlpage.Extract(text, "")
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		setFront(a, page.Front())
		l.src = &whole{d: page.Doc}
	default:
		l.src = &textSource{p: cleanup.NewProgressive(text), a: a}
	}
	return l, nil
}

// Next reads about step more bytes of the source and returns the article
// so far, and whether it is all read. Each article returned is a snapshot
// that later steps do not change; Hash is set only on the last.
func (l *Loader) Next(ctx context.Context, step int) (*Article, bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	if !l.done {
		l.a.Doc, l.done = l.src.next(step)
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		l.addSentences()
		if l.done {
			// The source holds the decoded input, a second copy of the
			// text (20 MB for 20 MB of text) that the reader, which keeps
			// its loader, would otherwise hold to the end.
			_, l.total = l.src.progress()
			l.src = nil
		}
	}
	snapshot := *l.a
	return &snapshot, l.done, nil
}

// Progress returns how many bytes of the source are read, and how many
// there are.
func (l *Loader) Progress() (done, total int) {
	if l.src == nil {
		return l.total, l.total
	}
	return l.src.progress()
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

// whole is a source read in one step.
type whole struct {
	d    doc.Doc
	read bool
}

func (w *whole) next(int) (doc.Doc, bool) {
	w.read = true
	return w.d, true
}

func (w *whole) progress() (int, int) {
	if w.read {
		return len(w.d.Text), len(w.d.Text)
	}
	return 0, len(w.d.Text)
}

type markdownSource struct{ p *markdown.Progressive }

func (m markdownSource) next(step int) (doc.Doc, bool) { return m.p.Next(step) }
func (m markdownSource) progress() (int, int)          { return m.p.Parsed() }

// textSource cleans plain text, and gives the article the title and
// byline that cleaning finds.
type textSource struct {
	p *cleanup.Progressive
	a *Article
}

func (t *textSource) next(step int) (doc.Doc, bool) {
	r, done := t.p.Next(step)
	// Cleaning decides the title and byline before it gives any block,
	// and then keeps them; an empty title is left for the first heading.
	if r.Title != "" {
		t.a.Title = r.Title
	}
	if r.Byline != "" {
		t.a.Byline = r.Byline
	}
	return r.Doc, done
}

func (t *textSource) progress() (int, int) { return t.p.Cleaned() }
