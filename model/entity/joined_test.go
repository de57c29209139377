package entity

import (
	"slices"
	"strings"
	"testing"
)

// TestNickname checks the step "nickname" on invented sentences: each case
// fails with the step switched off.
func TestNickname(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a nickname inside a person's name", `Walter " Buzz " Harnell ( 1921 -- 1990 ) was an American pitcher.`,
			[]string{`Walter " Buzz " Harnell/PERSON`}, []string{"Walter/PERSON", "Harnell/PERSON"}},
		{"mid-sentence", `He fought Ramon " Kid " Ortelli in 1950.`,
			[]string{`Ramon " Kid " Ortelli/PERSON`}, []string{"Ramon/PERSON"}},
	}
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepNickname
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkStep(t, on, off, tc.text, tc.want, tc.not)
		})
	}
}

// TestDemonym checks the step "demonym" on invented sentences: the cases
// that join fail with the step switched off; a ministry keeps its nation
// apart either way.
func TestDemonym(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a demonym starts an air force's name", "The base was handed to the Spanish Air Force in 1958.",
			[]string{"Spanish Air Force/ORG"}, []string{"Air Force/ORG", "Spanish/GROUP"}},
		{"a demonym starts an institute's name", "Samples went to the German Entomological Institute for study.",
			[]string{"German Entomological Institute/ORG"}, []string{"Entomological Institute/ORG"}},
	}
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepDemonym
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkStep(t, on, off, tc.text, tc.want, tc.not)
		})
	}
	const ministry = "A spokesman for the German Foreign Ministry declined to comment."
	if es := on.Tag(ministry, nil); !matches(ministry, es, []string{"German/GROUP", "Foreign Ministry/ORG"}, nil) {
		t.Errorf("Tag(%q) = %s; want the nation apart from its ministry", ministry, found(ministry, es))
	}
}

func TestWithParticleAndNickname(t *testing.T) {
	tests := []struct {
		name  string
		words string
		cs    []cand
		want  []cand
	}{
		{"two people's names joined over the particle", "by Friedrich von Schlegel and", []cand{{1, 2, Person}, {3, 4, Person}}, []cand{{1, 4, Person}}},
		{"a name ended at the particle widened", "by Friedrich von Schlegel and", []cand{{1, 2, Person}}, []cand{{1, 4, Person}}},
		{"the person's name after the particle kept whole", "by Diego Silang y Andaya Reyes", []cand{{1, 3, Person}, {4, 6, Person}}, []cand{{1, 6, Person}}},
		{"at most two words of a title-case run taken", "by Friedrich von Schlegel Haus Berlin Verlag", []cand{{1, 2, Person}}, []cand{{1, 5, Person}}},
		{"a place after the particle left alone", "by Anselm von Rethel and", []cand{{1, 2, Person}, {3, 4, Place}}, []cand{{1, 2, Person}, {3, 4, Place}}},
		{"no capitalised word after the particle", "Friedrich von und zu", []cand{{0, 1, Person}}, []cand{{0, 1, Person}}},
		{"not after a person's name", "the Bank of Ireland", []cand{{1, 2, Org}}, []cand{{1, 2, Org}}},
		{"the sentence's end", "by Friedrich von", []cand{{1, 2, Person}}, []cand{{1, 2, Person}}},
	}
	tg := loadTagger(t)
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		ws := tg.gaz.Sentence(words, nil, nil)
		if got := withParticle(words, ws, slices.Clone(tc.cs)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: withParticle(%q, %v) = %v, want %v", tc.name, tc.words, tc.cs, got, tc.want)
		}
	}
	words := strings.Fields(`by Walter " Buzz " Harnell said " Yes "`)
	ws := tg.gaz.Sentence(words, nil, nil)
	for _, tc := range []struct{ cs, want []cand }{
		{[]cand{{1, 2, Person}, {3, 4, Person}, {5, 6, Person}}, []cand{{1, 6, Person}}},
		{[]cand{{1, 2, Person}}, []cand{{1, 6, Person}}},
		{[]cand{{5, 6, Person}}, []cand{{5, 6, Person}}}, // a quotation after a name, no word after it
	} {
		if got := withNickname(words, ws, slices.Clone(tc.cs)); !slices.Equal(got, tc.want) {
			t.Errorf("withNickname(%v) = %v, want %v", tc.cs, got, tc.want)
		}
	}
}

// FuzzJoinedSteps checks that the steps that change candidates' bounds
// after the model keep them sorted, disjoint and within the words.
func FuzzJoinedSteps(f *testing.F) {
	f.Add(`by Friedrich von Schlegel " Fritz " Harnell ( FVS ) said`, uint16(0x5a5))
	f.Add(`the London and South Western Railway ( LSWR ) , ( IN )`, uint16(0x3c3))
	tg := loadTagger(f)
	f.Fuzz(func(t *testing.T, text string, bits uint16) {
		words := strings.Fields(text)
		if len(words) > 40 {
			words = words[:40]
		}
		ws := tg.gaz.Sentence(words, nil, nil)
		// Candidates from the bits: a word starts one where its bit is
		// set, and each runs to the next set bit; labels in turn.
		var cs []cand
		labels := []Label{Person, Org, Place, ""}
		for i := 0; i < len(words) && i < 16; i++ {
			if bits&(1<<i) != 0 {
				cs = append(cs, cand{i, i + 1, labels[len(cs)%len(labels)]})
			}
		}
		cs = nameAndAcronym(words, ws, cs)
		cs = withParticle(words, ws, cs)
		cs = withNickname(words, ws, cs)
		for k, c := range cs {
			if c.a < 0 || c.b > len(words) || c.a >= c.b || k > 0 && cs[k-1].b > c.a {
				t.Fatalf("candidates %v over %d words: not sorted, disjoint and within them", cs, len(words))
			}
		}
	})
}

func TestWithNumeral(t *testing.T) {
	tests := []struct {
		words     string
		end, want int
	}{
		{"Pope John Paul II said", 3, 4},
		{"Clay Tice Jr. played", 2, 3},
		{"Clay Tice Sr played", 2, 3},
		{"Carter I think", 1, 1}, // the pronoun
		{"Part II. The end", 1, 1},
		{"Clay Tice Jr.", 2, 2}, // the next span starts there (next = end)
	}
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		next := len(words)
		if tc.want == tc.end && tc.end+1 == len(words) {
			next = tc.end
		}
		if got := withNumeral(words, tc.end, next); got != tc.want {
			t.Errorf("withNumeral(%q, %d) = %d, want %d", tc.words, tc.end, got, tc.want)
		}
	}
}
