package stats

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/stats"
)

// CollocationsOptions are the parsed flags and arguments of "tongbao stats
// collocations".
type CollocationsOptions struct {
	Common
	// Measure is g2 or pmi.
	Measure           string
	MinCount, MinWord int64
	Top               int
}

// NewCmdCollocations returns the collocations command. When runF is not
// nil it receives the checked options instead of the command running.
func NewCmdCollocations(f *cmdutil.Factory, runF func(*CollocationsOptions) error) *cobra.Command {
	o := &CollocationsOptions{}
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
	check := func([]string) error {
		if o.Measure != "g2" && o.Measure != "pmi" {
			return cmdutil.UsageError("--measure %q: want g2 or pmi", o.Measure)
		}
		if o.Stats.Unit != "word" {
			return cmdutil.UsageError("collocations count words: --unit must be word")
		}
		return nil
	}
	setup(f, cmd, &o.Common, "write CSV instead of JSON Lines", check, bind(runF, o), func() error { return RunCollocations(o) })
	fs := cmd.Flags()
	fs.StringVar(&o.Measure, "measure", "g2", "sort by g2|pmi")
	fs.Int64Var(&o.MinCount, "min-count", 5, "minimum count of a pair")
	fs.Int64Var(&o.MinWord, "min-word", 1, "minimum count of each word of a pair")
	fs.IntVar(&o.Top, "top", 100, "keep the first N rows (per group); 0 keeps all")
	return cmd
}

// RunCollocations writes the collocations of o.Args.
func RunCollocations(o *CollocationsOptions) error {
	done, err := o.start()
	if err != nil {
		return err
	}
	defer done()
	c := o.Counter
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
	sum, err := cmdutil.ScanIO(o.Ctx, o.IO, o.Args, o.Stats.In, work, func(_ corpus.Document, r bg) error {
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
	o.ungroupedNote(left)
	rw, err := NewRowWriter(o.IO.Out, o.CSV, o.Stats.In.Pretty, []string{"group", "term1", "term2", "count", "count1", "count2", "pmi", "g2"}, o.grouped(), o.BOM)
	if err != nil {
		return err
	}
	type row struct {
		Group string `json:"group,omitempty"`
		stats.Collocation
	}
	for _, name := range sortedKeys(groups) {
		for _, r := range groups[name].Collocations(o.Measure, o.MinCount, o.MinWord, o.Top) {
			x := row{name, r}
			if err = rw.Row(x, func() []string {
				return []string{x.Group, x.W1, x.W2, itoa(x.Count), itoa(x.Count1), itoa(x.Count2), ftoa(x.PMI), ftoa(x.G2)}
			}); err != nil {
				break
			}
		}
	}
	return o.finish(rw, sum, err)
}
