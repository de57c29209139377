//go:build unix

package annotate_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user and system) this process has used: a
// steadier figure than wall time on a shared machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
