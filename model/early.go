package model

import (
	"context"
	"fmt"

	"github.com/margin-reader/margin/model/entity"
)

// Early is an analysis begun while its article loads. The tagger's first
// reading of the text (how the document writes each word) looks at each
// sentence alone, in text order, so it goes on in the background through
// each part of the article as it is loaded (Add); once the article is
// whole, Finish does the rest. The result is AnalyzeOnce's on the whole
// article: the reading of a part is the same whether or not more text
// follows (entity.Reading).
//
// Add and Finish are called from one goroutine, Finish at most once and
// no Add after it.
type Early struct {
	// latest is the article loaded so far that is not read yet: each is
	// all of the one before and more, so only the latest counts.
	latest chan *Article
	// done is closed once the background reading has stopped; then
	// reading (or err) is set, unless ctx ended it first.
	done    chan struct{}
	cancel  context.CancelFunc
	reading *entity.Reading
	err     error
}

// BeginAnalysis loads the tagger and starts to read the parts of an
// article given to Add, until Finish or Stop, or until ctx is done.
func BeginAnalysis(ctx context.Context) *Early {
	ctx, cancel := context.WithCancel(ctx)
	e := &Early{latest: make(chan *Article, 1), done: make(chan struct{}), cancel: cancel}
	go e.read(ctx)
	return e
}

// read reads each article Add gives, until Finish closes latest or ctx
// is done. The tagger loads with the first, so that an Early begun with
// the first screen costs it nothing.
func (e *Early) read(ctx context.Context) {
	defer close(e.done)
	for {
		select {
		case a, ok := <-e.latest:
			if e.reading == nil && e.err == nil {
				e.begin()
			}
			if !ok || e.err != nil {
				return
			}
			// A reading stopped by ctx is read again by Finish.
			_ = e.reading.Read(ctx, a.Text, a.Sentences)
		case <-ctx.Done():
			return
		}
	}
}

// begin loads the tagger and begins its reading.
func (e *Early) begin() {
	t, err := entity.Load()
	if err != nil {
		e.err = fmt.Errorf("load entity model: %w", err)
		return
	}
	e.reading = t.Begin()
}

// Add gives the article loaded so far, which grows the one given before
// by appending; it never waits for the reading.
func (e *Early) Add(a *Article) {
	select {
	case <-e.latest:
	default:
	}
	e.latest <- a
}

// Finish is AnalyzeOnce on the whole article a, with what the background
// reading has read of it.
func (e *Early) Finish(ctx context.Context, a *Article, progress Progress) (*Analysis, error) {
	defer e.cancel()
	close(e.latest)
	select {
	case <-e.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if e.err != nil {
		return nil, e.err
	}
	if e.reading == nil {
		// Stopped before it began.
		e.begin()
		if e.err != nil {
			return nil, e.err
		}
	}
	progress = reported(progress)
	r := e.reading
	// The tagger and its work are garbage once the entities are in.
	e.reading = nil
	sofar, err := tagged(ctx, r, a, progress)
	if err != nil {
		return nil, err
	}
	return withClaimsOnce(ctx, a, sofar, progress)
}

// Stop stops the background reading; a Finish after it reads the text
// again.
func (e *Early) Stop() { e.cancel() }
