package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/margin-reader/margin/annotate/sidecar"
	"github.com/margin-reader/margin/internal/fileerr"
	"github.com/margin-reader/margin/internal/hexname"
	"github.com/margin-reader/margin/internal/paths"
	"github.com/margin-reader/margin/model/article"
)

// keyLen is how many hex digits of the hash of an article's absolute path
// name its sidecar in a notes folder: 48 bits, so two paths share a name
// about once in 10^14 pairs, short enough to read past.
const keyLen = 12

// FallbackDir is the directory margin offers for notes when an article's
// own directory is not writable: the user data directory's margin/notes
// ($XDG_DATA_HOME/margin/notes, ~/.local/share/margin/notes).
func FallbackDir() (string, error) { return paths.Data("notes") }

// SidecarPath is the name of the sidecar of the article at articlePath:
// next to it, <file name>.notes.jsonl; in the notes folder dir if dir is
// not empty, <file name>.<key>.notes.jsonl, key the first 12 hex digits
// of the SHA-256 of its absolute path with symbolic links resolved
// (keyedPath), so that two articles of one name
// in different folders (index.html) each have their own, and a person
// looking in the folder still sees which article a sidecar is of.
func SidecarPath(articlePath, dir string) string {
	if dir == "" {
		return filepath.Join(filepath.Dir(articlePath), filepath.Base(articlePath)+Suffix)
	}
	return keyedSidecar(articlePath, keyedPath(articlePath), dir)
}

// keyedSidecar is SidecarPath's name in the notes folder dir for the
// article at articlePath, whose keyedPath is key.
func keyedSidecar(articlePath, key, dir string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(dir, filepath.Base(articlePath)+"."+hex.EncodeToString(sum[:])[:keyLen]+Suffix)
}

// keyedPath is the path whose hash names the sidecar of the article at
// path: absolute, through every symbolic link, so the article opened by
// a link and by its own path has one sidecar, not two that take turns.
func keyedPath(path string) string {
	abs := absPath(path)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// absPath is path made absolute, or cleaned if the working directory is
// gone.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// Location is where the notes of an article are: the folder, the
// sidecar in it and what to say about them. Locate finds it listing the
// notes folder at most once; passed on in Options.Location, it spares
// Open the same look (the reader and every notes command looked up to
// three times at start, each reading the header of every sidecar of the
// article's file name there).
type Location struct {
	// Dir is the notes folder, "" for beside the article.
	Dir string
	// Sidecar is the file the notes are read from and written to.
	Sidecar string
	// Warning is what to say about it ("" for none): an older-named
	// sidecar that could not be read.
	Warning string
	// Fallback reports that Dir is the fallback folder, found holding
	// the notes without being asked for, for the caller to say where
	// they are.
	Fallback bool
	// NeedsHash reports that the article has no hash yet (the first step
	// of one loaded in steps, model.Loader) and a sidecar in the folder
	// is told only by the hash: the caller reads the rest of the article
	// and locates again. Without it, the first step took that sidecar
	// for another article's, and the notes in it were not shown.
	NeedsHash bool

	path    string // the article's path it was found for
	hash    string // and its hash
	anyHash bool   // found with no hash, and no sidecar looked at is told by one
}

// isFor reports whether l was found for article a with the notes folder
// dir, so Open may take it as it is: the same folder, the same path and
// the same hash, or any if none was needed. One of another folder (the
// reader's ctrl+o reopens the notes in the fallback folder with the
// options it had) or another text is looked up again.
//
// A sidecar under another name than the article's own is taken only
// while none of its own name is there: made since (by hand, or by a
// margin that could not read the other), it is what the next start
// reads, and notes written to the other would not be shown.
func (l Location) isFor(a *article.Article, dir string) bool {
	if l.Sidecar == "" || l.Dir != dir || l.path != a.Path || !l.anyHash && l.hash != a.Hash {
		return false
	}
	own := SidecarPath(a.Path, dir)
	return l.Sidecar == own || !exists(own)
}

// Locate is where the notes of article a are, for a command given dir
// (the --notes-dir flag or $MARGIN_NOTES_DIR, "" for none): in dir if it
// is not empty; else in the fallback folder, when it has a sidecar for
// this article and none is beside it, as after notes were saved there
// because the article's folder was not writable (the reader's ctrl+o,
// --notes-dir FALLBACK), so the article opened again shows them, where
// they were nowhere to be seen (Fallback); else beside the article.
//
// A sidecar in the fallback folder is this article's if it has its own
// name (SidecarPath) or holds its notes under another (claims); one from
// before paths were recorded, told only by the hash, only if a's folder
// is not writable, as notes go to the fallback folder only when it is
// not (a same-named article elsewhere with the same text would
// otherwise take them). The folder is listed once, only when a has no
// sidecar of its own name in it, and each header of its file name read
// at most once.
func Locate(a *article.Article, dir string) Location {
	if a.Path == "" {
		return Location{}
	}
	if dir != "" {
		return place(a, dir)
	}
	beside := place(a, "")
	if exists(beside.Sidecar) {
		return beside
	}
	fb, err := FallbackDir()
	if err != nil {
		return beside
	}
	f := scan(a, fb)
	if !f.holdsNotes(a) {
		f.hashOnly(a, &beside)
		return beside
	}
	l := f.place(a)
	l.Fallback = true
	return l
}

// place is the Location of a's notes in the notes folder dir, "" for
// beside the article, which is its own name there: Locate's but for the
// fallback folder, which it does not look in.
func place(a *article.Article, dir string) Location {
	if dir == "" {
		return Location{Sidecar: SidecarPath(a.Path, ""), path: a.Path, hash: a.Hash, anyHash: true}
	}
	return scan(a, dir).place(a)
}

// folder is what Locate read of a notes folder for one article: whether
// the sidecar of its own name is there, and else the sidecars under
// other names that may hold its notes, each header read once, when
// first asked for.
type folder struct {
	dir      string
	own      string // SidecarPath's name in dir
	ownThere bool
	key      string // keyedPath of the article, resolved once
	others   []other
}

// other is a sidecar in a notes folder under another name than the
// article's own (otherNames) and what reading its header gave.
type other struct {
	path string
	old  bool // by the file name alone, as margin kept them before keys
	read bool // h, ok and err are set
	h    sidecar.Header
	ok   bool // it has a header
	err  error
}

// scan looks in the notes folder dir for article a: the folder is listed
// only if a has no sidecar of its own name there.
func scan(a *article.Article, dir string) *folder {
	// The links are resolved once, for the own name and the claims.
	key := keyedPath(a.Path)
	f := &folder{dir: dir, own: keyedSidecar(a.Path, key, dir), key: key}
	if f.ownThere = exists(f.own); f.ownThere {
		return f
	}
	old := oldName(a.Path, dir)
	for _, c := range otherNames(a.Path, f.own, dir) {
		f.others = append(f.others, other{path: c, old: c == old})
	}
	return f
}

// header is the i-th other sidecar, its header read.
func (f *folder) header(i int) other {
	c := &f.others[i]
	if !c.read {
		c.h, c.ok, c.err = sidecar.ReadHeader(c.path)
		c.read = true
	}
	return *c
}

// place is the Location of a's notes in the folder f: the sidecar of
// SidecarPath's name if it is there; else a sidecar under another name
// that holds a's notes (claims), read and written where it is: one kept
// by the file name alone, as margin did before, or one of a path that
// is gone, the article before it moved. It is never moved or renamed,
// as another margin may have it open and would write its next note under
// the old name again, where nobody looks (every Commit reopens by path);
// only its header is rewritten in place to record a's path
// (recordClaim). Another sidecar that claims a too (two copies of one
// text, both gone) is named in the warning, with the one read.
func (f *folder) place(a *article.Article) Location {
	l := Location{Dir: f.dir, Sidecar: f.own, path: a.Path, hash: a.Hash}
	f.hashOnly(a, &l)
	var warnings []string
	for i := range f.others {
		c := f.header(i)
		if c.err != nil && c.old {
			// It may hold this article's notes: say so and leave it as
			// it is (another article's would be named by its key).
			warnings = append(warnings, unreadableOld(c.path, c.err, filepath.Base(f.own)))
		}
		if c.err != nil || !c.ok || !claims(a, f.key, c.h, c.old) {
			continue
		}
		if l.Sidecar != f.own {
			// Both are a's: margin reads one, and says so rather than
			// hide the other's notes (merging would write one file's
			// events into another behind its writers' backs).
			warnings = append(warnings, fmt.Sprintf("%s also holds notes on this article, not shown: margin reads %s", c.path, l.Sidecar))
			continue
		}
		recordClaim(a, f.key, c.path, c.h, c.old)
		l.Sidecar = c.path
	}
	l.Warning = strings.Join(warnings, "; ")
	return l
}

// holdsNotes reports whether the fallback folder f has a's notes.
func (f *folder) holdsNotes(a *article.Article) bool {
	if f.ownThere {
		return true
	}
	for i := range f.others {
		c := f.header(i)
		if c.err == nil && c.ok && claims(a, f.key, c.h, c.old) && (c.h.Path != "" || !writableDir(filepath.Dir(a.Path))) {
			return true
		}
	}
	return false
}

// hashOnly sets l.NeedsHash and l.anyHash for a, which has no hash yet
// (else it leaves them false): whether a sidecar in f under another name
// than a's own is told only by the hash (onlyHashTells), so that where
// a's notes are waits for it. The headers are read for it only then.
func (f *folder) hashOnly(a *article.Article, l *Location) {
	if a.Hash != "" {
		return
	}
	for i := range f.others {
		if c := f.header(i); c.err == nil && c.ok && onlyHashTells(c.h) {
			l.NeedsHash = true
			return
		}
	}
	l.anyHash = true
}

// recordClaim writes record, a's path as its key is of (keyedPath), into
// the header of c, the sidecar under another name that place found holds
// a's notes (its header h), if it
// records another: the path of a that is gone, or a link to it. The
// header is rewritten in place under the file's lock (sidecar.RecordPath),
// so a margin that has it open keeps reading and writing the same name.
// A header it cannot rewrite (a read-only folder) only makes the notes
// warn that they were another path's.
func recordClaim(a *article.Article, record, c string, h sidecar.Header, old bool) {
	if h.Path == record {
		return
	}
	_ = sidecar.RecordPath(c, record, func(h sidecar.Header) bool { return h.Path == record || !claims(a, record, h, old) })
}

// unreadableOld is the warning for the old-name sidecar old that could
// not be read (err), naming it once: a RefusedError names it already.
func unreadableOld(old string, err error, own string) string {
	why := fmt.Sprintf("%s cannot be read (%v)", old, fileerr.Cause(err))
	var refused *RefusedError
	if errors.As(err, &refused) {
		why = refused.Error()
	}
	return why + "; margin cannot tell whether it holds this file's notes, leaves it as it is and keeps this file's notes in " + own
}

// otherNames are the sidecars in the notes folder dir that may hold the
// notes of the article at articlePath under another name than its own
// (own): the one of its file name alone (margin's name before paths),
// then those of other paths with its file name, in name order.
func otherNames(articlePath, own, dir string) []string {
	base := filepath.Base(articlePath)
	var out []string
	if old := oldName(articlePath, dir); exists(old) {
		out = append(out, old)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return out
	}
	own = filepath.Base(own)
	for _, e := range entries {
		name := e.Name() // in name order (os.ReadDir)
		key, ok := strings.CutPrefix(name, base+".")
		key, ok2 := strings.CutSuffix(key, Suffix)
		if ok && ok2 && isKey(key) && name != own {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out
}

// oldName is where a notes folder kept the sidecar of the article at
// articlePath before names had keys: by the file name alone.
func oldName(articlePath, dir string) string {
	return filepath.Join(dir, filepath.Base(articlePath)+Suffix)
}

// isKey reports whether s is a path key as SidecarPath writes it.
func isKey(s string) bool { return hexname.Is(s, keyLen) }

// claims reports whether h, the header of a sidecar in a notes folder
// under another name than a's own (under the file name alone, as margin
// kept them before, if old), holds a's notes: it was started on a's text
// and records no path (margin before it did) or one that is gone (a
// before it moved); or it records key, a's own path as its key resolves
// it (keyedPath), as place writes it into one it found (recordClaim); or it is under the
// old name and records a's path (or the same file by another name). One
// of another path that is there is that path's, though it be a hard link
// to a: taking it would give one sidecar to both names.
func claims(a *article.Article, key string, h sidecar.Header, old bool) bool {
	if h.Path != "" && (h.Path == key || old && samePath(h.Path, a.Path)) {
		return true
	}
	return onlyHashTells(h) && h.Article == a.Hash
}

// onlyHashTells reports whether h, the header of a sidecar in a notes
// folder under another name than an article's own, is the article's
// only if its content hash is the one h records: h records no path
// (margin before it did) or one that is gone (the article before it
// moved). claims and Location.NeedsHash share it, so that an article
// loaded in steps waits for its hash exactly when place needs it.
func onlyHashTells(h sidecar.Header) bool {
	return h.Article != "" && (h.Path == "" || gone(h.Path))
}

// gone reports whether nothing is at path any more.
func gone(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// samePath reports whether recorded, an absolute path, names the file at
// path: the same absolute path, or the same file through a link.
func samePath(recorded, path string) bool {
	if absPath(path) == recorded {
		return true
	}
	fi, err := os.Stat(recorded)
	if err != nil {
		return false
	}
	fj, err := os.Stat(path)
	return err == nil && os.SameFile(fi, fj)
}

// writableDir reports whether a file can be created in dir, by creating
// one: permission bits do not tell for root, ACLs or a read-only mount.
func writableDir(dir string) bool {
	f, err := os.CreateTemp(dir, ".margin-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
