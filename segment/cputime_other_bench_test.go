//go:build !linux

package segment

import "time"

// threadCPU is not available on this system: benchmarks report wall time
// only.
func threadCPU() (time.Duration, bool) { return 0, false }
