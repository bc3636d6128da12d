package eval

import (
	"bufio"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract/eval"
)

// runRecognizers scores tongbao on the Recognizers-Text cases: per
// category, the results found (a mention overlaps them) and right (the
// value agrees after the mapping documented in extract/eval), and the
// false positives; --floors checks the "recognizers" floors (date and unit
// on the share right, max_false_positives as a ceiling).
func runRecognizers(cmd *cobra.Command, args []string, o *Options) error {
	if len(args) != 1 {
		return cmdutil.UsageError("--gold recognizers takes one cases file, got %d", len(args))
	}
	if len(o.types) > 0 || o.baseline || o.predictions != "" {
		return cmdutil.UsageError("--gold recognizers takes none of --types, --baseline, --predictions")
	}
	var floors eval.Floors
	if o.floors != "" {
		var err error
		if floors, err = eval.ReadFloors(o.floors); err != nil {
			return cmdutil.UsageError("--floors: %v", err)
		}
		if len(floors[eval.FormatRecognizers]) == 0 {
			return cmdutil.UsageError("--floors: %s sets no floor for recognizers", o.floors)
		}
		if err := floors.RecognizersKeys(); err != nil {
			return cmdutil.UsageError("--floors: %v", err)
		}
	}
	cases, err := eval.ReadRecognizersFile(args[0])
	if err != nil {
		return err
	}
	res, err := eval.ScoreRecognizers(cmd.Context(), cases, eval.TongbaoRecognizers, o.jobs)
	if err != nil {
		return err
	}
	eval.SortRecErrors(res.Errors)
	// --errors N keeps the first N errors of each category.
	kept, per := res.Errors[:0], map[string]int{}
	for _, e := range res.Errors {
		if per[e.Category] < o.errors {
			per[e.Category]++
			kept = append(kept, e)
		}
	}
	res.Errors = kept
	out := cmd.OutOrStdout()
	if o.json {
		b, err := cmdutil.JSONRecord(res, o.pretty)
		if err != nil {
			return err
		}
		if _, err := out.Write(b); err != nil {
			return err
		}
	} else if err := writeRecognizers(out, args[0], res); err != nil {
		return err
	}
	if floors == nil {
		return nil
	}
	if err := floors.CheckRecognizers(res); err != nil {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: err.Error()}
	}
	return nil
}

func writeRecognizers(w io.Writer, path string, res *eval.RecResultSet) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "recognizers %s: %d cases in scope\n", path, res.Cases)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "category\tresults\tfound\tright\tshare right\tfalse positives\t")
	for _, c := range eval.RecognizersCategories {
		k := res.Categories[c]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%d\t\n", c, k.Results, k.Found, k.Right, k.Share(), k.FP)
	}
	fmt.Fprintf(tw, "all\t\t\t\t\t%d\t\n", res.FP)
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		fmt.Fprintln(bw)
		for _, e := range res.Errors {
			fmt.Fprintf(bw, "%s\t%s\t%s\t%q ref %s", e.Category, e.What, e.Case, e.Input, e.Ref)
			if e.Want != "" {
				fmt.Fprintf(bw, "\twant %s", e.Want)
			}
			if e.Got != "" {
				fmt.Fprintf(bw, "\tgot %s = %s", e.Got, e.GotVal)
			}
			fmt.Fprintln(bw)
		}
	}
	return bw.Flush()
}
