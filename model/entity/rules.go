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
	// ambiguousMonths are months that are also common words; they need a
	// number beside them, or one of monthPreps or dateMods before them.
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
	// monthPreps are the prepositions of time after which an ambiguous month
	// is the month ("in May", "since March"): in PolNeAR's articles 143
	// times in 143 after these, "early", "late", "last" or "this".
	monthPreps = set("in", "since", "until", "during", "through", "In", "Since", "Until", "During", "Through")
	// yearDets are the articles and possessives before a year that
	// modifies a noun ("the 2016 election", "Obama's 2008 campaign", "a
	// 2014 study"): in PolNeAR's articles such a four-digit number is a
	// year before every lower-case word that follows it, a count never.
	yearDets = set("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "'s", "’s",
		"The", "A", "An", "His", "Her", "Its", "Their", "Our", "My", "Your")

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
	// orgHeads end the names of organisations (personOrHeaded, cityOfPlace,
	// withHeadRun). "Police", "Corporation", "Authority" and "Department"
	// end 3, 8, 12 and 29 names of CoNLL's training and dev splits and
	// WikiGold, all organisations'; "Hospital" ends places' names there more
	// often. "School" ends 2 names of several words in CoNLL's training
	// split and 18 in PolNeAR's silver labels, all organisations'.
	orgHeads = set("Administration", "Government", "Foundation", "Institute", "Ministry", "Party",
		"Campaign", "Cabinet", "Regime", "Group", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.",
		"Company", "Co.", "Associates", "Trust", "Fund", "University", "College", "Council", "Committee",
		"Police", "Corporation", "Authority", "Department", "School")
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

// wordClass says which of the word lists of dates and amounts hold a word,
// a bit for each.
type wordClass uint32

const (
	cWeekday wordClass = 1 << iota
	cMonth
	cAmbiguousMonth
	cDayPart
	cRelDay
	cDateMod
	cPeriod
	cSinglePeriod
	cAmPm
	cClock
	cYearPrep
	cYearDet
	cMonthPrep
	cNumMod
	cScale
	cCurrency
	cMoneyWord
	cPercent
	cCardinal
	cPlural
	cModPair // a first word of numModPairs
	// cOrdinal is set when the word in lower case is one of ordinals.
	cOrdinal
	// cStarter marks the words other than numbers that can start a date
	// or an amount.
	cStarter
)

// classLists are the lists a wordClass bit stands for.
var classLists = []struct {
	class wordClass
	words map[string]bool
}{
	{cWeekday, weekdays}, {cMonth, months}, {cAmbiguousMonth, ambiguousMonths}, {cDayPart, dayParts},
	{cRelDay, relDay}, {cDateMod, dateMods}, {cPeriod, periods}, {cSinglePeriod, singlePeriods},
	{cAmPm, ampm}, {cClock, clock}, {cYearPrep, yearPreps}, {cYearDet, yearDets}, {cMonthPrep, monthPreps},
	{cNumMod, numMods}, {cScale, scales},
	{cCurrency, currencies}, {cMoneyWord, moneyWords}, {cPercent, percents}, {cCardinal, cardinals},
	{cPlural, plurals},
}

// dateWords is one sentence's words as datesAndNumbers reads them: each
// word's class is one look-up in one table, where the rules asked up to a
// dozen maps about a frequent word such as "a".
type dateWords struct {
	ws []string
	st *starterSet
}

// class returns the class of word i, 0 past either end.
func (d dateWords) class(i int) wordClass {
	if i < 0 || i >= len(d.ws) {
		return 0
	}
	return d.st.classOf(d.ws[i])
}

// is reports whether word i is in one of the lists of c.
func (d dateWords) is(i int, c wordClass) bool { return d.class(i)&c != 0 }

// ordinal is isOrdinal(word i) for a word whose class is c.
func (d dateWords) ordinal(i int, c wordClass) bool {
	if c&cOrdinal != 0 {
		return true
	}
	if c != 0 {
		// A listed word other than an ordinal word has no digits.
		return false
	}
	return isOrdinal(d.ws[i])
}

// singlePeriodAnyCase is singlePeriods[strings.ToLower(word i)].
func (d dateWords) singlePeriodAnyCase(i int) bool {
	w := at(d.ws, i)
	return d.st.classOf(w)&cSinglePeriod != 0 || singlePeriods[strings.ToLower(w)]
}

// dateAt returns the end of a date or time expression starting at word i,
// whose class is c, or i.
func (d dateWords) dateAt(i int, c wordClass) int {
	ws := d.ws
	w := ws[i]
	digit := w[0] >= '0' && w[0] <= '9'
	// The class of the next word, which only numbers, the modifiers of
	// dates and the cardinals other than the articles ask about.
	var nc wordClass
	if digit || c&(cDateMod|cCardinal) != 0 && w != "a" && w != "A" && w != "an" {
		nc = d.class(i + 1)
	}
	switch {
	case c&cDateMod != 0 && nc&cWeekday != 0:
		return d.dateAt(i+1, nc)
	case c&cDateMod != 0 && nc&cMonth != 0:
		// "last May", "early March": the modifier is part of the date, as in
		// "last week".
		if k := d.dateAt(i+1, nc); k > i+1 {
			return k
		}
		return i
	case c&cWeekday != 0:
		j := i + 1
		if d.is(j, cDayPart) {
			j++
		}
		if at(ws, j) == "," && (d.is(j+1, cMonth) || isDayNum(at(ws, j+1))) {
			if k := d.dateAt(j+1, d.class(j+1)); k > j+1 {
				return k
			}
		}
		if d.is(j, cMonth) || isDayNum(at(ws, j)) && d.is(j+1, cMonth) {
			if k := d.dateAt(j, d.class(j)); k > j {
				return k
			}
		}
		return j
	case c&cMonth != 0:
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
		if c&cAmbiguousMonth != 0 && !d.is(i-1, cMonthPrep|cDateMod) || !startsUpper(w) {
			return i
		}
		return j
	case digit && isDayNum(w) && nc&cMonth != 0:
		j := i + 2
		if isYear(at(ws, j)) {
			j++
		}
		return j
	case digit && (isNumericDate(w) || isDecade(w) || d.isHyphenedPeriod(w)):
		return i + 1
	case digit && isYear(w) && !strings.Contains(w, ",") && !d.is(i-1, cCurrency) && (d.is(i-1, cYearPrep|cYearDet) || !startsLower(at(ws, i+1))):
		// "in 2000", "the 2000 election" and "like 2022," are years; "2000
		// people" is a count.
		return i + 1
	case digit && (isClock(w) || isNum(w) && len(w) <= 2 && atoi(w) <= 12) && nc&cAmPm != 0:
		return i + 2
	case digit && isClock(w) && strings.Contains(w, ":"):
		return i + 1
	case c&(cClock|cRelDay) != 0:
		return i + 1
	case d.ordinal(i, c) && d.singlePeriodAnyCase(i+1):
		return i + 2
	case c&cDateMod != 0 && nc&cSinglePeriod != 0:
		return i + 2
	case (digit && isNum(w) || c&cCardinal != 0 && w != "a" && w != "A" && w != "an") && nc&cPeriod != 0:
		if at(ws, i+2) == "ago" || at(ws, i+2) == "old" {
			return i + 3
		}
		return i + 2
	}
	return i
}

// isHyphenedPeriod is a number joined to a period by hyphens, an age or a
// length of time as one word: "40-year-old", "10-year", "30-minute", as
// "29 years old" and "90 minutes" are dates; not "18-year-olds", people.
func (d dateWords) isHyphenedPeriod(w string) bool {
	num, rest, ok := strings.Cut(w, "-")
	if !ok || !isNum(num) {
		return false
	}
	rest = strings.TrimSuffix(rest, "-old")
	return d.st.classOf(rest)&cSinglePeriod != 0 || rest == "day" || rest == "hour" || rest == "minute"
}

// numberAt returns the end of an amount starting at word i, whose class is
// c, or i: a number in digits with its modifier, currency, scale and
// percent sign. Each word's class is looked up once.
func (d dateWords) numberAt(i int, c wordClass) int {
	ws := d.ws
	j := i
	// Modifiers: "nearly", "more than", "as many as".
	switch {
	case c&cModPair != 0 && numModPairs[ws[j]][at(ws, j+1)] && d.startsAmount(j+2):
		j += 2
	case (ws[j] == "as" || ws[j] == "As") && (at(ws, j+1) == "many" || at(ws, j+1) == "much") && at(ws, j+2) == "as" && d.startsAmount(j+3):
		j += 3
	case c&cNumMod != 0 && d.startsAmount(j+1):
		j++
	}
	k, kc := j, c // kc is the class of word k
	if k > i {
		kc = d.class(k)
	}
	if kc&cCurrency != 0 {
		k++
		kc = d.class(k)
	}
	num := at(ws, k)
	switch {
	case isNum(num) || isNumScaled(num):
		k++
	case kc&cCardinal != 0 && (d.is(k+1, cScale|cPercent) || pointsAt(ws, k+1)):
		k++
	case kc&cCardinal != 0 && num != "a" && num != "A" && num != "an" && !d.afterName(k) && d.proportionAt(k+1) > k+1:
		return d.proportionAt(k + 1)
	case kc&cPlural != 0 && at(ws, k+1) == "of":
		if d.is(k+2, cPlural) {
			// "tens of thousands" is one amount, not two.
			return k + 3
		}
		return k + 1
	default:
		return i
	}
	kc = d.class(k)
	if kc&cScale == 0 && k == j+1 {
		// A bare number may be a proportion's count: "6 in 10".
		if e := d.proportionAt(k); e > k {
			return e
		}
	}
	for kc&cScale != 0 {
		k++
		kc = d.class(k)
	}
	switch {
	case kc&cPercent != 0:
		k++
	case at(ws, k) == "per" && at(ws, k+1) == "cent" || pointsAt(ws, k):
		k += 2
	case kc&cMoneyWord != 0:
		k++
	}
	return k
}

// proportionBases are the wholes a proportion's count is of: "four in
// 10", "one out of three".
var proportionBases = set("3", "4", "5", "10", "100", "three", "four", "five", "ten")

// proportionAt returns the end of the whole a count before word i is of,
// "in 10" or "out of four", or i: "6 in 10 voters" is one amount, where the
// rules read "6" and "10" as two and "four" as nothing. In PolNeAR's
// articles 68 such proportions, nine in ten of them of 10. Not before a
// period or a scale ("3 in 10 days", "one in 10 million").
func (d dateWords) proportionAt(i int) int {
	ws := d.ws
	j := i
	switch {
	case at(ws, j) == "in":
		j++
	case at(ws, j) == "out" && at(ws, j+1) == "of":
		j += 2
	default:
		return i
	}
	if !proportionBases[at(ws, j)] || d.is(j+1, cPeriod|cScale) {
		return i
	}
	return j + 1
}

// afterName reports whether word i, a cardinal word, is capitalised after a
// capitalised word, so a name's last word ("Uranium One in three
// transactions"), not a count.
func (d dateWords) afterName(i int) bool {
	return i > 0 && startsUpper(d.ws[i]) && startsUpper(d.ws[i-1])
}

// pointsAt reports whether words i and i+1 are "percentage points" or
// "basis points" (either in the singular), the unit of a change in a rate
// ("rose 2.5 percentage points", "cut by four percentage points"): one
// amount with its number, as "40 percent" is. PolNeAR's articles write 83
// such amounts, CoNLL's training split 10.
func pointsAt(ws []string, i int) bool {
	w := at(ws, i)
	if w != "percentage" && w != "basis" {
		return false
	}
	p := at(ws, i+1)
	return p == "points" || p == "point"
}

// startsAmount reports whether an amount's number starts at word i.
func (d dateWords) startsAmount(i int) bool {
	w := at(d.ws, i)
	c := d.st.classOf(w)
	return isNum(w) || isNumScaled(w) || c&cCurrency != 0 || c&cCardinal != 0 && w != "a" && w != "an" && d.is(i+1, cScale)
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 'a' && r <= 'z'
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 'A' && r <= 'Z'
}

// starterSet holds the classes of the words of the lists of dates and
// amounts, and their shapes: bit n of shapes[b] is set when a word of n
// bytes that can start a date or an amount (other than a number) begins
// with byte b, and of listed[b] when any listed word does; cheap tests
// that rule most words out before the table.
type starterSet struct {
	classes        classTable
	shapes, listed [256]uint64
}

// classTable is a set of a few hundred short words with their classes, by
// open addressing on a hash of a word's length and three of its bytes: a
// look-up costs a fifth of a map's, which hashes every byte.
type classTable [classSlots]struct {
	word  string
	class wordClass
}

// classSlots is the size of a classTable, four times the words it holds
// or more (TestClassTableSize), so that a probe seldom goes past its first
// slot.
const (
	classBits  = 11
	classSlots = 1 << classBits
)

// slotOf returns the slot where a look-up of w starts; w is not empty.
func slotOf(w string) int {
	h := uint32(len(w))
	h = h*31 + uint32(w[0])
	h = h*31 + uint32(w[len(w)/2])
	h = h*31 + uint32(w[len(w)-1])
	return int(h * 0x9E3779B1 >> (32 - classBits))
}

// get returns the class of w, 0 for a word it does not hold; w is not empty.
func (t *classTable) get(w string) wordClass {
	for i := slotOf(w); ; i = (i + 1) % classSlots {
		switch t[i].word {
		case w:
			return t[i].class
		case "":
			return 0
		}
	}
}

// add gives w the bits of c too.
func (t *classTable) add(w string, c wordClass) {
	for i := slotOf(w); ; i = (i + 1) % classSlots {
		if t[i].word == w || t[i].word == "" {
			t[i].word, t[i].class = w, t[i].class|c
			return
		}
	}
}

// classOf returns the class of w, 0 for a word of no list.
func (st *starterSet) classOf(w string) wordClass {
	if w == "" || st.listed[w[0]]&(1<<min(len(w), 63)) == 0 {
		return 0
	}
	return st.classes.get(w)
}

// starters is built at its first use rather than with the package, where
// it was half of the package's initialisation, paid by every start of
// margin and by the reader's first screen, which finds no entities.
var starters = sync.OnceValue(func() *starterSet {
	classes := map[string]wordClass{"as": cStarter, "As": cStarter}
	for _, l := range classLists {
		for w := range l.words {
			classes[w] |= l.class
		}
	}
	for w := range numModPairs {
		classes[w] |= cModPair | cStarter
	}
	for _, s := range []map[string]bool{weekdays, months, dateMods, relDay, clock, ordinals, numMods, currencies, cardinals, plurals} {
		for w := range s {
			l := strings.ToLower(w)
			for _, v := range []string{w, l, strings.ToUpper(l[:1]) + l[1:]} {
				classes[v] |= cStarter
			}
		}
	}
	st := &starterSet{}
	for w, c := range classes {
		if ordinals[strings.ToLower(w)] {
			c |= cOrdinal
		}
		st.classes.add(w, c)
		if c&cStarter != 0 {
			st.shapes[w[0]] |= 1 << min(len(w), 63)
		}
		st.listed[w[0]] |= 1 << min(len(w), 63)
	}
	return st
})

// datesAndNumbers finds DATE and NUMBER candidates in a sentence's words.
func datesAndNumbers(ws []string, dst []cand) []cand {
	d := dateWords{ws: ws, st: starters()}
	for i := 0; i < len(ws); {
		w := ws[i]
		var c wordClass
		if w[0] < '0' || w[0] > '9' {
			if d.st.shapes[w[0]]&(1<<min(len(w), 63)) == 0 {
				i++
				continue
			}
			if c = d.st.classes.get(w); c&cStarter == 0 {
				i++
				continue
			}
		}
		if j := d.dateAt(i, c); j > i {
			dst = append(dst, cand{i, j, Date})
			i = j
			continue
		}
		if j := d.numberAt(i, c); j > i {
			dst = append(dst, cand{i, j, Number})
			i = j
			continue
		}
		i++
	}
	return dst
}
