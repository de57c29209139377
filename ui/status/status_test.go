package status

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/ui/theme"
)

func TestGoldenStatusBar(t *testing.T) {
	cases := []struct {
		name    string
		message string
		isError bool
	}{
		{"title", "", false},
		{"message", "note saved to /home/ana/news/harbour.txt.notes.jsonl", false},
		{"error", "note not saved: permission denied", true},
	}
	var b strings.Builder
	for _, w := range []int{40, 80, 200} {
		for _, c := range cases {
			m := New(theme.New(theme.NoColor))
			m.SetWidth(w)
			m.SetTitle("Harbour board promises new tide gauges before the storms")
			m.SetInfo("2/5", "37%")
			m.SetHint("? help")
			if c.isError {
				m.SetError(c.message)
			} else if c.message != "" {
				m.SetMessage(c.message)
			}
			got := ansi.Strip(m.View())
			if ansi.StringWidth(got) != w || strings.Contains(got, "\n") {
				t.Errorf("%s at %d: the bar is %d columns or more than a line: %q", c.name, w, ansi.StringWidth(got), got)
			}
			fmt.Fprintf(&b, "%s at %d:\n%s\n", c.name, w, got)
		}
	}
	golden.Check(t, filepath.Join("testdata", "bar.golden"), b.String())
}

func TestFitMessage(t *testing.T) {
	tests := []struct {
		name, msg string
		w         int
		want      string
	}{
		{"leaves a message that fits alone", "note saved to /home/ana/harbour.txt", 40, "note saved to /home/ana/harbour.txt"},
		{"drops the start of a path before its file name", "note saved to /home/ana/news/harbour.txt.notes.jsonl", 40, "note saved to …/harbour.txt.notes.jsonl"},
		{"cuts the end once only the file name is left", "note saved to /home/ana/news/harbour.txt.notes.jsonl", 30, "note saved to …/harbour.txt.n…"},
		{"cuts a path that is not ASCII between characters", "saved to /home/zoë/actualités/récit.txt", 24, "saved to …/récit.txt"},
		{"cuts a message without a path at its end", "note not saved: permission denied", 20, "note not saved: per…"},
		{"cuts a link at its end, as links read from the start", "opened https://example.com/a/long/page", 25, "opened https://example.c…"},
		{"keeps a count, which is not a path", "entity 12/40 · Organisations: Harbour Board", 24, "entity 12/40 · Organisa…"},
		{"keeps a date, which is not a path", "rated 2024/03/14 by the harbour desk", 20, "rated 2024/03/14 by…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitMessage(tt.msg, tt.w)
			if got != tt.want {
				t.Errorf("fitMessage(%q, %d) = %q, want %q", tt.msg, tt.w, got, tt.want)
			}
			if w := ansi.StringWidth(got); w > tt.w {
				t.Errorf("%q is %d columns, more than %d", got, w, tt.w)
			}
		})
	}
}

func TestTitleIsCutLikeWhatItIs(t *testing.T) {
	tests := []struct {
		name   string
		set    func(*Model, string)
		title  string
		want   string
		forbid string
	}{
		{"a title keeps its start", (*Model).SetTitle, "Harbour board promises new tide gauges before the storms", "Harbour board promises", ""},
		{"a file's name keeps its extension", (*Model).SetName, "harbour-board-promises-new-tide-gauges.txt", "gauges.txt", ""},
		{"a file's name keeps its start", (*Model).SetName, "harbour-board-promises-new-tide-gauges.txt", " harbour-boa", ""},
		{"a file's name that fits is whole", (*Model).SetName, "gauges.txt", "gauges.txt", "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(theme.New(theme.NoColor))
			m.SetWidth(40)
			m.SetInfo("37%")
			m.SetHint("? help")
			tt.set(&m, tt.title)
			got := ansi.Strip(m.View())
			if !strings.Contains(got, tt.want) || tt.forbid != "" && strings.Contains(got, tt.forbid) {
				t.Errorf("the bar is %q", got)
			}
		})
	}
}

// TestALongMessageGoesOnToASecondRow sets messages of every length the
// reader says: one that fits keeps one row, as does a path that fits once
// shortened; a longer one asks for two and, given them, reads on across
// both (a path still shortened to keep its file name), each row the
// bar's width.
func TestALongMessageGoesOnToASecondRow(t *testing.T) {
	tests := []struct {
		name, msg string
		rows      int
		shows     string
	}{
		{"a short message keeps one row", "note deleted: u undoes", 1, "note deleted: u undoes"},
		{"a path shortened to fit keeps one row", "note saved to /home/ana/news/pier.txt", 1, "note saved to …/pier.txt"},
		{"a long message takes two", "1 needs review, 1 orphaned: ! lists them", 2, "1 needs review, 1 orphaned: ! lists them"},
		{"a path too long once shortened takes two", "note saved to /home/ana/news/harbour.txt.notes.jsonl", 2, "note saved to …/harbour.txt.notes.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(theme.New(theme.NoColor))
			m.SetWidth(40)
			m.SetInfo("37%")
			m.SetHint("? help")
			m.SetMessage(tt.msg)
			if got := m.WantsRows(); got != tt.rows {
				t.Fatalf("WantsRows() = %d, want %d", got, tt.rows)
			}
			m.SetRows(tt.rows)
			lines := strings.Split(ansi.Strip(m.View()), "\n")
			if len(lines) != tt.rows {
				t.Fatalf("the bar draws %d rows, want %d: %q", len(lines), tt.rows, lines)
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w != 40 {
					t.Errorf("a row is %d columns, not 40: %q", w, l)
				}
			}
			if joined := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); !strings.Contains(joined, tt.shows) {
				t.Errorf("the rows do not show %q: %q", tt.shows, lines)
			}
		})
	}
}

// TestAMessageTakesTheHintsRoomBeforeItIsCut fits messages beside the
// review queue's count and hints: the hints give way first, then the
// count, so the message is read whole; at 40 columns it was cut to
// "no…", or a second row's path to "…/…", beside them.
func TestAMessageTakesTheHintsRoomBeforeItIsCut(t *testing.T) {
	tests := []struct {
		name, msg   string
		width, rows int
		shows, keep string
	}{
		{"a message that fits keeps the count and hints", "note deleted: u undoes", 60, 1, "note deleted: u undoes", "3/20 reviewed  esc/r back · ? help"},
		{"the hints give way to a message", "verdict saved: false", 40, 1, "verdict saved: false", "3/20 reviewed"},
		{"the count gives way after the hints", "note not saved: permission denied", 40, 1, "note not saved: permission denied", ""},
		{"a second row's path keeps its file name", "note saved to /home/ana/news/harbour.txt.notes.jsonl", 40, 2, "note saved to …/ana/news/harbour.txt.notes.jsonl", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(theme.New(theme.NoColor))
			m.SetWidth(tt.width)
			m.SetInfo("3/20 reviewed")
			m.SetHint("esc/r back · ? help")
			m.SetMessage(tt.msg)
			m.SetRows(tt.rows)
			lines := strings.Split(ansi.Strip(m.View()), "\n")
			for _, l := range lines {
				if w := ansi.StringWidth(l); w != tt.width {
					t.Errorf("a row is %d columns, not %d: %q", w, tt.width, l)
				}
			}
			joined := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
			if !strings.Contains(joined, tt.shows) {
				t.Errorf("the bar does not show %q: %q", tt.shows, lines)
			}
			if last := lines[len(lines)-1]; !strings.HasSuffix(last, tt.keep+" ") {
				t.Errorf("the bar's last row ends %q, want %q beside the message", last, tt.keep)
			}
		})
	}
}

// TestTheHintsGoWholeWhenTheyDoNotFitBesideThePosition narrows the bar
// of the review queue: the hints stand whole beside the count, or go.
func TestTheHintsGoWholeWhenTheyDoNotFitBesideThePosition(t *testing.T) {
	for _, tt := range []struct {
		width int
		ends  string
	}{{40, "3/20 reviewed  esc/r back · ? help "}, {30, "3/20 reviewed "}, {20, "3/20 reviewed "}} {
		m := New(theme.New(theme.NoColor))
		m.SetWidth(tt.width)
		m.SetTitle("Stealth Over Health")
		m.SetInfo("3/20 reviewed")
		m.SetHint("esc/r back · ? help")
		if got := ansi.Strip(m.View()); ansi.StringWidth(got) != tt.width || !strings.HasSuffix(got, tt.ends) {
			t.Errorf("at %d columns the bar reads %q, want it to end %q", tt.width, got, tt.ends)
		}
	}
}

// TestAMessageTooLongForTwoRowsTakesThree sets, at 40 columns, a message
// that two rows cut beside the position: it asks for three and reads
// whole across them; one that two rows hold keeps two.
func TestAMessageTooLongForTwoRowsTakesThree(t *testing.T) {
	tests := []struct {
		msg  string
		rows int
	}{
		{"the file is gone from disk: this is the text as it was; it reloads if the file comes back", 3},
		{"1 needs review, 1 orphaned: ! lists them", 2},
	}
	for _, tt := range tests {
		m := New(theme.New(theme.NoColor))
		m.SetWidth(40)
		m.SetInfo("37%")
		m.SetHint("? help")
		m.SetMessage(tt.msg)
		if got := m.WantsRows(); got != tt.rows {
			t.Errorf("%q: WantsRows() = %d, want %d", tt.msg, got, tt.rows)
		}
		m.SetRows(m.WantsRows())
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		if joined := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); len(lines) != tt.rows || !strings.Contains(joined, tt.msg) {
			t.Errorf("%q in %d rows: %q", tt.msg, len(lines), lines)
		}
	}
}

// TestARowBreaksBeforeAOneLetterWordAndAfterAPathsSlash: a message on two
// or three rows keeps a key with what it does, unless that takes a row
// more, and a path too long for a row breaks between its folders, from
// the first row on; one a row holds moves to the next whole.
func TestARowBreaksBeforeAOneLetterWordAndAfterAPathsSlash(t *testing.T) {
	tests := []struct {
		name, msg string
		width     int
		rows      []string // the start of each row, trimmed
	}{
		// The first row (58 columns) ends just after "u".
		{"a key stays with what it does", "the note on the harbour board's schedule was xx deleted: u undoes", 60,
			[]string{"the note on the harbour board's schedule was xx deleted:", "u undoes"}},
		{"unless that takes another row", "select: b w words, ( ) sentences, o swaps ends; a notes it, esc cancels", 40,
			[]string{"select: b w words, ( ) sentences, o", "swaps ends; a notes it, esc cancels"}},
		{"a path goes on at a folder", "note saved to /srv/newsroom/desk/archive/2024/harbour/the-harbour-survey.txt.notes.jsonl", 40,
			[]string{"note saved to /srv/newsroom/desk/", "archive/2024/harbour/", "the-harbour-survey.txt.notes.jsonl"}},
		{"a path two rows hold takes two", "note saved to /var/desk/the-ferry-timetable.txt.notes.jsonl", 40,
			[]string{"note saved to /var/desk/", "the-ferry-timetable.txt.notes.jsonl"}},
		{"a link's long name fills the row its short folder starts", "https://www.example.com/news/2016/09/27/a-long-path-for-an-article-about-the-debate?utm_source=x", 40,
			[]string{"https://www.example.com/news/2016/09/", "27/a-long-path-for-an-article-about-th", "e-debate?utm_source=x"}},
		{"a path one row holds goes on whole", "note saved to /var/desk/ferry-row.txt.notes.jsonl", 40,
			[]string{"note saved to", "…/ferry-row.txt.notes.jsonl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(theme.New(theme.NoColor))
			m.SetWidth(tt.width)
			m.SetInfo("0%")
			m.SetHint("? help")
			m.SetMessage(tt.msg)
			m.SetRows(m.WantsRows())
			lines := strings.Split(ansi.Strip(m.View()), "\n")
			if len(lines) != len(tt.rows) {
				t.Fatalf("%d rows, want %d: %q", len(lines), len(tt.rows), lines)
			}
			for i, want := range tt.rows {
				if got := strings.TrimSpace(lines[i]); !strings.HasPrefix(got, want) {
					t.Errorf("row %d is %q, want it to start %q", i+1, got, want)
				}
			}
		})
	}
}

// TestATitleCutToAFewLettersIsDropped narrows the bar until the title has
// a few columns left: cut that short ("Ch…") it names nothing and is
// dropped, while a title or a file's name that fits whole stays.
func TestATitleCutToAFewLettersIsDropped(t *testing.T) {
	for _, tt := range []struct {
		name  string
		set   func(*Model, string)
		title string
		width int
		want  string
	}{
		{"a long title at 18 columns", (*Model).SetTitle, "China slams US claims", 18, ""},
		{"a long title at 21 columns", (*Model).SetTitle, "China slams US claims", 21, ""},
		{"a long file's name at 20 columns", (*Model).SetName, "china-us-claims.txt", 20, ""},
		{"a short title at 18 columns", (*Model).SetTitle, "Memo", 18, "Memo"},
		{"a long title at 22 columns", (*Model).SetTitle, "China slams US claims", 22, "China s…"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := New(theme.New(theme.NoColor))
			m.SetWidth(tt.width)
			m.SetInfo("37%")
			m.SetHint("? help")
			tt.set(&m, tt.title)
			got := ansi.Strip(m.View())
			title := strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(got, " "), "37%  ? help"))
			if title != tt.want || ansi.StringWidth(got) != tt.width {
				t.Errorf("the bar is %q, its title %q, want %q", got, title, tt.want)
			}
		})
	}
}
