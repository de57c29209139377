package ner

// NewsLower reports whether news writes the word in lower case at least
// nine times in ten in mid-sentence (its casing bucket): a common word,
// when it stands capitalised where every word is.
func (w *Word) NewsLower() bool { return w.casing >= caseLowered }

// NewsUnseen reports whether news writes the word in mid-sentence too
// seldom for its casing to say anything.
func (w *Word) NewsUnseen() bool { return w.casing == caseNone }

// IsFirst reports whether the word starts its sentence.
func (w *Word) IsFirst() bool { return w.flags&fFirst != 0 }

// Unlisted reports whether no list knows the word and the document never
// writes it capitalised in mid-sentence: nothing but its place says it is a
// name.
func (w *Word) Unlisted() bool { return !w.Listed() && w.prof.cased&1 == 0 }

// Listed reports whether a list knows the word: the gazetteers, WordNet's
// names or the hint lists.
func (w *Word) Listed() bool { return w.lmask != 0 || w.emask != 0 || w.hmask != 0 }

// Clustered reports whether the word s, as written, has a word cluster: it
// is seen at least a few times in the clusters' texts (news, debates,
// CoNLL's training words, WordNet's glosses).
func (g *Gazetteer) Clustered(s string) bool {
	var w Word
	describeShape(s, &w)
	return g.clusters.Code(w.word) != 0
}

// The lists a word can be marked in, as Matched reads them.
const (
	MarkOrg           = GazOrg
	MarkPlace         = GazPlace
	MarkCity          = nGaz + HintCity
	MarkInstitution   = nGaz + HintInstitution
	MarkWordNetPerson = nGaz + HintPerson
	MarkWordNetPlace  = nGaz + HintPlace
	MarkWordNetOrg    = nGaz + HintOrg
)

// Matched reports whether the words ws[a:b] are one whole match of the
// list with mark m: its longest match that starts at word a ends at b.
func Matched(ws []Word, a, b, m int) bool {
	if ws[a].gaz[m] != 1 {
		return false
	}
	for j := a + 1; j < b; j++ {
		if ws[j].gaz[m] != 2 {
			return false
		}
	}
	return b == len(ws) || ws[b].gaz[m] != 2
}

// HintMask is the hint mask of the word alone.
func (w *Word) HintMask() uint8 { return w.hmask }
