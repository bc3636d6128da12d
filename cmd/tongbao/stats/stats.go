// Package stats implements "tongbao stats" and its subcommands (freq,
// tfidf, keyness, similarity, collocations). Each is built as
// NewCmdX(f, runF) with an options struct: the flags are checked into the
// options, then Run does the work. The document scanning and grouping it
// shares with "tongbao kwic" and "tongbao compare" is in cmdutil, the
// statistics in the stats package.
package stats

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/stats"
)

// New returns the stats command with its subcommands, on the command's
// streams (SetIn, SetOut, SetErr; the process's by default).
func New() *cobra.Command { return NewCmdStats(&cmdutil.Factory{}) }

// NewCmdStats returns the stats command with its subcommands.
func NewCmdStats(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stats <freq|tfidf|keyness|similarity|collocations> [flags] [FILE|DIR|ARCHIVE|-]...",
		Short: "Term statistics: frequencies, TF-IDF, keyness, similarity, collocations",
		Long: `Term statistics over the input documents.

Terms are the words of the segmented text (punctuation, numbers, the
built-in stopwords and words shorter than --min-len left out), or extracted
mentions with --unit (slogans by canonical form when known, counts by the
counted object, times by normalized value).

Documents can be grouped with --group-by SPEC (repeatable, tried in order):
meta.FIELD (a JSONL field; :decade, :century or :year buckets a year),
dir (the folder of the input file), file, home (the county the text is
about), id, or re:REGEX on the id (--group-pattern REGEX is the same).

Counts accumulate document by document: memory grows with the vocabulary
and the number of groups, not with the corpus. Output is JSON Lines (one
row per line), or CSV with --csv; ties are sorted by term.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return cmdutil.UsageError("unknown stats command %q\nRun '%s --help' for usage.", args[0], cmd.CommandPath())
			}
			return cmd.Help()
		},
	}
	cmd.AddCommand(NewCmdFreq(f, nil), NewCmdTFIDF(f, nil), NewCmdKeyness(f, nil), NewCmdSimilarity(f, nil), NewCmdCollocations(f, nil))
	return cmd
}

// Common are the options every stats subcommand has.
type Common struct {
	IO  *cmdutil.IOStreams
	Ctx context.Context
	// Stats holds the input, filter, unit and grouping flags.
	Stats *cmdutil.StatsOptions
	// Counter counts the terms of a document as those flags say.
	Counter *stats.Counter
	// CSV writes CSV instead of JSON Lines; BOM starts it with a UTF-8
	// byte-order mark.
	CSV, BOM bool
	Args     []string
}

// setup registers the shared flags on cmd (--csv with csvUsage, and --bom,
// unless csvUsage is empty) and its RunE: the flags are checked into c
// (check adds the subcommand's own checks, before the counter is built),
// then runF, when not nil, receives the options instead of run.
func setup(f *cmdutil.Factory, cmd *cobra.Command, c *Common, csvUsage string, check func(args []string) error, runF, run func() error) {
	c.Stats = cmdutil.AddStatsOptions(cmd)
	if csvUsage != "" {
		cmd.Flags().BoolVar(&c.CSV, "csv", false, csvUsage)
		cmdutil.AddBOMFlag(cmd, &c.BOM)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		c.IO = f.IOStreams
		if c.IO == nil {
			c.IO = cmdutil.StreamsOf(cmd)
		}
		if c.BOM && !c.CSV {
			return cmdutil.UsageError("--bom goes with --csv")
		}
		if err := cmdutil.CheckTableOutput(cmd.CommandPath(), c.Stats.In, args); err != nil {
			return err
		}
		if err := c.Stats.In.Check(); err != nil {
			return err
		}
		if check != nil {
			if err := check(args); err != nil {
				return err
			}
		}
		counter, err := c.Stats.NewCounter()
		if err != nil {
			return err
		}
		c.Counter, c.Ctx, c.Args = counter, cmd.Context(), args
		if runF != nil {
			return runF()
		}
		return run()
	}
}

// start points c's output at -o FILE when given and makes a signal stop
// the scan (cmdutil.TableOutput); call the function it returns when done.
func (c *Common) start() (func() error, error) {
	ctx, ios, done, err := cmdutil.TableOutput(c.Ctx, c.IO, c.Stats.In)
	if err != nil {
		return nil, err
	}
	c.Ctx, c.IO = ctx, ios
	return done, nil
}

// scan counts the terms of the documents named by inputs and calls
// consume with each document's counts, in input order.
func (c *Common) scan(inputs []string, consume func(doc string, r *stats.Counted) error) (cmdutil.ScanSummary, error) {
	return cmdutil.ScanIO(c.Ctx, c.IO, inputs, c.Stats.In, c.Counter.Count, func(doc corpus.Document, r *stats.Counted) error {
		return consume(doc.ID, r)
	})
}

// ungroupedNote says how many documents had no group.
func (c *Common) ungroupedNote(n int) {
	if n > 0 && !c.Stats.In.Quiet {
		fmt.Fprintf(c.IO.ErrOut, "tongbao: %d documents had no group and were left out\n", n)
	}
}

// summary prints the one-line account of the scan.
func (c *Common) summary(s cmdutil.ScanSummary) {
	if !c.Stats.In.Quiet && s.Docs > 1 {
		fmt.Fprintf(c.IO.ErrOut, "tongbao: %d documents, %d bytes, %d failed\n", s.Docs, s.Bytes, s.Failed)
	}
}

// finish closes the table writer and, when all went well, prints the
// summary; it returns the first error, or the summary's when documents
// failed.
func (c *Common) finish(rw *RowWriter, sum cmdutil.ScanSummary, err error) error {
	if cerr := rw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	c.summary(sum)
	return sum.Err()
}

// grouped reports whether the documents are grouped.
func (c *Common) grouped() bool { return c.Counter.Grouper != nil }

// bind returns runF applied to o (nil when runF is nil).
func bind[O any](runF func(*O) error, o *O) func() error {
	if runF == nil {
		return nil
	}
	return func() error { return runF(o) }
}
