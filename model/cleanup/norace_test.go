//go:build !race

package cleanup

const raceEnabled = false
