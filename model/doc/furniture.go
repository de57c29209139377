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
var pictureAgencies = [...]string{"getty", "afp", "ap", "reuters", "epa", "shutterstock", "alamy"}

// furniturePatterns are the general shapes of credit lines: a label
// ("Photo:", "Image by"), a credit in brackets at the end ("(AP
// Photo/Jane Doe)", "(Photo: Reuters)", "(Jane Doe/AFP)") and an agency
// after a slash or "via" ("Jane Doe / Getty Images").
var furniturePatterns = sync.OnceValue(func() furnitureREs {
	label := `(photo(graph)?s?|images?|pictures?|illustrations?|video|credits?|photo credit|image credit)`
	agency := `(` + strings.Join(pictureAgencies[:], "|") + `)( images| photo)?`
	return furnitureREs{
		lead:  regexp.MustCompile(`(?i)^\(?` + label + `(\s*(:|by\b)|\s*[-–—]\s)`),
		tail:  regexp.MustCompile(`(?i)\(((\w+\s+)?` + label + `\b|[^()]*/\s*` + agency + `\b)[^()]*\)\W*$`),
		slash: regexp.MustCompile(`(?i)\S\s*(/|\svia)\s*` + agency + `\W*$`),
	}
})

type furnitureREs struct{ lead, tail, slash *regexp.Regexp }

// maxAgencyLine bounds a credit line of names alone ("Getty/Instagram.").
const maxAgencyLine = 8

// IsCredit reports whether a block's text is a picture credit or a caption
// carrying one: a short text that starts with a credit label or ends with
// a credit, or a few capitalised names among them a picture agency's.
//
// Every paragraph of an article is asked, and the regular expressions
// scan all of it, so each runs only on texts that pass a byte check of
// what it cannot match without (mayLead, mayTail, maySlash): parsing
// spent a fifth of its instructions here.
func IsCredit(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > maxCredit {
		return false
	}
	re := furniturePatterns()
	return mayLead(text) && re.lead.MatchString(text) ||
		mayTail(text) && re.tail.MatchString(text) ||
		maySlash(text) && re.slash.MatchString(text) ||
		agencyLine(text)
}

// leadStarts are the first three letters of every credit label, in lower
// case. None of them has a case fold outside ASCII, as "k" and "s" do.
var leadStarts = [...]string{"pho", "ima", "pic", "ill", "vid", "cre"}

// mayLead reports whether text, after an optional "(", starts with the
// first three letters of a credit label in any case, as the lead
// pattern's matches do.
func mayLead(text string) bool {
	text = strings.TrimPrefix(text, "(")
	if len(text) < 3 {
		return false
	}
	var first [3]byte
	for i := range first {
		first[i] = text[i] | 0x20 // lower case for letters; leadStarts holds nothing else
	}
	for _, s := range leadStarts {
		if string(first[:]) == s {
			return true
		}
	}
	return false
}

// mayTail reports whether a ")" ends text but for characters that are not
// word characters, which the tail pattern's matches end with (`\)\W*$`).
// A byte outside ASCII belongs to a character outside \w.
func mayTail(text string) bool {
	for i := len(text) - 1; i >= 0 && !isWordByte(text[i]); i-- {
		if text[i] == ')' {
			return true
		}
	}
	return false
}

// maySlash reports whether text holds a "/" or "via" in any case, one of
// which comes before the agency in the slash pattern's matches.
func maySlash(text string) bool {
	if strings.IndexByte(text, '/') >= 0 {
		return true
	}
	for i := 0; i+3 <= len(text); i++ {
		if text[i]|0x20 == 'v' && text[i+1]|0x20 == 'i' && text[i+2]|0x20 == 'a' {
			return true
		}
	}
	return false
}

// isWordByte reports whether b is a word character of \w: an ASCII
// letter, digit or underscore.
func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b|0x20 >= 'a' && b|0x20 <= 'z' || b == '_'
}

// agencyLine reports whether text is only capitalised names, one of them
// a picture agency's: a credit standing alone. Its words are runs of
// letters and apostrophes; it reads them in place and stops at the first
// that cannot be in such a line, as most paragraphs' second word cannot.
func agencyLine(text string) bool {
	words, named := 0, false
	for rest := text; rest != ""; {
		w, after := nextWord(rest)
		rest = after
		if w == "" {
			break
		}
		if words++; words > maxAgencyLine {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "via" {
			return false
		}
		named = named || isAgency(w)
	}
	return named
}

// nextWord returns the first run of letters and apostrophes in s and
// what follows it, or "" when s holds none.
func nextWord(s string) (word, rest string) {
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || r == '\''
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// isAgency reports whether w is a picture agency's name in any case.
func isAgency(w string) bool {
	for _, a := range pictureAgencies {
		if strings.EqualFold(w, a) {
			return true
		}
	}
	return false
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
