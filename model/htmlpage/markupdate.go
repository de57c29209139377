package htmlpage

import (
	"cmp"
	"maps"
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
)

// markedDate is the publication date an element of the page marks up
// outside <meta>: microdata's itemprop="datePublished" and the hAtom
// microformat's class "published", from the datetime, content or title
// attribute or else from the element's text ("May 19, 2020", "19.05.2020").
func markedDate(n *html.Node, thisYear int) string {
	if n.DataAtom == atom.Meta || !(attr(n, "itemprop") == "datePublished" || hasWord(attr(n, "class"), "published")) {
		return ""
	}
	for _, key := range []string{"datetime", "content", "title"} {
		if d := date(attr(n, key)); d != "" {
			return d
		}
	}
	return elementDate(n, thisYear)
}

// maxDateText is the longest text read for a date: a date element holds
// the date and perhaps a time and a label, not a paragraph.
const maxDateText = 60

// elementDate is the date an element's short text shows (dateIn); ""
// when its text is longer than a date's.
func elementDate(n *html.Node, thisYear int) string {
	if text, short := shortText(n, maxDateText); short {
		return dateIn(text, thisYear)
	}
	return ""
}

// localDate is the day a UTC publication time fell on where the page
// was published, when one of the page's <time> elements gives that same
// moment in local time: "2023-11-09T05:30:59Z" in the markup, shown as
// "2023-11-08 23:30:59" (or with its offset, "-06:00"), is the 8th.
// "" when no <time> says so.
func localDate(published string, times []string) string {
	at, err := time.Parse(time.RFC3339, strings.TrimSpace(published))
	if err != nil {
		return ""
	}
	if _, offset := at.Zone(); offset != 0 {
		return ""
	}
	for _, t := range times {
		t = strings.TrimSpace(t)
		if local, err := time.Parse(time.RFC3339, t); err == nil && local.Equal(at) {
			return local.Format(time.DateOnly)
		}
		for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
			if clock, err := time.Parse(layout, t); err == nil && isZoneShift(clock.Sub(at)) {
				return clock.Format(time.DateOnly)
			}
		}
	}
	return ""
}

// isZoneShift is whether d could be a time zone's offset from UTC: a
// whole number of half hours, at most 14 hours, not zero.
func isZoneShift(d time.Duration) bool {
	return d != 0 && d%(30*time.Minute) == 0 && d.Abs() <= 14*time.Hour
}

// shownDate is the date an element named for one shows ("entry-date",
// "post-date", "datum", "published"), a date in numbers ("19.10.2019")
// or in English or German words ("19. Oktober 2019", "March 3, 2020")
// anywhere in its short text; "" for any other element. A page's own
// date is the last resort: a sidebar's or a comment's may come first.
func shownDate(n *html.Node, thisYear int) string {
	if skipped[n.DataAtom] || !namedForDate(n) {
		return ""
	}
	return elementDate(n, thisYear)
}

// namedForDate reports whether an element's class or id names a date of
// publication, or the line of facts about the article that gives it
// ("meta-info", "articleinfos", "news-time").
func namedForDate(n *html.Node) bool { return dateNaming(n) == datePublished }

// dateNaming is what an element's class or id says of the date it
// shows: a publication's (datePublished), another's (dateOther: today's
// date a page header shows, an update's, a comment's) or nothing.
func dateNaming(n *html.Node) int {
	naming := dateUnnamed
	for _, key := range []string{"class", "id"} {
		for _, name := range strings.Fields(attr(n, key)) {
			for _, w := range nameWords(name) {
				switch w {
				case "today", "current", "heute", "update", "updated", "modified", "comment", "comments":
					return dateOther
				case "date", "datum", "dateline", "published", "posted", "time", "meta", "info", "infos":
					naming = datePublished
				default:
					// "pubdate", "publishingdate", "entrydate"; not
					// "candidate".
					if strings.HasSuffix(w, "date") && !strings.HasSuffix(w, "update") && !strings.HasSuffix(w, "idate") || isFactsName(w) {
						naming = datePublished
					}
				}
			}
		}
	}
	return naming
}

// What an element's names say of its date (dateNaming).
const (
	dateUnnamed = iota
	datePublished
	dateOther
)

// isFactsName reports whether a one-word name is one of an article's
// line of facts: "postmeta", "articleinfos", "metadata".
func isFactsName(w string) bool {
	for _, suffix := range []string{"meta", "metadata", "info", "infos"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	return false
}

// shownDates are compiled on first use, as the byline patterns are: a
// date in numbers, day first ("19.10.2019"), or in words, English,
// German or French, the day first or the month ("19. Oktober 2019",
// "March 3rd, 2020", "15 septembre 2009"), or year first, as ISO 8601
// writes it ("2023-11-07", a year of the last century or this one's).
// A month is one of monthNumbers, a whole word, so that "3 Marines 2019"
// is no date.
var shownDates = sync.OnceValue(func() [3]*regexp.Regexp {
	names := slices.Collect(maps.Keys(monthNumbers))
	// Longest first, so that "march" is tried before "mar".
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	month := `(` + strings.Join(names, "|") + `)\.?`
	return [3]*regexp.Regexp{
		regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b`),
		regexp.MustCompile(`(?i)\b(?:(\d{1,2})\.?\s+` + month + `,?\s+(\d{4})|` + month + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b`),
		regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`),
	}
})

// monthNumbers are the months by their English, German and French names
// and their abbreviations, in lower case.
var monthNumbers = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "mai": 5, "juni": 6,
	"juli": 7, "oktober": 10, "dezember": 12,
	"jän": 1, "mär": 3, "mrz": 3, "okt": 10, "dez": 12,
	"janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
	"août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
	"janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "déc": 12,
}

// dateIn is the first date shownDates finds in a text, as 2006-01-02; ""
// when there is none, or it is no day of the calendar. thisYear, the
// year the page is read in, bounds the years written in two digits
// (numberDate).
func dateIn(s string, thisYear int) string {
	at, day, month, year := numberDate(s, thisYear)
	if wordAt, d, mo, y := wordDate(s); wordAt >= 0 && (at < 0 || wordAt < at) {
		at, day, month, year = wordAt, d, mo, y
	}
	if isoAt, d, mo, y := isoDate(s); isoAt >= 0 && (at < 0 || isoAt < at) {
		day, month, year = d, mo, y
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if month == 0 || t.Day() != day || t.Month() != month {
		return ""
	}
	return t.Format(time.DateOnly)
}

// isoDate is the first day of the calendar a text writes as ISO 8601
// does, year first ("Written: 2023-11-07 15:03:30"), with where it
// starts; -1 when there is none. A reference shaped like one ("Akte
// 2019-00-12") is passed over, so it hides no real date after it.
func isoDate(s string) (at, day int, month time.Month, year int) {
	for _, m := range shownDates()[2].FindAllStringSubmatchIndex(s, -1) {
		year, _ = strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		day, _ = strconv.Atoi(s[m[6]:m[7]])
		t := time.Date(year, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
		if mo >= 1 && mo <= 12 && t.Day() == day {
			return m[0], day, time.Month(mo), year
		}
	}
	return -1, 0, 0, 0
}

// wordDate is the first date in words a text shows ("19. Oktober 2019",
// "March 3rd, 2020") that opens no span of time, with where it starts;
// -1 when there is none.
func wordDate(s string) (at, day int, month time.Month, year int) {
	for _, m := range shownDates()[1].FindAllStringSubmatchIndex(s, -1) {
		if afterWord(s[:m[0]], spanWords) {
			continue
		}
		d, mo, y := 2, 4, 6 // the day first
		if m[2] < 0 {
			d, mo, y = 10, 8, 12 // the month first
		}
		day, _ = strconv.Atoi(s[m[d]:m[d+1]])
		year, _ = strconv.Atoi(s[m[y]:m[y+1]])
		return m[0], day, monthNumbers[strings.ToLower(s[m[mo]:m[mo+1]])], year
	}
	return -1, 0, 0, 0
}

// spanWords open a span of time: the date after them is when a state
// began ("Member since 12.03.19", "gültig seit: 05.11.2021"), not when
// the page was published. On the development set's pages no date after
// them is one.
var spanWords = []string{"since", "seit", "depuis"}

// versionWords name the version number after them ("Version 2.4.10").
var versionWords = []string{"version", "v", "v."}

// afterWord reports whether the last word of a text is one of words,
// case and a colon after it aside.
func afterWord(before string, words []string) bool {
	fields := strings.Fields(strings.ToLower(before))
	return len(fields) > 0 && slices.Contains(words, strings.TrimSuffix(fields[len(fields)-1], ":"))
}

// numberDate is the first date in numbers, day first, that a text shows
// on its own ("19.10.2019", "23.09.22"), with where it starts; -1 when
// there is none. A run of dotted numbers ("10.1.1.20") or a version's
// ("Version 2.4.10") is none, nor a date that opens a span of time
// (spanWords), nor one with a year in two digits after thisYear's next:
// the pages that write two digits are this century's, up to now.
func numberDate(s string, thisYear int) (at, day int, month time.Month, year int) {
	for _, m := range shownDates()[0].FindAllStringSubmatchIndex(s, -1) {
		if inNumberRun(s, m[0], m[1]) || afterWord(s[:m[0]], spanWords) {
			continue
		}
		day, _ = strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		year, _ = strconv.Atoi(s[m[6]:m[7]])
		if year < 100 {
			year += 2000
			if year > thisYear+1 {
				continue
			}
		}
		return m[0], day, time.Month(mo), year
	}
	return -1, 0, 0, 0
}

// inNumberRun reports whether s[start:end] is part of a longer run of
// dotted numbers ("1.1.20" in "10.1.1.20") or a version number's
// ("Version 2.4.10", "v 2.4.10").
func inNumberRun(s string, start, end int) bool {
	before, after := s[:start], s[end:]
	if strings.HasPrefix(after, ".") && len(after) > 1 && unicode.IsDigit(rune(after[1])) ||
		strings.HasSuffix(before, ".") && len(before) > 1 && unicode.IsDigit(rune(before[len(before)-2])) {
		return true
	}
	return afterWord(before, versionWords)
}

// labelledDate is the date a label of publication introduces ("Datum",
// "Published on", "Erstellt am"): in the element's own short text
// ("Erstellt am: 01.11.2023") or, when the element is the label alone
// ("<span class="label">Datum</span> <span>25.01.2022</span>"), in the
// first of its next siblings that holds text. The date must follow the
// label at once, a weekday aside: "Datum der Sitzung: 3.5.2021" dates an
// event. "" when n is no such label.
func labelledDate(n *html.Node, thisYear int) string {
	if skipped[n.DataAtom] || !opensWithDateLabel(n) {
		return ""
	}
	text, short := shortText(n, maxDateText)
	if !short || text == "" {
		return ""
	}
	m := dateLabel().FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	if m[1] != "" {
		return dateFirstIn(m[1], thisYear)
	}
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		next := oneLine(nodeText(c, " "))
		if len(next) > maxDateText {
			return ""
		}
		if next != "" {
			return dateFirstIn(next, thisYear)
		}
	}
	return ""
}

// opensWithDateLabel reports whether an element's own first text, before
// any element inside it, opens with a word of dateLabelWords: the cheap
// test before its text is gathered and matched, which every element of
// the page meets. A label is such an element ("<span>Datum</span>"),
// or the block that runs it into the date ("<p>Erstellt am: ...</p>").
func opensWithDateLabel(n *html.Node) bool {
	c := n.FirstChild
	for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
		c = c.NextSibling
	}
	if c == nil || c.Type != html.TextNode {
		return false
	}
	word, _, _ := strings.Cut(strings.TrimSpace(c.Data), " ")
	word = strings.TrimRight(word, ":")
	for _, w := range dateLabelWords {
		if strings.EqualFold(word, w) {
			return true
		}
	}
	return false
}

// dateLabelWords open the labels dateLabel matches.
var dateLabelWords = []string{"datum", "date", "published", "posted", "erstellt", "veröffentlicht", "veröffentlichung", "erschienen", "publié"}

// dateLabel matches a label of a publication date in English, German
// and French, and the text after it.
var dateLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:datum|date|published(?: on)?|posted(?: on)?|erstellt(?: am)?|veröffentlicht(?: am)?|veröffentlichung|erschienen(?: am)?|publié(?: le)?)\s*:?(?:\s+(.*))?$`)
})

// dateFirstIn is the date a text opens with (dateIn), a weekday before
// it aside ("Montag, 3. Mai 2021"); "" when the text opens otherwise.
func dateFirstIn(s string, thisYear int) string {
	words := strings.Fields(s)
	if len(words) > 1 && strings.HasSuffix(words[0], ",") && !strings.ContainsFunc(words[0], unicode.IsDigit) {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	w := strings.ToLower(strings.Trim(words[0], ".,"))
	first, _ := utf8.DecodeRuneInString(w)
	if _, month := monthNumbers[w]; !month && !unicode.IsDigit(first) {
		return ""
	}
	return dateIn(strings.Join(words, " "), thisYear)
}

// timeElementDate is a <time> element's date: its datetime attribute, or
// else the date its text shows ("1. November 2023", "Published on August
// 19, 2019").
func timeElementDate(n *html.Node, thisYear int) string {
	if d := date(attr(n, "datetime")); d != "" {
		return d
	}
	return elementDate(n, thisYear)
}

// dateline reads the date a headline's dateline shows: the first short
// block after the page's first <h1> that holds a date ("Kiel, 2. Mai
// 2017", "Pressemitteilung vom 25.01.2022"), among the few blocks before
// the article's first paragraph; not one whose names say it shows
// another date (today's, an update's).
type dateline struct {
	thisYear int        // the year the page is read in (dateIn)
	h1       *html.Node // the first <h1>, once seen
	blocks   int        // the blocks read after it
	done     bool
	date     string
}

// maxDatelineBlocks is how many blocks after the <h1> may give its date:
// a standfirst, a byline, a caption come between.
const maxDatelineBlocks = 6

// read takes the page's elements in document order.
func (l *dateline) read(n *html.Node) {
	switch {
	case l.done:
	case l.h1 == nil:
		if n.DataAtom == atom.H1 {
			l.h1 = n
		}
	case contains(l.h1, n) || !blockish[n.DataAtom] && headings[n.DataAtom] == 0 || dateNaming(n) == dateOther:
	default:
		text, short := shortText(n, maxDateText)
		switch {
		case short && readsAsSentence(text):
			l.blocks++ // a short paragraph of the article, its date an event's
			l.done = l.blocks >= maxDatelineBlocks
		case short:
			l.date = dateIn(text, l.thisYear)
			l.blocks++
			l.done = l.date != "" || l.blocks >= maxDatelineBlocks
		case n.DataAtom == atom.P:
			l.done = true // the article has begun
		}
	}
}

// maxDatelineWords is how many words in lower case, months' names aside,
// a dateline holds at most: "Written by Ana Ruiz on July 27, 2017",
// "dpa am 25.01.2022". A short sentence has more ("On 3 May 2017 the
// old ferry sank."). The 27 development pages a dateline dates hold two
// at most.
const maxDatelineWords = 2

// readsAsSentence reports whether a short block's text reads as a
// sentence rather than a dateline: more words in lower case than a
// dateline's labels ("by", "on", "von", "am"). A time's words are none:
// "at" before a figure, and "am", "pm" ("Posted on March 3, 2020 at
// 10:30 am").
func readsAsSentence(text string) bool {
	lower := 0
	words := strings.Fields(text)
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		bare := strings.ToLower(strings.Trim(w, ".,"))
		if _, month := monthNumbers[bare]; !unicode.IsLower(r) || month || clockWord(bare, words[i+1:]) {
			continue
		}
		lower++
	}
	return lower > maxDatelineWords
}

// clockWord reports a word of a time of day: am or pm, or a word before
// a figure ("at 10:30").
func clockWord(bare string, rest []string) bool {
	switch bare {
	case "am", "pm", "a.m", "p.m":
		return true
	}
	if len(rest) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[0])
	return unicode.IsDigit(r)
}
