package hexname

import "testing"

func TestIs(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want bool
	}{
		{"0123456789ab", 12, true},
		{"cdef01234567", 12, true},
		{"0123456789AB", 12, false}, // upper case is not a name margin makes
		{"0123456789a", 12, false},
		{"0123456789abc", 12, false},
		{"0123456789ag", 12, false},
		{"", 0, true},
		{"ü123456789a", 12, false},
	} {
		if got := Is(c.s, c.n); got != c.want {
			t.Errorf("Is(%q, %d) = %v, want %v", c.s, c.n, got, c.want)
		}
	}
}
