package stats

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/stats"
)

func newFreq() *cobra.Command {
	var minCount int64
	var top int
	var asCSV, bom bool
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
	o := AddOptions(cmd)
	cmd.Flags().Int64Var(&minCount, "min-count", 1, "leave out terms seen fewer times (in the corpus, or in the group)")
	cmd.Flags().IntVar(&top, "top", 0, "keep the first N rows (per group); 0 keeps all")
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
		c, err := o.NewCounter()
		if err != nil {
			return err
		}
		c.POS = true
		g := stats.NewGroups()
		left := 0
		sum, err := Scan(cmd, args, o.In, c.Count, func(_ corpus.Document, r *Counted) error {
			if !r.Grouped {
				left++
				return nil
			}
			g.Add(r.Group, r.Terms)
			g.All.AddPOS(r.POS)
			if c.Grouper != nil {
				g.Table(r.Group).AddPOS(r.POS)
			}
			return nil
		})
		if err != nil {
			return err
		}
		ungroupedNote(cmd, o, left)
		rw, err := NewRowWriter(cmd.OutOrStdout(), asCSV, o.In.Pretty,
			[]string{"group", "term", "pos", "count", "df", "rel_freq", "per_million"}, c.Grouper != nil, bom)
		if err != nil {
			return err
		}
		write := func(group string, t *stats.Table) error {
			for _, r := range t.Freq(minCount, top) {
				r.Group = group
				if err := rw.Row(r, func() []string {
					return []string{r.Group, r.Term, r.POS, itoa(r.Count), itoa(r.DF), ftoa(r.RelFreq), ftoa(r.PerMil)}
				}); err != nil {
					return err
				}
			}
			return nil
		}
		if c.Grouper == nil {
			err = write("", g.All)
		} else {
			for _, name := range g.Names() {
				if err = write(name, g.Groups[name]); err != nil {
					break
				}
			}
		}
		return finish(cmd, o, rw, sum, err)
	}
	return cmd
}
