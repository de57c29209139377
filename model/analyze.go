package model

import (
	"context"
	"fmt"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
)

// Analyzer finds entities and claims in articles. Load one per process:
// it holds the embedded models. It is safe for concurrent use.
type Analyzer struct {
	tagger *entity.Tagger
	claims *claim.Detector
}

// NewAnalyzer loads the embedded entity and claim models.
func NewAnalyzer() (*Analyzer, error) {
	t, err := entity.Load()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	d, err := claim.NewDetector()
	if err != nil {
		return nil, fmt.Errorf("load claim model: %w", err)
	}
	return &Analyzer{tagger: t, claims: d}, nil
}

// Analyze finds the entities and claims of a.
func (z *Analyzer) Analyze(ctx context.Context, a *Article) (*Analysis, error) {
	ents := z.tagger.Tag(a.Text, a.Sentences)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := z.claims.AnalyzeDoc(a.Doc, a.Sentences, ents)
	return &Analysis{Hash: a.Hash, Entities: ents, EntityIndex: entity.NewIndex(a.Text, ents), Claims: res.Claims, Checkworthiness: res.Checkworthiness}, ctx.Err()
}
