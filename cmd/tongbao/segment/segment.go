// Package segment implements "tongbao segment".
package segment

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/zhconv"
)

// Options are the parsed flags and arguments of "tongbao segment".
type Options struct {
	IO    *cmdutil.IOStreams
	Ctx   context.Context
	Input *cmdutil.InputFlags
	// Format is text, jsonl or tsv.
	Format string
	Mode   segment.Mode
	Engine segment.Engine
	// POS adds the part-of-speech tags; HMM re-cuts runs of single
	// characters with gse's HMM.
	POS, HMM bool
	// Dicts are the user dictionaries; DictReport prints on stderr what
	// loading each did.
	Dicts      []string
	DictReport bool
	// Filter drops tokens (--drop, --stopwords, --pos-exclude); nil keeps
	// all.
	Filter *cmdutil.Filter
	// T2S says when a Traditional document is converted for analysis.
	T2S zhconv.Mode
	// DocPerLine writes each document on one line (text format).
	DocPerLine bool
	Args       []string
}

// New returns the segment command on the command's streams (SetIn, SetOut,
// SetErr; the process's by default).
func New() *cobra.Command { return NewCmdSegment(&cmdutil.Factory{}, nil) }

// NewCmdSegment returns the segment command. When runF is not nil it
// receives the checked options instead of the command running.
func NewCmdSegment(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{}
	var mode, engine string
	cmd := &cobra.Command{
		Use:   "segment [FILE|DIR|ARCHIVE|-]...",
		Short: "Split text into words",
		Long: `Split Chinese text into words with gse's dictionary, tuned for government
language (a domain lexicon of a few hundred terms is built in). Text keeps
its case and width; offsets count code points.

Modes:
  precise  the most probable sequence of words (default)
  search   precise, plus the 2- and 3-character words inside longer words
  full     every dictionary word found in the text (tokens overlap)

Engines:
  table    the DAG method of gse's CutDAGNoHMM over gse's dictionary, pre-built
           into a table embedded in the binary: starts in milliseconds (default)
  gse      gse's own Segmenter (its Cut), loaded at start-up: seconds to start

Formats:
  text   words separated by spaces, one output line per input line (default)
  jsonl  one JSON object per document: {"id","tokens":[{"text","start","end","pos"}]}
  tsv    one word per line: id, start, end, text (and pos with --pos);
         white space is left out, tabs and newlines in text escaped

User dictionaries (--dict, repeatable): one entry per line, "word [freq] [pos]",
UTF-8 or GBK. Fields are tab-separated, or space-separated with the frequency
and tag last (then the word may contain spaces). A word without a frequency
gets one just high enough to be kept whole; frequency 0 removes a word.
--dict-report prints on stderr how many entries loaded and why lines were
rejected.`,
		Example: `  echo '县人大常委会召开党史学习教育动员大会' | tongbao segment
  tongbao segment --format jsonl --pos testdata/000_776449805ff1d07a.txt
  tongbao segment --dict names.txt --dict-report --hmm report.txt
  tongbao segment --mode search --format tsv reports/
  tongbao segment --drop punct,number,date,space,stopwords --doc-per-line reports/ > docs.txt`,
	}
	o.Input = cmdutil.AddInputFlags(cmd)
	fs := cmd.Flags()
	fs.StringVarP(&o.Format, "format", "f", "text", "output format: text, jsonl or tsv")
	fs.StringVarP(&mode, "mode", "m", "precise", "segmentation mode: precise, search or full")
	fs.BoolVar(&o.POS, "pos", false, "add part-of-speech tags (text: word/tag)")
	fs.BoolVar(&o.HMM, "hmm", false, "find words missing from the dictionaries with gse's HMM")
	fs.StringVar(&engine, "engine", "table", "algorithm: table (fast start, default) or gse (gse's own Segmenter; seconds to start, precise mode only)")
	fs.StringArrayVar(&o.Dicts, "dict", nil, "user dictionary `FILE` (repeatable)")
	fs.BoolVar(&o.DictReport, "dict-report", false, "print on stderr what loading each --dict did")
	ff := cmdutil.AddFilterFlags(cmd, nil)
	t2s := cmdutil.AddT2SFlag(cmd)
	fs.BoolVar(&o.DocPerLine, "doc-per-line", false, "text format: each document on one line (line breaks in it become spaces), for topic-model tools")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		o.IO = f.IOStreams
		if o.IO == nil {
			o.IO = cmdutil.StreamsOf(cmd)
		}
		switch o.Format {
		case "text", "jsonl", "tsv":
		default:
			return cmdutil.UsageError("unknown --format %q (want text, jsonl or tsv)", o.Format)
		}
		m, err := segment.ParseMode(mode)
		if err != nil {
			return cmdutil.UsageError("unknown --mode %q (want precise, search or full)", mode)
		}
		o.Mode = m
		if o.Filter, err = ff.Filter(); err != nil {
			return cmdutil.UsageError("%v", err)
		}
		if o.T2S, err = t2s.Mode(); err != nil {
			return err
		}
		if o.DocPerLine && o.Format != "text" {
			return cmdutil.UsageError("--doc-per-line goes with --format text")
		}
		if o.DictReport && len(o.Dicts) == 0 {
			return cmdutil.UsageError("--dict-report needs at least one --dict FILE")
		}
		if o.Engine, err = segment.ParseEngine(engine); err != nil {
			return cmdutil.UsageError("unknown --engine %q (want table or gse)", engine)
		}
		if err := o.Input.Check(); err != nil {
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

// segmenter returns the segmenter the options describe (the shared
// default one when they describe it), reporting the user dictionaries.
func (o *Options) segmenter() (*segment.Segmenter, error) {
	if o.Mode == segment.Precise && !o.HMM && len(o.Dicts) == 0 && o.Engine == segment.Table {
		return segment.Default()
	}
	opts := []segment.Option{segment.WithMode(o.Mode), segment.WithHMM(o.HMM), segment.WithEngine(o.Engine)}
	for _, d := range o.Dicts {
		opts = append(opts, segment.WithDictFile(d))
	}
	seg, err := segment.New(opts...)
	if err != nil {
		return nil, cmdutil.UsageError("%v", err)
	}
	if o.DictReport {
		reps := seg.DictReports()
		writeDictReports(o.IO.ErrOut, reps[len(reps)-len(o.Dicts):])
	}
	return seg, nil
}

// Run segments the documents of o.Args.
func Run(o *Options) error {
	seg, err := o.segmenter()
	if err != nil {
		return err
	}
	format, pos, x, docPerLine, conv, in := o.Format, o.POS, o.Filter, o.DocPerLine, o.T2S, o.Input
	if !in.Pretty && o.Engine != segment.GSE { // windows and a spooled record: bounded memory
		return cmdutil.RunDocsToIO(o.Ctx, o.IO, o.Args, in, func(doc corpus.Document, w io.Writer) error {
			tx, err := conv.Apply(doc.Text)
			if err != nil {
				return err
			}
			return writeWindowedT2S(w, seg, doc, format, pos, x, docPerLine, tx)
		})
	}
	return cmdutil.RunDocsIO(o.Ctx, o.IO, o.Args, in, func(doc corpus.Document) ([]byte, error) {
		tx, err := conv.Apply(doc.Text)
		if err != nil {
			return nil, err
		}
		text := doc.Text
		if tx != nil {
			text = tx.Simplified
		}
		toks := segment.FromConverted(x.Apply(seg.Cut(text)), tx)
		switch format {
		case "jsonl":
			if in.Pretty {
				if !pos {
					for i := range toks {
						toks[i].Pos = ""
					}
				}
				if toks == nil {
					toks = []segment.Token{}
				}
				return cmdutil.JSONRecord(struct {
					ID     string          `json:"id"`
					Tokens []segment.Token `json:"tokens"`
				}{doc.ID, toks}, true)
			}
			return jsonlRecord(doc.ID, len(doc.Text), toks, pos), nil
		case "tsv":
			return tsvLines(doc.ID, toks, pos), nil
		default:
			return textLinesOpt(toks, pos, docPerLine), nil
		}
	})
}

// writeDictReports prints what loading each user dictionary did.
func writeDictReports(w io.Writer, reps []segment.DictReport) {
	for _, r := range reps {
		fmt.Fprintf(w, "tongbao: dictionary %s (%s): %d entries loaded, %d lines rejected\n", r.Source, r.Encoding, r.Loaded, len(r.Rejected))
		for _, x := range r.Rejected {
			fmt.Fprintf(w, "tongbao: %s:%d: %s: %q\n", r.Source, x.Line, x.Reason, x.Text)
		}
	}
}

// textLines writes tokens separated by spaces, one output line per input
// line; white space tokens are dropped.
func textLines(toks []segment.Token, pos bool) []byte { return textLinesOpt(toks, pos, false) }

// textLinesOpt is textLines, with docPerLine writing one line in all.
func textLinesOpt(toks []segment.Token, pos, docPerLine bool) []byte {
	var b bytes.Buffer
	first := true
	for _, t := range toks {
		if n := strings.Count(t.Text, "\n"); n > 0 && !docPerLine {
			for i := 0; i < n; i++ {
				b.WriteByte('\n')
			}
			first = true
			continue
		}
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(t.Text)
		if pos && t.Pos != "" {
			b.WriteByte('/')
			b.WriteString(t.Pos)
		}
	}
	if !first || b.Len() == 0 {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// tsvLines writes one token per line: id, start, end, text and pos.
func tsvLines(id string, toks []segment.Token, pos bool) []byte {
	var b bytes.Buffer
	id = tsvEscape.Replace(id)
	for _, t := range toks {
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		b.WriteString(id)
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(t.Start))
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(t.End))
		b.WriteByte('\t')
		b.WriteString(tsvEscape.Replace(t.Text))
		if pos {
			b.WriteByte('\t')
			b.WriteString(t.Pos)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

var tsvEscape = strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// jsonlRecord writes the JSON Lines record of a document's tokens, as
// encoding/json would write it, into one buffer sized up front: a long
// document's record is built without reflection and without regrowing.
func jsonlRecord(id string, textBytes int, toks []segment.Token, pos bool) []byte {
	b := make([]byte, 0, textBytes+len(toks)*40+len(id)+32)
	b = append(b, `{"id":`...)
	b = appendJSONString(b, id)
	b = append(b, `,"tokens":[`...)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = appendJSONString(b, t.Text)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(t.End), 10)
		if pos && t.Pos != "" {
			b = append(b, `,"pos":`...)
			b = appendJSONString(b, t.Pos)
		}
		b = append(b, '}')
	}
	return append(b, "]}\n"...)
}

// appendJSONString appends s as a JSON string, as encoding/json writes
// it: as is when it needs no escaping (the common case), else through
// encoding/json.
func appendJSONString(b []byte, s string) []byte {
	if needsEscape(s) {
		q, _ := cmdutil.JSONRecord(s, false)
		return append(b, bytes.TrimRight(q, "\n")...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// needsEscape reports whether encoding/json would escape anything in s.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			return true
		}
	}
	return !utf8.ValidString(s) || strings.ContainsAny(s, "\u2028\u2029")
}
