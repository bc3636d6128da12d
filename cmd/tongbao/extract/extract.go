// Package extract implements "tongbao extract".
package extract

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/zhconv"
)

// Explain formats.
const (
	ExplainJSON = "json"
	ExplainText = "text"
)

// Options are the parsed flags and arguments of "tongbao extract".
type Options struct {
	IO    *cmdutil.IOStreams
	Ctx   context.Context
	Input *cmdutil.InputFlags
	// Types are the mention types wanted (nil: every type).
	Types []string
	// RefDate is the reference date (zero: from meta, dateline or cues).
	RefDate time.Time
	// Explain is "" (no trace), ExplainJSON or ExplainText.
	Explain string
	// Sidecar holds the --meta fields by document id (nil: none).
	Sidecar cmdutil.Sidecar
	// T2S says when Traditional text is converted for analysis.
	T2S zhconv.Mode
	// CSV writes one row per mention (see csv.go); BOM starts it with a
	// UTF-8 byte-order mark.
	CSV, BOM bool
	Args     []string
}

// New returns the extract command on the process's streams.
func New() *cobra.Command { return NewCmdExtract(cmdutil.NewFactory(), nil) }

// NewCmdExtract returns the extract command. When runF is not nil it
// receives the checked options instead of the command running.
func NewCmdExtract(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IOStreams}
	var meta *cmdutil.MetaFlag
	var types []string
	var refDate string
	var t2s *cmdutil.T2SFlag
	cmd := &cobra.Command{
		Use:   "extract [FILE|DIR|ARCHIVE|-]...",
		Short: "Extract times, counts, people, places, organizations, titles and slogans",
		Long: `Extract structured mentions from each document.

Each output line is one document: {"id", "title", "date", "byline", "home"
(name, code, level, from), "year", "speaker", "genre",
"sections", "people", "places", "orgs", "mentions": [...]}. Every mention has
"type", "text", "start" and "end" (Unicode code points, end exclusive) and
fields of its type (value, kind, unit, object, titles, code, ...).

--explain adds to each record an "explain" array: for every mention (in the
order of "mentions", with its index as "mention") and then every candidate
the rules rejected, its type, text, span, verdict (accept or reject), the
rule that decided ("rule", "" when none reported) and every rule that fired
on the span ("rules"). --explain=text prints the same as lines instead of
JSON records:

  # ID
  accept  person  [347,350)  person.office_before  罗智琼
  reject  person  [640,642)  person.frequent_word  富美

"tongbao rules" lists the rules with their docs.

Mention types: ` + strings.Join(extract.Types, ", ") + ` by default; ` +
			strings.Join(extract.OptionalTypes, ", ") + ` only when --types names it; --types all for every type.`,
		Example: `  cat bulletin.txt | tongbao extract --pretty
  tongbao extract --types time,count --ref-date 2021-04-20 report.txt
  tongbao extract reports/ | jq -c '.mentions[] | select(.type=="count")'
  tongbao extract --explain=text --types person bulletin.txt
  tongbao extract --csv --bom -o mentions.csv reports/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.IO == nil {
				o.IO = cmdutil.StreamsOf(cmd)
			}
			if ts, err := extract.ParseTypes(types); err != nil {
				return cmdutil.UsageError("%v", err)
			} else if ts != nil {
				o.Types = ts
			}
			if refDate != "" {
				t, err := time.Parse("2006-01-02", refDate)
				if err != nil {
					return cmdutil.UsageError("--ref-date %q: want YYYY-MM-DD", refDate)
				}
				o.RefDate = t
			}
			switch o.Explain {
			case "", ExplainJSON, ExplainText:
			default:
				return cmdutil.UsageError("--explain=%q: want json or text", o.Explain)
			}
			if o.Explain == ExplainText && o.Input.Pretty {
				return cmdutil.UsageError("--pretty formats JSON records, not --explain=text")
			}
			if o.BOM && !o.CSV {
				return cmdutil.UsageError("--bom goes with --csv")
			}
			if o.CSV && (o.Explain != "" || o.Input.Pretty) {
				return cmdutil.UsageError("--csv writes mentions, not --explain or --pretty")
			}
			if err := o.Input.Check(); err != nil {
				return err
			}
			m, err := t2s.Mode()
			if err != nil {
				return err
			}
			o.T2S = m
			sc, err := meta.Sidecar()
			if err != nil {
				return err
			}
			o.Sidecar = sc
			o.Ctx, o.Args = cmd.Context(), args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	o.Input = cmdutil.AddInputFlags(cmd)
	meta = cmdutil.AddMetaFlag(cmd)
	t2s = cmdutil.AddT2SFlag(cmd)
	fs := cmd.Flags()
	fs.StringSliceVarP(&types, "types", "t", nil, "mention types to extract, comma-separated, or all (default: every type but indicator)")
	fs.StringVar(&refDate, "ref-date", "", "reference date YYYY-MM-DD for relative and partial times (default: from meta, dateline or year cues)")
	fs.StringVar(&o.Explain, "explain", "", "show the rule that decided each mention and each rejected candidate: json (an \"explain\" array per record) or text (--explain=text)")
	fs.Lookup("explain").NoOptDefVal = ExplainJSON
	fs.BoolVar(&o.CSV, "csv", false, "write CSV, one row per mention: "+strings.Join(CSVHeader, ","))
	cmdutil.AddBOMFlag(cmd, &o.BOM)
	return cmd
}

// Run extracts the documents of o.Args.
func Run(o *Options) error {
	base := []extract.Option{extract.WithT2S(o.T2S)}
	if o.Types != nil {
		base = append(base, extract.WithTypes(o.Types...))
	}
	if !o.RefDate.IsZero() {
		base = append(base, extract.WithRefDate(o.RefDate))
	}
	// The dictionaries load, several at a time, while the inputs open; a
	// load error reaches every record through NewDocument.
	go func() { _ = extract.Preload(base...) }()
	if o.CSV {
		return cmdutil.RunDocsCSV(o.Ctx, o.IO, o.Args, o.Input, o.BOM, CSVHeader, func(doc corpus.Document) ([][]string, error) {
			opts := append(base[:len(base):len(base)], extract.WithID(doc.ID), extract.WithMeta(doc.Meta), extract.WithMetaOverride(o.Sidecar.Fields(doc.ID)))
			d, err := extract.NewDocument(doc.Text, opts...)
			if err != nil {
				return nil, err
			}
			return csvRows(d), nil
		})
	}
	return cmdutil.RunDocsToIO(o.Ctx, o.IO, o.Args, o.Input, func(doc corpus.Document, w io.Writer) error {
		opts := append(base[:len(base):len(base)], extract.WithID(doc.ID), extract.WithMeta(doc.Meta), extract.WithMetaOverride(o.Sidecar.Fields(doc.ID)))
		if o.Explain == "" { // long documents in windows, in bounded memory
			return cmdutil.StreamedRecordTo(w, o.Input.Pretty, func(emit func(any) error) (any, error) {
				return extract.NewDocumentStream(doc.Text, 0, func(ms []extract.Mention) error {
					for i := range ms {
						var v any = &ms[i] // encoded at once, without reflection (record.Appender)
						if o.Input.Pretty {
							v = ms[i] // held until the record is indented
						}
						if err := emit(v); err != nil {
							return err
						}
					}
					return nil
				}, opts...)
			})
		}
		rec, err := explainRecord(o, doc, opts)
		if err == nil {
			_, err = w.Write(rec)
		}
		return err
	})
}

// explainRecord is the record of one document with the trace of its rules.
func explainRecord(o *Options, doc corpus.Document, opts []extract.Option) ([]byte, error) {
	var events []extract.TraceEvent
	opts = append(opts, extract.WithTrace(func(e extract.TraceEvent) { events = append(events, e) }))
	d, err := extract.NewDocument(doc.Text, opts...)
	if err != nil {
		return nil, err
	}
	switch o.Explain {
	case ExplainJSON:
		return cmdutil.JSONRecord(explained{d, extract.Explain(d, events)}, o.Input.Pretty)
	case ExplainText:
		return explainText(d, extract.Explain(d, events)), nil
	}
	return cmdutil.JSONRecord(d, o.Input.Pretty)
}

// explained is a record with its explanation.
type explained struct {
	*extract.Document
	Explain []extract.Decision `json:"explain"`
}

// AppendJSON appends the record as encoding/json writes it: the document's
// fields (Document.AppendJSON), then "explain" (Decision.AppendJSON). It
// replaces the method explained would get from Document, which leaves
// "explain" out.
func (e explained) AppendJSON(b []byte) ([]byte, error) {
	n := len(b)
	b, err := e.Document.AppendJSON(b)
	if err != nil {
		return b, err
	}
	b = append(b[:len(b)-1], `,"explain":`...) // the document's closing }
	if e.Explain == nil {
		return append(b, "null}"...), nil
	}
	b = append(b, '[')
	for i := range e.Explain {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = e.Explain[i].AppendJSON(b); err != nil {
			return b[:n], err
		}
	}
	return append(b, ']', '}'), nil
}

// explainText formats the decisions of d as lines: verdict, type, span,
// rule, text, and the other rules that fired on the span.
func explainText(d *extract.Document, decs []extract.Decision) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", d.ID)
	decs = slices.Clone(decs)
	// in text order, the mentions before the rejected candidates of a span
	sort.SliceStable(decs, func(i, j int) bool { return decs[i].Start < decs[j].Start })
	for _, x := range decs {
		rule := x.Rule
		if rule == "" {
			rule = "(no rule)"
		}
		span := fmt.Sprintf("[%d,%d)", x.Start, x.End)
		fmt.Fprintf(&b, "%-6s  %-6s  %-11s  %-32s  %s", x.Verdict, x.Type, span, rule, oneLine(x.Text))
		var also []string
		for _, r := range x.Rules {
			if r != x.Rule && !contains(also, r) {
				also = append(also, r)
			}
		}
		if len(also) > 0 {
			fmt.Fprintf(&b, "  (also %s)", strings.Join(also, ", "))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
