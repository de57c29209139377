package htmlpage

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestMarkedDate(t *testing.T) {
	story := "<p>" + strings.Repeat("The ferry service resumed on Monday after a week of storms. ", 20) + "</p>"
	tests := []struct{ name, markup, want string }{
		{"reads microdata's datePublished from its text", `<span itemprop="datePublished">May 19, 2020</span>`, "2020-05-19"},
		{"reads hAtom's published from its title", `<abbr class="published" title="2006-12-04">December 4, 2006</abbr>`, "2006-12-04"},
		{"reads a JSON-LD WebPage's datePublished", `<script type="application/ld+json">{"@type":"WebPage","datePublished":"2018-06-07T10:13:17+00:00"}</script>`, "2018-06-07"},
		{"reads a date class's text as the last resort", `<span class="date">May 19, 2020</span>`, "2020-05-19"},
		{"reads a German date class in numbers", `<div class="post-date">Veröffentlicht am 19.10.2019</div>`, "2019-10-19"},
		{"reads a German date in words", `<p class="entry-datum">Montag, 3. Februar 2020</p>`, "2020-02-03"},
		{"prefers a time element to a date class", `<span class="date">May 19, 2020</span><time datetime="2021-02-03">3 Feb</time>`, "2021-02-03"},
		{"leaves today's date in the header alone", `<div class="current-date">Mittwoch, 3. Dezember 2025</div>`, ""},
		{"leaves an update's date alone", `<span class="updated-date">May 19, 2020</span>`, ""},
		{"reads a time element's text", `<time class="stamp">Published on 4. März 2021</time>`, "2021-03-04"},
		{"reads the line of facts about the article", `<p class="meta-info">Hafenamt • 07.06.2022</p>`, "2022-06-07"},
		{"reads a class that ends in date", `<span class="_publishingdate">07.06.2022</span>`, "2022-06-07"},
		{"leaves microdata's datePublished alone when it is a paragraph", `<p itemprop="datePublished">On May 19, 2020 the council met to discuss the state of the harbour and its piers.</p>`, ""},
		{"reads microdata's datePublished in numbers", `<span itemprop="datePublished">Stand: 19.05.2020</span>`, "2020-05-19"},
		{"reads a one-word name ending in meta", `<div class="entrymeta">Hafenamt · 14. März 2019</div>`, "2019-03-14"},
		{"reads a one-word name ending in infos", `<span class="articleinfos">07.06.2022, 10:27 | Recht</span>`, "2022-06-07"},
		{"reads the article's metadata", `<div class="story-metadata">Kiel, 2. Mai 2017</div>`, "2017-05-02"},
		{"leaves a member's date in an author box alone", `<div class="author-info">Member since 12.03.19</div>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract(`<html><body><h1>Ferries back</h1>`+tt.markup+`<article>`+story+`</article></body></html>`, "", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if page.Published != tt.want {
				t.Errorf("published %q, want %q", page.Published, tt.want)
			}
		})
	}
}

// TestNamedForDate checks the names alone: under a headline, an
// element's short date is the dateline's whatever its name.
func TestNamedForDate(t *testing.T) {
	tests := []struct {
		class string
		want  bool
	}{
		{"entry-date", true},
		{"postmeta", true},
		{"metallic", false},
		{"candidate", false},
		{"current-date", false},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: tt.class}}}
			if got := namedForDate(n); got != tt.want {
				t.Errorf("namedForDate(class %q) = %v, want %v", tt.class, got, tt.want)
			}
		})
	}
}

// readIn is when the tests read their pages: dates written with
// two-digit years are read against it, not against the clock.
var readIn = time.Date(2026, time.June, 1, 12, 0, 0, 0, time.UTC)

func TestATwoDigitYearIsReadAgainstTheYearThePageIsReadIn(t *testing.T) {
	tests := []struct {
		name, in string
		year     int
		want     string
	}{
		{"this year", "Hafenamt | 23.09.26", 2026, "2026-09-23"},
		{"next year", "Hafenamt | 23.09.27", 2026, "2027-09-23"},
		{"the year after next is none", "Hafenamt | 23.09.28", 2026, ""},
		{"the same text read a year later", "Hafenamt | 23.09.28", 2027, "2028-09-23"},
		{"a year in four digits is read whatever the year", "Hafenamt | 23.09.2090", 2026, "2090-09-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dateIn(tt.in, tt.year); got != tt.want {
				t.Errorf("dateIn(%q, %d) = %q, want %q", tt.in, tt.year, got, tt.want)
			}
		})
	}
	page := `<html><body><h1>Ferries back</h1><p>Kiel, 23.09.28</p><article><p>` + strings.Repeat("The ferry service resumed on Monday after a week of storms. ", 20) + `</p></article></body></html>`
	for now, want := range map[time.Time]string{readIn: "", readIn.AddDate(1, 0, 0): "2028-09-23"} {
		p, err := Extract(page, "", now)
		if err != nil {
			t.Fatal(err)
		}
		if p.Published != want {
			t.Errorf("read in %d, the dateline's date is %q, want %q", now.Year(), p.Published, want)
		}
	}
}

func TestDateIn(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"reads a date in numbers, day first", "Stand: 05.03.2021, 14:20 Uhr", "2021-03-05"},
		{"reads month, day and year", "May 19, 2020", "2020-05-19"},
		{"reads a year in two digits", "Hafenamt | 23.09.22", "2022-09-23"},
		{"is empty for a version number", "Version 1.2.225", ""},
		{"reads day, month and year", "8 January 2020, 3:51 pm", "2020-01-08"},
		{"reads an abbreviated month", "Sep. 3, 2019", "2019-09-03"},
		{"reads past a label", "Updated June 13, 2019", "2019-06-13"},
		{"is empty for a month that is not one", "Smarch 3, 2020", ""},
		{"reads a German date in words", "Dienstag, 6. Mai 2014", "2014-05-06"},
		{"reads an English date, month first", "Posted on March 3rd, 2020 by Ola", "2020-03-03"},
		{"reads the first of two dates", "12.01.2020 (updated 14.01.2020)", "2020-01-12"},
		{"reads the date in words when it comes first", "3 June 2019, edited 04.06.2019", "2019-06-03"},
		{"reads an abbreviated month with a dot", "Posted 14 Sept. 2021", "2021-09-14"},
		{"reads an Austrian month", "am 2. Jänner 2018", "2018-01-02"},
		{"reads a German abbreviation", "4. Mrz 2016", "2016-03-04"},
		{"reads a French date", ", le 15 septembre 2009", "2009-09-15"},
		{"reads a French month that shares its first letters", "1 juillet 2020 (juin 2020)", "2020-07-01"},
		{"is empty for a word that starts like a month", "Posted 3 Marines 2019", ""},
		{"is empty for a month-like word first", "Augusta 12, 2019", ""},
		{"is empty for a day the calendar lacks", "31.02.2020", ""},
		{"is empty for a text without a date", "Ferries are back", ""},
		{"is empty for a version with a two-digit last part", "Version 2.4.10", ""},
		{"is empty for a short version after v", "v 3.1.18 released", ""},
		{"is empty for a run of dotted numbers", "Route 10.1.1.20", ""},
		{"is empty for a run that goes on after the date", "Item 3.2.21.7", ""},
		{"reads a date after a version number", "Version 2.4.10 of 12.03.2021", "2021-03-12"},
		{"is empty for a two-digit year far ahead", "Table 3.4.56", ""},
		{"is empty for a date that opens a span", "Member since 12.03.19", ""},
		{"is empty for a date in words that opens a span", "Gültig seit: 5. November 2021", ""},
		{"reads a date written year first", "Written: 2023-11-07 15:03:30", "2023-11-07"},
		{"reads the date written year first when it comes first", "2021-10-16 | Harbour news, 18.10.2021", "2021-10-16"},
		{"reads the date in numbers before one written year first", "17.10.2021 (2021-10-16)", "2021-10-17"},
		{"is empty for a year-first date the calendar lacks", "Filed 2021-13-40", ""},
		{"is empty for a year-first run of another kind", "Part 4711-22-33", ""},
		{"reads the date after a year-first reference the calendar lacks", "Ref 2021-13-40, posted 12.03.2021", "2021-03-12"},
		{"reads a date in words after a year-first reference", "Akte 2019-00-12 vom 3. Mai 2021", "2021-05-03"},
		{"reads the second of two year-first runs when the first is no day", "Ref 2021-13-40 / 2021-10-16", "2021-10-16"},
		{"reads the date after one that opens a span", "Open since 1.1.2020, posted 12.03.2021", "2021-03-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dateIn(tt.in, readIn.Year()); got != tt.want {
				t.Errorf("dateIn(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLocalDate(t *testing.T) {
	tests := []struct {
		name, published string
		times           []string
		want            string
	}{
		{"reads the day from a time with its offset", "2022-05-04T03:37:37+00:00", []string{"2022-05-03T23:37:37-04:00"}, "2022-05-03"},
		{"reads the day from a local clock a zone away", "2023-11-09T05:30:59Z", []string{"2023-11-08 23:30:59"}, "2023-11-08"},
		{"ignores a time of another moment", "2023-11-09T05:30:59Z", []string{"2023-11-08 23:12:04"}, ""},
		{"ignores a clock more than a day's zones away", "2023-11-09T05:30:59Z", []string{"2023-11-07 05:30:59"}, ""},
		{"leaves a date already given in local time", "2022-05-03T23:37:37-04:00", []string{"2022-05-04T03:37:37Z"}, ""},
		{"is empty without times", "2022-05-04T03:37:37Z", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := localDate(tt.published, tt.times); got != tt.want {
				t.Errorf("localDate(%q, %q) = %q, want %q", tt.published, tt.times, got, tt.want)
			}
		})
	}
}

func TestDateline(t *testing.T) {
	story := "<p>" + strings.Repeat("The ferry service resumed on Monday after a week of storms. ", 20) + "</p>"
	short := `<p>Ferries are back.</p>`
	tests := []struct{ name, before, after, want string }{
		{"reads the date under the headline", "", `<p><em>10.11.2021</em></p>`, "2021-11-10"},
		{"reads a dateline past a standfirst", "", `<p>Ferries are back after the storm.</p><p>Kiel, 3. Mai 2017</p>`, "2017-05-03"},
		{"leaves a date in the article alone", "", story + `<p>Kiel, 3. Mai 2017</p>`, ""},
		{"leaves a date before the headline alone", `<p>Kiel, 3. Mai 2017</p>`, "", ""},
		{"leaves today's date under the headline alone", "", `<div class="current-date">Mittwoch, 3. Dezember 2025</div>`, ""},
		{"leaves a date past the few blocks under the headline alone", "", strings.Repeat(short, maxDatelineBlocks) + `<p>Kiel, 3. Mai 2017</p>`, ""},
		{"leaves a short first paragraph's date alone", "", `<p>On 3 May 2017 the old ferry sank.</p>`, ""},
		{"leaves a short German sentence's date alone", "", `<p>Am 3. Mai 2017 sank die alte Fähre.</p>`, ""},
		{"reads a dateline with a byline's words", "", `<p>Written by Ana Ruiz on May 3, 2017</p>`, "2017-05-03"},
		{"reads a dateline with its time", "", `<p>Posted on March 3, 2020 at 10:30 am</p>`, "2020-03-03"},
		{"reads a byline's dateline with its time", "", `<p>Written by Ana Ruiz on July 27, 2017 at 3:45 pm</p>`, "2017-07-27"},
		{"reads a French dateline", "", `<p>Publié le 15 septembre 2009 à 10h</p>`, "2009-09-15"},
		{"reads a dateline past a short sentence with a date", "", `<p>On 3 May 2017 the old ferry sank.</p><p>Kiel, 4. Mai 2017</p>`, "2017-05-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract(`<html><body>`+tt.before+`<h1>Ferries back</h1>`+tt.after+`<article>`+story+`</article></body></html>`, "", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if page.Published != tt.want {
				t.Errorf("published %q, want %q", page.Published, tt.want)
			}
		})
	}
}

func TestNumberDateTwoDigitYears(t *testing.T) {
	tests := []struct {
		in       string
		thisYear int
		want     int
	}{
		{"Hafenamt | 23.09.22", 2022, 2022},
		{"Hafenamt | 23.09.23", 2022, 2023},
		{"Hafenamt | 23.09.24", 2022, 0},
		{"Hafenamt | 23.09.2024", 2022, 2024},
	}
	for _, tt := range tests {
		if _, _, _, year := numberDate(tt.in, tt.thisYear); year != tt.want {
			t.Errorf("numberDate(%q, %d) gives the year %d, want %d", tt.in, tt.thisYear, year, tt.want)
		}
	}
}

func TestLabelledDate(t *testing.T) {
	story := "<p>" + strings.Repeat("The ferry service resumed on Monday after a week of storms. ", 20) + "</p>"
	tests := []struct{ name, html, want string }{
		{"reads the date after a label element", `<div><span class="label">Datum</span> <span class="value">25.01.2022</span></div>`, "2022-01-25"},
		{"reads the date after a label with a colon", `<div><strong>Datum:</strong> 18.10.2021</div>`, "2021-10-18"},
		{"reads the date after a label in the same text", `<p>Erstellt am: 01.11.2023</p>`, "2023-11-01"},
		{"reads an English label's date", `<li><strong>Published on</strong> March 3, 2020</li>`, "2020-03-03"},
		{"reads past a weekday", `<p>Veröffentlicht am Montag, 3. Mai 2021</p>`, "2021-05-03"},
		{"reads a French label's date", `<p>Publié le 15 septembre 2009</p>`, "2009-09-15"},
		{"leaves an event's date alone", `<p>Datum der Sitzung: 3.5.2021</p>`, ""},
		{"leaves a label with no date after it alone", `<div><span>Date</span> <span>to be announced</span></div>`, ""},
		{"leaves a date far from its label alone", `<div><span>Datum</span> <span>` + strings.Repeat("Hafen ", 15) + `3.5.2021</span></div>`, ""},
		{"leaves an update's label alone", `<p>Stand: 05.03.2021</p>`, ""},
		{"leaves a label before punctuation alone", `<p>Datum: ... 3.5.2021</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract(`<html><body><article>`+story+`</article>`+tt.html+`</body></html>`, "", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if page.Published != tt.want {
				t.Errorf("published %q, want %q", page.Published, tt.want)
			}
		})
	}
}
