package htmlpage

import (
	_ "embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The furniture lists are data: boilerplate/README-style comments in each
// file say how an entry matches.
var (
	//go:embed boilerplate/classes.txt
	classesData string
	//go:embed boilerplate/captions.txt
	captionsData string
	//go:embed boilerplate/phrases.txt
	phrasesData string
	//go:embed boilerplate/listheads.txt
	listHeadsData string
	//go:embed boilerplate/edges.txt
	edgesData string
	//go:embed boilerplate/stops.txt
	stopsData string
	//go:embed boilerplate/signups.txt
	signupsData string
)

// maxFurnitureText is the longest block text a phrase can drop: furniture
// is short, and a long paragraph that mentions a newsletter is article.
// On the development set 300 bytes drops two more notices than 200 and no
// article text.
const maxFurnitureText = 300

// maxCaption is the longest caption dropped: longer ones are the text of
// a gallery's slides.
const maxCaption = 300

// maxFurnitureShare bounds what a class name can drop: an element holding
// more than this share of the article's text is the article, whatever it
// is called (WordPress puts the post's tags and categories in its class).
const maxFurnitureShare = 0.3

// furniture recognises page furniture by class name and by text.
type furniture struct {
	classes   [][]string
	captions  [][]string
	phrases   []*regexp.Regexp
	listHeads []*regexp.Regexp
	edges     []*regexp.Regexp
	stops     []*regexp.Regexp
	signups   []*regexp.Regexp
}

// loadFurniture parses the embedded lists once; they are fixed at build
// time, so a bad entry is a programming error caught by the tests.
var loadFurniture = sync.OnceValues(func() (*furniture, error) {
	f := &furniture{}
	f.classes = nameList(classesData)
	f.captions = nameList(captionsData)
	var err error
	if f.phrases, err = patternList("phrases.txt", phrasesData); err != nil {
		return nil, err
	}
	if f.listHeads, err = patternList("listheads.txt", listHeadsData); err != nil {
		return nil, err
	}
	if f.edges, err = patternList("edges.txt", edgesData); err != nil {
		return nil, err
	}
	if f.stops, err = patternList("stops.txt", stopsData); err != nil {
		return nil, err
	}
	if f.signups, err = patternList("signups.txt", signupsData); err != nil {
		return nil, err
	}
	return f, nil
})

// patternList compiles a list of case-insensitive expressions.
func patternList(name, data string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, line := range dataLines(data) {
		re, err := regexp.Compile("(?i)" + line)
		if err != nil {
			return nil, fmt.Errorf("boilerplate/%s: %w", name, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// nameList reads a list of class names, each as its words; a name of
// several words is also written as one ("next story", "nextstory").
func nameList(data string) [][]string {
	var names [][]string
	for _, line := range dataLines(data) {
		words := strings.Fields(strings.ToLower(line))
		names = append(names, words)
		if len(words) > 1 {
			names = append(names, []string{strings.Join(words, "")})
		}
	}
	return names
}

// dataLines are a list file's entries without comments and blank lines.
func dataLines(data string) []string {
	var out []string
	for line := range strings.SplitSeq(data, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// prune removes the furniture inside the article readability found.
func (f *furniture) prune(article *html.Node) {
	f.dropAfterStop(article)
	total := len(textOf(article))
	f.dropCaptions(article, total)
	f.pruneIn(article, article, pruning{total: total, articleNames: f.articleNames(article, total)})
}

// pruneIn prunes n's children and returns the element it removed that
// held n, a sign-up box opened by one of n's descendants, or nil: the
// walk then stops where that box stood, since the rest of n and of the
// box's other children went with it.
func (f *furniture) pruneIn(n, article *html.Node, p pruning) *html.Node {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type != html.ElementNode:
		case f.isListHead(c):
			if list := nextElement(c); list != nil && linkShare(list) >= minListLinkShare {
				next = list.NextSibling
				n.RemoveChild(list)
			}
			n.RemoveChild(c)
		case f.isFurniture(c, p):
			box := f.signUpBox(c, article)
			box.Parent.RemoveChild(box)
			if box != c {
				return box
			}
		default:
			if gone := f.pruneIn(c, article, p); gone != nil && gone != c {
				return gone
			}
		}
		c = next
	}
	return nil
}

// maxAfterStop bounds the text after a block where the article stops, as
// a multiple of the text before it: past it the prompt stands before most
// of the page's text, the article itself when the saved page is a
// subscriber's.
const maxAfterStop = 2

// dropAfterStop removes the first block where the article stops
// (stops.txt) and the blocks after it, unless they hold maxAfterStop
// times the text before it or more.
func (f *furniture) dropAfterStop(article *html.Node) {
	leaves := leafBlocks(article)
	for i, n := range leaves {
		if text, short := shortText(n, maxFurnitureText); !short || !matchesAny(f.stops, text) {
			continue
		}
		if textLen(leaves[i+1:]) >= maxAfterStop*textLen(leaves[:i]) {
			return
		}
		for _, n := range leaves[i:] {
			n.Parent.RemoveChild(n)
		}
		return
	}
}

func textLen(blocks []*html.Node) int {
	total := 0
	for _, n := range blocks {
		total += len(textOf(n))
	}
	return total
}

// maxBox is the most text a box headed by furniture holds: a sign-up
// form's heading, its pitch and its fine print.
const maxBox = 1000

// signUpBox is the box a call to sign up opens (a heading "Sign up for
// our newsletter" over its pitch and its promise to keep the address
// private): the largest element of at most maxBox bytes of text, inside
// the article, whose first words the call is; n itself when it is no such
// call or opens no box.
func (f *furniture) signUpBox(n, article *html.Node) *html.Node {
	if text, short := shortText(n, maxFurnitureText); !short || !matchesAny(f.signups, text) {
		return n
	}
	box := n
	for p := box.Parent; p != nil && p != article && opens(p, box); p = p.Parent {
		if _, short := shortText(p, maxBox); !short {
			break
		}
		box = p
	}
	return box
}

// opens reports whether c is the first of p's children with text.
func opens(p, c *html.Node) bool {
	for k := p.FirstChild; k != nil; k = k.NextSibling {
		if k == c {
			return true
		}
		if k.Type == html.TextNode && strings.TrimSpace(k.Data) != "" || k.Type == html.ElementNode && hasText(k) {
			return false
		}
	}
	return false
}

// dropCaptions removes short captions, unless together they are much of
// the text: then the page is a gallery and its captions are the article.
func (f *furniture) dropCaptions(article *html.Node, total int) {
	var found []*html.Node
	sum := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom != atom.Figcaption && !named(c, f.captions) {
				walk(c)
				continue
			}
			if text, short := shortText(c, maxCaption); short {
				found = append(found, c)
				sum += len(text)
			}
		}
	}
	walk(article)
	if float64(sum) > maxFurnitureShare*float64(total) {
		return
	}
	for _, c := range found {
		c.Parent.RemoveChild(c)
	}
}

// maxArticleNameLinkShare is the link share under which an element a
// class name marks as furniture may be the article's own text.
const maxArticleNameLinkShare = 0.1

// pruning is what the walk that prunes an article knows of it: its text's
// length, and the class names (indices into furniture.classes) that mark
// the article's own text there.
type pruning struct {
	total        int
	articleNames map[int]bool
}

func (f *furniture) isFurniture(n *html.Node, p pruning) bool {
	if f.namedFurniture(n, p.articleNames) && float64(len(textOf(n))) <= maxFurnitureShare*float64(p.total) {
		return true
	}
	if !blockish[n.DataAtom] && headings[n.DataAtom] == 0 && n.DataAtom != atom.Li {
		return false
	}
	text, short := shortText(n, maxFurnitureText)
	if !short {
		return false
	}
	return f.isPhrase(text)
}

// mayBeArticle reports whether an element a class name calls furniture
// may yet be a part of the article's text: not over maxFurnitureShare,
// which no class name drops, nor mostly links, a teaser however many
// there are.
func (f *furniture) mayBeArticle(n *html.Node, total int) bool {
	return float64(len(textOf(n))) <= maxFurnitureShare*float64(total) && linkShare(n) < maxArticleNameLinkShare
}

// namedFurniture reports whether a class name of the list other than the
// article's own names the element.
func (f *furniture) namedFurniture(n *html.Node, articleNames map[int]bool) bool {
	found := false
	eachName(n, f.classes, func(i int) bool {
		found = !articleNames[i]
		return !found
	})
	return found
}

// articleNames are the class names of the list that together name more
// than maxFurnitureShare of the article's text and name its start: a live
// report's entries each called "live-match-comment" are the report,
// though each is a small part of it, while readers' comments, however
// many, follow the article they answer. An element inside one the same
// name names counts once; one that is no part of the article
// (mayBeArticle) not at all.
func (f *furniture) articleNames(article *html.Node, total int) map[int]bool {
	sums, first := map[int]int{}, map[int]int{}
	seen := 0
	var walk func(n *html.Node, open map[int]bool)
	walk = func(n *html.Node, open map[int]bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				seen += len(c.Data)
			}
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			var found []int
			eachName(c, f.classes, func(i int) bool {
				if !open[i] && !slices.Contains(found, i) {
					found = append(found, i)
				}
				return true
			})
			inner := open
			if len(found) > 0 && f.mayBeArticle(c, total) {
				inner = maps.Clone(open)
				for _, i := range found {
					if _, ok := first[i]; !ok {
						first[i] = seen
					}
					sums[i] += len(textOf(c))
					inner[i] = true
				}
			}
			walk(c, inner)
		}
	}
	walk(article, map[int]bool{})
	names := map[int]bool{}
	for i, sum := range sums {
		if float64(sum) > maxFurnitureShare*float64(total) && float64(first[i]) <= maxArticleNameLead*float64(total) {
			names[i] = true
		}
	}
	return names
}

// maxArticleNameLead is the share of the article's text that may come
// before the first element of a class name that marks its own text: a
// live report's short introduction, not the story readers' comments
// follow.
const maxArticleNameLead = 0.1

// isPhrase reports whether a short block's text is furniture by its
// words: phrases.txt, signups.txt or stops.txt names it.
func (f *furniture) isPhrase(text string) bool {
	return matchesAny(f.phrases, text) || matchesAny(f.signups, text) || matchesAny(f.stops, text)
}

// isListHead reports whether a short block heads a list of links.
func (f *furniture) isListHead(n *html.Node) bool {
	if !blockish[n.DataAtom] && headings[n.DataAtom] == 0 {
		return false
	}
	text, short := shortText(n, maxFurnitureText)
	return short && matchesAny(f.listHeads, text)
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func isList(n *html.Node) bool { return n.DataAtom == atom.Ul || n.DataAtom == atom.Ol }

// minListLinkShare is the share of link text that makes the block after
// a list heading its list: teasers set half in links ("Island school
// <gets a new roof>") count; a list without links is the article's.
const minListLinkShare = 0.3

// named reports whether the element's class or id has one of the names.
func named(n *html.Node, names [][]string) bool {
	found := false
	eachName(n, names, func(int) bool { found = true; return false })
	return found
}

// eachName calls found with the index of each of the names the element's
// class or id has, once or more, until found returns false.
func eachName(n *html.Node, names [][]string, found func(i int) bool) {
	for _, a := range n.Attr {
		if a.Namespace != "" || (a.Key != "class" && a.Key != "id") {
			continue
		}
		for _, name := range strings.Fields(a.Val) {
			words := nameWords(name)
			for i, entry := range names {
				if containsRun(words, entry) && !found(i) {
					return
				}
			}
		}
	}
}

// nameWords splits a class or id into lower-case words at punctuation and
// at lower-to-upper case changes: "RelatedCoverage-box" is related,
// coverage, box.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	prev := rune(0)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return words
}

// containsRun reports whether run appears in words as consecutive words.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		match := true
		for j, w := range run {
			if words[i+j] != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// shortText is the element's text with whitespace collapsed, and whether
// it has at most limit bytes; the walk stops once it is longer.
func shortText(n *html.Node, limit int) (string, bool) {
	var sb strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				for _, w := range strings.Fields(c.Data) {
					if sb.Len() > 0 {
						sb.WriteByte(' ')
					}
					sb.WriteString(w)
				}
				if sb.Len() > limit {
					return false
				}
			case c.Type == html.ElementNode && !skipped[c.DataAtom]:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	ok := walk(n)
	return sb.String(), ok
}

// textOf is the element's visible text, unformatted.
func textOf(n *html.Node) string { return joinedText(n, "") }

// joinedText is the element's visible text with sep around the text of
// each element inside it.
func joinedText(n *html.Node, sep string) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				sb.WriteString(c.Data)
			case c.Type == html.ElementNode && !skipped[c.DataAtom]:
				sb.WriteString(sep)
				walk(c)
				sb.WriteString(sep)
			}
		}
	}
	walk(n)
	return sb.String()
}
