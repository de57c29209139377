package ner

import (
	"bytes"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
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
		{"keeps a state's abbreviation", "Tampa, Fla., and Reno", "Tampa|,|Fla.|,|and|Reno"},
		{"keeps an abbreviation's dot in capitals", "ST. LOUIS", "ST.|LOUIS"},
		{"keeps an abbreviation after a hyphen whole", "anti-U.S. protests", "anti-U.S.|protests"},
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

// tinyCoNLL reads two invented sentences in the CoNLL-2003 format; the
// corpus itself is never copied into the repository.
func tinyCoNLL(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestTrainWriteReadRoundTrip(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(tinyCoNLL(t)))
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
	if !bytes.Equal(buf.Bytes(), bytesOf(t, m2)) {
		t.Error("writing a read model gives different bytes")
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("MNER1"), []byte("MNER2"), []byte("not a model at all")} {
		if _, err := Read(b); err == nil {
			t.Errorf("Read(%q) succeeded", b)
		}
	}
}

// trainedBytes is a model trained on the tiny corpus, as written.
func trainedBytes(t *testing.T) []byte {
	t.Helper()
	docs, err := ReadCoNLL(strings.NewReader(tinyCoNLL(t)))
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return bytesOf(t, Train(docs, g, TrainOptions{Types: []string{"PER", "ORG", "LOC", "MISC"}, Epochs: 2, Seed: 1, Clip: 1}))
}

func TestReadRejectsDamagedTables(t *testing.T) {
	good := trainedBytes(t)
	m, err := Read(good)
	if err != nil {
		t.Fatal(err)
	}
	tableAt := len(good) - len(m.slots)*slotSize - 8*len(m.seen)
	full := bytes.Clone(good)
	// A key in the last slot: a probe for a missing feature could run off
	// the end.
	full[tableAt+(len(m.slots)-1)*slotSize] |= 1
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"a table cut short", good[:len(good)-1]},
		{"a byte past the tables", append(bytes.Clone(good), 0)},
		{"a key in the last slot", full},
	} {
		if _, err := Read(tc.b); err == nil {
			t.Errorf("%s: Read succeeded", tc.name)
		}
	}
}

// placed is a copy of b at the given distance past a multiple of
// slotSize in memory.
func placed(b []byte, past int) []byte {
	room := make([]byte, len(b)+2*slotSize)
	at := -int(uintptr(unsafe.Pointer(&room[0])))&(slotSize-1) + past
	copy(room[at:], b)
	return room[at : at+len(b)]
}

func TestReadCopiesTablesItCannotView(t *testing.T) {
	good := trainedBytes(t)
	for _, tc := range []struct {
		name   string
		b      []byte
		viewed bool
	}{
		// The tables start a multiple of slotSize into a file.
		{"aligned, viewed where a slot lies in memory as in the file", placed(good, 0), viewable},
		{"a byte out of alignment, copied", placed(good, 1), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Read(tc.b)
			if err != nil {
				t.Fatal(err)
			}
			first := uintptr(unsafe.Pointer(&m.slots[0]))
			base := uintptr(unsafe.Pointer(&tc.b[0]))
			if inside := first >= base && first < base+uintptr(len(tc.b)); inside != tc.viewed {
				t.Errorf("slots inside the bytes read: %v, want %v", inside, tc.viewed)
			}
			if !bytes.Equal(bytesOf(t, m), good) {
				t.Error("a model read back does not write the bytes it was read from")
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	docs, _ := ReadCoNLL(strings.NewReader(tinyCoNLL(f)))
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
	f.Add(tinyCoNLL(f))
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
		all := Tokenize(s, a, b, nil)
		for _, tk := range all {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad token %v after %d", tk, end)
			}
			end = tk.End
		}
		// Read three tokens at a time, the same tokens come out.
		var pieces []Token
		for i, n := a, -1; n != len(pieces); {
			n = len(pieces)
			pieces, i = TokenizeN(s, i, b, 3, pieces)
		}
		if !slices.Equal(pieces, all) {
			t.Fatalf("three at a time: %v, at once: %v", pieces, all)
		}
	})
}

func TestTokenizeNResumes(t *testing.T) {
	text := "Kyiv’s U.S. allies met   at 10.30 am.\n O'Brien said _so_ ... rock-solid"
	want := Tokenize(text, 0, len(text), nil)
	for n := 1; n <= len(want)+1; n++ {
		var got []Token
		for i := 0; ; {
			k := len(got)
			got, i = TokenizeN(text, i, len(text), n, got)
			if len(got)-k > n {
				t.Fatalf("n=%d: %d tokens in one call", n, len(got)-k)
			}
			if len(got) == k {
				break
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("n=%d: got %v, want %v", n, got, want)
		}
	}
}

func FuzzIsCapitalised(f *testing.F) {
	for _, s := range []string{"Kyiv", "kyiv", "Élan", "élan", "’s", "1st", "\xff", "ǅ", ""} {
		f.Add(s)
	}
	g, err := NewGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var w Word
		g.describe(s, &w)
		if got, want := IsCapitalised(s), w.IsCapitalised(); got != want {
			t.Errorf("IsCapitalised(%q) = %v, the described word says %v", s, got, want)
		}
	})
}

func TestSentenceByIndexMatchesSentence(t *testing.T) {
	g, err := NewGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	text := []string{
		"Maria Okafor visited Berlin and the U.S. on Monday .",
		"\" He left . \" The BERLIN Wall fell , said Okafor of Berlin .",
		"BERLIN PRAISES CHILEAN PLAN",
		"Zyx7 qwe , Zyx7 said peter .",
	}
	tests := []struct {
		name string
		room int // the words the Vocab has room for when the text comes
		full bool
	}{
		{"with every word in the Vocab", maxVocab, false},
		{"with a full Vocab that describes new words afresh", 0, true},
		// "Berlin" has an index, "BERLIN" and "berlin" share its profile.
		{"with a Vocab that fills up in the text", 4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v Vocab
			fill := make([]string, maxVocab-tt.room)
			for i := range fill {
				fill[i] = "w" + strconv.Itoa(i)
			}
			g.Describe(fill, &v, nil, nil)
			p := Profile{}
			var ids [][]int32
			for _, s := range text {
				ws, id := g.Describe(strings.Fields(s), &v, nil, nil)
				p.Add(ws)
				v.AddProfile(ws)
				ids = append(ids, id)
			}
			if tt.full && (v.Len() != maxVocab || (ids[0][0] != -1) != (tt.room > 0)) {
				t.Fatalf("the Vocab holds %d words and gave index %d to a new word", v.Len(), ids[0][0])
			}
			v.ApplyProfile()
			for i, s := range text {
				want := g.Sentence(strings.Fields(s), nil, nil)
				p.Apply(want)
				got := g.SentenceByIndex(strings.Fields(s), ids[i], &v, nil)
				for k := range got {
					if got[k].id != ids[i][k]+1 {
						t.Errorf("%q: word %d has id %d, want its index %d plus one", s, k, got[k].id, ids[i][k])
					}
					got[k].id = 0 // the Vocab's bookkeeping, which Sentence has not
				}
				if !slices.Equal(got, want) {
					t.Errorf("%q: got %v, want %v", s, got, want)
				}
			}
		})
	}
}

func TestRelaidReadsSlotsLaidOutUnderAnotherHash(t *testing.T) {
	good := trainedBytes(t)
	m, err := Read(good)
	if err != nil {
		t.Fatal(err)
	}
	// The same features' slots as another spread and filter hash might
	// lay them out: in reverse order from the first slot, none where this
	// spread puts it, and a filter that lets no feature through.
	other := *m
	var feats []slot
	for _, sl := range m.slots {
		if sl.key != 0 {
			feats = append(feats, sl)
		}
	}
	slices.Reverse(feats)
	other.slots = make([]slot, len(m.slots))
	copy(other.slots, feats)
	other.seen = make([]uint64, len(m.seen))
	if !bytes.Equal(bytesOf(t, other.Relaid()), good) {
		t.Error("a model laid out under another hash relays to other bytes than newModel lays its features out in")
	}
}
