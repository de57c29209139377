package paths

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestFoldersFollowThePlatform(t *testing.T) {
	home := func() (string, error) { return "/home/ana", nil }
	tests := []struct {
		name      string
		goos      string
		env       map[string]string
		wantData  string
		wantCache string
	}{
		{"linux without XDG variables uses the spec's defaults", "linux", nil,
			"/home/ana/.local/share/margin/notes", "/home/ana/.cache/margin/analysis"},
		{"linux follows absolute XDG variables", "linux",
			map[string]string{"XDG_DATA_HOME": "/data", "XDG_CACHE_HOME": "/tmp/c"},
			"/data/margin/notes", "/tmp/c/margin/analysis"},
		{"linux ignores relative XDG variables, as the spec says", "linux",
			map[string]string{"XDG_DATA_HOME": "data", "XDG_CACHE_HOME": "./c"},
			"/home/ana/.local/share/margin/notes", "/home/ana/.cache/margin/analysis"},
		{"macOS uses its Library folders", "darwin", map[string]string{"XDG_DATA_HOME": "/data"},
			"/home/ana/Library/Application Support/margin/notes", "/home/ana/Library/Caches/margin/analysis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := func(k string) string { return tt.env[k] }
			d, err := data(tt.goos, env, home, []string{"notes"})
			if err != nil || d != filepath.FromSlash(tt.wantData) {
				t.Errorf("data = %q, %v; want %q", d, err, tt.wantData)
			}
			c, err := cache(tt.goos, env, home, []string{"analysis"})
			if err != nil || c != filepath.FromSlash(tt.wantCache) {
				t.Errorf("cache = %q, %v; want %q", c, err, tt.wantCache)
			}
		})
	}
}

func TestNoHomeIsAnErrorNotAGuess(t *testing.T) {
	noHome := func() (string, error) { return "", errors.New("$HOME is not defined") }
	if d, err := data("linux", func(string) string { return "" }, noHome, nil); err == nil {
		t.Errorf("data = %q without a home folder, want an error", d)
	}
	if d, err := cache("windows", func(string) string { return "" }, noHome, nil); err == nil {
		t.Errorf("cache = %q on windows without %%LocalAppData%%, want an error", d)
	}
}

func TestNotesDirPrefersTheFlagToTheEnvironment(t *testing.T) {
	t.Setenv(NotesDirEnv, "/env/notes")
	tests := []struct {
		name, flag, want string
	}{
		{"the flag wins", "/flag/notes", "/flag/notes"},
		{"the environment fills in without the flag", "", "/env/notes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NotesDir(tt.flag); got != tt.want {
				t.Errorf("NotesDir(%q) = %q, want %q", tt.flag, got, tt.want)
			}
		})
	}
}
