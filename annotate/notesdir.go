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
	sum := sha256.Sum256([]byte(keyedPath(articlePath)))
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

// Place is the sidecar the notes of article a are read from and written
// to, given the notes folder dir ("" for beside the article), and a
// warning ("" for none). In a notes folder it is SidecarPath's name if a
// sidecar is there under it; else a sidecar there under another name
// that holds a's notes (claims), read and written where it is: one kept
// by the file name alone, as margin did before, or one of a path that is
// gone, the article before it moved. It is never moved or renamed, as
// another margin may have it open and would write its next note under
// the old name again, where nobody looks (every Commit reopens by path);
// only its header is rewritten in place to record a's path (recordClaim).
func Place(a *article.Article, dir string) (path, warning string) {
	own := SidecarPath(a.Path, dir)
	if dir == "" || exists(own) {
		return own, ""
	}
	old := oldName(a.Path, dir)
	var warnings []string
	for _, c := range otherNames(a.Path, dir) {
		h, ok, err := sidecar.ReadHeader(c)
		if err != nil && c == old {
			// It may hold this article's notes: say so and leave it as
			// it is (another article's would be named by its key).
			warnings = append(warnings, unreadableOld(c, err, filepath.Base(own)))
		}
		if err == nil && ok && claims(a, h, c == old) {
			recordClaim(a, c, h, c == old)
			return c, strings.Join(warnings, "; ")
		}
	}
	return own, strings.Join(warnings, "; ")
}

// recordClaim writes a's path into the header of c, the sidecar under
// another name that Place found holds a's notes (its header h), if it
// records another: the path of a that is gone, or a link to it. The
// header is rewritten in place under the file's lock (sidecar.RecordPath),
// so a margin that has it open keeps reading and writing the same name.
// A header it cannot rewrite (a read-only folder) only makes the notes
// warn that they were another path's.
func recordClaim(a *article.Article, c string, h sidecar.Header, old bool) {
	record := keyedPath(a.Path)
	if h.Path == record {
		return
	}
	_ = sidecar.RecordPath(c, record, func(h sidecar.Header) bool { return h.Path == record || !claims(a, h, old) })
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
// notes of the article at articlePath under another name than its own:
// the one of its file name alone (margin's name before paths), then
// those of other paths with its file name, in name order.
func otherNames(articlePath, dir string) []string {
	base := filepath.Base(articlePath)
	var out []string
	if old := oldName(articlePath, dir); exists(old) {
		out = append(out, old)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return out
	}
	own := filepath.Base(SidecarPath(articlePath, dir))
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
func isKey(s string) bool {
	if len(s) != keyLen {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// claims reports whether h, the header of a sidecar in a notes folder
// under another name than a's own (under the file name alone, as margin
// kept them before, if old), holds a's notes: it was started on a's text
// and records no path (margin before it did) or one that is gone (a
// before it moved); or it records a's own path as its key resolves it,
// as Place writes it into one it found (recordClaim); or it is under the
// old name and records a's path (or the same file by another name). One
// of another path that is there is that path's, though it be a hard link
// to a: taking it would give one sidecar to both names.
func claims(a *article.Article, h sidecar.Header, old bool) bool {
	if h.Path != "" && (h.Path == keyedPath(a.Path) || old && samePath(h.Path, a.Path)) {
		return true
	}
	return onlyHashTells(h) && h.Article == a.Hash
}

// onlyHashTells reports whether h, the header of a sidecar in a notes
// folder under another name than an article's own, is the article's
// only if its content hash is the one h records: h records no path
// (margin before it did) or one that is gone (the article before it
// moved). claims and NotesDirNeedsHash share it, so that an article
// loaded in steps waits for its hash exactly when Place needs it.
func onlyHashTells(h sidecar.Header) bool {
	return h.Article != "" && (h.Path == "" || gone(h.Path))
}

// gone reports whether nothing is at path any more.
func gone(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// NotesDir is the folder to keep the notes of article a in, for a
// command given dir (the --notes-dir flag or $MARGIN_NOTES_DIR, "" for
// none): dir if it is not empty; else the fallback folder, when it has
// a sidecar for this article and none is beside it, as after notes were
// saved there because the article's folder was not writable (the
// reader's ctrl+o, --notes-dir FALLBACK), so the article opened again
// shows them, where they were nowhere to be seen; else "", beside the
// article. fallback reports the second case, for the caller to say where
// the notes are.
//
// A sidecar there is this article's if it has its own name (SidecarPath)
// or holds its notes under another (claims); one from before paths were
// recorded, told only by the hash, only if a's folder is not writable,
// as notes go to the fallback folder only when it is not (a same-named
// article elsewhere with the same text would otherwise take them).
func NotesDir(a *article.Article, dir string) (notesDir string, fallback bool) {
	if dir != "" {
		return dir, false
	}
	fb, ok := fallbackFolder(a)
	if !ok || !holdsNotes(a, fb) {
		return "", false
	}
	return fb, true
}

// holdsNotes reports whether the fallback folder fb has a's notes.
func holdsNotes(a *article.Article, fb string) bool {
	if exists(SidecarPath(a.Path, fb)) {
		return true
	}
	for _, c := range otherNames(a.Path, fb) {
		h, ok, err := sidecar.ReadHeader(c)
		if err == nil && ok && claims(a, h, c == oldName(a.Path, fb)) && (h.Path != "" || !writableDir(filepath.Dir(a.Path))) {
			return true
		}
	}
	return false
}

// NotesDirNeedsHash reports whether NotesDir and Place cannot decide for
// a, the first step of an article loaded in steps, which has no hash
// until it is whole (model.Loader): the notes folder (dir, else the
// fallback folder) has no sidecar of a's own name but one of its file
// name that only the hash tells whose it is (from before paths were
// recorded, or of a path that is gone). The caller reads the rest of the
// article first; without it, the first step took that sidecar for
// another article's, and the notes in it were not shown.
func NotesDirNeedsHash(a *article.Article, dir string) bool {
	if a.Path == "" || a.Hash != "" {
		return false
	}
	if dir == "" {
		fb, ok := fallbackFolder(a)
		if !ok {
			return false
		}
		dir = fb
	}
	if exists(SidecarPath(a.Path, dir)) {
		return false
	}
	for _, c := range otherNames(a.Path, dir) {
		h, ok, err := sidecar.ReadHeader(c)
		if err == nil && ok && onlyHashTells(h) {
			return true
		}
	}
	return false
}

// fallbackFolder is the fallback folder, when a is a file with no
// sidecar beside it.
func fallbackFolder(a *article.Article) (string, bool) {
	if a.Path == "" || exists(SidecarPath(a.Path, "")) {
		return "", false
	}
	fb, err := FallbackDir()
	return fb, err == nil
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
