// Package compare implements "tongbao compare".
package compare

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/measure"
	"github.com/tongbao/tongbao/report"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/stats"
)

// Options are the parsed flags and arguments of "tongbao compare".
type Options struct {
	IO  *cmdutil.IOStreams
	Ctx context.Context
	// Stats holds the input, filter, unit and grouping flags; Counter
	// counts a document's terms as they say.
	Stats   *cmdutil.StatsOptions
	Counter *stats.Counter
	// HTML is the report file (--html), CSVDir the folder of the tables
	// (--csv), BOM starts the tables with a UTF-8 byte-order mark.
	HTML, CSVDir string
	BOM          bool
	// JSON writes the comparison to the output even with HTML or CSVDir.
	JSON  bool
	Title string
	// Keyness ranks the key terms (its Top: key terms per group).
	Keyness     stats.KeynessOptions
	KeepNumbers bool
	// Top is the number of slogans, people, offices and claims per group,
	// Slogans the slogans counted in every group, KWIC the lines in
	// context of each key term and slogan per group.
	Top, Slogans, KWIC int
	// Dict is the concept dictionary of --dict (nil: none), Match its
	// matching (token or substring).
	Dict  *measure.Dictionary
	Match string
	Args  []string
}

// New returns the compare command on the command's streams (SetIn, SetOut,
// SetErr; the process's by default).
func New() *cobra.Command { return NewCmdCompare(&cmdutil.Factory{}, nil) }

// NewCmdCompare returns the compare command. When runF is not nil it
// receives the checked options instead of the command running.
func NewCmdCompare(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{}
	var dictFile string
	cmd := &cobra.Command{
		Use:   "compare --group-by SPEC [flags] [FILE|DIR|ARCHIVE|-]...",
		Short: "How do these groups (counties, years, sources) differ?",
		Long: `Compare groups of documents (see "tongbao stats --help" for --group-by).

For each group: documents, characters, date range, the key terms against
all other groups (G² with Williams' correction, as in "stats keyness"; the
over-represented terms, and with --html the under-represented ones too),
the slogans it uses (count, documents, first date seen), the people and
offices mentioned most, and its quantified claims counted by object.
Between groups: cosine (TF-IDF) and Jaccard similarity matrices. Across
groups: the --slogans slogans most used overall, counted in every group.

Numbers, years (一九五八年, １９５５年) and measure words (万平方米) are left
out of the key terms unless --keep-numbers is given; the similarities count
every term.

A document's date is the date extraction finds for it, else a "date" or
"year" metadata field, else a year (19xx or 20xx) in its file name, else the
reference year extraction inferred from the text.

Output: one JSON object on stdout (unless --html or --csv is given without
--json); --csv DIR writes groups.csv, keyness.csv, slogans.csv,
slogans_by_group.csv, people.csv, offices.csv, claims.csv, cosine.csv and
jaccard.csv; --html FILE writes one self-contained page (inline SVG charts
and a small inline script, nothing loaded from the network): provenance
(inputs, settings, documents left out and why), the groups, similarity
heatmaps, a keyness chart per group, slogan rates across the groups and
their counts, people, offices and claims in tables that sort and filter,
and the lines in context (--kwic per group) of every key term and slogan.

With --dict FILE (a concept dictionary, see "tongbao measure --help"), the
HTML report gains each category's rate per 10,000 tokens over the years, one
line per group, and --csv writes rates.csv (group, year, counts and rates);
a document's year is its "year" (see "tongbao extract").`,
		Example: `  tongbao compare --group-by dir --html counties.html counties/
  tongbao compare --group-by file --html hailar.html gov-reports/hailar-district/
  tongbao compare --group-by file:decade --html national.html gov-work-reports/state-council/`,
	}
	o.Stats = cmdutil.AddStatsOptions(cmd)
	fs := cmd.Flags()
	fs.StringVar(&o.HTML, "html", "", "write a self-contained HTML report to FILE")
	fs.StringVar(&o.CSVDir, "csv", "", "write CSV tables into DIR (created if needed)")
	cmdutil.AddBOMFlag(cmd, &o.BOM)
	fs.BoolVar(&o.JSON, "json", false, "write the JSON to stdout even with --html or --csv")
	fs.StringVar(&o.Title, "title", "", "title of the HTML report (default: the number of groups, the first and the last)")
	fs.IntVar(&o.Keyness.Top, "top-terms", 20, "key terms per group")
	fs.Int64Var(&o.Keyness.MinCount, "min-count", 5, "leave out terms seen fewer times in all groups together (keyness)")
	fs.StringVar(&o.Keyness.Measure, "measure", "g2", "rank key terms by g2|chi2|log_ratio")
	fs.BoolVar(&o.KeepNumbers, "keep-numbers", false, "keep numbers, years and measure words among the key terms")
	fs.IntVar(&o.Top, "top", 20, "slogans, people, offices and claims per group (0: all)")
	fs.IntVar(&o.Slogans, "slogans", 40, "slogans counted in every group (the most used overall)")
	fs.IntVar(&o.KWIC, "kwic", 3, "HTML report: lines in context of each key term and slogan per group (0: none)")
	fs.StringVar(&dictFile, "dict", "", "a concept dictionary `FILE` (as tongbao measure): chart each category's rate over the years, one line per group")
	fs.StringVar(&o.Match, "match", measure.MatchToken, "with --dict: token or substring matching (as tongbao measure)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		o.IO = f.IOStreams
		if o.IO == nil {
			o.IO = cmdutil.StreamsOf(cmd)
		}
		if err := cmdutil.CheckTableOutput(cmd.CommandPath(), o.Stats.In, args); err != nil {
			return err
		}
		if err := o.Stats.In.Check(); err != nil {
			return err
		}
		if o.BOM && o.CSVDir == "" {
			return cmdutil.UsageError("--bom goes with --csv")
		}
		if err := o.Keyness.Check(); err != nil {
			return cmdutil.UsageError("%v", err)
		}
		if o.Stats.Unit != "word" {
			return cmdutil.UsageError("compare counts words: --unit must be word")
		}
		if o.Slogans < 0 || o.KWIC < 0 || o.Top < 0 || o.Keyness.Top < 0 {
			return cmdutil.UsageError("--top, --top-terms, --slogans and --kwic must not be negative")
		}
		c, err := o.Stats.NewCounter()
		if err != nil {
			return err
		}
		if c.Grouper == nil {
			return cmdutil.UsageError("compare needs groups: give --group-by SPEC or --group-pattern REGEX")
		}
		o.Counter = c
		o.Dict = nil
		if dictFile != "" {
			d, err := measure.LoadDictionary(dictFile)
			if err != nil {
				return cmdutil.UsageError("--dict: %v", err)
			}
			switch o.Match {
			case measure.MatchToken, measure.MatchSubstring:
			default:
				return cmdutil.UsageError("--match %q: want token or substring", o.Match)
			}
			o.Dict = d
		}
		o.Ctx, o.Args = cmd.Context(), args
		if runF != nil {
			return runF(o)
		}
		return Run(o)
	}
	return cmd
}

// Run compares the groups of o.Args.
func Run(o *Options) error {
	ctx, ios, done, err := cmdutil.TableOutput(o.Ctx, o.IO, o.Stats.In)
	if err != nil {
		return err
	}
	defer done()
	c, args, ko := o.Counter, o.Args, o.Keyness
	htmlPath, csvDir, kwicLines := o.HTML, o.CSVDir, o.KWIC
	seg, err := segment.Default()
	if err != nil {
		return fmt.Errorf("loading the segmenter: %w", err)
	}
	var meas *measure.Measurer
	rateAccs := newRateAcc()
	if o.Dict != nil {
		if meas, err = measure.New(o.Dict, measure.Options{Match: o.Match, Segmenter: seg}); err != nil {
			return cmdutil.UsageError("%v", err)
		}
	}
	kwic := report.NewConcordance(kwicLines)
	var mu sync.Mutex
	var failed []report.LeftOut
	work := func(doc corpus.Document) (*docResult, error) {
		r, err := profile(doc, c, seg, kwicLines)
		if err == nil && r != nil && meas != nil {
			rec := meas.Document(doc.ID, doc.Text, doc.Meta, nil)
			r.measure = &rec
		}
		if err != nil {
			mu.Lock()
			failed = append(failed, report.LeftOut{ID: doc.ID, Reason: "failed: " + err.Error()})
			mu.Unlock()
		}
		return r, err
	}
	groups := map[string]*stats.Profile{}
	groupOf := map[string]string{}
	var left []report.LeftOut
	noGroup := "no group: none of " + strings.Join(o.Stats.GroupSpecs(), ", ") + " applies"
	sum, err := cmdutil.ScanIO(ctx, ios, args, o.Stats.In, work, func(doc corpus.Document, r *docResult) error {
		if r == nil {
			left = append(left, report.LeftOut{ID: doc.ID, Reason: whyNoGroup(o.Stats, doc, noGroup)})
			return nil
		}
		p := r.profile
		g := groups[p.Group]
		if g == nil {
			g = stats.NewProfile()
			groups[p.Group] = g
		}
		g.Add(p)
		groupOf[doc.ID] = p.Group
		if r.measure != nil {
			rateAccs.add(p.Group, *r.measure)
		}
		for _, l := range r.slogans {
			kwic.Add("slogan", l.name, p.Group, l.line)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(left) > 0 && !o.Stats.In.Quiet {
		fmt.Fprintf(ios.ErrOut, "tongbao: %d documents had no group and were left out\n", len(left))
	}
	if len(groups) == 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "compare: no grouped documents"}
	}
	copts := stats.CompareOptions{Keyness: ko, Top: o.Top, Series: o.Slogans}
	if htmlPath != "" {
		copts.Negative = ko.Top
	}
	if !o.KeepNumbers {
		copts.KeepTerm = func(t string) bool { return !stats.NumericTerm(t) }
	}
	cmp, err := stats.Compare(groups, copts)
	if err != nil {
		return err
	}
	if o.JSON || (htmlPath == "" && csvDir == "") {
		b, err := cmdutil.JSONRecord(cmp, o.Stats.In.Pretty)
		if err != nil {
			return err
		}
		if _, err := ios.Out.Write(b); err != nil {
			return err
		}
	}
	var rates *Rates
	if meas != nil {
		rates = rateAccs.rates(cmp.Cosine.Names, meas.Categories())
	}
	if csvDir != "" {
		if err := writeCSV(csvDir, cmp, o.BOM); err != nil {
			return err
		}
		if err := writeRatesCSV(csvDir, rates, o.BOM); err != nil {
			return err
		}
	}
	if htmlPath != "" {
		rep := &report.Report{Title: o.Title, Comparison: cmp}
		if rates != nil {
			// The rates go before the concordance, the last section.
			secs := report.DefaultSections()
			rep.Sections = append(append(secs[:len(secs)-1:len(secs)-1], rates.section()), secs[len(secs)-1])
		}
		rep.Provenance = report.Provenance{Inputs: args, Read: sum.Docs, Compared: len(groupOf),
			Settings: settings(o.Stats, ko, o.Top, o.Slogans, kwicLines, o.KeepNumbers)}
		rep.Provenance.LeftOut = append(append(rep.Provenance.LeftOut, left...), failed...)
		if n := sum.Failed - len(failed); n > 0 {
			rep.Provenance.Notes = append(rep.Provenance.Notes, fmt.Sprintf("%d more documents could not be read (see the messages on standard error).", n))
		}
		if kwicLines > 0 {
			kwic.Keep("slogan", func(name string) bool {
				for _, s := range cmp.Slogans {
					if s.Name == name {
						return true
					}
				}
				return false
			})
			if err := termLines(ctx, ios, args, o.Stats, seg, cmp, groupOf, kwic, &rep.Provenance); err != nil {
				return err
			}
			rep.KWIC = kwic
		}
		page, err := rep.HTML()
		if err != nil {
			return err
		}
		if err := os.WriteFile(htmlPath, page, 0o644); err != nil {
			return err
		}
	}
	if !o.Stats.In.Quiet && sum.Docs > 1 {
		fmt.Fprintf(ios.ErrOut, "tongbao: %d documents in %d groups, %d failed\n", sum.Docs, len(groups), sum.Failed)
	}
	return sum.Err()
}

// whyNoGroup says why a document has no group: the first meta spec whose
// field its record lacks (a record without it is left out, see
// stats.Grouper), else fallback.
func whyNoGroup(o *cmdutil.StatsOptions, doc corpus.Document, fallback string) string {
	if doc.Meta == nil {
		return fallback
	}
	for _, spec := range o.GroupBy {
		f, ok := strings.CutPrefix(spec, "meta.")
		if !ok {
			continue
		}
		if i := strings.LastIndexByte(f, ':'); i >= 0 {
			f = f[:i]
		}
		if v, ok := doc.Meta[f]; !ok || v == nil || v == "" {
			return fmt.Sprintf("no group: its record has no %q field (--group-by %s)", f, spec)
		}
		return fallback
	}
	return fallback
}

// settings lists the options that shape the report's figures.
func settings(o *cmdutil.StatsOptions, ko stats.KeynessOptions, top, series, kwic int, keepNumbers bool) []report.Setting {
	stop := "built-in list"
	if o.NoStop {
		stop = "none"
	}
	if len(o.StopFiles) > 0 {
		stop += " + " + strings.Join(o.StopFiles, ", ")
	}
	numbers := "left out"
	if keepNumbers {
		numbers = "kept"
	}
	pos := "any"
	if len(o.POS) > 0 {
		pos = strings.Join(o.POS, ", ")
	}
	group := strings.Join(o.GroupSpecs(), ", ")
	if o.GroupBucket != "" {
		group += " (meta fields bucketed by " + o.GroupBucket + ")"
	}
	measure := ko.Measure
	if measure == "" {
		measure = stats.MeasureG2
	}
	return []report.Setting{
		{Name: "group by", Value: group},
		{Name: "terms", Value: fmt.Sprintf("words of at least %d characters, part of speech %s, stopwords: %s", o.MinLen, pos, stop)},
		{Name: "key terms", Value: fmt.Sprintf("%d per group, ranked by %s, terms seen at least %d times in all groups", ko.Top, measure, ko.MinCount)},
		{Name: "numbers in key terms", Value: numbers},
		{Name: "slogans across groups", Value: strconv.Itoa(series)},
		{Name: "people, offices, claims per group", Value: strconv.Itoa(top)},
		{Name: "lines in context per group", Value: strconv.Itoa(kwic)},
	}
}

// termLines reads the input a second time for the lines in context of
// every group's key terms (not possible on standard input).
func termLines(ctx context.Context, ios *cmdutil.IOStreams, args []string, o *cmdutil.StatsOptions, seg *segment.Segmenter, cmp *stats.Comparison,
	groupOf map[string]string, kwic *report.Concordance, prov *report.Provenance) error {
	if len(args) == 0 || slices.Contains(args, "-") {
		prov.Notes = append(prov.Notes, "The key terms have no lines in context: standard input cannot be read twice.")
		return nil
	}
	terms := map[string]map[string]bool{}
	for _, g := range cmp.Groups {
		set := map[string]bool{}
		for _, k := range g.Keyness {
			set[k.Term] = true
		}
		for _, k := range g.Negative {
			set[k.Term] = true
		}
		terms[g.Group] = set
	}
	in := *o.In
	in.Quiet = true
	per := kwic.PerGroup
	work := func(doc corpus.Document) ([]termLine, error) {
		group, ok := groupOf[doc.ID]
		if !ok {
			return nil, nil
		}
		set := terms[group]
		// the terms were counted in Simplified: a Traditional text is
		// cut converted, its lines shown as written
		conv, err := o.T2S.Mode()
		if err != nil {
			return nil, err
		}
		tx, err := conv.Apply(doc.Text)
		if err != nil {
			return nil, err
		}
		text := doc.Text
		if tx != nil {
			text = tx.Simplified
		}
		toks := seg.Cut(text)
		seen := map[string]int{}
		var spans []stats.Span
		var names []string
		for _, t := range toks {
			if set[t.Text] && seen[t.Text] < per {
				seen[t.Text]++
				spans = append(spans, stats.Span{Start: t.Start, End: t.End})
				names = append(names, t.Text)
			}
		}
		if tx != nil {
			toks = segment.FromConverted(toks, tx)
			for i := range spans {
				spans[i].Start, spans[i].End = tx.Span(spans[i].Start, spans[i].End)
			}
		}
		lines := stats.KWIC(doc.ID, []rune(doc.Text), toks, spans, stats.KWICOptions{Window: 20, Chars: true})
		out := make([]termLine, len(lines))
		for i, l := range lines {
			out[i] = termLine{group, names[i], l}
		}
		return out, nil
	}
	_, err := cmdutil.ScanIO(ctx, ios, args, &in, work, func(_ corpus.Document, lines []termLine) error {
		for _, l := range lines {
			kwic.Add("term", l.term, l.group, l.line)
		}
		return nil
	})
	return err
}

type termLine struct {
	group, term string
	line        stats.Line
}

// docResult is what the first pass keeps of a document.
type docResult struct {
	profile stats.DocProfile
	slogans []sloganLine
	measure *measure.Record // with --dict
}

type sloganLine struct {
	name string
	line stats.Line
}

// profile segments and extracts one document, and keeps up to per lines
// in context of each slogan; nil means no group.
func profile(doc corpus.Document, c *stats.Counter, seg *segment.Segmenter, per int) (*docResult, error) {
	if !c.Grouper.HomeNeeded() {
		if _, ok := c.Grouper.Group(doc.ID, doc.Meta, ""); !ok {
			return nil, nil // no group: spare the extraction
		}
	}
	types := []string{extract.TypeSlogan, extract.TypePerson, extract.TypeCount}
	if c.Grouper.HomeNeeded() {
		types = append(types, extract.TypePlace)
	}
	d, err := extract.NewDocument(doc.Text, extract.WithTypes(types...), extract.WithID(doc.ID),
		extract.WithMeta(doc.Meta), extract.WithSegmenter(seg), extract.WithTokens())
	if err != nil {
		return nil, err
	}
	home := ""
	if d.Home != nil {
		home = d.Home.Name
	}
	group, ok := c.Grouper.Group(doc.ID, doc.Meta, home)
	if !ok {
		return nil, nil
	}
	r := &docResult{profile: stats.ProfileOf(d, group, stats.DocDate(d, doc.ID, doc.Meta), c.Filter)}
	if per > 0 {
		seen := map[string]int{}
		var spans []stats.Span
		var names []string
		for _, m := range d.Mentions {
			name := stats.MentionTerm(m)
			if m.Type == extract.TypeSlogan && name != "" && seen[name] < per {
				seen[name]++
				spans = append(spans, stats.Span{Start: m.Start, End: m.End})
				names = append(names, name)
			}
		}
		for i, l := range stats.KWIC(doc.ID, d.Runes(), d.Tokens(), spans, stats.KWICOptions{Window: 20, Chars: true}) {
			r.slogans = append(r.slogans, sloganLine{names[i], l})
		}
	}
	return r, nil
}

func writeCSV(dir string, c *stats.Comparison, bom bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write := func(name string, header []string, rows [][]string) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		w := cmdutil.NewCSVWriter(f, bom)
		w.Write(header)
		w.WriteAll(rows)
		if err := w.Error(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	i64 := func(n int64) string { return strconv.FormatInt(n, 10) }
	f64 := func(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }
	var groups, key [][]string
	named := map[string][][]string{}
	for _, g := range c.Groups {
		groups = append(groups, []string{g.Group, i64(g.Docs), i64(g.Chars), i64(g.Terms), g.DateFrom, g.DateTo})
		for i, r := range g.Keyness {
			key = append(key, []string{g.Group, strconv.Itoa(i + 1), r.Term, i64(r.NTarget), i64(r.NReference),
				i64(r.TotalTarget), i64(r.TotalReference), f64(r.G2), f64(r.Chi2), f64(r.P), f64(r.LogRatio)})
		}
		for kind, list := range map[string][]stats.Named{"slogans": g.Slogans, "people": g.People, "offices": g.Offices, "claims": g.Claims} {
			for _, n := range list {
				named[kind] = append(named[kind], []string{g.Group, n.Name, i64(n.Count), i64(n.Docs), n.First})
			}
		}
	}
	if err := write("groups.csv", []string{"group", "documents", "chars", "total_terms", "start_date", "end_date"}, groups); err != nil {
		return err
	}
	if err := write("keyness.csv", []string{"group", "rank", "term", "n_target", "n_reference", "total_target", "total_reference", "g2", "chi2", "p", "log_ratio"}, key); err != nil {
		return err
	}
	for _, kind := range []string{"slogans", "people", "offices", "claims"} {
		if err := write(kind+".csv", []string{"group", "term", "count", "df", "first_date"}, named[kind]); err != nil {
			return err
		}
	}
	var byGroup [][]string
	for _, sr := range c.Slogans {
		for gi, g := range c.Groups {
			byGroup = append(byGroup, []string{sr.Name, g.Group, i64(sr.Counts[gi]), i64(sr.Docs[gi]), sr.First[gi]})
		}
	}
	if err := write("slogans_by_group.csv", []string{"term", "group", "count", "df", "first_date"}, byGroup); err != nil {
		return err
	}
	for name, m := range map[string]stats.Matrix{"cosine.csv": c.Cosine, "jaccard.csv": c.Jaccard} {
		var rows [][]string
		for i, n := range m.Names {
			row := []string{n}
			for _, v := range m.Values[i] {
				row = append(row, f64(v))
			}
			rows = append(rows, row)
		}
		if err := write(name, append([]string{"group"}, m.Names...), rows); err != nil {
			return err
		}
	}
	return nil
}
