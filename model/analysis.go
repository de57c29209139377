package model

import (
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
)

// Analysis is what the analysers found in an article: span layers over its
// Text, each sorted by start.
type Analysis struct {
	// Hash is the Hash of the article the analysis is of.
	Hash     string
	Entities []entity.Entity
	// EntityIndex groups Entities into the things they mention, each once
	// with its full name and all its mentions.
	EntityIndex entity.Index
	Claims      []claim.Claim
	// Checkworthiness has one score per sentence, in sentence order.
	Checkworthiness []float64
}
