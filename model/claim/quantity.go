package claim

// namesSomething reports whether a bare number (no unit, no currency)
// names something rather than counting it: a code written with a leading
// zero ("0630", "0800"), one of a run of bare numbers (a phone number) or
// a label after a capitalised word ("Route 101", "Fortune 500"). A
// statistic is a quantity: a count, an amount, a percentage or a rate;
// "Patriot 13 percent" keeps its unit and stays one.
func namesSomething(text string, toks []token, i int) bool {
	return leadingZero(text, toks[i]) || inNumberRun(toks, i) || label(toks, i)
}

// leadingZero reports whether a number is written with a leading zero
// and no decimal point, as codes and 24-hour times are and counts never.
func leadingZero(text string, t token) bool {
	w := word(text, t)
	return len(w) > 1 && w[0] == '0' && w[1] != '.' && w[1] != ','
}

// inNumberRun reports whether a bare number stands next to another: the
// groups of a phone or reference number.
func inNumberRun(toks []token, i int) bool {
	return i > 0 && toks[i-1].kind == tokNum || i+1 < len(toks) && toks[i+1].kind == tokNum
}

// label reports whether the number follows a capitalised word that does
// not open the sentence: the number is then part of a name ("Room 101",
// "Boeing 737"). At the start, "Nearly 300" is a count.
func label(toks []token, i int) bool {
	if i == 0 || toks[i-1].kind != tokWord || !toks[i-1].upper {
		return false
	}
	for _, t := range toks[:i-1] {
		if t.kind != tokPunct {
			return true
		}
	}
	return false
}
