package stats

import (
	"os"

	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/mat"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
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

func newSimilarity() *cobra.Command {
	var measure, idfPath string
	var k int
	var asCSV, bom bool
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
	o := AddOptions(cmd)
	fs := cmd.Flags()
	fs.StringVar(&measure, "measure", "cosine", "cosine|jaccard")
	fs.IntVarP(&k, "top", "k", 5, "neighbours per item (0: all)")
	fs.StringVar(&idfPath, "idf", "", "IDF FILE for the cosine weights (from stats tfidf --save-idf)")
	addCSVFlags(cmd, &asCSV, &bom, "write the similarity matrix as CSV")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := checkBOM(asCSV, bom); err != nil {
			return err
		}
		closeOut, err := RedirectOutput(cmd, o.In)
		if err != nil {
			return err
		}
		defer closeOut()
		if measure != "cosine" && measure != "jaccard" {
			return cmdutil.UsageError("--measure %q: want cosine or jaccard", measure)
		}
		c, err := o.NewCounter()
		if err != nil {
			return err
		}
		var idf *stats.IDF
		if idfPath != "" {
			f, err := os.Open(idfPath)
			if err != nil {
				return cmdutil.UsageError("--idf: %v", err)
			}
			idf, err = stats.ReadIDF(f)
			f.Close()
			if err != nil {
				return cmdutil.UsageError("--idf %s: %v", idfPath, err)
			}
		}
		names, vecs, sum, err := collectItems(cmd, o, c, args)
		if err != nil {
			return err
		}
		if len(names) == 0 {
			return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "similarity: no documents"}
		}
		var s *mat.SymDense
		if measure == "cosine" {
			s, err = stats.Cosine(vecs, idf)
		} else {
			s, err = stats.Jaccard(vecs)
		}
		if err != nil {
			return err
		}
		if asCSV {
			err = writeMatrixCSV(cmd, names, s, bom, c.Grouper != nil)
		} else {
			rw, _ := NewRowWriter(cmd.OutOrStdout(), false, o.In.Pretty, nil, false)
			for i, n := range names {
				nb := stats.Nearest(s, names, i, k)
				if err = rw.Row(neighboursRecord(c.Grouper != nil, n, nb), nil); err != nil {
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
		summary(cmd, o, sum)
		return sum.Err()
	}
	return cmd
}

// collectItems returns the term vectors of the documents, or of the groups
// when grouping, with their names.
func collectItems(cmd *cobra.Command, o *Options, c *Counter, args []string) ([]string, []map[string]int, ScanSummary, error) {
	var names []string
	var vecs []map[string]int
	in := newInterner()
	var docs []sparseDoc
	groups := map[string]map[string]int{}
	left := 0
	sum, err := Scan(cmd, args, o.In, c.Count, func(doc corpus.Document, r *Counted) error {
		if !r.Grouped {
			left++
			return nil
		}
		if c.Grouper == nil {
			docs = append(docs, in.pack(doc.ID, "", r.Terms))
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
	ungroupedNote(cmd, o, left)
	if c.Grouper == nil {
		for _, d := range docs {
			names = append(names, d.id)
			vecs = append(vecs, in.unpack(d))
		}
	} else {
		for _, n := range sortedKeys(groups) {
			names = append(names, n)
			vecs = append(vecs, groups[n])
		}
	}
	return names, vecs, sum, nil
}

func writeMatrixCSV(cmd *cobra.Command, names []string, s mat.Symmetric, bom, grouped bool) error {
	w := cmdutil.NewCSVWriter(cmd.OutOrStdout(), bom)
	corner := "id"
	if grouped {
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
