// Package indicators implements "tongbao indicators".
package indicators

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
)

// Options are the parsed flags and arguments of "tongbao indicators".
type Options struct {
	IO    *cmdutil.IOStreams
	Ctx   context.Context
	Input *cmdutil.InputFlags
	// Sidecar holds the --meta fields by document id (nil: none).
	Sidecar cmdutil.Sidecar
	// CSV writes CSV rows (Header); BOM starts them with a UTF-8
	// byte-order mark.
	CSV, BOM bool
	Args     []string
}

// Header names the columns of a row, in the order of the JSONL fields.
var Header = []string{
	"id", "home_name", "home_code", "home_level", "year",
	"indicator", "indicator_text", "measure", "status", "period", "start_date", "end_date",
	"value", "unit", "approx", "range_lo", "range_hi", "stretch",
	"text", "start", "end",
}

// Row is one indicator item of one document: the first statement of an
// indicator × measure × status × period in the document.
type Row struct {
	ID            string    `json:"id"`
	Home          *string   `json:"home_name"`
	Code          *string   `json:"home_code"`
	Level         *string   `json:"home_level"`
	Year          *int      `json:"year"`
	Indicator     string    `json:"indicator"`
	IndicatorText string    `json:"indicator_text"`
	Measure       string    `json:"measure"`
	Status        string    `json:"status"`
	Period        string    `json:"period"`
	StartDate     *string   `json:"start_date"` // the period's first day, plain ISO
	EndDate       *string   `json:"end_date"`   // its last day
	Value         float64   `json:"value"`
	Unit          string    `json:"unit"`
	Approx        string    `json:"approx"`
	Range         []float64 `json:"range"`
	Stretch       *float64  `json:"stretch"`
	Text          string    `json:"text"`
	Start         int       `json:"start"`
	End           int       `json:"end"`
}

// New returns the indicators command on the process's streams.
func New() *cobra.Command { return NewCmdIndicators(cmdutil.NewFactory(), nil) }

// NewCmdIndicators returns the indicators command. When runF is not nil it
// receives the checked options instead of the command running.
func NewCmdIndicators(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IOStreams}
	var meta *cmdutil.MetaFlag
	cmd := &cobra.Command{
		Use:   "indicators [FILE|DIR|ARCHIVE|-]...",
		Short: "Targets and results of economic indicators (GDP growth, CPI, …) as a panel",
		Long: `Read the targets and results of economic and social indicators (地区生产总值,
居民消费价格, 城镇调查失业率, 一般公共预算收入, …) off work reports and statistical
communiqués, one row per document × indicator × measure × status × period:

  measure  growth (增长7%), level (达到5000亿元), share (失业率4.5%),
           points (提高1.2个百分点)
  status   target (主要预期目标, 力争, 确保, this year's work), actual (the
           review, every figure of a communiqué), expected (预计, 初步测算)
  period   the year ("2019"): a target's is the report's year or a
           five-year plan's end year; a result's the year reviewed (the
           year before a work report's, a communiqué's statistical year);
           a multi-year average of the review an interval ("2013/2017")

When a document states the same indicator × measure × status × period
twice, the first statement is the row. value is the number as written, in
unit (23223.8 亿元), negative for a decline (下降3% → -3), the lower bound
of a range (range [6, 6.5] for 6%—6.5%); approx is exact, about (左右),
over (以上, 突破) or under (以内); stretch is the higher figure of a target
with two (增长8%以上，力争9% → value 8, approx over, stretch 9).
Qualitative targets (与经济增长同步) have no number and give no row.

Every row carries the document's id, home region (home_name, home_code,
home_level) and year; start_date and end_date are the period's first and
last day. JSON Lines by default, one row per line; --csv writes the columns
` + strings.Join(Header, ", ") + `.
"tongbao rules --stage indicator" lists the rules.`,
		Example: `  tongbao indicators ../shared/corpora/gov-work-reports/provinces/ > panel.jsonl
  tongbao indicators --csv --bom -o panel.csv reports/
  tongbao indicators report.md | jq -c 'select(.indicator=="gdp" and .status=="target")'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.IO == nil {
				o.IO = cmdutil.StreamsOf(cmd)
			}
			if o.BOM && !o.CSV {
				return cmdutil.UsageError("--bom goes with --csv")
			}
			if o.CSV && o.Input.Pretty {
				return cmdutil.UsageError("--pretty formats JSON records, not --csv")
			}
			if o.Input.Resume {
				return cmdutil.UsageError("--resume works on one record per document; indicators writes one per item")
			}
			if err := o.Input.Check(); err != nil {
				return err
			}
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
	fs := cmd.Flags()
	fs.BoolVar(&o.CSV, "csv", false, "write CSV, one row per item: "+strings.Join(Header, ","))
	cmdutil.AddBOMFlag(cmd, &o.BOM)
	return cmd
}

// Rows returns the rows of a document.
func Rows(d *extract.Document) []Row {
	var out []Row
	for _, m := range extract.IndicatorItems(d.Mentions) {
		v, _ := m.IndicatorValue()
		r := Row{ID: d.ID, Year: d.Year, Indicator: m.Indicator, IndicatorText: m.IndicatorText,
			Measure: m.Measure, Status: m.Status, Period: m.Period, Value: v, Unit: m.Unit,
			Approx: m.Approx, Range: m.Range, Stretch: m.Stretch, Text: m.Text, Start: m.Start, End: m.End}
		if m.StartDate != "" {
			r.StartDate, r.EndDate = &m.StartDate, &m.EndDate
		}
		if h := d.Home; h != nil {
			r.Home = &h.Name
			if h.Code != "" {
				r.Code = &h.Code
			}
			if h.Level != "" {
				r.Level = &h.Level
			}
		}
		out = append(out, r)
	}
	return out
}

// csvRow returns the columns of Header.
func csvRow(r Row) []string {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	year, lo, hi, st := "", "", "", ""
	if r.Year != nil {
		year = strconv.Itoa(*r.Year)
	}
	if len(r.Range) == 2 {
		lo, hi = num(r.Range[0]), num(r.Range[1])
	}
	if r.Stretch != nil {
		st = num(*r.Stretch)
	}
	return []string{r.ID, str(r.Home), str(r.Code), str(r.Level), year,
		r.Indicator, r.IndicatorText, r.Measure, r.Status, r.Period, str(r.StartDate), str(r.EndDate),
		num(r.Value), r.Unit, r.Approx, lo, hi, st,
		r.Text, strconv.Itoa(r.Start), strconv.Itoa(r.End)}
}

// Run reads the documents of o.Args and writes their rows.
func Run(o *Options) error {
	doc := func(cd corpus.Document) (*extract.Document, error) {
		return extract.NewDocument(cd.Text, extract.WithTypes(extract.TypeIndicator), extract.WithID(cd.ID),
			extract.WithMeta(cd.Meta), extract.WithMetaOverride(o.Sidecar.Fields(cd.ID)))
	}
	if o.CSV {
		return cmdutil.RunDocsCSV(o.Ctx, o.IO, o.Args, o.Input, o.BOM, Header, func(cd corpus.Document) ([][]string, error) {
			d, err := doc(cd)
			if err != nil {
				return nil, err
			}
			var rows [][]string
			for _, r := range Rows(d) {
				rows = append(rows, csvRow(r))
			}
			return rows, nil
		})
	}
	return cmdutil.RunDocsToIO(o.Ctx, o.IO, o.Args, o.Input, func(cd corpus.Document, w io.Writer) error {
		d, err := doc(cd)
		if err != nil {
			return err
		}
		for _, r := range Rows(d) {
			b, err := cmdutil.JSONRecord(r, o.Input.Pretty)
			if err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	})
}
