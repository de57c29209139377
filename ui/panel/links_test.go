package panel

import (
	"context"
	"strings"
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

func TestTheLinksTabNamesTheSiteWithoutItsWWW(t *testing.T) {
	tests := []struct {
		name, url, want string
	}{
		{"a www. host loses it", "https://www.theguardian.com/education/office-for-students", "theguardian.com"},
		{"the prefix is read in any case", "http://WWW.Example.org/a", "Example.org"},
		{"a host without it is whole", "https://news.example.org/a", "news.example.org"},
		{"a host that is only www. is kept", "https://www./a", "www."},
		{"a word starting www is not the prefix", "https://wwwhat.example/a", "wwwhat.example"},
		{"a port stays", "https://www.example.org:8080/a", "example.org:8080"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hostOf(tt.url); got != tt.want {
				t.Errorf("hostOf(%q) = %q, want %q", tt.url, got, tt.want)
			}
		})
	}
}

// TestTheLinksTabListsAddressesWrittenOut lists the addresses a text
// writes out, in plain text and in markdown alike: each is its own title,
// without a scheme, and no detail repeats its host.
func TestTheLinksTabListsAddressesWrittenOut(t *testing.T) {
	const text = "The council's report is at https://example.org/flood/report.pdf. The minutes, at http://example.org/minutes, agree; " +
		"the archive is at www.example.org/old and the clerk at clerk@example.org.\n"
	want := []string{
		"example.org/flood/report.pdf → https://example.org/flood/report.pdf",
		"example.org/minutes → http://example.org/minutes",
		"www.example.org/old → http://www.example.org/old",
		"clerk@example.org → mailto:clerk@example.org",
	}
	for _, file := range []string{"story.txt", "story.md"} {
		t.Run(file, func(t *testing.T) {
			a, err := model.Parse(context.Background(), file, []byte(text), model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range linkItems(Source{Article: a}) {
				got = append(got, it.Title+it.Detail+" → "+it.ID)
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("links listed %q, want %q", got, want)
			}
		})
	}
}

func TestAnAddressThatIsAlsoALinkIsListedOnce(t *testing.T) {
	const md = "Read [https://example.org/a](https://example.org/a) and <https://example.org/b>, and see [the report](https://example.org/c).\n"
	a, err := model.Parse(context.Background(), "story.md", []byte(md), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range linkItems(Source{Article: a}) {
		got = append(got, it.ID)
	}
	want := []string{"https://example.org/a", "https://example.org/b", "https://example.org/c"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("links listed %q, want %q", got, want)
	}
}

func TestALinkSpellingOutItsAddressIsListedWithoutItsSchemeInAnyCase(t *testing.T) {
	const md = "Read [HTTPS://example.org/a](HTTPS://example.org/a) and [Http://example.org/b](Http://example.org/b).\n"
	a, err := model.Parse(context.Background(), "story.md", []byte(md), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range linkItems(Source{Article: a}) {
		got = append(got, it.Title+it.Detail)
	}
	if want := []string{"example.org/a", "example.org/b"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("links listed %q, want %q", got, want)
	}
}
