// Package eval implements "tongbao eval".
package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract/eval"
)

// Options are the parsed flags and arguments of "tongbao eval".
type Options struct {
	gold        string
	types       []string
	errors      int
	context     int
	json        bool
	pretty      bool
	baseline    bool
	floors      string
	jobs        int
	predictions string
	quiet       bool
	corpus      string
	explain     bool
	Args        []string
}

// New returns the eval command on the process's streams.
func New() *cobra.Command { return NewCmdEval(&cmdutil.Factory{}, nil) }

// NewCmdEval returns the eval command, on f's streams when it has them.
// When runF is not nil it receives the checked options instead of the
// command running.
func NewCmdEval(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{}
	cmd := &cobra.Command{
		Use:   "eval --gold FORMAT FILE...",
		Short: "Score the extractors or the segmenter against a gold corpus",
		Long: `Run tongbao on the raw text of a gold corpus and print, per mention type,
precision, recall and F1 for exact-span matching (same type, start and end)
and overlap matching (same type, spans intersect, each gold and each
prediction matched at most once).

Gold formats:
  pd1998   People's Daily 1998 with PKU tags: person = run of nr, place = run
           of ns or [...]ns, org = run of nt or [...]nt, time = run of t,
           count = run of m followed by run of q, book = text inside 《》;
           mapped to the project's guideline: an m+q run opening with 第 or
           首 is an ordinal (no mention); one whose q run is a time unit
           (年 月 日 天 周 星期 小时 钟头 分钟 秒 世纪 季度 周年 旬 个月, and
           个 + 月/小时/钟头/星期/世纪/季度) is a time, merged with a time it
           touches (今后 + 三年 → 今后三年)
  cluener  CLUENER2020 JSON lines: name→person, address→place,
           government/organization/company→org, book→book
  msra     character-per-line BIO: PER→person, LOC→place, ORG→org
  sighan   segmentation gold, words separated by spaces: word P/R/F1 of
           the segmenter (the extractors are not run)
  tongbao  tongbao's hand-annotated gold of modern government texts
           (testdata/gold/modern, a file or the folder of its part-*.jsonl):
           paragraphs of the work report corpus under --corpus, annotated
           by the project's guideline (GUIDELINE.md)
  recognizers  the Recognizers-Text cases file: dates and numbers with
           units found and right by value, and false positives
  indicators  the indicator gold (testdata/gold/indicators: docs.txt and
           items-*.jsonl, documents read under --corpus): items right
           (indicator, measure, status, period, then value, approx, range,
           stretch) over gold items, precision, and the GDP growth targets

--baseline adds the rows of "gse alone": the same definitions applied to
gse's part-of-speech tags (nr*, ns, nt, t, m+q); for sighan, plain gse Cut.
--predictions writes the first system's predictions (tongbao's, or the
precise mode's for sighan).
--explain, with --errors, names in brackets beside each listed error of
tongbao the rule that made the false positive, or the rule that rejected a
candidate over the false negative ("RULE (boundary)" when none was
rejected there but an overlapping mention was accepted by RULE, "(no
candidate)" when no candidate overlaps it); see "tongbao rules". For
--gold indicators it lists under each wrong, missed or spurious item the
indicator stage's decisions about its figure: on the predicted figure's
span, or, for a missed item, on any candidate with the gold figure on its
line.`,
		Example: `  tongbao eval --gold pd1998 ../shared/corpora/pd1998-01/dev.txt
  tongbao eval --gold pd1998 --types person --errors 20 ../shared/corpora/pd1998-01/dev.txt
  tongbao eval --gold pd1998 --types person --errors 20 --explain ../shared/corpora/pd1998-01/dev.txt
  tongbao eval --gold cluener --baseline --json ../shared/corpora/cluener2020/dev.json
  tongbao eval --gold tongbao --baseline testdata/gold/modern
  tongbao eval --gold pd1998 --floors bench/floors.json ../shared/corpora/pd1998-01/test.txt
  tongbao eval --gold indicators --errors 20 testdata/gold/indicators`,
		Args: cobra.ArbitraryArgs,
	}
	fs := cmd.Flags()
	fs.StringVar(&o.gold, "gold", "", "gold format: "+strings.Join(eval.Formats, ", ")+", "+eval.FormatRecognizers+", "+eval.FormatIndicators+" (required)")
	fs.StringSliceVarP(&o.types, "types", "t", nil, "mention types to score, comma-separated (default: every type the format annotates)")
	fs.IntVar(&o.errors, "errors", 0, "list the N most frequent false positives and false negatives per type")
	fs.IntVar(&o.context, "context", 20, "code points of context either side of a listed error")
	fs.BoolVar(&o.json, "json", false, "write JSON instead of a table")
	fs.BoolVar(&o.pretty, "pretty", false, "indent JSON output")
	fs.BoolVar(&o.baseline, "baseline", false, "also score the gse-tag baseline")
	fs.StringVar(&o.floors, "floors", "", "JSON file of exact-F1 floors by format and type; exit 1 when a type falls below its floor")
	fs.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "documents processed in parallel")
	fs.StringVar(&o.predictions, "predictions", "", "write the predictions, one JSON line per gold document, to this file")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "no timing on stderr")
	fs.StringVar(&o.corpus, "corpus", eval.ModernRoot, "with --gold tongbao or indicators: the work report corpus the gold points into")
	fs.BoolVar(&o.explain, "explain", false, "with --errors: name the rule that made each false positive and the rule that rejected a candidate over each false negative")
	if ios := f.IOStreams; ios != nil {
		cmd.SetIn(ios.In)
		cmd.SetOut(ios.Out)
		cmd.SetErr(ios.ErrOut)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := o.check(args); err != nil {
			return err
		}
		o.Args = args
		if runF != nil {
			return runF(o)
		}
		return run(cmd, args, o)
	}
	return cmd
}

// check reports a usage error in the flags and arguments, before any file
// is read.
func (o *Options) check(args []string) error {
	if o.gold == "" {
		return cmdutil.UsageError("--gold is required (one of %s)", strings.Join(eval.Formats, ", "))
	}
	if o.explain && (o.errors == 0 || o.gold == eval.FormatSIGHAN || o.gold == eval.FormatRecognizers) {
		return cmdutil.UsageError("--explain needs --errors N and an extraction gold (not %s or %s)", eval.FormatSIGHAN, eval.FormatRecognizers)
	}
	if o.gold == eval.FormatRecognizers || o.gold == eval.FormatIndicators {
		return nil // runRecognizers and runIndicators check their own
	}
	all := eval.FormatTypes(o.gold)
	if all == nil {
		return cmdutil.UsageError("unknown --gold format %q (known: %s)", o.gold, strings.Join(eval.Formats, ", "))
	}
	if len(args) == 0 {
		return cmdutil.UsageError("no gold file given")
	}
	if o.jobs < 1 {
		return cmdutil.UsageError("--jobs must be at least 1, got %d", o.jobs)
	}
	if o.errors < 0 {
		return cmdutil.UsageError("--errors must not be negative, got %d", o.errors)
	}
	if len(o.types) > 0 {
		for _, t := range o.types {
			if !contains(all, t) {
				return cmdutil.UsageError("--types: %q is not a type of %s gold (its types: %s)", t, o.gold, strings.Join(all, ", "))
			}
		}
	}
	return nil
}

func run(cmd *cobra.Command, args []string, o *Options) error {
	if o.gold == eval.FormatRecognizers {
		return runRecognizers(cmd, args, o)
	}
	if o.gold == eval.FormatIndicators {
		return runIndicators(cmd, args, o)
	}
	types := eval.FormatTypes(o.gold)
	if len(o.types) > 0 {
		types = o.types
	}
	var floors eval.Floors
	if o.floors != "" {
		var err error
		if floors, err = eval.ReadFloors(o.floors); err != nil {
			return cmdutil.UsageError("--floors: %v", err)
		}
	}
	eval.ModernRoot = o.corpus
	docs, err := eval.ReadFiles(o.gold, args)
	if err != nil {
		return err
	}
	systems, err := systemsFor(o, types)
	if err != nil {
		return err
	}
	var results []*eval.Result
	for i, sys := range systems {
		opts := eval.Options{Types: types, Workers: o.jobs, Errors: o.errors, Context: o.context,
			KeepPredictions: i == 0 && o.predictions != ""}
		if i == 0 && o.explain {
			opts.Explain = eval.Explainer(types)
		}
		res, err := eval.Evaluate(cmd.Context(), docs, sys, opts)
		if err != nil {
			return err
		}
		if !o.quiet {
			fmt.Fprintf(cmd.ErrOrStderr(), "tongbao eval: %s: %d documents in %.1fs\n", res.System, res.Docs, res.Elapsed.Seconds())
		}
		if opts.KeepPredictions {
			if err := writePredictions(o.predictions, docs, res); err != nil {
				return err
			}
			res.Predictions = nil
		}
		results = append(results, res)
	}
	corpus := o.gold + " " + strings.Join(args, " ")
	out := cmd.OutOrStdout()
	if o.json {
		err = writeJSON(out, corpus, results, o.pretty)
	} else {
		err = writeTable(out, corpus, types, results, o.errors > 0)
	}
	if err != nil {
		return err
	}
	if floors != nil {
		if err := floors.Check(o.gold, results[0]); err != nil {
			return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: err.Error()}
		}
		if !o.quiet {
			if len(floors[o.gold]) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "tongbao eval: %s sets no floor for %s gold\n", o.floors, o.gold)
			} else {
				fmt.Fprintf(cmd.ErrOrStderr(), "tongbao eval: every %s type is at or above its floor in %s\n", o.gold, o.floors)
			}
		}
	}
	return nil
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// systemsFor returns the systems to score: tongbao (and the baseline), or
// the segmenter's modes for segmentation gold.
func systemsFor(o *Options, types []string) ([]eval.System, error) {
	if o.gold == eval.FormatSIGHAN {
		return eval.SegmentationSystems(o.baseline)
	}
	tb, err := eval.Tongbao(types)
	if err != nil {
		return nil, cmdutil.UsageError("%v", err)
	}
	systems := []eval.System{tb}
	if o.baseline {
		b, err := eval.Baseline()
		if err != nil {
			return nil, err
		}
		systems = append(systems, b)
	}
	return systems, nil
}

// writeTable prints one row per type and system, then the listed errors.
func writeTable(w io.Writer, corpus string, types []string, results []*eval.Result, errors bool) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %d documents, %d characters\n", corpus, results[0].Docs, results[0].Chars)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tsystem\tgold\tpred\ttp\tP\tR\tF1\toverlap P\toverlap R\toverlap F1\t")
	for _, t := range types {
		for _, r := range results {
			m, ok := r.Metrics[t]
			if !ok {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n",
				t, r.System, m.Gold, m.Pred, m.TP, m.Precision, m.Recall, m.F1,
				m.OverlapPrecision, m.OverlapRecall, m.OverlapF1)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if errors {
		for _, r := range results {
			for _, t := range types {
				m, b := r.Metrics[t], r.Boundary[t]
				writeErrors(bw, fmt.Sprintf("%s %s: false positives (%d: %d overlap a gold %s, %d spurious)",
					r.System, t, m.Pred-m.TP, b.FP, t, m.Pred-m.TP-b.FP), r.FP[t], "gold")
				writeErrors(bw, fmt.Sprintf("%s %s: false negatives (%d: %d overlap a prediction, %d missed)",
					r.System, t, m.Gold-m.TP, b.FN, m.Gold-m.TP-b.FN), r.FN[t], "pred")
			}
		}
	}
	return bw.Flush()
}

func writeErrors(w io.Writer, title string, errs []eval.Error, other string) {
	fmt.Fprintf(w, "\n%s\n", title)
	for _, e := range errs {
		fmt.Fprintf(w, "%6d  %s\t%s", e.Count, e.Text, e.Example)
		if e.Other != "" {
			fmt.Fprintf(w, "\t(%s: %s)", other, e.Other)
		}
		if e.Rule != "" {
			fmt.Fprintf(w, "\t[%s]", e.Rule)
		}
		fmt.Fprintln(w)
	}
}

type jsonReport struct {
	Corpus         string                         `json:"corpus"`
	Docs           int                            `json:"documents"`
	Chars          int                            `json:"chars"`
	Types          map[string]eval.Metrics        `json:"types"`
	FalsePositives map[string][]eval.Error        `json:"false_positives,omitempty"`
	FalseNegatives map[string][]eval.Error        `json:"false_negatives,omitempty"`
	BoundaryErrors map[string]eval.BoundaryCounts `json:"boundary_errors,omitempty"`
	// Systems holds every system's result, the first one's also above.
	Systems []*eval.Result `json:"systems"`
}

func writeJSON(w io.Writer, corpus string, results []*eval.Result, pretty bool) error {
	r0 := results[0]
	b, err := cmdutil.JSONRecord(jsonReport{
		Corpus: corpus, Docs: r0.Docs, Chars: r0.Chars, Types: r0.Metrics,
		FalsePositives: r0.FP, FalseNegatives: r0.FN, BoundaryErrors: r0.Boundary, Systems: results,
	}, pretty)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// writePredictions writes the predictions of r, one JSON line per document.
func writePredictions(path string, docs []eval.Doc, r *eval.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for i, d := range docs {
		type pm struct {
			Type  string `json:"type"`
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
		}
		rs := []rune(d.Text)
		ms := make([]pm, 0, len(r.Predictions[i]))
		for _, s := range r.Predictions[i] {
			if s.Start >= 0 && s.End <= len(rs) && s.Start < s.End {
				ms = append(ms, pm{s.Type, s.Start, s.End, string(rs[s.Start:s.End])})
			}
		}
		b, err := cmdutil.JSONRecord(struct {
			ID       string `json:"id"`
			Mentions []pm   `json:"mentions"`
		}{d.ID, ms}, false)
		if err != nil {
			f.Close()
			return err
		}
		bw.Write(b)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
