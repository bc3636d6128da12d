// Command tongbao turns Chinese official texts into data: segmentation,
// extraction of times, counts, people, places, organizations, titles and
// slogans, term statistics and cross-county comparison.
//
// Setting TONGBAO_CPUPROFILE to a file name writes a CPU profile of the
// run there, for go tool pprof.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/cmd/tongbao/root"
)

func main() {
	stop, err := startProfile(os.Getenv("TONGBAO_CPUPROFILE"))
	if err == nil {
		err = root.New().Execute()
	}
	if perr := stop(); err == nil {
		err = perr
	}
	if err != nil && err.Error() != "" {
		fmt.Fprintln(os.Stderr, "tongbao:", err)
	}
	os.Exit(cmdutil.Code(err))
}

// startProfile starts a CPU profile into the file path (none when path is
// empty) and returns the function that ends it.
func startProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return func() error { return nil }, fmt.Errorf("TONGBAO_CPUPROFILE: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() error { return nil }, fmt.Errorf("TONGBAO_CPUPROFILE: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}
