// Package root assembles the tongbao command tree.
package root

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	comparecmd "github.com/tongbao/tongbao/cmd/tongbao/compare"
	dtmcmd "github.com/tongbao/tongbao/cmd/tongbao/dtm"
	evalcmd "github.com/tongbao/tongbao/cmd/tongbao/eval"
	extractcmd "github.com/tongbao/tongbao/cmd/tongbao/extract"
	indicatorscmd "github.com/tongbao/tongbao/cmd/tongbao/indicators"
	kwiccmd "github.com/tongbao/tongbao/cmd/tongbao/kwic"
	measurecmd "github.com/tongbao/tongbao/cmd/tongbao/measure"
	rulescmd "github.com/tongbao/tongbao/cmd/tongbao/rules"
	segmentcmd "github.com/tongbao/tongbao/cmd/tongbao/segment"
	statscmd "github.com/tongbao/tongbao/cmd/tongbao/stats"
	"github.com/tongbao/tongbao/cmd/tongbao/version"
)

// New returns the root command with every subcommand attached, on the
// process's streams.
func New() *cobra.Command { return NewCmdRoot(cmdutil.NewFactory()) }

// NewCmdRoot returns the root command with every subcommand attached, built
// from f.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tongbao <command> [flags] [FILE|DIR|ARCHIVE|-]...",
		Short: "Turn Chinese official texts into data",
		Long: `tongbao (通报) turns Chinese official texts — county news, People's Congress
bulletins, work reports — into data: segmented words, and times, counts,
people, places, organizations, titles and slogans with character offsets.

Every command reads files, directories, globs, zip/tar archives, JSON Lines
or standard input (UTF-8, GBK/GB18030, Big5, UTF-16) and writes one JSON
object per document, in input order.`,
		Example: `  cat bulletin.txt | tongbao segment
  tongbao segment --format jsonl testdata/
  tongbao extract --types time,count report.txt | jq '.mentions[]'
  tongbao extract --jobs 2 archive.zip > out.jsonl`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.String(),
	}
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return cmdutil.UsageError("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	cmd.AddCommand(
		version.NewCmdVersion(f, nil),
		segmentcmd.NewCmdSegment(f, nil),
		extractcmd.NewCmdExtract(f, nil),
		evalcmd.NewCmdEval(f, nil),
		rulescmd.NewCmdRules(f, nil),
		statscmd.NewCmdStats(f),
		kwiccmd.NewCmdKWIC(f, nil),
		comparecmd.NewCmdCompare(f, nil),
		measurecmd.NewCmdMeasure(f, nil),
		indicatorscmd.NewCmdIndicators(f, nil),
		dtmcmd.NewCmdDTM(f, nil),
	)
	return cmd
}
