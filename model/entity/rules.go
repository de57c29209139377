package entity

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// cand is a candidate entity over words [a, b) of one sentence.
type cand struct {
	a, b  int
	label Label
}

var (
	weekdays = set("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.")
	months = set("January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
		"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
		"Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
	// ambiguousMonths are months that are also common words; they need a number beside them.
	ambiguousMonths = set("May", "March", "Mar.", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
	dayParts        = set("morning", "afternoon", "evening", "night")
	relDay          = set("today", "yesterday", "tomorrow", "tonight", "Today", "Yesterday", "Tomorrow", "Tonight")
	dateMods        = set("last", "next", "this", "past", "coming", "previous", "Last", "Next", "This", "early", "late", "mid")
	periods         = set("week", "weeks", "month", "months", "year", "years", "day", "days", "decade", "decades",
		"century", "centuries", "quarter", "quarters", "weekend", "hour", "hours", "minute", "minutes", "fortnight")
	singlePeriods = set("week", "month", "year", "decade", "century", "quarter", "weekend", "fortnight")
	ordinals      = set("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "final")
	ampm      = set("am", "pm", "a.m.", "p.m.", "AM", "PM", "A.M.", "P.M.", "GMT", "UTC")
	clock     = set("noon", "midnight", "midday")
	yearPreps = set("in", "since", "by", "until", "from", "of", "to", "before", "after", "during",
		"through", "In", "Since", "By", "Until", "From", "Before", "After", "During", "Through")

	numMods = set("nearly", "about", "around", "almost", "approximately", "roughly", "some", "over",
		"under", "only", "just", "estimated", "Nearly", "About", "Around", "Almost", "Approximately",
		"Roughly", "Some", "Over", "Under", "Only", "Just")
	// numModPairs are two-word modifiers ("more than", "at least", "up to").
	numModPairs = map[string]map[string]bool{
		"more": set("than"), "More": set("than"), "less": set("than"), "Less": set("than"),
		"fewer": set("than"), "Fewer": set("than"), "at": set("least"), "At": set("least"),
		"up": set("to"), "Up": set("to"), "just": set("over", "under"), "Just": set("over", "under"),
	}
	scales     = set("hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "tn", "k", "dozen", "crore", "lakh")
	currencies = set("$", "£", "€", "¥", "₹", "₽")
	moneyWords = set("dollars", "euros", "pounds", "yuan", "rubles", "roubles", "yen", "rupees", "hryvnias", "francs", "cents", "pence", "USD", "EUR", "GBP")
	percents   = set("%", "percent", "pct")
	cardinals  = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety", "hundred", "a", "an", "several", "One", "Two", "Three", "Four", "Five",
		"Six", "Seven", "Eight", "Nine", "Ten", "A", "Several")
	// orgHeads end the names of organisations.
	orgHeads = set("Administration", "Government", "Foundation", "Institute", "Ministry", "Party",
		"Campaign", "Cabinet", "Regime", "Group", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.",
		"Company", "Co.", "Associates", "Trust", "Fund", "University", "College", "Council", "Committee")
	// titles go before a person's name and are no part of it, as the CoNLL
	// and MUC guidelines have it ("Colonel [Cornelio Zelaya]").
	titles = set("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame",
		"Colonel", "Col.", "General", "Gen.", "Major", "Maj.", "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant",
		"Sgt.", "Admiral", "Adm.", "Commander", "Brigadier", "Corporal", "Marshal", "Bishop", "Archbishop",
		"Cardinal", "Pope", "Rev.", "Reverend", "Father", "Rabbi", "Imam", "Sheikh", "Judge", "Justice", "Senator",
		"Sen.", "Governor", "Gov.", "President", "Chancellor", "Minister", "Premier", "Mayor", "Councillor",
		"Ambassador", "Secretary", "Congressman", "Congresswoman", "King", "Queen", "Prince", "Princess", "Lord",
		"Lady", "Emperor", "Empress", "Duke", "Duchess", "Baron", "Chief", "Inspector", "Detective")
	// languages are the languages news outlets publish editions in.
	languages = set("Arabic", "English", "French", "Spanish", "German", "Russian", "Chinese", "Mandarin",
		"Cantonese", "Turkish", "Persian", "Farsi", "Urdu", "Hindi", "Bengali", "Bangla", "Portuguese",
		"Japanese", "Korean", "Italian", "Swahili", "Ukrainian", "Polish", "Dutch", "Greek", "Hebrew",
		"Indonesian", "Vietnamese", "Thai", "Serbian", "Romanian", "Hungarian", "Pashto", "Dari",
		"Amharic", "Somali", "Hausa", "Tamil", "Punjabi")
	plurals = set("dozens", "hundreds", "thousands", "millions", "billions", "tens", "Dozens", "Hundreds", "Thousands", "Millions", "Billions", "Tens")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isNum reports whether w is written in digits: "3", "1,200", "10.30", "2.5".
func isNum(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// isNumScaled is a number with a scale glued on: "2bn", "5m", "10k".
func isNumScaled(w string) bool {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == '.' || w[i] == ',') {
		i++
	}
	return i > 0 && w[0] >= '0' && w[0] <= '9' && i < len(w) && scales[w[i:]]
}

func isYear(w string) bool {
	if len(w) != 4 || !isNum(w) {
		return false
	}
	return w[0] == '1' && (w[1] == '8' || w[1] == '9') || w[0] == '2' && w[1] == '0'
}

// isDecade is "1990s" or "90s".
func isDecade(w string) bool {
	return (len(w) == 5 || len(w) == 3) && w[len(w)-1] == 's' && isNum(w[:len(w)-1]) && w[len(w)-2] == '0'
}

// isNumericDate is "1996-08-22" or "22/03/2022".
func isNumericDate(w string) bool {
	seps, digits := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '-' || c == '/':
			seps++
		default:
			return false
		}
	}
	return seps == 2 && digits >= 4 && w[0] != '-' && w[len(w)-1] != '-' && w[0] != '/' && w[len(w)-1] != '/'
}

// isClock is "10:30" or "10.30" with a plausible hour and minute.
func isClock(w string) bool {
	i := strings.IndexAny(w, ":.")
	if i < 1 || i > 2 || len(w)-i-1 != 2 || !isNum(w[:i]) || !isNum(w[i+1:]) {
		return false
	}
	h := atoi(w[:i])
	m := atoi(w[i+1:])
	return h <= 24 && m < 60
}

func isDayNum(w string) bool {
	if s, ok := strings.CutSuffix(w, "th"); ok {
		w = s
	} else if s, ok := strings.CutSuffix(w, "st"); ok {
		w = s
	} else if s, ok := strings.CutSuffix(w, "nd"); ok {
		w = s
	} else if s, ok := strings.CutSuffix(w, "rd"); ok {
		w = s
	}
	if len(w) == 0 || len(w) > 2 || !isNum(w) || strings.ContainsAny(w, ",.") {
		return false
	}
	d := atoi(w)
	return d >= 1 && d <= 31
}

func isOrdinal(w string) bool {
	if ordinals[strings.ToLower(w)] {
		return true
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if s, ok := strings.CutSuffix(w, suf); ok && len(s) > 0 && isNum(s) && !strings.ContainsAny(s, ",.") {
			return true
		}
	}
	return isShortOrdinal(w)
}

// isShortOrdinal reports whether w is an ordinal in the older American
// style of the military and the government printers, "2d" and "3d" for
// "2nd" and "3rd" ("the 93d Pennsylvania", "102d Infantry"): digits
// ending in 2 or 3, not 12 or 13, and "d".
func isShortOrdinal(w string) bool {
	s, ok := strings.CutSuffix(w, "d")
	if !ok || len(s) == 0 || !isNum(s) || strings.ContainsAny(s, ",.") {
		return false
	}
	last := s[len(s)-1]
	teen := len(s) > 1 && s[len(s)-2] == '1'
	return (last == '2' || last == '3') && !teen
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// at returns word i or "" past either end.
func at(ws []string, i int) string {
	if i < 0 || i >= len(ws) {
		return ""
	}
	return ws[i]
}

// dateAt returns the end of a date or time expression starting at word i, or i.
func dateAt(ws []string, i int) int {
	w := ws[i]
	switch {
	case dateMods[w] && weekdays[at(ws, i+1)]:
		return dateAt(ws, i+1)
	case weekdays[w]:
		j := i + 1
		if dayParts[at(ws, j)] {
			j++
		}
		if at(ws, j) == "," && (months[at(ws, j+1)] || isDayNum(at(ws, j+1))) {
			if k := dateAt(ws, j+1); k > j+1 {
				return k
			}
		}
		if months[at(ws, j)] || isDayNum(at(ws, j)) && months[at(ws, j+1)] {
			if k := dateAt(ws, j); k > j {
				return k
			}
		}
		return j
	case months[w]:
		j := i + 1
		if isDayNum(at(ws, j)) {
			j++
			if at(ws, j) == "," && isYear(at(ws, j+1)) {
				j += 2
			} else if isYear(at(ws, j)) {
				j++
			}
			return j
		}
		if isYear(at(ws, j)) {
			return j + 1
		}
		if ambiguousMonths[w] || !startsUpper(w) {
			return i
		}
		return j
	case isDayNum(w) && months[at(ws, i+1)]:
		j := i + 2
		if isYear(at(ws, j)) {
			j++
		}
		return j
	case isNumericDate(w) || isDecade(w):
		return i + 1
	case isYear(w) && !strings.Contains(w, ",") && !currencies[at(ws, i-1)] && (yearPreps[at(ws, i-1)] || !startsLower(at(ws, i+1))):
		// "in 2000" and "like 2022," are years; "2000 people" is a count.
		return i + 1
	case (isClock(w) || isNum(w) && len(w) <= 2 && atoi(w) <= 12) && ampm[at(ws, i+1)]:
		return i + 2
	case isClock(w) && strings.Contains(w, ":"):
		return i + 1
	case clock[w] || relDay[w]:
		return i + 1
	case isOrdinal(w) && singlePeriods[strings.ToLower(at(ws, i+1))]:
		return i + 2
	case dateMods[w] && singlePeriods[at(ws, i+1)]:
		return i + 2
	case (isNum(w) || cardinals[w] && w != "a" && w != "A" && w != "an") && periods[at(ws, i+1)]:
		if at(ws, i+2) == "ago" || at(ws, i+2) == "old" {
			return i + 3
		}
		return i + 2
	}
	return i
}

// numberAt returns the end of an amount starting at word i, or i: a number
// in digits with its modifier, currency, scale and percent sign.
func numberAt(ws []string, i int) int {
	j := i
	// Modifiers: "nearly", "more than", "as many as".
	switch {
	case numModPairs[ws[j]][at(ws, j+1)] && startsAmount(ws, j+2):
		j += 2
	case (ws[j] == "as" || ws[j] == "As") && (at(ws, j+1) == "many" || at(ws, j+1) == "much") && at(ws, j+2) == "as" && startsAmount(ws, j+3):
		j += 3
	case numMods[ws[j]] && startsAmount(ws, j+1):
		j++
	}
	k := j
	if currencies[at(ws, k)] {
		k++
	}
	num := at(ws, k)
	switch {
	case isNum(num) || isNumScaled(num):
		k++
	case cardinals[num] && (scales[at(ws, k+1)] || percents[at(ws, k+1)]):
		k++
	case plurals[num] && at(ws, k+1) == "of":
		return k + 1
	default:
		return i
	}
	for scales[at(ws, k)] {
		k++
	}
	switch {
	case percents[at(ws, k)]:
		k++
	case at(ws, k) == "per" && at(ws, k+1) == "cent":
		k += 2
	case moneyWords[at(ws, k)]:
		k++
	}
	return k
}

func startsAmount(ws []string, i int) bool {
	w := at(ws, i)
	return isNum(w) || isNumScaled(w) || currencies[w] || cardinals[w] && w != "a" && w != "an" && scales[at(ws, i+1)]
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 'a' && r <= 'z'
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 'A' && r <= 'Z'
}

// starterSet holds the words other than numbers that can start a date or
// an amount, and their shapes: bit n of shapes[b] is set when a starter
// of n bytes begins with byte b, a cheap test that rules most words out
// before the map.
type starterSet struct {
	words  map[string]bool
	shapes [256]uint64
}

// starters is built at its first use rather than with the package, where
// it was half of the package's initialisation, paid by every start of
// margin and by the reader's first screen, which finds no entities.
var starters = sync.OnceValue(func() *starterSet {
	st := &starterSet{words: map[string]bool{"as": true, "As": true}}
	for w := range numModPairs {
		st.words[w] = true
	}
	for _, s := range []map[string]bool{weekdays, months, dateMods, relDay, clock, ordinals, numMods, currencies, cardinals, plurals} {
		for w := range s {
			l := strings.ToLower(w)
			st.words[w], st.words[l], st.words[strings.ToUpper(l[:1])+l[1:]] = true, true, true
		}
	}
	for w := range st.words {
		st.shapes[w[0]] |= 1 << min(len(w), 63)
	}
	return st
})

// datesAndNumbers finds DATE and NUMBER candidates in a sentence's words.
func datesAndNumbers(ws []string, dst []cand) []cand {
	st := starters()
	for i := 0; i < len(ws); {
		if w := ws[i]; w[0] < '0' || w[0] > '9' {
			if st.shapes[w[0]]&(1<<min(len(w), 63)) == 0 || !st.words[w] {
				i++
				continue
			}
		}
		if j := dateAt(ws, i); j > i {
			dst = append(dst, cand{i, j, Date})
			i = j
			continue
		}
		if j := numberAt(ws, i); j > i {
			dst = append(dst, cand{i, j, Number})
			i = j
			continue
		}
		i++
	}
	return dst
}
