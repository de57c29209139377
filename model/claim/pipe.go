package claim

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// pipeDepth is how many batches of sentences a reader holds read ahead
// or being read, the one the rules take included, and how many batches of
// sentences to score a scorer holds, the one the rules fill included.
const pipeDepth = 3

// pipedSentences is how many sentences a reader reads ahead at a time,
// four times a run in turn's batch (aheadSentences): each batch handed
// over wakes the goroutine at the other end, and at 32 sentences the
// rules waited on the wakes, 38-40 ms a run of BenchmarkAnalyze/claims
// on two cores against 30 ms at 128 (32 at 64 and 256, 29-30 at 512
// with 10 MB allocated a run, not 5).
const pipedSentences = 128

// reader reads the batches of a range of sentences ahead (readAhead)
// into the buffers it is lent, on the helper's goroutine (Run.startPipe),
// while the rules run on the caller's: the reading does not depend on
// what the rules find, and was about a third of the claims' time.
type reader struct {
	// full are the batches read, in order; free the buffers to read the
	// next ones into. Each has room for every buffer, so no send blocks.
	full, free chan *ahead
	// failed is the reading's panic, set before the helper sends nil on
	// full and reads no more.
	failed any
}

// scorer scores batches of sentences (unscored.score) on the helper's
// goroutine, in the order the rules pass them: the scores depend on the
// rules' claims, but the rules of later sentences not on the scores.
type scorer struct {
	// todo are the batches to score, in order; scored those scored, in
	// the same order. Each has room for every buffer, so no send blocks.
	todo, scored chan *unscored
	// idle are the buffers neither the rules nor the scorer hold, and
	// busy how many were passed and are not back.
	idle []*unscored
	busy int
	// done is the helper's goroutine, which ends once todo is closed.
	done sync.WaitGroup
	// failed is the scorer's panic, set before it sends its first nil on
	// scored; it sends nil for each batch passed after.
	failed any
}

// caught is a panic on a reader's or a scorer's goroutine, with that
// goroutine's stack, to panic with again on the caller's: there the
// caller's recover (Bubble Tea's, which gives the terminal back) sees
// it, where a panic on a goroutine of its own ends the program at once.
func caught(p any) any {
	return fmt.Sprintf("%v\n\non the claims' goroutine:\n%s", p, debug.Stack())
}

// pipes reports whether Next reads and scores sentences on goroutines of
// their own: only if a second one may run at once, and the range has
// more than one batch to overlap.
func (r *Run) pipes(sentences []span.Span) bool {
	return len(sentences) > pipedSentences && runtime.GOMAXPROCS(0) > 1
}

// readInTurn finds the claims of sentences, reading each batch ahead
// before its rules run and scoring each batch when it is full.
func (r *Run) readInTurn(sentences []span.Span) {
	r.ahead = &r.aheads[0]
	for i := 0; i < len(sentences); i += aheadSentences {
		batch := sentences[i:min(i+aheadSentences, len(sentences))]
		r.ahead.readAhead(r.d, r.dc, batch)
		r.rules(batch, nil)
	}
}

// readPiped is readInTurn with the batches read and scored on a helper
// goroutine (startPipe). It has ended when readPiped returns, a panic of
// the rules' included, and every score passed is given.
func (r *Run) readPiped(sentences []span.Span) {
	rd, sc := r.startPipe(sentences)
	defer sc.close(r)
	for i := 0; i < len(sentences); i += pipedSentences {
		if r.ahead = <-rd.full; r.ahead == nil {
			panic(rd.failed)
		}
		r.rules(sentences[i:min(i+pipedSentences, len(sentences))], sc)
		rd.free <- r.ahead
	}
}

// startPipe starts one goroutine that reads sentences ahead, a batch at a
// time, into r's buffers, and scores the batches the rules pass, with r's
// buffers but the one the rules fill; until the scorer is closed, only it
// moves r's speakers' leans. One goroutine, not a reader's and a
// scorer's: on two cores a third one runnable waited behind the rules
// until they blocked, so the rules waited on the scores it held (2.4 ms
// of a 30 ms run, go tool trace) and on the batches read (2.7 ms). A
// batch to score goes first: the rules may wait on it, and reading is
// ahead.
func (r *Run) startPipe(sentences []span.Span) (*reader, *scorer) {
	rd := &reader{full: make(chan *ahead, pipeDepth), free: make(chan *ahead, pipeDepth)}
	for i := range r.aheads {
		rd.free <- &r.aheads[i]
	}
	sc := &scorer{todo: make(chan *unscored, pipeDepth), scored: make(chan *unscored, pipeDepth)}
	for i := range r.scoring {
		if u := &r.scoring[i]; u != r.unscored {
			sc.idle = append(sc.idle, u)
		}
	}
	d, dc, spoken := r.d, r.dc, &r.spoken
	sc.done.Go(func() {
		next := 0 // the first sentence not yet read
		for {
			free := rd.free
			if next >= len(sentences) || rd.failed != nil {
				free = nil // nothing left to read: wait for scores alone
			}
			select {
			case u, ok := <-sc.todo:
				if !ok {
					return
				}
				sc.scoreOne(u, d.cw, dc.Text, spoken)
				continue
			default:
			}
			select {
			case u, ok := <-sc.todo:
				if !ok {
					return
				}
				sc.scoreOne(u, d.cw, dc.Text, spoken)
			case a := <-free:
				rd.readOne(a, d, dc, sentences[next:min(next+pipedSentences, len(sentences))])
				next += pipedSentences
			}
		}
	})
	return rd, sc
}

// readOne reads batch into a and hands it to the rules, or nil, with
// the panic in rd.failed, if the reading panics: full has room for it.
func (rd *reader) readOne(a *ahead, d *Detector, dc doc.Doc, batch []span.Span) {
	defer func() {
		if p := recover(); p != nil {
			rd.failed = caught(p)
			rd.full <- nil
		}
	}()
	a.readAhead(d, dc, batch)
	rd.full <- a
}

// scoreOne scores u and hands it back, or nil once a scoring panicked.
func (sc *scorer) scoreOne(u *unscored, cw *checkworthy.Model, text string, spoken *checkworthy.Speakers) {
	if sc.failed == nil {
		sc.failed = scoreCaught(u, cw, text, spoken)
	}
	if sc.failed != nil {
		u = nil
	}
	sc.scored <- u
}

// scoreCaught scores u, returning the panic of the scoring (caught), if
// any.
func scoreCaught(u *unscored, cw *checkworthy.Model, text string, spoken *checkworthy.Speakers) (failed any) {
	defer func() {
		if p := recover(); p != nil {
			failed = caught(p)
		}
	}()
	u.score(cw, text, spoken)
	return nil
}

// pass hands u, full, to the scorer and returns an empty buffer for the
// next sentences: an idle one, or else the oldest scored, once its
// scores are given.
func (sc *scorer) pass(r *Run, u *unscored) *unscored {
	sc.todo <- u
	sc.busy++
	if n := len(sc.idle); n > 0 {
		next := sc.idle[n-1]
		sc.idle = sc.idle[:n-1]
		return next
	}
	next := <-sc.scored
	sc.busy--
	if next == nil {
		panic(sc.failed)
	}
	r.giveScores(next)
	return next
}

// close waits for the batches passed to be scored, gives their scores
// and waits for the scorer's goroutine to end.
func (sc *scorer) close(r *Run) {
	close(sc.todo)
	defer sc.done.Wait() // should giveScores panic
	for ; sc.busy > 0; sc.busy-- {
		if u := <-sc.scored; u != nil {
			r.giveScores(u)
		}
	}
	if sc.failed != nil {
		panic(sc.failed)
	}
}
