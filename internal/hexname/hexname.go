// Package hexname tells the names margin makes of hex digits: the keys of
// notes-folder sidecars and the names of cache entries, which pruning and
// the sidecars' lookup must tell from every other file's.
package hexname

// Is reports whether s is n lowercase hex digits.
func Is(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
