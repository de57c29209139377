// Package cache keeps article analyses on disk, keyed by the article's
// content hash and the analysers' version, so reopening an article shows its
// highlights at once.
package cache

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/internal/hexname"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/entity"
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

// entryKey is how many bytes of the SHA-256 of an entry's version and
// hash name its file, and entrySuffix what ends the name.
const (
	entryKey    = 16
	entrySuffix = ".json"
)

func (c *Cache) path(hash string) string {
	sum := sha256.Sum256([]byte(c.version + "\x00" + hash))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:entryKey])+entrySuffix)
}

// Get returns the cached analysis of the text with the given hash. A
// missing or unreadable entry is simply a miss.
func (c *Cache) Get(hash string) (*model.Analysis, bool) {
	f, err := os.Open(c.path(hash))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	an, err := readAnalysis(json.NewDecoder(bufio.NewReader(f)))
	if err != nil || an.Hash != hash {
		return nil, false
	}
	// Used now: pruning goes by the last use (internal/prune), and an
	// entry that cannot be touched only goes sooner.
	now := time.Now()
	_ = os.Chtimes(f.Name(), now, now)
	return an, true
}

// IsEntryName reports whether name is an entry's as the cache names it
// (32 lowercase hex digits and .json), for pruning the folder: never
// another file, nor one being written.
func IsEntryName(name string) bool {
	key, ok := strings.CutSuffix(name, entrySuffix)
	return ok && hexname.Is(key, 2*entryKey)
}

// readAnalysis reads what writeAnalysis writes as json.Unmarshal would,
// but the long lists an item at a time: read whole, the 45 MB of JSON of
// a 20 MB article's analysis sat beside the analysis it decoded to, and
// reopening the article peaked at 100 MB against 91 for analysing it.
func readAnalysis(dec *json.Decoder) (*model.Analysis, error) {
	var an model.Analysis
	fields := analysisFields(&an)
	err := readObject(dec, func(name string) error {
		i := slices.IndexFunc(fields, func(f analysisField) bool { return f.name == name })
		if i < 0 {
			return fmt.Errorf("unknown field %q", name)
		}
		return fields[i].read(dec)
	})
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more after the analysis")
	}
	return &an, nil
}

// readIndex reads what writeIndex writes.
func readIndex(dec *json.Decoder, idx *entity.Index) error {
	return readObject(dec, func(name string) error {
		switch name {
		case "Things":
			return readArray(dec, &idx.Things)
		case "ThingOf":
			return readArray(dec, &idx.ThingOf)
		}
		return fmt.Errorf("unknown field %q", name)
	})
}

// readObject reads a JSON object, calling field with each name to read
// the value after it.
func readObject(dec *json.Decoder, field func(name string) error) error {
	if err := expect(dec, json.Delim('{')); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := tok.(string)
		if err := field(name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return expect(dec, json.Delim('}'))
}

// readArray reads a list as json.Unmarshal would (null is nil, [] empty
// but not nil), an item at a time.
func readArray[T any](dec *json.Decoder, items *[]T) error {
	tok, err := dec.Token()
	if err != nil || tok == nil {
		*items = nil
		return err
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("%v where a list should start", tok)
	}
	list := []T{}
	for dec.More() {
		var item T
		if err := dec.Decode(&item); err != nil {
			return err
		}
		list = append(list, item)
	}
	*items = list
	return expect(dec, json.Delim(']'))
}

// expect reads the next token, which must be want.
func expect(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != want {
		return fmt.Errorf("%v where %v should be", tok, want)
	}
	return nil
}

// Put stores an analysis, replacing the file atomically so a reader never
// sees half of one.
func (c *Cache) Put(an *model.Analysis) error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	f, err := renameio.NewPendingFile(c.path(an.Hash), renameio.WithPermissions(0o644), renameio.WithExistingPermissions())
	if err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	defer f.Cleanup()
	w := bufio.NewWriter(f)
	if err := writeAnalysis(w, an); err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	// A bufio.Writer keeps its first error: Flush reports any write's.
	if err := w.Flush(); err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("cache analysis: %w", err)
	}
	return nil
}

// writeAnalysis writes what json.Marshal(an) would, but the long lists in
// pieces: the JSON of a 20 MB article's analysis is 70 MB, and holding it
// whole (twice, as the encoder's buffer grew) took the reader's peak
// memory from about 190 to over 300 MB just after its analysis.
func writeAnalysis(w *bufio.Writer, an *model.Analysis) error {
	sep := "{"
	for _, f := range analysisFields(an) {
		w.WriteString(sep + `"` + f.name + `":`)
		if err := f.write(w); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		sep = ","
	}
	w.WriteString("}")
	return nil
}

// analysisField is a field of model.Analysis as the cache writes and
// reads it, its lists a piece or an item at a time.
type analysisField struct {
	name  string
	write func(*bufio.Writer) error
	read  func(*json.Decoder) error
}

// analysisFields are an's fields in the order json.Marshal writes them:
// one list, so that what is written is what is read.
func analysisFields(an *model.Analysis) []analysisField {
	return []analysisField{
		{"Hash",
			func(w *bufio.Writer) error { return writeJSON(w, an.Hash) },
			func(dec *json.Decoder) error { return dec.Decode(&an.Hash) }},
		{"Entities",
			func(w *bufio.Writer) error { return writeArray(w, an.Entities) },
			func(dec *json.Decoder) error { return readArray(dec, &an.Entities) }},
		{"EntityIndex",
			func(w *bufio.Writer) error { return writeIndex(w, an.EntityIndex) },
			func(dec *json.Decoder) error { return readIndex(dec, &an.EntityIndex) }},
		{"Claims",
			func(w *bufio.Writer) error { return writeArray(w, an.Claims) },
			func(dec *json.Decoder) error { return readArray(dec, &an.Claims) }},
		{"Checkworthiness",
			func(w *bufio.Writer) error { return writeArray(w, an.Checkworthiness) },
			func(dec *json.Decoder) error { return readArray(dec, &an.Checkworthiness) }},
	}
}

// writeIndex writes idx as json.Marshal would, its lists in pieces: at
// 20 MB of text the index's JSON alone is several megabytes.
func writeIndex(w *bufio.Writer, idx entity.Index) error {
	w.WriteString(`{"Things":`)
	if err := writeArray(w, idx.Things); err != nil {
		return err
	}
	w.WriteString(`,"ThingOf":`)
	if err := writeArray(w, idx.ThingOf); err != nil {
		return err
	}
	w.WriteString("}")
	return nil
}

func writeJSON(w *bufio.Writer, v any) error {
	data, err := json.Marshal(v)
	w.Write(data)
	return err
}

// arrayPiece is how many items of a list are encoded at once. The reader
// writes the cache as its analysis ends, when its heap is at its highest,
// so a piece is small: 4,096 claims were nearly 1 MB of JSON, and more of
// the encoder's buffer as it grew, on top of the whole analysis.
const arrayPiece = 512

// writeArray writes items as json.Marshal would, arrayPiece at a time.
func writeArray[T any](w *bufio.Writer, items []T) error {
	if items == nil {
		w.WriteString("null")
		return nil
	}
	w.WriteString("[")
	for i := 0; i < len(items); i += arrayPiece {
		data, err := json.Marshal(items[i:min(i+arrayPiece, len(items))])
		if err != nil {
			return err
		}
		if i > 0 {
			w.WriteString(",")
		}
		w.Write(data[1 : len(data)-1])
	}
	w.WriteString("]")
	return nil
}
