package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
)

// FormatIndicators is the gold of indicator items (testdata/gold/indicators):
// docs.txt lists the documents (paths relative to ModernRoot), items-*.jsonl
// hold the items, one JSON object per line (see that folder's README.md).
const FormatIndicators = "indicators"

// IndicatorItem is one item of the indicator gold, or one predicted.
type IndicatorItem struct {
	Doc           string    `json:"doc"`
	Line          int       `json:"line,omitempty"`
	Indicator     string    `json:"indicator"`
	IndicatorText string    `json:"indicator_text"`
	Text          string    `json:"text"`
	Measure       string    `json:"measure"`
	Status        string    `json:"status"`
	Period        string    `json:"period"`
	Value         float64   `json:"value"`
	Unit          string    `json:"unit"`
	Approx        string    `json:"approx"`
	Range         []float64 `json:"range"`
	Stretch       *float64  `json:"stretch"`
	Note          string    `json:"note,omitempty"`
	// start and end are the predicted mention's span (code points), for
	// ExplainIndicators.
	start, end int
}

// key is what a predicted item must share with a gold item to match.
func (it IndicatorItem) key() string {
	return it.Doc + "\x00" + it.Indicator + "\x00" + it.Measure + "\x00" + it.Status + "\x00" + it.Period
}

// right reports whether p agrees with the gold item g in value, approx,
// range and stretch.
func (g IndicatorItem) right(p IndicatorItem) bool {
	if math.Abs(g.Value-p.Value) > 1e-6 || g.Approx != p.Approx {
		return false
	}
	if (g.Range == nil) != (p.Range == nil) || g.Range != nil && (len(g.Range) != 2 || len(p.Range) != 2 ||
		math.Abs(g.Range[0]-p.Range[0]) > 1e-6 || math.Abs(g.Range[1]-p.Range[1]) > 1e-6) {
		return false
	}
	if (g.Stretch == nil) != (p.Stretch == nil) || g.Stretch != nil && math.Abs(*g.Stretch-*p.Stretch) > 1e-6 {
		return false
	}
	return true
}

// IndicatorGold is the gold read from its folder.
type IndicatorGold struct {
	Docs  []string
	Items []IndicatorItem
}

// ReadIndicatorGold reads docs.txt and every items-*.jsonl of dir. An
// item of a document that docs.txt does not list is an error.
func ReadIndicatorGold(dir string) (*IndicatorGold, error) {
	g := &IndicatorGold{}
	b, err := os.ReadFile(filepath.Join(dir, "docs.txt"))
	if err != nil {
		return nil, fmt.Errorf("indicator gold: %v (want a folder with docs.txt and items-*.jsonl)", err)
	}
	listed := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			g.Docs = append(g.Docs, l)
			listed[l] = true
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "items-*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			var it IndicatorItem
			if err := json.Unmarshal([]byte(line), &it); err != nil {
				fh.Close()
				return nil, fmt.Errorf("%s:%d: %v", f, n, err)
			}
			if !listed[it.Doc] {
				fh.Close()
				return nil, fmt.Errorf("%s:%d: document %q is not in docs.txt", f, n, it.Doc)
			}
			g.Items = append(g.Items, it)
		}
		err = sc.Err()
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
	}
	return g, nil
}

// PredictIndicators runs the indicator stage on each document (read from
// ModernRoot) and returns its items (IndicatorItems: the first statement
// of each key), by document.
func PredictIndicators(ctx context.Context, docs []string, workers int) ([][]IndicatorItem, error) {
	out := make([][]IndicatorItem, len(docs))
	errs := make([]error, len(docs))
	err := parallelEach(ctx, len(docs), workers, func(i int) {
		errs[i] = indicatorDoc(docs[i], nil, func(d *extract.Document) {
			for _, m := range extract.IndicatorItems(d.Mentions) {
				out[i] = append(out[i], ItemOf(docs[i], d, m))
			}
		})
	})
	if err != nil {
		return nil, err
	}
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	return out, nil
}

// indicatorDoc reads doc from ModernRoot, runs the indicator stage on it
// (with trace, when not nil) and hands the document to use.
func indicatorDoc(doc string, trace func(extract.TraceEvent), use func(*extract.Document)) error {
	path := filepath.Join(ModernRoot, filepath.FromSlash(doc))
	err := corpus.Read([]string{path}, corpus.Options{}, func(cd corpus.Document) error {
		opts := []extract.Option{extract.WithTypes(extract.TypeIndicator), extract.WithID(doc), extract.WithMeta(cd.Meta)}
		if trace != nil {
			opts = append(opts, extract.WithTrace(trace))
		}
		d, err := extract.NewDocument(cd.Text, opts...)
		if err != nil {
			return err
		}
		use(d)
		return nil
	})
	if err != nil {
		return fmt.Errorf("%v (the gold points into the corpus at %s; set it with --corpus)", err, ModernRoot)
	}
	return nil
}

// ExplainIndicators fills the Rules of each error of res: for a predicted
// item, the decisions of stage indicator on its figure's span; for a
// missed one, those on any candidate with the gold item's figure text on
// its line (none when no candidate was there). It runs the documents of
// the errors again with a trace.
func ExplainIndicators(ctx context.Context, res *IndicatorResult, workers int) error {
	byDoc := map[string][]int{}
	var docs []string
	for i, e := range res.Errors {
		it := e.Pred
		if it == nil {
			it = e.Gold
		}
		if byDoc[it.Doc] == nil {
			docs = append(docs, it.Doc)
		}
		byDoc[it.Doc] = append(byDoc[it.Doc], i)
	}
	errs := make([]error, len(docs))
	err := parallelEach(ctx, len(docs), workers, func(k int) {
		var events []extract.TraceEvent
		errs[k] = indicatorDoc(docs[k], func(e extract.TraceEvent) {
			if e.Stage == extract.TypeIndicator {
				events = append(events, e)
			}
		}, func(d *extract.Document) {
			for _, i := range byDoc[docs[k]] {
				res.Errors[i].Rules = errorRules(res.Errors[i], events, d.Runes())
			}
		})
	})
	if err != nil {
		return err
	}
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// errorRules picks the events about the figure of e, as "verdict rule",
// each once, in trace order; empty, not nil, when no event is about it.
func errorRules(e IndicatorError, events []extract.TraceEvent, text []rune) []string {
	rules := []string{}
	seen := map[string]bool{}
	for _, ev := range events {
		var about bool
		if e.Pred != nil {
			about = ev.Start == e.Pred.start && ev.End == e.Pred.end
		} else {
			about = ev.Text == e.Gold.Text && ev.Start <= len(text) &&
				1+strings.Count(string(text[:ev.Start]), "\n") == e.Gold.Line
		}
		r := string(ev.Verdict) + " " + ev.Rule
		if about && !seen[r] {
			seen[r] = true
			rules = append(rules, r)
		}
	}
	return rules
}

// ItemOf is the item of an indicator mention of d.
func ItemOf(doc string, d *extract.Document, m extract.Mention) IndicatorItem {
	v, _ := m.IndicatorValue()
	line := 1 + strings.Count(string(d.Runes()[:m.Start]), "\n")
	return IndicatorItem{Doc: doc, Line: line, Indicator: m.Indicator, IndicatorText: m.IndicatorText,
		Text: m.Text, Measure: m.Measure, Status: m.Status, Period: m.Period, Value: v, Unit: m.Unit,
		Approx: m.Approx, Range: m.Range, Stretch: m.Stretch, start: m.Start, end: m.End}
}

// IndicatorScore is the score of predicted items against the gold.
type IndicatorScore struct {
	Gold    int `json:"gold"`
	Pred    int `json:"pred"`
	Matched int `json:"matched"` // same key
	Right   int `json:"right"`   // same key and value, approx, range, stretch
	// ShareRight is Right/Gold, Precision Right/Pred.
	ShareRight float64 `json:"share_right"`
	Precision  float64 `json:"precision"`
}

func (s *IndicatorScore) finish() {
	if s.Gold > 0 {
		s.ShareRight = float64(s.Right) / float64(s.Gold)
	}
	if s.Pred > 0 {
		s.Precision = float64(s.Right) / float64(s.Pred)
	}
}

// IndicatorError is a wrong, missed or spurious item.
type IndicatorError struct {
	Kind string         `json:"kind"` // wrong, missed, spurious
	Gold *IndicatorItem `json:"gold,omitempty"`
	Pred *IndicatorItem `json:"pred,omitempty"`
	// Rules, filled by ExplainIndicators, are the indicator stage's
	// decisions about the item's figure, as "verdict rule".
	Rules []string `json:"rules,omitempty"`
}

// IndicatorResult is the result of ScoreIndicators.
type IndicatorResult struct {
	Docs int            `json:"documents"`
	All  IndicatorScore `json:"all"`
	// GDPTarget scores the GDP growth targets (gdp, growth, target).
	GDPTarget IndicatorScore `json:"gdp_growth_target"`
	// ByIndicator scores each indicator.
	ByIndicator map[string]*IndicatorScore `json:"by_indicator"`
	Errors      []IndicatorError           `json:"errors,omitempty"`
}

// ScoreIndicators scores the predicted items (by document, in the order
// of g.Docs) against the gold.
func ScoreIndicators(g *IndicatorGold, pred [][]IndicatorItem) *IndicatorResult {
	r := &IndicatorResult{Docs: len(g.Docs), ByIndicator: map[string]*IndicatorScore{}}
	gold := map[string]IndicatorItem{}
	var order []string
	for _, it := range g.Items {
		k := it.key()
		if _, dup := gold[k]; dup {
			continue // the first statement of a key is the item
		}
		gold[k] = it
		order = append(order, k)
	}
	predBy := map[string]IndicatorItem{}
	var porder []string
	for _, ps := range pred {
		for _, p := range ps {
			if _, dup := predBy[p.key()]; !dup {
				predBy[p.key()] = p
				porder = append(porder, p.key())
			}
		}
	}
	by := func(id string) *IndicatorScore {
		s := r.ByIndicator[id]
		if s == nil {
			s = &IndicatorScore{}
			r.ByIndicator[id] = s
		}
		return s
	}
	gdpTarget := func(it IndicatorItem) bool {
		return it.Indicator == "gdp" && it.Measure == extract.MeasureGrowth && it.Status == extract.StatusTarget
	}
	for _, k := range order {
		g := gold[k]
		scores := []*IndicatorScore{&r.All, by(g.Indicator)}
		if gdpTarget(g) {
			scores = append(scores, &r.GDPTarget)
		}
		p, ok := predBy[k]
		for _, s := range scores {
			s.Gold++
			if ok {
				s.Matched++
				if g.right(p) {
					s.Right++
				}
			}
		}
		g2 := g
		switch {
		case !ok:
			r.Errors = append(r.Errors, IndicatorError{Kind: "missed", Gold: &g2})
		case !g.right(p):
			p2 := p
			r.Errors = append(r.Errors, IndicatorError{Kind: "wrong", Gold: &g2, Pred: &p2})
		}
	}
	for _, k := range porder {
		p := predBy[k]
		scores := []*IndicatorScore{&r.All, by(p.Indicator)}
		if gdpTarget(p) {
			scores = append(scores, &r.GDPTarget)
		}
		for _, s := range scores {
			s.Pred++
		}
		if _, ok := gold[k]; !ok {
			p2 := p
			r.Errors = append(r.Errors, IndicatorError{Kind: "spurious", Pred: &p2})
		}
	}
	r.All.finish()
	r.GDPTarget.finish()
	for _, s := range r.ByIndicator {
		s.finish()
	}
	return r
}
