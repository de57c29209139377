package model

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/samples"
)

// TestReportOfEverySampleIsUnchanged keeps the JSON report of each sample
// under testdata/, so that a change in how the analysis is held (or found)
// shows up as a diff of `margin analyze --json` to review.
func TestReportOfEverySampleIsUnchanged(t *testing.T) {
	z, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(samples.FS, "*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if filepath.Ext(name) == ".go" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(samples.FS, name)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(context.Background(), name, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			an, err := z.Analyze(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteReportJSON(&got, a, an); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "report-"+name+".json"), got.String())
		})
	}
}
