package main

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

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
