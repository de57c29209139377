package sidecar

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/margin-reader/margin/annotate/internal/wire"
	"github.com/margin-reader/margin/internal/hexname"
)

// The fold cache keeps what reading a sidecar found (its header, its bad
// lines, the latest event of every id, and a blob the caller attaches to
// each event) in a file of its own, so that opening the same sidecar
// again reads no JSON but the lines appended since. It is used only while
// the sidecar is the same file (device and inode where the system has
// them), unchanged (size and modification time) or only longer, and
// still holds the same bytes just before where the fold ended; anything
// else is read in full.
// A cache that is missing, damaged or from another layout is ignored: it
// ends with a checksum of all before it, so a changed byte is never read
// as a note.

// cacheMagic starts every cache file; a new layout gets a new number.
const cacheMagic = "margin-fold 2\n"

// sumSize is the length of the checksum that ends a cache file.
const sumSize = 4

// castagnoli is the CRC-32C table, which most CPUs compute in hardware:
// checking a cache of thousands of notes costs well under a millisecond.
// It is made on first use: making it at start-up cost every command,
// the reader's first screen included, 0.2-0.9 ms.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// tailCheck is how many bytes before the end of the fold must still match.
const tailCheck = 256

// maxCache bounds the cache file margin will read.
const maxCache = 1 << 30

// cacheKey is how many bytes of a sidecar path's SHA-256 name its cache
// file, and cacheSuffix what ends the name.
const (
	cacheKey    = 12
	cacheSuffix = ".fold"
)

// CachePath is the cache file for the sidecar at path in dir.
func CachePath(dir, path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	sum := sha256.Sum256([]byte(path))
	return filepath.Join(dir, hex.EncodeToString(sum[:cacheKey])+cacheSuffix)
}

// IsCacheName reports whether name is a cache file's as CachePath names
// it (24 lowercase hex digits and .fold), for pruning the folder: never
// a sidecar, nor a file being written (.fold-*).
func IsCacheName(name string) bool {
	key, ok := strings.CutSuffix(name, cacheSuffix)
	return ok && hexname.Is(key, 2*cacheKey)
}

// OpenCached is Open with a fold cache in dir (none if dir is empty).
func OpenCached(path string, h Header, dir string) (*Store, error) {
	if h.Version == 0 {
		h.Version = Version
	}
	s := &Store{path: path, create: h, latest: map[string]Event{}, cacheDir: dir}
	if dir != "" {
		s.restore()
	}
	if _, err := s.refresh(false); err != nil {
		return nil, err
	}
	return s, nil
}

// Extra returns the blob cached with event e by SaveCache, if e is still
// the event it was cached with.
func (s *Store) Extra(e Event) (string, bool) { return e.extra, e.cached }

// CacheTag is the tag given to SaveCache when the cache was written, ""
// if none was read.
func (s *Store) CacheTag() string { return s.tag }

// CacheStale reports whether the cache, if any, lacks something the
// store read, or has another tag.
func (s *Store) CacheStale(tag string) bool {
	return s.cacheDir != "" && (s.cachedOff != s.off || s.tag != tag || s.file == nil)
}

// SaveCache writes the fold as read so far, with extra(e) kept for each
// latest event e and tag for the whole (the caller's key for what the
// blobs mean, say the article's hash). Errors are returned for the
// caller to ignore: a cache only saves time.
func (s *Store) SaveCache(tag string, extra func(Event) []byte) error {
	if s.cacheDir == "" || s.file == nil || s.file.Size() != s.off {
		// A last line without its newline may be folded already but not
		// be the line it will become: cache only whole files.
		return nil
	}
	tail, err := s.tailBytes(s.off)
	if err != nil {
		return err
	}
	var w wire.Writer
	w.Buf = append(w.Buf, cacheMagic...)
	dev, ino := fileID(s.file)
	for _, v := range []uint64{dev, ino, uint64(s.off), uint64(s.lines), uint64(s.file.Size())} {
		w.Uint(v)
	}
	w.Time(s.file.ModTime())
	w.String(string(tail))
	w.String(tag)
	s.writeHeaderAndBad(&w)
	evs := s.Events()
	w.Uint(uint64(len(evs)))
	for _, e := range evs {
		w.String(string(e.Op))
		w.String(e.ID)
		w.Uint(uint64(e.Rev))
		w.Time(e.Time)
		w.String(e.Author)
		w.String(string(e.raw))
		w.Uint(uint64(max(0, bytes.Index(e.raw, e.Data))))
		w.Uint(uint64(len(e.Data)))
		w.String(string(extra(e)))
	}
	w.Buf = binary.BigEndian.AppendUint32(w.Buf, crc32.Checksum(w.Buf, castagnoli()))
	if err := writeCacheFile(CachePath(s.cacheDir, s.path), w.Buf); err != nil {
		return err
	}
	s.cachedOff, s.tag = s.off, tag
	return nil
}

func (s *Store) writeHeaderAndBad(w *wire.Writer) {
	if s.header == nil {
		w.String("")
	} else {
		w.String(string(s.header.raw))
	}
	w.Uint(uint64(len(s.bad)))
	for _, b := range s.bad {
		w.Uint(uint64(b.Line))
		w.String(b.Text)
		w.String(b.Err.Error())
	}
}

// writeCacheFile replaces the cache file; it needs no fsync, as a cache
// lost in a crash is only read in full next time.
func writeCacheFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("note cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".fold-*")
	if err != nil {
		return fmt.Errorf("note cache: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("note cache: %w", err)
	}
	return nil
}

// tailBytes is the last tailCheck bytes of the sidecar before off.
func (s *Store) tailBytes(off int64) ([]byte, error) {
	f, err := openRegular(s.path, os.O_RDONLY)
	if err != nil {
		return nil, fileError("read", s.path, err)
	}
	defer f.Close()
	start := max(0, off-tailCheck)
	buf := make([]byte, off-start)
	if _, err := f.ReadAt(buf, start); err != nil {
		return nil, fileError("read", s.path, err)
	}
	return buf, nil
}

// restore loads the cached fold if it still describes the start of the
// sidecar; otherwise the store stays empty and the file is read in full.
func (s *Store) restore() {
	data, err := readCacheFile(CachePath(s.cacheDir, s.path))
	if err != nil {
		return
	}
	fi, err := checkRegular(s.path)
	if err != nil || fi == nil {
		return
	}
	r := wire.NewReader(readOnly(data))
	dev, ino := fileID(fi)
	cdev, cino, off, lines, size := r.Uint(), r.Uint(), int64(r.Uint()), int(r.Uint()), int64(r.Uint())
	mtime, tail := r.Time(), r.String()
	// A file that only grew was appended to; one of the same size must
	// not have been touched since.
	touched := fi.Size() == size && !fi.ModTime().Equal(mtime)
	if r.Err() != nil || cdev != dev || cino != ino || off > fi.Size() || fi.Size() < size || touched {
		return
	}
	if now, err := s.tailBytes(off); err != nil || string(now) != tail {
		return
	}
	tag := r.String()
	header, bad := readHeaderAndBad(r)
	latest, ok := readEvents(r, data)
	if !ok || !r.Done() {
		return
	}
	s.header, s.bad, s.latest = header, bad, latest
	s.file, s.off, s.lines, s.cachedOff, s.tag = fi, off, lines, off, tag
	// Used now: pruning goes by the last use (internal/prune), and a
	// cache that cannot be touched only goes sooner.
	now := time.Now()
	_ = os.Chtimes(CachePath(s.cacheDir, s.path), now, now)
}

// readOnly is data as a string without copying it (the cache file is a
// few megabytes at thousands of notes, and was copied on every open).
// This is sound because nothing writes to the cache's bytes once read: the
// strings kept from them (ops, ids, authors, blobs) and the byte slices
// handed out (each event's raw line and Data) never overlap.
func readOnly(data []byte) string { return unsafe.String(unsafe.SliceData(data), len(data)) }

func readCacheFile(path string) ([]byte, error) {
	f, err := openRegular(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxCache {
		return nil, errors.New("note cache too large")
	}
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(cacheMagic)) || len(data) < len(cacheMagic)+sumSize {
		return nil, errors.New("not a note cache")
	}
	body, sum := data[:len(data)-sumSize], data[len(data)-sumSize:]
	if crc32.Checksum(body, castagnoli()) != binary.BigEndian.Uint32(sum) {
		return nil, errors.New("note cache damaged")
	}
	return body[len(cacheMagic):], nil
}

func readHeaderAndBad(r *wire.Reader) (*Header, []BadLine) {
	var header *Header
	if raw := r.String(); raw != "" {
		if h, _, err := parseLine([]byte(raw)); err == nil && h != nil {
			header = h
		}
	}
	bad := make([]BadLine, r.Uint())
	for i := range bad {
		bad[i] = BadLine{Line: int(r.Uint()), Text: r.String(), Err: errors.New(r.String())}
	}
	return header, bad
}

// readEvents reads the cached events; their raw lines and data are
// slices of data, the cache file's bytes.
func readEvents(r *wire.Reader, data []byte) (map[string]Event, bool) {
	n := r.Uint()
	if r.Err() != nil || n > uint64(len(data)) {
		return nil, false
	}
	latest := make(map[string]Event, n)
	for range n {
		e := Event{Op: Op(r.String()), ID: r.String(), Rev: int(r.Uint()), Time: r.Time(), Author: r.String()}
		raw := r.String()
		end := r.Pos()
		e.raw = data[end-len(raw) : end : end]
		start, size := r.Uint(), r.Uint()
		if start+size > uint64(len(raw)) {
			return nil, false
		}
		if size > 0 {
			e.Data = e.raw[start : start+size : start+size]
		}
		e.extra, e.cached = r.String(), true
		latest[e.ID] = e
	}
	return latest, r.Err() == nil
}
