package render

import "testing"

func TestFollowable(t *testing.T) {
	for _, tt := range []struct {
		name, url string
		want      bool
	}{
		{"a web page", "https://example.org/a", true},
		{"a relative link", "/about", true},
		{"a mail address", "mailto:desk@example.org", true},
		{"a script", "javascript:alert(1)", false},
		{"a script cased and padded as browsers still run it", " JavaScript\t:alert(1)", false},
		{"inline data", "data:text/html;base64,PHNjcmlwdD4=", false},
		{"a visual basic script", "vbscript:msgbox(1)", false},
		{"nothing", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Followable(tt.url); got != tt.want {
				t.Errorf("Followable(%q) = %v, want %v", tt.url, got, tt.want)
			}
		})
	}
}
