package panel

import (
	"context"
	"testing"

	"github.com/margin-reader/margin/model"
)

func TestTheLinksTabLeavesOutScriptsAndInlineData(t *testing.T) {
	const md = "See [the report](https://example.org/report), [click](javascript:alert(1)), " +
		"[a picture](data:text/html;base64,PHNjcmlwdD4=), [shout](JaVaScRiPt:alert(2)) and [the archive](http://example.org/old).\n"
	a, err := model.Parse(context.Background(), "story.md", []byte(md), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range linkItems(Source{Article: a}) {
		got = append(got, it.ID)
	}
	want := []string{"https://example.org/report", "http://example.org/old"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("links listed %q, want %q", got, want)
	}
}
