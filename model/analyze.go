package model

import (
	"context"
	"fmt"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// Analyzer finds entities and claims in articles. Load one per process:
// it holds the embedded models. It is safe for concurrent use.
type Analyzer struct {
	tagger *entity.Tagger
	// claims is the claim detector, which loads while the first article
	// is tagged: its lexicon, built at load, took most of what was left
	// of a start-up once the tagger's tables were read in place.
	claims *loading[*claim.Detector]
	// piece is how many bytes of sentences the claim detector reads
	// between two reports of progress: claimPiece but in tests.
	piece int
}

// NewAnalyzer loads the embedded entity model, and starts to load the
// claim model, whose error every analysis returns.
func NewAnalyzer() (*Analyzer, error) {
	claims := inBackground(claim.NewDetector)
	t, err := entity.Load()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return &Analyzer{tagger: t, claims: claims, piece: claimPiece}, nil
}

// loading is a value that loads on a goroutine of its own: done is
// closed once v and err are set, and they are not written after.
type loading[T any] struct {
	done chan struct{}
	v    T
	err  error
}

// inBackground starts load on a goroutine of its own.
func inBackground[T any](load func() (T, error)) *loading[T] {
	l := &loading[T]{done: make(chan struct{})}
	go func() {
		l.v, l.err = load()
		close(l.done)
	}()
	return l
}

// Analyze finds the entities and claims of a.
func (z *Analyzer) Analyze(ctx context.Context, a *Article) (*Analysis, error) {
	return z.AnalyzeProgress(ctx, a, nil)
}

// Progress is told how far an analysis has come, from 0 to 1, and what of
// it is known so far: nil while the entities are tagged, then an Analysis
// with all the entities and the claims and scores of the sentences read so
// far. Each is the start of the next and of the result, and never changes,
// so it may be read while the analysis goes on.
type Progress func(done float64, sofar *Analysis)

// claimPiece is about how many bytes of sentences the claim detector reads
// between two reports of progress and checks of the context: a reload
// cancels an analysis within one piece.
const claimPiece = 1 << 20

// tagShare is the part of an analysis the tagging and the entity index
// take, as measured on 20 MB of text (3.8 s of 6.6); the claims make up
// the rest.
const tagShare = 0.55

// AnalyzeProgress is Analyze, calling progress (when not nil) as the
// analysis goes on and returning ctx's error as soon as it is done. The
// entities come all at once, when the tagger is done (see tagged).
func (z *Analyzer) AnalyzeProgress(ctx context.Context, a *Article, progress Progress) (*Analysis, error) {
	progress = reported(progress)
	sofar, err := tagged(ctx, z.tagger, a, progress)
	if err != nil {
		return nil, err
	}
	d, err := z.waitClaims(ctx)
	if err != nil {
		return nil, err
	}
	return withClaimsFound(ctx, d, z.piece, a, sofar, progress)
}

// waitClaims waits for the claim detector, or for ctx to be done.
func (z *Analyzer) waitClaims(ctx context.Context) (*claim.Detector, error) {
	select {
	case <-z.claims.done:
		if z.claims.err != nil {
			return nil, fmt.Errorf("load claim model: %w", z.claims.err)
		}
		return z.claims.v, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// AnalyzeOnce is AnalyzeProgress with models loaded for this analysis
// alone, each let go as soon as its part is done: the heap peaks while
// the claims are found, and the tagger's pooled work is garbage by then
// (its model and gazetteers are read in place, off the heap). A program
// that analyses many articles loads an Analyzer once instead.
func AnalyzeOnce(ctx context.Context, a *Article, progress Progress) (*Analysis, error) {
	progress = reported(progress)
	sofar, err := taggedOnce(ctx, a, progress)
	if err != nil {
		return nil, err
	}
	d, err := claim.NewDetector()
	if err != nil {
		return nil, fmt.Errorf("load claim model: %w", err)
	}
	return withClaimsFound(ctx, d, claimPiece, a, sofar, progress)
}

// taggedOnce is tagged with a tagger of its own, garbage once it returns.
func taggedOnce(ctx context.Context, a *Article, progress Progress) (*Analysis, error) {
	t, err := entity.Load()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return tagged(ctx, t, a, progress)
}

// reported is progress, or a Progress that ignores its reports if nil.
func reported(progress Progress) Progress {
	if progress == nil {
		return func(float64, *Analysis) {}
	}
	return progress
}

// tagged is the analysis of a's entities, with no claims yet.
//
// The entities come all at once, when the tagger is done: its last pass
// relabels a name and tags it again anywhere in the text by how the whole
// text tags it, so entities found before it may still change (0.7% of
// them on CoNLL-2003 dev).
func tagged(ctx context.Context, t *entity.Tagger, a *Article, progress Progress) (*Analysis, error) {
	progress(0, nil)
	ents, err := t.TagContext(ctx, a.Text, a.Sentences, func(done float64) { progress(tagShare*done, nil) })
	if err != nil {
		return nil, err
	}
	sofar := &Analysis{Hash: a.Hash, Entities: ents, EntityIndex: entity.NewIndex(a.Text, ents)}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	progress(tagShare, sofar)
	return sofar, nil
}

// withClaimsFound is sofar with the claims d finds in a, read piece
// bytes of sentences at a time.
func withClaimsFound(ctx context.Context, d *claim.Detector, piece int, a *Article, sofar *Analysis, progress Progress) (*Analysis, error) {
	run := d.Start(a.Doc, sofar.Entities)
	for next, rest := nextPiece(a.Sentences, piece); len(next) > 0; next, rest = nextPiece(rest, piece) {
		run.Next(next)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sofar = sofar.withClaims(run.Result())
		progress(tagShare+(1-tagShare)*float64(next[len(next)-1].End)/float64(max(len(a.Text), 1)), sofar)
	}
	return sofar.withClaims(run.Result()), nil
}

// withClaims is an with the claims and scores of res.
func (an *Analysis) withClaims(res claim.Result) *Analysis {
	next := *an
	next.Claims, next.Checkworthiness = res.Claims, res.Checkworthiness
	return &next
}

// nextPiece splits off the first sentences of ss that span about size
// bytes, at least one.
func nextPiece(ss []span.Span, size int) (piece, rest []span.Span) {
	if len(ss) == 0 {
		return nil, nil
	}
	n := 1
	for n < len(ss) && ss[n].End-ss[0].Start < size {
		n++
	}
	return ss[:n], ss[n:]
}
