package model

import (
	"slices"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// Report is the JSON form of an analysed article that `margin analyze
// --json` prints. Every offset is a UTF-8 byte offset into Text, end
// exclusive; each span's text is repeated for readers of the JSON.
type Report struct {
	File      string           `json:"file"`
	Title     string           `json:"title"`
	Text      string           `json:"text"`
	Sentences []SentenceReport `json:"sentences"`
	Entities  []EntityReport   `json:"entities"`
	// EntitiesIndex lists each thing the entities mention once.
	EntitiesIndex []ThingReport `json:"entities_index"`
	Claims        []ClaimReport `json:"claims"`
}

// SentenceReport is one sentence of a Report.
type SentenceReport struct {
	span.Span
	Checkworthiness float64 `json:"checkworthiness"`
}

// EntityReport is one entity mention of a Report.
type EntityReport struct {
	span.Span
	// ID is the ID of the thing it mentions, shared by all its mentions.
	ID    int    `json:"id"`
	Label string `json:"label"`
	Text  string `json:"text"`
}

// ThingReport is one entity of a Report's index: its full name and how
// many mentions carry its ID.
type ThingReport struct {
	ID       int    `json:"id"`
	Label    string `json:"label"`
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
}

// ClaimReport is one claim of a Report.
type ClaimReport struct {
	span.Span
	Text            string        `json:"text"`
	Kinds           []claim.Kind  `json:"kinds"`
	Cues            []CueReport   `json:"cues"`
	Source          *SourceReport `json:"source"`
	Checkworthiness float64       `json:"checkworthiness"`
}

// CueReport is a cue word of a claim.
type CueReport struct {
	span.Span
	Text string     `json:"text"`
	Kind claim.Kind `json:"kind"`
}

// SourceReport is who a claim is attributed to.
type SourceReport struct {
	span.Span
	Text string `json:"text"`
	Via  string `json:"via"`
	// Resolved is the speaker a pronoun source stands for, if found.
	Resolved *ResolvedReport `json:"resolved,omitempty"`
	// Vague marks a source that names no one ("several reports").
	Vague bool `json:"vague"`
	// ID is the entities_index ID of the entity the source, or the
	// speaker it resolves to, names; 0 (left out) when it names none.
	ID int `json:"id,omitempty"`
}

// ResolvedReport is the earlier mention a pronoun source refers to.
type ResolvedReport struct {
	span.Span
	Text string `json:"text"`
}

// NewReport puts an article and its analysis (which may be nil) in the
// form `margin analyze --json` prints.
func NewReport(a *Article, an *Analysis) Report {
	r := Report{
		File:          a.Name,
		Title:         a.Title,
		Text:          a.Text,
		Sentences:     make([]SentenceReport, len(a.Sentences)),
		Entities:      []EntityReport{},
		EntitiesIndex: []ThingReport{},
		Claims:        []ClaimReport{},
	}
	for i, s := range a.Sentences {
		r.Sentences[i].Span = s
	}
	if an == nil {
		return r
	}
	for i, score := range an.Checkworthiness {
		if i < len(r.Sentences) {
			r.Sentences[i].Checkworthiness = score
		}
	}
	for i := range an.Entities {
		r.Entities = append(r.Entities, entityReport(a.Text, an, i))
	}
	for _, t := range an.EntityIndex.Things {
		r.EntitiesIndex = append(r.EntitiesIndex, thingReport(t))
	}
	for _, c := range an.Claims {
		r.Claims = append(r.Claims, claimReport(a.Text, an, c))
	}
	return r
}

// entityReport is the i-th entity mention of an, with the id of the thing
// it mentions.
func entityReport(text string, an *Analysis, i int) EntityReport {
	e := an.Entities[i]
	er := EntityReport{Span: e.Span, Label: string(e.Label), Text: e.In(text)}
	if i < len(an.EntityIndex.ThingOf) {
		er.ID = an.EntityIndex.Things[an.EntityIndex.ThingOf[i]].ID
	}
	return er
}

func thingReport(t entity.Thing) ThingReport {
	return ThingReport{ID: t.ID, Label: string(t.Label), Name: t.Name, Mentions: len(t.Mentions)}
}

func claimReport(text string, an *Analysis, c claim.Claim) ClaimReport {
	cr := ClaimReport{
		Span:            c.Span,
		Text:            c.In(text),
		Kinds:           slices.Collect(c.Kinds.All()),
		Cues:            make([]CueReport, len(c.Cues)),
		Checkworthiness: c.Checkworthiness,
	}
	if cr.Kinds == nil {
		cr.Kinds = []claim.Kind{}
	}
	for i, cue := range c.Cues {
		cr.Cues[i] = CueReport{Span: cue.Span, Text: cue.In(text), Kind: cue.Kind}
	}
	if c.Source != nil {
		src := c.Source
		cr.Source = &SourceReport{Span: src.Span, Text: src.In(text), Via: src.Via, Vague: src.Vague}
		named := src.Span
		if !src.Resolved.Empty() {
			cr.Source.Resolved = &ResolvedReport{Span: src.Resolved, Text: src.Resolved.In(text)}
			named = src.Resolved
		}
		cr.Source.ID = sourceEntityID(text, an, named)
	}
	return cr
}
