package claim

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// sourcesOf returns each claim of sentence s, read alone, with its
// source: "claim | source".
func sourcesOf(d *Detector, s string) []string {
	res := d.Analyze(s, []span.Span{{Start: 0, End: len(s)}}, nil)
	var out []string
	for _, c := range res.Claims {
		src := ""
		if c.Source != nil {
			src = c.Source.In(s)
		}
		out = append(out, s[c.Start:c.End]+" | "+src)
	}
	return out
}

// A clause after the first speaker's content that names what that
// speaker said or did as the object of its own reporting verb is a
// second speaker's claim: a -thing pronoun opening it is no participle,
// and an object relative's "that" is no content clause's.
// "Another" alone before its verb is one more speaker.
func TestASecondSpeakerAfterTheFirstsContentSpeaksItsOwnClause(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name, sentence string
		want           []string
	}{
		{"a -thing pronoun before the second subject",
			"Ruiz has singled out the 2005 vote on the levy, something she opposed as a councillor.", []string{
				"Ruiz has singled out the 2005 vote on the levy | Ruiz",
				"something she opposed as a councillor. | she",
			}},
		{"a -thing pronoun before a plural subject",
			"Koll did not apologize for his remarks, something many harbour workers had urged him to do.", []string{
				"Koll did not apologize for his remarks | Koll",
				"something many harbour workers had urged him to do. | many harbour workers",
			}},
		{"an object relative after a -thing pronoun",
			"Okafor said the ferry was stopped by the storm, something that Lind mocked.", []string{
				"Okafor said the ferry was stopped by the storm | Okafor",
				"something that Lind mocked. | Lind",
			}},
		{"an object relative after a noun, with an adverb before its verb",
			"Lee complained that the count had been rigged, a charge that the port's owners strongly denied.", []string{
				"Lee complained that the count had been rigged | Lee",
				"a charge that the port's owners strongly denied. | the port's owners",
			}},
		{"a noun's content clause stays the first speaker's",
			"Lee repeated the charge that the port's owners rigged the count.", []string{
				"Lee repeated the charge that the port's owners rigged the count. | Lee",
			}},
		{"another after a comma speaks for one more",
			"While one trader says the levy will rise, another says it will fall.", []string{
				"While one trader says the levy will rise | one trader",
				"another says it will fall. | another",
			}},
		{"another after \"and\" speaks for one more",
			"One adviser suggested she sell the boat, and another warned her about the cost.", []string{
				"One adviser suggested she sell the boat | One adviser",
				"and another warned her about the cost. | another",
			}},
		{"a participle clause stays the first speaker's",
			"Okafor defended the levy, saying it would fund the harbour.", []string{
				"Okafor defended the levy, saying it would fund the harbour. | Okafor",
			}},
	}
	for _, tt := range tests {
		if got := sourcesOf(d, tt.sentence); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q:\n got %q\nwant %q", tt.name, tt.sentence, got, tt.want)
		}
	}
}
