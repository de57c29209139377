package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"

	"github.com/margin-reader/margin/model/weblink"
)

// The soft memory limit while an article is read and analysed: a base for
// the program itself and 3.25 bytes a byte of the article's text. The live
// heap peaks as the last claims are found, when the entity tagger's work
// is already garbage (model.AnalyzeOnce): about 3 MB and 3 bytes a byte
// (the reader's highest live heap on bench/table.py's 5 and 20 MB texts,
// 18 and 63 MB, GODEBUG=gctrace=1), beside about 5.5 MB the runtime keeps
// for itself (its metadata 3 MB, the unused parts of its spans 1.5, stacks
// 1). That leaves the collector 3.5 MB and a quarter of a byte a byte. The
// limit was 3.5 bytes a byte while the analysis kept 3.2 (peak RSS on the
// 20 MB text 95 MB, now 90; CPU until analysed the same), and before that
// 16 MB and 3.5, 32 MB and 4 (126-128 MB). The base cannot go much lower:
// beside the runtime's 5.5 MB, a small article's analysis holds the claim
// detector's lexicon and weights on the heap (1.6 MB live once loaded; the
// tagger's tables are read in place, off it) and the garbage of start-up.
const (
	memoryBase          = 12 << 20
	memoryPerByteTimes4 = 13
	// idleMemoryRoom is what an idle reader may allocate before it
	// collects: it allocates about 8 KB a second (bench/table.py's 20 MB,
	// measured), so it collects every few minutes at most.
	idleMemoryRoom = 8 << 20
	// analysisFloor is the least limit of an analysis, which the base and
	// 3.25 bytes a byte reach at about 3.7 MB of text: with the floor at
	// 0 a 100 KB text collected 3 times and a one-line file once, at 24
	// MB neither collects (GODEBUG=gctrace=1). It was set when the
	// tagger's tables were on the heap, and the collector ran back to back
	// without it (8 to 25 collections for 100 KB).
	analysisFloor = 24 << 20
	// analysisGCPercent is the collector's pace under an analysis's
	// limit: at the default, 100, it collected three times in 100 KB's
	// analysis (once in a one-line file's, during the start-up), and the
	// CPU time of `margin analyze --json --verbatim` was 29.7 and 34.6 ms
	// against 24.7 and 26.8 at 400 (10.7 and 10.4 ms against 8.6 and 10.0
	// for the one line; perf stat -r 20 -e task-clock, twice, alternated),
	// peak RSS 27.2 MB against 27.9. Past a few MB of text the limit, not
	// the pace, sets when it collects.
	analysisGCPercent = 400
)

// memoryLimit is the soft memory limit for reading and analysing a text
// of size bytes.
func memoryLimit(size int) int64 {
	return memoryBase + int64(size)*memoryPerByteTimes4/4
}

// analysisLimit is the soft memory limit for analysing a text of size
// bytes: memoryLimit, but never below analysisFloor.
func analysisLimit(size int) int64 {
	return max(memoryLimit(size), analysisFloor)
}

// loadLimit is the soft memory limit while file is read: that of
// analysing a text of the file's size (a saved page's text is smaller), or
// none when its size is not known beforehand (standard input, an address).
func loadLimit(file string) int64 {
	if file == "-" || weblink.IsWeb(file) {
		return math.MaxInt64
	}
	st, err := os.Stat(file)
	if err != nil || !st.Mode().IsRegular() {
		return math.MaxInt64
	}
	return analysisLimit(int(min(st.Size(), math.MaxInt32)))
}

// memoryForLoading sets the soft memory limit and the collector's pace
// while file is read: an analysis's pace under loadLimit when the file's
// size is known, and the runtime's default pace when there is no limit
// (standard input, an address), so that a text of unknown size cannot grow
// the heap to five times what it keeps.
func memoryForLoading(file string) {
	limit := loadLimit(file)
	debug.SetMemoryLimit(limit)
	if limit == math.MaxInt64 {
		debug.SetGCPercent(100)
		return
	}
	debug.SetGCPercent(analysisGCPercent)
}

// memoryForAnalysis sets the soft memory limit and the collector's pace
// for analysing a text of size bytes.
func memoryForAnalysis(size int) {
	debug.SetMemoryLimit(analysisLimit(size))
	debug.SetGCPercent(analysisGCPercent)
}

// memoryWhileIdle is what the reader does with its memory when it goes
// idle: the analysis is done, so the garbage it left is collected and its
// pages go back to the system at once, and the limit rises, if it must,
// to leave room above what the reader keeps, so an article that keeps
// more than the limit foresaw is never collected back to back.
func memoryWhileIdle(idle bool) {
	if !idle {
		return
	}
	debug.FreeOSMemory()
	if need := goMemory() + idleMemoryRoom; need > debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(need)
	}
}

// goMemory is the memory the soft limit counts: all the Go runtime has
// mapped, less what it has returned to the system.
func goMemory() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}
