package htmlpage

import (
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markedDate is the publication date an element of the page marks up
// outside <meta>: microdata's itemprop="datePublished" and the hAtom
// microformat's class "published", from the datetime, content or title
// attribute or else from the element's text ("May 19, 2020").
func markedDate(n *html.Node) string {
	if n.DataAtom == atom.Meta || !(attr(n, "itemprop") == "datePublished" || hasWord(attr(n, "class"), "published")) {
		return ""
	}
	for _, key := range []string{"datetime", "content", "title"} {
		if d := date(attr(n, key)); d != "" {
			return d
		}
	}
	return textDate(oneLine(textOf(n)))
}

// textDate reads a date written out in English, "May 19, 2020" or
// "8 January 2020", from the start of a short text; "" for anything else.
func textDate(s string) string {
	if len(s) > maxDateText {
		return ""
	}
	m := writtenDate().FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	text := m[1]
	if text == "" {
		text = m[2]
	}
	for _, layout := range writtenLayouts {
		if t, err := time.Parse(layout, strings.NewReplacer(",", "", ".", "").Replace(text)); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// maxDateText is the longest text read for a date: a date element holds
// the date and perhaps a time and a label, not a paragraph.
const maxDateText = 60

var writtenLayouts = []string{"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006"}

// writtenDate is compiled on first use, as the byline patterns are.
var writtenDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[A-Za-z]+:?\s+)?(?:([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})|(\d{1,2} [A-Z][a-z]{2,8},? \d{4}))\b`)
})

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
