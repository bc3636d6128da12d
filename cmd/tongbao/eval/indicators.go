package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract/eval"
)

// runIndicators scores the indicator items of tongbao against the
// indicator gold (a folder with docs.txt and items-*.jsonl): items right
// over gold items, precision, the same for GDP growth targets, and per
// indicator; --errors N lists the first N wrong, missed and spurious
// items; --floors checks the floors of "indicators" (keys all and
// gdp_growth_target, on the share right).
func runIndicators(cmd *cobra.Command, args []string, o *Options) error {
	if len(args) != 1 {
		return cmdutil.UsageError("--gold indicators takes one gold folder, got %d", len(args))
	}
	if len(o.types) > 0 || o.baseline || o.predictions != "" {
		return cmdutil.UsageError("--gold indicators takes none of --types, --baseline, --predictions")
	}
	g, err := eval.ReadIndicatorGold(args[0])
	if err != nil {
		return err
	}
	eval.ModernRoot = o.corpus
	pred, err := eval.PredictIndicators(cmd.Context(), g.Docs, o.jobs)
	if err != nil {
		return err
	}
	res := eval.ScoreIndicators(g, pred)
	// --errors N keeps the first N errors of each kind.
	kept, per := res.Errors[:0], map[string]int{}
	for _, e := range res.Errors {
		if per[e.Kind] < o.errors {
			per[e.Kind]++
			kept = append(kept, e)
		}
	}
	res.Errors = kept
	if o.explain {
		if err := eval.ExplainIndicators(cmd.Context(), res, o.jobs); err != nil {
			return err
		}
	}
	out := cmd.OutOrStdout()
	if o.json {
		b, err := cmdutil.JSONRecord(res, o.pretty)
		if err != nil {
			return err
		}
		if _, err := out.Write(b); err != nil {
			return err
		}
	} else if err := writeIndicators(out, args[0], res); err != nil {
		return err
	}
	if o.floors == "" {
		return nil
	}
	floors, err := eval.ReadFloors(o.floors)
	if err != nil {
		return cmdutil.UsageError("--floors: %v", err)
	}
	var bad []string
	for k, fl := range floors[eval.FormatIndicators] {
		var got float64
		switch k {
		case "all":
			got = res.All.ShareRight
		case "gdp_growth_target":
			got = res.GDPTarget.ShareRight
		default:
			return cmdutil.UsageError("--floors: unknown indicators floor %q (known: all, gdp_growth_target)", k)
		}
		if got < fl {
			bad = append(bad, fmt.Sprintf("%s: %.4f of items right is below the floor %.3f", k, got, fl))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "indicators accuracy below floors:\n  " + strings.Join(bad, "\n  ")}
	}
	return nil
}

func writeIndicators(w io.Writer, path string, res *eval.IndicatorResult) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "indicators %s: %d documents\n", path, res.Docs)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "items\tgold\tpred\tmatched\tright\tshare right\tprecision\t")
	row := func(name string, s *eval.IndicatorScore) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t\n", name, s.Gold, s.Pred, s.Matched, s.Right, s.ShareRight, s.Precision)
	}
	row("all", &res.All)
	row("gdp growth target", &res.GDPTarget)
	ids := make([]string, 0, len(res.ByIndicator))
	for id := range res.ByIndicator {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		row(id, res.ByIndicator[id])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, kind := range []string{"wrong", "missed", "spurious"} {
		first := true
		for _, e := range res.Errors {
			if e.Kind != kind {
				continue
			}
			if first {
				fmt.Fprintf(bw, "\n%s items\n", kind)
				first = false
			}
			switch {
			case e.Gold != nil && e.Pred != nil:
				fmt.Fprintf(bw, "  %s:%d  %s\n      gold %s\n      pred %s\n", e.Gold.Doc, e.Gold.Line, itemKey(e.Gold), itemFigure(e.Gold), itemFigure(e.Pred))
			case e.Gold != nil:
				fmt.Fprintf(bw, "  %s:%d  %s  %s  (%s)\n", e.Gold.Doc, e.Gold.Line, itemKey(e.Gold), itemFigure(e.Gold), e.Gold.IndicatorText)
			default:
				fmt.Fprintf(bw, "  %s:%d  %s  %s  (%s)\n", e.Pred.Doc, e.Pred.Line, itemKey(e.Pred), itemFigure(e.Pred), e.Pred.IndicatorText)
			}
			switch {
			case len(e.Rules) > 0:
				fmt.Fprintf(bw, "      [%s]\n", strings.Join(e.Rules, ", "))
			case e.Rules != nil:
				fmt.Fprintln(bw, "      [no candidate with this figure on its line]")
			}
		}
	}
	return bw.Flush()
}

func itemKey(it *eval.IndicatorItem) string {
	return fmt.Sprintf("%s %s %s %s", it.Indicator, it.Measure, it.Status, it.Period)
}

func itemFigure(it *eval.IndicatorItem) string {
	s := fmt.Sprintf("%s = %g %s %s", it.Text, it.Value, it.Unit, it.Approx)
	if it.Range != nil {
		s += fmt.Sprintf(" range %v", it.Range)
	}
	if it.Stretch != nil {
		s += fmt.Sprintf(" stretch %g", *it.Stretch)
	}
	return s
}
