package stats

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/stats"
)

func newCollocations() *cobra.Command {
	var measure string
	var minCount, minWord int64
	var top int
	var asCSV, bom bool
	cmd := &cobra.Command{
		Use:   "collocations [FILE|DIR|ARCHIVE|-]...",
		Short: "Bigram collocations by PMI or G²",
		Long: `Find pairs of adjacent words that occur together more often than chance.

A pair is two consecutive words both kept by the term filter (stopwords,
--pos, --min-len); punctuation and left-out words break pairs. With N the
number of kept words, c1 and c2 the counts of the words and c12 of the pair:
pmi = log2(c12·N/(c1·c2)), and g2 the signed log-likelihood of the 2×2
table [c12, c1−c12; c2−c12, N−c1−c2+c12]. Each row is {"term1", "term2",
"count", "count1", "count2", "pmi", "g2"}, sorted by --measure. PMI favours rare
pairs: keep --min-count at a few occurrences.`,
		Example: `  tongbao stats collocations --top 30 reports/
  tongbao stats collocations --measure pmi --min-count 10 --pos n,v reports/`,
	}
	o := AddOptions(cmd)
	fs := cmd.Flags()
	fs.StringVar(&measure, "measure", "g2", "sort by g2|pmi")
	fs.Int64Var(&minCount, "min-count", 5, "minimum count of a pair")
	fs.Int64Var(&minWord, "min-word", 1, "minimum count of each word of a pair")
	fs.IntVar(&top, "top", 100, "keep the first N rows (per group); 0 keeps all")
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
		if measure != "g2" && measure != "pmi" {
			return cmdutil.UsageError("--measure %q: want g2 or pmi", measure)
		}
		if o.Unit != "word" {
			return cmdutil.UsageError("collocations count words: --unit must be word")
		}
		c, err := o.NewCounter()
		if err != nil {
			return err
		}
		c.KeepTokens = true
		type bg struct {
			group string
			ok    bool
			b     *stats.Bigrams
		}
		work := func(doc corpus.Document) (bg, error) {
			r, err := c.Count(doc)
			if err != nil || !r.Grouped {
				return bg{ok: false}, err
			}
			b := stats.NewBigrams()
			b.Add(r.Tokens, c.Filter)
			return bg{group: r.Group, ok: true, b: b}, nil
		}
		groups := map[string]*stats.Bigrams{}
		left := 0
		sum, err := Scan(cmd, args, o.In, work, func(_ corpus.Document, r bg) error {
			if !r.ok {
				left++
				return nil
			}
			if g := groups[r.group]; g != nil {
				g.Merge(r.b)
			} else {
				groups[r.group] = r.b
			}
			return nil
		})
		if err != nil {
			return err
		}
		ungroupedNote(cmd, o, left)
		rw, err := NewRowWriter(cmd.OutOrStdout(), asCSV, o.In.Pretty, []string{"group", "term1", "term2", "count", "count1", "count2", "pmi", "g2"}, c.Grouper != nil, bom)
		if err != nil {
			return err
		}
		type row struct {
			Group string `json:"group,omitempty"`
			stats.Collocation
		}
		for _, name := range sortedKeys(groups) {
			for _, r := range groups[name].Collocations(measure, minCount, minWord, top) {
				x := row{name, r}
				if err = rw.Row(x, func() []string {
					return []string{x.Group, x.W1, x.W2, itoa(x.Count), itoa(x.Count1), itoa(x.Count2), ftoa(x.PMI), ftoa(x.G2)}
				}); err != nil {
					break
				}
			}
		}
		return finish(cmd, o, rw, sum, err)
	}
	return cmd
}
