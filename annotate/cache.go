package annotate

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/annotate/internal/wire"
	"github.com/margin-reader/margin/annotate/sidecar"
	"github.com/margin-reader/margin/internal/paths"
	"github.com/margin-reader/margin/model/span"
)

// DefaultCacheDir is where margin caches the folded notes of the
// sidecars it opened ($XDG_CACHE_HOME/margin/notes, usually
// ~/.cache/margin/notes), or "" if the system has no cache directory.
func DefaultCacheDir() string {
	dir, err := paths.Cache("notes")
	if err != nil {
		return ""
	}
	return dir
}

// The blob cached with each event: what decoding it and placing its
// passage in the article found, so opening an unchanged book decodes no
// JSON and resolves nothing. Spans are valid for the article hash and the
// build the cache is tagged with; otherwise only the fields are used.
// A blob starts with its kind; a new layout gets a new number, so a blob
// from another build is never misread (TestTheCacheKeepsEveryNoteField
// fails when Note or its selector gains a field the layout lacks).
const (
	blobSeen = 2
	blobNote = 3
)

// blob encodes what the book made of event e.
func (b *Book) blob(e sidecar.Event) []byte {
	var w wire.Writer
	if m, ok := b.seen[e.ID]; ok && e.Op == sidecar.Seen {
		w.Uint(blobSeen)
		writeSpan(&w, m.span)
		w.Uint(boolUint(m.placed))
		return w.Buf
	}
	n, ok := b.cache[e.ID]
	if !ok {
		return nil
	}
	w.Uint(blobNote)
	writeSpan(&w, n.Span)
	w.String(string(n.Status))
	t := n.Target
	w.String(t.Exact)
	w.String(t.Prefix)
	w.String(t.Suffix)
	writeSpan(&w, span.Span{Start: t.Start, End: t.End})
	w.String(t.TextHash)
	w.Uint(boolUint(t.Detached))
	w.Uint(uint64(len(n.Candidates)))
	for _, c := range n.Candidates {
		writeSpan(&w, c.Span)
		w.Uint(math.Float64bits(c.Score))
	}
	w.String(n.Text)
	w.String(string(n.Verdict))
	w.Strings(n.Tags)
	w.Strings(n.Sources)
	w.Time(n.Created)
	return w.Buf
}

// fromCache is note e as cached, re-placed if the text or the build is
// another; ok is false if the cache has nothing usable for e.
func (b *Book) fromCache(e sidecar.Event) (Note, bool) {
	data, ok := b.store.Extra(e)
	if !ok {
		return Note{}, false
	}
	n, ok := noteFromBlob(e, data)
	if ok && b.store.CacheTag() != b.tag {
		res := b.resolver.Resolve(n.Target)
		n.Span, n.Status, n.Candidates = res.Span, res.Status, res.Candidates
	}
	return n, ok
}

// noteFromBlob decodes the note of event e from its blob.
func noteFromBlob(e sidecar.Event, data string) (Note, bool) {
	r := wire.NewReader(data)
	if r.Uint() != blobNote {
		return Note{}, false
	}
	n := Note{ID: e.ID, Span: readSpan(r), Status: Status(r.String()), Author: e.Author, Updated: e.Time, Rev: e.Rev}
	n.Target = anchor.Selector{Exact: r.String(), Prefix: r.String(), Suffix: r.String()}
	pos := readSpan(r)
	n.Target.Start, n.Target.End, n.Target.TextHash, n.Target.Detached = pos.Start, pos.End, r.String(), r.Uint() == 1
	n.Candidates = readCandidates(r)
	n.Text, n.Verdict, n.Tags, n.Sources, n.Created = r.String(), Verdict(r.String()), r.Strings(), r.Strings(), r.Time()
	return n, r.Done()
}

// seenFromCache is seen event e as cached, if the cache has it for this
// text.
func (b *Book) seenFromCache(e sidecar.Event) (seenMark, bool) {
	data, ok := b.store.Extra(e)
	if !ok || b.store.CacheTag() != b.tag {
		return seenMark{}, false
	}
	r := wire.NewReader(data)
	if r.Uint() != blobSeen {
		return seenMark{}, false
	}
	m := seenMark{rev: e.Rev, span: readSpan(r), placed: r.Uint() == 1}
	return m, r.Done()
}

// saveCache keeps the book's fold for the next Open, if it changed. A
// cache only saves time, so failing to write one is not an error.
func (b *Book) saveCache() {
	if b.store.CacheStale(b.tag) {
		_ = b.store.SaveCache(b.tag, b.blob)
	}
}

// cacheTag says what cached spans are valid for: the article's text,
// placed by this build of margin (another may place notes differently).
func cacheTag(articleHash string) string { return articleHash + " " + buildID() }

// buildID names the running build: its version and commit, and, for a
// build from a changed tree or without them, the executable's size and
// time.
func buildID() string {
	id := ""
	dirty := true
	if info, ok := debug.ReadBuildInfo(); ok {
		id = info.Main.Version
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				id += " " + s.Value
				dirty = false
			case "vcs.modified":
				dirty = dirty || s.Value == "true"
			}
		}
	}
	if dirty {
		if exe, err := os.Executable(); err == nil {
			if fi, err := os.Stat(exe); err == nil {
				id += fmt.Sprintf(" %d %d", fi.Size(), fi.ModTime().UnixNano())
			}
		}
	}
	return id
}

func readCandidates(r *wire.Reader) []anchor.Candidate {
	k := r.Uint()
	if k == 0 || k > uint64(len(r.Rest())) {
		return nil
	}
	out := make([]anchor.Candidate, k)
	for i := range out {
		out[i] = anchor.Candidate{Span: readSpan(r), Score: math.Float64frombits(r.Uint())}
	}
	return out
}

func writeSpan(w *wire.Writer, s span.Span) {
	w.Int(int64(s.Start))
	w.Int(int64(s.End))
}

func readSpan(r *wire.Reader) span.Span {
	return span.Span{Start: int(r.Int()), End: int(r.Int())}
}

func boolUint(v bool) uint64 {
	if v {
		return 1
	}
	return 0
}
