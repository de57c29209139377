package model

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/margin-reader/margin/internal/sanitize"
)

// sharedAnalyzer loads the embedded models once for the tests that need them.
var sharedAnalyzer = sync.OnceValues(NewAnalyzer)

// TestWriteReportJSONMatchesTheReport checks that the streamed report is,
// byte for byte, the encoded Report (sanitised): a field added to Report
// but not to the stream fails here.
func TestWriteReportJSONMatchesTheReport(t *testing.T) {
	z, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	many := strings.Repeat("The minister said prices would fall by 5% in May. ", 300)
	tests := []struct {
		name, file, text string
		analysed         bool
	}{
		{"an article with claims", "a.txt", "Storm hits coast\n\nThe minister said on Tuesday that prices would fall. He added that <wages> & rents would rise.", true},
		{"an article without analysis", "b.txt", "Just one line.", false},
		{"text longer than one chunk, with multi-byte runes at the cuts", "c.txt", strings.Repeat("Kyiv’s “talks” é ", 9000), false},
		{"hostile text", "d\x1b[31m.txt", "Title\u202e\n\nHe said \x1b]0;X\x07 the \u009b2J vote\u2028was \u200bfine.\r\n", true},
		{"many sentences", "e.txt", many, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), tt.file, []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var an *Analysis
			if tt.analysed {
				if an, err = z.Analyze(context.Background(), a); err != nil {
					t.Fatal(err)
				}
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(NewReport(a, an)); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteReportJSON(&got, a, an); err != nil {
				t.Fatal(err)
			}
			if w := sanitize.JSON(want.Bytes()); !bytes.Equal(got.Bytes(), w) {
				t.Fatalf("streamed report differs from the encoded Report:\n got %.300q\nwant %.300q", got.Bytes(), w)
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errFull }

var errFull = errors.New("disk full")

func TestWriteReportJSONReportsAWriteError(t *testing.T) {
	a, err := Parse(context.Background(), "a.txt", []byte(strings.Repeat("Words here. ", 20000)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteReportJSON(failingWriter{}, a, nil); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error = %v, want the write error", err)
	}
}
