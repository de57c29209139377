package sentence

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/doc"
)

func paragraph(text string) doc.Doc {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write(text)
	return b.Doc()
}

func texts(d doc.Doc) []string {
	var out []string
	for _, s := range Split(d) {
		out = append(out, s.In(d.Text))
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"splits at a full stop before a capital", "It rained. We stayed in.", []string{"It rained.", "We stayed in."}},
		{"splits at a full stop before a no-break space", "It rained.\u00a0We stayed in.", []string{"It rained.", "We stayed in."}},
		{"splits at a question mark before an em space", "Why?\u2003Nobody knew.", []string{"Why?", "Nobody knew."}},
		{"splits after a closing quote and a thin space", "He said “never.”\u2009Then he left!\u00a0\u00a0Later, silence.", []string{"He said “never.”", "Then he left!", "Later, silence."}},
		{"does not split at a stop before a no-break space and a lower-case word", "It cost 5 p.\u00a0per unit.", []string{"It cost 5 p.\u00a0per unit."}},
		{"does not split after a title before a no-break space", "Dr.\u00a0Amara Obi spoke.", []string{"Dr.\u00a0Amara Obi spoke."}},
		{"splits at question and exclamation marks", "Why? Because! Fine.", []string{"Why?", "Because!", "Fine."}},
		{"keeps closing quotes with their sentence", "He said “never heard of that.”  Furthermore, no.", []string{"He said “never heard of that.”", "Furthermore, no."}},
		{"does not split after a title", "Mr. Smith met Dr. Jones.", []string{"Mr. Smith met Dr. Jones."}},
		{"reads a word with a soft hyphen whole before a stop", "The work would co\u00adst. The council agreed.", []string{"The work would co\u00adst.", "The council agreed."}},
		{"and a title with one as the title", "We met Go\u00adv. Lee there.", []string{"We met Go\u00adv. Lee there."}},
		{"does not split after an initial", "J. R. Smith spoke.", []string{"J. R. Smith spoke."}},
		{"does not split a decimal or a time", "At 10.30 am the price was 3.5 dollars.", []string{"At 10.30 am the price was 3.5 dollars."}},
		{"does not split before a lower-case word", "See e.g. the report. Then go.", []string{"See e.g. the report.", "Then go."}},
		{"splits after U.S. when a sentence clearly starts", "He flew to the U.S. The talks began.", []string{"He flew to the U.S.", "The talks began."}},
		{"does not split after U.S. before a name", "The U.S. State Department said so.", []string{"The U.S. State Department said so."}},
		{"splits after a bracket", "It was held at noon (local time). Talks ended.", []string{"It was held at noon (local time).", "Talks ended."}},
		{"splits after an ellipsis", "Wait... Then it came.", []string{"Wait...", "Then it came."}},
		{"splits before an opening quote", "He left. “Why?” she asked.", []string{"He left.", "“Why?” she asked."}},
		{"keeps a quote's signature after a dash with the quote", "“We had no choice.” ― Mara Quill. Then she left.", []string{"“We had no choice.” ― Mara Quill.", "Then she left."}},
		{"splits before a dash after a stop outside quotes", "It rained. — Later, the sun came out.", []string{"It rained.", "— Later, the sun came out."}},
		{"does not split after a delegate's title before a name", "State Del. Ana Ruiz said the bill would pass.", []string{"State Del. Ana Ruiz said the bill would pass."}},
		{"does not split after a plural title before names", "Sens. Ana Ruiz and Tom Lee objected. Reps. Kim Obi agreed.", []string{"Sens. Ana Ruiz and Tom Lee objected.", "Reps. Kim Obi agreed."}},
		{"splits after a state abbreviation when a sentence clearly starts", "He lives in Dover, Del. The town is small.", []string{"He lives in Dover, Del.", "The town is small."}},
		{"splits after an answer No. before a starter", "Was it true? No. But it hardly mattered.", []string{"Was it true?", "No.", "But it hardly mattered."}},
		{"does not split No. before a number", "He wore No. 7 all season.", []string{"He wore No. 7 all season."}},
		{"splits after a company suffix when a sentence clearly starts", "She joined Vantor Inc. The firm grew.", []string{"She joined Vantor Inc.", "The firm grew."}},
		{"keeps a sentence without a stop", "No stop at the end", []string{"No stop at the end"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(paragraph(tt.in))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitKeepsSentencesInsideBlocks(t *testing.T) {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: doc.Heading, Level: 1})
	b.Write("A title. With a stop")
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write("One. Two")
	b.StartBlock(doc.Block{Kind: doc.Code})
	b.Write("x := 1\ny := 2")
	d := b.Doc()
	want := []string{"A title. With a stop", "One.", "Two", "x := 1", "y := 2"}
	if got := texts(d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLines(t *testing.T) {
	text := "first line\n\n  second line \nthird"
	var got []string
	for _, s := range Lines(text) {
		got = append(got, s.In(text))
	}
	want := []string{"first line", "second line", "third"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Mr. A. B. went to the U.S. The end... “Yes!” he said (twice). 10.30 e.g. x")
	f.Fuzz(func(t *testing.T, in string) {
		d := paragraph(in)
		prev := 0
		for _, s := range Split(d) {
			if s.Start < prev || s.End > len(d.Text) || s.Start >= s.End {
				t.Fatalf("bad sentence %v after %d in %q", s, prev, d.Text)
			}
			prev = s.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	para := "Officials said on Monday that the talks, which began in Mar. 2022, had made progress. " +
		"Mr. Smith, a U.S. envoy, said “it was useful.” Others disagreed! Why? Nobody knows...\n"
	d := paragraph(strings.Repeat(para, (1<<20)/len(para)))
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		Split(d)
	}
}

// TestStopFinder checks the vectorised search for stops' first bytes
// against a byte-by-byte scan, as the splitter moves on by jumps.
func TestStopFinder(t *testing.T) {
	for _, text := range []string{
		"",
		"no stop at all",
		"One. Two! Three? Four… “Five.” ’Six’ – seven",
		"...!!??……",
		"a.b",
	} {
		for step := 1; step <= 3; step++ {
			f := newStopFinder(text, len(text))
			for i := 0; i < len(text); i += step {
				want := i
				for want < len(text) && strings.IndexByte(stopStarts, text[want]) < 0 {
					want++
				}
				if got := f.next(i); got != want {
					t.Errorf("next(%d) in %q = %d, want %d", i, text, got, want)
				}
			}
		}
	}
}
