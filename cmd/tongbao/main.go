// Command tongbao turns Chinese official texts into data: segmentation,
// extraction of times, counts, people, places, organizations, titles and
// slogans, term statistics and cross-county comparison.
package main

import (
	"fmt"
	"os"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/cmd/tongbao/root"
)

func main() {
	cmd := root.New()
	err := cmd.Execute()
	if err != nil && err.Error() != "" {
		fmt.Fprintln(os.Stderr, "tongbao:", err)
	}
	os.Exit(cmdutil.Code(err))
}
