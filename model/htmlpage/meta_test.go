package htmlpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestBylineName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"drops a leading By", "By Mara Kellen", "Mara Kellen"},
		{"drops By in other languages", "Von: Jana Berg", "Jana Berg"},
		{"drops a CMS label", "Post author By Ola Lind", "Ola Lind"},
		{"drops the date after the name", "Poppy Reid Feb 21, 2020", "Poppy Reid"},
		{"drops a published line", "AFP - Published: 28 Apr, 2020", "AFP"},
		{"drops a handle", "Rosa Ortiz @rortiz", "Rosa Ortiz"},
		{"drops a trailing dash", "John Walk -", "John Walk"},
		{"drops degrees after the name", "Mara Kellen, PhD, RD", "Mara Kellen"},
		{"keeps a name that starts like a degree", "Rdiger Mdina", "Rdiger Mdina"},
		{"drops a date that starts with the weekday", "Lena Varga Thursday, November 9, 2023", "Lena Varga"},
		{"keeps two names", "David Brand, Ramsey Khalifeh", "David Brand, Ramsey Khalifeh"},
		{"is empty for a lone By", "By", ""},
		{"is empty for a comment's author", "Art Edwards says:", ""},
		{"is empty for a placeholder", "No Author", ""},
		{"is empty for a German comment's author", "Lene Kaya sagt:", ""},
		{"is empty for a comment's author and its date", "olalind said, on May 3, 2021 at 3:12 pm", ""},
		{"keeps a name with says inside it", "Simon Says Studio", "Simon Says Studio"},
		{"is empty for a date label", "Posted on", ""},
		{"is empty for a handle alone", "@NatGeoUK", ""},
		{"drops a posting date before the name", "Posted on March 3, 2021 by Ola Lind", "Ola Lind"},
		{"drops a German posting date before the name", "Veröffentlicht am 3. März 2021 von Jana Berg", "Jana Berg"},
		{"drops a date and time in numbers before the name", "12.05.2021, 09:30 Uhr von Mia Stein", "Mia Stein"},
		{"reads no name after a date the calendar lacks", "Posted on 3 Marines 2019 by Ola Lind", ""},
		{"drops a German written-by label", "Geschrieben von Jana Berg", "Jana Berg"},
		{"drops an author label with a colon", "Auteur: Lea Roux", "Lea Roux"},
		{"drops an author label without one", "Author Tom Hale", "Tom Hale"},
		{"drops an interview's label", "Interview: Mia Stein", "Mia Stein"},
		{"drops a tilde before the name", "~ Ola Lind", "Ola Lind"},
		{"drops a German date after am", "Jana Berg am 21.", "Jana Berg"},
		{"drops a German date with its weekday", "Jana Berg am Samstag, 19. Oktober 2019 um 11:14 Uhr", "Jana Berg"},
		{"drops a date in numbers after a comma", "Jana Berg, 01.12.2021", "Jana Berg"},
		{"drops a forum post's date", "Beitrag von kiwi7 » 21.01.2009, 05:42", "kiwi7"},
		{"drops a link to all the writer's articles", "Jana Berg Alle Artikel", "Jana Berg"},
		{"drops a WordPress link to the writer's posts", "View all posts by Ola Lind", "Ola Lind"},
		{"drops a closing long dash", "erstellt von Mia —", "Mia"},
		{"is empty for a published label", "Veröffentlicht am", ""},
		{"is empty for a date label in German", "Datum", ""},
		{"is empty for a follow button", "Follow", ""},
		{"is empty for a duration", "01:30 Min.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bylineName(tt.in, readIn.Year()); got != tt.want {
				t.Errorf("bylineName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBylineLeavesOutTheSite(t *testing.T) {
	tests := []struct{ name, byline, site, host, want string }{
		{"drops the site after the name", "Ola Lind, CNN", "CNN", "edition.cnn.com", "Ola Lind"},
		{"drops the site before the name", "tecno - Mia Stein", "", "tecno.com", "Mia Stein"},
		{"drops a By after the site goes", "By Ola Lind, CNN", "CNN", "cnn.com", "Ola Lind"},
		{"is empty for the site and its town", "Coast Courier, Hull, England", "Coast Courier", "coastcourier.co.uk", ""},
		{"is empty for the site and its address", "Coast Radio (www.coastradio.com)", "", "coastradio.com", ""},
		{"keeps a name that is the host", "recipes.pl", "", "recipes.pl", "recipes.pl"},
		{"keeps two names", "Ola Lind, Mia Stein", "CNN", "cnn.com", "Ola Lind, Mia Stein"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pageMeta{bylines: []string{tt.byline}, host: tt.host}
			if got := m.byline(tt.site); got != tt.want {
				t.Errorf("byline of %q = %q, want %q", tt.byline, got, tt.want)
			}
		})
	}
}

func TestBylineSpellsOutALogin(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"takes the name a login spells", []string{"tomas.reed", "By Tomas Reed"}, "Tomas Reed"},
		{"takes the name a login runs together", []string{"tomasreed", "", "von Tomás Reed"}, "Tomás Reed"},
		{"keeps a login no candidate spells out", []string{"tomas.reed", "Mara Kellen"}, "tomas.reed"},
		{"keeps a login the page writes the same way", []string{"tomasreed", "tomasreed →"}, "tomasreed"},
		{"keeps a name that is no login", []string{"Tomas", "Tomas Reed"}, "Tomas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pageMeta{bylines: tt.candidates}
			if got := m.byline(""); got != tt.want {
				t.Errorf("byline of %q = %q, want %q", tt.candidates, got, tt.want)
			}
		})
	}
}

func TestBylinePrefersAWriterToTheSite(t *testing.T) {
	tests := []struct {
		name, site, host string
		candidates       []string
		want             string
	}{
		{"passes over the host for a writer", "", "harbourpost.de", []string{"harbourpost.de", "Von Jana Berg"}, "Jana Berg"},
		{"passes over the site and its tagline", "", "k-blatt.de", []string{"K-BLATT – Das Blatt für Kiel", "Ola Lind"}, "Ola Lind"},
		{"passes over the site and a word more", "", "coast-news.at", []string{"Coast News", "Mia Stein"}, "Mia Stein"},
		{"passes over an association", "", "example.org", []string{"Verein der Fährleute e.V.", "By Ola Lind"}, "Ola Lind"},
		{"passes over a company", "", "example.org", []string{"Fjord Media GmbH", "Mia Stein"}, "Mia Stein"},
		{"keeps the site when no writer follows", "", "harbourpost.de", []string{"harbourpost.de", "vor 5 Stunden", "Zuletzt geändert am"}, "harbourpost.de"},
		{"keeps a writer named like the blog", "", "lind.me", []string{"Ola Lind", "Mia Stein"}, "Ola Lind"},
		{"keeps a writer before the site", "", "harbourpost.de", []string{"Jana Berg", "harbourpost.de"}, "Jana Berg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pageMeta{bylines: tt.candidates, host: tt.host}
			if got := m.byline(tt.site); got != tt.want {
				t.Errorf("byline of %q = %q, want %q", tt.candidates, got, tt.want)
			}
		})
	}
}

func TestByLineText(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"reads a heading that starts By and a name", `<h4>By Ola Lind | 12/10/2020</h4>`, "Ola Lind"},
		{"reads a written-by paragraph", `<p><em>Written by: Mia Stein</em></p>`, "Mia Stein"},
		{"reads a German von line", `<p><i>von Jana Berg</i></p>`, "Jana Berg"},
		{"reads two authors joined by und", `<p>Autoren Jana Berg und Ola Lind</p>`, "Jana Berg und Ola Lind"},
		{"reads a French author line", `<p>Auteur : Lea Roux</p>`, "Lea Roux"},
		{"leaves a German sentence that starts Von", `<p>Von Berlin aus fuhr der Zug nach Hamburg.</p>`, ""},
		{"leaves a heading that says by when", `<h3>By the end of March 2021</h3>`, ""},
		{"leaves a section heading that starts By", `<h2>By The Numbers</h2>`, ""},
		{"leaves a headline that starts By", `<h3>By Land And Sea</h3>`, ""},
		{"reads a paragraph without a date", `<p>By Ola Lind</p>`, "Ola Lind"},
		{"leaves a sentence that starts By", `<p>By Tuesday the ferry was running again, and the harbour reopened.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.html + "<p>" + strings.Repeat("The ferry service resumed on Monday. ", 10) + "</p></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := readMeta(root, nil, readIn.Year()).byline(""); got != tt.want {
				t.Errorf("byline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		name, title, site, host string
		want, wantSite          string
	}{
		{"drops the site after a bar", "Governor signs bill | TheHill", "The Hill", "thehill.com", "Governor signs bill", "The Hill"},
		{"drops a site named only by the host", "Storm closes port - BBC News", "", "bbc.co.uk", "Storm closes port", "BBC News"},
		{"drops the site before the title", "Coast News: Keeper retires", "Coast News", "", "Coast News: Keeper retires", "Coast News"},
		{"drops the site at the front", "RT | Keeper retires", "RT", "", "Keeper retires", "RT"},
		{"keeps a bar that is part of the title", "Update | Crash victims identified", "The Gleaner", "jamaica-gleaner.com", "Update | Crash victims identified", "The Gleaner"},
		{"drops a site name with its tagline", "Halloween workouts - My Daily Magazine - Art, Design and Beauty", "My Daily Magazine - Art, Design and Beauty", "mydailymagazine.com", "Halloween workouts", "My Daily Magazine"},
		{"keeps a title without a site", "Keeper retires after forty years", "Coast News", "", "Keeper retires after forty years", "Coast News"},
		{"drops a date after the site", "Harbour reopens | NW | 14.03.2021", "NW.COM", "nw.com", "Harbour reopens", "NW.COM"},
		{"drops a date in words at the end", "Harbour reopens - March 14, 2021", "", "", "Harbour reopens", ""},
		{"drops a German date in words at the end", "Hafen öffnet wieder | 14. März 2021", "", "", "Hafen öffnet wieder", ""},
		{"keeps a range of days that ends in a date", "Pegelstände 7. - 13. März 2021", "", "", "Pegelstände 7. - 13. März 2021", ""},
		{"keeps a range of bare days that ends in a date", "Tide tables 7 - 13 March 2021", "", "", "Tide tables 7 - 13 March 2021", ""},
		{"drops a date after a name that ends in a number", "Storm Ciara-2 | 14.03.2021", "", "", "Storm Ciara-2", ""},
		{"drops a date in words after a model's number", "Ferry Model 12 - March 14, 2021", "", "", "Ferry Model 12", ""},
		{"drops a date after a number above its day", "Pier 40 - 14.03.2021", "", "", "Pier 40", ""},
		{"drops the site and the tagline after it", "Pike season opens | angler-news.ch | Your fishing magazine", "", "angler-news.ch", "Pike season opens", "angler-news.ch"},
		{"drops the host's name and a few words", "How to tie a knot - Knotty Community Forum", "", "forum.knotty.org", "How to tie a knot", "Knotty Community Forum"},
		{"drops a site after a spaced colon", "Basic dough : Bread Recipes", "", "breadrecipe.net", "Basic dough", "Bread Recipes"},
		{"keeps a headline's spaced colon after a subdomain's label", "Live : la situation à Kiev", "", "live.lemonde.fr", "Live : la situation à Kiev", ""},
		{"keeps a spaced colon after a label at the end", "Le club recrute : Sport", "", "sport.journal.fr", "Le club recrute : Sport", ""},
		{"drops the registered name before a spaced colon", "Journal : le club recrute", "", "sport.journal.fr", "le club recrute", "Journal"},
		{"drops a subdomain's label after a bar", "Le club recrute | Sport", "", "sport.journal.fr", "Le club recrute", "Sport"},
		{"drops a site after a bullet", "Ten quiet villages • Wanderlog", "", "wanderlog.de", "Ten quiet villages", "Wanderlog"},
		{"drops a site whose accents the host leaves out", "Test products │ Nestlé Club", "", "nestle-club.de", "Test products", "Nestlé Club"},
		{"keeps a headline that starts with the site's name", "Knotty hires a new editor - and what it means", "", "knotty.org", "Knotty hires a new editor - and what it means", ""},
		{"keeps a part with many words after the site's name", "Review - Knotty rope is the best rope for sailors", "", "knotty.org", "Review - Knotty rope is the best rope for sailors", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, site := cleanTitle(tt.title, tt.site, tt.host, readIn.Year())
			if got != tt.want || site != tt.wantSite {
				t.Errorf("cleanTitle(%q, %q, %q) = %q, %q; want %q, %q", tt.title, tt.site, tt.host, got, site, tt.want, tt.wantSite)
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"reads RFC 3339 in the page's own zone", "2019-11-20T23:47:00-05:00", "2019-11-20"},
		{"reads a zone without a colon", "2020-03-10T14:21:05+0100", "2020-03-10"},
		{"reads a bare date", "2024-05-02", "2024-05-02"},
		{"reads a date with a time and no zone", "2024-05-02 08:30:00", "2024-05-02"},
		{"reads the date at the front of other text", "2024-05-02T08:30", "2024-05-02"},
		{"is empty for words", "last Tuesday", ""},
		{"is empty for an impossible day", "2024-02-31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := date(tt.in); got != tt.want {
				t.Errorf("date(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBylinePassesOverTheSiteAsAuthor(t *testing.T) {
	src := `<html><head><meta property="og:site_name" content="Coast News">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Keeper retires","author":{"@type":"Organization","name":"Coast News"}}</script></head>
<body><article><div class="article-byline">By Tomas Reed</div><p>` + strings.Repeat("After forty years on the rock, the keeper handed over the keys. ", 8) + `</p></article></body></html>`
	p, err := Extract(src, "", readIn)
	if err != nil {
		t.Fatal(err)
	}
	if p.Byline != "Tomas Reed" || p.Site != "Coast News" {
		t.Errorf("byline %q, site %q; want Tomas Reed of Coast News", p.Byline, p.Site)
	}
}

func TestBylineMarkup(t *testing.T) {
	story := "<p>" + strings.Repeat("The ferry service resumed on Monday after a week of storms. ", 20) + "</p>"
	tests := []struct{ name, byline, want string }{
		{"reads an address that starts with By", `<address>By <a href="/author/mk">Mara Kellen</a></address>`, "Mara Kellen"},
		{"leaves a postal address alone", `<address>12 Quay Street, Harbourtown</address>`, ""},
		{"reads a test id naming the byline, its spans apart", `<div data-testid="story-byline"><span>By</span><span><a href="/team/jr">J.R. Stone</a></span><span>Thursday, November 9, 2023</span></div>`, "J.R. Stone"},
		{"reads the name after a label, up to the line break", `<p><strong>Autor:</strong> <a href="/team/hk">Hanna Kolb</a><br>Fotos: Jo Marr</p>`, "Hanna Kolb"},
		{"reads the name in the span after a label", `<div><span>Datum: 3.4.2021</span> <span>Written by: </span><span>Ivo Brandt</span> <span>Rubrik: Hafen und Schifffahrt, Fähren und Inseln</span></div>`, "Ivo Brandt"},
		{"reads the name after a label's heading and line breaks", `<div><h5>Datum:</h5>03.04.2021<br><h5>Von:</h5><br><br> Lea Sommer<br><h5>Rubrik:</h5> Hafen und Schifffahrt, Fähren</div>`, "Lea Sommer"},
		{"leaves a label before a paragraph alone", `<p><b>Von:</b> ` + strings.Repeat("der Hafenbehörde, die am Montag mitteilte, ", 4) + `</p>`, ""},
		{"leaves a photo credit's label alone", `<p><b>Fotos:</b> Jo Marr</p>`, ""},
		{"reads the name after a bare By", `<div><span class="sr-only">| By </span> <span>Ivo Brandt</span> <span>· Harbour news, ferries and the islands, every day of the week and all year long</span></div>`, "Ivo Brandt"},
		{"reads the name after a bare von", `<div><span>von</span> <a href="/autoren/ls">Lea Sommer</a> <span>· Harbour news, ferries and the islands, every day of the week and all year long</span></div>`, "Lea Sommer"},
		{"leaves a bare word that is no label alone", `<div><span>Bye</span> <span>Ivo Brandt</span> <span>· Harbour news, ferries and the islands, every day of the week and all year long</span></div>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract(`<html><body><h1>Ferries back</h1>`+tt.byline+`<article>`+story+`</article></body></html>`, "", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if page.Byline != tt.want {
				t.Errorf("byline %q, want %q", page.Byline, tt.want)
			}
		})
	}
}

func TestUntruncated(t *testing.T) {
	tests := []struct {
		name, title string
		headings    []string
		want        string
	}{
		{"completes a title cut with three dots", "Harbour board votes to close the eastern...", []string{"Harbour board votes to close the eastern pier"}, "Harbour board votes to close the eastern pier"},
		{"completes a title cut with an ellipsis", "Harbour board votes…", []string{"Menu", "Harbour board votes to close the pier"}, "Harbour board votes to close the pier"},
		{"keeps a whole title over a different heading", "Harbour board votes to close the pier", []string{"Local News"}, "Harbour board votes to close the pier"},
		{"keeps a cut title no heading completes", "Harbour board votes...", []string{"Ferry timetable"}, "Harbour board votes..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := untruncated(tt.title, tt.headings); got != tt.want {
				t.Errorf("untruncated(%q, %q) = %q, want %q", tt.title, tt.headings, got, tt.want)
			}
		})
	}
}

func TestShownHeadline(t *testing.T) {
	tests := []struct {
		name, title string
		headings    []string
		want        string
	}{
		{"takes the headline the editors reworded", "New York ramps up mass burials amid virus outbreak",
			[]string{"Coronavirus: New York ramps up mass burials amid outbreak"}, "Coronavirus: New York ramps up mass burials amid outbreak"},
		{"keeps the title over a headline with a section run in", "Harbour board votes to close the pier",
			[]string{"Local News | Harbour board votes to close the pier"}, "Harbour board votes to close the pier"},
		{"keeps the title over a logo", "Harbour board votes to close the pier", []string{"The Gazette"}, "Harbour board votes to close the pier"},
		{"keeps the title over a headline and its standfirst run together", "Pier closes",
			[]string{"Pier closes for the winter after the harbour board voted on Monday to save the money for the dredging"}, "Pier closes"},
		{"finds a title with soft hyphens in a headline without them", "Harbour board votes to close the east\u00adern pier",
			[]string{"Local News | Harbour board votes to close the eastern pier"}, "Harbour board votes to close the east\u00adern pier"},
		{"cleans the site's name off the headline", "Harbour board votes to close the pier",
			[]string{"Board votes to close the pier - Gazette"}, "Board votes to close the pier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pageMeta{headings: tt.headings}
			if got := m.shown(tt.title, "Gazette"); got != tt.want {
				t.Errorf("shown(%q) over %q = %q, want %q", tt.title, tt.headings, got, tt.want)
			}
		})
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct{ name, h1, want string }{
		{"drops a kicker in a span of its own", `<span class="overline">After the storm</span> <span class="hl">Ferries sail again from Monday</span>`, "Ferries sail again from Monday"},
		{"drops a kicker and the colon after it", `<div class="topic">Harbour</div>: Ferries sail again from Monday`, "Ferries sail again from Monday"},
		{"keeps words in emphasis that open the headline", `<em>Hamlet</em> review: a prince in the rain`, "Hamlet review: a prince in the rain"},
		{"keeps a first element with too few words after it", `<span class="big">Storm watch</span> Ferries stop`, "Storm watch Ferries stop"},
		{"keeps a first word in a span of its own", `<span class="big">Storm</span> hits the coast hard`, "Storm hits the coast hard"},
		{"keeps a headline that starts with its own words", `Ferries <span class="hl">sail</span> again from Monday`, "Ferries sail again from Monday"},
		{"keeps a title-case headline that opens with a classed name", `<span class="name">Harlow</span> Council Approves New Ferry Terminal`, "Harlow Council Approves New Ferry Terminal"},
		{"keeps a classed name before the headline's element when that names no headline", `<span class="name">Harlow</span> <span class="rest">Council Approves New Ferry Terminal</span>`, "Harlow Council Approves New Ferry Terminal"},
		{"drops a kicker its class names", `<span class="article__roofline">Harbour works</span> Council approves a new ferry terminal`, "Council approves a new ferry terminal"},
		{"drops a kicker a line break parts", `<span class="small">Harbour works</span><br><span class="big">Council approves a new terminal</span>`, "Council approves a new terminal"},
		{"drops a kicker a hidden separator parts", `<span class="k">Harbour works</span><span class="sr-only">: </span><span>Council approves a new terminal</span>`, "Council approves a new terminal"},
		{"drops a kicker that ends in a separator", `<span class="cat">Local |</span> Council approves a new ferry terminal`, "Council approves a new ferry terminal"},
		{"drops a kicker before an element named for the headline", `<span class="k">Harbour works</span> <span class="story-headline">Council approves a new terminal</span>`, "Council approves a new terminal"},
		{"keeps a first span before a subtitle", `<span class="primary">Council approves a new terminal</span> <span class="entry-subtitle">Work starts in May</span>`, "Council approves a new terminal Work starts in May"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<html><body><h1>` + tt.h1 + `</h1></body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			var h1 *html.Node
			visit(root, func(n *html.Node) {
				if n.Data == "h1" {
					h1 = n
				}
			})
			if got := oneLine(headline(h1)); got != tt.want {
				t.Errorf("headline of %q = %q, want %q", tt.h1, got, tt.want)
			}
		})
	}
}

func TestNamesPassOverAddressesWhateverTheCaseOfTheirScheme(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"an address", []any{"https://social.example/tomas", "Tomas Reed"}, "Tomas Reed"},
		{"an address in capitals", []any{"HTTPS://social.example/tomas", map[string]any{"name": "Tomas Reed"}}, "Tomas Reed"},
		{"two names", []any{"Tomas Reed", "Mara Kellen"}, "Tomas Reed, Mara Kellen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(tt.v); got != tt.want {
				t.Errorf("names(%v) = %q, want %q", tt.v, got, tt.want)
			}
		})
	}
}
