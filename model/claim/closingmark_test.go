package claim

import (
	"slices"
	"strings"
	"testing"
)

func TestAClauseClaimDoesNotOpenWithTheMarkThatClosesTheClauseBefore(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name     string
		sentence string
		claims   []string
	}{
		{"curly marks, cut at a comma before but", "Ruiz said the levy was “unfair,” but Patel argued that it would stay.",
			[]string{"Ruiz said the levy was “unfair,”", "but Patel argued that it would stay."}},
		{"straight marks, cut at a comma before and", `The minister called the bill "a trap," and the unions said they would strike.`,
			[]string{`The minister called the bill "a trap,"`, "and the unions said they would strike."}},
		{"single marks, cut before while", "Okoro called the ruling ‘absurd,’ while the court said it was final.",
			[]string{"Okoro called the ruling ‘absurd,’", "while the court said it was final."}},
		{"a semicolon inside the quotation", "Chen said the figures were “wrong;” the agency said they were final.",
			[]string{"Chen said the figures were “wrong;”", "the agency said they were final."}},
		{"a mark that opens a quotation stays with its clause", "Lind said the plan would fail, and Okafor said “it will pass.”",
			[]string{"Lind said the plan would fail", "and Okafor said “it will pass.”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range d.Analyze(tt.sentence, lines(tt.sentence), nil).Claims {
				got = append(got, tt.sentence[c.Start:c.End])
			}
			if !slices.Equal(got, tt.claims) {
				t.Errorf("claims %q\nwant %q", got, tt.claims)
			}
			for _, c := range got {
				if strings.ContainsAny(c[:1], `"'`) || strings.HasPrefix(c, "”") || strings.HasPrefix(c, "’") {
					t.Errorf("claim %q opens with a closing mark", c)
				}
			}
		})
	}
}
