package claim

import "testing"

// TestOnlyQuantitiesAreStatistics checks that a number makes a sentence
// statistical only when it counts or measures. The sentences are written
// for this test, not taken from the samples.
func TestOnlyQuantitiesAreStatistics(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name string
		text string
		want bool // the sentence is statistical
	}{
		{"a clock-time range is no statistic", "The phone line is staffed weekdays from 7:30 a.m. to 8:00 p.m. for callers.", false},
		{"a 24-hour time with a leading zero is no statistic", "The first tram leaves the depot at 0545 every morning.", false},
		{"a time in hours GMT is no statistic", "The polls close at 2100 GMT in the capital.", false},
		{"a date is no statistic", "The bridge closed on 14 February 2011 and reopened later.", false},
		{"a phone number is no statistic", "Readers can call the desk on 0161 496 0321 with tips.", false},
		{"a numbered road is no statistic", "Lorries were diverted along Highway 417 overnight.", false},
		{"a numbered rule is no statistic", "The case turned on Clause 118 of the contract.", false},
		{"a count of people is a statistic", "Roughly 340 volunteers cleared the beach on Saturday.", true},
		{"a count opening the sentence is a statistic", "Nearly 900 homes lost power in the storm.", true},
		{"a percentage is a statistic", "Turnout fell to 38 percent in the by-election.", true},
		{"an amount of money is a statistic", "The repairs cost the parish £2,400 last year.", true},
		{"a decimal below one is a statistic", "The index fell 0.7 percent in the quarter.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := d.Analyze(tt.text, lines(tt.text), nil)
			got := false
			for _, c := range res.Claims {
				got = got || c.Kinds.Has(Statistical)
			}
			if got != tt.want {
				t.Errorf("statistical = %v, want %v (claims %+v)", got, tt.want, res.Claims)
			}
		})
	}
}
