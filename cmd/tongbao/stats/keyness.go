package stats

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/stats"
)

func newKeyness() *cobra.Command {
	var target, reference []string
	var ko stats.KeynessOptions
	var asCSV, bom bool
	cmd := &cobra.Command{
		Use:   "keyness (--target SPEC [--reference SPEC] | --group-by SPEC) [FILE|DIR|ARCHIVE|-]...",
		Short: "Key terms of a target against a reference: G², chi², log ratio",
		Long: `Compare the term counts of a target with a reference and rank the terms
by how much more (or less) often they occur in the target.

With grouping (--group-by/--group-pattern), --target and --reference name
groups (comma-separated); the reference defaults to every other document;
without --target each group is compared with the rest and rows carry
"group". Without grouping, --target and --reference are inputs (files,
directories, archives); the positional inputs are the reference when
--reference is not given.

Each row is {"term", "n_target", "n_reference", "total_target",
"total_reference", "g2", "chi2", "p", "log_ratio"}; the scores are negative
when the term is under-represented in the target. The figures follow
quanteda's textstat_keyness on the same counts: chi2 with its default Yates
correction (applied when the smallest expected cell is below 5), g2 with
Williams' correction (quanteda's correction = "williams"; --correction yates
gives quanteda's default for G², none the plain statistic), p from the
chi-square distribution with 1 degree of freedom for the --measure, and
log_ratio = log2 of the ratio of relative frequencies (zero counts as 0.5).
Rows are sorted by --measure, highest first.`,
		Example: `  tongbao stats keyness --target county-a/ --reference county-b/ --top 30
  tongbao stats keyness --group-by dir --top 20 gov-reports/
  tongbao stats keyness --group-by meta.year:decade --target 2010s --text-field content national.jsonl`,
	}
	o := AddOptions(cmd)
	fs := cmd.Flags()
	fs.StringSliceVar(&target, "target", nil, "target: group names with grouping, else inputs")
	fs.StringSliceVar(&reference, "reference", nil, "reference: group names with grouping, else inputs (default: the rest)")
	fs.StringVar(&ko.Measure, "measure", "g2", "sort by g2|chi2|log_ratio")
	fs.StringVar(&ko.G2Correction, "correction", "williams", "G² correction: williams|yates|none")
	fs.Int64Var(&ko.MinCount, "min-count", 3, "leave out terms seen fewer times in target and reference together")
	fs.IntVar(&ko.Top, "top", 0, "keep the first N rows (per group); 0 keeps all")
	addCSVFlags(cmd, &asCSV, &bom, "write CSV instead of JSON Lines")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := checkBOM(asCSV, bom); err != nil {
			return err
		}
		closeOut, err := RedirectOutput(cmd, o.In)
		if err != nil {
			return err
		}
		defer closeOut()
		if err := ko.Check(); err != nil {
			return cmdutil.UsageError("%v", err)
		}
		if g, err := o.Grouper(); err != nil {
			return err
		} else if g == nil && len(target) == 0 {
			return cmdutil.UsageError("give --target (and --reference, or the reference as inputs), or group documents with --group-by")
		} else if g == nil && len(reference) == 0 && len(args) == 0 {
			return cmdutil.UsageError("no reference: give --reference or inputs")
		}
		c, err := o.NewCounter()
		if err != nil {
			return err
		}
		var rows []stats.KeynessRow
		var sum ScanSummary
		if c.Grouper == nil {
			if len(target) == 0 {
				return cmdutil.UsageError("give --target (and --reference, or the reference as inputs), or group documents with --group-by")
			}
			ref := reference
			if len(ref) == 0 {
				ref = args
			}
			if len(ref) == 0 {
				return cmdutil.UsageError("no reference: give --reference or inputs")
			}
			tt, s1, err := scanTable(cmd, o, c, target)
			if err != nil {
				return err
			}
			rt, s2, err := scanTable(cmd, o, c, ref)
			if err != nil {
				return err
			}
			sum = ScanSummary{Docs: s1.Docs + s2.Docs, Failed: s1.Failed + s2.Failed, Bytes: s1.Bytes + s2.Bytes}
			if tt.Tokens == 0 || rt.Tokens == 0 {
				return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "keyness: the target or the reference has no terms"}
			}
			if rows, err = stats.Keyness(tt, rt, ko); err != nil {
				return err
			}
		} else {
			g := stats.NewGroups()
			left := 0
			sum, err = Scan(cmd, args, o.In, c.Count, func(_ corpus.Document, r *Counted) error {
				if !r.Grouped {
					left++
				} else {
					g.Add(r.Group, r.Terms)
				}
				return nil
			})
			if err != nil {
				return err
			}
			ungroupedNote(cmd, o, left)
			if len(target) > 0 {
				tt, err := pickGroups(g, target)
				if err != nil {
					return err
				}
				var rt *stats.Table
				if len(reference) > 0 {
					if rt, err = pickGroups(g, reference); err != nil {
						return err
					}
				} else {
					rt = g.All
					for _, name := range target {
						rt = restOf(rt, g.Groups[name])
					}
				}
				if tt.Tokens == 0 || rt.Tokens == 0 {
					return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "keyness: the target or the reference has no terms"}
				}
				if rows, err = stats.Keyness(tt, rt, ko); err != nil {
					return err
				}
			} else {
				if len(g.Groups) < 2 {
					return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "keyness: need at least two groups to compare each with the rest"}
				}
				for _, name := range g.Names() {
					gr, err := stats.Keyness(g.Groups[name], g.Rest(name), ko)
					if err != nil {
						return err
					}
					for i := range gr {
						gr[i].Group = name
					}
					rows = append(rows, gr...)
				}
			}
		}
		if err := writeKeyness(cmd, rows, asCSV, bom, o.In.Pretty, c.Grouper != nil && len(target) == 0); err != nil {
			return err
		}
		summary(cmd, o, sum)
		return sum.Err()
	}
	return cmd
}

// scanTable counts the terms of the documents named by inputs.
func scanTable(cmd *cobra.Command, o *Options, c *Counter, inputs []string) (*stats.Table, ScanSummary, error) {
	t := stats.NewTable()
	sum, err := Scan(cmd, inputs, o.In, c.Count, func(_ corpus.Document, r *Counted) error {
		t.Add(r.Terms)
		return nil
	})
	return t, sum, err
}

func pickGroups(g *stats.Groups, names []string) (*stats.Table, error) {
	t := stats.NewTable()
	for _, n := range names {
		gt, ok := g.Groups[n]
		if !ok {
			return nil, cmdutil.UsageError("no group %q (groups: %s)", n, strings.Join(g.Names(), ", "))
		}
		t.Merge(gt)
	}
	return t, nil
}

func restOf(all, t *stats.Table) *stats.Table {
	tmp := &stats.Groups{All: all, Groups: map[string]*stats.Table{"x": t}}
	return tmp.Rest("x")
}

func writeKeyness(cmd *cobra.Command, rows []stats.KeynessRow, asCSV, bom, pretty, grouped bool) error {
	rw, err := NewRowWriter(cmd.OutOrStdout(), asCSV, pretty,
		[]string{"group", "term", "n_target", "n_reference", "total_target", "total_reference", "g2", "chi2", "p", "log_ratio"}, grouped, bom)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := rw.Row(r, func() []string {
			return []string{r.Group, r.Term, itoa(r.NTarget), itoa(r.NReference), itoa(r.TotalTarget), itoa(r.TotalReference),
				ftoa(r.G2), ftoa(r.Chi2), ftoa(r.P), ftoa(r.LogRatio)}
		}); err != nil {
			return err
		}
	}
	return rw.Close()
}
