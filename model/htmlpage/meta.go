package htmlpage

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/margin-reader/margin/model/weblink"
)

// pageMeta is what a page's markup says about its article, read before
// readability rewrites the page.
type pageMeta struct {
	title, site             string
	headings                []string // the page's <h1> texts
	bylines                 []string // candidates, the markup's own first
	byLine                  string   // the first short block that starts "By" and a name: the last candidate
	published, modified     string
	body                    string // JSON-LD articleBody
	standfirst              string // the description, when the page shows it
	host                    string // from the page address or its canonical link
	rates, rating, reviewer string
	claimant                string // ClaimReview itemReviewed.author: never the byline
	thisYear                int    // the year the page is read in (dateIn)
}

// readMeta collects the page's JSON-LD, <meta> and rel=author markup,
// reading the page in thisYear (dateIn).
func readMeta(root *html.Node, base *url.URL, thisYear int) pageMeta {
	m := pageMeta{thisYear: thisYear}
	metas := map[string]string{}
	var bylines []*html.Node
	var timeDate string   // the first <time datetime> in the page
	var times []string    // every <time datetime>, as written
	var headings []string // the page's <h1> texts
	var labelled string   // the first name after a byline's label
	var marked string     // the first date marked up outside <meta>
	var shown string      // the first date an element named for one shows
	var afterLabel string // the first date after a label of publication
	// line is the date the blocks under the first <h1> show.
	line := dateline{thisYear: thisYear}
	var objects []map[string]any
	visit(root, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
			if _, seen := metas[key]; !seen && key != "" {
				metas[key] = oneLine(attr(n, "content"))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				objects = append(objects, jsonLD(n.FirstChild.Data)...)
			}
		case atom.H1:
			// Soft hyphens, where a long word may break, are no part of
			// the headline as a title.
			headings = append(headings, oneLine(strings.ReplaceAll(headline(n), "\u00ad", "")))
		case atom.Time:
			times = append(times, attr(n, "datetime"))
			if timeDate == "" {
				timeDate = timeElementDate(n, thisYear)
			}
		case atom.Link:
			if hasWord(attr(n, "rel"), "canonical") && base == nil {
				if u, err := url.Parse(attr(n, "href")); err == nil {
					base = u
				}
			}
		}
		if isBylineElement(n) {
			bylines = append(bylines, n)
		}
		if m.byLine == "" {
			m.byLine = byLineText(n, thisYear)
		}
		if labelled == "" {
			labelled = labelledByline(n)
		}
		if marked == "" {
			marked = markedDate(n, thisYear)
		}
		if shown == "" {
			shown = shownDate(n, thisYear)
		}
		if afterLabel == "" {
			afterLabel = labelledDate(n, thisYear)
		}
		line.read(n)
	})
	if base != nil {
		m.host = strings.TrimPrefix(strings.ToLower(base.Hostname()), "www.")
	}
	article := firstOfType(objects, isArticleType)
	m.title = untruncated(first(str(article["headline"]), metas["og:title"], metas["twitter:title"]), headings)
	m.headings = headings
	m.site = first(metas["og:site_name"], names(article["publisher"]), metas["application-name"])
	m.bylines = []string{names(article["author"]), metas["author"], metas["article:author"]}
	published := str(article["datePublished"])
	if date(published) == "" {
		published = metaDateText(metas, publishedKeys)
	}
	m.published = first(localDate(published, times), date(published))
	m.modified = first(date(str(article["dateModified"])), date(metas["article:modified_time"]), date(metas["og:updated_time"]))
	m.standfirst = standfirst(root, first(str(article["description"]), metas["og:description"], metas["description"], metas["twitter:description"]))
	if body, ok := article["articleBody"].(string); ok {
		m.body = html.UnescapeString(body)
	}
	if review := firstOfType(objects, func(t string) bool { return t == "ClaimReview" }); review != nil {
		m.readClaimReview(review)
	}
	// A <time> can date a comment or a related story: it is the last
	// resort.
	webPage := firstOfType(objects, func(t string) bool { return t == "WebPage" })
	m.published = first(m.published, date(str(webPage["datePublished"])), marked, timeDate, shown, afterLabel, line.date)
	m.bylines = append(append(m.bylines, bylineTexts(bylines)...), labelled)
	return m
}

// headline is an <h1>'s text less a kicker that opens it: a first
// child element with a class, its text short, before the headline's
// own words, three at least ("<span class="dachzeile">Nach dem
// Sturm</span> <span class="headline">Fähren fahren wieder</span>").
func headline(n *html.Node) string {
	var kicker *html.Node
	var rest strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		text := nodeText(c, "")
		switch {
		case kicker == nil && strings.TrimSpace(text) == "":
		case kicker == nil && c.Type == html.ElementNode && attr(c, "class") != "" && len(text) <= maxKicker:
			kicker = c
		case kicker == nil:
			return textOf(n)
		default:
			rest.WriteString(text)
		}
	}
	// The separator the page sets after the kicker, "Klimaschutz: ...".
	h := strings.TrimLeft(strings.TrimSpace(rest.String()), kickerSeparators)
	// A headline starts with a capital; a first word in a span of its own
	// ("<span>Storm</span> hits the coast") is no kicker.
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(h, func(r rune) bool { return !unicode.IsLetter(r) }))
	if kicker == nil || len(strings.Fields(h)) < 3 || !unicode.IsUpper(first) || !isKicker(kicker) {
		return textOf(n)
	}
	return h
}

// isKicker reports whether a headline's first element is a kicker over
// the words after it, as the page says: its class or id names one
// (kickerNames), or the page parts it from them with a separator ("Harbour:
// ...", "Politics | ...", a hidden ": "), a line break, or the headline
// in an element of its own named for one ("headline", "title"). A
// title-case headline opens with a name in a classed span
// ("<span class="name">Biden</span> Signs Bill Into Law") with none of these.
func isKicker(k *html.Node) bool {
	text := strings.TrimSpace(textOf(k))
	if namesAny(k, kickerNames) || strings.TrimRight(text, kickerSeparators) != text {
		return true
	}
	for c := k.NextSibling; c != nil; c = c.NextSibling {
		next := strings.TrimSpace(nodeText(c, ""))
		switch {
		case c.DataAtom == atom.Br:
			return true
		case next == "":
			continue
		case strings.IndexAny(next, kickerSeparators) == 0:
			return true
		}
		return c.Type == html.ElementNode && namesAny(c, headlineNames) && !namesAny(c, kickerNames)
	}
	return false
}

// kickerNames are the words a class or id gives a kicker: the line over
// a headline in English and German news systems, or the section or
// topic it labels.
var kickerNames = []string{"kicker", "overline", "roofline", "topline", "toptitle", "supertitle", "overtitle", "pretitle", "eyebrow",
	"dachzeile", "spitzmarke", "subtitle", "subheadline", "section", "category", "topic", "label"}

// headlineNames are the words a class or id gives a headline's own
// element; one ending in them counts too ("articleheadline"), but not a
// kicker's ("subtitle").
var headlineNames = []string{"headline", "title"}

// namesAny reports whether one of an element's class or id words is, or
// ends in, one of names.
func namesAny(n *html.Node, names []string) bool {
	for _, key := range []string{"class", "id"} {
		for _, name := range strings.Fields(attr(n, key)) {
			for _, w := range nameWords(name) {
				for _, want := range names {
					if strings.HasSuffix(w, want) {
						return true
					}
				}
			}
		}
	}
	return false
}

// kickerSeparators part a kicker from the headline after it.
const kickerSeparators = ":-–—|· "

// nodeText is a text node's text, or an element's with sep around the
// text of each element inside it (joinedText); "" for any other node.
func nodeText(c *html.Node, sep string) string {
	switch {
	case c.Type == html.TextNode:
		return c.Data
	case c.Type == html.ElementNode && !skipped[c.DataAtom]:
		return joinedText(c, sep)
	}
	return ""
}

// maxKicker is the longest kicker over a headline: a few words.
const maxKicker = 60

// byline is the first candidate that names a writer (bylineOf); a login
// name ("ana.ruiz", "anaruiz") gives way to a later candidate that
// spells it out as the page shows it ("Ana Ruiz").
func (m pageMeta) byline(site string, more ...string) string {
	candidates := append(append(m.bylines, more...), m.byLine)
	for i, c := range candidates {
		name := m.bylineOf(c, site)
		if name == "" {
			continue
		}
		if isLogin(name) {
			for _, later := range candidates[i+1:] {
				if full := m.bylineOf(later, site); isSpelledOut(full) && squash(full) == squash(name) {
					return full
				}
			}
		}
		if namesOrganisation(name, site, m.host) {
			for _, later := range candidates[i+1:] {
				if person := m.bylineOf(later, site); isPersonName(person) && !namesOrganisation(person, site, m.host) {
					return person
				}
			}
		}
		return name
	}
	return ""
}

// bylineOf is the writer's name a candidate gives: not an address, not
// the site's name (nor the site with its address, "Deutsche Welle
// (www.dw.com)"), not a fact-check's claimant; a writer's name loses the
// site's put after or before it ("Rob Picheta, CNN"). "" when it names
// no writer.
func (m pageMeta) bylineOf(c, site string) string {
	name := bylineName(withoutSite(oneLine(c), site, m.host), m.thisYear)
	if name == "" || weblink.IsWeb(name) || squash(name) == squash(site) || squash(name) == squash(m.claimant) || namesHost(name, m.host) {
		return ""
	}
	return name
}

// namesOrganisation reports whether a byline names the site or another
// organisation rather than a writer: the site's name, or its host, alone
// or with a tagline or a word or two more ("jungefreiheit.de", "LAOLA1.at",
// "L-MAG – Das Magazin für Lesben" on l-mag.de), or a company's or
// association's legal form ("e.V.", "GmbH", "Inc."). A writer's own blog
// bears the writer's whole name: "Daniel Lemire" on lemire.me is no site.
func namesOrganisation(name, site, host string) bool {
	if isSiteName(siteName(name, host), site, host) || startsWithSiteName(name, site, host) {
		return true
	}
	for _, w := range strings.Fields(name) {
		if legalForms[strings.ToLower(strings.Trim(w, ",()"))] {
			return true
		}
	}
	return false
}

// isPersonName reports whether a byline is shaped as a person's name:
// two to five words, each capitalised but the links between names, and
// no figures ("vor 5 Stunden", "Zuletzt geändert am" are none).
func isPersonName(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 5 || strings.ContainsFunc(name, unicode.IsDigit) {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !nameLinks[w] {
			return false
		}
	}
	return true
}

// legalForms are the words that end a company's or an association's
// name, in English and German.
var legalForms = map[string]bool{"e.v.": true, "gmbh": true, "ggmbh": true, "ag": true, "inc.": true, "inc": true, "ltd": true, "ltd.": true, "llc": true, "corp.": true, "kg": true}

// isSpelledOut reports whether a name is written as a person's, in
// words, capitalised.
func isSpelledOut(name string) bool {
	return strings.Contains(name, " ") && strings.ContainsFunc(name, unicode.IsUpper)
}

// isLogin reports whether a name is written as a login is, one word in
// lower case ("anaruiz", "ana.ruiz", "ana_ruiz").
func isLogin(name string) bool {
	return !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsUpper(r) })
}

// bylineSeparators part a writer's name from the site's in a byline.
var bylineSeparators = []string{", ", " - ", " | ", " / "}

// withoutSite is a byline less the site's name at either end; "" when
// the site's name comes first and a comma after it (the publisher and
// its town: "SPIEGEL ONLINE, Hamburg, Germany").
func withoutSite(name, site, host string) string {
	for _, sep := range bylineSeparators {
		if i := strings.LastIndex(name, sep); i > 0 && isSiteName(name[i+len(sep):], site, host) {
			return strings.TrimSpace(name[:i])
		}
		if i := strings.Index(name, sep); i > 0 && isSiteName(name[:i], site, host) {
			if sep == ", " {
				return ""
			}
			return strings.TrimSpace(name[i+len(sep):])
		}
	}
	return name
}

// namesHost reports whether a byline holds the page's host with more
// words: the site's name and its address, not a writer's.
func namesHost(name, host string) bool {
	return host != "" && strings.Contains(strings.ToLower(name), host) && squash(name) != squash(host)
}

// Bylines come wrapped in words that are not names: "By", "Post author",
// a date or a "Published:" after the name, a comment's "says:". The
// patterns are compiled on first use, not at start-up: most articles are
// not saved pages, and every run of margin paid for them.
var bylinePatterns = sync.OnceValue(func() bylineREs {
	return bylineREs{
		lead: regexp.MustCompile(`(?i)^((post(ed)?|written|article|story)( author| by)?|by|von|por|par|door|di|av|de|(geschrieben|erstellt|eingestellt|verfasst|beitrag|artikel) von|(zeige )?alle beiträge von|view all posts by|auteur|autor|autorin|autoren|author|text( und (interview|fotos?))?|interview)\b:?\s*|^~\s*`),
		// WordPress's "Posted on <date> by <name>", in German "Veröffentlicht
		// am <date> von <name>".
		dateFirst: regexp.MustCompile(`(?i)^((posted|published|veröffentlicht|erstellt)\s+)?((on|am)\s+)?(\p{L}+,?\s+)?(\d{1,2}\.?\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(,?\s+(um\s+)?\d{1,2}:\d{2}(\s*(uhr|am|pm))?)?\s+(by|von)\s+`),
		tail:      regexp.MustCompile(`(?i)(\s+[-|·•,]\s*|\s+)((published|updated|posted)\b.*|((ph\.?d|m\.?d|r\.?d|r\.?n|mph|msc|mba)\.?(,\s*|\s+|$))+$|(on\s+)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(,\s*\d{4})?.*|\d{4}-\d{2}-\d{2}.*|\[email[^\]]*\].*|@\w+.*|(am|um|stand:?|»)\s+\d.*|am\s+\p{L}+tag\b.*|\d{1,2}[./]\d{1,2}[./]\d{2,4}.*|alle artikel)$`),
		byWord:    regexp.MustCompile(`^(?i:by|written by|words by|von|text von|par|por|auteur|autor|autoren|autorin|author)\s*:?\s+\p{Lu}`),
		label:     regexp.MustCompile(`^(?i:by|written by|von|geschrieben von|par|por|auteur|autor|autorin|autoren|author|verfasser|verfasserin)\s*:$`),
		notAName:  regexp.MustCompile(`(?i)^(no author|admin|anonymous|posted on|on|staff|@\w+|(publiziert|veröffentlicht|erstellt)( am)?|artikel von|alle beiträge|all posts|autor|author|datum|quelle|follow|name \(erforderlich\)|\d{1,2}:\d{2}\b.*)$|\s(says|said|wrote|sagt|schreibt)(:|,.*)?$`),
	}
})

type bylineREs struct{ lead, dateFirst, tail, notAName, byWord, label *regexp.Regexp }

const bylineTrail = " -–—|·•,:"

// bylineName is the name in a byline, "" when there is none.
func bylineName(s string, thisYear int) string {
	re := bylinePatterns()
	s = oneLine(s)
	if d := re.dateFirst.FindString(s); d != "" && dateIn(d, thisYear) != "" {
		s = s[len(d):]
	}
	for {
		rest := re.lead.ReplaceAllString(s, "")
		if rest == s {
			break
		}
		s = rest
	}
	if re.notAName.MatchString(s) {
		return ""
	}
	s = strings.Trim(re.tail.ReplaceAllString(s, ""), bylineTrail)
	if !strings.ContainsFunc(s, unicode.IsLetter) || re.notAName.MatchString(s) {
		return ""
	}
	return s
}

// byLineText is a short block's text when it is a byline by its words
// alone ("By Ana Ruiz | 12/10/2020", "Written by: Ana Ruiz"): it starts
// "By" (or "von", "par", "Autor:"...) and a name, every word of it
// capitalised but the links between names, two to five of them.
// "" for any other element, and for "By the end of March". A heading
// is one only with a date after the name: headlines capitalise every
// word, and "By The Numbers" or "By Land And Sea" name no one.
func byLineText(n *html.Node, thisYear int) string {
	if !blockish[n.DataAtom] && headings[n.DataAtom] == 0 {
		return ""
	}
	text, short := shortText(n, maxByLineText)
	re := bylinePatterns()
	if !short || !re.byWord.MatchString(text) {
		return ""
	}
	if headings[n.DataAtom] > 0 && !re.tail.MatchString(oneLine(text)) {
		return ""
	}
	words := strings.Fields(bylineName(text, thisYear))
	if len(words) < 2 || len(words) > 5 {
		return ""
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !nameLinks[w] {
			return ""
		}
	}
	return text
}

// nameLinks are the words between names, or inside one, that a byline
// writes in lower case.
var nameLinks = map[string]bool{"and": true, "und": true, "et": true, "y": true, "&": true, "von": true, "van": true, "de": true, "der": true, "la": true}

// maxByLineText is the longest block read as a byline by its words: a
// name or two and a date.
const maxByLineText = 80

// maxByline is the longest text an element can have to be a byline.
const maxByline = 100

// isBylineElement is rel=author, itemprop=author, a class, id or test id
// with the word "byline" or "author", or an <address> (the element HTML
// gives an article's author) that starts "By".
func isBylineElement(n *html.Node) bool {
	if hasWord(attr(n, "rel"), "author") || strings.Contains(attr(n, "itemprop"), "author") {
		return true
	}
	if n.DataAtom == atom.Address {
		return strings.HasPrefix(strings.ToLower(oneLine(textOf(n))), "by ")
	}
	for _, key := range []string{"class", "id", "data-testid"} {
		for _, name := range strings.Fields(attr(n, key)) {
			for _, w := range nameWords(name) {
				if w == "byline" || w == "author" {
					return true
				}
			}
		}
	}
	return false
}

// labelledByline is the name an element that is a byline's label alone
// introduces ("<strong>Autor:</strong> Ana Ruiz<br>", "<span>Author:
// </span><span>Ana Ruiz</span>"): the first of its next siblings that
// holds text, past line breaks; "" when n is no such label, or that
// text is longer than a name and a date.
func labelledByline(n *html.Node) string {
	label := n.FirstChild
	if label == nil || label != n.LastChild || label.Type != html.TextNode || len(label.Data) > maxLabel {
		return ""
	}
	// A label ends in a colon unless it is a bare one (bareLabels: "By",
	// "von"): most short texts are passed over before the pattern is tried.
	text := strings.Trim(label.Data, bylineTrail)
	if (len(text) > maxBareLabel || !bareLabels[strings.ToLower(text)]) && (!strings.HasSuffix(strings.TrimSpace(label.Data), ":") || !bylinePatterns().label.MatchString(strings.TrimSpace(label.Data))) {
		return ""
	}
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		text := oneLine(nodeText(c, " "))
		if len(text) > maxByLineText {
			return ""
		}
		if text != "" {
			return text
		}
	}
	return ""
}

// bareLabels are the byline labels a page sets without a colon, alone
// in an element before the name ("<span>By</span> <a>Ana Ruiz</a>").
var bareLabels = map[string]bool{"by": true, "von": true, "par": true, "por": true}

// maxBareLabel is the longest of bareLabels: a longer text is none, and
// is not put in lower case to be looked up.
const maxBareLabel = 3

// maxLabel is the longest text a byline's label can have: "Geschrieben
// von:" and the spaces around it.
const maxLabel = 40

// bylineTexts are the texts of the short byline elements, each taken from
// the innermost byline element inside it (a name within a line that also
// gives the date).
func bylineTexts(nodes []*html.Node) []string {
	var out []string
	for i, n := range nodes {
		text := spacedText(n)
		if text == "" || len(text) > maxByline || i+1 < len(nodes) && contains(n, nodes[i+1]) {
			continue
		}
		out = append(out, text)
	}
	return out
}

// spacedText is an element's text on one line with its elements' texts
// kept apart: a byline's "By", name and date are often spans with no
// space between them.
func spacedText(n *html.Node) string { return oneLine(joinedText(n, " ")) }

func contains(outer, inner *html.Node) bool {
	for p := inner.Parent; p != nil; p = p.Parent {
		if p == outer {
			return true
		}
	}
	return false
}

func (m *pageMeta) readClaimReview(review map[string]any) {
	m.rates = oneLine(str(review["claimReviewed"]))
	if rating, ok := review["reviewRating"].(map[string]any); ok {
		m.rating = first(str(rating["alternateName"]), str(rating["name"]), ratingValue(rating))
	}
	m.reviewer = first(names(review["author"]), names(review["publisher"]))
	if item, ok := review["itemReviewed"].(map[string]any); ok {
		m.claimant = names(item["author"])
	}
	if m.published == "" {
		m.published = date(str(review["datePublished"]))
	}
}

// publishedKeys are the <meta> names and properties that give a page's
// publication date, the most used first.
var publishedKeys = []string{
	"article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
	"publish-date", "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
	"dc.date", "dcterms.created", "dcterms.date", "date", "publication_date", "uploaddate",
	"datecreated", "schema:datecreated",
}

// untruncated is the headline a title cut short with an ellipsis
// ("…reading for Hong Kong leader...") begins, when an <h1> gives it
// whole; the title itself otherwise. The markup's title is preferred to
// the <h1> elsewhere: a page's only <h1> is as often its logo, a section
// label or the headline run into its standfirst.
func untruncated(title string, headings []string) string {
	cut := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(title, "..."), "…"), " ")
	if cut == title || cut == "" {
		return title
	}
	for _, h := range headings {
		if len(h) > len(cut) && strings.HasPrefix(h, cut) {
			return h
		}
	}
	return title
}

// shown is the headline the page shows for a title cleaned of the
// site's name: the first <h1> that says much the same (half the words of
// the shorter, and no more than twice as long), as the editors reworded it for
// the page ("Coronavirus: New York ramps up mass burials amid outbreak"
// for "New York ramps up mass burials amid virus outbreak"), cleaned in
// turn; the title itself when none does, or when the <h1> holds it whole,
// a section's name or a standfirst run into it ("Local News | ...").
func (m pageMeta) shown(title, site string) string {
	folded := foldTitle(title)
	for _, h := range m.headings {
		if strings.Contains(foldTitle(h), folded) {
			return title
		}
		if len(h) <= 2*len(title) && sameWords(title, h) {
			h, _ = cleanTitle(h, site, m.host, m.thisYear)
			return h
		}
	}
	return title
}

// foldTitle is a title in lower case without soft hyphens, the places a
// long word may break.
func foldTitle(s string) string { return strings.ToLower(strings.ReplaceAll(s, "\u00ad", "")) }

// sameWords reports whether two headlines share half the words of the
// shorter, three at least.
func sameWords(a, b string) bool {
	wa, wb := headlineWords(a), headlineWords(b)
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return shared >= 3 && 2*shared >= min(len(wa), len(wb))
}

func headlineWords(s string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(foldTitle(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words[w] = true
	}
	return words
}

// metaDateText is the first of the keys' values that is a date, as
// written.
func metaDateText(metas map[string]string, keys []string) string {
	for _, k := range keys {
		if date(metas[k]) != "" {
			return metas[k]
		}
	}
	return ""
}

// ratingValue is "2/5" from a numeric rating, "" without one.
func ratingValue(r map[string]any) string {
	v, best := str(r["ratingValue"]), str(r["bestRating"])
	if v == "" || best == "" {
		return v
	}
	return v + "/" + best
}

func visit(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			f(c)
		}
		visit(c, f)
	}
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

// jsonLD is every object in a JSON-LD script, those in @graph lists
// included. Broken JSON-LD is common and is ignored.
func jsonLD(src string) []map[string]any {
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<![CDATA["), "]]>")
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var out []map[string]any
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, item := range v {
				collect(item)
			}
		case map[string]any:
			out = append(out, v)
			collect(v["@graph"])
		}
	}
	collect(v)
	return out
}

// isArticleType is true for schema.org's Article and its kinds
// (NewsArticle, ReportageNewsArticle, BlogPosting, Report...).
func isArticleType(t string) bool {
	return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
}

func firstOfType(objects []map[string]any, want func(string) bool) map[string]any {
	for _, o := range objects {
		for _, t := range types(o["@type"]) {
			if want(t) {
				return o
			}
		}
	}
	return nil
}

func types(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{strings.TrimPrefix(v, "schema:")}
	case []any:
		var out []string
		for _, t := range v {
			out = append(out, types(t)...)
		}
		return out
	}
	return nil
}

// str is a JSON-LD value as one line of text: a string, a number, or the
// first of a list.
func str(v any) string {
	switch v := v.(type) {
	case string:
		return oneLine(html.UnescapeString(v))
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

// names joins the names of a person or organisation value: a string, an
// object with a name, or a list of them.
func names(v any) string {
	var out []string
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, oneLine(v))
		case map[string]any:
			if n := str(v["name"]); n != "" {
				out = append(out, n)
			}
		case []any:
			for _, item := range v {
				collect(item)
			}
		}
	}
	collect(v)
	var kept []string
	for _, n := range out {
		if n != "" && !weblink.IsWeb(n) {
			kept = append(kept, n)
		}
	}
	return strings.Join(kept, ", ")
}

func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02",
	time.RFC1123Z, time.RFC1123,
}

// leadingDate is compiled on first use, as the byline patterns are.
var leadingDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`) })

// date is a page's date as 2006-01-02, the day where it was written, or
// "" when it is not a date.
func date(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	if d := leadingDate().FindString(s); d != "" {
		if _, err := time.Parse(time.DateOnly, d); err == nil {
			return d
		}
	}
	return ""
}

// titleSeparators part a title from the site name put around it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / ", " : ", " • ", " │ ", " ǀ "}

// cleanTitle drops the site's name from either end of a title: the site
// named by the page, or one that matches the page's host name, with the
// tagline after it ("... | petri-heil.ch | Dein Fischereimagazin") and a
// date closing the title ("... | DW | 19.01.2020"). It returns the
// site's name too, learnt from the title if need be.
func cleanTitle(title, site, host string, thisYear int) (string, string) {
	for _, sep := range titleSeparators {
		// The whole site name, tagline and all.
		if site != "" && strings.HasSuffix(title, sep+site) && len(title) > len(sep+site) {
			return cleanTitle(strings.TrimSpace(strings.TrimSuffix(title, sep+site)), site, host, thisYear)
		}
	}
	parts, seps := splitTitle(title)
	if n := len(parts); n > 1 {
		if isTitleDate(parts[n-1], thisYear) && !opensRange(parts[n-2], parts[n-1]) {
			return cleanTitle(joinTitle(parts[:n-1], seps), site, host, thisYear)
		}
		// From the end: the site's name is the last part, or a later
		// one's tagline follows it.
		for i := n - 1; i > 0; i-- {
			if isTitleSite(parts[i], seps[i], site, host) || startsWithSiteName(parts[i], site, host) {
				return cleanTitle(joinTitle(parts[:i], seps), first(site, parts[i]), host, thisYear)
			}
		}
		if isTitleSite(parts[0], seps[1], site, host) {
			return cleanTitle(joinTitle(parts[1:], seps[1:]), first(site, parts[0]), host, thisYear)
		}
	}
	return title, siteName(site, host)
}

// isTitleSite reports whether a title's part beside the separator sep is
// the site's name. French sets a space before a colon, so " : " also
// parts a headline's own words ("Live : la situation à Kiev" on
// live.lemonde.fr): there the part must be the site's name or its host's
// registered name, not any label of the host (live, sport, video, blog).
func isTitleSite(part, sep, site, host string) bool {
	if sep == " : " {
		return isSiteName(part, site, registeredName(host))
	}
	return isSiteName(part, site, host)
}

// splitTitle parts a title at its separators: parts[i] follows seps[i]
// (seps[0] is "").
func splitTitle(title string) (parts, seps []string) {
	sep := ""
	for {
		at, next := -1, ""
		for _, s := range titleSeparators {
			if i := strings.Index(title, s); i >= 0 && (at < 0 || i < at) {
				at, next = i, s
			}
		}
		if at < 0 {
			return append(parts, title), append(seps, sep)
		}
		parts, seps = append(parts, title[:at]), append(seps, sep)
		title, sep = title[at+len(next):], next
	}
}

// joinTitle puts parts back together with the separators between them.
func joinTitle(parts, seps []string) string {
	var sb strings.Builder
	for i, p := range parts {
		if i > 0 {
			sb.WriteString(seps[i])
		}
		sb.WriteString(p)
	}
	return strings.TrimSpace(sb.String())
}

// titleDate matches a date in numbers, the whole of a title's part
// ("19.01.2020", "2020-01-19"); isTitleDate takes one in words too
// ("January 19, 2020", "19. Januar 2020").
var titleDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})$`)
})

func isTitleDate(part string, thisYear int) bool {
	part = strings.TrimSpace(part)
	if titleDate().MatchString(part) {
		return true
	}
	return dateIn(part, thisYear) != "" && len(strings.Fields(part)) <= 3
}

// opensRange reports whether a title's part ends in the first day of a
// range the date after it closes, so that the date is the title's own:
// a day's number written as one, "14." ("Weekly report 14. - 20. Januar
// 2022"), or a bare number under the day that opens the date ("Report
// 14 - 20 January 2022"). A number that is a name's ("COVID-19",
// "iPhone 13") opens no range before "19.01.2021" or "January 19, 2022".
func opensRange(part, date string) bool {
	words := strings.Fields(part)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if day, ok := strings.CutSuffix(last, "."); ok {
		_, err := strconv.Atoi(day)
		return err == nil
	}
	date = strings.TrimSpace(date)
	digits := strings.IndexFunc(date, func(r rune) bool { return !unicode.IsDigit(r) })
	if digits < 0 {
		digits = len(date)
	}
	from, err := strconv.Atoi(last)
	to, err2 := strconv.Atoi(date[:digits])
	return err == nil && err2 == nil && from >= 1 && from < to
}

// siteName drops a tagline from a site's name ("My Daily Magazine - Art,
// Design...") when its first part is the host's name.
func siteName(site, host string) string {
	for _, sep := range titleSeparators {
		if name, _, ok := strings.Cut(site, sep); ok && isSiteName(name, "", host) {
			return name
		}
	}
	return site
}

// isSiteName compares names by their letters and digits alone, so
// "TheHill" is "The Hill"; a name may add a short word ("BBC News" for
// the site "BBC" or the host bbc.co.uk) when the name is not too short
// to tell.
func isSiteName(part, site, host string) bool {
	p := squash(part)
	for _, name := range siteNames(site, host) {
		if p == name || len(name) >= 3 && strings.HasPrefix(p, name) && len(p)-len(name) <= 4 {
			return true
		}
	}
	return false
}

// startsWithSiteName reports whether a title's part is the site's name,
// as the page or its host's registered name gives it, and a few words
// more: "MyOOS Community Forum" on foren.myoos.de. The name ends where a
// word does, and is not too short to tell.
func startsWithSiteName(part, site, host string) bool {
	words := strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, name := range []string{squash(site), squash(registeredName(host))} {
		if len(name) < 4 {
			continue
		}
		joined := ""
		for i, w := range words {
			joined += squash(w)
			if joined == name {
				return len(words)-i-1 <= maxWordsAfterSiteName
			}
			if len(joined) >= len(name) {
				break
			}
		}
	}
	return false
}

// maxWordsAfterSiteName is how many words may follow the site's name in
// a title's part that is the site's: "Community Forum", "Magazin".
const maxWordsAfterSiteName = 2

// siteNames are the names a site goes by, squashed: the page's name for
// it, its host and the host's labels (the registered name, a subdomain
// such as "wiki" or "archiv"), less "www" and the labels too short to
// tell.
func siteNames(site, host string) []string {
	names := []string{squash(site), squash(host)}
	labels := strings.Split(host, ".")
	for _, l := range labels[:max(len(labels)-1, 0)] {
		if len(l) >= 2 && !strings.HasPrefix(l, "www") {
			names = append(names, squash(l))
		}
	}
	return slices.DeleteFunc(names, func(s string) bool { return s == "" })
}

// registeredName is the label of a host its owner registered: "myoos"
// of foren.myoos.de, "bbc" of bbc.co.uk.
func registeredName(host string) string {
	labels := strings.Split(host, ".")
	n := len(labels)
	switch {
	case n >= 3 && len(labels[n-1]) == 2 && len(labels[n-2]) <= 3:
		return labels[n-3]
	case n >= 2:
		return labels[n-2]
	}
	return ""
}

// squash is a name's letters and digits in lower case, accents aside
// ("Nestlé" is nestle, as in its host name).
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, norm.NFD.String(s))
}
