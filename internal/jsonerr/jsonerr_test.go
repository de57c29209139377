package jsonerr

import (
	"encoding/json"
	"errors"
	"testing"
)

type inner struct {
	Start int `json:"start"`
}

type Event struct {
	Rev  int      `json:"rev"`
	Tags []string `json:"tags"`
	Note struct {
		Target inner `json:"target"`
	} `json:"note"`
}

// wrapper embeds Event, as the sidecar's line type embeds Event.
type wrapper struct{ Event }

func TestPlainSaysTheFieldInTheFilesTerms(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{`{"rev":"2"}`, "rev is text, not a whole number"},
		{`{"rev":1.5}`, "rev is a number, not a whole number"},
		{`{"tags":"a,b"}`, "tags is text, not a list"},
		{`{"note":{"target":{"start":[1]}}}`, "note.target.start is a list, not a whole number"},
		{`[1]`, "the line is a list, not an object"},
	} {
		var w wrapper
		err := Plain(json.Unmarshal([]byte(c.line), &w))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", c.line, err, c.want)
		}
	}
	syntax := json.Unmarshal([]byte(`garbage`), &wrapper{})
	if got := Plain(syntax); got != syntax {
		t.Errorf("a syntax error became %v", got)
	}
	if Plain(nil) != nil || !errors.Is(Plain(errors.ErrUnsupported), errors.ErrUnsupported) {
		t.Error("other errors are not kept as they are")
	}
}
