package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model/span"
)

func TestSummaryPluralsAgreeWithTheirCounts(t *testing.T) {
	a, notes := fixture(t)
	tests := []struct {
		name  string
		notes []annotate.Note
		want  []string
	}{
		{"one note is a note", notes[:1], []string{"- 1 note: 1 false.", "- 3 flagged claims: 1 with a verdict, 2 without."}},
		{"two notes are notes", notes[:2], []string{"- 2 notes: 1 false, 1 opinion."}},
		{"one orphan is a note", notes[3:], []string{"- 1 note: 1 with no verdict.", "- 1 note is orphaned."}},
		{"none is said in words", nil, []string{"- No notes yet."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Markdown(&buf, a, tt.notes, storyOptions(t, a)); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w+"\n") {
					t.Errorf("summary lacks %q:\n%s", w, buf.String())
				}
			}
		})
	}
}

func TestWorksheetListsNotesInArticleOrderOrphansLast(t *testing.T) {
	a, notes := fixture(t)
	shuffled := []annotate.Note{notes[3], notes[1], notes[2], notes[0]}
	var buf bytes.Buffer
	if err := Markdown(&buf, a, shuffled, storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	order := []string{"### 1. False", "### 2. Opinion", "### 3. Unverified (needs-review)", "### 4. No verdict (orphaned)"}
	last := -1
	for _, h := range order {
		i := strings.Index(md, h)
		if i < last {
			t.Fatalf("%q is missing or out of order:\n%s", h, md)
		}
		last = i
	}
}

func TestUnreviewedClaimsAreRankedByCheckworthiness(t *testing.T) {
	a, notes := fixture(t)
	var buf bytes.Buffer
	// Without the false verdict on the first claim, two claims lack one.
	if err := Markdown(&buf, a, notes[1:], storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(buf.String(), "## Claims without a verdict")
	if !ok {
		t.Fatal("no section of unreviewed claims")
	}
	first, second := strings.Index(section, "| 1 | 0.91 |"), strings.Index(section, "| 2 | 0.74 |")
	if first < 0 || second < first || strings.Contains(section, "0.62") {
		t.Fatalf("want the 0.91 then the 0.74 claim, and not the reviewed one:\n%s", section)
	}
}

func TestHeadingsKeepEveryHashAsText(t *testing.T) {
	a, notes := fixture(t)
	a.Title = "Tax rises #2 #"
	notes[0].Verdict = "fake #"
	var buf bytes.Buffer
	if err := Markdown(&buf, a, notes, storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	_, body := splitFrontMatter(t, buf.String())
	got := headings(body)
	for _, want := range []string{`h1 Notes on Tax rises \#2 \#`, `h3 1. Fake \#`} {
		if !slices.Contains(got, want) {
			t.Errorf("headings %q lack %q", got, want)
		}
	}
}

// TestWorksheetSaysWhatARewordedNoteWasWrittenOn moves the fixture's
// moved note onto a passage that reads differently now, as after the
// article was edited: the worksheet quotes the passage as it is and says
// what the verdict was given on; a note whose words are unchanged says
// nothing more.
func TestWorksheetSaysWhatARewordedNoteWasWrittenOn(t *testing.T) {
	a, notes := fixture(t)
	const was = "- Written on: “the fairest in Europe”\n"
	tests := []struct {
		name     string
		reworded bool
	}{
		{"a note on reworded text quotes its old words", true},
		{"a note on unchanged text quotes nothing more", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := notes[1]
			if tt.reworded {
				n.Span = span.Span{Start: n.Span.Start, End: n.Span.Start + len("the fairest")}
			}
			var buf bytes.Buffer
			if err := Markdown(&buf, a, []annotate.Note{n}, storyOptions(t, a)); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), was); got != tt.reworded {
				t.Errorf("the worksheet has %q: %v, want %v:\n%s", was, got, tt.reworded, buf.String())
			}
			if !strings.Contains(buf.String(), "> "+n.Span.In(a.Text)+"\n") {
				t.Errorf("the worksheet does not quote the passage as it is now, %q:\n%s", n.Span.In(a.Text), buf.String())
			}
		})
	}
}

// TestWorksheetNamesWhereANoteNeedingReviewMayBeNow gives the fixture's
// note that needs review the candidate places margin found: the worksheet
// quotes the best and counts the others; with none it says nothing.
func TestWorksheetNamesWhereANoteNeedingReviewMayBeNow(t *testing.T) {
	a, notes := fixture(t)
	at := func(s string) anchor.Candidate {
		sp, err := anchor.Find(a.Text, s, 0)
		if err != nil {
			t.Fatal(err)
		}
		return anchor.Candidate{Span: sp, Score: 0.6}
	}
	tests := []struct {
		name       string
		candidates []anchor.Candidate
		want       string
	}{
		{"one candidate is quoted", []anchor.Candidate{at("Critics call the figures")}, "- Maybe now: “Critics call the figures”\n"},
		{"the others are counted", []anchor.Candidate{at("Critics call"), at("The mayor said")}, "- Maybe now: “Critics call” (and 1 other place)\n"},
		{"none says nothing", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := notes[2]
			n.Candidates = tt.candidates
			var buf bytes.Buffer
			if err := Markdown(&buf, a, []annotate.Note{n}, storyOptions(t, a)); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), "- Maybe now:"); tt.want == "" && got || tt.want != "" && !strings.Contains(buf.String(), tt.want) {
				t.Errorf("the worksheet, want %q:\n%s", tt.want, buf.String())
			}
		})
	}
}

// TestANoteOverTwoClaimsGivesBothItsVerdict writes one verdict on a
// passage running from the first claim into the second: the reader's
// claims panel and review queue count both as judged, so the worksheet
// does not list the second among the claims without a verdict.
func TestANoteOverTwoClaimsGivesBothItsVerdict(t *testing.T) {
	a, _ := fixture(t)
	s, err := anchor.Find(a.Text, "in a year.\nThe mayor said the new tax", 0)
	if err != nil {
		t.Fatal(err)
	}
	sel, _ := anchor.Make(a.Text, s)
	notes := []annotate.Note{{ID: "01E", Span: s, Status: annotate.Anchored, Target: sel, Verdict: annotate.False, Author: "ann", Created: now, Updated: now}}
	var buf bytes.Buffer
	if err := Markdown(&buf, a, notes, storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if !strings.Contains(md, "- 3 flagged claims: 2 with a verdict, 1 without.\n") || !strings.Contains(md, "claims_reviewed: 2\n") {
		t.Errorf("the summary does not count both claims under the note as reviewed:\n%s", md)
	}
	_, section, _ := strings.Cut(md, "## Claims without a verdict")
	if strings.Contains(section, "0.62") || strings.Contains(section, "0.91") {
		t.Errorf("a claim the note judges is listed without a verdict:\n%s", section)
	}
}

func TestClipEndsAtAWord(t *testing.T) {
	tests := []struct {
		name, s string
		n       int
		want    string
	}{
		{"a line that fits is whole", "the harbour wall", 16, "the harbour wall"},
		{"a cut in a word goes back to the word before", "the harbour wall will", 14, "the harbour…"},
		{"a cut before a space keeps the word it ends", "the harbour wall will", 12, "the harbour…"},
		{"a word longer than half the room is cut", "a Donaudampfschifffahrt", 12, "a Donaudamp…"},
		{"characters are counted, not bytes", "Beijing’s priority was", 12, "Beijing’s…"},
		{"line breaks are spaces", "the\nharbour\nwall will", 14, "the harbour…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clip(tt.s, tt.n); got != tt.want {
				t.Errorf("clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
			}
		})
	}
}
