package stats

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/stats"
)

// FreqOptions are the parsed flags and arguments of "tongbao stats freq".
type FreqOptions struct {
	Common
	MinCount int64
	Top      int
}

// NewCmdFreq returns the freq command. When runF is not nil it receives
// the checked options instead of the command running.
func NewCmdFreq(f *cmdutil.Factory, runF func(*FreqOptions) error) *cobra.Command {
	o := &FreqOptions{}
	cmd := &cobra.Command{
		Use:   "freq [FILE|DIR|ARCHIVE|-]...",
		Short: "Term frequency table: term, POS, count, document frequency, relative frequency",
		Long: `Count the terms of the input documents.

Each row is {"term", "pos", "count", "df", "rel_freq", "per_million"} (and
"group" when grouping): count is the number of occurrences, df the number of
documents containing the term, rel_freq the count over all counted terms of
the corpus or group. pos is the part-of-speech tag seen most often (the
mention type with --unit). Rows are sorted by count, then term.`,
		Example: `  tongbao stats freq --top 50 reports/
  tongbao stats freq --pos n --min-count 5 --csv reports/ > nouns.csv
  tongbao stats freq --unit slogan --group-by dir reports/
  tongbao stats freq --group-by meta.year:decade --text-field content national.jsonl`,
	}
	setup(f, cmd, &o.Common, "write CSV instead of JSON Lines", nil, bind(runF, o), func() error { return RunFreq(o) })
	cmd.Flags().Int64Var(&o.MinCount, "min-count", 1, "leave out terms seen fewer times (in the corpus, or in the group)")
	cmd.Flags().IntVar(&o.Top, "top", 0, "keep the first N rows (per group); 0 keeps all")
	return cmd
}

// RunFreq writes the frequency table of o.Args.
func RunFreq(o *FreqOptions) error {
	done, err := o.start()
	if err != nil {
		return err
	}
	defer done()
	c := o.Counter
	c.POS = true
	g := stats.NewGroups()
	left := 0
	sum, err := o.scan(o.Args, func(_ string, r *stats.Counted) error {
		if !r.Grouped {
			left++
			return nil
		}
		g.Add(r.Group, r.Terms)
		g.All.AddPOS(r.POS)
		if o.grouped() {
			g.Table(r.Group).AddPOS(r.POS)
		}
		return nil
	})
	if err != nil {
		return err
	}
	o.ungroupedNote(left)
	rw, err := NewRowWriter(o.IO.Out, o.CSV, o.Stats.In.Pretty,
		[]string{"group", "term", "pos", "count", "df", "rel_freq", "per_million"}, o.grouped(), o.BOM)
	if err != nil {
		return err
	}
	write := func(group string, t *stats.Table) error {
		for _, r := range t.Freq(o.MinCount, o.Top) {
			r.Group = group
			if err := rw.Row(r, func() []string {
				return []string{r.Group, r.Term, r.POS, itoa(r.Count), itoa(r.DF), ftoa(r.RelFreq), ftoa(r.PerMil)}
			}); err != nil {
				return err
			}
		}
		return nil
	}
	if !o.grouped() {
		err = write("", g.All)
	} else {
		for _, name := range g.Names() {
			if err = write(name, g.Groups[name]); err != nil {
				break
			}
		}
	}
	return o.finish(rw, sum, err)
}
