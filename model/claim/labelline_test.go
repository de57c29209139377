package claim

import "testing"

// TestALabelBeforeAColonIsNoSpeaker checks that a line that is a label
// for what follows ("Key points:") makes no claim with a source, while a
// line that names who speaks before a quote keeps its speaker.
func TestALabelBeforeAColonIsNoSpeaker(t *testing.T) {
	tests := []sourceCase{
		{"a label of an adjective and a plural", "Key points:", ""},
		{"another list label", "Main findings:", ""},
		{"a label of the news", "Top stories:", ""},
		{"a label of a plural the tags call no verb", "Main claims:", ""},
		{"a label of a plural after a determiner", "Latest reports:", ""},
		{"a label of a plural after an adjective", "Top claims:", ""},
		{"a role before a colon speaks", "The harbour master said:", "The harbour master"},
		{"a name before a colon speaks", "Okafor explains:", "Okafor"},
		{"people before a colon speak", "Residents complained:", "Residents"},
		{"a transcript turn keeps its speaker", "SMITH: The harbour fees rose by 40 percent.", "SMITH"},
		{"a plural noun subject that goes on speaks", "Key witnesses say that the ferry left early.", "Key witnesses"},
	}
	checkOneSource(t, tests)
}
