package stats

import (
	"fmt"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/stats"
)

type tfidfRecord struct {
	ID    string            `json:"id"`
	Group string            `json:"group,omitempty"`
	Terms []stats.TermScore `json:"terms"`
}

// sparseDoc is a document's term counts with interned term ids (8 bytes a
// distinct term), kept between the two phases of tfidf and similarity.
type sparseDoc struct {
	id    string
	group string
	ids   []int32
	n     []int32
}

// interner maps terms to small integers.
type interner struct {
	ids   map[string]int32
	terms []string
}

func newInterner() *interner { return &interner{ids: map[string]int32{}} }

func (in *interner) pack(id, group string, terms map[string]int) sparseDoc {
	d := sparseDoc{id: id, group: group, ids: make([]int32, 0, len(terms)), n: make([]int32, 0, len(terms))}
	for w, n := range terms {
		k, ok := in.ids[w]
		if !ok {
			k = int32(len(in.terms))
			in.ids[w] = k
			in.terms = append(in.terms, w)
		}
		d.ids = append(d.ids, k)
		d.n = append(d.n, int32(n))
	}
	return d
}

func (in *interner) unpack(d sparseDoc) map[string]int {
	m := make(map[string]int, len(d.ids))
	for i, k := range d.ids {
		m[in.terms[k]] = int(d.n[i])
	}
	return m
}

func newTFIDF() *cobra.Command {
	var k int
	var idfPath, saveIDF string
	cmd := &cobra.Command{
		Use:   "tfidf [FILE|DIR|ARCHIVE|-]...",
		Short: "Each document's top terms by TF-IDF",
		Long: `Rank each document's terms by TF-IDF = count × idf, with the smoothed
idf = ln((1+N)/(1+df)) + 1 (N documents, df documents containing the term).

By default the IDF comes from the input documents themselves: their term
vectors (8 bytes a distinct term a document) are kept until every document
is read. With --idf FILE the IDF is one saved earlier with --save-idf (e.g.
on a reference corpus) and documents stream through one at a time.

Each output line is {"id", "group"?, "terms": [{"term", "count", "df",
"idf", "tfidf"}, ...]}, in input order.`,
		Example: `  tongbao stats tfidf -k 10 reports/
  tongbao stats tfidf --save-idf ref.idf.json reference/ > /dev/null
  tongbao stats tfidf --idf ref.idf.json new-reports/`,
	}
	o := AddOptions(cmd)
	cmd.Flags().IntVarP(&k, "top", "k", 10, "terms per document (0: all)")
	cmd.Flags().StringVar(&idfPath, "idf", "", "read the IDF from FILE (written by --save-idf) instead of computing it")
	cmd.Flags().StringVar(&saveIDF, "save-idf", "", "write the IDF of the input documents to FILE")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		closeOut, err := RedirectOutput(cmd, o.In)
		if err != nil {
			return err
		}
		defer closeOut()
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
		c, err := o.NewCounter()
		if err != nil {
			return err
		}
		out := cmd.OutOrStdout()
		table := stats.NewTable()
		in := newInterner()
		var docs []sparseDoc
		left := 0
		sum, err := Scan(cmd, args, o.In, c.Count, func(doc corpus.Document, r *Counted) error {
			if !r.Grouped {
				left++
				return nil
			}
			table.Add(r.Terms)
			if idf == nil {
				docs = append(docs, in.pack(doc.ID, r.Group, r.Terms))
				return nil
			}
			b, err := cmdutil.JSONRecord(tfidfRecord{ID: doc.ID, Group: r.Group, Terms: nonNil(stats.TopTFIDF(r.Terms, idf, k))}, o.In.Pretty)
			if err != nil {
				return err
			}
			_, err = out.Write(b)
			return err
		})
		if err != nil {
			return err
		}
		ungroupedNote(cmd, o, left)
		if idf == nil {
			idf = table.IDF()
			for _, d := range docs {
				b, err := cmdutil.JSONRecord(tfidfRecord{ID: d.id, Group: d.group, Terms: nonNil(stats.TopTFIDF(in.unpack(d), idf, k))}, o.In.Pretty)
				if err != nil {
					return err
				}
				if _, err := out.Write(b); err != nil {
					return err
				}
			}
		}
		if saveIDF != "" {
			f, err := os.Create(saveIDF)
			if err != nil {
				return fmt.Errorf("--save-idf: %w", err)
			}
			err = table.IDF().Write(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("--save-idf: %w", err)
			}
		}
		summary(cmd, o, sum)
		return sum.Err()
	}
	return cmd
}

func nonNil(s []stats.TermScore) []stats.TermScore {
	if s == nil {
		return []stats.TermScore{}
	}
	return s
}

// sortedKeys returns the keys of m in sorted order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
