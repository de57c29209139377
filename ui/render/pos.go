package render

// Pos is a line of the layout: a unit and a line within it. A reading
// position kept this way stays valid while only the units on screen are
// ever wrapped.
type Pos struct {
	Unit, Line int
}

// Less reports whether p comes before q.
func (p Pos) Less(q Pos) bool {
	return p.Unit < q.Unit || p.Unit == q.Unit && p.Line < q.Line
}

// Down returns the position n lines below p at width w, stopping at the
// last line, and how many lines it moved.
func (l *Layout) Down(p Pos, n, w int) (Pos, int) {
	moved := 0
	for moved < n {
		lines := l.Lines(p.Unit, w)
		if p.Line+1 < len(lines) {
			step := min(n-moved, len(lines)-1-p.Line)
			p.Line += step
			moved += step
			continue
		}
		if p.Unit+1 >= len(l.units) {
			break
		}
		p = Pos{Unit: p.Unit + 1}
		moved++
	}
	return p, moved
}

// Up returns the position n lines above p at width w, stopping at the
// first line, and how many lines it moved.
func (l *Layout) Up(p Pos, n, w int) (Pos, int) {
	moved := 0
	for moved < n {
		if p.Line > 0 {
			step := min(n-moved, p.Line)
			p.Line -= step
			moved += step
			continue
		}
		if p.Unit == 0 {
			break
		}
		p.Unit--
		p.Line = len(l.Lines(p.Unit, w)) - 1
		moved++
	}
	return p, moved
}

// Last returns the position of the document's last line at width w.
func (l *Layout) Last(w int) Pos {
	u := len(l.units) - 1
	return Pos{Unit: u, Line: len(l.Lines(u, w)) - 1}
}

// Line returns the line at p; p must be valid for width w.
func (l *Layout) Line(p Pos, w int) Line {
	return l.Lines(p.Unit, w)[p.Line]
}

// Clamp returns p moved onto a line that exists at width w, as after a
// resize has changed how many lines its unit has.
func (l *Layout) Clamp(p Pos, w int) Pos {
	p.Unit = max(0, min(p.Unit, len(l.units)-1))
	p.Line = max(0, min(p.Line, len(l.Lines(p.Unit, w))-1))
	return p
}

// Offset returns the text offset a position stands for: where its line's
// text starts.
func (l *Layout) Offset(p Pos, w int) int {
	return l.Line(p, w).Start
}

// PosOf returns the position of the line that shows byte off at width w:
// the last line of its unit whose text starts at or before off.
func (l *Layout) PosOf(off, w int) Pos {
	u := l.Unit(off)
	best := -1
	for i, ln := range l.Lines(u, w) {
		if ln.End <= ln.Start {
			continue
		}
		if ln.Start > off && best >= 0 {
			break
		}
		best = i
		if ln.Start > off {
			break
		}
	}
	return Pos{Unit: u, Line: max(best, 0)}
}
