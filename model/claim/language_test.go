package claim

import "testing"

// TestTextInAnotherLanguageMakesNoClaims checks that the English rules
// find no claims in news written in another language, and still find
// them in English news that holds foreign names or a few foreign words.
func TestTextInAnotherLanguageMakesNoClaims(t *testing.T) {
	tests := []struct {
		name, paragraph string
		claims          int
	}{
		{"German with a modal that looks like English", "Der Stadtrat will im März über die neue Mauer entscheiden, sagte ein Sprecher der Stadt.", 0},
		{"German report with a number", "Nach Angaben des Ministeriums kostet der Bau rund 40 Millionen Euro und dauert drei Jahre.", 0},
		{"French report with a speaker", "La maire Anne Dubois a déclaré lundi que l'ancienne digue ne résisterait pas à la prochaine tempête.", 0},
		{"French number in millions", "Selon le ministère, les travaux coûteront environ 40 millions d'euros.", 0},
		{"Spanish report with a speaker", "Los pescadores afirman que el proyecto amenaza su puerto, dijo un portavoz del sindicato.", 0},
		{"Spanish number", "Según el ministerio, las obras costarán unos 40 millones de euros.", 0},
		{"Italian report", "Il sindaco ha detto che il nuovo porto non sarà pronto prima del 2030.", 0},
		{"Dutch report", "De burgemeester zei dat het nieuwe plan niet voor de zomer klaar is en ook meer kost.", 0},
		{"English with Spanish and Dutch names", "Mayor Bill de Blasio said Los Angeles and Joost van der Berg would back the plan.", 1},
		{"English with a French phrase", "The minister said the ban was de facto lifted, a fait accompli that critics deplored.", 1},
		{"English quoting a few German words", "Ana Weber told reporters that the plan “ist nicht gut” and would fail.", 1},
		// A foreign sentence opening a quotation closed in English: the
		// quotation's speaker is looked for after the foreign one is skipped.
		{"German quotation signed in English", "“Die Stadt wird das nicht tun, und wir sind dagegen, und sie will mehr Geld für die Mauer und den Hafen haben, sagt er. Das ist nicht gut,” said Ana Weber.", 1},
	}
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, claims := paragraphClaims(d, tt.paragraph)
			if len(claims) != tt.claims {
				var got []string
				for _, c := range claims {
					got = append(got, c.In(text))
				}
				t.Errorf("%d claims %q, want %d", len(claims), got, tt.claims)
			}
		})
	}
}
