// Package sidecar keeps an article's notes in an append-only JSON Lines
// file: next to it, <article file name>.notes.jsonl, or in a notes folder
// under a name package annotate gives it; a sidecar is never renamed, as
// another process may have it open.
//
// The first line is a header; every other line is an event that puts the
// full state of one note or deletes it:
//
//	{"margin_notes":1,"article":"sha256:…","source":"china-us-claims.txt"}
//	{"op":"put","id":"01JQ…","rev":1,"time":"2025-03-14T09:26:53.589Z","author":"ann","note":{…}}
//	{"op":"del","id":"01JQ…","rev":2,"time":"2025-03-14T09:30:00Z","author":"ann","note":{…}}
//
// Events of an op this version does not know (from a newer margin) are
// folded and kept like the others, and written back verbatim.
//
// Reading folds the events by id: for each id the event with the highest
// revision wins, then the later time, so the result does not depend on the
// order of lines (git's union merge may interleave them). A deletion keeps
// the note's last state, so it can be undone and an old copy of the file
// cannot resurrect it. Lines that do not parse are reported and kept;
// compaction moves them to <sidecar>.rejected, never drops them.
//
// Writers take an exclusive lock on the file (flock), append whole lines
// and fsync before returning, so two processes can write at once and a
// note is on disk when Commit returns. Compaction replaces the file
// atomically (temporary file, fsync, rename, fsync of the directory).
package sidecar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/margin-reader/margin/internal/jsonerr"
)

// Version is the format version written in the header.
const Version = 1

// Header is the first line of a sidecar.
type Header struct {
	Version int `json:"margin_notes"`
	// Article is the content hash of the article's text when the file was
	// started or last compacted.
	Article string `json:"article,omitempty"`
	// Source names the article: its file name or URL.
	Source string `json:"source,omitempty"`
	// Path is the article's absolute path, for a sidecar kept away from
	// it (a notes folder), where a same-named article's could be: it
	// tells whose notes these are. Readers before it ignore it and keep
	// it (merged).
	Path string `json:"path,omitempty"`

	// raw is the line the header was read from, to keep fields this
	// version does not know when the header is rewritten.
	raw []byte
}

// merged is h's line with the fields of old that h does not set, so a
// rewritten header keeps what a newer margin added to it.
func (h Header) merged(old []byte) ([]byte, error) {
	b, err := json.Marshal(h)
	if err != nil || len(old) == 0 {
		return b, err
	}
	var fields, extra map[string]json.RawMessage
	if json.Unmarshal(old, &extra) != nil {
		return b, nil
	}
	if err := json.Unmarshal(b, &fields); err != nil {
		return nil, err
	}
	for k, v := range extra {
		switch k {
		case "margin_notes", "article", "source", "path":
		default:
			fields[k] = v
		}
	}
	return json.Marshal(fields)
}

// Op is what an event does.
type Op string

const (
	// Put sets the full state of a note.
	Put Op = "put"
	// Delete removes a note, keeping its last state in Data.
	Delete Op = "del"
	// Seen records that something (a claim, by its anchor in Data) was
	// shown for review.
	Seen Op = "seen"
)

// Event is one line after the header.
type Event struct {
	Op Op `json:"op"`
	// ID is the note's id: unique and sortable by creation time.
	ID string `json:"id"`
	// Rev counts the changes to the note, from 1.
	Rev    int       `json:"rev"`
	Time   time.Time `json:"time"`
	Author string    `json:"author,omitempty"`
	// Data is the note, opaque to this package.
	Data json.RawMessage `json:"note,omitempty"`

	// raw is the line the event was read from: compaction writes it back
	// verbatim, so fields a newer margin added survive.
	raw []byte
	// extra is the caller's blob for this event, from the fold cache
	// (cached says there was one): a string, so that reading it copies
	// nothing.
	extra  string
	cached bool
}

// newer reports whether a supersedes b (both for the same id). The order
// is total, so folding gives the same result for any order of lines.
func newer(a, b Event) bool {
	if a.Rev != b.Rev {
		return a.Rev > b.Rev
	}
	if !a.Time.Equal(b.Time) {
		return a.Time.After(b.Time)
	}
	if a.Op != b.Op {
		return a.Op == Delete
	}
	return bytes.Compare(a.Data, b.Data) > 0
}

// BadLine is a line that is not a header or a valid event.
type BadLine struct {
	// Line is the 1-based line number in the file as read.
	Line int
	Text string
	Err  error
}

// line is the union of a header and an event, for decoding.
type line struct {
	Version *int `json:"margin_notes"`
	Header
	Event
}

// parseLine decodes one non-blank line into a header or an event.
func parseLine(b []byte) (h *Header, ev *Event, err error) {
	var l line
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, nil, jsonerr.Plain(err)
	}
	if l.Version != nil {
		l.Header.Version = *l.Version
		l.Header.raw = b
		return &l.Header, nil, nil
	}
	e := l.Event
	switch {
	case e.Op == "":
		return nil, nil, errors.New("no op")
	case e.ID == "":
		return nil, nil, errors.New("no id")
	case e.Rev < 1:
		return nil, nil, fmt.Errorf("revision %d", e.Rev)
	case e.Op == Put && (len(e.Data) == 0 || e.Data[0] != '{'):
		return nil, nil, errors.New("put without a note")
	}
	e.raw = b
	return nil, &e, nil
}
