package stats

import (
	"fmt"
	"sort"
	"strings"
)

// Table accumulates term counts over documents: term frequency (TF, total
// occurrences), document frequency (DF, documents containing the term), the
// number of documents and of term tokens, and optionally the part-of-speech
// tags seen for each term. Tables built on disjoint sets of documents merge
// with Merge, in any order, to the same result.
//
// The fields are exported so that a Table serializes (e.g. as JSON) between
// the stages of a distributed pipeline; use NewTable, Add and Merge to fill
// them.
type Table struct {
	TF     map[string]int64            `json:"tf"`
	DF     map[string]int64            `json:"df"`
	POS    map[string]map[string]int64 `json:"pos,omitempty"`
	Docs   int64                       `json:"docs"`
	Tokens int64                       `json:"tokens"`
}

// NewTable returns an empty Table.
func NewTable() *Table {
	return &Table{TF: map[string]int64{}, DF: map[string]int64{}}
}

func (t *Table) init() {
	if t.TF == nil {
		t.TF = map[string]int64{}
	}
	if t.DF == nil {
		t.DF = map[string]int64{}
	}
}

// Add adds one document's term counts (see DocTerms).
func (t *Table) Add(doc map[string]int) {
	t.init()
	t.Docs++
	for w, n := range doc {
		if n <= 0 {
			continue
		}
		t.TF[w] += int64(n)
		t.DF[w]++
		t.Tokens += int64(n)
	}
}

// AddPOS adds one document's part-of-speech counts (see DocPOS).
func (t *Table) AddPOS(pos map[string]map[string]int) {
	if t.POS == nil {
		t.POS = map[string]map[string]int64{}
	}
	for w, tags := range pos {
		m := t.POS[w]
		if m == nil {
			m = map[string]int64{}
			t.POS[w] = m
		}
		for p, n := range tags {
			m[p] += int64(n)
		}
	}
}

// Merge adds the counts of o to t.
func (t *Table) Merge(o *Table) {
	t.init()
	t.Docs += o.Docs
	t.Tokens += o.Tokens
	for w, n := range o.TF {
		t.TF[w] += n
	}
	for w, n := range o.DF {
		t.DF[w] += n
	}
	if o.POS != nil {
		if t.POS == nil {
			t.POS = map[string]map[string]int64{}
		}
		for w, tags := range o.POS {
			m := t.POS[w]
			if m == nil {
				m = map[string]int64{}
				t.POS[w] = m
			}
			for p, n := range tags {
				m[p] += n
			}
		}
	}
}

// MainPOS returns the tag seen most often for term ("" when none was
// recorded; ties go to the tag first in byte order).
func (t *Table) MainPOS(term string) string {
	best, bn := "", int64(0)
	for p, n := range t.POS[term] {
		if n > bn || (n == bn && p < best) {
			best, bn = p, n
		}
	}
	return best
}

// FreqRow is one line of a frequency table.
type FreqRow struct {
	Group   string  `json:"group,omitempty"`
	Term    string  `json:"term"`
	POS     string  `json:"pos,omitempty"`
	Count   int64   `json:"count"`
	DF      int64   `json:"df"`
	RelFreq float64 `json:"rel_freq"` // Count / Tokens
	PerMil  float64 `json:"per_million"`
}

// Freq returns the terms with at least minCount occurrences, most frequent
// first (ties by term), at most top of them when top > 0.
func (t *Table) Freq(minCount int64, top int) []FreqRow {
	var rows []FreqRow
	for w, n := range t.TF {
		if n < minCount || n <= 0 {
			continue
		}
		r := FreqRow{Term: w, POS: t.MainPOS(w), Count: n, DF: t.DF[w]}
		if t.Tokens > 0 {
			r.RelFreq = float64(n) / float64(t.Tokens)
			r.PerMil = r.RelFreq * 1e6
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Count != rows[j].Count {
			return rows[i].Count > rows[j].Count
		}
		return rows[i].Term < rows[j].Term
	})
	if top > 0 && len(rows) > top {
		rows = rows[:top]
	}
	return rows
}

// Groups holds one Table per group and one for the whole corpus.
type Groups struct {
	All    *Table            `json:"all"`
	Groups map[string]*Table `json:"groups"`
}

// NewGroups returns an empty Groups.
func NewGroups() *Groups { return &Groups{All: NewTable(), Groups: map[string]*Table{}} }

// Table returns the Table of group g, creating it if needed.
func (g *Groups) Table(name string) *Table {
	t := g.Groups[name]
	if t == nil {
		t = NewTable()
		g.Groups[name] = t
	}
	return t
}

// Add adds one document's counts to its group and to All.
func (g *Groups) Add(group string, doc map[string]int) {
	g.All.Add(doc)
	g.Table(group).Add(doc)
}

// Merge adds the counts of o to g.
func (g *Groups) Merge(o *Groups) {
	g.All.Merge(o.All)
	for name, t := range o.Groups {
		g.Table(name).Merge(t)
	}
}

// Names returns the group names in sorted order.
func (g *Groups) Names() []string {
	names := make([]string, 0, len(g.Groups))
	for n := range g.Groups {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Rest returns the Table of every document in none of the groups named
// (All minus those groups; a name given twice is subtracted twice).
func (g *Groups) Rest(names ...string) *Table {
	r := NewTable()
	r.Docs = g.All.Docs
	r.Tokens = g.All.Tokens
	for w, n := range g.All.TF {
		r.TF[w] = n
	}
	for w, n := range g.All.DF {
		r.DF[w] = n
	}
	for _, name := range names {
		t := g.Groups[name]
		if t == nil {
			continue
		}
		r.Docs -= t.Docs
		r.Tokens -= t.Tokens
		for w, n := range t.TF {
			if r.TF[w] -= n; r.TF[w] <= 0 {
				delete(r.TF, w)
			}
		}
		for w, n := range t.DF {
			if r.DF[w] -= n; r.DF[w] <= 0 {
				delete(r.DF, w)
			}
		}
	}
	return r
}

// Pick returns the Table of the groups named, merged; an error names a
// group that g does not have.
func (g *Groups) Pick(names ...string) (*Table, error) {
	t := NewTable()
	for _, n := range names {
		gt, ok := g.Groups[n]
		if !ok {
			return nil, fmt.Errorf("no group %q (groups: %s)", n, strings.Join(g.Names(), ", "))
		}
		t.Merge(gt)
	}
	return t, nil
}
