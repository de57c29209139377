package main

import (
	"time"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/sidecar"
	"github.com/margin-reader/margin/internal/paths"
	"github.com/margin-reader/margin/internal/prune"
	"github.com/margin-reader/margin/model/cache"
)

// What margin's caches keep: an entry unused for a month is most likely
// an orphan (its sidecar or article gone, or an analysis by an older
// build, which no build reads again), and a cache only saves time, so
// losing one costs a rebuild. 512 MB holds a few analyses of the largest
// articles (a 20 MB one's is 70 MB) and the folds of thousands of
// sidecars.
const (
	cacheMaxAge   = 30 * 24 * time.Hour
	cacheMaxBytes = 512 << 20
	pruneEvery    = 24 * time.Hour
)

// pruneCaches prunes the analysis and notes caches if a day has passed
// since they were last pruned, at time now; a start on any other day
// pays one stat per cache. Failures are left unsaid: a cache that cannot
// be pruned still works.
func pruneCaches(now time.Time) {
	caches := []struct {
		dir   string
		entry func(string) bool
	}{
		{annotate.DefaultCacheDir(), sidecar.IsCacheName},
		{analysisCacheDir(), cache.IsEntryName},
	}
	for _, c := range caches {
		if c.dir != "" && prune.Due(c.dir, pruneEvery, now) {
			_, _ = prune.Dir(c.dir, prune.Policy{Entry: c.entry, MaxAge: cacheMaxAge, MaxBytes: cacheMaxBytes}, now)
		}
	}
}

// analysisCacheDir is the analysis cache's folder, "" if there is none.
func analysisCacheDir() string {
	dir, err := paths.Cache("analysis")
	if err != nil {
		return ""
	}
	return dir
}
