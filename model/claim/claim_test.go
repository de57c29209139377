package claim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

func newDetector(t testing.TB) *Detector {
	t.Helper()
	d, err := NewDetector()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// lines returns one sentence per non-empty line, as the test articles are
// written.
func lines(text string) []span.Span {
	var out []span.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, span.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// analyzeOne returns the claim found in a one-sentence text, if any.
func analyzeOne(t *testing.T, d *Detector, text string) (Claim, bool) {
	t.Helper()
	res := d.Analyze(text, []span.Span{{Start: 0, End: len(text)}}, nil)
	if len(res.Claims) == 0 {
		return Claim{}, false
	}
	return res.Claims[0], true
}

func TestRules(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name     string
		sentence string
		kinds    []Kind // nil: not a claim
		cues     []string
		source   string
		via      string
	}{
		{"attributes a postposed speaker", "The talks failed, a senior diplomat said.", []Kind{Attributed}, []string{"said"}, "a senior diplomat", ""},
		{"attributes a subject before the verb", "The ministry claimed that the border was secure.", []Kind{Attributed}, []string{"claimed"}, "The ministry", ""},
		{"keeps the reporter of an according-to chain", "According to Le Monde, a government adviser denied the plan existed.", []Kind{Attributed, Disputed}, []string{"According to", "denied"}, "a government adviser", "Le Monde"},
		{"takes the according-to source when no one else speaks", "According to the census, the town has grown.", []Kind{Attributed}, []string{"According to"}, "the census", ""},
		{"skips a relative clause between subject and verb", "On Monday, the newspaper, which cited two aides, reported that talks had stalled.", []Kind{Attributed}, []string{"reported"}, "the newspaper", ""},
		{"skips a dashed aside between subject and verb", "Maria Lopez - the union's negotiator - insisted that no deal was close.", []Kind{Attributed}, []string{"insisted"}, "Maria Lopez", ""},
		{"takes the relative pronoun for the source of a relative clause", "Germany, which says its exports are stable, raised taxes.", []Kind{Attributed}, []string{"says"}, "which", ""},
		{"reads a two-word reporting verb", "Speaking to reporters, Jones pointed out that prices had peaked.", []Kind{Attributed}, []string{"pointed out"}, "Jones", ""},
		{"attributes an inverted speaker after a quote", `"We will not retreat," said the general.`, []Kind{Attributed, Prediction}, []string{"said", "will"}, "the general", ""},
		{"keeps an appositive with the name", "His spokesman, Ali Demir, said the report was wrong.", []Kind{Attributed}, []string{"said"}, "His spokesman, Ali Demir", ""},
		{"keeps a name with its age after a quote", `"The pier is unsafe," Tove Brandt, 63, said.`, []Kind{Attributed}, []string{"said"}, "Tove Brandt, 63", ""},
		{"takes the name, not its age, before a relative clause", "Okafor, 48, who has run the depot since 2009, told staff it would close.", []Kind{Attributed}, []string{"told"}, "Okafor", ""},
		{"takes a name and its aside over the object after the verb", "Lena Dahl, the port's harbour master, noted the change at a meeting last week.", []Kind{Attributed}, []string{"noted"}, "Lena Dahl, the port's harbour master", ""},
		{"takes a possessive before a cue with a complement for the source", "Turnout fell, contrary to his claim that voters were angry.", []Kind{Attributed}, []string{"claim"}, "his", ""},
		{"reads a newsroom's label before a colon as no cue", "Publisher's note: the ferry timetable changes in May.", nil, nil, "", ""},
		{"does not take a possessive before a word that describes a noun", "The night closed with her emotional rendition of the anthem.", nil, nil, "", ""},
		{"does not take a word after an opening quote for a speaker", "Contrary to his hope that people would ''learn nothing,'' the files were long.", []Kind{Attributed}, []string{"hope"}, "his", ""},
		{"takes the name that opens asides before a relative clause", "Jo Ames, 61, of Dover, Del., who runs the depot, said the pier was unsafe.", []Kind{Attributed}, []string{"said"}, "Jo Ames", ""},
		{"takes the owner of a learned noun cue for the source", "The dam held, despite the engineer's assertion that it was weak.", []Kind{Attributed}, []string{"assertion"}, "the engineer's", ""},
		{"does not take a possessive inside what another verb reports for the source", "On Monday they closed the file by announcing that the mayor's claim was false.", []Kind{Disputed}, []string{"false"}, "", ""},
		{"ends a passive's agent before a phrase of manner", "The levy was approved by the council with little debate.", []Kind{Attributed}, []string{"approved"}, "the council", ""},
		{"takes the agent of a passive after a short complement", "The mayor has been called a liar by the harbour pilots.", []Kind{Attributed}, []string{"called"}, "the harbour pilots", ""},
		{"takes a share of a relative's antecedent for the source", "Pay is low for the ferry crews, many of whom say they will strike.", []Kind{Attributed, Prediction}, []string{"say", "will"}, "many of whom", ""},
		{"reads two names joined by a slash as one", "Jones, appearing at the BBC/ITV forum, cited delays in the North, Wales and elsewhere that he blamed on the board.", []Kind{Attributed}, []string{"cited", "blamed"}, "Jones", ""},
		{"takes the speaker outside a quote over a verb inside it", "Ruiz went on: “The board is saying the pier is safe.”", []Kind{Attributed}, []string{"went"}, "Ruiz", ""},
		{"reads a learned word before a that-clause as a report", "The union charges that managers hid the accounts.", []Kind{Attributed}, []string{"charges"}, "The union", ""},
		{"reads a learned participle before a that-clause as a report", "Auditors have also discovered that two ledgers were missing.", []Kind{Attributed}, []string{"discovered"}, "Auditors", ""},
		{"does not read a conjunction with that as a report", "The ferry ran late given that the crew was ill.", nil, nil, "", ""},
		{"does not read a noun after a number before that as a report", "It was in the last 50 years that the harbour has silted up.", nil, nil, "", ""},
		{"does not take a thing before a learned verb and a count for a speaker", "The lake now supports perhaps 3,000 trout.", []Kind{Hedged, Statistical}, []string{"perhaps", "3,000"}, "", ""},
		{"takes a body before a learned verb and a count for a speaker", "The union now supports 40 percent of the plan.", []Kind{Attributed, Statistical}, []string{"supports", "40 percent"}, "The union", ""},
		{"takes people named by their plural before a learned verb and a count", "Farmers now support perhaps 60% of the scheme.", []Kind{Attributed, Hedged, Statistical}, []string{"support"}, "Farmers", ""},
		{"takes the pronoun of a contraction for the source", "She’s claimed the dam was unsafe.", []Kind{Attributed}, []string{"claimed"}, "She", ""},
		{"takes a subject pronoun, not the words after it, for the source", "They in the valley always insisted the levy was temporary.", []Kind{Attributed}, []string{"insisted"}, "They", ""},
		{"cuts a participle phrase after the subject's noun", "Residents living near the plant said the air smelled of sulphur.", []Kind{Attributed}, []string{"said"}, "Residents", ""},
		{"keeps a participle before the subject's noun", "The leading economists said growth would slow.", []Kind{Attributed}, []string{"said"}, "The leading economists", ""},
		{"takes the name that opens the clause for a participle after a comma", "On Friday, Mayor Lund waded in early, calling the levy a scandal.", []Kind{Attributed}, []string{"calling"}, "Mayor Lund", ""},
		{"still takes an inverted speaker after a clause", "The talks had failed, said a diplomat.", []Kind{Attributed}, []string{"said"}, "a diplomat", ""},
		{"takes a pronoun right before the verb as the whole speaker", "It has raised £1.4 million towards the £2.1 million it says the work would cost.", []Kind{Attributed, Statistical}, []string{"says", "2.1 million"}, "it", ""},
		{"does not swallow an amount into the speaker after it", "The work needs the £3 million the council says it lacks.", []Kind{Attributed, Statistical}, []string{"says", "3 million"}, "the council", ""},
		{"keeps a pronoun after a preposition in the speaker", "People close to it say the deal is off.", []Kind{Attributed}, []string{"say"}, "People close to it", ""},
		{"flags a vague plural source", "Several reports suggest that the factory has closed.", []Kind{Attributed}, []string{"suggest"}, "Several reports", ""},
		{"treats a passive report as hedged, not attributed", "It was reported that the minister resigned.", []Kind{Hedged}, []string{"was reported"}, "", ""},
		{"attributes a passive with an agent", "The figures were disputed by the central bank.", []Kind{Attributed, Disputed}, []string{"disputed"}, "the central bank", ""},
		{"flags denial words", "The story is disinformation, and nothing more.", []Kind{Disputed}, []string{"disinformation"}, "", ""},
		{"takes called as a reporting verb", "The embassy called the story disinformation.", []Kind{Attributed, Disputed}, []string{"called", "disinformation"}, "The embassy", ""},
		{"flags a modal hedge", "The virus might spread to other regions.", []Kind{Hedged}, []string{"might"}, "", ""},
		{"flags speculation", "The visit prompted speculation about a merger.", []Kind{Hedged, Causal}, []string{"prompted", "speculation"}, "", ""},
		{"flags an approximate number", "Nearly 600 civilians have been killed.", []Kind{Statistical}, []string{"Nearly 600"}, "", ""},
		{"flags a percentage", "Unemployment fell to 4.5 percent.", []Kind{Statistical}, []string{"4.5 percent"}, "", ""},
		{"flags money", "The bridge cost $40 to build per car.", []Kind{Statistical}, []string{"40"}, "", ""},
		{"flags a prediction with will", "The company will cut 300 jobs.", []Kind{Statistical, Prediction}, []string{"will", "300"}, "", ""},
		{"flags an expected event", "Inflation is expected to ease.", []Kind{Prediction}, []string{"is expected"}, "", ""},
		{"flags a causal connective", "Prices rose because of the drought.", []Kind{Causal}, []string{"because of"}, "", ""},
		{"does not flag a plain statement", "The West is pulling all stops to support Ukraine.", nil, nil, "", ""},
		{"does not flag an ordinal date", "The invasion has entered its third week now.", nil, nil, "", ""},
		{"does not take politically charged as a hedge", "The debate became politically charged.", nil, nil, "", ""},
		{"does not take a criminal record as a hedge", "The suspect's brother has a criminal record.", nil, nil, "", ""},
		{"does not take the month May as a hedge", "The vote was held in May.", nil, nil, "", ""},
		{"does not take a date in May as a hedge", "Parliament met on 5 May.", nil, nil, "", ""},
		{"does not take military might as a hedge", "The parade was a display of the country's military might.", nil, nil, "", ""},
		{"does not take political will as a prediction", "The reform lacks political will.", nil, nil, "", ""},
		{"does not take the name Will as a prediction", "Will Harding opened the meeting.", nil, nil, "", ""},
		{"does not take led by as causal", "Led by the US, the allies sent aid.", nil, nil, "", ""},
		{"does not take due to arrive as causal", "The envoy is due to arrive on Friday.", nil, nil, "", ""},
		{"does not take denied entry as a denial", "The reporter was denied entry to the hall.", nil, nil, "", ""},
		{"does not take claimed lives as a claim", "The flood claimed the lives of farmers.", nil, nil, "", ""},
		{"does not take a noun claims as a verb", "The claims on the estate were settled.", nil, nil, "", ""},
		{"does not take as soon as possible as a hedge", "Aid was sent as soon as possible.", nil, nil, "", ""},
		{"does not take a clock time or a year as a statistic", "The talks start at 10.30 am and end in 2024.", nil, nil, "", ""},
		{"does not take a small count as a statistic", "The two sides held 3 rounds of talks.", nil, nil, "", ""},
		{"does not take all told as a report", "All told, the hearing lasted an hour.", nil, nil, "", ""},
		{"does not take a what-headline as attributed", "IV. What the farmers say", nil, nil, "", ""},
		{"does not take a why-question as attributed", "Why do officials say the numbers are wrong?", nil, nil, "", ""},
		{"does not take a how-clause as attributed", "This is how the farmers say it.", nil, nil, "", ""},
		{"takes the speaker after the verb in X, said Y", "Heat alone does not kill the virus, said Dr. Lena Park.", []Kind{Attributed}, []string{"said"}, "Dr. Lena Park", ""},
		{"keeps a title and an initial in a name", "Sen. Oren J. Tully argued that the tax was unfair.", []Kind{Attributed}, []string{"argued"}, "Sen. Oren J. Tully", ""},
		{"keeps a role before a name", "Spokesman Idris Vale said the road would reopen.", []Kind{Attributed}, []string{"said"}, "Spokesman Idris Vale", ""},
		{"takes the name before a long appositive", "Marta Quint, a hydrologist at the regional water authority in the north, said the dam was sound.", []Kind{Attributed}, []string{"said"}, "Marta Quint", ""},
		{"takes the name before a relative clause aside", "Ravi Menon, who ran the port for a decade, said the cranes were idle.", []Kind{Attributed}, []string{"said"}, "Ravi Menon", ""},
		{"reads a verb that calls for something", "The union is calling for a new vote on the contract.", []Kind{Attributed}, []string{"calling"}, "The union", ""},
		{"reads urges as a reporting verb", "The regulator urges banks to hold more capital.", []Kind{Attributed}, []string{"urges"}, "The regulator", ""},
		{"reads warned as a reporting verb", "Doctors warned that the clinic would close.", []Kind{Attributed}, []string{"warned"}, "Doctors", ""},
		{"takes a transcript speaker before a colon", "MODERATOR: Please answer the question.", []Kind{Attributed}, []string{":"}, "MODERATOR", ""},
		{"takes a speaker signed after a quote", "“We rebuild every winter.” ― Ana Ruiz", []Kind{Attributed}, []string{"―"}, "Ana Ruiz", ""},
		{"flags some experts as vague", "Some experts believe the drought will last.", []Kind{Attributed, Prediction}, []string{"believe"}, "Some experts", ""},
		{"does not take a noun report as a verb", "The report on the dam was published in the spring.", nil, nil, "", ""},
		{"does not take a noun plan after a name as a prediction", "A European Union plan to cut tariffs was shelved.", nil, nil, "", ""},
		{"does not take a possessive's plan as a prediction", "The council's plan to sell the park was shelved.", nil, nil, "", ""},
		{"hedges a negated clarity word", "It was not obvious who had paid the bill.", []Kind{Hedged}, []string{"not obvious"}, "", ""},
		{"hedges a negation with an adverb between", "The cause wasn't immediately known.", []Kind{Hedged}, []string{"wasn't immediately known"}, "", ""},
		{"does not take a noun might before a verb as a hedge", "Naval might was on show at the parade.", nil, nil, "", ""},
		{"keeps a plural possessive inside a name", "The River Pilots' Guild disputes the survey.", []Kind{Attributed, Disputed}, []string{"disputes"}, "The River Pilots' Guild", ""},
		{"does not take a participle after a noun as a report", "A memo written for the board was leaked on Friday.", nil, nil, "", ""},
		{"does not take a participle after an adverb before its noun as a report", "The pilots acted on newly released figures from the port.", nil, nil, "", ""},
		{"does not take a clause before a comma as a speaker", "The bill now goes to the senate, expected to pass in May.", []Kind{Prediction}, []string{"expected to"}, "", ""},
		{"does not take a caption before a colon as a speaker", "Photo: Harbour workers at dawn.", nil, nil, "", ""},
		{"does not take a link label before a colon as a speaker", "Read more: The storm in numbers", nil, nil, "", ""},
		{"does not take the day after the verb for the speaker", `"The ferry stays in port," harbour master Ines Koll said Thursday.`, []Kind{Attributed}, []string{"said"}, "harbour master Ines Koll", ""},
		{"does not take last week after the verb for the speaker", "The quarry is closing, its owner said last week.", []Kind{Attributed}, []string{"said"}, "its owner", ""},
		{"does not take a phrase that opens with a day for the speaker", "Councillor Ana Brie (Lab), the ward's member, called Monday for a recount.", []Kind{Attributed}, []string{"called"}, "Councillor Ana Brie", ""},
		{"takes the subject before a participle after a comma for the speaker", "The harbour board, which runs the port, rejected the bid on Friday, saying it was too low.", []Kind{Attributed, Disputed}, []string{"rejected", "saying"}, "The harbour board", ""},
		{"skips a dated phrase between a relative pronoun and its verb", "Residents who in 2019 said the pier was unsafe have moved.", []Kind{Attributed}, []string{"said"}, "who", ""},
		{"attributes a passive with an adverb before the participle to its agent", "The closure was first reported by the Harbour Gazette.", []Kind{Attributed}, []string{"reported"}, "the Harbour Gazette", ""},
		{"cuts an over-long subject before its first preposition", "The new survey of the farmers taken by the three harbour newspapers over the past two weeks suggests the mayor is ahead.", []Kind{Attributed}, []string{"suggests"}, "The new survey", ""},
		{"takes the owner of a claim noun for its source", "Ines Koll’s claim that the pier was safe is under review.", []Kind{Attributed}, []string{"claim"}, "Ines Koll’s", ""},
		{"takes the owner with its article for the source", "The president's claims about the pier are under review.", []Kind{Attributed}, []string{"claims"}, "The president's", ""},
		{"prefers a verb with a subject to a claim noun's owner", "Critics say the mayor’s claims are unfounded.", []Kind{Attributed, Disputed}, []string{"say"}, "Critics", ""},
		{"keeps and or of inside a name before its asides", "Department of Ports and Harbours, the agency that runs the quays, said the cranes were idle.", []Kind{Attributed}, []string{"said"}, "Department of Ports and Harbours", ""},
		{"does not take added with a count as speech", "The army added 3 divisions along the border.", nil, nil, "", ""},
		{"takes the antecedent of a relative clause inside the subject", "One of the pilots who signed the letter called the pier unsafe.", []Kind{Attributed}, []string{"called"}, "One of the pilots", ""},
		{"does not take a participle's clause after a comma for a speaker", "Mayor Lund is defending the levy, saying it shows the town can pay.", []Kind{Attributed}, []string{"defending", "saying"}, "Mayor Lund", ""},
		{"takes the name that opens a run of asides, not the last aside", "Ines Koll, a planner who works with Harbour Watch, a tenants group, said the quay was sinking.", []Kind{Attributed}, []string{"said"}, "Ines Koll", ""},
		{"takes the speaker of the verb that reports, not the subject of what is reported", "Harbour master Ines Koll, in a letter sent to the council on Monday, said she appreciates the inquiry.", []Kind{Attributed}, []string{"said"}, "Harbour master Ines Koll", ""},
		{"takes an inverted speaker followed by a relative clause", "“The pier is safe,” said a harbour engineer who asked not to be named.", []Kind{Attributed}, []string{"said"}, "a harbour engineer", ""},
		{"does not take there for a speaker", "There appeared to be no plan for the harbour.", []Kind{Hedged}, []string{"appeared to"}, "", ""},
		{"takes a lone quantifier for a vague speaker", "Several said the levy was too high.", []Kind{Attributed}, []string{"said"}, "Several", ""},
		{"takes a rounded share of those asked for the speaker", "About 40 percent said the ferry should keep running.", []Kind{Attributed, Statistical}, []string{"said"}, "About 40 percent", ""},
		{"takes the name after a leading and, before its party tag and aside", "And Sen. Ada Brenner (R-Ore.), a member of the ports committee, said the dredging would wait.", []Kind{Attributed}, []string{"said"}, "Sen. Ada Brenner", ""},
		{"takes the name after an opening adverb and before its aside", "However, Jill A. Marten, vice president and assistant general counsel for the harbour board, said the lease was valid.", []Kind{Attributed}, []string{"said"}, "Jill A. Marten", ""},
		{"takes the relative pronoun over the subject of what its clause reports", "The vote went against Councillor Brie, who said she intended to appeal.", []Kind{Attributed}, []string{"said"}, "who", ""},
		{"takes the poll that opens a sentence for its source", "In the latest Gazette/Harbour Radio survey, the ferry scheme leads the bridge by 12 points.", []Kind{Attributed}, []string{"In"}, "the latest Gazette/Harbour Radio survey", ""},
		{"does not take a place that opens a sentence for a source", "In the harbour, the pilots waited for the tide.", nil, nil, "", ""},
		{"keeps a name's plural possessive inside its aside", "Ana Ruiz, Peters’ campaign manager, said the count was fair.", []Kind{Attributed}, []string{"said"}, "Ana Ruiz, Peters’ campaign manager", ""},
		{"takes the antecedent of a that-clause inside the subject", "Insurers that had covered the quay agreed to pay for the repairs.", []Kind{Attributed}, []string{"agreed"}, "Insurers", ""},
		{"takes the main clause's subject for an opening perfect participle", "Having said that, the harbour master insisted the pier would reopen.", []Kind{Attributed}, []string{"said", "insisted"}, "the harbour master", ""},
		{"takes the sentence's subject, not a lone adjective in -ing, for a speaker", "The audit was damning, scathing, said nothing new.", []Kind{Attributed}, []string{"said"}, "The audit", ""},
		{"takes the clause's subject, not a lone participle, for a later participle", "The mayor was back to praising the quay, while taking aim at the pilots.", []Kind{Attributed}, []string{"taking"}, "The mayor", ""},
		{"keeps a name that ends in -ing for a speaker", "Beijing says the talks will go on.", []Kind{Attributed, Prediction}, []string{"says"}, "Beijing", ""},
		{"keeps a noun in -ing after a determiner for a speaker", "That polling shows the levy is unpopular.", []Kind{Attributed}, []string{"shows"}, "polling", ""},
		{"does not take the subject of a passive with a floated quantifier for its speaker", "Ines Koll and Bo Lund were both named harbour masters of the year.", nil, nil, "", ""},
		{"takes the agent of a passive joined by and to another", "The toll plan was praised and endorsed by the harbour board.", []Kind{Attributed}, []string{"praised"}, "the harbour board", ""},
		{"ends the agent of a passive before a second passive joined to it", "The toll plan was criticised by the pilots and mocked by the traders.", []Kind{Attributed}, []string{"criticised"}, "the pilots", ""},
		{"does not take a verb after a passive and and for a passive", "The mayor was asked about the toll and said it would stay.", []Kind{Attributed}, []string{"said"}, "The mayor", ""},
		{"takes the agent of a passive with a floated quantifier", "The pilots were all praised by the harbour board.", []Kind{Attributed}, []string{"praised"}, "the harbour board", ""},
		{"takes the subject of a relative clause without its that, not the noun it describes", "The quay is sound, a claim the harbour board has repeated all year.", []Kind{Attributed}, []string{"repeated"}, "the harbour board", ""},
		{"takes the subject of a that-less relative clause after a dash", "Rents fell — a figure the housing agency has defended.", []Kind{Attributed}, []string{"defended"}, "the housing agency", ""},
		{"takes the sentence's subject for a gerund after by", "The ferry board ended the row by saying the timetable would stay.", []Kind{Attributed}, []string{"saying"}, "The ferry board", ""},
		{"takes the main clause's subject for a gerund clause that opens the sentence", "After insisting the dock was safe, the harbour master closed it.", []Kind{Attributed}, []string{"insisting"}, "the harbour master", ""},
		{"gives a verb joined by and the subject of the verb before it", "The union has fought the levy for years and insisted it would hurt trade.", []Kind{Attributed}, []string{"insisted"}, "The union", ""},
		{"gives a verb after but the subject of the verb before it", "The mayor did not name the firm, but told staff the pier would close.", []Kind{Attributed}, []string{"told"}, "The mayor", ""},
		{"does not take what a participle after a comma cites for a speaker", "The Gazette, citing internal documents, reported that the pier would close.", []Kind{Attributed}, []string{"reported"}, "The Gazette", ""},
		{"takes the subject of be for an adjective of a view", "The harbour board is skeptical of the toll plan.", []Kind{Attributed}, []string{"skeptical"}, "The harbour board", ""},
		{"takes the subject of be for an adjective of a view after an adverb", "The harbour board was especially skeptical of the toll plan.", []Kind{Attributed}, []string{"skeptical"}, "The harbour board", ""},
		{"takes the subject of be for the participle of a feeling", "The pilots are worried about the new quay.", []Kind{Attributed}, []string{"worried"}, "The pilots", ""},
		{"does not take an empty it before an adjective of a view for a speaker", "It is unclear whether the quay will reopen.", []Kind{Hedged, Prediction}, nil, "", ""},
		{"takes both alone for the speakers", "Both said the ferry should keep running.", []Kind{Attributed}, []string{"said"}, "Both", ""},
		{"takes the noun after with for the subject of its participle", "The vote went ahead, with the pilots' union calling it a sham.", []Kind{Attributed}, []string{"calling"}, "the pilots' union", ""},
		{"takes a name before its party tag for the subject of a participle after a comma", "Sen. Ada Brenner (R-Ore.) on Monday attacked the levy, saying it would hurt trade.", []Kind{Attributed}, []string{"saying"}, "Sen. Ada Brenner", ""},
		{"takes the pronoun after an opening adverb for the subject of a participle after a comma", "Then he turned on the board, calling its plan reckless.", []Kind{Attributed}, []string{"calling"}, "he", ""},
		{"takes the subject of the verb that governs an infinitive cue", "The harbour board plans to oppose the new toll.", []Kind{Attributed, Prediction}, []string{"oppose"}, "The harbour board", ""},
		{"does not take a place after to for a report", "The ferry runs to Dover twice a day.", nil, nil, "", ""},
		{"does not take the subject of an adjective of ease for a speaker", "The figures are invented, so the numbers in it are safe to argue with.", nil, nil, "", ""},
		{"takes the subject of a verb of wanting for its source", "The ferry company wants the old pier removed.", []Kind{Attributed}, []string{"wants"}, "The ferry company", ""},
		{"gives the end of a quote opened in a sentence before to the quote's speaker", "We are looking at the needs of the pilots,\" Ines Koll said.", []Kind{Attributed}, []string{"said"}, "Ines Koll", ""},
		{"gives a quote's verbs of wanting to the quote's speaker", "“They want to close the pier for good,” he said.", []Kind{Attributed}, []string{"said"}, "he", ""},
		{"leaves an adverb between the subject and its verb out of the source", "My father often told me the pier was unsafe.", []Kind{Attributed}, []string{"told"}, "My father", ""},
		{"takes a relative that after a noun for the speaker", "The tenants formed a group that opposes the new quay.", []Kind{Attributed}, []string{"opposes"}, "that", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := analyzeOne(t, d, tt.sentence)
			if tt.kinds == nil {
				if ok {
					t.Fatalf("flagged %v with cues %v", c.Kinds, cueTexts(tt.sentence, c))
				}
				return
			}
			if !ok {
				t.Fatal("not flagged")
			}
			if !slices.Equal(slices.Collect(c.Kinds.All()), tt.kinds) {
				t.Errorf("kinds %v, want %v", c.Kinds, tt.kinds)
			}
			got := cueTexts(tt.sentence, c)
			for _, want := range tt.cues {
				if !slices.Contains(got, want) {
					t.Errorf("cues %q lack %q", got, want)
				}
			}
			var src, via string
			if c.Source != nil {
				src, via = c.Source.In(tt.sentence), c.Source.Via
			}
			if src != tt.source || via != tt.via {
				t.Errorf("source %q via %q, want %q via %q", src, via, tt.source, tt.via)
			}
		})
	}
}

func cueTexts(text string, c Claim) []string {
	var out []string
	for _, q := range c.Cues {
		out = append(out, q.In(text))
	}
	return out
}

func TestPronounSources(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name     string
		text     string
		resolved []string // per claim with a pronoun source, in order
	}{
		{"resolves he to the last speaker", "A spokesman for the ministry denied the report.\nHe said the figures were old.", []string{"A spokesman for the ministry"}},
		{"resolves she past an organisation", "Jane Okoro said talks would go on.\nThe union said it was ready.\nShe added that a deal was close.", []string{"Jane Okoro"}},
		{"resolves they to a plural source", "Jane Okoro said talks would go on.\nOfficials said the budget was tight.\nThey warned that cuts could follow.", []string{"Officials"}},
		{"resolves it to an organisation", "The company said sales rose.\nIt said it had hired 200 people.", []string{"The company"}},
		{"resolves it to a speaker named again at the start of a sentence", "The trust said the run could end.\nThe agency said the sea was to blame.\nThe trust wants the weir removed.\nIt says the work would cost more.", []string{"The trust"}},
		{"resolves it past an amount before it", "The trust said the run could end.\nIt has raised £1.4 million towards the £2.1 million it says the work would cost.", []string{"The trust"}},
		{"does not take a longer word for a speaker named again", "Tallis said the run could end.\nThe agency said the sea was to blame.\nTallisker wants the weir removed.\nIt says the work would cost more.", []string{"The agency"}},
		{"leaves a pronoun with no earlier speaker unresolved", "He said nothing had changed.", []string{""}},
		{"does not resolve he to the writer's I", "Jane Okoro said talks would go on.\nI think the talks will fail.\nHe said the figures were old.", []string{"", "Jane Okoro"}},
		{"resolves a possessive source like its pronoun", "Jane Okoro said talks would go on.\nThe strike went ahead, despite her claim that a deal was close.", []string{"Jane Okoro"}},
		{"resolves which to the noun before it", "Germany, which says its exports are stable, raised taxes.", []string{"Germany"}},
		{"resolves who to the noun phrase after a preposition", "The report went to the two mayors, who said the figures were wrong.", []string{"the two mayors"}},
		{"resolves they past a singular thing to a plural", "The harbour trust said the run could end.\nThe engineers said the weir was old.\nThe survey of the estuary showed silt.\nThey warned that dredging would cost more.", []string{"The engineers"}},
		{"leaves they unresolved with only a singular thing before", "The survey of the estuary showed silt.\nThey warned that dredging would cost more.", []string{""}},
		{"resolves they to a body", "The harbour council said the run could end.\nThey warned that dredging would cost more.", []string{"The harbour council"}},
		{"resolves they to people without an -s", "Local fishermen said the run could end.\nThe survey of the estuary showed silt.\nThey warned that dredging would cost more.", []string{"Local fishermen"}},
		{"resolves it past a plural to a thing", "The survey of the estuary showed silt.\nThe engineers said the weir was old.\nIt warned that dredging would cost more.", []string{"The survey of the estuary"}},
		{"resolves they to a share of a capitalised plural", "The trust said the run could end.\nSome Conservatives said the weir was old.\nThe survey of the estuary showed silt.\nThey warned that dredging would cost more.", []string{"Some Conservatives"}},
		{"resolves they to a capitalised plural after the", "The Rovers said the ground would close.\nThe survey of the estuary showed silt.\nThey warned that dredging would cost more.", []string{"The Rovers"}},
		{"resolves who past a comma-less clause to its noun", "Reporters met several farmers who insisted that the dam had failed.", []string{"several farmers"}},
		{"resolves a cleft's who to its focus", "It was Vasquez who said the ferry had been overloaded.", []string{"Vasquez"}},
		{"resolves a cleft's who to a plural focus", "It was the dock workers who warned that the crane was unsafe.", []string{"the dock workers"}},
		{"resolves a present cleft's who past a title", "It is Dr. Anand who says the water is safe.", []string{"Dr. Anand"}},
		{"resolves a cleft's who past an aside to the name", "It was Vasquez, the harbour master, who said the ferry had been overloaded.", []string{"Vasquez, the harbour master"}},
		{"resolves who after a name's aside to both", "The report came from Vasquez, the harbour master, who said the ferry had been overloaded.", []string{"Vasquez, the harbour master"}},
		{"resolves a questioned cleft's who without its it", "Was it Vasquez who said the ferry had been overloaded?", []string{"Vasquez"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := d.Analyze(tt.text, lines(tt.text), nil)
			var got []string
			for _, c := range res.Claims {
				if c.Source == nil || c.Source.Len() > 5 {
					continue
				}
				if h := hashWord(c.Source.In(tt.text)); pronouns.has(token{h: h}) || relatives.has(token{h: h}) || possessives.has(token{h: h}) {
					got = append(got, c.Source.Resolved.In(tt.text))
				}
			}
			if !slices.Equal(got, tt.resolved) {
				t.Errorf("resolved %q, want %q", got, tt.resolved)
			}
		})
	}
}

// gold is a hand-made annotation file, in the format of
// ../shared/eval/*.gold.json.
type gold struct {
	Claims []struct {
		Key      string `json:"key"`
		Kinds    []Kind `json:"kinds"`
		Source   string `json:"source"`
		Via      string `json:"via"`
		Resolved string `json:"resolved"`
	} `json:"claims"`
	NotClaims []string `json:"not_claims"`
}

// score compares claims with a gold file the way ../shared/eval/score.py
// does: a claim is found when one covers its key, its kinds are right when
// they include the gold kinds, its source when the source text contains the
// gold source (and the via and resolved texts when given).
type score struct {
	found, kinds, sources, withSource, falseFlags int
}

func scoreArticle(t *testing.T, text string, g gold, claims []Claim) score {
	t.Helper()
	lower := strings.ToLower(text)
	covering := func(key string) (Claim, bool) {
		i := strings.Index(lower, strings.ToLower(key))
		if i < 0 {
			t.Fatalf("gold key %q not in the article", key)
		}
		for _, c := range claims {
			if c.Start <= i && c.End >= i+len(key) {
				return c, true
			}
		}
		return Claim{}, false
	}
	var s score
	for _, gc := range g.Claims {
		c, ok := covering(gc.Key)
		if !ok {
			t.Logf("missed claim %q", gc.Key)
			continue
		}
		s.found++
		if missing := slices.DeleteFunc(slices.Clone(gc.Kinds), func(k Kind) bool { return c.Kinds.Has(k) }); len(missing) == 0 {
			s.kinds++
		} else {
			t.Logf("kinds %v lack %v: %q", c.Kinds, missing, gc.Key)
		}
		if gc.Source == "" {
			continue
		}
		s.withSource++
		var src, via, resolved string
		if c.Source != nil {
			src, via, resolved = c.Source.In(text), c.Source.Via, c.Source.Resolved.In(text)
		}
		if strings.Contains(strings.ToLower(src), strings.ToLower(gc.Source)) &&
			strings.Contains(via, gc.Via) && strings.Contains(resolved, gc.Resolved) {
			s.sources++
		} else {
			t.Logf("source %q via %q resolved %q, want %q via %q resolved %q: %q", src, via, resolved, gc.Source, gc.Via, gc.Resolved, gc.Key)
		}
	}
	for _, key := range g.NotClaims {
		if c, ok := covering(key); ok {
			s.falseFlags++
			t.Logf("flagged a plain statement as %v: %q", c.Kinds, key)
		}
	}
	return s
}

// Bars for TestArticles, over all the test articles together. The
// articles were written to read like news, not to pass the rules, so the
// test asks for a share of the claims rather than every one.
const (
	minFound      = 0.90
	minKinds      = 0.80
	minSources    = 0.80
	maxFalseFlags = 0.10
)

// TestArticles scores the hand-annotated articles in testdata, with and
// without entity tags, reports the totals and fails below the bars.
func TestArticles(t *testing.T) {
	d := newDetector(t)
	paths, err := filepath.Glob("testdata/*.gold.json")
	if err != nil || len(paths) < 3 {
		t.Fatalf("want 3 or more gold files, have %d (%v)", len(paths), err)
	}
	tagger, tagErr := entity.Load()
	for _, withTags := range []bool{false, true} {
		t.Run(map[bool]string{false: "without entity tags", true: "with entity tags"}[withTags], func(t *testing.T) {
			if withTags && tagErr != nil {
				t.Skipf("entity tagger: %v", tagErr)
			}
			var total score
			var claims, plain int
			for _, path := range paths {
				text, g := readGold(t, path)
				sents := lines(text)
				var ents []entity.Entity
				if withTags {
					ents = tagger.Tag(text, sents)
				}
				s := scoreArticle(t, text, g, d.Analyze(text, sents, ents).Claims)
				t.Logf("%s: found %d/%d, kinds right %d, sources right %d/%d, plain statements flagged %d/%d",
					filepath.Base(path), s.found, len(g.Claims), s.kinds, s.sources, s.withSource, s.falseFlags, len(g.NotClaims))
				total.add(s)
				claims += len(g.Claims)
				plain += len(g.NotClaims)
			}
			found, kinds := ratio(total.found, claims), ratio(total.kinds, claims)
			sources, flags := ratio(total.sources, total.withSource), ratio(total.falseFlags, plain)
			t.Logf("all: found %.2f, kinds right %.2f, sources right %.2f, plain statements flagged %.2f", found, kinds, sources, flags)
			if found < minFound || kinds < minKinds || sources < minSources || flags > maxFalseFlags {
				t.Errorf("below the bars: found %.2f (>= %.2f), kinds %.2f (>= %.2f), sources %.2f (>= %.2f), false flags %.2f (<= %.2f)",
					found, minFound, kinds, minKinds, sources, minSources, flags, maxFalseFlags)
			}
		})
	}
}

func (s *score) add(o score) {
	s.found += o.found
	s.kinds += o.kinds
	s.sources += o.sources
	s.withSource += o.withSource
	s.falseFlags += o.falseFlags
}

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// readGold reads a gold file and the article it annotates.
func readGold(t *testing.T, path string) (string, gold) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	name := strings.TrimSuffix(filepath.Base(path), ".gold.json")
	data, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data), g
}

func TestAnalyzeScoresEverySentence(t *testing.T) {
	d := newDetector(t)
	text := "Officials said 300 people were hurt.\nThe sky is blue."
	sents := []span.Span{{Start: 0, End: 36}, {Start: 37, End: len(text)}, {Start: 40, End: 9999}, {Start: 5, End: 2}}
	res := d.Analyze(text, sents, nil)
	if len(res.Checkworthiness) != len(sents) {
		t.Fatalf("%d scores for %d sentences", len(res.Checkworthiness), len(sents))
	}
	for i, s := range res.Checkworthiness {
		if s < 0 || s > 1 {
			t.Errorf("sentence %d scored %v", i, s)
		}
	}
	if res.Checkworthiness[2] != 0 || res.Checkworthiness[3] != 0 {
		t.Errorf("spans outside the text scored %v, %v; want 0", res.Checkworthiness[2], res.Checkworthiness[3])
	}
	if len(res.Claims) != 1 || res.Claims[0].Checkworthiness != res.Checkworthiness[0] {
		t.Errorf("claims %+v, want one scored like its sentence", res.Claims)
	}
}

func TestAnalyzeIsSafeForConcurrentUse(t *testing.T) {
	d := newDetector(t)
	data, err := os.ReadFile("testdata/court.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	want := d.Analyze(text, lines(text), nil)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := d.Analyze(text, lines(text), nil)
			if len(got.Claims) != len(want.Claims) || !slices.Equal(got.Checkworthiness, want.Checkworthiness) {
				t.Error("concurrent Analyze gave a different result")
			}
		})
	}
	wg.Wait()
}

func FuzzAnalyze(f *testing.F) {
	d, err := NewDetector()
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"court", "energy", "health", "transit", "harvest"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), uint8(40))
	}
	f.Add("He said, - , which ( ’ “ according to", uint8(3))
	f.Add("\xff\xfe May will might 1,000% $", uint8(7))
	f.Add("WALLACE: Dr. J. R. Obi, a U.S. aide, said; they argue, but it’s ― Ana", uint8(11))
	f.Add("“Yes.” ― Ana Ruiz, and Pilots' Guild said, calling it a memo written for", uint8(5))
	f.Add("“Die Stadt wird das nicht tun, und wir sind dagegen, sagt er. Das ist nicht gut,” said Ana Weber. Le maire a dit que la digue ne tiendra pas.", uint8(60))
	f.Fuzz(func(t *testing.T, text string, step uint8) {
		// Cut the text into sentences of step bytes, whatever they split.
		var sents []span.Span
		n := int(step) + 1
		for i := 0; i < len(text); i += n {
			sents = append(sents, span.Span{Start: i, End: min(i+n, len(text))})
		}
		sents = append(sents, span.Span{Start: 0, End: len(text)})
		ents := []entity.Entity{{Span: span.Span{Start: 0, End: min(5, len(text))}, Label: entity.Person}}
		res := d.Analyze(text, sents, ents)
		if len(res.Checkworthiness) != len(sents) {
			t.Fatalf("%d scores for %d sentences", len(res.Checkworthiness), len(sents))
		}
		for _, c := range res.Claims {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || c.Kinds == 0 {
				t.Fatalf("bad claim %+v", c)
			}
			for _, q := range c.Cues {
				if !c.Covers(q.Span) || q.Empty() {
					t.Fatalf("cue %+v outside claim %+v", q, c.Span)
				}
			}
			if c.Source != nil && (!c.Covers(c.Source.Span) || c.Source.Empty()) {
				t.Fatalf("source %+v outside claim %+v", c.Source.Span, c.Span)
			}
		}
	})
}

// BenchmarkAnalyze measures claims and check-worthiness on about 1 MB of
// article text, to compare with entity tagging's BenchmarkTag.
func BenchmarkAnalyze(b *testing.B) {
	d := newDetector(b)
	var sb strings.Builder
	names := []string{"court", "energy", "health"}
	for sb.Len() < 1<<20 {
		for _, name := range names {
			data, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
		}
	}
	text := sb.String()
	sents := lines(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d.Analyze(text, sents, nil)
	}
}

func TestSourcesThatNameNoOneAreVague(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name     string
		sentence string
		vague    bool
	}{
		{"a lone quantifier is vague", "Many said the levy was too high.", true},
		{"a quantifier before a source noun is vague", "Some experts believe the drought will last.", true},
		{"a named person is not vague", "Mayor Ines Koll said the levy was too high.", false},
		{"a share of a named group is vague", "Some Republicans say the levy is too high.", true},
		{"a quantifier of a phrase with of is vague", "Many of the pilots said the levy was too high.", true},
		{"a plural for a kind of people is vague", "His supporters say the levy is too high.", true},
		{"a named group's members are not vague", "Harbour Watch members said the levy was too high.", false},
		{"a capitalised plural for a kind of people that opens the sentence is vague", "Opponents say the levy is too high.", true},
		{"a capitalised name in -ers that opens the sentence is not vague", "Sanders said the levy was too high.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := analyzeOne(t, d, tt.sentence)
			if !ok || c.Source == nil {
				t.Fatal("no source")
			}
			if c.Source.Vague != tt.vague {
				t.Errorf("source %q vague %v, want %v", c.Source.In(tt.sentence), c.Source.Vague, tt.vague)
			}
		})
	}
}

func TestGrammarWordsAreNeverCues(t *testing.T) {
	d := newDetector(t)
	for _, s := range []string{
		"Hillary Clinton needs to sell herself and tell more jokes.",
		"The mayor has to prove himself or quit the race.",
	} {
		res := d.Analyze(s, []span.Span{{Start: 0, End: len(s)}}, nil)
		for _, c := range res.Claims {
			for _, q := range c.Cues {
				if w := q.In(s); untaggedGrammar.has(token{h: hashWord(w)}) {
					t.Errorf("%q: cue %q", s, w)
				}
			}
		}
	}
}

// TestMenPlural tells plurals of compounds in -man from the other words
// that end in -men.
func TestMenPlural(t *testing.T) {
	for w, want := range map[string]bool{
		"men": true, "women": true, "spokeswomen": true, "gunmen": true, "clergymen": true, "firemen": true,
		"specimen": false, "abdomen": false, "regimen": false, "acumen": false, "stamen": false, "omen": false,
	} {
		if got := menPlural(w); got != want {
			t.Errorf("menPlural(%q) = %v, want %v", w, got, want)
		}
	}
}
