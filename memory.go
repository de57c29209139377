package main

import (
	"runtime/debug"
	"runtime/metrics"
)

// The soft memory limit while an article is read and analysed: a base for
// the program itself and 3.5 bytes a byte of the article's text. An
// analysed article keeps about 3.2 bytes a byte (bench/table.py's 20 MB
// of text: 20 MB of text, 23 of claims, 9 of entities, 5 of blocks, 4.5
// of sentences); the peak resident memory is about the limit and the
// executable's own pages (15 MB). The live heap peaks as the last claims
// are found, when the entity tagger (4 MB) is already garbage
// (model.AnalyzeOnce), so the base is 12 MB, was 16 with the tagger held
// to the end: the same room above the live heap, and on the 20 MB text
// a peak RSS of 95-97 MB against 99-102 (bench/table.py --memory). The
// limit was 32 MB and 4 bytes a byte, peak 126-128 MB. At 3 bytes a byte
// the collector ran back to back at the end of the analysis (10.9-11.1 s
// of CPU until analysed against 7.6-7.9 at 3.5), and at 12 MB and 3.25
// it collects every 20-40 ms there for a peak only 1-2 MB lower.
const (
	memoryBase          = 12 << 20
	memoryPerByteTimes2 = 7
	// idleMemoryRoom is what an idle reader may allocate before it
	// collects: it allocates about 8 KB a second (bench/table.py's 20 MB,
	// measured), so it collects every few minutes at most.
	idleMemoryRoom = 8 << 20
	// analysisFloor is the least limit of an analysis: below about 3 MB of
	// text the base and 3.5 bytes a byte are barely more than the models
	// and the runtime hold, and the collector ran back to back (8 to 25
	// collections for 100 KB).
	analysisFloor = 24 << 20
)

// memoryLimit is the soft memory limit for reading and analysing a text
// of size bytes.
func memoryLimit(size int) int64 {
	return memoryBase + int64(size)*memoryPerByteTimes2/2
}

// analysisLimit is the soft memory limit for analysing a text of size
// bytes: memoryLimit, but never below analysisFloor.
func analysisLimit(size int) int64 {
	return max(memoryLimit(size), analysisFloor)
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
