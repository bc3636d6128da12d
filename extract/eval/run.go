package eval

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tongbao/tongbao/extract"
)

// System finds the mentions of a gold document's text.
type System struct {
	// Name labels the system's rows ("tongbao", "baseline", ...).
	Name string
	// Find returns the mentions of d.Text; it must be safe for concurrent
	// use.
	Find func(d *Doc) ([]Span, error)
}

// Tongbao returns the system that runs tongbao's extractors for the given
// mention types (see extract.Types), with the document's date as reference
// date.
func Tongbao(types []string) (System, error) {
	if err := extract.CheckTypes(types); err != nil {
		return System{}, err
	}
	ts := append([]string(nil), types...)
	return System{Name: "tongbao", Find: func(d *Doc) ([]Span, error) {
		opts := []extract.Option{extract.WithTypes(ts...), extract.WithID(d.ID)}
		if !d.Ref.IsZero() {
			opts = append(opts, extract.WithRefDate(d.Ref))
		}
		doc, err := extract.NewDocument(d.Text, opts...)
		if err != nil {
			return nil, err
		}
		out := make([]Span, 0, len(doc.Mentions))
		for _, m := range doc.Mentions {
			out = append(out, Span{m.Type, m.Start, m.End})
		}
		return out, nil
	}}, nil
}

// Options controls Evaluate.
type Options struct {
	// Types are the mention types scored (every type of the gold and the
	// predictions when nil).
	Types []string
	// Workers is the number of documents processed at once
	// (runtime.NumCPU() when < 1). Results do not depend on it.
	Workers int
	// Errors is how many of the most frequent false positives and false
	// negatives to keep per type (none when 0).
	Errors int
	// Context is the number of code points shown either side of an error
	// (20 when 0).
	Context int
	// KeepPredictions keeps each document's predictions in
	// Result.Predictions.
	KeepPredictions bool
	// Explain, when set, names the rule behind each listed error (see
	// Explainer): it is called on the first occurrence of each.
	Explain func(d *Doc, m Miss, falsePositive bool) string
}

// Result is the score of one system on one gold corpus.
type Result struct {
	System  string             `json:"system"`
	Types   []string           `json:"-"`
	Metrics map[string]Metrics `json:"types"`
	// FP and FN list the most frequent errors per type.
	FP map[string][]Error `json:"false_positives,omitempty"`
	FN map[string][]Error `json:"false_negatives,omitempty"`
	// Boundary counts, per type, the false positives and negatives that
	// overlap a mention of the other side (boundary errors), when errors
	// are listed.
	Boundary map[string]BoundaryCounts `json:"boundary_errors,omitempty"`
	Docs     int                       `json:"documents"`
	Chars    int                       `json:"chars"`
	Elapsed  time.Duration             `json:"-"`
	// Predictions are the system's spans per document, in document order,
	// when Options.KeepPredictions is set.
	Predictions [][]Span `json:"-"`
}

// BoundaryCounts are the false positives and negatives of one type that
// are boundary errors (the rest are spurious or missed outright).
type BoundaryCounts struct {
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Error is a false positive or negative text with how often it occurs.
type Error struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
	// Example is the first occurrence in context, the mention between
	// 【 and 】, with the document id.
	Example string `json:"example"`
	// Other is the overlapping span of the other side at that occurrence
	// (the gold mention of a false positive, the prediction of a false
	// negative), when there is one.
	Other string `json:"other,omitempty"`
	// Rule, with Options.Explain, is the rule that made the false positive
	// or rejected a candidate over the false negative, at that occurrence.
	Rule string `json:"rule,omitempty"`
}

// Evaluate runs sys on every document and scores it against the gold.
func Evaluate(ctx context.Context, docs []Doc, sys System, opts Options) (*Result, error) {
	workers := opts.Workers
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	start := time.Now()
	scores := make([]DocScore, len(docs))
	var preds [][]Span
	if opts.KeepPredictions {
		preds = make([][]Span, len(docs))
	}
	errs := make([]error, len(docs))
	err := parallelEach(ctx, len(docs), workers, func(i int) {
		pred, err := safeFind(sys, &docs[i])
		if err != nil {
			errs[i] = fmt.Errorf("%s: %v", docs[i].ID, err)
			return
		}
		scores[i] = ScoreDoc(docs[i].Gold, pred, opts.Types)
		if preds != nil {
			preds[i] = pred
		}
	})
	if err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	res := &Result{System: sys.Name, Metrics: map[string]Metrics{}, Docs: len(docs), Predictions: preds}
	total := map[string]*Counts{}
	for _, t := range opts.Types {
		total[t] = &Counts{}
	}
	ctxN := opts.Context
	if ctxN <= 0 {
		ctxN = 20
	}
	fp := newTally(ctxN)
	fn := newTally(ctxN)
	for i := range docs {
		res.Chars += len([]rune(docs[i].Text))
		for t, c := range scores[i].Counts {
			if total[t] == nil {
				total[t] = &Counts{}
			}
			total[t].Add(c)
		}
		if opts.Errors > 0 {
			fp.add(&docs[i], scores[i].FP)
			fn.add(&docs[i], scores[i].FN)
		}
	}
	for t, c := range total {
		res.Metrics[t] = c.Metrics()
		res.Types = append(res.Types, t)
	}
	res.Types = OrderTypes(res.Types)
	if opts.Errors > 0 {
		res.FP = fp.top(opts.Errors, opts.Explain, true)
		res.FN = fn.top(opts.Errors, opts.Explain, false)
		res.Boundary = map[string]BoundaryCounts{}
		for _, t := range res.Types {
			res.Boundary[t] = BoundaryCounts{FP: fp.boundary[t], FN: fn.boundary[t]}
		}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// safeFind runs sys.Find, turning a panic into an error.
func safeFind(sys System, d *Doc) (s []Span, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return sys.Find(d)
}

// OrderTypes sorts types in the order of extract.Types, then Word, then
// any other type by name.
func OrderTypes(types []string) []string {
	rank := map[string]int{}
	for i, t := range extract.Types {
		rank[t] = i + 1
	}
	rank[Word] = len(extract.Types) + 1
	out := append([]string(nil), types...)
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank[out[i]], rank[out[j]]
		if ri == 0 {
			ri = 1 << 20
		}
		if rj == 0 {
			rj = 1 << 20
		}
		if ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

type tallyKey struct{ typ, text string }

type tallyItem struct {
	Error
	first int
	doc   *Doc // of the first occurrence
	miss  Miss
}

// tally counts errors by type and text, in document order.
type tally struct {
	ctx      int
	items    map[tallyKey]*tallyItem
	n        int
	boundary map[string]int
}

func newTally(ctx int) *tally {
	return &tally{ctx: ctx, items: map[tallyKey]*tallyItem{}, boundary: map[string]int{}}
}

func (t *tally) add(d *Doc, ms []Miss) {
	if len(ms) == 0 {
		return
	}
	rs := []rune(d.Text)
	for _, m := range ms {
		text := string(rs[m.Start:m.End])
		k := tallyKey{m.Type, text}
		it := t.items[k]
		if it == nil {
			it = &tallyItem{Error: Error{Text: text}, first: t.n, doc: d, miss: m}
			it.Example = d.ID + ": " + Context(rs, m.Start, m.End, t.ctx)
			if m.Other.Type != "" {
				it.Other = string(rs[m.Other.Start:m.Other.End])
			}
			t.items[k] = it
		}
		it.Count++
		t.n++
		if m.Other.Type != "" {
			t.boundary[m.Type]++
		}
	}
}

func (t *tally) top(n int, explain func(*Doc, Miss, bool) string, fp bool) map[string][]Error {
	by := map[string][]*tallyItem{}
	for k, it := range t.items {
		by[k.typ] = append(by[k.typ], it)
	}
	out := map[string][]Error{}
	for typ, its := range by {
		sort.Slice(its, func(i, j int) bool {
			if its[i].Count != its[j].Count {
				return its[i].Count > its[j].Count
			}
			return its[i].first < its[j].first
		})
		if len(its) > n {
			its = its[:n]
		}
		for _, it := range its {
			if explain != nil {
				it.Rule = explain(it.doc, it.miss, fp)
			}
			out[typ] = append(out[typ], it.Error)
		}
	}
	return out
}

// Context returns rs[start:end] between 【 and 】 with up to n code points
// of text either side, line breaks shown as ⏎.
func Context(rs []rune, start, end, n int) string {
	lo, hi := start-n, end+n
	pre, post := "…", "…"
	if lo <= 0 {
		lo, pre = 0, ""
	}
	if hi >= len(rs) {
		hi, post = len(rs), ""
	}
	s := pre + string(rs[lo:start]) + "【" + string(rs[start:end]) + "】" + string(rs[end:hi]) + post
	return strings.ReplaceAll(s, "\n", "⏎")
}

// parallelEach calls fn(i) for every i in [0,n) on workers goroutines and
// waits for them. It stops handing out indexes when ctx is cancelled and
// returns ctx's error then; fn must be safe for concurrent use.
func parallelEach(ctx context.Context, n, workers int, fn func(i int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var cerr error
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			cerr = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return cerr
}
