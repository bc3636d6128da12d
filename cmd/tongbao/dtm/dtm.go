// Package dtm implements "tongbao dtm": a document-term matrix for topic
// models.
package dtm

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/zhconv"
)

// Files are the names of what dtm writes into its directory.
const (
	MatrixFile = "dtm.mtx"   // Matrix Market: documents × terms, integer counts
	VocabFile  = "vocab.txt" // the terms, one a line, in column order
	DocsFile   = "docs.txt"  // the document ids, one a line, in row order
	LongFile   = "dtm.csv"   // id,term,count, one row per non-zero cell
)

// Options are the parsed flags and arguments of "tongbao dtm".
type Options struct {
	IO    *cmdutil.IOStreams
	Ctx   context.Context
	Input *cmdutil.InputFlags
	// Dir is the folder the files are written into (-o DIR).
	Dir string
	// Filter drops what a topic model should not see.
	Filter *cmdutil.Filter
	// MinDF keeps the terms found in at least this many documents.
	MinDF int
	// BOM starts dtm.csv with a UTF-8 byte-order mark.
	BOM bool
	// T2S says when a Traditional text is converted first: its terms are
	// then counted in their Simplified form, one column for both scripts.
	T2S  zhconv.Mode
	Args []string
}

// New returns the dtm command on the command's streams (SetIn, SetOut,
// SetErr; the process's by default).
func New() *cobra.Command { return NewCmdDTM(&cmdutil.Factory{}, nil) }

// NewCmdDTM returns the dtm command. When runF is not nil it receives the
// checked options instead of the command running.
func NewCmdDTM(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{}
	cmd := &cobra.Command{
		Use:   "dtm -o DIR [FILE|DIR|ARCHIVE|-]...",
		Short: "Write a document-term matrix (Matrix Market, vocabulary, ids, long CSV) for topic models",
		Long: `Segment each document, drop what a topic model should not see (--drop,
default punct,number,date,space,stopwords; --stopwords; --pos-exclude) and
write into DIR:

  dtm.mtx    Matrix Market coordinate matrix, integer counts, one row per
             document, one column per term (1-based)
  vocab.txt  the terms, one a line, in column order
  docs.txt   the document ids, one a line, in row order
  dtm.csv    id,term,count: one row per non-zero cell (--bom for Excel)

Documents that fail to read are left out (reported on stderr). Reading it:

  Python  scipy.io.mmread("DIR/dtm.mtx").tocsr(); gensim.matutils.Sparse2Corpus(m, documents_columns=False)
  R       m <- Matrix::readMM("DIR/dtm.mtx"); colnames(m) <- readLines("DIR/vocab.txt")
          quanteda::as.dfm(m); stm::readCorpus(m, type = "slam")`,
		Example: `  tongbao dtm -o hailar-dtm gov-reports/hailar-district/
  tongbao dtm --drop punct,space --min-df 2 -o dtm reports/`,
	}
	o.Input = cmdutil.AddInputFlags(cmd)
	cmd.Flags().Lookup("output").Usage = "write the matrix files into `DIR` (created if needed)"
	cmd.Flags().MarkHidden("resume")
	ff := cmdutil.AddFilterFlags(cmd, cmdutil.DropClasses)
	cmd.Flags().IntVar(&o.MinDF, "min-df", 1, "keep only terms found in at least this many documents")
	cmdutil.AddBOMFlag(cmd, &o.BOM)
	t2s := cmdutil.AddT2SFlag(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		o.IO = f.IOStreams
		if o.IO == nil {
			o.IO = cmdutil.StreamsOf(cmd)
		}
		o.Dir = o.Input.Output
		if o.Dir == "" {
			return cmdutil.UsageError("dtm writes several files: give -o DIR")
		}
		if o.Input.Resume {
			return cmdutil.UsageError("--resume does not apply to dtm")
		}
		if o.MinDF < 1 {
			return cmdutil.UsageError("--min-df must be at least 1")
		}
		var err error
		if o.Filter, err = ff.Filter(); err != nil {
			return cmdutil.UsageError("%v", err)
		}
		if o.T2S, err = t2s.Mode(); err != nil {
			return err
		}
		o.Ctx, o.Args = cmd.Context(), args
		if runF != nil {
			return runF(o)
		}
		return Run(o)
	}
	return cmd
}

// Run writes the document-term matrix of o.Args into o.Dir.
func Run(o *Options) error {
	seg, err := segment.Default()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return err
	}
	m := &matrix{index: map[string]int{}}
	s := cmdutil.NewLineSink(m.add)
	inner := *o.Input
	inner.Output = ""
	ios := *o.IO
	ios.Out = s
	runErr := cmdutil.RunDocsIO(o.Ctx, &ios, o.Args, &inner, func(doc corpus.Document) ([]byte, error) {
		counts := map[string]int{}
		x, err := o.T2S.Apply(doc.Text)
		if err != nil {
			return nil, err
		}
		if x != nil {
			doc.Text = x.Simplified
		}
		for _, t := range o.Filter.Apply(seg.Cut(doc.Text)) {
			counts[t.Text]++
		}
		return cmdutil.JSONRecord(docCounts{ID: doc.ID, Counts: counts}, false)
	})
	if err := s.Err(); err != nil {
		return err
	}
	if err := m.write(o.Dir, o.MinDF, o.BOM); err != nil {
		return err
	}
	return runErr
}

// docCounts passes a document's counts from the workers to the matrix.
type docCounts struct {
	ID     string         `json:"id"`
	Counts map[string]int `json:"counts"`
	Error  *string        `json:"error,omitempty"`
}

// matrix gathers the counts, documents in input order.
type matrix struct {
	docs  []string
	rows  []map[int]int
	terms []string
	index map[string]int
}

func (m *matrix) add(line []byte) error {
	var d docCounts
	if err := json.Unmarshal(line, &d); err != nil {
		return err
	}
	if d.Error != nil {
		return nil // reported on stderr; the exit code says it
	}
	row := map[int]int{}
	for t, n := range d.Counts {
		j, ok := m.index[t]
		if !ok {
			j = len(m.terms)
			m.index[t] = j
			m.terms = append(m.terms, t)
		}
		row[j] = n
	}
	m.docs = append(m.docs, d.ID)
	m.rows = append(m.rows, row)
	return nil
}

// write writes the four files, the terms sorted by document frequency
// (then by term) and those in fewer than minDF documents left out.
func (m *matrix) write(dir string, minDF int, bom bool) error {
	df := make([]int, len(m.terms))
	for _, r := range m.rows {
		for j := range r {
			df[j]++
		}
	}
	var cols []int
	for j := range m.terms {
		if df[j] >= minDF {
			cols = append(cols, j)
		}
	}
	sort.Slice(cols, func(a, b int) bool {
		if df[cols[a]] != df[cols[b]] {
			return df[cols[a]] > df[cols[b]]
		}
		return m.terms[cols[a]] < m.terms[cols[b]]
	})
	col := make(map[int]int, len(cols)) // term index → 1-based column
	for k, j := range cols {
		col[j] = k + 1
	}
	nnz := 0
	for _, r := range m.rows {
		for j := range r {
			if col[j] > 0 {
				nnz++
			}
		}
	}
	var mtx, long bytes.Buffer
	fmt.Fprintf(&mtx, "%%%%MatrixMarket matrix coordinate integer general\n%% rows: documents (%s), columns: terms (%s)\n%d %d %d\n", DocsFile, VocabFile, len(m.rows), len(cols), nnz)
	lw := cmdutil.NewCSVWriter(&long, bom)
	lw.Write([]string{"id", "term", "count"})
	for i, r := range m.rows {
		cells := make([][2]int, 0, len(r))
		for j, n := range r {
			if c := col[j]; c > 0 {
				cells = append(cells, [2]int{c, n})
			}
		}
		sort.Slice(cells, func(a, b int) bool { return cells[a][0] < cells[b][0] })
		for _, c := range cells {
			fmt.Fprintf(&mtx, "%d %d %d\n", i+1, c[0], c[1])
			lw.Write([]string{m.docs[i], m.terms[cols[c[0]-1]], strconv.Itoa(c[1])})
		}
	}
	lw.Flush()
	if err := lw.Error(); err != nil {
		return err
	}
	var vocab, docs bytes.Buffer
	for _, j := range cols {
		vocab.WriteString(m.terms[j])
		vocab.WriteByte('\n')
	}
	for _, id := range m.docs {
		docs.WriteString(id)
		docs.WriteByte('\n')
	}
	for name, b := range map[string]*bytes.Buffer{MatrixFile: &mtx, LongFile: &long, VocabFile: &vocab, DocsFile: &docs} {
		if err := writeFile(filepath.Join(dir, name), b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, b []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.Write(b)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
