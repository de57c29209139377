// Command prosener prints the named entities prose v2 finds in a file, one
// per line: the other side of bench/prose.sh, which times it and
// `margin analyze --json --verbatim` as whole processes on the same text.
//
//	go build -o /tmp/prosener ./cmd/prosener && /tmp/prosener FILE
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/jdkato/prose/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: prosener FILE")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "prosener:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	doc, err := prose.NewDocument(string(text), prose.WithSegmentation(false))
	if err != nil {
		return fmt.Errorf("tag %s: %w", path, err)
	}
	w := bufio.NewWriter(os.Stdout)
	for _, e := range doc.Entities() {
		fmt.Fprintf(w, "%s\t%s\n", e.Label, e.Text)
	}
	return w.Flush()
}
