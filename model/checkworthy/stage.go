package checkworthy

// maxStageWords bounds the words (runs between spaces) of one bracketed
// group of a stage direction. The 900 lines of CLEF 2019's training transcripts whose
// letters are all in brackets ("(APPLAUSE)", "(CROSSTALK)", "(COMMERCIAL
// BREAK)", "(inaudible)") hold one or two words a group, none of them
// marked; PolNeAR's bracketed credits and cues ("[Reuters]", "(BEGIN VIDEO
// CLIP.)") hold up to three. A longer bracketed sentence may be a writer's
// aside that makes a claim ("(The bill passed in 2010.)"), so it is scored.
const maxStageWords = 3

// StageDirection reports whether every letter and digit of sentence is
// inside brackets of at most maxStageWords words each: a transcript's
// note of what happened rather than what was said, or a credit. It holds
// no claim, so it scores 0 (Score) and leaves its speaker's lean alone
// (Speakers.Move). Scored by their words, the CLEF debates' notes had
// ranked among the middle of their lines, above some marked sentences.
func StageDirection(sentence string) bool {
	depth, groups, words := 0, 0, 0
	inWord := false
	for i := 0; i < len(sentence); i++ {
		c := sentence[i]
		switch {
		case c == '(' || c == '[':
			if depth > 0 {
				return false
			}
			depth, words, inWord = 1, 0, false
			groups++
		case c == ')' || c == ']':
			if depth == 0 {
				return false
			}
			depth = 0
		case isLetter(c) || isDigit(c):
			if depth == 0 {
				// A letter outside brackets (or any non-ASCII byte, which
				// may be one) is speech.
				return false
			}
			if !inWord {
				words++
				if words > maxStageWords {
					return false
				}
			}
			inWord = true
		case c == ' ' || c == '\t' || c == '\n':
			inWord = false
		}
	}
	return groups > 0 && depth == 0
}
