// Package stats implements "tongbao stats" and its subcommands (freq,
// tfidf, keyness, similarity, collocations). The document scanning and
// grouping it shares with "tongbao kwic" and "tongbao compare" is in cmdutil.
package stats

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/stats"
)

// Units are the kinds of term a statistics command can count.
var Units = stats.Units

// Options are the flags shared by the statistics commands (see
// cmdutil.StatsOptions).
type Options = cmdutil.StatsOptions

// AddOptions registers the input, filter, unit and grouping flags on cmd.
func AddOptions(cmd *cobra.Command) *Options { return cmdutil.AddStatsOptions(cmd) }

// AddGroupFlags registers --group-by, --group-pattern and --group-bucket.
func AddGroupFlags(cmd *cobra.Command, o *Options) { cmdutil.AddGroupFlags(cmd, o) }

// AddTableInputFlags: see cmdutil.AddTableInputFlags.
func AddTableInputFlags(cmd *cobra.Command) *cmdutil.InputFlags {
	return cmdutil.AddTableInputFlags(cmd)
}

// RedirectOutput: see cmdutil.RedirectOutput.
func RedirectOutput(cmd *cobra.Command, in *cmdutil.InputFlags) (func() error, error) {
	return cmdutil.RedirectOutput(cmd, in)
}

// Counted is what a Counter makes of one document (see stats.Counted).
type Counted = stats.Counted

// Counter is the per-document work of a statistics command (see
// stats.Counter).
type Counter = stats.Counter

// ScanSummary counts what Scan did.
type ScanSummary = cmdutil.ScanSummary

// Scan: see cmdutil.Scan.
func Scan[R any](cmd *cobra.Command, args []string, in *cmdutil.InputFlags, work func(corpus.Document) (R, error), consume func(corpus.Document, R) error) (ScanSummary, error) {
	return cmdutil.Scan(cmd, args, in, work, consume)
}
