package htmlpage

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNameWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"splits at hyphens and underscores", "newsletter-form__strapline", []string{"newsletter", "form", "strapline"}},
		{"splits where lower case meets upper case", "RelatedCoverage-container-3AnSP", []string{"related", "coverage", "container", "3an", "sp"}},
		{"keeps a run of capitals together", "ABCnews", []string{"abcnews"}},
		{"has no words in punctuation", "--", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nameWords(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("nameWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPrune(t *testing.T) {
	body := "<p>" + strings.Repeat("The council met on Tuesday and agreed the budget after a long debate. ", 8) + "</p>"
	tests := []struct {
		name, html, gone, kept string
	}{
		{"drops a block whose class names related links", `<div class="story-related-links"><a href="/a">Other story</a></div>`, "Other story", ""},
		{"drops a block named in camel case", `<div class="RelatedCoverage-box">Mayor resigns</div>`, "Mayor resigns", ""},
		{"keeps a block whose class only shares letters with a name", `<div class="shared-budget">Figures follow.</div>`, "", "Figures follow."},
		{"keeps an element holding most of the article whatever its class", `<div class="category-social">` + body + `</div>`, "", "agreed the budget"},
		{"drops a short call to sign up", `<p>Sign up for our daily newsletter.</p>`, "daily newsletter", ""},
		{"keeps a long paragraph that mentions a newsletter", "<p>" + strings.Repeat("The mayor wrote in the parish newsletter that the bridge will close for repairs. ", 4) + "</p>", "", "parish newsletter"},
		{"drops a short caption", `<figure><img src="a.jpg"><figcaption>The bridge at dusk.</figcaption></figure>`, "bridge at dusk", ""},
		{"drops a picture credit", `<p><span class="img-credit">Photo: A. Lens</span> Text goes on.</p>`, "A. Lens", "Text goes on."},
		{"drops a web address standing alone", `<p><strong>GAZETTENEWS.COM</strong></p>`, "GAZETTENEWS", ""},
		{"keeps a sentence that names a web address", `<p>Tickets are sold at gazette.com.</p>`, "", "gazette.com"},
		{"keeps the name of software that ends in .NET", `<h3>ASP.NET</h3>`, "", "ASP.NET"},
		{"drops a German picture credit", `<p>Fotos: Anna Berger</p>`, "Anna Berger", ""},
		{"drops the source a chart names", `<p>Source: Harbour Board survey, 2023</p>`, "Harbour Board survey", ""},
		{"keeps a sentence about a source", `<p>Sources close to the minister said the ferry would run.</p>`, "", "ferry would run"},
		{"drops a notice of rights", `<p>© 2024 The Gazette. All rights reserved.</p>`, "All rights", ""},
		{"keeps a short paragraph about a newsletter", `<p>The council's weekly newsletter said the bridge would close.</p>`, "", "weekly newsletter said"},
		{"keeps a short paragraph about copyright", `<p>Copyright law protects the photographs.</p>`, "", "Copyright law"},
		{"keeps a short paragraph that recommends", `<p>Recommended doses are lower for children.</p>`, "", "Recommended doses"},
		{"keeps residents who subscribe to alerts", `<p>Residents can subscribe to text alerts.</p>`, "", "subscribe to text alerts"},
		{"drops a disclaimer", `<p>The Gazette is not responsible for the opinions of contributors.</p>`, "not responsible", ""},
		{"keeps a paragraph about responsibility", `<p>The council is not responsible for the bridge, the minister said.</p>`, "", "not responsible for the bridge"},
		{"drops a call to subscribe", `<p>Subscribe to our newsletter for more.</p>`, "Subscribe", ""},
		{"drops the box a call to sign up opens", `<div class="factbox"><p>Never miss the latest news from the Gazette!</p><p>Pop your address in the box and we will write every morning.</p><p>We never share it with anyone.</p></div>`, "never share it", ""},
		{"keeps the text after a call to sign up that opens no box", `<p>Sign up for our daily newsletter.</p><p>The clerk read the minutes aloud to the members.</p>`, "daily newsletter", "clerk read the minutes"},
		{"drops a paywall's prompt", `<p>To read the rest of this article, please subscribe to the Coast Courier.</p>`, "rest of this article", ""},
		{"keeps a sentence about reading the full story", `<p>To read the full story of the wreck, the divers went back to the archives.</p>`, "", "full story of the wreck"},
		{"drops a date standing alone with its label", `<p>Posted on March 3, 2023</p>`, "March 3", ""},
		{"drops a German date with its label", `<p>Veröffentlicht am 26. Oktober 2023</p>`, "Oktober", ""},
		{"drops a byline with its date", `<p>Written by Jo Marsh on November 7, 2023</p>`, "Jo Marsh", ""},
		{"keeps a block that says by when", `<h3>By the end of March 2021</h3>`, "", "By the end"},
		{"keeps a sentence that starts with a date", `<p>March 3, 2023 was the day the bridge closed.</p>`, "", "the bridge closed"},
		{"drops an advertising label between dashes", `<div>- Advertisement -</div>`, "Advertisement", ""},
		{"drops a lone share button", `<div><span>Share on Facebook</span></div>`, "Share on", ""},
		{"drops a German comment count", `<div><span>3 Kommentare</span></div>`, "Kommentare", ""},
		{"drops a print button in Polish", `<p>Drukuj</p>`, "Drukuj", ""},
		{"keeps a German sentence about sharing", `<p>Teilen wollte der Bürgermeister die Kosten nicht.</p>`, "", "Teilen wollte"},
		{"keeps a sentence about sharing", `<p>Share prices fell on Monday.</p>`, "", "Share prices fell"},
		{"drops a caption ending in its picture's credit", `<p>Crowds at the station on Friday. (AP Photo/Jo Bloggs)</p>`, "Crowds at the station", ""},
		{"keeps a parenthesis that credits a person", `<p>The best joke of the night. (credit to our neighbour Ann!)</p>`, "", "best joke"},
		{"drops a heading of more stories with its list", `<h3>More great Gazette stories</h3><ul><li>Mayor <a href="/a">resigns</a></li></ul>`, "Mayor", ""},
		{"drops a German heading of more stories with its list", `<h3>Das könnte Sie auch interessieren!</h3><ul><li><a href="/a">Bürgermeister tritt zurück</a></li></ul>`, "Bürgermeister", ""},
		{"keeps a German heading that only starts like one", `<h3>Mehr zum Thema Brücken sagte der Minister nichts, aber viel über Fähren</h3>`, "", "sagte der Minister"},
		{"keeps a list without links under a list heading", `<h3>More from the minister</h3><ul><li>She said the ferry would run</li></ul>`, "", "ferry would run"},
		{"keeps the list under an ordinary heading", `<h3>What changes</h3><ul><li>Buses run later</li></ul>`, "", "Buses run later"},
		{"drops readers' star rating of the post", `<div class="post-ratings"><span>Was this article useful?</span> (12 votes: 4.5 of 5)</div>`, "12 votes", ""},
		{"keeps a paragraph about a rating whose class names none", `<p class="operating-note">The agency cut the council's rating to junk.</p>`, "", "rating to junk"},
		{"drops a credit after a copyright sign", `<p>© Harbour Photo Agency / J. Lens</p>`, "J. Lens", ""},
		{"drops a caption that ends in its credit", `<p>The ferry at dawn on Monday. © Coast Agency/A. Name</p>`, "ferry at dawn", ""},
		{"keeps a sentence about the copyright sign", `<p>The sign © marks the owner's claim.</p>`, "", "owner's claim"},
		{"keeps a box's heading and lead over a picture's credit", `<div><h2>Ferry returns to service after a winter in the yard</h2><p>The old ferry sailed again on Monday morning, to cheers from the quay and a horn from the harbour master.</p><figure><span>© A. Lens</span></figure></div>`, "A. Lens", "to cheers from the quay"},
		{"drops readers' comments", `<section id="comments"><p>Great piece, thanks!</p></section>`, "Great piece", ""},
		{"drops a list of tags", `<p>Tags: ferries, council, budget</p>`, "ferries, council", ""},
		{"keeps a sentence about tagging", `<p>Tags on the nets showed where the fish had gone.</p>`, "", "showed where the fish"},
		{"drops a notice that links may pay the site", `<p>Disclosure: We may receive compensation for some of the links in our stories.</p>`, "receive compensation", ""},
		{"keeps a sentence about workers' compensation", `<p>The union said members would receive compensation for the lost shifts.</p>`, "", "receive compensation"},
		{"drops an affiliate notice", `<p>Some links above are affiliate links; we may be paid if you buy.</p>`, "affiliate", ""},
	}
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPruned(t, "<div>"+body+tt.html+"</div>", f.prune, tt.gone, tt.kept)
		})
	}
}

func TestPruneKeepsEntriesAClassNameCallsFurniture(t *testing.T) {
	intro := "<p>" + strings.Repeat("The harbour race started at noon in a stiff breeze. ", 3) + "</p>"
	entry := func(minute int, text string) string {
		return fmt.Sprintf(`<div class="race-ticker-comment"><span>%d'</span><p>%s</p></div>`, minute, text)
	}
	teaser := func(title, summary string) string {
		return `<div class="comment-teaser"><h3><a href="/other">` + title + `</a></h3><p>` + summary + `</p></div>`
	}
	comment := func(author, text string) string {
		return `<div class="comment"><a href="/users/` + author + `">` + author + `</a><p>` + text + `</p></div>`
	}
	var thread strings.Builder
	for _, author := range []string{"Ines", "Tomasz", "Kwame", "Lotte", "Ravi", "Sunniva", "Mateo", "Aiko"} {
		thread.WriteString(comment(author, "I sailed that course years ago and the tide by the north mark is the hardest part of it."))
	}
	tests := []struct {
		name, html, gone, kept string
	}{
		{"drops readers' comments after the article, though together much of the text",
			strings.Repeat(intro, 6) + thread.String(),
			"tide by the north mark", "stiff breeze"},
		{"keeps a live report's entries, together most of the text",
			"<p>The harbour race started at noon.</p>" + entry(12, "The red boat rounds the first mark well ahead of the fleet.") +
				entry(25, "A squall hits the leaders and two crews reef their mainsails.") +
				entry(40, "The blue boat takes the lead on the long downwind leg home.") +
				entry(52, "The red boat loses its spinnaker halyard and drops to third.") +
				entry(58, "The blue boat crosses the line first, four minutes clear."),
			"", "two crews reef"},
		{"drops one such entry among the article's paragraphs",
			strings.Repeat(intro, 6) + entry(12, "The red boat rounds the first mark well ahead of the fleet."),
			"first mark", "stiff breeze"},
		{"drops teasers of other stories, however many",
			intro + teaser("Ferry timetable changes", "The ferry runs later from Monday, the operator said on its site.") +
				teaser("New lifeboat named", "The station's new lifeboat was named after a retired coxswain.") +
				teaser("Beach cleanup", "Volunteers cleared two tonnes of plastic from the north beach."),
			"retired coxswain", "stiff breeze"},
	}
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPruned(t, "<div>"+tt.html+"</div>", f.prune, tt.gone, tt.kept)
		})
	}
}

func TestGalleryKeepsItsCaptions(t *testing.T) {
	var sb strings.Builder
	for range 6 {
		sb.WriteString(`<figure><img src="a.jpg"><figcaption>A hat, a coat and a red scarf make the look.</figcaption></figure>`)
	}
	root, err := html.Parse(strings.NewReader("<div><p>Six looks for winter.</p>" + sb.String() + "</div>"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	f.prune(root)
	if got := strings.Count(textOf(root), "red scarf"); got != 6 {
		t.Errorf("%d of 6 gallery captions kept", got)
	}
}

func TestDropEdges(t *testing.T) {
	body := "<p>" + strings.Repeat("The council met on Tuesday and agreed the budget after a long debate. ", 4) + "</p>"
	tests := []struct {
		name, before, after, gone, kept string
	}{
		{"drops a list of links after the last paragraph", "", `<ul><li><a href="/a">Mayor resigns</a></li><li><a href="/b">Bridge shut</a></li></ul>`, "Mayor resigns", "agreed the budget"},
		{"drops a heading left with nothing under it", "", `<h3>More from the council</h3><ul><li><a href="/a">Mayor resigns</a></li></ul>`, "More from", "agreed the budget"},
		{"drops a heading of links left at the end without its links", "", `<div><span>More from</span></div>`, "More from", "agreed the budget"},
		{"drops breadcrumbs before the first paragraph", `<div><a href="/">Home</a> › <a href="/news">News</a></div>`, "", "Home", "agreed the budget"},
		{"keeps a closing paragraph that cites a link", "", `<p>The full report, <a href="/r">published online</a>, runs to ninety pages and lists every road.</p>`, "", "runs to ninety pages"},
		{"drops a list of story links between paragraphs", `<p>Before the vote, the clerk read the minutes aloud to the members.</p><ul><li><a href="/m">Mayor resigns</a></li></ul>`, "", "Mayor resigns", "clerk read"},
		{"drops a paragraph that is only a link", `<p><a href="/r">Read: the bridge that never opened</a></p><p>The clerk read the minutes aloud to the members on Monday.</p>`, "", "never opened", "clerk read"},
		{"drops a short block that is nearly all link", `<p>MORE: <a href="/m">Mayor resigns after the long budget row</a></p><p>The clerk read the minutes aloud to the members on Monday.</p>`, "", "Mayor resigns", "clerk read"},
		{"keeps table cells that are links", `<p>The clerk read the minutes aloud to the members on Monday.</p><table><tr><td><div><a href="/a">Harbour Road</a></div></td><td>closed</td></tr></table>`, "", "", "Harbour Road"},
		{"keeps a paragraph held in an anchor without an address", `<p>The clerk read the minutes aloud.</p><p><a name="q3">Many listeners ask what the mayor thinks of it?</a></p>`, "", "", "what the mayor thinks"},
		{"keeps a paragraph with a link in it", `<p>The clerk read <a href="/m">the minutes</a> aloud to the members on Monday.</p>`, "", "", "aloud to the members"},
		{"drops a date and time before the first paragraph", `<div>Monday | 14 June 2021 | 10:05 AM</div>`, "", "14 June", "agreed the budget"},
		{"drops a date in numbers and a time before the first paragraph", `<div>25.01.2022 14:47 Uhr</div>`, "", "14:47", "agreed the budget"},
		{"keeps a time between paragraphs", `<p>Before the vote, the clerk read the minutes aloud to the members.</p><h3>10:30</h3>`, "", "", "10:30"},
		{"drops a German date with its weekday before the first paragraph", `<div>Dienstag, 6. Mai 2014</div>`, "", "Mai 2014", "agreed the budget"},
		{"keeps a timeline's dates between paragraphs", `<p>Before the vote, the clerk read the minutes aloud to the members.</p><h3>March 3, 2023</h3>`, "", "", "March 3, 2023"},
		{"drops a note in italics about the author after the last paragraph", "", `<p><em>Lena Moss is the founder of a harbour charity and writes on ferries. Write to her at the Courier.</em></p>`, "Lena Moss", "agreed the budget"},
		{"keeps a closing paragraph in italics that is no note about a person", "", `<p><em>The council will meet again in May, when the budget goes to a vote.</em></p>`, "", "meet again in May"},
		{"keeps a closing sentence about a person set in roman", "", `<p>Lena Moss is the first woman to chair the harbour board.</p>`, "", "first woman to chair"},
		{"keeps a note in italics about the author between paragraphs", `<p><i>Lena Moss is a reporter for the Courier.</i></p><p>The clerk read the minutes aloud.</p>`, "", "", "Lena Moss is a reporter"},
		{"keeps a source's address between paragraphs", `<p>Before the vote, the clerk read the minutes aloud to the members.</p><p><a href="https://harbour.example.org/report-2023">https://harbour.example.org/report-2023</a></p>`, "", "", "harbour.example.org/report-2023"},
		{"keeps a contact's email address between paragraphs", `<p>Before the vote, the clerk read the minutes aloud to the members.</p><p><a href="mailto:clerk@council.example">clerk@council.example</a></p>`, "", "", "clerk@council.example"},
		{"drops a link naming where it goes between paragraphs", `<p>Before the vote, the clerk read the minutes aloud to the members.</p><p><a href="https://harbour.example.org/report-2023">Read the harbour report</a></p>`, "", "harbour report", "clerk read"},
		{"keeps a list whose items say more than their links", `<p>Before the vote, the clerk read the minutes aloud to the members.</p><ul><li>The <a href="/m">minutes</a> of the May meeting, approved without change</li></ul>`, "", "", "approved without change"},
	}
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPruned(t, "<div>"+tt.before+body+tt.after+"</div>", f.dropEdges, tt.gone, tt.kept)
		})
	}
}

func TestDropBylines(t *testing.T) {
	tests := []struct {
		name, html string
		kept       bool
	}{
		{"drops the byline with its By and date", `<p>By Ana Ruiz | 4 May 2022</p>`, false},
		{"drops the byline alone", `<div>Ana Ruiz</div>`, false},
		{"keeps a sentence that names the author", `<p>Ana Ruiz visited the harbour on Monday to count the boats.</p>`, true},
		{"keeps another name", `<p>By Tom Ruiz</p>`, true},
		{"drops a note about the author", `<p><em>Ana Ruiz is a reporter who covers the islands.</em></p>`, false},
		{"keeps a long paragraph that starts with the author's name", "<p>Ana Ruiz has walked the coast path " + strings.Repeat("from the harbour to the lighthouse and back again, ", 8) + "</p>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<div>" + tt.html + "<p>The harbour was full.</p></div>"))
			if err != nil {
				t.Fatal(err)
			}
			dropBylines(root, "Ana Ruiz", readIn.Year())
			if kept := strings.Contains(textOf(root), "Ruiz"); kept != tt.kept {
				t.Errorf("kept the line: %v, want %v", kept, tt.kept)
			}
		})
	}
}

func TestDropTitle(t *testing.T) {
	tests := []struct {
		name, html string
		kept       bool
	}{
		{"drops the title repeated as the first heading", `<h1>Ferry times change</h1><p>The council agreed.</p>`, false},
		{"drops the title whatever its case and punctuation", `<p><strong>FERRY TIMES CHANGE!</strong></p><p>The council agreed.</p>`, false},
		{"keeps a first paragraph that starts with the title's words", `<p>Ferry times change on Monday, the council agreed.</p>`, true},
		{"keeps the title's words later in the article", `<p>The council agreed.</p><h2>Ferry times change</h2><p>From May.</p>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<div>" + tt.html + "</div>"))
			if err != nil {
				t.Fatal(err)
			}
			dropTitle(root, "Ferry times change")
			if kept := strings.Contains(strings.ToLower(textOf(root)), "ferry times change"); kept != tt.kept {
				t.Errorf("kept the title: %v, want %v", kept, tt.kept)
			}
		})
	}
}

// checkPruned prunes a page and checks that gone is gone and kept kept
// ("" checks nothing).
func checkPruned(t *testing.T, page string, prune func(*html.Node), gone, kept string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	prune(root)
	text := strings.Join(strings.Fields(textOf(root)), " ")
	if gone != "" && strings.Contains(text, gone) {
		t.Errorf("kept %q", gone)
	}
	if kept != "" && !strings.Contains(text, kept) {
		t.Errorf("lost %q", kept)
	}
}

func TestDropAfterStop(t *testing.T) {
	para := "<p>" + strings.Repeat("The ferry company raised its fares for the winter timetable again. ", 4) + "</p>"
	prompt := "<p>To read the full story, please subscribe to the Coast Courier.</p>"
	offer := "<p>Subscribers get every story, the morning briefing and a tote bag.</p>"
	tests := []struct {
		name, html, gone, kept string
	}{
		{"the offer after a paywall's prompt goes with it", para + para + prompt + offer, "tote bag", "winter timetable"},
		{"a prompt standing before most of the text leaves the text", prompt + para + para + para, "To read the full story", "winter timetable"},
		{"a prompt at the top with the article after it leaves the article", "<p>Short teaser.</p>" + prompt + para + para, "please subscribe", "winter timetable"},
	}
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPruned(t, "<div>"+tt.html+"</div>", f.prune, tt.gone, tt.kept)
		})
	}
}

func TestSignUpOpensNoLongBox(t *testing.T) {
	article := "<div><p>Subscribe to our newsletter for more.</p>" + strings.Repeat("<p>The council met on Tuesday and agreed the budget after a long debate.</p>", 20) + "</div>"
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	checkPruned(t, "<div>"+article+"</div>", f.prune, "Subscribe", "agreed the budget")
}

// TestPruneLeavesARemovedBoxAlone checks that once a sign-up box is
// removed the walk goes on after it, not among the box's other children.
func TestPruneLeavesARemovedBoxAlone(t *testing.T) {
	body := strings.Repeat("<p>The council met on Tuesday and agreed the budget after a long debate.</p>", 20)
	page := `<div><div id="box"><div><div><h3>Newsletter</h3></div><p>Pop your address in the box.</p></div>` +
		`<p id="later">Share this story</p><p>We never share your address.</p></div>` + body + `</div>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var box, later *html.Node
	visit(root, func(n *html.Node) {
		for _, a := range n.Attr {
			switch {
			case a.Key == "id" && a.Val == "box":
				box = n
			case a.Key == "id" && a.Val == "later":
				later = n
			}
		}
	})
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	f.prune(root)
	if box.Parent != nil {
		t.Fatal("the sign-up box is still in the page")
	}
	if later.Parent == nil {
		t.Error("the walk went on inside the removed box and pruned it")
	}
	if !strings.Contains(textOf(root), "agreed the budget") {
		t.Error("the article after the box is lost")
	}
}
