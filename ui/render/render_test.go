package render

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/internal/golden"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/theme"
)

// structured builds a document with every kind of block and inline mark.
func structured() doc.Doc {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: doc.Heading, Level: 1})
	b.Write("Harbour walls and the winter storms")
	b.StartBlock(doc.Block{Kind: doc.Byline})
	b.Write("By Ana Reyes, Coast Desk")
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write("The council said on Tuesday that the ")
	b.StartInline(doc.Emphasis, "")
	b.Write("new sea wall")
	b.EndInline(doc.Emphasis)
	b.Write(" would be finished by spring, according to ")
	b.StartInline(doc.Link, "https://example.org/report")
	b.Write("its latest report")
	b.EndInline(doc.Link)
	b.Write(". Engineers were ")
	b.StartInline(doc.Strong, "")
	b.Write("less sure")
	b.EndInline(doc.Strong)
	b.Write(" and called the schedule ")
	b.StartInline(doc.InlineCode, "")
	b.Write("optimistic")
	b.EndInline(doc.InlineCode)
	b.Write(".")
	b.StartBlock(doc.Block{Kind: doc.Heading, Level: 2})
	b.Write("What was promised")
	b.StartBlock(doc.Block{Kind: doc.ListItem, Marker: "•"})
	b.Write("A wall two metres higher than the old one, built in stages over three winters.")
	b.StartBlock(doc.Block{Kind: doc.ListItem, Marker: "•", Level: 1})
	b.Write("Stage one: the north mole.")
	b.StartBlock(doc.Block{Kind: doc.ListItem, Marker: "2."})
	b.Write("Pumps at both ends of the promenade.")
	b.StartBlock(doc.Block{Kind: doc.Quote})
	b.Write("We have never had a winter like the last one, and we do not expect to have another soon.")
	b.StartBlock(doc.Block{Kind: doc.Quote})
	b.Write("— a harbour master")
	b.StartBlock(doc.Block{Kind: doc.Caption})
	b.Write("The north mole at low tide. (Photo: Ana Reyes)")
	b.StartBlock(doc.Block{Kind: doc.Code, Lang: "sh"})
	b.Write("tide --station north\n\tlevel: 4.2 m (a long line that keeps going past the edge of a narrow screen)")
	for i, row := range [][]string{
		{"Stage", "Cost", "Notes on what the council expects"},
		{"North mole", "£4.1m", "Work starts in March, weather permitting, with a barge"},
		{"Pumps", "£0.8m", "Two pumps"},
	} {
		// The stages centred, the costs right-aligned, as a markdown
		// table writes ":-:" and "--:".
		b.StartBlock(doc.Block{Kind: doc.TableRow, Header: i == 0, Align: "cr-"})
		for _, c := range row {
			b.StartCell()
			b.Write(c)
			b.EndCell()
		}
	}
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write("Averylongwordwithoutanyspacesthatmustbesplitacrosslinesbecauseitcannotfit here.")
	return b.Doc()
}

func plain(t *testing.T, l *Layout, w int, layers ...*Layer) string {
	t.Helper()
	var out strings.Builder
	p := Painter{Theme: theme.New(theme.NoColor)}
	if err := Print(&out, l, w, p, layers...); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestGoldenStructureAtSeveralWidths(t *testing.T) {
	d := structured()
	h := Header{Title: "Harbour walls", Byline: "Ana Reyes", Site: "The Coast", Words: Words(d.Text)}
	for _, w := range []int{30, 60, 80} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			l := New(d, nil, h)
			got := ansi.Strip(plain(t, l, w, InlineLayer(d)))
			for i, line := range strings.Split(got, "\n") {
				if n := ansi.StringWidth(line); n > w {
					t.Errorf("line %d is %d columns wide, more than %d: %q", i, n, w, line)
				}
			}
			golden.Check(t, filepath.Join("testdata", fmt.Sprintf("structure-%d.golden", w)), got)
		})
	}
}

// visible makes escape sequences readable in a golden file.
func visible(s string) string { return strings.ReplaceAll(s, "\x1b", "\\e") }

func TestGoldenLayersMerged(t *testing.T) {
	d := structured()
	text := d.Text
	find := func(s string) span.Span { return doctest.Find(t, text, s) }
	entities := NewLayer([]Mark{
		{Span: find("council"), Class: theme.EntityClass("ORG")},
		{Span: find("Tuesday"), Class: theme.EntityClass("DATE")},
	})
	claims := NewLayer([]Mark{{Span: find("The council said on Tuesday that the new sea wall would be finished by spring"), Class: theme.ClaimClass("attributed")}})
	match := NewLayer([]Mark{{Span: find("sea wall"), Class: theme.ClassMatch}})
	l := New(d, nil, Header{})
	for _, mode := range []theme.Mode{theme.Dark, theme.NoColor} {
		t.Run(mode.String(), func(t *testing.T) {
			var out strings.Builder
			p := Painter{Theme: theme.New(mode), Hyperlinks: true}
			for u := range 4 {
				for _, ln := range l.Lines(u, 50) {
					p.Draw(&out, text, ln, []*Layer{InlineLayer(d), entities, claims, match})
					out.WriteByte('\n')
				}
			}
			golden.Check(t, filepath.Join("testdata", "layers-"+mode.String()+".golden"), visible(out.String()))
		})
	}
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	data, err := os.ReadFile("testdata/hostile.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b doc.Builder
	for _, para := range strings.Split(string(data), "\n\n") {
		b.StartBlock(doc.Block{Kind: doc.Paragraph})
		b.Write(para)
	}
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.StartInline(doc.Link, "http://evil.example/\x1b]52;c;x\x07")
	b.Write("a link with a hostile URL")
	b.EndInline(doc.Link)
	d := b.Doc()
	l := New(d, nil, Header{Title: "\x1b[2Jtitle\u202e", Byline: "\x9bby"})
	out := plain(t, l, 60, InlineLayer(d))
	// The no-colour theme still emits SGR for bold and underline; strip
	// exactly those and require that no other escape is left.
	rest := sgr.ReplaceAllString(out, "")
	for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u009d", "\u202e", "\u2066", "\x7f", "\b"} {
		if strings.Contains(rest, bad) {
			t.Errorf("output contains %q:\n%s", bad, rest)
		}
	}
	if strings.Contains(out, "\x1b]8;") {
		t.Errorf("a URL with control bytes became a hyperlink")
	}
	if !strings.Contains(rest, "␛[31mRED") {
		t.Errorf("ESC is not shown as a visible picture:\n%s", rest)
	}
}

func TestWords(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{{"", 0}, {"one", 1}, {"  two  words ", 2}, {"a\nb\tc\r\nd", 4}} {
		if got := Words(tt.text); got != tt.want {
			t.Errorf("Words(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestMoreWordsCountsLikeWordsAtEverySplit counts texts in two parts,
// split at every byte: words across the split, spaces on either side.
func TestMoreWordsCountsLikeWordsAtEverySplit(t *testing.T) {
	for _, text := range []string{"", "one", "two words", " lead and trail ", "a\nb\tc\r\nd", "joined\n\nparas  here"} {
		for n := 0; n <= len(text); n++ {
			if got, want := MoreWords(text, n, Words(text[:n])), Words(text); got != want {
				t.Errorf("MoreWords(%q, %d) = %d, want %d", text, n, got, want)
			}
		}
	}
}

func TestFitGivesExactlyTheWidth(t *testing.T) {
	tests := []struct {
		name string
		line string
		w    int
		want string
	}{
		{"pads a short line", "ab", 4, "ab  "},
		{"cuts a long line with an ellipsis", "abcdef", 4, "abc…"},
		{"counts wide characters as two columns", "日本語", 4, "日… "},
		{"gives nothing for no width", "abc", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fit(tt.line, tt.w); got != tt.want {
				t.Errorf("Fit(%q, %d) = %q, want %q", tt.line, tt.w, got, tt.want)
			}
		})
	}
}

func TestWrappingNeverStartsALineWithClosingPunctuation(t *testing.T) {
	texts := []struct {
		name string
		text string
	}{
		{"a quoted word and a comma", "officials called the reports “disinformation”, a Chinese official said."},
		{"a bracket and a full stop", "the figure (roughly 600) was revised (twice)."},
		{"an ellipsis after a long word", "the investigation was inconclusive… for now"},
	}
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			// From 4 columns on, a letter and up to three marks fit on
			// one line, so a cut can always keep them together.
			for w := 4; w <= 40; w++ {
				for _, l := range wrapProse(tt.text, 0, len(tt.text), w) {
					if l.Start == 0 || l.Start >= len(tt.text) || tt.text[l.Start-1] == ' ' {
						continue
					}
					if r, _ := utf8.DecodeRuneInString(tt.text[l.Start:]); closing(r) {
						t.Errorf("at width %d a line starts with %q: %q", w, r, tt.text[l.Start:l.End])
					}
				}
			}
		})
	}
}

// TestALinkTooLongForALineBreaksAfterASeparator wraps a link longer than
// the line: it was cut at the line's last column, "…/columns/at/a" over
// "ll?with=…"; each cut now ends at a "/", "?", "&", "=" or "-" when one
// is in the line's second half.
func TestALinkTooLongForALineBreaksAfterASeparator(t *testing.T) {
	const text = "see https://example.org/a/very/long/path/that/does/not/fit/in/forty/columns/at/all?with=query&and=more now"
	for _, w := range []int{20, 30, 40, 60, 76} {
		t.Run(fmt.Sprint(w, " columns"), func(t *testing.T) {
			lines := wrapProse(text, 0, len(text), w)
			for _, l := range lines[:len(lines)-1] {
				got := text[l.Start:l.End]
				if Width(got) > w {
					t.Errorf("the line %q is wider than %d", got, w)
				}
				if l.End < len(text) && text[l.End] != ' ' && !strings.ContainsAny(got[len(got)-1:], "/?&=-") {
					t.Errorf("the link is cut in a name: %q", got)
				}
			}
		})
	}
}

// TestAWordOfNoSeparatorIsStillCutAtTheLine keeps the old cut where
// there is nowhere better: a long name with no separator, or one only in
// the first half of the line.
func TestAWordOfNoSeparatorIsStillCutAtTheLine(t *testing.T) {
	tests := []struct {
		name, word string
		n, want    int
	}{
		{"no separator", "Donaudampfschifffahrtsgesellschaft", 20, 20},
		{"a separator too early", "ab/cdefghijklmnopqrstuvwxyz", 20, 20},
		{"a separator late enough", "abcdefghijklmn/opqrstuvwxyz", 20, 15},
		{"a separator right at the cut is not moved past", "abcdefghijklmnopqrs/tuvwxyz", 20, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := breakInLink(tt.word, tt.n); got != tt.want {
				t.Errorf("breakInLink(%q, %d) = %d, want %d", tt.word, tt.n, got, tt.want)
			}
		})
	}
}

// TestAChineseSentenceNeverStartsALineWithItsFullStop cuts a sentence of
// Chinese and Japanese, which has no spaces, at every width: no line
// starts with a full-width mark that ends a clause.
func TestAChineseSentenceNeverStartsALineWithItsFullStop(t *testing.T) {
	const text = "中文新闻报道说，政府否认了这些指控。日本語の記事も含まれています。"
	for w := 4; w <= 40; w++ {
		for _, l := range wrapProse(text, 0, len(text), w)[1:] {
			if r, _ := utf8.DecodeRuneInString(text[l.Start:]); strings.ContainsRune("。，、", r) {
				t.Errorf("at width %d a line starts with %q: %q", w, r, text[l.Start:l.End])
			}
		}
	}
}

func TestHeaderShowsDatesAndAFactCheckVerdict(t *testing.T) {
	d := structured()
	tests := []struct {
		name   string
		h      Header
		want   []string
		forbid []string
	}{
		{"an updated page shows both dates", Header{Byline: "Jo Penrose", Published: "2019-11-20", Modified: "2019-11-21"},
			[]string{"Jo Penrose · 2019-11-20 · updated 2019-11-21"}, nil},
		{"a page modified the day it was published shows one date", Header{Published: "2019-11-20", Modified: "2019-11-20"},
			[]string{"2019-11-20"}, []string{"updated"}},
		{"a fact-check page says what it rates, how and by whom", Header{Rates: "The bridge cost £9 billion", Rating: "False", Reviewer: "Coast Checks"},
			[]string{"Rates: ‘The bridge cost £9 billion’ · False · by Coast Checks"}, nil},
		{"a rating without its claim still shows", Header{Rating: "Misleading"},
			[]string{"Misleading"}, []string{"Rates:", "by "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ansi.Strip(plain(t, New(d, nil, tt.h), 80, InlineLayer(d)))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("header lacks %q:\n%s", w, got)
				}
			}
			for _, f := range tt.forbid {
				if strings.Contains(strings.SplitN(got, "words", 2)[0], f) {
					t.Errorf("header shows %q:\n%s", f, got)
				}
			}
		})
	}
}

func TestFurnitureIsDrawnMuted(t *testing.T) {
	tests := []struct {
		name string
		kind doc.BlockKind
		want Role
	}{
		{"a paragraph is drawn as text", doc.Paragraph, RoleText},
		{"a caption is drawn like the meta line", doc.Caption, RoleMeta},
		{"a byline is drawn like the header's byline", doc.Byline, RoleByline},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b doc.Builder
			b.StartBlock(doc.Block{Kind: tt.kind})
			b.Write("Ana Reyes at the north mole")
			d := b.Doc()
			for _, ln := range New(d, nil, Header{}).Lines(0, 40) {
				for _, pc := range ln.Pieces {
					if pc.Text && pc.Role != tt.want {
						t.Errorf("text piece has role %d, want %d", pc.Role, tt.want)
					}
				}
			}
		})
	}
}

func TestShortenCutsANameInItsMiddle(t *testing.T) {
	tests := []struct {
		name string
		in   string
		w    int
		want string
	}{
		{"leaves a name that fits alone", "harbour.txt", 11, "harbour.txt"},
		{"keeps the start and the extension of a long file name", "harbour-walls-and-storms.txt", 15, "harbour…rms.txt"},
		{"keeps the site and the slug of an address", "https://example.org/news/2024/harbour-walls", 24, "https://exa…arbour-walls"},
		{"never splits a wide character", "港口防洪墙计划.txt", 10, "港口….txt"},
		{"is only the ellipsis in one column", "harbour.txt", 1, "…"},
		{"is nothing in no columns", "harbour.txt", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Shorten(tt.in, tt.w)
			if got != tt.want {
				t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
			}
			if Width(got) > tt.w {
				t.Errorf("Shorten(%q, %d) = %q is %d columns wide", tt.in, tt.w, got, Width(got))
			}
		})
	}
}

// TestHeaderNeverSplitsTheSourceMidName lays out the header of an article
// with a long file name in columns narrower than it: the name stays on
// one line, its start and extension in view.
func TestHeaderNeverSplitsTheSourceMidName(t *testing.T) {
	h := Header{Source: "breakwater-repairs-delayed-again.txt", Words: 120}
	for _, w := range []int{18, 24, 36} {
		t.Run(fmt.Sprintf("in %d columns", w), func(t *testing.T) {
			lines := New(structured(), nil, h).Lines(0, w)
			src := lines[0].Pieces[0].Lit
			if !strings.HasPrefix(src, "break") || !strings.HasSuffix(src, ".txt") || Width(src) > w {
				t.Errorf("the source line is %q in %d columns", src, w)
			}
			if next := lines[1].Pieces[0].Lit; !strings.Contains(next, "words") {
				t.Errorf("the line after the source is %q, not the word count", next)
			}
		})
	}
}

// TestHeaderBreaksItsFieldsBetweenFields lays out bylines in columns that
// cannot hold them: a line breaks between two fields, so none starts with
// the " · " that joins them.
func TestHeaderBreaksItsFieldsBetweenFields(t *testing.T) {
	tests := []struct {
		name string
		h    Header
	}{
		{"a byline, a site and a date", Header{Byline: "Margin sample desk", Site: "margin samples", Published: "2026-03-14"}},
		{"a fact-check verdict and its reviewer", Header{Rates: "The bridge cost £9 billion", Rating: "Mostly false", Reviewer: "Coast Checks"}},
	}
	for _, tt := range tests {
		for _, w := range []int{16, 24, 36} {
			t.Run(fmt.Sprintf("%s in %d columns", tt.name, w), func(t *testing.T) {
				for _, ln := range New(structured(), nil, tt.h).Lines(0, w) {
					for _, pc := range ln.Pieces {
						if strings.HasPrefix(pc.Lit, "·") || strings.HasSuffix(pc.Lit, "·") {
							t.Errorf("a header line is %q", pc.Lit)
						}
					}
				}
			})
		}
	}
}

func TestHeadingsBelowTheFirstShowALevelMarkNotHashes(t *testing.T) {
	for _, tc := range []struct {
		level int
		want  string
	}{{2, "■ "}, {3, "▪ "}, {4, "· "}, {6, "· "}} {
		first, rest, w, _ := prefix(doc.Block{Kind: doc.Heading, Level: tc.level})
		if len(first) != 1 || first[0].Lit != tc.want || w != Width(tc.want) {
			t.Errorf("level %d: first line starts %+v (width %d), want %q", tc.level, first, w, tc.want)
		}
		if len(rest) != 1 || Width(rest[0].Lit) != w || strings.TrimSpace(rest[0].Lit) != "" {
			t.Errorf("level %d: wrapped lines start %+v, want %d spaces", tc.level, rest, w)
		}
	}
}

func TestHeaderCountsWordsAndMinutes(t *testing.T) {
	for _, tt := range []struct {
		name  string
		words int
		want  string
	}{
		{"a text with no words says so, without a minute to read", 0, "no words to read"},
		{"one word is a word, not words", 1, "1 word · 1 min read"},
		{"a short text takes a minute", 40, "40 words · 1 min read"},
		{"a long text counts in thousands and minutes", 2300, "2,300 words · 10 min read"},
		{"59 minutes are minutes", 13570, "13,570 words · 59 min read"},
		{"an hour is an hour", 13800, "13,800 words · 1 h read"},
		{"past an hour the time is in hours and minutes", 100000, "100,000 words · 7 h 15 min read"},
		{"a book's hours count in thousands", 14000000, "14,000,000 words · 1,014 h 30 min read"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := readingTime(tt.words); got != tt.want {
				t.Errorf("readingTime(%d) = %q, want %q", tt.words, got, tt.want)
			}
		})
	}
}

func TestHeaderLeavesTheBylineToTheTextWhenTheTextHasIt(t *testing.T) {
	d := structured()
	for _, tt := range []struct {
		name, byline string
		inHeader     bool
	}{
		{"a byline the text has in a block of its own is said once, there", "Ana Reyes", false},
		{"a byline the text lacks stays in the header", "Jo Penrose", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ansi.Strip(plain(t, New(d, nil, Header{Byline: tt.byline, Site: "The Coast"}), 80, InlineLayer(d)))
			header := strings.SplitN(got, "words", 2)[0]
			if strings.Contains(header, tt.byline) != tt.inHeader {
				t.Errorf("the header showing %q is %v, want %v:\n%s", tt.byline, !tt.inHeader, tt.inHeader, got)
			}
		})
	}
}

// TestHeaderLeavesToTheTextABylineParagraph: cleanup takes the byline
// from a "By …" paragraph it leaves a paragraph ("By Margin sample desk",
// not shaped like a name); the header does not say it again above it.
func TestHeaderLeavesToTheTextABylineParagraph(t *testing.T) {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: doc.Heading, Level: 1})
	b.Write("The last salmon run")
	b.EndBlock()
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write("By Margin sample desk")
	b.EndBlock()
	b.StartBlock(doc.Block{Kind: doc.Paragraph})
	b.Write("Margin sample desk wrote this. The river rose.")
	b.EndBlock()
	d := b.Doc()
	got := ansi.Strip(plain(t, New(d, nil, Header{Title: "The last salmon run", Byline: "Margin sample desk"}), 80, InlineLayer(d)))
	if header := strings.SplitN(got, "words", 2)[0]; strings.Contains(header, "Margin sample desk") {
		t.Errorf("the header repeats the byline the text opens with:\n%s", got)
	}
	got = ansi.Strip(plain(t, New(d, nil, Header{Title: "The last salmon run", Byline: "Jo Penrose"}), 80, InlineLayer(d)))
	if header := strings.SplitN(got, "words", 2)[0]; !strings.Contains(header, "Jo Penrose") {
		t.Errorf("the header lost a byline the text lacks:\n%s", got)
	}
}

func TestCodeWrapsAfterItsLastSpace(t *testing.T) {
	for _, tt := range []struct {
		name, code string
		w          int
		want       []string
	}{
		{"a comment breaks between words", "// wrap at width (default is 80)", 20, []string{"// wrap at width ", "(default is 80)"}},
		{"a line without spaces breaks anywhere", "https://example.org/a/long/path", 12, []string{"https://exam", "ple.org/a/lo", "ng/path"}},
		{"the indentation is not a place to break", "        averyveryverylongname()", 16, []string{"        averyver", "yverylongname()"}},
		{"every byte stays on some line", "a b c d e f", 4, []string{"a b ", "c d ", "e f"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range wrapCode(tt.code, 0, len(tt.code), tt.w) {
				got = append(got, tt.code[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrapCode at %d = %q, want %q", tt.w, got, tt.want)
			}
		})
	}
}

// TestHeaderCutsAFieldTooLongForThreeLines: a title (or byline) longer
// than three lines is cut on the third with "…", so the text still
// starts on the first screen.
func TestHeaderCutsAFieldTooLongForThreeLines(t *testing.T) {
	for _, h := range []Header{
		{Title: strings.Repeat("x", 5000), Words: 9},
		{Title: strings.Repeat("Harbour council approves the wall ", 40), Words: 9},
		{Byline: strings.Repeat("Jo Penrose and ", 60) + "Ana Reyes", Words: 9},
	} {
		for _, w := range []int{20, 80} {
			lines := New(structured(), nil, h).Lines(0, w)
			n := slices.IndexFunc(lines, func(l Line) bool { return len(l.Pieces) > 0 && strings.Contains(l.Pieces[0].Lit, "words") })
			if n != maxFieldLines {
				t.Fatalf("in %d columns the field takes %d lines, want %d", w, n, maxFieldLines)
			}
			for _, l := range lines[:n] {
				if Width(l.Pieces[0].Lit) > w {
					t.Errorf("a header line is wider than %d columns: %q", w, l.Pieces[0].Lit)
				}
			}
			if last := lines[n-1].Pieces[0].Lit; !strings.HasSuffix(last, "…") {
				t.Errorf("the field's last line does not say it was cut: %q", last)
			}
		}
	}
}

func TestCutWordsEndsAtAWord(t *testing.T) {
	bold := "\x1b[1m"
	tests := []struct {
		name, line string
		w          int
		want       string
	}{
		{"keeps a line that fits", "source: the local paper", 30, "source: the local paper"},
		{"drops the word that does not fit", "source: the local paper", 20, "source: the local"},
		{"keeps a word that ends at the edge", "note: misleading · moved", 16, "note: misleading"},
		{"cuts inside a first word too long", "  https://example.org/moorings", 12, "  https://ex"},
		{"counts wide characters by their columns", "港口 关闭 了", 6, "港口"},
		{"leaves a separator with what it separated", "needs-review · Not on the site", 16, "needs-review"},
		{"keeps the styles of what it keeps", bold + "cues:" + "\x1b[m" + " “could”", 7, "cues:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CutWords(tt.line, tt.w)
			if ansi.Strip(got) != tt.want || ansi.StringWidth(got) > tt.w {
				t.Errorf("CutWords(%q, %d) = %q, want %q", tt.line, tt.w, ansi.Strip(got), tt.want)
			}
		})
	}
}

func TestMarkedSaysThereIsMoreOnceAtEachEnd(t *testing.T) {
	tests := []struct {
		name, line   string
		w            int
		above, below bool
		want         string
	}{
		{"a line with nothing hidden is as it was", "  cues: “could”", 20, false, false, "  cues: “could”"},
		{"more above takes the indent, and a word to make room", "  tags: numbers, harbour", 20, true, false, "… tags: numbers,"},
		{"more below takes words off the end", "said by: the local paper", 20, false, true, "said by: the local …"},
		{"a line a row high takes both marks in one cut", "said by: the local paper", 17, true, true, "… said by: the …"},
		{"a quote cut short gives its … to the mark", "  “…the harbour…", 20, false, true, "  “…the harbour …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Marked(tt.line, tt.w, tt.above, tt.below, lipgloss.NewStyle())
			if ansi.Strip(got) != tt.want || ansi.StringWidth(got) > tt.w {
				t.Errorf("Marked(%q, %d, %v, %v) = %q, want %q", tt.line, tt.w, tt.above, tt.below, ansi.Strip(got), tt.want)
			}
		})
	}
}

func TestEllipsisCutsAtAWordWhenThatKeepsTwoThirds(t *testing.T) {
	tests := []struct {
		name, line string
		w          int
		want       string
	}{
		{"keeps a line that fits", "Rents rose", 10, "Rents rose"},
		{"cuts after the last word that fits", "According to the local paper", 14, "According to…"},
		{"cuts inside a word when a word cut keeps too little", "Leonid Slutsky", 13, "Leonid Sluts…"},
		{"cuts a single long word inside it", "Kilimanjaro", 6, "Kilim…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Ellipsis(tt.line, tt.w); got != tt.want || ansi.StringWidth(got) > tt.w {
				t.Errorf("Ellipsis(%q, %d) = %q, want %q", tt.line, tt.w, got, tt.want)
			}
		})
	}
}

func TestFieldsCountsTheFieldsThatFitWhole(t *testing.T) {
	parts := []string{"Review", "claim 1 of 9", "¶3", "most worth checking first"}
	tests := []struct {
		w, want int
	}{
		{100, 4}, {26, 3}, {25, 2}, {3, 1},
	}
	for _, tt := range tests {
		if got := Fields(parts, " · ", tt.w); got != tt.want {
			t.Errorf("Fields at %d columns = %d, want %d", tt.w, got, tt.want)
		}
	}
}

// TestATableTooNarrowForItsWordsKeepsItsFiguresWhole: at 41 columns a
// table of a wide text column and three of figures breaks the words, not
// the figures; at 36 it is stacked, the figures whole too.
func TestATableTooNarrowForItsWordsKeepsItsFiguresWhole(t *testing.T) {
	var b doc.Builder
	rows := [][]string{
		{"Budget line", "Last year", "This year", "Rise"},
		{"Street lighting and pavements in the eastern wards", "2,450,000", "2,710,500", "+10.6%"},
		{"Ferries", "310,000", "298,000", "-3.9%"},
	}
	for i, row := range rows {
		b.StartBlock(doc.Block{Kind: doc.TableRow, Header: i == 0, Align: "-rrr"})
		for _, c := range row {
			b.StartCell()
			b.Write(c)
			b.EndCell()
		}
	}
	d := b.Doc()
	for _, w := range []int{36, 41} {
		got := ansi.Strip(plain(t, New(d, nil, Header{}), w))
		for _, row := range rows[1:] {
			for _, figure := range row[1:] {
				if !strings.Contains(got, figure) {
					t.Errorf("at %d columns %q is not drawn whole:\n%s", w, figure, got)
				}
			}
		}
	}
}

// TestOffsetAtFindsTheCharacterUnderAColumn: a column on a character gives
// its start, wide characters taking two; a column on a list's marker
// gives the text after it, one past the text its last byte.
func TestOffsetAtFindsTheCharacterUnderAColumn(t *testing.T) {
	var b doc.Builder
	b.StartBlock(doc.Block{Kind: doc.ListItem, Marker: "•"})
	b.Write("港口 wall")
	d := b.Doc()
	l := New(d, nil, Header{})
	var ln Line
	for u := range l.Units() {
		for _, line := range l.Lines(u, 40) {
			if line.End > line.Start {
				ln = line
			}
		}
	}
	start := strings.Index(d.Text, "港")
	for _, tc := range []struct{ col, want int }{
		{0, start},       // the marker
		{2, start},       // 港
		{3, start},       // its second column
		{4, start + 3},   // 口
		{7, start + 7},   // w
		{30, start + 10}, // past the end: the last byte
	} {
		if got := ln.OffsetAt(d.Text, tc.col); got != tc.want {
			t.Errorf("OffsetAt(%d) = %d, want %d (line %q)", tc.col, got, tc.want, d.Text[ln.Start:ln.End])
		}
	}
	if got := (Line{}).OffsetAt(d.Text, 3); got != -1 {
		t.Errorf("a line without text gives %d, want -1", got)
	}
}

// ferryTable is a table of four columns whose words do not fit side by
// side in 30 columns: a long heading, a long cell, an empty one.
func ferryTable(header bool) doc.Doc {
	rows := [][]string{
		{"Route", "Crossings each weekday", "Fare", "Operator"},
		{"Ardmore to Kilbride", "6", "£12.50", "Western Isles Ferries"},
		{"Kilbride to the mainland harbour at Oban", "2", "", "Caledonian"},
	}
	if !header {
		rows = rows[1:]
	}
	return tableOf(rows, header)
}

// tableOf is a document of one table of rows, the first a heading row
// if header.
func tableOf(rows [][]string, header bool) doc.Doc {
	var b doc.Builder
	for i, row := range rows {
		b.StartBlock(doc.Block{Kind: doc.TableRow, Header: header && i == 0})
		for _, c := range row {
			b.StartCell()
			b.Write(c)
			b.EndCell()
		}
	}
	return b.Doc()
}

// TestANarrowTableIsStackedRowByRow: where the words of a table's columns
// do not fit side by side in 40 columns or fewer, each row is drawn as
// "heading: cell" lines ending in a rule, every cell's words whole and on
// screen; wider, the grid stays.
func TestANarrowTableIsStackedRowByRow(t *testing.T) {
	d := ferryTable(true)
	for _, w := range []int{26, 36} {
		got := ansi.Strip(plain(t, New(d, nil, Header{}), w))
		golden.Check(t, filepath.Join("testdata", fmt.Sprintf("stacked-%d.golden", w)), got)
		if strings.Contains(got, "│") {
			t.Errorf("at %d columns the table is still a grid:\n%s", w, got)
		}
		for _, want := range []string{"Fare: £12.50", "Route: Ardmore to Kilbride", "Operator: Caledonian"} {
			if !strings.Contains(got, want) {
				t.Errorf("at %d columns the stacked table lacks %q:\n%s", w, want, got)
			}
		}
		if n := strings.Count(got, strings.Repeat("─", w)); n != 3 {
			t.Errorf("at %d columns %d rules, want one under the heading row and one after each row:\n%s", w, n, got)
		}
		if strings.Contains(got, "Fare:\n") || strings.Count(got, "Fare") != 2 { // the heading row and the first row
			t.Errorf("an empty cell is drawn with its heading:\n%s", got)
		}
		for i, line := range strings.Split(got, "\n") {
			if n := ansi.StringWidth(line); n > w {
				t.Errorf("line %d is %d columns wide, more than %d: %q", i, n, w, line)
			}
		}
	}
	if got := ansi.Strip(plain(t, New(d, nil, Header{}), 60)); !strings.Contains(got, "│") {
		t.Errorf("at 60 columns the table is not a grid:\n%s", got)
	}
}

// TestAStackedTableWithoutHeadingsDrawsItsCellsAlone: with no heading row
// each cell is a line of its own.
func TestAStackedTableWithoutHeadingsDrawsItsCellsAlone(t *testing.T) {
	got := ansi.Strip(plain(t, New(ferryTable(false), nil, Header{}), 26))
	for _, want := range []string{"\nArdmore to Kilbride\n", "\n£12.50\n", "\nCaledonian\n"} {
		if !strings.Contains("\n"+got, want) {
			t.Errorf("the stacked table lacks the line %q:\n%s", strings.Trim(want, "\n"), got)
		}
	}
}

// TestAStackedCellPaddedWithNoBreakSpacesDrawsNoBlankLines: pages pad
// cells with "\u00a0 " runs; stacked, they are left out.
func TestAStackedCellPaddedWithNoBreakSpacesDrawsNoBlankLines(t *testing.T) {
	pad := strings.Repeat("\u00a0 ", 12)
	d := tableOf([][]string{{"Model" + pad, "Price", "Rating", "Isofix"}, {"Harbour Seat 2" + pad, pad + "370 €" + pad, "1,7", "yes"}}, true)
	got := ansi.Strip(plain(t, New(d, nil, Header{}), 26))
	for _, want := range []string{"\nModel: Harbour Seat 2\n", "\nPrice: 370 €\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("the stacked table lacks the line %q:\n%q", strings.Trim(want, "\n"), got)
		}
	}
	table := got[strings.Index(got, "Model"):] // after the article's header and its gap
	for i, line := range strings.Split(strings.TrimSpace(table), "\n") {
		if strings.TrimSpace(strings.ReplaceAll(line, "\u00a0", " ")) == "" {
			t.Errorf("line %d is blank:\n%q", i, got)
		}
	}
}

// TestAStackedCellWithNoHeadingOfItsOwnIsLabelledByItsColumn: a cell
// under an empty heading is labelled by its column's number; unlabelled,
// it read as more lines of the cell above it. A row of another count of
// cells than the heading row (a heading over two columns) is drawn with
// no labels, which by position would name another column's cell; the
// heading row above names them, and an empty heading draws no line.
func TestAStackedCellWithNoHeadingOfItsOwnIsLabelledByItsColumn(t *testing.T) {
	rows := [][]string{
		{"Station", "", "Opened"},
		{"Glenbrook Halt on the old coast line", "request stop", "1894"},
		{"Corran Pier", "ferry", "1902", "closed in winter"},
	}
	got := ansi.Strip(plain(t, New(tableOf(rows, true), nil, Header{}), 26))
	for _, want := range []string{"Station: Glenbrook", "Column 2: request stop", "Opened: 1894", "\nCorran Pier\n", "\nclosed in winter\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("the stacked table lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Opened: 1902") || strings.Contains(got, "Column 4") {
		t.Errorf("a row of four cells under three headings is labelled by position:\n%s", got)
	}
	if strings.Contains(got, "Station\n\n") {
		t.Errorf("the empty heading drew a blank line:\n%s", got)
	}
}
