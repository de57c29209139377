//go:build race

package cleanup

// raceEnabled says the tests run under the race detector, which makes
// cleaning ten times slower.
const raceEnabled = true
