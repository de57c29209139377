// Package cache keeps article analyses on disk, keyed by the article's
// content hash and the analysers' version, so reopening an article shows its
// highlights at once.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/model"
)

// Cache is a directory of analyses.
type Cache struct {
	dir     string
	version string
}

// New returns the cache in dir for analyses made by analysers of the given
// version; analyses from other versions are never returned.
func New(dir, version string) *Cache {
	return &Cache{dir: dir, version: version}
}

func (c *Cache) path(hash string) string {
	sum := sha256.Sum256([]byte(c.version + "\x00" + hash))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:16])+".json")
}

// Get returns the cached analysis of the text with the given hash. A
// missing or unreadable entry is simply a miss.
func (c *Cache) Get(hash string) (*model.Analysis, bool) {
	data, err := os.ReadFile(c.path(hash))
	if err != nil {
		return nil, false
	}
	var an model.Analysis
	if err := json.Unmarshal(data, &an); err != nil || an.Hash != hash {
		return nil, false
	}
	return &an, true
}

// Put stores an analysis, replacing the file atomically so a reader never
// sees half of one.
func (c *Cache) Put(an *model.Analysis) error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	data, err := json.Marshal(an)
	if err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	if err := renameio.WriteFile(c.path(an.Hash), data, 0o644); err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	return nil
}
