package cmdutil

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/corpus"
)

// ScanSummary counts what Scan did.
type ScanSummary struct {
	Docs   int
	Failed int
	Bytes  int64
}

// Err returns the exit error for failed documents (nil when none failed).
func (s ScanSummary) Err() error {
	if s.Failed == 0 {
		return nil
	}
	return &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("%d of %d documents failed", s.Failed, s.Docs)}
}

// Scan reads the documents named by args, runs work on up to in.Jobs of
// them at once and calls consume with each result in input order: it is
// corpus.Map, with at most 4·Jobs+4 documents and
// corpus.DefaultMaxBytesInFlight bytes in flight. A document that cannot be
// read, or on which work fails, is reported on stderr and skipped; Scan
// goes on and counts it in the summary. Only consume's error stops the
// scan. Interrupted (the command's context cancelled), Scan stops reading,
// finishes the documents already read and returns an ExitInterrupted
// error.
func Scan[R any](cmd *cobra.Command, args []string, in *InputFlags, work func(corpus.Document) (R, error), consume func(corpus.Document, R) error) (ScanSummary, error) {
	return ScanIO(cmd.Context(), StreamsOf(cmd), args, in, work, consume)
}

// ScanIO is Scan on the given context and streams (standard input for
// "-", standard error for the documents that failed).
func ScanIO[R any](ctx context.Context, ios *IOStreams, args []string, in *InputFlags, work func(corpus.Document) (R, error), consume func(corpus.Document, R) error) (ScanSummary, error) {
	var sum ScanSummary
	if in.Jobs < 1 {
		return sum, UsageError("--jobs must be at least 1, got %d", in.Jobs)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	err := corpus.Map(ctx, args, in.readOptions(ios.In), corpus.MapOptions{Jobs: in.Jobs}, work, func(doc corpus.Document, r R, err error) error {
		sum.Docs++
		sum.Bytes += doc.Bytes
		if err != nil {
			sum.Failed++
			fmt.Fprintf(ios.ErrOut, "tongbao: %s: %v\n", doc.ID, err)
			return nil
		}
		return consume(doc, r)
	})
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return sum, &ExitError{Code: ExitInterrupted, Msg: fmt.Sprintf("interrupted after %d documents", sum.Docs)}
	}
	return sum, err
}
