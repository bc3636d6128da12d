package stats

import (
	"fmt"

	"github.com/spf13/cobra"
)

func ungroupedNote(cmd *cobra.Command, o *Options, n int) {
	if n > 0 && !o.In.Quiet {
		fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %d documents had no group and were left out\n", n)
	}
}

func summary(cmd *cobra.Command, o *Options, s ScanSummary) {
	if !o.In.Quiet && s.Docs > 1 {
		fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %d documents, %d bytes, %d failed\n", s.Docs, s.Bytes, s.Failed)
	}
}
