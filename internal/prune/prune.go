// Package prune keeps margin's caches from growing for ever: an entry
// of a cache (a fold of a sidecar's notes, an analysis) is orphaned once
// its sidecar or article is gone or margin is rebuilt, and nothing read
// it again. Dir removes the entries unused for a while, then the least
// recently used ones past a size; Due spaces the runs out, so a start
// pays one stat for it on most days.
package prune

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Policy is what one cache folder keeps.
type Policy struct {
	// Entry reports whether a file name is one of the cache's own
	// entries, as the cache names them: nothing else in the folder (a
	// sidecar, another program's file, a file being written) is removed.
	Entry func(name string) bool
	// MaxAge is how long an entry is kept after its last use (its
	// modification time: the cache touches an entry it reads).
	MaxAge time.Duration
	// MaxBytes is how much the entries left may take; the least
	// recently used go first.
	MaxBytes int64
}

// entry is a cache file that may be removed.
type entry struct {
	path string
	size int64
	used time.Time
}

// Dir removes from dir, at time now, the entries of p unused for longer
// than p.MaxAge, then the least recently used until the others take at
// most p.MaxBytes; it returns how many it removed. Only regular files
// directly in dir whose names p.Entry takes are looked at: never a
// folder, a link or what it points to. A folder that is not there has
// nothing to prune; an entry that cannot be removed (gone already,
// another margin's, a read-only folder) is left, and the first such
// error returned.
func Dir(dir string, p Policy, now time.Time) (int, error) {
	entries, err := list(dir, p.Entry)
	if err != nil {
		return 0, err
	}
	// Newest first: what is kept is a prefix.
	slices.SortFunc(entries, func(a, b entry) int { return b.used.Compare(a.used) })
	var kept int64
	removed := 0
	var first error
	for _, e := range entries {
		if now.Sub(e.used) <= p.MaxAge && kept+e.size <= p.MaxBytes {
			kept += e.size
			continue
		}
		if err := os.Remove(e.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			first = cmp.Or(first, fmt.Errorf("prune cache: %w", err))
			continue
		}
		removed++
	}
	return removed, first
}

// list is the entries of dir that entry takes, regular files only.
func list(dir string, isEntry func(string) bool) ([]entry, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("prune cache: %w", err)
	}
	var out []entry
	for _, de := range des {
		if !de.Type().IsRegular() || !isEntry(de.Name()) {
			continue
		}
		fi, err := de.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, entry{path: filepath.Join(dir, de.Name()), size: fi.Size(), used: fi.ModTime()})
	}
	return out, nil
}

// stamp is the file in a cache folder whose modification time is when
// it was last pruned.
const stamp = ".pruned"

// Due reports whether dir was last pruned more than every before now,
// or never, and if so marks it pruned at now, so that of two margins
// starting at once usually one prunes. A folder that is not there is not
// due: it has nothing to prune.
func Due(dir string, every time.Duration, now time.Time) bool {
	path := filepath.Join(dir, stamp)
	fi, err := os.Lstat(path)
	switch {
	case err == nil && (!fi.Mode().IsRegular() || now.Sub(fi.ModTime()) <= every):
		return false
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false
	}
	if err != nil {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return false // no folder, or another margin made it first
		}
		f.Close()
	}
	return os.Chtimes(path, now, now) == nil
}
