package compare

import (
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sort"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/measure"
	"github.com/tongbao/tongbao/report"
)

// Rates holds, with --dict, each group's dictionary counts per year.
type Rates struct {
	Categories []string
	// Groups lists the groups that have rows, in report order; Years[g]
	// the rows of group g by year (none for a year without documents).
	Groups []string
	Years  map[string][]measure.Record
}

// rateAcc sums documents' measure records per group and year.
type rateAcc struct {
	panel *measure.Panel
	accs  map[string]map[int]*measure.Acc
}

func newRateAcc() *rateAcc {
	p, _ := measure.NewPanel([]string{measure.ByYear})
	return &rateAcc{panel: p, accs: map[string]map[int]*measure.Acc{}}
}

// add adds a document's record to its group and year (documents without a
// year are left out of the rates).
func (r *rateAcc) add(group string, rec measure.Record) {
	if rec.Year == nil {
		return
	}
	_, a := r.panel.AccOf(rec)
	byYear := r.accs[group]
	if byYear == nil {
		byYear = map[int]*measure.Acc{}
		r.accs[group] = byYear
	}
	if old := byYear[*rec.Year]; old != nil {
		old.Merge(a)
	} else {
		byYear[*rec.Year] = a
	}
}

// rates returns the group × year rows, groups in the order given.
func (r *rateAcc) rates(groups, categories []string) *Rates {
	out := &Rates{Categories: categories, Years: map[string][]measure.Record{}}
	for _, g := range groups {
		byYear := r.accs[g]
		if len(byYear) == 0 {
			continue
		}
		out.Groups = append(out.Groups, g)
		var years []int
		for y := range byYear {
			years = append(years, y)
		}
		sort.Ints(years)
		for _, y := range years {
			rec := byYear[y].Record(categories)
			yy := y
			rec.Year = &yy
			out.Years[g] = append(out.Years[g], rec)
		}
	}
	return out
}

// section is the report section charting each category's rate per 10,000
// tokens over the years, one line per group.
func (r *Rates) section() report.Section {
	return report.Section{ID: "dictionary", Title: "Dictionary categories over the years", Render: func(*report.Report) (template.HTML, error) {
		if len(r.Groups) == 0 {
			return `<p class="note">No compared document has a year.</p>`, nil
		}
		out := template.HTML(`<p class="note">Occurrences of each category's terms per 10,000 tokens of the group's documents of the year (as <code>tongbao measure --by year</code>), one line per group.</p><div class="charts">`)
		for _, c := range r.Categories {
			var series []report.Series
			for _, g := range r.Groups {
				s := report.Series{Name: g}
				for _, rec := range r.Years[g] {
					s.X = append(s.X, float64(*rec.Year))
					s.Y = append(s.Y, rec.Categories[c].Per10kTokens)
				}
				series = append(series, s)
			}
			out += report.LinesChart(c, "per 10,000 tokens", series)
		}
		return out + `</div>`, nil
	}}
}

// writeRatesCSV writes rates.csv: group, year, then the measure columns.
func writeRatesCSV(dir string, r *Rates, bom bool) error {
	if r == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "rates.csv"))
	if err != nil {
		return err
	}
	w := cmdutil.NewCSVWriter(f, bom)
	head := measure.CSVHeader(r.Categories, false, false)
	w.Write(append([]string{"group"}, head[3:]...)) // year, documents, …
	for _, g := range r.Groups {
		for _, rec := range r.Years[g] {
			row := measure.CSVRow(rec, r.Categories, false, false)
			w.Write(append([]string{g}, row[3:]...))
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("writing rates.csv: %w", err)
	}
	return f.Close()
}
