package claim

import (
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/sentence"
)

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
		// Two speakers: the minister, and the critics of the object relative.
		{"English with a French phrase", "The minister said the ban was de facto lifted, a fait accompli that critics deplored.", 2},
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

// TestTextInAnotherLanguageScoresNoCheckworthiness checks that a sentence
// in another language scores 0, below every English one, so the lists
// ranked by check-worthiness do not rank it on the few words of it that
// look English, and that an English sentence beside them scores as it
// does alone.
func TestTextInAnotherLanguageScoresNoCheckworthiness(t *testing.T) {
	const english = "The county spent 12 million dollars on the new bridge last year, twice what it had planned."
	foreign := []struct{ name, sentence string }{
		{"French", "Le département a dépensé 12 millions d'euros pour le nouveau pont, deux fois plus que prévu."},
		{"German", "Der Landkreis hat im letzten Jahr 12 Millionen Euro für die neue Brücke ausgegeben, doppelt so viel wie geplant."},
		{"Spanish", "El condado gastó 12 millones de euros en el nuevo puente el año pasado, el doble de lo previsto."},
	}
	d := newDetector(t)
	alone := scores(d, english)
	if len(alone) != 1 || alone[0] <= 0 {
		t.Fatalf("the English sentence alone scores %v, want one score above 0", alone)
	}
	for _, f := range foreign {
		t.Run(f.name, func(t *testing.T) {
			got := scores(d, f.sentence+" "+english)
			if len(got) != 2 {
				t.Fatalf("%d scores %v, want 2 (the sentences split)", len(got), got)
			}
			if got[0] != 0 {
				t.Errorf("the %s sentence scores %.3f, want 0", f.name, got[0])
			}
			if got[1] != alone[0] {
				t.Errorf("the English sentence beside it scores %.3f, alone %.3f", got[1], alone[0])
			}
		})
	}
}

// scores returns the check-worthiness of each sentence of a one-paragraph
// text.
func scores(d *Detector, paragraph string) []float64 {
	dc := buildDoc([]block{{kind: doc.Paragraph, text: paragraph}})
	return d.AnalyzeDoc(dc, sentence.Split(dc), nil).Checkworthiness
}

// TestTextInAnotherLanguageLeavesTheSpeakersLeanAlone reads a transcript
// written for this test in which one guest answers in French and German
// before both say the same English sentence: with or without the foreign
// turns, the English sentences score the same, so what a guest said in
// another language moves neither their lean nor the other's.
func TestTextInAnotherLanguageLeavesTheSpeakersLeanAlone(t *testing.T) {
	const fact = "The harbour levy rose by 40 percent in 2019."
	english := []string{
		"ANN: The ferry carried 90,000 people last year, twice as many as in 2010.",
		"ANN: Fares rose 12 percent since 2015, less than wages, which rose 20 percent.",
	}
	foreign := []string{
		"BEN: Le port a coûté 4 millions d'euros et la ville en a payé la moitié.",
		"BEN: Die Fähre hat im letzten Jahr mehr als 90.000 Menschen befördert, doppelt so viele wie 2010.",
	}
	last := []string{"ANN: " + fact, "BEN: " + fact}
	d := newDetector(t)
	with, _ := turnsAndParagraphs(append([]string{english[0], foreign[0], english[1], foreign[1]}, last...))
	without, _ := turnsAndParagraphs(append([]string{english[0], english[1]}, last...))
	annWith, benWith := repeatedScores(t, d, with)
	annWithout, benWithout := repeatedScores(t, d, without)
	if annWith != annWithout || benWith != benWithout {
		t.Errorf("the English sentences score %.3f and %.3f with the foreign turns, %.3f and %.3f without: want the same",
			annWith, benWith, annWithout, benWithout)
	}
}
