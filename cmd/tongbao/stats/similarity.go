package stats

import (
	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/mat"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/stats"
)

// The records of similarity name a document "id" and a group "group", in
// the row and in its neighbours, as every command does.
type (
	docNeighbour struct {
		ID         string  `json:"id"`
		Similarity float64 `json:"similarity"`
	}
	docNeighbours struct {
		ID         string         `json:"id"`
		Neighbours []docNeighbour `json:"neighbours"`
	}
	groupNeighbour struct {
		Group      string  `json:"group"`
		Similarity float64 `json:"similarity"`
	}
	groupNeighbours struct {
		Group      string           `json:"group"`
		Neighbours []groupNeighbour `json:"neighbours"`
	}
)

// neighboursRecord is the record of item name (a group when grouped, else
// a document) and its neighbours.
func neighboursRecord(grouped bool, name string, nb []stats.Neighbour) any {
	if grouped {
		r := groupNeighbours{Group: name, Neighbours: []groupNeighbour{}}
		for _, n := range nb {
			r.Neighbours = append(r.Neighbours, groupNeighbour{n.Name, n.Similarity})
		}
		return r
	}
	r := docNeighbours{ID: name, Neighbours: []docNeighbour{}}
	for _, n := range nb {
		r.Neighbours = append(r.Neighbours, docNeighbour{n.Name, n.Similarity})
	}
	return r
}

// SimilarityOptions are the parsed flags and arguments of "tongbao stats
// similarity".
type SimilarityOptions struct {
	Common
	// Measure is cosine or jaccard.
	Measure string
	// Top is the number of neighbours per item (0: all).
	Top int
	// IDF weighs the cosine (nil: the IDF of the items).
	IDF *stats.IDF
}

// NewCmdSimilarity returns the similarity command. When runF is not nil it
// receives the checked options instead of the command running.
func NewCmdSimilarity(f *cmdutil.Factory, runF func(*SimilarityOptions) error) *cobra.Command {
	o := &SimilarityOptions{}
	var idfPath string
	cmd := &cobra.Command{
		Use:   "similarity [FILE|DIR|ARCHIVE|-]...",
		Short: "Cosine (TF-IDF) or Jaccard similarity between documents or groups",
		Long: `Measure how alike the documents are, or the groups with --group-by:
cosine of the TF-IDF vectors (count × smoothed idf; the IDF of the items
themselves, or --idf FILE) or Jaccard overlap of the term sets.

By default each output line is {"id", "neighbours": [{"id", "similarity"},
...]} with the -k most similar other documents ("group" in place of "id"
with --group-by); --csv writes the whole matrix instead (a header row of
"id" or "group" and the names, then one row per item).
Items are documents by id, in input order, or groups in sorted order.`,
		Example: `  tongbao stats similarity -k 3 reports/
  tongbao stats similarity --group-by dir --csv gov-reports/ > sim.csv
  tongbao stats similarity --measure jaccard reports/`,
	}
	check := func([]string) (err error) {
		if o.Measure != "cosine" && o.Measure != "jaccard" {
			return cmdutil.UsageError("--measure %q: want cosine or jaccard", o.Measure)
		}
		o.IDF, err = readIDF(idfPath)
		return err
	}
	setup(f, cmd, &o.Common, "write the similarity matrix as CSV", check, bind(runF, o), func() error { return RunSimilarity(o) })
	fs := cmd.Flags()
	fs.StringVar(&o.Measure, "measure", "cosine", "cosine|jaccard")
	fs.IntVarP(&o.Top, "top", "k", 5, "neighbours per item (0: all)")
	fs.StringVar(&idfPath, "idf", "", "IDF FILE for the cosine weights (from stats tfidf --save-idf)")
	return cmd
}

// RunSimilarity writes the similarities of the documents or groups.
func RunSimilarity(o *SimilarityOptions) error {
	done, err := o.start()
	if err != nil {
		return err
	}
	defer done()
	names, vecs, sum, err := o.items()
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "similarity: no documents"}
	}
	var s *mat.SymDense
	if o.Measure == "cosine" {
		s, err = stats.Cosine(vecs, o.IDF)
	} else {
		s, err = stats.Jaccard(vecs)
	}
	if err != nil {
		return err
	}
	if o.CSV {
		err = o.writeMatrix(names, s)
	} else {
		rw, _ := NewRowWriter(o.IO.Out, false, o.Stats.In.Pretty, nil, false)
		for i, n := range names {
			nb := stats.Nearest(s, names, i, o.Top)
			if err = rw.Row(neighboursRecord(o.grouped(), n, nb), nil); err != nil {
				break
			}
		}
		if cerr := rw.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	o.summary(sum)
	return sum.Err()
}

// items returns the term vectors of the documents, or of the groups when
// grouping, with their names.
func (o *SimilarityOptions) items() ([]string, []map[string]int, cmdutil.ScanSummary, error) {
	var names []string
	var vecs []map[string]int
	vocab := stats.NewVocab()
	var docs []keptDoc
	groups := map[string]map[string]int{}
	left := 0
	sum, err := o.scan(o.Args, func(id string, r *stats.Counted) error {
		if !r.Grouped {
			left++
			return nil
		}
		if !o.grouped() {
			docs = append(docs, keptDoc{id: id, counts: vocab.Pack(r.Terms)})
			return nil
		}
		g := groups[r.Group]
		if g == nil {
			g = map[string]int{}
			groups[r.Group] = g
		}
		for w, n := range r.Terms {
			g[w] += n
		}
		return nil
	})
	if err != nil {
		return nil, nil, sum, err
	}
	o.ungroupedNote(left)
	if !o.grouped() {
		for _, d := range docs {
			names = append(names, d.id)
			vecs = append(vecs, vocab.Unpack(d.counts))
		}
	} else {
		for _, n := range sortedKeys(groups) {
			names = append(names, n)
			vecs = append(vecs, groups[n])
		}
	}
	return names, vecs, sum, nil
}

func (o *SimilarityOptions) writeMatrix(names []string, s mat.Symmetric) error {
	w := cmdutil.NewCSVWriter(o.IO.Out, o.BOM)
	corner := "id"
	if o.grouped() {
		corner = "group"
	}
	w.Write(append([]string{corner}, names...))
	for i, n := range names {
		row := []string{n}
		for j := range names {
			row = append(row, ftoa(s.At(i, j)))
		}
		w.Write(row)
	}
	w.Flush()
	return w.Error()
}
