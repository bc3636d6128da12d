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

// finish closes the table writer and, when all went well, prints the
// summary; it returns the first error, or the summary's when documents
// failed.
func finish(cmd *cobra.Command, o *Options, rw *RowWriter, sum ScanSummary, err error) error {
	if cerr := rw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	summary(cmd, o, sum)
	return sum.Err()
}
