// Package shell writes words for a POSIX shell, so that a path a message
// tells the user to type (the fallback notes folder, "Library/Application
// Support" on macOS) can be pasted as it is shown.
package shell

import "strings"

// Quote is s as one shell word: s itself when every byte of it means
// only itself to a shell (letters, digits and _@%+=:,./-), else s in
// single quotes, each quote in it closing them, escaped with a
// backslash and opening them again, since nothing else is special
// between single quotes. The empty string is a pair of single quotes.
func Quote(s string) string {
	if s != "" && strings.IndexFunc(s, special) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// special reports whether r may mean something to a shell: anything but
// ASCII letters, digits and the few punctuation marks no shell expands
// (quoting a non-ASCII letter costs nothing and spares a locale's doubt).
func special(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return false
	}
	return !strings.ContainsRune("_@%+=:,./-", r)
}
