// Package measure implements "tongbao measure".
package measure

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/measure"
)

// Options are the parsed flags and arguments of "tongbao measure".
type Options struct {
	IO    *cmdutil.IOStreams
	Ctx   context.Context
	Input *cmdutil.InputFlags
	// Dict is the dictionary read from --dict.
	Dict *measure.Dictionary
	// Match is token or substring.
	Match string
	// By lists the group keys (nil: one row per document).
	By []string
	// CSV writes comma-separated rows; BOM starts them with a byte-order
	// mark.
	CSV, BOM bool
	// Sidecar holds the --meta fields by document id.
	Sidecar cmdutil.Sidecar
	Args    []string
}

// New returns the measure command on the process's streams.
func New() *cobra.Command { return NewCmdMeasure(cmdutil.NewFactory(), nil) }

// NewCmdMeasure returns the measure command. When runF is not nil it
// receives the checked options instead of the command running.
func NewCmdMeasure(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IOStreams}
	var meta *cmdutil.MetaFlag
	var dictFile, by string
	cmd := &cobra.Command{
		Use:   "measure --dict FILE [FILE|DIR|ARCHIVE|-]...",
		Short: "Count the categories of a concept dictionary per document, or as a region × year panel",
		Long: `Count the terms of a concept dictionary in each document, with the document's
home region and year (see "tongbao extract": header, front matter, path, --meta).

Dictionaries (by extension): quanteda's YAML format (.yml, .yaml: nested
categories whose leaves list terms), LIWC (.dic: a % header of numbered
categories, then "term<TAB>numbers"), or TSV (anything else: "category<TAB>term"
lines, # comments). A * in a term matches any run of characters (污染* matches
污染物). Nested categories get dotted names (environment.pollution).

Matching (--match): token (default) cuts each term into words as the text is
cut (低碳 → 低/碳) and counts the runs of words equal to it, not across
punctuation; a term with * matches one word; within a category the longest
match at a word counts once and its words are not counted again; substring
counts every occurrence of each term in the text (non-overlapping, as Python's
str.count), summed over the category's terms, as many papers do.

Per document (JSON Lines): {"id", "home": {"name","code","level"}, "year",
"genre", "documents": 1, "characters", "tokens", "categories": {"CATEGORY":
{"count", "per10k_tokens", "per10k_chars"}}, "readability": {...}}. Tokens are
words holding a letter or digit; characters are code points other than white
space. Readability (徐巍, 姚振晔, 陈冬华, 会计研究 2021): chars_per_clause (mean
characters per clause), adv_conj_share (mean share of adverbs and conjunctions
per sentence), mean (of the two); higher reads harder.

--by home,year sums the documents into one row per group (also genre), counts
summed and rates computed from the sums, readability the mean over documents;
rows ordered by home code and year. --csv writes the same flattened, one column
per category and measure (CATEGORY.count, CATEGORY.per10k_tokens, ...).`,
		Example: `  tongbao measure --dict testdata/dict/environment.yaml reports/
  tongbao measure --dict testdata/dict/environment.yaml --by home,year --csv --bom -o panel.csv provinces/
  tongbao measure --dict liwc.dic --match substring --meta ids.csv corpus.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.IO == nil {
				o.IO = cmdutil.StreamsOf(cmd)
			}
			if dictFile == "" {
				return cmdutil.UsageError("--dict FILE is required")
			}
			d, err := measure.LoadDictionary(dictFile)
			if err != nil {
				return cmdutil.UsageError("--dict: %v", err)
			}
			o.Dict = d
			switch o.Match {
			case measure.MatchToken, measure.MatchSubstring:
			default:
				return cmdutil.UsageError("--match %q: want token or substring", o.Match)
			}
			o.By = nil
			if by != "" {
				o.By = strings.Split(by, ",")
				if _, err := measure.NewPanel(o.By); err != nil {
					return cmdutil.UsageError("--by: %v", err)
				}
			}
			if o.BOM && !o.CSV {
				return cmdutil.UsageError("--bom goes with --csv")
			}
			if o.Input.Resume && (o.CSV || o.By != nil) {
				return cmdutil.UsageError("--resume works on per-document JSON Lines only (not with --csv or --by)")
			}
			sc, err := meta.Sidecar()
			if err != nil {
				return err
			}
			o.Sidecar = sc
			if err := o.Input.Check(); err != nil {
				return err
			}
			o.Ctx, o.Args = cmd.Context(), args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	o.Input = cmdutil.AddInputFlags(cmd)
	meta = cmdutil.AddMetaFlag(cmd)
	fs := cmd.Flags()
	fs.StringVar(&dictFile, "dict", "", "the concept dictionary `FILE`: .yml/.yaml (quanteda), .dic (LIWC) or TSV (category<TAB>term)")
	fs.StringVar(&o.Match, "match", measure.MatchToken, "token (words of the segmentation) or substring (occurrences in the text)")
	fs.StringVar(&by, "by", "", "sum documents into groups by these `KEYS`, comma-separated: home, year, genre (home,year gives a region × year panel)")
	fs.BoolVar(&o.CSV, "csv", false, "write comma-separated rows with a header, one column per category and measure")
	fs.BoolVar(&o.BOM, "bom", false, "with --csv: start with a UTF-8 byte-order mark (for Excel)")
	return cmd
}

// Run measures the documents of o.Args.
func Run(o *Options) error {
	m, err := measure.New(o.Dict, measure.Options{Match: o.Match})
	if err != nil {
		return cmdutil.UsageError("%v", err)
	}
	cats := m.Categories()
	work := func(doc corpus.Document) ([]byte, error) {
		rec := m.Document(doc.ID, doc.Text, doc.Meta, o.Sidecar.Fields(doc.ID))
		return cmdutil.JSONRecord(rec, o.Input.Pretty && !o.CSV && o.By == nil)
	}
	if !o.CSV && o.By == nil {
		return cmdutil.RunDocsIO(o.Ctx, o.IO, o.Args, o.Input, work)
	}

	// CSV rows or groups: the records pass through a sink, and the rows
	// are written to standard output or -o FILE.
	out := o.IO.Out
	var file *os.File
	if o.Input.Output != "" {
		f, err := os.Create(o.Input.Output)
		if err != nil {
			return err
		}
		defer f.Close()
		file, out = f, f
	}
	bw := bufio.NewWriter(out)
	if o.BOM {
		bw.WriteString("\ufeff")
	}
	cw := csv.NewWriter(bw)
	withGenre := false
	for _, k := range o.By {
		withGenre = withGenre || k == measure.ByGenre
	}
	if o.CSV {
		cw.Write(measure.CSVHeader(cats, o.By == nil, o.By == nil || withGenre))
	}
	var panel *measure.Panel
	if o.By != nil {
		panel, _ = measure.NewPanel(o.By)
	}
	s := cmdutil.NewLineSink(func(line []byte) error {
		var rec struct {
			measure.Record
			Error *string `json:"error"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			return err
		}
		if rec.Error != nil {
			return nil // reported on stderr; the exit code says it
		}
		if panel != nil {
			panel.Add(rec.Record)
			return nil
		}
		return cw.Write(measure.CSVRow(rec.Record, cats, true, true))
	})

	in := *o.Input
	in.Output = ""
	ios := *o.IO
	ios.Out = s
	runErr := cmdutil.RunDocsIO(o.Ctx, &ios, o.Args, &in, work)
	if err := s.Err(); err != nil {
		return err
	}
	if panel != nil {
		for _, r := range panel.Rows(cats) {
			if o.CSV {
				cw.Write(measure.CSVRow(r, cats, false, withGenre))
				continue
			}
			b, err := cmdutil.JSONRecord(r, o.Input.Pretty)
			if err != nil {
				return err
			}
			bw.Write(b)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
	}
	return runErr
}
