package doc

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// LeadBlocks is how many blocks at an article's top may hold its byline:
// the headline, a standfirst, the byline and a dateline come first.
const LeadBlocks = 4

// maxBylineWords bounds a byline: a few names, an outlet and a date.
const maxBylineWords = 16

// maxCredit is the longest block taken for a picture's caption or credit,
// as long as the captions HTML pages mark (htmlpage's maxCaption).
const maxCredit = 300

// Furniture reports whether the kind is page furniture: text about the
// article (who wrote it, what a picture shows) rather than the article.
func (k BlockKind) Furniture() bool { return k == Caption || k == Byline }

// pictureAgencies are the large picture agencies whose names credit
// news photographs. On PolNeAR's train and dev texts 45 credit lines name
// Getty ("Getty.", "Scott Olson via Getty Images.", "(… /AFP/Getty
// Images.)"); the others are the wire services that sell pictures too.
const pictureAgencies = `getty|afp|ap|reuters|epa|shutterstock|alamy`

// furniturePatterns are the general shapes of credit lines: a label
// ("Photo:", "Image by"), a credit in brackets at the end ("(AP
// Photo/Jane Doe)", "(Photo: Reuters)", "(Jane Doe/AFP)") and an agency
// after a slash or "via" ("Jane Doe / Getty Images").
var furniturePatterns = sync.OnceValue(func() furnitureREs {
	label := `(photo(graph)?s?|images?|pictures?|illustrations?|video|credits?|photo credit|image credit)`
	agency := `(` + pictureAgencies + `)( images| photo)?`
	return furnitureREs{
		lead:   regexp.MustCompile(`(?i)^\(?` + label + `(\s*(:|by\b)|\s*[-–—]\s)`),
		tail:   regexp.MustCompile(`(?i)\(((\w+\s+)?` + label + `\b|[^()]*/\s*` + agency + `\b)[^()]*\)\W*$`),
		slash:  regexp.MustCompile(`(?i)\S\s*(/|\svia)\s*` + agency + `\W*$`),
		agency: regexp.MustCompile(`(?i)^(` + pictureAgencies + `)$`),
	}
})

type furnitureREs struct{ lead, tail, slash, agency *regexp.Regexp }

// maxAgencyLine bounds a credit line of names alone ("Getty/Instagram.").
const maxAgencyLine = 8

// IsCredit reports whether a block's text is a picture credit or a caption
// carrying one: a short text that starts with a credit label or ends with
// a credit, or a few capitalised names among them a picture agency's.
func IsCredit(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > maxCredit {
		return false
	}
	re := furniturePatterns()
	return re.lead.MatchString(text) || re.tail.MatchString(text) || re.slash.MatchString(text) ||
		agencyLine(text, re.agency)
}

// agencyLine reports whether text is only capitalised names, one of them
// a picture agency's: a credit standing alone.
func agencyLine(text string, agency *regexp.Regexp) bool {
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

// IsByline reports whether a block's text is a byline: "By" and a
// capitalised name, more names joined by commas or "and", then
// optionally an outlet, a role or a date after a comma or a bar, and no
// closing full stop.
func IsByline(text string) bool {
	text = strings.TrimSpace(text)
	rest, ok := cutPrefixFold(text, "by ")
	// A byline is a label, not a sentence: it does not end like one.
	if !ok || len(strings.Fields(rest)) > maxBylineWords || strings.ContainsAny(text[len(text)-1:], ".!?") {
		return false
	}
	parts := bylineParts(rest)
	if !isName(parts[0]) {
		return false
	}
	// The first part is the writer; a part after a joining "and" is a
	// second writer, other parts are an outlet, a role or a date.
	for _, p := range parts[1:] {
		if !isName(p) && !isTrailer(p) {
			return false
		}
	}
	return true
}

// bylineParts splits a byline after its "By" at commas, bars, dashes and
// "and", which join writers and what follows them.
func bylineParts(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", "|", ",", " – ", ",", " — ", ",", " - ", ",").Replace(s)
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return []string{""}
	}
	return parts
}

// nameParticles are the lower-case words inside names ("Ursula von der
// Leyen") and before an outlet's name ("the Associated Press").
var nameParticles = map[string]bool{"de": true, "da": true, "del": true, "der": true, "di": true,
	"du": true, "la": true, "le": true, "van": true, "von": true, "bin": true, "al": true, "the": true, "of": true}

// isName reports whether s is one to five capitalised words (particles
// aside), the shape of a person's or an outlet's name.
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	capitals := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capitals++
		case !nameParticles[strings.ToLower(w)]:
			return false
		}
	}
	return capitals > 0
}

// maxTrailerWords bounds what may follow a byline's names after a comma
// or a bar: an outlet, a role ("Island affairs correspondent") or a date.
const maxTrailerWords = 4

// isTrailer reports whether s may follow a byline's names: a short name,
// role or date. A clause after "By Friday," runs longer.
func isTrailer(s string) bool { return len(strings.Fields(s)) <= maxTrailerWords }

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// MarkFurniture gives paragraphs that are page furniture their kind:
// bylines among the article's first LeadBlocks blocks, captions and
// credits anywhere. before is how many blocks come before d's in the
// article, for a document read in parts.
func MarkFurniture(d Doc, before int) {
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind != Paragraph {
			continue
		}
		text := b.In(d.Text)
		switch {
		case before+i < LeadBlocks && IsByline(text):
			b.Kind = Byline
		case IsCredit(text):
			b.Kind = Caption
		}
	}
}
