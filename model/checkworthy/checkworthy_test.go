package checkworthy

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/entity"
)

func TestFeatureNames(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		want     []string
	}{
		{"lower-cases words and pairs them", "Taxes rose", []string{"w:taxes", "bi:<s> taxes", "w:rose", "bi:taxes rose", "bi:rose </s>", "len:0"}},
		{"turns numbers, years and ordinals into classes", "3,000 in 1999, 2nd", []string{"w:<num>", "w:<year>", "w:<ord>"}},
		{"drops curly and straight apostrophes alike", "It’s isn't", []string{"w:its", "w:isnt"}},
		{"keeps percent, dollar and question marks as words", "5% $ why?", []string{"w:%", "w:$", "w:?", "end:?"}},
		{"splits words at dashes and curly quotes", "peace—“war”", []string{"w:peace", "w:war"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			Extract(tt.sentence, nil, nil, func(h uint64, name string) {
				if h != HashFeature(name) {
					t.Errorf("hash of %q differs from HashFeature", name)
				}
				got = append(got, name)
			})
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("features %q lack %q", got, w)
				}
			}
		})
	}
}

func TestWordClassFeatures(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		want     []string
		not      []string
	}{
		{"marks numbers, per cents and years", "Prices went up 7 percent in 2011.", []string{"x:number", "x:percent", "x:year", "x:past"}, []string{"x:future"}},
		{"marks money and quantities", "The bridge cost $3 billion.", []string{"x:money", "x:quantity"}, nil},
		{"marks comparisons", "Rents here are higher than in the capital.", []string{"x:compare"}, []string{"x:superlative"}},
		{"marks a superlative after the", "It is the largest harbour on the coast.", []string{"x:superlative"}, nil},
		{"does not take the rest for a superlative", "The rest of the crew stayed home.", nil, []string{"x:superlative"}},
		{"marks change verbs", "Enrolment dropped sharply.", []string{"x:change", "x:past"}, nil},
		{"marks the future and modals", "The ferry will run and might stop at Lorne.", []string{"x:future", "x:modal"}, nil},
		{"marks each grammatical person", "I told you that we saw them.", []string{"x:i", "x:you", "x:we", "x:they"}, nil},
		{"marks belief and negation", "I don't think so.", []string{"x:belief", "x:negation"}, nil},
		{"marks a question that opens with a question word", "How did the vote go?", []string{"x:asks", "end:?"}, nil},
		{"does not take a statement ending in a question mark for one that asks", "The vote went badly?", []string{"end:?"}, []string{"x:asks"}},
		{"does not take a question word for a question without the mark", "What they built still stands.", nil, []string{"x:asks"}},
		{"counts capitalised words after the first", "Then Ada Obi met Lena in Tarsk.", []string{"caps:3"}, []string{"caps:0"}},
		{"marks a sentence spoken to someone by title and name", "Governor Alvarez, your budget cut schools.", []string{"x:addressed"}, nil},
		{"marks an address by two titles", "Mr. Mayor, is that fair?", []string{"x:addressed"}, nil},
		{"does not take a titled subject for an address", "Senator Okafor voted against it, twice.", nil, []string{"x:addressed"}},
		{"does not take a title alone before the comma for an address", "Governor, the mill closed.", nil, []string{"x:addressed"}},
		{"does not take a name without a title for an address", "Tomas Reyes, the mayor, spoke.", nil, []string{"x:addressed"}},
		{"does not take a lower-case title for an address", "senator Okafor, you said it.", nil, []string{"x:addressed"}},
		{"counts no capital for the first word alone", "Yesterday it rained.", []string{"caps:0"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			Extract(tt.sentence, nil, nil, func(_ uint64, name string) { got = append(got, name) })
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("features %q lack %q", got, w)
				}
			}
			for _, w := range tt.not {
				if slices.Contains(got, w) {
					t.Errorf("features %q have %q", got, w)
				}
			}
		})
	}
}

func TestEntityCountsAreBucketed(t *testing.T) {
	tests := []struct {
		name   string
		labels []entity.Label
		want   string
	}{
		{"counts no entity", nil, "ents:0"},
		{"counts two entities", []entity.Label{entity.Person, entity.Place}, "ents:2"},
		{"puts five entities in the top bucket", []entity.Label{entity.Person, entity.Place, entity.Org, entity.Date, entity.Number}, "ents:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			Extract("x", nil, tt.labels, func(_ uint64, name string) { got = append(got, name) })
			if !slices.Contains(got, tt.want) {
				t.Errorf("features %q lack %q", got, tt.want)
			}
		})
	}
}

func TestKindsAndLabelsAreFeatures(t *testing.T) {
	var got []string
	Extract("x", []string{"statistical"}, []entity.Label{entity.Person}, func(_ uint64, name string) { got = append(got, name) })
	if !slices.Contains(got, "k:statistical") || !slices.Contains(got, "e:PERSON") {
		t.Errorf("features %q lack the kind or the label", got)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	m := New(-0.25, []Feature{{"w:said", 0.5}, {"bi:i know", -1}})
	back, err := Decode(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	bias, feats := back.Features()
	if bias != -0.25 || len(feats) != 2 || feats[0].Name != "bi:i know" || feats[1].Weight != 0.5 {
		t.Errorf("decoded bias %v features %+v", bias, feats)
	}
	if got, want := back.Score("He said", nil, nil), sigmoid(-0.25+0.5); math.Abs(got-want) > 1e-6 {
		t.Errorf("score %v, want %v", got, want)
	}
}

func TestDecodeRejectsDamagedFiles(t *testing.T) {
	good := New(0, []Feature{{"w:a", 1}}).Encode()
	for name, data := range map[string][]byte{
		"an empty file":     nil,
		"a wrong magic":     append([]byte("XXXX"), good[4:]...),
		"a cut-off feature": good[:len(good)-2],
		"trailing bytes":    append(slices.Clone(good), 0),
	} {
		if _, err := Decode(data); err == nil {
			t.Errorf("decoded %s", name)
		}
	}
}

func TestEmbeddedModelRanksFactualSentencesHigher(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	factual := m.Score("Unemployment rose by 4 percent in 2019, the highest rate in a decade.", []string{"statistical"}, []entity.Label{entity.Date})
	opinion := m.Score("I think we have to do better.", nil, nil)
	if factual < 0.5 || opinion >= 0.5 {
		t.Errorf("factual %.2f, opinion %.2f; want the first at least 0.5 and the second below", factual, opinion)
	}
	if why := m.Explain("Unemployment rose by 4 percent.", nil, nil); len(why) == 0 {
		t.Error("no features explain the score")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(New(0.5, []Feature{{"w:a", 1}, {"k:hedged", -2}}).Encode())
	f.Add([]byte("CWT1\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			return
		}
		if _, err := Decode(m.Encode()); err != nil {
			t.Fatalf("re-encoded model does not decode: %v", err)
		}
	})
}

// FuzzExtract checks, for any text, that every feature's hash is the hash
// of its name, that scoring walks the same features as naming, given every
// run of ASCII letters as a Word or none, and that a sentence has exactly
// one length, capitals and entity-count feature.
func FuzzExtract(f *testing.F) {
	f.Add("It’s 3,000 — “more” than the largest in 1999?")
	f.Add("\xe2\x80\x99s I'd 2nd $")
	f.Add("Mr Okafor, the Traders’ rest isn’t 5pm's; abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq-ED é€")
	for _, s := range wordedSentences {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var named []string
		counts := map[string]int{}
		Extract(s, []string{"hedged"}, []entity.Label{entity.Org}, func(h uint64, name string) {
			if h != HashFeature(name) {
				t.Fatalf("hash of %q differs from HashFeature", name)
			}
			named = append(named, name)
			if i := strings.IndexByte(name, ':'); i > 0 {
				counts[name[:i]]++
			}
		})
		// Each feature weighs a different eighth, so the sum scoring
		// finds is exact and tells a missed or repeated feature.
		weight := map[string]float64{}
		var feats []Feature
		want := 0.0
		for _, name := range named {
			if _, ok := weight[name]; !ok {
				weight[name] = float64(len(feats)%13+1) / 8
				feats = append(feats, Feature{Name: name, Weight: weight[name]})
			}
			want += weight[name]
		}
		tb := New(0, feats).table
		for _, words := range [][]Word{nil, letterRuns(s)} {
			sk := sink{table: tb}
			extract(s, words, []string{"hedged"}, []entity.Label{entity.Org}, &sk)
			if sk.z != want {
				t.Fatalf("scoring with %d words given sums %v over its features, naming %v over %d", len(words), sk.z, want, len(named))
			}
		}
		for _, once := range []string{"len", "caps", "ents"} {
			if counts[once] != 1 {
				t.Fatalf("%d %s features, want 1", counts[once], once)
			}
		}
	})
}

func FuzzScore(f *testing.F) {
	m, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("It’s 3,000 — “more” than 1999?")
	f.Add("\xe2\x80")
	f.Fuzz(func(t *testing.T, s string) {
		if p := m.Score(s, nil, nil); !(p >= 0 && p <= 1) {
			t.Fatalf("score %v", p)
		}
	})
}

// letterRuns returns every longest run of ASCII letters in s as a Word,
// hashed here as the FNV-1a of its lower-cased bytes, apart from the
// package's own hashing.
func letterRuns(s string) []Word {
	var out []Word
	for i := 0; i < len(s); {
		j := i
		h := uint64(14695981039346656037)
		for ; j < len(s) && ('a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z'); j++ {
			h = (h ^ uint64(s[j]|0x20)) * 1099511628211
		}
		if j > i {
			out = append(out, Word{Start: i, End: j, Hash: h})
			i = j
			continue
		}
		i++
	}
	return out
}
