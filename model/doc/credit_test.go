package doc

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// polnearDev holds PolNeAR's dev articles beside the repository.
const polnearDev = "../../../shared/data/attribution/dev"

// agencyPattern matches an agency's name alone, compiled once for every
// text creditByRegexps reads.
var agencyPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(` + strings.Join(pictureAgencies[:], "|") + `)$`)
})

// creditByRegexps is IsCredit as it was before its byte checks: the three
// patterns run on every text and an agency's name matched by a pattern.
// The fast IsCredit must agree with it on every text.
func creditByRegexps(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > maxCredit {
		return false
	}
	re := furniturePatterns()
	if re.lead.MatchString(text) || re.tail.MatchString(text) || re.slash.MatchString(text) {
		return true
	}
	agency := agencyPattern()
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 0 || len(words) > maxAgencyLine {
		return false
	}
	named := false
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "via" {
			return false
		}
		named = named || agency.MatchString(w)
	}
	return named
}

// creditEdges are texts at the edges of the byte checks: case folds
// outside ASCII ("ſ" folds to "s", the Kelvin sign to "k"), characters
// outside ASCII before the end, broken UTF-8, brackets and slashes that
// do not make a credit.
var creditEdges = []string{
	"Photo: Dana Whitfield", "PHOTO BY ANA LIMA", "(Image credit: Town Archive)", "(Pictures - Leo Marsh)",
	"Illustration by Kit Moran", "Video: the flood", "Credits: Ada Kerr", "Pho", "(", "(P", "Ph",
	"Photos of the flood spread quickly, residents said.",
	"The mill before the fire (Photo: Town Archive).”", "The mill (Town Archive)", "The mill (Photo: Archive) x",
	"Crowds in the square. Marco Bianchi/AFP via Getty Images", "Crowds. Marco Bianchi/AFP via Getty Imageſ",
	"Crowds. Marco Bianchi / Shutterſtoc\u212a", "Crowds. Marco Bianchi VIA REUTERS", "Crowds. Marco Bianchi/ap photo…",
	"The report was sent via AP to subscribers.", "The ratio rose to 3/4 last year.", "Viable plans / AP",
	"Getty.", "GETTY", "\u212a", "Shutterſtock/Flickr", "Kofi Mensah via Getty Images.", "Alamy’s stock",
	"Getty Ian Lee Ann Bo Cy Di Ed", "Getty Ian Lee Ann Bo Cy Di Ed Fay", "Getty via", "Reuters reported the fire.",
	"AP\xff", "\xffPhoto: Ana", "(AP Photo/Lena Morales)\xff", "Lena Morales/\xffAFP", "  Photo: Ana  ", "",
	"Fishermen at dawn. (KOFI MENSAH/AFP/Getty Images)", "It is a photo credit.", "In an image: the bridge",
}

func TestIsCreditAgreesWithTheRegexps(t *testing.T) {
	for _, text := range creditEdges {
		if got, want := IsCredit(text), creditByRegexps(text); got != want {
			t.Errorf("IsCredit(%q) = %v, the regular expressions say %v", text, got, want)
		}
	}
}

// TestIsCreditAgreesWithTheRegexpsOnDevNews asks both about every
// paragraph of PolNeAR's dev articles and the samples' lines.
func TestIsCreditAgreesWithTheRegexpsOnDevNews(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(polnearDev, "*.txt"))
	if len(files) == 0 {
		t.Skip("no ../shared/data/attribution/dev beside the repository")
	}
	samples, _ := filepath.Glob("../../samples/*")
	asked, credits := 0, 0
	for _, f := range append(files, samples...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("reading %s: %v", f, err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			got, want := IsCredit(line), creditByRegexps(line)
			if got != want {
				t.Errorf("%s: IsCredit(%q) = %v, the regular expressions say %v", f, line, got, want)
			}
			asked++
			if want {
				credits++
			}
		}
	}
	if credits == 0 {
		t.Errorf("no credit among %d lines: the comparison saw none of the patterns' matches", asked)
	}
}

func FuzzIsCreditAgreesWithTheRegexps(f *testing.F) {
	for _, text := range creditEdges {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := IsCredit(text), creditByRegexps(text); got != want {
			t.Errorf("IsCredit(%q) = %v, the regular expressions say %v", text, got, want)
		}
	})
}

// BenchmarkIsCredit asks about a news article's paragraphs, most of them
// prose and a few credits, as parsing does.
func BenchmarkIsCredit(b *testing.B) {
	paragraphs := []string{
		"The council voted on Tuesday to raise the harbour wall by a metre before the winter storms.",
		"“We cannot wait for another flood,” said Ines Duarte, who chairs the works committee.",
		"Photo: Ines Duarte",
		"Residents who lost their homes in 2019 will be offered grants of up to €20,000 (about $22,000).",
		"Fishermen unload the catch at dawn. (KOFI MENSAH/AFP/Getty Images)",
		"The work will take two years, according to the plan published by the port authority.",
		"Getty.",
		"In a statement, the ministry said it would review the plans / costs in the spring.",
	}
	for i := 0; i < b.N; i++ {
		for _, p := range paragraphs {
			IsCredit(p)
		}
	}
}
