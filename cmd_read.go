package main

import (
	"errors"
	"io"
)

func runRead(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("read: not built yet")
}
