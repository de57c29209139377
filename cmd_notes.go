package main

import (
	"errors"
	"io"
)

func runNotes(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("notes: not built yet")
}
