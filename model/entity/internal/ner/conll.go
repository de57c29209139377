package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tokenised sentence with its IOB2 labels ("B-PER", "O").
type Sentence struct {
	Words  []string
	Labels []string
}

// Document is the sentences of one article.
type Document []Sentence

// ReadCoNLL reads CoNLL-2003 data: one "word POS chunk label" line per
// token, blank lines between sentences, -DOCSTART- lines between documents.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var doc Document
	var s Sentence
	flushSent := func() {
		if len(s.Words) > 0 {
			doc = append(doc, s)
			s = Sentence{}
		}
	}
	flushDoc := func() {
		flushSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flushSent()
		case f[0] == "-DOCSTART-":
			flushDoc()
		case len(f) < 2:
			return nil, fmt.Errorf("read CoNLL line %d: want word and label", line)
		default:
			s.Words = append(s.Words, f[0])
			s.Labels = append(s.Labels, f[len(f)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read CoNLL: %w", err)
	}
	flushDoc()
	return docs, nil
}

// Span is an entity found in a tokenised sentence: words [Start, End) of
// type Type (an index into Model.Types).
type Span struct {
	Start, End, Type int
}

// Spans turns BIO tags into spans. A stray I-X starts a span of its own.
func Spans(tags []int, dst []Span) []Span {
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == 0 {
			i++
			continue
		}
		typ := (t - 1) / 2
		j := i + 1
		for j < len(tags) && tags[j] == 2+2*typ {
			j++
		}
		dst = append(dst, Span{i, j, typ})
		i = j
	}
	return dst
}

// TagIndex maps an IOB label to a tag index given the types; unknown labels
// are O.
func TagIndex(types []string, label string) int {
	if len(label) < 3 || label[1] != '-' {
		return 0
	}
	for k, t := range types {
		if label[2:] == t {
			if label[0] == 'B' {
				return 1 + 2*k
			}
			return 2 + 2*k
		}
	}
	return 0
}
