// Package watch tells the reader when the article's file changes on disk.
package watch

import (
	"fmt"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// Watch reports changes to the file at path on the returned channel until
// stop is called. The directory is watched, not the file, so that editors
// that replace a file by renaming a new one over it are seen too; a file
// deleted is a change as well, so the reader can say it is gone. Bursts
// of events coalesce: the channel holds at most one pending change.
func Watch(path string) (changes <-chan struct{}, stop func(), err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, fmt.Errorf("watch %s: %w", path, err)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, fmt.Errorf("watch %s: %w", path, err)
	}
	if err := w.Add(filepath.Dir(abs)); err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("watch %s: %w", path, err)
	}
	ch := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Clean(ev.Name) != abs || !ev.Has(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Remove) {
					continue
				}
				select {
				case ch <- struct{}{}:
				default:
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return ch, func() { w.Close(); <-done }, nil
}
