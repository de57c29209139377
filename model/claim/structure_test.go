package claim

import (
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

// block is one block of a test document: its kind, and its text or cells.
type block struct {
	kind   doc.BlockKind
	header bool
	text   string
	cells  []string
}

func buildDoc(blocks []block) doc.Doc {
	var b doc.Builder
	for _, bl := range blocks {
		b.StartBlock(doc.Block{Kind: bl.kind, Header: bl.header, Level: 1})
		if bl.cells == nil {
			b.Write(bl.text)
		}
		for _, c := range bl.cells {
			b.StartCell()
			b.Write(c)
			b.EndCell()
		}
		b.EndBlock()
	}
	return b.Doc()
}

// TestStructure checks that the article's structure bounds its claims.
// The cases are written for this test, not taken from the samples.
func TestStructure(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name   string
		blocks []block
		// claims are the texts of the claims with a source, and sources
		// their sources, in order.
		claims, sources []string
	}{
		{"a heading never makes a claim", []block{
			{kind: doc.Heading, text: "Ministers say the bridge is safe"},
		}, nil, nil},
		{"a table header row never makes a claim", []block{
			{kind: doc.TableRow, header: true, cells: []string{"Tonnage reported by the port", "Tonnage claimed by the union"}},
		}, nil, nil},
		{"a cue and its source stay inside one table cell", []block{
			{kind: doc.TableRow, cells: []string{"Dock workers", "say wages fell"}},
		}, nil, nil},
		{"a claim inside one table cell keeps its source", []block{
			{kind: doc.TableRow, cells: []string{"2019", "Auditors said the accounts balanced."}},
		}, []string{"Auditors said the accounts balanced."}, []string{"Auditors"}},
		{"a paragraph after a heading is read on its own", []block{
			{kind: doc.Heading, text: "What the growers told us"},
			{kind: doc.Paragraph, text: "Growers said the frost cost them a harvest."},
		}, []string{"Growers said the frost cost them a harvest."}, []string{"Growers"}},
		{"clauses joined by a semicolon keep their own sources", []block{
			{kind: doc.Paragraph, text: "Fishermen say the quota is too low; regulators insist it protects the stock."},
		}, []string{"Fishermen say the quota is too low", "regulators insist it protects the stock."}, []string{"Fishermen", "regulators"}},
		{"clauses joined by a dash keep their own sources", []block{
			{kind: doc.Paragraph, text: "The mayor said the pool would reopen in May — and the builders insisted it would not."},
		}, []string{"The mayor said the pool would reopen in May", "and the builders insisted it would not."}, []string{"The mayor", "the builders"}},
		{"a horizontal bar is a dash around an aside between two clauses", []block{
			{kind: doc.Paragraph, text: "When the mayor noted that the pool had closed ― as it does every winter ― the builders insisted it would not reopen."},
		}, []string{"When the mayor noted that the pool had closed ― as it does every winter", "the builders insisted it would not reopen."}, []string{"the mayor", "the builders"}},
		{"a dashed aside without a verb of its own keeps one claim", []block{
			{kind: doc.Paragraph, text: "Maria Lopez — the union's negotiator — insisted that no deal was close."},
		}, []string{"Maria Lopez — the union's negotiator — insisted that no deal was close."}, []string{"Maria Lopez"}},
		{"clauses joined by a comma keep their own sources", []block{
			{kind: doc.Paragraph, text: "Police said two men were held overnight, and their lawyer said both would appeal."},
		}, []string{"Police said two men were held overnight", "and their lawyer said both would appeal."}, []string{"Police", "their lawyer"}},
		{"a clause whose speaker is named across asides keeps its own source", []block{
			{kind: doc.Paragraph, text: "The port authority, which runs the quays, voted on Monday to close the pier, after pilots argued that it was unsafe."},
		}, []string{"The port authority, which runs the quays, voted on Monday to close the pier", "after pilots argued that it was unsafe."}, []string{"The port authority", "pilots"}},
		{"a speaker inside what another reports does not cut the sentence", []block{
			{kind: doc.Paragraph, text: "Claims from pilots that the council denied the leak were false, a coastguard officer said."},
		}, []string{"Claims from pilots that the council denied the leak were false, a coastguard officer said."}, []string{"a coastguard officer"}},
		{"clauses joined by a bare conjunction keep their own sources", []block{
			{kind: doc.Paragraph, text: "Nurses said the ward was full although managers insisted beds were free."},
		}, []string{"Nurses said the ward was full", "although managers insisted beds were free."}, []string{"Nurses", "managers"}},
		{"a reporter chain stays one claim", []block{
			{kind: doc.Paragraph, text: "According to the Harbour Gazette, the ferry operator denied the timetable was cut."},
		}, []string{"According to the Harbour Gazette, the ferry operator denied the timetable was cut."}, []string{"the ferry operator"}},
		{"a participle clause stays with its sentence", []block{
			{kind: doc.Paragraph, text: "The guild rejected the offer, calling it an insult to its members."},
		}, []string{"The guild rejected the offer, calling it an insult to its members."}, []string{"The guild"}},
		{"clauses joined by but keep their own sources", []block{
			{kind: doc.Paragraph, text: "The mayor said the tram would open in June, but the contractor warned of delays."},
		}, []string{"The mayor said the tram would open in June", "but the contractor warned of delays."}, []string{"The mayor", "the contractor"}},
		{"clauses joined by as keep their own sources", []block{
			{kind: doc.Paragraph, text: "The mayor announced a new timetable as engineers warned of more delays."},
		}, []string{"The mayor announced a new timetable", "as engineers warned of more delays."}, []string{"The mayor", "engineers"}},
		{"clauses joined by after keep their own sources", []block{
			{kind: doc.Paragraph, text: "Nurses said the ward was full after managers insisted that beds were free."},
		}, []string{"Nurses said the ward was full", "after managers insisted that beds were free."}, []string{"Nurses", "managers"}},
		{"a preposition after a reporting verb does not cut its clause", []block{
			{kind: doc.Paragraph, text: "The ferry company said after the storm that two boats were lost."},
		}, []string{"The ferry company said after the storm that two boats were lost."}, []string{"The ferry company"}},
		{"a relative clause that reports is a claim of its relative pronoun", []block{
			{kind: doc.Paragraph, text: "Okafor, who says the depot is safe, told staff it would close."},
		}, []string{"Okafor, who says the depot is safe", "told staff it would close."}, []string{"who", "Okafor"}},
		{"a reporting relative clause at the end is a claim after its sentence's", []block{
			{kind: doc.Paragraph, text: "“It is over,” said Mr. Berg, who added that talks had failed."},
		}, []string{"“It is over,” said Mr. Berg", "who added that talks had failed."}, []string{"Mr. Berg", "who"}},
		{"a relative clause that reports nothing stays in its sentence", []block{
			{kind: doc.Paragraph, text: "Okafor, who runs the depot, said it would close."},
		}, []string{"Okafor, who runs the depot, said it would close."}, []string{"Okafor"}},
		{"every sentence of a quote signed at its paragraph's end is the signer's", []block{
			{kind: doc.Paragraph, text: "“The ferry is late every week. Nobody answers the phone.” ― Mara Quill"},
		}, []string{"“The ferry is late every week.", "Nobody answers the phone.” ― Mara Quill"}, []string{"Mara Quill", "Mara Quill"}},
		{"every sentence of a transcript's turn is its speaker's", []block{
			{kind: doc.Paragraph, text: "MORGAN: The depot budget is tight. Council officers told me the roof leaks."},
		}, []string{"MORGAN: The depot budget is tight.", "Council officers told me the roof leaks."}, []string{"MORGAN", "MORGAN"}},
		{"a signed quote that opens after its paragraph's start speaks only for itself", []block{
			{kind: doc.Paragraph, text: "The depot closed in May. “We had no choice.” ― Mara Quill"},
		}, []string{"“We had no choice.” ― Mara Quill"}, []string{"Mara Quill"}},
		{"every sentence of a block quote signed on a line of its own is the signer's", []block{
			{kind: doc.Quote, text: "We cannot wait for the next storm. The river will rise again."},
			{kind: doc.Quote, text: "I have seen it twice."},
			{kind: doc.Quote, text: "— Ines Koll, harbour master"},
		}, []string{"We cannot wait for the next storm.", "The river will rise again.", "I have seen it twice."}, []string{"Ines Koll, harbour master", "Ines Koll, harbour master", "Ines Koll, harbour master"}},
		{"a block quote without a signature keeps its own sources", []block{
			{kind: doc.Quote, text: "Ferry crews said the pier was unsafe."},
			{kind: doc.Paragraph, text: "— Ines Koll, harbour master"},
		}, []string{"Ferry crews said the pier was unsafe."}, []string{"Ferry crews"}},
		{"a quoted line that opens with a dash and runs on is no signature", []block{
			{kind: doc.Quote, text: "The pier will close in May."},
			{kind: doc.Quote, text: "— Ines Koll told the board it would reopen."},
		}, []string{"— Ines Koll told the board it would reopen."}, []string{"Ines Koll"}},
		{"an editorial label in capitals before a colon is no speaker", []block{
			{kind: doc.Paragraph, text: "CORRECTION: The harbour board said the pier is safe. Divers added that it would reopen."},
		}, []string{"CORRECTION: The harbour board said the pier is safe.", "Divers added that it would reopen."}, []string{"The harbour board", "Divers"}},
		{"a quotation's sentences before its close are the speaker's named at the close", []block{
			{kind: doc.Paragraph, text: "“The ferry will run all winter. The crew is ready,” said Ines Barros."},
		}, []string{"“The ferry will run all winter.", "The crew is ready,” said Ines Barros."}, []string{"Ines Barros", "Ines Barros"}},
		{"a quotation in straight marks is the speaker's named at its close", []block{
			{kind: doc.Paragraph, text: `"The ferry will run all winter. The crew is ready," Ines Barros said.`},
		}, []string{`"The ferry will run all winter.`, `The crew is ready," Ines Barros said.`}, []string{"Ines Barros", "Ines Barros"}},
		{"a quotation in doubled apostrophes is the speaker's named at its close", []block{
			{kind: doc.Paragraph, text: "''The ferry will run all winter. The crew is ready,'' said Ines Barros."},
		}, []string{"''The ferry will run all winter.", "The crew is ready,'' said Ines Barros."}, []string{"Ines Barros", "Ines Barros"}},
		{"a quotation closed by a stop is the speaker's of the bare sentence after it", []block{
			{kind: doc.Paragraph, text: "“The count was wrong. The ballots were lost.” Marta Lind said."},
		}, []string{"“The count was wrong.", "The ballots were lost.”", "Marta Lind said."}, []string{"Marta Lind", "Marta Lind", "Marta Lind"}},
		{"a speaker's sentence after a quotation that claims more of its own is not the quotation's", []block{
			{kind: doc.Paragraph, text: "“The ballots were lost.” Marta Lind said on Monday that the count had been fixed by the board."},
		}, []string{"Marta Lind said on Monday that the count had been fixed by the board."}, []string{"Marta Lind"}},
		{"a sentence after a quotation that claims more is not its speaker", []block{
			{kind: doc.Paragraph, text: "“The ballots were lost.” The council denied on Monday that any ballot had gone missing."},
		}, []string{"The council denied on Monday that any ballot had gone missing."}, []string{"The council"}},
		{"the quoted sentences after a speaker's quotation are the speaker's", []block{
			{kind: doc.Paragraph, text: "“We lost the vote,” Lind said. “We will appeal.”"},
		}, []string{"“We lost the vote,” Lind said.", "“We will appeal.”"}, []string{"Lind", "Lind"}},
		{"a quotation that runs on into the next paragraph stays the speaker's", []block{
			{kind: doc.Paragraph, text: "“We lost the vote,” Lind said. “The count was wrong."},
			{kind: doc.Paragraph, text: "“We will appeal.”"},
		}, []string{"“We lost the vote,” Lind said.", "“The count was wrong.", "“We will appeal.”"}, []string{"Lind", "Lind", "Lind"}},
		{"a sentence outside quotation marks ends the speaker's quotations", []block{
			{kind: doc.Paragraph, text: "“We lost the vote,” Lind said. The hall emptied slowly. “We will appeal.”"},
		}, []string{"“We lost the vote,” Lind said."}, []string{"Lind"}},
		{"a speaker's quotations stay in their paragraph", []block{
			{kind: doc.Paragraph, text: "“We lost the vote,” Lind said."},
			{kind: doc.Paragraph, text: "“We will appeal.”"},
		}, []string{"“We lost the vote,” Lind said."}, []string{"Lind"}},
		{"a source inside a quotation yields to the quotation's speaker", []block{
			{kind: doc.Paragraph, text: "“The board told us the wall was safe. It was not,” Okafor said."},
		}, []string{"“The board told us the wall was safe.", "It was not,” Okafor said."}, []string{"Okafor", "Okafor"}},
		{"a speaker inside a quotation gives no source to the sentences after", []block{
			{kind: doc.Paragraph, text: "“My lawyer told me the vote was fair. We will appeal anyway.”"},
		}, []string{"“My lawyer told me the vote was fair."}, []string{"My lawyer"}},
		{"a caption before a colon is no speaker of its paragraph", []block{
			{kind: doc.Paragraph, text: "Photo: Harbour workers at dawn. The tide was low."},
		}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dc := buildDoc(tt.blocks)
			res := d.AnalyzeDoc(dc, sentence.Split(dc), nil)
			var claims, sources []string
			for _, c := range res.Claims {
				if c.Source != nil {
					claims = append(claims, c.In(dc.Text))
					sources = append(sources, c.Source.In(dc.Text))
				}
			}
			if !slices.Equal(claims, tt.claims) || !slices.Equal(sources, tt.sources) {
				t.Errorf("claims %q with sources %q, want %q with %q", claims, sources, tt.claims, tt.sources)
			}
		})
	}
}

func TestGerundsAfterAPrepositionReportForTheNamedSpeaker(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name, sentence, person, source string
	}{
		{"reads a gerund after by as a reporting verb", "Ines Koll closed the meeting by saying the pier was unsafe.", "Ines Koll", "Ines Koll"},
		{"does not take the words before the preposition for the speaker", "Per Vik, aside from insisting that pay must rise, left the talks early.", "Per Vik", "Per Vik"},
		{"does not read a gerund after of as a report", "The theme of questioning the count ran through the campaign of Per Vik.", "Per Vik", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := strings.Index(tt.sentence, tt.person)
			ents := []entity.Entity{{Span: span.Span{Start: at, End: at + len(tt.person)}, Label: entity.Person}}
			res := d.Analyze(tt.sentence, []span.Span{{Start: 0, End: len(tt.sentence)}}, ents)
			got := ""
			if len(res.Claims) > 0 && res.Claims[0].Source != nil {
				got = res.Claims[0].Source.In(tt.sentence)
			}
			if got != tt.source {
				t.Errorf("source %q, want %q", got, tt.source)
			}
		})
	}
}

// TestBodyNounSourcesResolveToTheOrganisationTheyName checks that "the
// <noun>" resolves to the nearest organisation whose name holds the noun,
// to the nearest one only for "the agency", and otherwise to none.
func TestBodyNounSourcesResolveToTheOrganisationTheyName(t *testing.T) {
	tests := []struct {
		name, text string
		orgs       []string // ORG entities, each at its first occurrence
		source     string
		resolved   string
	}{
		{"names the council past a later organisation", "Porthaven Town Council met on Monday.\nThe Environment Agency sent a letter.\nThe council said the weir would stay.", []string{"Porthaven Town Council", "Environment Agency"}, "The council", "Porthaven Town Council"},
		{"leaves a council no organisation names unresolved", "The harbour council voted to close the slipway.\nThe Environment Agency sent a letter.\nThe council said the weir would stay.", []string{"Environment Agency"}, "The council", ""},
		{"names the company by its suffix", "Kellan Mills Ltd bought the site.\nThe Harbour Trust objected.\nThe company said jobs would follow.", []string{"Kellan Mills Ltd", "Harbour Trust"}, "The company", "Kellan Mills Ltd"},
		{"leaves the company unresolved without a company name", "Arden Foods closed its bakery in Leith.\nThe company said demand had fallen.", []string{"Arden Foods"}, "The company", ""},
		{"resolves the agency to the nearest organisation", "Staff at the FBI were questioned.\nThe agency said the files were safe.", []string{"FBI"}, "The agency", "FBI"},
		{"prefers the agency that names itself", "The Marine Agency and Dunmore Council met.\nThe agency said the survey was done.", []string{"Marine Agency", "Dunmore Council"}, "The agency", "Marine Agency"},
		{"finds the name in the same sentence", "Dunmore Council closed the road, the council said on Monday.", []string{"Dunmore Council"}, "the council", "Dunmore Council"},
		{"takes a head before a lower-case word", "The Court of Appeals heard the case.\nThe court said the ban was lawful.", []string{"Court of Appeals"}, "The court", "Court of Appeals"},
		{"skips a name whose noun heads nothing", "Supreme Court Justice Ada Vell spoke.\nThe court said the ban was lawful.", []string{"Supreme Court Justice Ada Vell"}, "The court", ""},
	}
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ents []entity.Entity
			for _, o := range tt.orgs {
				at := strings.Index(tt.text, o)
				ents = append(ents, entity.Entity{Span: span.Span{Start: at, End: at + len(o)}, Label: entity.Org})
			}
			var got *Source
			for _, c := range d.Analyze(tt.text, lines(tt.text), ents).Claims {
				if c.Source != nil && c.Source.In(tt.text) == tt.source {
					got = c.Source
				}
			}
			if got == nil {
				t.Fatalf("no claim with source %q", tt.source)
			}
			if r := got.Resolved.In(tt.text); r != tt.resolved {
				t.Errorf("resolved %q, want %q", r, tt.resolved)
			}
		})
	}
}
