package stats

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/stats"
)

// KeynessOptions are the parsed flags and arguments of "tongbao stats
// keyness".
type KeynessOptions struct {
	Common
	// Target and Reference are group names with grouping, else inputs
	// (Reference nil: the rest, or Args without grouping).
	Target, Reference []string
	Keyness           stats.KeynessOptions
}

// NewCmdKeyness returns the keyness command. When runF is not nil it
// receives the checked options instead of the command running.
func NewCmdKeyness(f *cmdutil.Factory, runF func(*KeynessOptions) error) *cobra.Command {
	o := &KeynessOptions{}
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
	check := func(args []string) error {
		if err := o.Keyness.Check(); err != nil {
			return cmdutil.UsageError("%v", err)
		}
		if g, err := o.Stats.Grouper(); err != nil {
			return err
		} else if g == nil && len(o.Target) == 0 {
			return cmdutil.UsageError("give --target (and --reference, or the reference as inputs), or group documents with --group-by")
		} else if g == nil && len(o.Reference) == 0 && len(args) == 0 {
			return cmdutil.UsageError("no reference: give --reference or inputs")
		}
		return nil
	}
	setup(f, cmd, &o.Common, "write CSV instead of JSON Lines", check, bind(runF, o), func() error { return RunKeyness(o) })
	fs := cmd.Flags()
	fs.StringSliceVar(&o.Target, "target", nil, "target: group names with grouping, else inputs")
	fs.StringSliceVar(&o.Reference, "reference", nil, "reference: group names with grouping, else inputs (default: the rest)")
	fs.StringVar(&o.Keyness.Measure, "measure", "g2", "sort by g2|chi2|log_ratio")
	fs.StringVar(&o.Keyness.G2Correction, "correction", "williams", "G² correction: williams|yates|none")
	fs.Int64Var(&o.Keyness.MinCount, "min-count", 3, "leave out terms seen fewer times in target and reference together")
	fs.IntVar(&o.Keyness.Top, "top", 0, "keep the first N rows (per group); 0 keeps all")
	return cmd
}

// noTerms is the error of a target or reference without terms.
var noTerms = &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "keyness: the target or the reference has no terms"}

// RunKeyness writes the key terms the options ask for.
func RunKeyness(o *KeynessOptions) error {
	done, err := o.start()
	if err != nil {
		return err
	}
	defer done()
	ko := o.Keyness
	var rows []stats.KeynessRow
	var sum cmdutil.ScanSummary
	if !o.grouped() {
		ref := o.Reference
		if len(ref) == 0 {
			ref = o.Args
		}
		tt, s1, err := o.table(o.Target)
		if err != nil {
			return err
		}
		rt, s2, err := o.table(ref)
		if err != nil {
			return err
		}
		sum = cmdutil.ScanSummary{Docs: s1.Docs + s2.Docs, Failed: s1.Failed + s2.Failed, Bytes: s1.Bytes + s2.Bytes}
		if tt.Tokens == 0 || rt.Tokens == 0 {
			return noTerms
		}
		if rows, err = stats.Keyness(tt, rt, ko); err != nil {
			return err
		}
	} else {
		g := stats.NewGroups()
		left := 0
		sum, err = o.scan(o.Args, func(_ string, r *stats.Counted) error {
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
		o.ungroupedNote(left)
		if len(o.Target) > 0 {
			tt, err := g.Pick(o.Target...)
			if err != nil {
				return cmdutil.UsageError("%v", err)
			}
			var rt *stats.Table
			if len(o.Reference) > 0 {
				if rt, err = g.Pick(o.Reference...); err != nil {
					return cmdutil.UsageError("%v", err)
				}
			} else {
				rt = g.Rest(o.Target...)
			}
			if tt.Tokens == 0 || rt.Tokens == 0 {
				return noTerms
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
	if err := o.write(rows); err != nil {
		return err
	}
	o.summary(sum)
	return sum.Err()
}

// table counts the terms of the documents named by inputs.
func (o *KeynessOptions) table(inputs []string) (*stats.Table, cmdutil.ScanSummary, error) {
	t := stats.NewTable()
	sum, err := o.scan(inputs, func(_ string, r *stats.Counted) error {
		t.Add(r.Terms)
		return nil
	})
	return t, sum, err
}

func (o *KeynessOptions) write(rows []stats.KeynessRow) error {
	rw, err := NewRowWriter(o.IO.Out, o.CSV, o.Stats.In.Pretty,
		[]string{"group", "term", "n_target", "n_reference", "total_target", "total_reference", "g2", "chi2", "p", "log_ratio"}, o.grouped() && len(o.Target) == 0, o.BOM)
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
