package pager

import "testing"

// TestNarrowColumnCentresTheTextAndKeepsAMarginOfOne checks the column the
// views beside the text stand in: centred, at most the width asked (the
// default for 0), with a margin of at least one in a narrow window.
func TestNarrowColumnCentresTheTextAndKeepsAMarginOfOne(t *testing.T) {
	tests := []struct {
		name                    string
		maxWidth, w             int
		wantMargin, wantColumns int
	}{
		{"centres the default width in a wide window", 0, 200, 60, 80},
		{"centres a width asked for", 60, 100, 20, 60},
		{"leaves one column each side in a narrow window", 0, 40, 1, 38},
		{"keeps one column of text in a window of one", 0, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			margin, width := NarrowColumn(tt.maxWidth, tt.w)
			if margin != tt.wantMargin || width != tt.wantColumns {
				t.Errorf("NarrowColumn(%d, %d) = %d, %d; want %d, %d", tt.maxWidth, tt.w, margin, width, tt.wantMargin, tt.wantColumns)
			}
		})
	}
}
