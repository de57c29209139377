package ner

import (
	"bytes"
	"strings"
	"testing"
)

func words(text string) []string {
	var out []string
	for _, t := range Tokenize(text, 0, len(text), nil) {
		out = append(out, text[t.Start:t.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // tokens joined by |
	}{
		{"splits a curly possessive off", "Kyiv’s allies", "Kyiv|’s|allies"},
		{"splits a straight possessive off", "Russia's team", "Russia|'s|team"},
		{"keeps an apostrophe inside a name", "O'Brien said", "O'Brien|said"},
		{"keeps hyphenated words whole", "rock-solid ties", "rock-solid|ties"},
		{"splits a hyphen glued to the end of a word", "Ukraine- a statement", "Ukraine|-|a|statement"},
		{"splits underscores of emphasis", "_Financial Times_ said", "_|Financial|Times|_|said"},
		{"keeps the dots of an abbreviation", "the U.S. said", "the|U.S.|said"},
		{"keeps a title's dot", "Mr. Smith", "Mr.|Smith"},
		{"splits a sentence's final dot", "in Moscow.", "in|Moscow|."},
		{"keeps decimals and thousands", "10.30 am and 1,200 people", "10.30|am|and|1,200|people"},
		{"splits a percent sign and a currency", "$2 and 40%", "$|2|and|40|%"},
		{"splits curly quotes", "“disinformation”,", "“|disinformation|”|,"},
		{"survives invalid bytes", "a\xffb", "a|\xff|b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(words(tt.text), "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTokenizeClampsItsRange(t *testing.T) {
	if got := Tokenize("abc def", -4, 99, nil); len(got) != 2 {
		t.Errorf("got %v, want two tokens", got)
	}
	if got := Tokenize("abc", 2, 1, nil); len(got) != 0 {
		t.Errorf("got %v for a reversed range", got)
	}
}

const tiny = `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
visited VBD B-VP O
Berlin NNP B-NP B-LOC
. . O O
`

func TestTrainWriteReadRoundTrip(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0]) != 2 {
		t.Fatalf("read %d documents, want 1 of 2 sentences", len(docs))
	}
	g, err := NewGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := Train(docs, g, TrainOptions{Types: []string{"PER", "ORG", "LOC", "MISC"}, Epochs: 5, Seed: 1, Clip: 1})
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(m2, g, docs)
	for _, typ := range []string{"PER", "ORG", "LOC", "MISC"} {
		if s[typ].F1() != 100 {
			t.Errorf("%s: F1 %.1f on its own training data after a round trip, want 100", typ, s[typ].F1())
		}
	}
	var again bytes.Buffer
	if _, err := m2.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("writing a read model gives different bytes")
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("MNER1"), []byte("not a model at all")} {
		if _, err := Read(b); err == nil {
			t.Errorf("Read(%q) succeeded", b)
		}
	}
}

func FuzzRead(f *testing.F) {
	docs, _ := ReadCoNLL(strings.NewReader(tiny))
	g, err := NewGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Train(docs, g, TrainOptions{Types: []string{"PER", "ORG", "LOC", "MISC"}, Epochs: 1, Clip: 1}).WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(b)
		if err != nil {
			return
		}
		ws := g.Sentence([]string{"Peter", "visited", "Berlin"}, nil, nil)
		var sc Scratch
		if tags := m.Tag(ws, &sc); len(tags) != 3 {
			t.Fatalf("got %d tags for 3 words", len(tags))
		}
	})
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add(tiny)
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, sent := range d {
				if len(sent.Words) != len(sent.Labels) {
					t.Fatal("words and labels differ in number")
				}
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	f.Add("Kyiv’s U.S. 10.30 am $2bn O'Brien rock-solid Ukraine- _x_", 3, 40)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		end := a
		for _, tk := range Tokenize(s, a, b, nil) {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad token %v after %d", tk, end)
			}
			end = tk.End
		}
	})
}
