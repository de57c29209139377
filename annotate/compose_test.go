package annotate_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"golang.org/x/text/unicode/norm"
)

// TestNotesOnAnArticleReadBeforeItWasComposedKeepTheirPlace writes notes
// the way margin did before it read text composed (NFC): a plain-text
// file and a saved page whose "é" are e and an accent gave a text that
// spelt them so, and the notes' quotes, context and offsets with it.
// Opened by this margin, which composes the text, each note is on its
// passage exactly, not re-anchored fuzzily or left for review, and
// anchored: the text is the same up to normalisation ("moved" said a
// passage after an accent had shifted).
func TestNotesOnAnArticleReadBeforeItWasComposedKeepTheirPlace(t *testing.T) {
	const body = "Le café de l'Opéra a fermé lundi, a dit la mairie. Les habitués ont protesté devant l'entrée, selon le journal. La réouverture est prévue en été, a précisé l'adjoint."
	tests := []struct{ name, file, src string }{
		{"a plain-text file", "article.txt", body + "\n"},
		{"a saved page", "article.html", "<!doctype html><html><head><title>Opéra</title></head><body><article><p>" + body + "</p></article></body></html>"},
	}
	quotes := []string{"Les habitués ont protesté", "selon le journal", "La réouverture est prévue en été"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, []byte(norm.NFD.String(tt.src)), 0o644); err != nil {
				t.Fatal(err)
			}
			now := reload(t, path)
			if !norm.NFC.IsNormalString(now.Text) {
				t.Fatalf("the text is not composed: %+q", now.Text)
			}
			// The article as margin read it before: the same text, every
			// accent apart.
			before := *now
			before.Text = norm.NFD.String(now.Text)
			before.Hash = model.HashText(before.Text)
			old := open(t, &before)
			for _, q := range quotes {
				add(t, old, norm.NFD.String(q), "", annotate.Unverified)
			}
			notes := open(t, now).Notes()
			if len(notes) != len(quotes) {
				t.Fatalf("%d notes, want %d", len(notes), len(quotes))
			}
			for i, n := range notes {
				if got := n.Span.In(now.Text); got != quotes[i] || n.Status != annotate.Anchored || n.Reworded(now.Text) {
					t.Errorf("note on %q is on %q (%s, reworded %v)", quotes[i], got, n.Status, n.Reworded(now.Text))
				}
			}
		})
	}
}
