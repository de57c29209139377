package claim

// Closed word classes the guards and the source finder consult. They are
// grammar, not vocabulary, so they live here rather than in lexicon files.
var (
	// determiners, possessives and quantifiers: before one of them a
	// noun-verb word is a noun ("the claims", "other reports").
	determiners = newWordSet(`a an the this these those his her its their our my your
		some any no every each other several many few such another both all either neither
		separate recent new earlier previous multiple various unnamed anonymous media news
		further latest first second two three`)
	// articles and possessives: after one of them a participle is an
	// adjective ("the alleged attack", "an estimated 600").
	articles     = newWordSet(`a an the this these those his her its their our my your`)
	prepositions = newWordSet(`of on in at for about from to with by into over under against
		amid among between through during since until after before regarding via per across
		toward towards upon without within near`)
	// skippable words between a subject and its reporting verb.
	auxiliaries = newWordSet(`has have had was were is are be been being also later then
		further previously repeatedly once again recently already not never just earlier
		publicly privately openly initially would will could may might did does do
		wasn't hasn't hadn't didn't doesn't still even first now today yesterday long`)
	beForms = newWordSet(`is was were are be been being isn't wasn't weren't aren't`)
	// words that end a subject when walking back from its verb.
	clauseStops = newWordSet(`that which who whom whose while as because if when after before
		since although though whereas so where but than whether`)
	relatives = newWordSet(`which who whom whose`)
	// wh-words that open an embedded question; the ones that also end a
	// subject are in clauseStops.
	whWords  = newWordSet(`what why how whatever whoever whichever whenever wherever`)
	pronouns = newWordSet(`he she they it we i you`)
	// a participle phrase between commas ("citing a source", "led by X")
	// that walking back from a verb skips over.
	participleStarts = newWordSet(`which who whom whose citing quoting speaking having being
		according including led backed based along like unlike as`)
	months = newWordSet(`january february march april june july august september october
		november december jan feb mar apr jun jul aug sep sept oct nov dec`)
	timeWords    = newWordSet(`am pm a.m p.m gmt utc o'clock hours hrs`)
	moneyWords   = newWordSet(`dollars dollar euros euro pounds yuan rupees roubles rubles yen`)
	moneySigns   = newWordSet(`$ £ € ¥`)
	percentWords = newWordSet(`% percent per`)
	magnitudes   = newWordSet(`hundred thousand million billion trillion`)
	numberWords  = newWordSet(`one two three four five six seven eight nine ten eleven twelve
		fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen
		dozens hundreds thousands millions billions`)
	personRoles = newWordSet(`spokesperson spokesman spokeswoman official minister president
		secretary chief director leader member ambassador envoy diplomat aide senator governor
		mayor general commander adviser advisor expert analyst prime premier chancellor king
		queen he she man woman mr mrs ms dr professor judge lawyer witness`)
	// words after "will" that show it is a noun ("the will of the people").
	notAfterModal = newWordSet(`of to and or the a an that which`)
	// words after "denied" that make it "refused" rather than "disputed".
	deniedThings = newWordSet(`entry access bail visa visas permission service boarding
		admission treatment care`)
	// words after "dismissed" that make it a dismissal of a claim.
	dismissedThings = newWordSet(`as claims claim reports report allegations allegation
		accusations accusation suggestions suggestion idea notion speculation speculations
		rumours rumors concerns criticism charges`)
	// words after "claimed" that make it "took" rather than "said".
	claimedThings = newWordSet(`lives life victims`)
	// verbs of showing up or taking part, which before a preposition of
	// place or company say where someone was, not what they said
	// ("appeared on a show", "spoke at a rally", "spoke with voters"): on
	// PolNeAR train 8 of 60 such cues were gold, on dev 0 of 7.
	presenceVerbs = newWordSet(`appear appears appeared appearing speak speaks spoke speaking
		spoken`)
	placePrepositions = newWordSet(`on at in with alongside`)
	// base verbs after "due to" that make it a schedule, not a cause.
	scheduledVerbs = newWordSet(`arrive begin start meet be take visit end expire return sign
		open close hold vote speak appear launch report release announce finish leave resume
		testify attend`)
	// words before "possible" that make it a manner phrase ("as soon as possible").
	notHedgePossible = newWordSet(`as if where whenever wherever everything all best`)
	// the words of speech that make what a verb of answering answers a
	// report's prompt (see answeredThing).
	answeredSpeech = newWordSet(`question questions query queries criticism criticisms charge
		charges accusation accusations allegation allegations critics claim claims`)
	// words before a bare "see" that make it an infinitive (see seenAs).
	seeBefore = newWordSet(`to can could will would may might should must cannot can't won't
		couldn't wouldn't`)
	// speech markers that may follow a "!" reporting verb.
	speechNext = newWordSet(`that , . : ; " “ ” ' ‘ ’ — – - ?`)
)
