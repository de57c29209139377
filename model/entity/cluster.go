package entity

// WordCluster returns the tagger's cluster of word, as written, at depth d
// of its tree of 4-way splits (a leading 1 and two bits a level), or 0 for
// a word without one. The check-worthiness trainer reads it to give its
// own words clusters; analysis never calls it.
func (t *Tagger) WordCluster(word string, d int) uint16 {
	ws, _ := t.gaz.Describe([]string{word}, nil, nil, nil)
	return ws[0].Cluster(d)
}
