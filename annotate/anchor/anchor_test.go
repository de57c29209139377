package anchor

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

const base = "The minister said the budget would grow. Critics said the budget would shrink. " +
	"Nobody knows what the budget will do next year, said the analyst from the bank.\n" +
	"A second paragraph talks about something else entirely, with its own words."

func sel(t *testing.T, text, quote string, occurrence int) Selector {
	t.Helper()
	s, err := Find(text, quote, occurrence)
	if err != nil {
		t.Fatalf("Find(%q, %d): %v", quote, occurrence, err)
	}
	out, err := Make(text, s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name       string
		quote      string
		occurrence int
		want       string // "" with wantErr
		wantErr    string
	}{
		{"finds a unique quote", "Critics said", 0, "Critics said", ""},
		{"refuses an ambiguous quote without an occurrence", "the budget", 0, "", "appears 3 times"},
		{"picks the second occurrence", "the budget", 2, "the budget", ""},
		{"rejects an occurrence past the last", "the budget", 4, "", "no occurrence 4"},
		{"reports a missing quote", "the deficit", 0, "", "not found"},
		{"matches across a line break written as a space", "bank. A second", 0, "bank.\nA second", ""},
		{"rejects an empty quote", "  ", 0, "", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Find(base, tt.quote, tt.occurrence)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := s.In(base); got != tt.want {
				t.Fatalf("found %q, want %q", got, tt.want)
			}
		})
	}
	var amb *AmbiguousError
	if _, err := Find(base, "said", 0); !errors.As(err, &amb) || amb.Count != 3 {
		t.Fatalf("ambiguous error = %v", err)
	}
}

// TestFindTakesTypedQuotesForPrintedOnes quotes, as typed on a command
// line, a text that prints curly quotes: "margin notes add --quote
// \"Beijing's priority\"" said the quote was not in the article.
func TestFindTakesTypedQuotesForPrintedOnes(t *testing.T) {
	const text = "Beijing’s priority was peace, he said, and he had “never heard of that.”\nThe ‘rock solid’ ties held. Kyiv's envoy said \"no\"."
	tests := []struct {
		name, quote, want string
	}{
		{"an apostrophe for a curly one", "Beijing's priority", "Beijing’s priority"},
		{"double quotes for curly ones", `"never heard of that."`, "“never heard of that.”"},
		{"single quotes for curly ones, across a line break", "that.” The 'rock solid'", "that.”\nThe ‘rock solid’"},
		{"a curly quote for a straight one", "Kyiv’s envoy said “no”", `Kyiv's envoy said "no"`},
		{"an apostrophe is not a double quote", `"rock solid"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Find(text, tt.quote, 0)
			if tt.want == "" {
				if !errors.Is(err, ErrNotFound) {
					t.Fatalf("Find(%q) = %q, %v; want not found", tt.quote, s.In(text), err)
				}
				return
			}
			if err != nil || s.In(text) != tt.want {
				t.Fatalf("Find(%q) = %q, %v; want %q", tt.quote, s.In(text), err, tt.want)
			}
		})
	}
}

func TestMakeRejectsBadSpans(t *testing.T) {
	text := "naïve text"
	for _, s := range []span.Span{{Start: -1, End: 2}, {Start: 3, End: 3}, {Start: 0, End: 99}, {Start: 0, End: 3}} {
		if _, err := Make(text, s); err == nil {
			t.Errorf("Make(%v) accepted a bad span", s)
		}
	}
}

func TestResolve(t *testing.T) {
	budget2 := sel(t, base, "the budget", 2)
	analyst := sel(t, base, "said the analyst from the bank", 0)
	critics := sel(t, base, "Critics said the budget would shrink.", 0)
	tests := []struct {
		name   string
		text   string
		sel    Selector
		status Status
		// want is the text the note must land on ("" for none), and nth
		// which appearance of it in the text (0: any).
		want string
		nth  int
	}{
		{"keeps a note where it was", base, critics, Anchored, "Critics said the budget would shrink.", 0},
		{"follows a passage moved by an insertion before it",
			"Breaking: " + base, critics, Moved, "Critics said the budget would shrink.", 0},
		{"finds the right one of repeated words by context",
			"Intro sentence here. " + base, budget2, Moved, "the budget", 2},
		{"accepts a slightly reworded passage",
			strings.Replace(base, "Critics said the budget would shrink.", "Critics said the budget would decline.", 1),
			critics, Moved, "Critics said the budget would decline.", 0},
		{"does not attach a deleted passage to its look-alike neighbour",
			strings.Replace(base, "Critics said the budget would shrink. ", "", 1), critics, NeedsReview, "", 0},
		{"does not attach a repeated phrase to another copy when its own is gone",
			strings.Replace(base, "Critics said the budget would shrink. ", "", 1), budget2, NeedsReview, "", 0},
		{"asks for review when a passage was duplicated next to itself",
			"Intro. " + strings.Replace(base, "bank.\n", "bank.\nNobody knows what the budget will do next year, said the analyst from the bank.\n", 1),
			analyst, NeedsReview, "", 0},
		{"asks for review when two copies match equally well",
			strings.Repeat("Intro. "+base+"\n", 2), analyst, NeedsReview, "", 0},
		{"orphans a passage rewritten beyond recognition",
			strings.Replace(base, "Critics said the budget would shrink.", "Opponents expect spending cuts soon.", 1), critics, Orphaned, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Resolve(tt.text, tt.sel)
			if res.Status != tt.status {
				t.Fatalf("status %s, want %s (span %v = %q)", res.Status, tt.status, res.Span, res.Span.In(tt.text))
			}
			if tt.want != "" && res.Span.In(tt.text) != tt.want {
				t.Fatalf("landed on %q, want %q", res.Span.In(tt.text), tt.want)
			}
			if tt.nth > 0 {
				if want, _ := Find(tt.text, tt.want, tt.nth); res.Span != want {
					t.Fatalf("landed on %v, want appearance %d at %v", res.Span, tt.nth, want)
				}
			}
			if res.Status == Orphaned && !res.Span.Empty() {
				t.Fatalf("orphaned note has a passage %v", res.Span)
			}
		})
	}
}

func TestAlignFindsClosestSubstring(t *testing.T) {
	start, end, dist := align("budget would shrink", "Critics said the budget would shrank. Next")
	if got := "Critics said the budget would shrank. Next"[start:end]; got != "budget would shrank" || dist != 1 {
		t.Fatalf("align = %q, distance %d", got, dist)
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"abc", "abc", 1},
		{"", "abc", 0},
		{"abcd", "abce", 0.75},
		{"naïve", "naive", 0.8},
	}
	for _, tt := range tests {
		if got := similarity(tt.a, tt.b); got != tt.want {
			t.Errorf("similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzResolve(f *testing.F) {
	f.Add(base, "the budget would", 2, "Critics sa the budget would grow")
	f.Add("héllo wörld", "wö", 0, "wörld héllo")
	f.Add("", "x", 0, "")
	f.Fuzz(func(t *testing.T, text, quote string, occurrence int, edited string) {
		if !utf8.ValidString(text) || !utf8.ValidString(edited) {
			return // article texts are always valid UTF-8 after decoding
		}
		s, err := Find(text, quote, occurrence%4)
		if err != nil {
			return
		}
		if !strings.Contains(s.In(text), strings.Fields(quote)[0]) {
			t.Fatalf("Find(%q) = %q", quote, s.In(text))
		}
		sl, err := Make(text, s)
		if err != nil {
			return
		}
		if res := Resolve(text, sl); res.Status != Anchored || res.Span != s {
			t.Fatalf("unchanged text: %v %v, want anchored %v", res.Status, res.Span, s)
		}
		res := Resolve(edited, sl)
		if res.Span.Start < 0 || res.Span.End > len(edited) || res.Span.Start > res.Span.End {
			t.Fatalf("span %v outside text of %d bytes", res.Span, len(edited))
		}
		if !boundary(edited, res.Span.Start) || !boundary(edited, res.Span.End) {
			t.Fatalf("span %v splits a character", res.Span)
		}
		if (res.Status == Anchored || res.Status == Moved) && res.Span.Empty() {
			t.Fatalf("%s note with an empty span", res.Status)
		}
	})
}

// FuzzLooseMatchesSurviveNewWhiteSpace: a quote found with white space
// matching loosely (as typed, or with typed quotation marks) is found
// again, the same number of times and in the same words, after every run
// of white space in the text is written differently, as a reflowed or
// re-wrapped copy of the article writes it.
func FuzzLooseMatchesSurviveNewWhiteSpace(f *testing.F) {
	f.Add(base, "bank. A second", "\n")
	f.Add("Beijing’s priority was\tpeace", `Beijing's  priority was peace`, " \r\n")
	f.Add("a a a", "a a", "  ")
	f.Fuzz(func(t *testing.T, text, quote, space string) {
		if !utf8.ValidString(text) || !utf8.ValidString(quote) {
			return // article texts are always valid UTF-8 after decoding
		}
		white := func(r rune) bool { return r < utf8.RuneSelf && isSpace(byte(r)) }
		space = strings.Map(func(r rune) rune {
			if white(r) {
				return r
			}
			return -1
		}, space)
		if space == "" {
			space = "\n"
		}
		edited := strings.Join(strings.FieldsFunc(text, white), space)
		for _, find := range []func(text, quote string) []span.Span{looseOccurrences, quoteOccurrences} {
			before, after := find(text, quote), find(edited, quote)
			if len(before) != len(after) {
				t.Fatalf("%q: %d matches in %q, %d in %q", quote, len(before), text, len(after), edited)
			}
			for i := range before {
				if was, now := strings.Fields(before[i].In(text)), strings.Fields(after[i].In(edited)); !slices.Equal(was, now) {
					t.Fatalf("match %d of %q was %q, is %q", i, quote, was, now)
				}
			}
		}
	})
}
