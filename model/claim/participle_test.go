package claim

import "testing"

// TestParticiplesOfNounsAreNoCues checks that a past participle modifying
// a noun is no reporting cue: after the noun and before a time ("the
// survey released Tuesday") or between a number and the counted noun
// ("412 pledged votes"), while the same verbs with a subject still
// report, a noun phrase that opens a clause among them ("The harbour
// master pledged to keep").
func TestParticiplesOfNounsAreNoCues(t *testing.T) {
	tests := []cueWordCase{
		{"drops a participle before a weekday", "A harbour survey released Tuesday found most berths empty.", "released", false},
		{"drops a participle before last week", "The audit published last week put the cost at £9 million.", "published", false},
		{"drops a participle after a number", "The mayor has 412 pledged votes on the council.", "pledged", false},
		{"keeps a verb with its subject", "The harbour board released a statement on Tuesday.", "released", true},
		{"keeps a pledge to do", "Ines Koll pledged to keep the ferry running.", "pledged", true},
		{"keeps a verb after a common noun that opens the sentence", "The harbour master pledged to keep the ferry running.", "pledged", true},
		{"keeps a verb after a noun that opens a clause", "Under pressure, the ferry crews pledged to strike on Monday.", "pledged", true},
		{"drops a participle after an object's noun", "The board took questions from skippers invited to attend the hearing.", "invited", false},
		{"drops a participle before to and a noun", "The harbour letter sent to the council warned of delays.", "sent", false},
		{"drops a participle before an infinitive when the clause has its own verb", "A notice released to warn the divers closed the slipway.", "released", false},
	}
	checkCueWords(t, tests)
}
