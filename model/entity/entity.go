// Package entity finds the people, organisations, places, groups, dates and
// numbers an article mentions.
package entity

import "github.com/margin-reader/margin/model/span"

// Label is an entity's type.
type Label string

const (
	Person Label = "PERSON"
	Org    Label = "ORG"
	Place  Label = "PLACE"
	Group  Label = "GROUP"
	Date   Label = "DATE"
	Number Label = "NUMBER"
)

// Labels lists every label in the order the reader shows them.
var Labels = []Label{Person, Org, Place, Group, Date, Number}

// Entity is one mention of an entity in the text.
type Entity struct {
	span.Span
	Label Label
}
