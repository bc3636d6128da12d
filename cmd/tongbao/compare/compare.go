// Package compare implements "tongbao compare".
package compare

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	statscmd "github.com/tongbao/tongbao/cmd/tongbao/stats"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/stats"
)

// New returns the compare command.
func New() *cobra.Command {
	var htmlPath, csvDir, title string
	var jsonOut bool
	var top int
	var ko stats.KeynessOptions
	cmd := &cobra.Command{
		Use:   "compare --group-by SPEC [flags] [FILE|DIR|ARCHIVE|-]...",
		Short: "How do these groups (counties, years, sources) differ?",
		Long: `Compare groups of documents (see "tongbao stats --help" for --group-by).

For each group: documents, characters, date range, the key terms against
all other groups (G² with Williams' correction, as in "stats keyness";
over-represented terms only), the slogans it uses (count, documents, first
date seen), the people and offices mentioned most, and its quantified
claims counted by object. Between groups: cosine (TF-IDF) and Jaccard
similarity matrices.

A document's date is the date extraction finds for it, else a "date" or
"year" metadata field, else a year (19xx or 20xx) in its file name, else the
reference year extraction inferred from the text.

Output: one JSON object on stdout (unless --html or --csv is given without
--json); --csv DIR writes groups.csv, keyness.csv, slogans.csv, people.csv,
offices.csv, claims.csv, cosine.csv and jaccard.csv; --html FILE writes one
self-contained page (inline SVG charts, no network needed): the similarity
heatmap, the slogan-by-group table shaded by frequency and the timeline of
first appearances.`,
		Example: `  tongbao compare --group-by dir --html counties.html counties/
  tongbao compare --group-by meta.year:decade --group-by dir --text-field content \
      --id-field title --html reports.html gov-reports/national-state-council/ gov-reports/hailar-district/`,
	}
	o := statscmd.AddOptions(cmd)
	fs := cmd.Flags()
	fs.StringVar(&htmlPath, "html", "", "write a self-contained HTML report to FILE")
	fs.StringVar(&csvDir, "csv", "", "write CSV tables into DIR (created if needed)")
	fs.BoolVar(&jsonOut, "json", false, "write the JSON to stdout even with --html or --csv")
	fs.StringVar(&title, "title", "", "title of the HTML report")
	fs.IntVar(&ko.Top, "top-terms", 20, "key terms per group")
	fs.Int64Var(&ko.MinCount, "min-count", 5, "leave out terms seen fewer times in all groups together (keyness)")
	fs.StringVar(&ko.Measure, "measure", "g2", "rank key terms by g2|chi2|log_ratio")
	fs.IntVar(&top, "top", 20, "slogans, people, offices and claims per group (0: all)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		closeOut, err := statscmd.RedirectOutput(cmd, o.In)
		if err != nil {
			return err
		}
		defer closeOut()
		if err := ko.Check(); err != nil {
			return cmdutil.UsageError("%v", err)
		}
		if o.Unit != "word" {
			return cmdutil.UsageError("compare counts words: --unit must be word")
		}
		c, err := o.NewCounter()
		if err != nil {
			return err
		}
		if c.Grouper == nil {
			return cmdutil.UsageError("compare needs groups: give --group-by SPEC or --group-pattern REGEX")
		}
		seg, err := segment.Default()
		if err != nil {
			return fmt.Errorf("loading the segmenter: %w", err)
		}
		work := func(doc corpus.Document) (*stats.DocProfile, error) {
			return profile(doc, c, seg)
		}
		groups := map[string]*stats.Profile{}
		left := 0
		sum, err := statscmd.Scan(cmd, args, o.In, work, func(_ corpus.Document, p *stats.DocProfile) error {
			if p == nil {
				left++
				return nil
			}
			g := groups[p.Group]
			if g == nil {
				g = stats.NewProfile()
				groups[p.Group] = g
			}
			g.Add(*p)
			return nil
		})
		if err != nil {
			return err
		}
		if left > 0 && !o.In.Quiet {
			fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %d documents had no group and were left out\n", left)
		}
		if len(groups) == 0 {
			return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Msg: "compare: no grouped documents"}
		}
		cmp, err := stats.Compare(groups, stats.CompareOptions{Keyness: ko, Top: top})
		if err != nil {
			return err
		}
		if jsonOut || (htmlPath == "" && csvDir == "") {
			b, err := cmdutil.JSONRecord(cmp, o.In.Pretty)
			if err != nil {
				return err
			}
			if _, err := cmd.OutOrStdout().Write(b); err != nil {
				return err
			}
		}
		if csvDir != "" {
			if err := writeCSV(csvDir, cmp); err != nil {
				return err
			}
		}
		if htmlPath != "" {
			if title == "" {
				title = "tongbao compare: " + strings.Join(cmp.Cosine.Names, " · ")
			}
			page, err := HTML(cmp, title)
			if err != nil {
				return err
			}
			if err := os.WriteFile(htmlPath, page, 0o644); err != nil {
				return err
			}
		}
		if !o.In.Quiet && sum.Docs > 1 {
			fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %d documents in %d groups, %d failed\n", sum.Docs, len(groups), sum.Failed)
		}
		return sum.Err()
	}
	return cmd
}

var fileYear = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// docDate returns the date of a document (see the command's help).
func docDate(d *extract.Document, doc corpus.Document) string {
	if d.Date != nil && len(*d.Date) >= 4 {
		return *d.Date
	}
	for _, k := range []string{"date", "year"} {
		switch v := doc.Meta[k].(type) {
		case string:
			if len(v) >= 4 {
				if _, err := strconv.Atoi(v[:4]); err == nil {
					return v
				}
			}
		case float64:
			if v >= 1000 && v < 10000 {
				return strconv.Itoa(int(v))
			}
		}
	}
	base := filepath.Base(strings.ReplaceAll(doc.ID, "\\", "/"))
	if m := fileYear.FindStringSubmatch(base); m != nil {
		return m[1]
	}
	if d.Ref.Year > 0 {
		return strconv.Itoa(d.Ref.Year)
	}
	return ""
}

// profile segments and extracts one document; nil means no group.
func profile(doc corpus.Document, c *statscmd.Counter, seg *segment.Segmenter) (*stats.DocProfile, error) {
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
		extract.WithMeta(doc.Meta), extract.WithSegmenter(seg))
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
	p := stats.ProfileOf(d, group, docDate(d, doc), c.Filter)
	return &p, nil
}

func writeCSV(dir string, c *stats.Comparison) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write := func(name string, header []string, rows [][]string) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		w := csv.NewWriter(f)
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
	if err := write("groups.csv", []string{"group", "docs", "chars", "terms", "date_from", "date_to"}, groups); err != nil {
		return err
	}
	if err := write("keyness.csv", []string{"group", "rank", "term", "n_target", "n_reference", "total_target", "total_reference", "g2", "chi2", "p", "log_ratio"}, key); err != nil {
		return err
	}
	for _, kind := range []string{"slogans", "people", "offices", "claims"} {
		if err := write(kind+".csv", []string{"group", "name", "count", "docs", "first"}, named[kind]); err != nil {
			return err
		}
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
		if err := write(name, append([]string{""}, m.Names...), rows); err != nil {
			return err
		}
	}
	return nil
}
