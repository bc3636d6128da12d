// Package rules implements "tongbao rules".
package rules

import (
	"bufio"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract"
)

// Options are the parsed flags of "tongbao rules".
type Options struct {
	IO *cmdutil.IOStreams
	// Stages keeps the rules of these stages (every stage when empty).
	Stages []string
	JSON   bool
}

// NewCmdRules returns the rules command. When runF is not nil it receives
// the checked options instead of the command running.
func NewCmdRules(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "rules [--stage STAGE] [--json]",
		Short: "List the named rules of the extractors",
		Long: `List every named rule of the extractors: its stage, name, verdict (accept,
reject or adjust) and the one-line doc that says what it decides. These are
the names "tongbao extract --explain" and "tongbao eval --errors N --explain"
print, and that spec files (extract/testdata/spec) may require to fire.

--json writes one JSON object per rule: {"stage", "name", "doc", "verdict"}.`,
		Example: `  tongbao rules
  tongbao rules --stage person
  tongbao rules --json | jq -r 'select(.verdict=="reject") | .name'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.IO == nil {
				o.IO = cmdutil.StreamsOf(cmd)
			}
			for _, s := range o.Stages {
				if !hasStage(s) {
					return cmdutil.UsageError("--stage %q: no rule of that stage (stages with rules: %s)", s, strings.Join(stages(), ", "))
				}
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringSliceVar(&o.Stages, "stage", nil, "only the rules of these stages, comma-separated")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "write JSON lines instead of a table")
	return cmd
}

// Run prints the rules.
func Run(o *Options) error {
	bw := bufio.NewWriter(o.IO.Out)
	var rules []extract.RuleInfo
	for _, r := range extract.Rules() {
		if len(o.Stages) == 0 || contains(o.Stages, r.Stage) {
			rules = append(rules, r)
		}
	}
	if o.JSON {
		for _, r := range rules {
			b, err := cmdutil.JSONRecord(r, false)
			if err != nil {
				return err
			}
			bw.Write(b)
		}
		return bw.Flush()
	}
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STAGE\tRULE\tVERDICT\tDOC")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Stage, r.Name, r.Verdict, r.Doc)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// stages returns the stages that have rules, in the order of their first
// rule by name.
func stages() []string {
	var out []string
	for _, r := range extract.Rules() {
		if !contains(out, r.Stage) {
			out = append(out, r.Stage)
		}
	}
	return out
}

func hasStage(s string) bool { return contains(stages(), s) }

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
