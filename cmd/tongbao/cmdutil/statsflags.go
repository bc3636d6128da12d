package cmdutil

// The flags, scanning and output redirection shared by the commands that
// count terms in groups of documents (stats, kwic, compare), so that no
// command imports another.

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/stats"
)

// StatsOptions are the flags shared by the commands that count terms in
// groups of documents (stats, kwic, compare).
type StatsOptions struct {
	In *InputFlags

	StopFiles   []string
	NoStop      bool
	POS         []string
	MinLen      int
	Unit        string
	GroupBy     []string
	GroupPat    string
	GroupBucket string
	T2S         *T2SFlag
}

// AddStatsOptions registers the input, filter, unit and grouping flags on cmd.
func AddStatsOptions(cmd *cobra.Command) *StatsOptions {
	o := &StatsOptions{In: AddTableInputFlags(cmd)}
	fs := cmd.Flags()
	fs.StringSliceVar(&o.StopFiles, "stopwords", nil, "word-list FILE(s) of more stopwords (one word a line)")
	fs.BoolVar(&o.NoStop, "no-stopwords", false, "do not use the built-in stopword list")
	fs.StringSliceVar(&o.POS, "pos", nil, "keep only words whose part-of-speech tag starts with one of these (e.g. n,v)")
	fs.IntVar(&o.MinLen, "min-len", 2, "minimum term length in characters")
	fs.StringVar(&o.Unit, "unit", "word", "what to count: "+strings.Join(stats.Units, "|")+" (extracted mentions, by canonical form when known)")
	AddGroupFlags(cmd, o)
	o.T2S = AddT2SFlag(cmd)
	return o
}

// AddGroupFlags registers --group-by, --group-pattern and --group-bucket.
func AddGroupFlags(cmd *cobra.Command, o *StatsOptions) {
	fs := cmd.Flags()
	fs.StringArrayVar(&o.GroupBy, "group-by", nil, "group documents by SPEC, tried in order until one applies: meta.FIELD[:decade|century|year], dir, file, id (these three also with :decade|century|year), home, re:REGEX")
	fs.StringVar(&o.GroupPat, "group-pattern", "", "group documents by REGEX on the id (its first capture group, else the whole match); same as --group-by re:REGEX")
	fs.StringVar(&o.GroupBucket, "group-bucket", "", "bucket the meta.FIELD groups given without one by the year they start with: decade|century|year")
}

// GroupSpecs returns the group specs of the flags as given: those of
// --group-by, then re:REGEX for --group-pattern.
func (o *StatsOptions) GroupSpecs() []string {
	specs := append([]string(nil), o.GroupBy...)
	if o.GroupPat != "" {
		specs = append(specs, "re:"+o.GroupPat)
	}
	return specs
}

// Grouper returns the grouper the flags describe (nil when there is no
// grouping).
func (o *StatsOptions) Grouper() (*stats.Grouper, error) {
	specs := o.GroupSpecs()
	if o.GroupBucket != "" {
		switch o.GroupBucket {
		case "decade", "century", "year":
		default:
			return nil, UsageError("--group-bucket %q: want decade, century or year", o.GroupBucket)
		}
		for i, s := range specs {
			if strings.HasPrefix(s, "meta.") && !strings.Contains(s, ":") {
				specs[i] = s + ":" + o.GroupBucket
			}
		}
	}
	g, err := stats.NewGrouper(specs)
	if err != nil {
		return nil, UsageError("%v", err)
	}
	return g, nil
}

// Filter returns the term filter the flags describe.
func (o *StatsOptions) Filter() (*stats.Filter, error) {
	f := &stats.Filter{POS: o.POS, MinLen: o.MinLen}
	if o.MinLen < 0 {
		return nil, UsageError("--min-len must not be negative")
	}
	if !o.NoStop {
		f.Stopwords = stats.DefaultStopwords()
	} else {
		f.Stopwords = stats.Stopwords{}
	}
	for _, p := range o.StopFiles {
		if err := f.Stopwords.AddFile(p); err != nil {
			return nil, UsageError("--stopwords: %v", err)
		}
	}
	return f, nil
}

// NewCounter returns the Counter the flags describe.
func (o *StatsOptions) NewCounter() (*stats.Counter, error) {
	ok := false
	for _, u := range stats.Units {
		ok = ok || u == o.Unit
	}
	if !ok {
		return nil, UsageError("--unit %q: want one of %s", o.Unit, strings.Join(stats.Units, ", "))
	}
	if o.Unit != "word" && len(o.POS) > 0 {
		return nil, UsageError("--pos applies to --unit word only")
	}
	f, err := o.Filter()
	if err != nil {
		return nil, err
	}
	g, err := o.Grouper()
	if err != nil {
		return nil, err
	}
	c, err := stats.NewCounter(o.Unit, f, g)
	if err == nil && o.T2S != nil {
		c.T2S, err = o.T2S.Mode()
	}
	return c, err
}

// AddTableInputFlags registers the input flags of a command that reads
// documents in order and writes a table or a stream of its own (stats,
// kwic, compare): those of AddInputFlags, with --resume and
// --unordered hidden (CheckTableOutput refuses them).
func AddTableInputFlags(cmd *cobra.Command) *InputFlags {
	in := AddInputFlags(cmd)
	cmd.Flags().MarkHidden("resume")
	cmd.Flags().MarkHidden("unordered")
	return in
}

// CheckTableOutput reports the usage errors of the output flags of a
// command that writes a table or a stream of its own (see
// AddTableInputFlags): --resume and --unordered do not apply, and -o FILE
// must not be one of the inputs. name is the command's path ("tongbao stats
// freq").
func CheckTableOutput(name string, in *InputFlags, args []string) error {
	if in.Resume {
		return UsageError("--resume does not apply to %s: it writes a table, not one record per document", name)
	}
	if in.Unordered {
		return UsageError("--unordered does not apply to %s: it reads documents in order", name)
	}
	if in.Output != "" {
		return CheckOutputNotInput(in.Output, args)
	}
	return nil
}

// TableOutput returns a context that the first SIGINT or SIGTERM cancels
// (Scan then stops reading and returns an interrupted error: the command
// writes no table, or (kwic) only whole records; a second signal kills),
// and the streams of ios with Out pointed at -o FILE when given (the
// statistics commands write whole tables, so --resume does not apply: see
// CheckTableOutput). Call done when finished: it stops the signal handling
// and closes the file.
func TableOutput(ctx context.Context, ios *IOStreams, in *InputFlags) (_ context.Context, _ *IOStreams, done func() error, _ error) {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal kills
	}()
	if in.Output == "" {
		return ctx, ios, func() error { stop(); return nil }, nil
	}
	f, err := os.Create(in.Output)
	if err != nil {
		stop()
		return nil, nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot create output: %v", err)}
	}
	out := *ios
	out.Out = f
	return ctx, &out, func() error { stop(); return f.Close() }, nil
}
