package claim

import (
	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// blockSpeakers returns the speaker of every block of dc (speakerOf),
// empty for a block that has none.
func (d *Detector) blockSpeakers(dc doc.Doc, ents []entity.Entity) []span.Span {
	out := make([]span.Span, len(dc.Blocks))
	var sc scratch
	for i := range dc.Blocks {
		out[i] = d.speakerOf(dc.Text, dc.Blocks, i, ents, &sc)
	}
	return out
}

// askersOf tallies the sentences and questions of every speaker's turns
// in dc ("WALLACE: ..."), speakers by block, read before the first
// sentence is scored: a speaker who asks (a moderator, the reporters at a
// press conference) is known only from their turns together, and their
// sentences score lower (checkworthy.Model.Asked). A text without turns
// tallies nothing.
func askersOf(dc doc.Doc, speakers []span.Span) checkworthy.Askers {
	var a checkworthy.Askers
	for i, sp := range speakers {
		if sp.Empty() {
			continue
		}
		// A turn names its speaker at its start; a signed quote's signer
		// stands in a block after it.
		said := dc.Blocks[i].Span
		if said.Start <= sp.Start && sp.End <= said.End {
			said.Start = sp.End
		}
		a.Add(dc.Text[sp.Start:sp.End], dc.Text[said.Start:said.End])
	}
	return a
}
