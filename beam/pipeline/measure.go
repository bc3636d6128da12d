package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/tongbao/tongbao/measure"
	outrec "github.com/tongbao/tongbao/record"
)

func init() {
	register.DoFn2x0[Doc, func(string, string)](&measureFn{})
	register.Emitter2[string, string]()
	register.DoFn3x0[string, string, func(int, string)](&measureRowFn{})
	register.DoFn3x1[string, string, func(string, string), error](&measureAccFn{})
	register.Combiner1[string](&mergeAccs{})
	register.DoFn3x1[string, string, func(int, string), error](&panelRowFn{})
}

// MeasureConfig is the measure part of a Config: the rows of tongbao
// measure per document (Output) and per group (Panel, --by).
type MeasureConfig struct {
	// Dict is the dictionary file, read when the pipeline is built: its
	// text travels with the DoFns, so workers need no copy of it.
	Dict string
	// Match is token (default) or substring.
	Match string
	// Output is the prefix of the per-document rows (empty: none).
	Output string
	// Panel is the prefix of the group rows (empty: none); By lists the
	// group keys (home, year, genre; default home,year).
	Panel string
	By    []string

	dictText, dictFormat string
}

// check reads and parses the dictionary, so that a bad one fails at
// submission.
func (m *MeasureConfig) check() error {
	if m.Output == "" && m.Panel == "" {
		return nil
	}
	if m.Dict == "" {
		return fmt.Errorf("--measure-output and --panel need --dict")
	}
	b, err := os.ReadFile(m.Dict)
	if err != nil {
		return fmt.Errorf("--dict: %v", err)
	}
	m.dictText, m.dictFormat = string(b), measure.FormatOf(m.Dict)
	if _, err := measure.ParseDictionary(strings.NewReader(m.dictText), m.dictFormat); err != nil {
		return fmt.Errorf("--dict: %s:%v", m.Dict, err)
	}
	if m.Match == "" {
		m.Match = measure.MatchToken
	}
	if m.Match != measure.MatchToken && m.Match != measure.MatchSubstring {
		return fmt.Errorf("--match %q: want token or substring", m.Match)
	}
	if len(m.By) == 0 {
		m.By = []string{measure.ByHome, measure.ByYear}
	}
	if _, err := measure.NewPanel(m.By); err != nil {
		return fmt.Errorf("--by: %v", err)
	}
	return nil
}

// dictFn is what the measure DoFns share: the dictionary as text.
type dictFn struct {
	DictText, DictFormat, Match string
	By                          []string

	m     *measure.Measurer
	panel *measure.Panel
}

func (fn *dictFn) setup() error {
	d, err := measure.ParseDictionary(strings.NewReader(fn.DictText), fn.DictFormat)
	if err != nil {
		return err
	}
	if fn.m, err = measure.New(d, measure.Options{Match: fn.Match}); err != nil {
		return err
	}
	fn.panel, err = measure.NewPanel(fn.By)
	return err
}

// measureFn measures each document: it emits (id, record) where record is
// the row tongbao measure writes for it, or its error record (id "" marks
// an error, left out of the panel). Batches run on Workers goroutines.
type measureFn struct {
	dictFn
	Workers int
	buf     []Doc
}

func (fn *measureFn) Setup() error { return fn.setup() }

func (fn *measureFn) StartBundle(_ context.Context, _ func(string, string)) { fn.buf = fn.buf[:0] }

func (fn *measureFn) ProcessElement(d Doc, emit func(string, string)) {
	fn.buf = append(fn.buf, d)
	if len(fn.buf) >= batchSize(fn.Workers) {
		fn.flush(emit)
	}
}

func (fn *measureFn) FinishBundle(_ context.Context, emit func(string, string)) { fn.flush(emit) }

func (fn *measureFn) flush(emit func(string, string)) {
	recs := parallel(fn.buf, fn.Workers, func(d Doc) string { return fn.row(d) })
	for i, d := range fn.buf {
		emit(d.ID, recs[i])
	}
	clear(fn.buf)
	fn.buf = fn.buf[:0]
}

// row returns the JSON record of d, or its error record.
func (fn *measureFn) row(d Doc) (out string) {
	fail := func(err error) string {
		b, _ := outrec.JSON(outrec.Error{ID: d.ID, Error: err.Error(), Class: d.errClass(err)}, false)
		return string(b)
	}
	defer func() {
		if p := recover(); p != nil {
			out = fail(fmt.Errorf("internal error: %v", p))
		}
	}()
	doc, err := d.Document()
	if err != nil {
		return fail(err)
	}
	b, err := outrec.JSON(fn.m.Document(doc.ID, doc.Text, doc.Meta, nil), false)
	if err != nil {
		return fail(err)
	}
	return string(b)
}

// measureRowFn keys per-document rows by output shard.
type measureRowFn struct {
	Shards int
}

func (fn *measureRowFn) ProcessElement(id, rec string, emit func(int, string)) {
	emit(shardOf(id, fn.Shards), rec)
}

// measureAccFn turns a document row into its group's accumulator (JSON),
// keyed by group; error records are left out, as tongbao measure does.
type measureAccFn struct {
	dictFn
}

func (fn *measureAccFn) Setup() error { return fn.setup() }

func (fn *measureAccFn) ProcessElement(_ string, rec string, emit func(string, string)) error {
	var r struct {
		measure.Record
		Error *string `json:"error"`
	}
	if err := json.Unmarshal([]byte(rec), &r); err != nil {
		return err
	}
	if r.Error != nil {
		return nil
	}
	key, acc := fn.panel.AccOf(r.Record)
	b, err := json.Marshal(acc)
	if err != nil {
		return err
	}
	emit(key, string(b))
	return nil
}

// mergeAccs sums group accumulators given as JSON.
type mergeAccs struct{}

func (*mergeAccs) MergeAccumulators(a, b string) string {
	var x, y measure.Acc
	if json.Unmarshal([]byte(a), &x) != nil {
		return b
	}
	if json.Unmarshal([]byte(b), &y) != nil {
		return a
	}
	x.Merge(&y)
	out, _ := json.Marshal(&x)
	return string(out)
}

// panelRowFn writes a group's row.
type panelRowFn struct {
	dictFn
	Shards int
}

func (fn *panelRowFn) Setup() error { return fn.setup() }

func (fn *panelRowFn) ProcessElement(key, acc string, emit func(int, string)) error {
	var a measure.Acc
	if err := json.Unmarshal([]byte(acc), &a); err != nil {
		return err
	}
	b, err := outrec.JSON(a.Record(fn.m.Categories()), false)
	if err != nil {
		return err
	}
	emit(shardOf(key, fn.Shards), string(b))
	return nil
}

// buildMeasure adds the measure steps: each document measured once, its
// row written (Output) and its counts combined per group (Panel).
func buildMeasure(s beam.Scope, c Config, docs beam.PCollection) {
	s = s.Scope("Measure")
	m := c.Measure
	base := dictFn{DictText: m.dictText, DictFormat: m.dictFormat, Match: m.Match, By: m.By}
	rows := beam.ParDo(s, &measureFn{dictFn: base, Workers: c.Workers}, docs)
	if m.Output != "" {
		writeShards(s.Scope("WriteMeasure"), m.Output, c.Shards, beam.ParDo(s, &measureRowFn{Shards: c.Shards}, rows))
	}
	if m.Panel != "" {
		accs := beam.ParDo(s, &measureAccFn{dictFn: base}, rows)
		groups := beam.CombinePerKey(s, &mergeAccs{}, accs)
		writeShards(s.Scope("WritePanel"), m.Panel, c.Shards, beam.ParDo(s, &panelRowFn{dictFn: base, Shards: c.Shards}, groups))
	}
}
