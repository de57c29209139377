package reader

import "strings"

// relocate finds in text b the offset that shows what text a showed at
// off: the nearest occurrence of the words that followed off.
func relocate(a, b string, off int) int {
	off = max(min(off, len(a)), 0)
	probe := a[off:min(off+48, len(a))]
	if probe == "" {
		return min(off, len(b))
	}
	const window = 1 << 20
	lo := max(off-window, 0)
	hi := min(off+window+len(probe), len(b))
	best := -1
	if lo < hi {
		region := b[lo:hi]
		for i := 0; ; {
			j := strings.Index(region[i:], probe)
			if j < 0 {
				break
			}
			at := lo + i + j
			if best < 0 || abs(at-off) < abs(best-off) {
				best = at
			}
			i += j + 1
		}
	}
	if best >= 0 {
		return best
	}
	return min(off, len(b))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
