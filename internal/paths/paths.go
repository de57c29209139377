// Package paths is the one place margin works out where its files go: the
// data folder (samples, fetched articles, notes that cannot sit next to
// their article) and the cache folder (analyses), and where the user asked
// notes to be kept.
//
// On Linux and the BSDs the folders follow the XDG Base Directory
// specification: $XDG_DATA_HOME and $XDG_CACHE_HOME when they are absolute
// paths (the specification says relative ones are invalid and must be
// ignored), else ~/.local/share and ~/.cache. macOS uses
// ~/Library/Application Support and ~/Library/Caches, Windows %LocalAppData%.
package paths

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// app is the folder margin's own files sit in, inside the user's folders.
const app = "margin"

// NotesDirEnv names the variable that keeps every sidecar in one folder.
const NotesDirEnv = "MARGIN_NOTES_DIR"

// getenv looks up an environment variable: os.Getenv, or a map in tests.
type getenv func(string) string

// Data returns margin's data folder joined with sub, such as "samples".
func Data(sub ...string) (string, error) { return data(runtime.GOOS, os.Getenv, os.UserHomeDir, sub) }

// Cache returns margin's cache folder joined with sub, such as "analysis".
func Cache(sub ...string) (string, error) { return cache(runtime.GOOS, os.Getenv, os.UserHomeDir, sub) }

// NotesDir is where the user asked notes to be kept: flag (--notes-dir)
// when set, else $MARGIN_NOTES_DIR; "" means next to each article.
func NotesDir(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv(NotesDirEnv)
}

func data(goos string, env getenv, home func() (string, error), sub []string) (string, error) {
	base, err := base(goos, env, home, "XDG_DATA_HOME", []string{".local", "share"}, []string{"Library", "Application Support"})
	if err != nil {
		return "", fmt.Errorf("find a data folder: %w", err)
	}
	return join(base, sub), nil
}

func cache(goos string, env getenv, home func() (string, error), sub []string) (string, error) {
	base, err := base(goos, env, home, "XDG_CACHE_HOME", []string{".cache"}, []string{"Library", "Caches"})
	if err != nil {
		return "", fmt.Errorf("find a cache folder: %w", err)
	}
	return join(base, sub), nil
}

// base is the user's folder of one kind: xdgVar on XDG systems, the
// platform's own folder elsewhere.
func base(goos string, env getenv, home func() (string, error), xdgVar string, xdgDefault, macDir []string) (string, error) {
	switch goos {
	case "windows":
		if d := env("LocalAppData"); filepath.IsAbs(d) {
			return d, nil
		}
		return "", errors.New("%LocalAppData% is not set")
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(append([]string{h}, macDir...)...), nil
	case "plan9":
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, "lib"), nil
	}
	if d := env(xdgVar); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	h, err := home()
	if err != nil {
		return "", err
	}
	return filepath.Join(append([]string{h}, xdgDefault...)...), nil
}

func join(base string, sub []string) string {
	return filepath.Join(append([]string{base, app}, sub...)...)
}
