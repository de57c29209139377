package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/export"
	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model/span"
)

// TestListJSONMatchesOneArray checks that the streamed list is byte for
// byte the indented array of every record, for no, one and several notes.
func TestListJSONMatchesOneArray(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	note := func(id, text string) annotate.Note {
		return annotate.Note{ID: id, Span: span.Span{Start: 3, End: 9}, Text: text, Verdict: annotate.False,
			Tags: []string{"a<b"}, Status: annotate.Anchored, Created: at, Updated: at}
	}
	tests := []struct {
		name  string
		notes []annotate.Note
	}{
		{"prints an empty array for no notes", nil},
		{"prints one note", []annotate.Note{note("N1", "one")}},
		{"prints several notes with controls escaped", []annotate.Note{note("N1", "one"), note("N2", "two\u202e"), note("N3", "x\ny")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.MarshalIndent(export.Records(tt.notes), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			want = append(sanitize.JSON(want), '\n')
			var got bytes.Buffer
			if err := listJSON(&got, tt.notes); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("got\n%s\nwant\n%s", got.Bytes(), want)
			}
		})
	}
}

// TestNoteOffsetsAreIntoTheComposedText: a file written decomposed is read
// composed everywhere but by analyze --verbatim, which keeps its bytes and
// has no notes; a note's start and end are offsets into the text analyze
// --json prints without --verbatim, where they slice out its passage.
func TestNoteOffsetsAreIntoTheComposedText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "decomposed.txt")
	text := norm.NFD.String("Le café a fermé lundi. Les habitués ont protesté devant l'entrée.\n")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	const quote = "Les habitués ont protesté"
	if code, _, errs := runNotesCLI("notes", "add", path, "--quote", norm.NFD.String(quote), "--author", "t"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runNotesCLI("notes", "list", "--json", path)
	var notes []struct {
		Start, End int
		Status     string
	}
	if code != 0 || json.Unmarshal([]byte(out), &notes) != nil || len(notes) != 1 {
		t.Fatalf("notes list: %d %s %s", code, out, errs)
	}
	texts := map[string]string{}
	for _, args := range [][]string{{"analyze", "--json", path}, {"analyze", "--json", "--verbatim", path}} {
		code, out, errs := runNotesCLI(args...)
		var report struct{ Text string }
		if code != 0 || json.Unmarshal([]byte(out), &report) != nil {
			t.Fatalf("%v: %d %s", args, code, errs)
		}
		texts[args[len(args)-2]] = report.Text
	}
	n := notes[0]
	if got := texts["--json"][n.Start:n.End]; got != quote || n.Status != "anchored" {
		t.Errorf("the note's offsets slice %q (%s) out of the composed text, want %q", got, n.Status, quote)
	}
	if texts["--verbatim"] != text {
		t.Errorf("--verbatim changed the bytes: %+q", texts["--verbatim"])
	}
}
