package stats

import (
	"fmt"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/stats"
)

type tfidfRecord struct {
	ID    string            `json:"id"`
	Group string            `json:"group,omitempty"`
	Terms []stats.TermScore `json:"terms"`
}

// keptDoc is a document's term counts, kept until the IDF is known.
type keptDoc struct {
	id, group string
	counts    stats.Counts
}

// TFIDFOptions are the parsed flags and arguments of "tongbao stats tfidf".
type TFIDFOptions struct {
	Common
	// Top is the number of terms per document (0: all).
	Top int
	// IDF is the IDF read from --idf (nil: the IDF of the inputs).
	IDF *stats.IDF
	// SaveIDF is the file --save-idf writes the inputs' IDF to.
	SaveIDF string
}

// NewCmdTFIDF returns the tfidf command. When runF is not nil it receives
// the checked options instead of the command running.
func NewCmdTFIDF(f *cmdutil.Factory, runF func(*TFIDFOptions) error) *cobra.Command {
	o := &TFIDFOptions{}
	var idfPath string
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
	check := func([]string) (err error) {
		o.IDF, err = readIDF(idfPath)
		return err
	}
	setup(f, cmd, &o.Common, "", check, bind(runF, o), func() error { return RunTFIDF(o) })
	cmd.Flags().IntVarP(&o.Top, "top", "k", 10, "terms per document (0: all)")
	cmd.Flags().StringVar(&idfPath, "idf", "", "read the IDF from FILE (written by --save-idf) instead of computing it")
	cmd.Flags().StringVar(&o.SaveIDF, "save-idf", "", "write the IDF of the input documents to FILE")
	return cmd
}

// readIDF reads the IDF file of --idf (nil when path is empty).
func readIDF(path string) (*stats.IDF, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, cmdutil.UsageError("--idf: %v", err)
	}
	defer f.Close()
	idf, err := stats.ReadIDF(f)
	if err != nil {
		return nil, cmdutil.UsageError("--idf %s: %v", path, err)
	}
	return idf, nil
}

// RunTFIDF writes each document's top terms.
func RunTFIDF(o *TFIDFOptions) error {
	done, err := o.start()
	if err != nil {
		return err
	}
	defer done()
	idf := o.IDF
	out := o.IO.Out
	record := func(id, group string, terms map[string]int) error {
		b, err := cmdutil.JSONRecord(tfidfRecord{ID: id, Group: group, Terms: nonNil(stats.TopTFIDF(terms, idf, o.Top))}, o.Stats.In.Pretty)
		if err != nil {
			return err
		}
		_, err = out.Write(b)
		return err
	}
	table := stats.NewTable()
	vocab := stats.NewVocab()
	var docs []keptDoc
	left := 0
	sum, err := o.scan(o.Args, func(id string, r *stats.Counted) error {
		if !r.Grouped {
			left++
			return nil
		}
		table.Add(r.Terms)
		if idf == nil {
			docs = append(docs, keptDoc{id, r.Group, vocab.Pack(r.Terms)})
			return nil
		}
		return record(id, r.Group, r.Terms)
	})
	if err != nil {
		return err
	}
	o.ungroupedNote(left)
	if idf == nil {
		idf = table.IDF()
		for _, d := range docs {
			if err := record(d.id, d.group, vocab.Unpack(d.counts)); err != nil {
				return err
			}
		}
	}
	if o.SaveIDF != "" {
		f, err := os.Create(o.SaveIDF)
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
	o.summary(sum)
	return sum.Err()
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
