// Package decode turns the bytes of a file into UTF-8 text.
package decode

import (
	"bytes"
	"errors"
	"strings"
)

// ErrBinary is returned for data that is not text.
var ErrBinary = errors.New("binary file (contains NUL bytes)")

// Bytes returns data as UTF-8 text. Invalid bytes become U+FFFD.
func Bytes(data []byte) (string, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return "", ErrBinary
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), nil
}
