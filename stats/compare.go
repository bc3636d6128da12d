package stats

import (
	"fmt"
	"sort"
)

// DocProfile is what Compare needs to know of one document: its group,
// date, size, term counts and extracted slogans, people, offices and
// quantified claims. The cmd layer (or a pipeline) fills it from
// segmentation and extraction.
type DocProfile struct {
	Group string
	// Date is the document's date as an ISO 8601 prefix ("2019",
	// "2019-03-04"), "" when unknown.
	Date  string
	Chars int
	Terms map[string]int
	// Slogans, People, Offices and Claims list one entry per mention:
	// slogans by canonical form, people by name, offices (titles) as
	// written, claims by counted object.
	Slogans []string
	People  []string
	Offices []string
	Claims  []string
}

// Seen counts a slogan, person, office or claim in a group: occurrences,
// documents, and the earliest document date it was seen in.
type Seen struct {
	Count int64  `json:"count"`
	Docs  int64  `json:"df"`
	First string `json:"first_date,omitempty"`
}

// Profile accumulates the documents of one group. Profiles of disjoint
// sets of documents merge with Merge.
type Profile struct {
	Docs     int64            `json:"docs"`
	Chars    int64            `json:"chars"`
	DateFrom string           `json:"date_from,omitempty"`
	DateTo   string           `json:"date_to,omitempty"`
	Terms    *Table           `json:"terms"`
	Slogans  map[string]*Seen `json:"slogans"`
	People   map[string]*Seen `json:"people"`
	Offices  map[string]*Seen `json:"offices"`
	Claims   map[string]*Seen `json:"claims"`
}

// NewProfile returns an empty Profile.
func NewProfile() *Profile {
	return &Profile{Terms: NewTable(), Slogans: map[string]*Seen{}, People: map[string]*Seen{},
		Offices: map[string]*Seen{}, Claims: map[string]*Seen{}}
}

func earlier(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "" || a <= b:
		return a
	}
	return b
}

func later(a, b string) string {
	if a >= b {
		return a
	}
	return b
}

func addSeen(m map[string]*Seen, items []string, date string) {
	docSeen := map[string]bool{}
	for _, it := range items {
		if it == "" {
			continue
		}
		s := m[it]
		if s == nil {
			s = &Seen{}
			m[it] = s
		}
		s.Count++
		if !docSeen[it] {
			docSeen[it] = true
			s.Docs++
			s.First = earlier(s.First, date)
		}
	}
}

func mergeSeen(m, o map[string]*Seen) {
	for k, v := range o {
		s := m[k]
		if s == nil {
			s = &Seen{}
			m[k] = s
		}
		s.Count += v.Count
		s.Docs += v.Docs
		s.First = earlier(s.First, v.First)
	}
}

// Add adds one document.
func (p *Profile) Add(d DocProfile) {
	p.Docs++
	p.Chars += int64(d.Chars)
	if d.Date != "" {
		p.DateFrom = earlier(p.DateFrom, d.Date)
		p.DateTo = later(p.DateTo, d.Date)
	}
	p.Terms.Add(d.Terms)
	addSeen(p.Slogans, d.Slogans, d.Date)
	addSeen(p.People, d.People, d.Date)
	addSeen(p.Offices, d.Offices, d.Date)
	addSeen(p.Claims, d.Claims, d.Date)
}

// Merge adds the documents of o to p.
func (p *Profile) Merge(o *Profile) {
	p.Docs += o.Docs
	p.Chars += o.Chars
	p.DateFrom = earlier(p.DateFrom, o.DateFrom)
	p.DateTo = later(p.DateTo, o.DateTo)
	p.Terms.Merge(o.Terms)
	mergeSeen(p.Slogans, o.Slogans)
	mergeSeen(p.People, o.People)
	mergeSeen(p.Offices, o.Offices)
	mergeSeen(p.Claims, o.Claims)
}

// Named is a name with its Seen counts.
type Named struct {
	Name string `json:"term"`
	Seen
}

// topSeen returns the k entries of m with the most occurrences (ties by
// earlier first date, then name); all when k <= 0.
func topSeen(m map[string]*Seen, k int) []Named {
	out := make([]Named, 0, len(m))
	for n, s := range m {
		out = append(out, Named{Name: n, Seen: *s})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].First != out[j].First {
			return out[i].First < out[j].First
		}
		return out[i].Name < out[j].Name
	})
	if k > 0 && len(out) > k {
		out = out[:k]
	}
	return out
}

// GroupSummary is one group's side of a comparison.
type GroupSummary struct {
	Group    string       `json:"group"`
	Docs     int64        `json:"documents"`
	Chars    int64        `json:"chars"`
	Terms    int64        `json:"total_terms"`
	DateFrom string       `json:"start_date,omitempty"`
	DateTo   string       `json:"end_date,omitempty"`
	Keyness  []KeynessRow `json:"keyness"`
	// Negative lists the terms most under-represented in the group (most
	// negative first), when CompareOptions.Negative asks for them.
	Negative []KeynessRow `json:"keyness_negative,omitempty"`
	Slogans  []Named      `json:"slogans"`
	People   []Named      `json:"people"`
	Offices  []Named      `json:"offices"`
	Claims   []Named      `json:"claims"`
}

// Matrix is a square matrix between named items.
type Matrix struct {
	Names  []string    `json:"groups"`
	Values [][]float64 `json:"values"`
}

// Series is one name (a slogan) counted in every group of a comparison:
// Counts, Docs and First are indexed like Comparison.Groups, and a zero
// count is a true zero, not a cell left out.
type Series struct {
	Name   string   `json:"term"`
	Total  int64    `json:"total"`
	Counts []int64  `json:"counts"`
	Docs   []int64  `json:"df"`
	First  []string `json:"first_date"`
}

// Comparison answers "how do these groups differ?".
type Comparison struct {
	Groups  []GroupSummary `json:"groups"`
	Cosine  Matrix         `json:"cosine"`
	Jaccard Matrix         `json:"jaccard"`
	// Slogans are the slogans most used over all groups (see
	// CompareOptions.Series), counted in each group.
	Slogans []Series `json:"slogans_by_group,omitempty"`
}

// SeriesOf counts, in every group of names (in that order), the k names
// most used over all groups together (ties by name; all when k <= 0); pick
// chooses the map of a profile (e.g. its Slogans).
func SeriesOf(groups map[string]*Profile, names []string, pick func(*Profile) map[string]*Seen, k int) []Series {
	total := map[string]int64{}
	for _, n := range names {
		for w, s := range pick(groups[n]) {
			total[w] += s.Count
		}
	}
	words := make([]string, 0, len(total))
	for w := range total {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if total[words[i]] != total[words[j]] {
			return total[words[i]] > total[words[j]]
		}
		return words[i] < words[j]
	})
	if k > 0 && len(words) > k {
		words = words[:k]
	}
	out := make([]Series, len(words))
	for i, w := range words {
		s := Series{Name: w, Total: total[w], Counts: make([]int64, len(names)), Docs: make([]int64, len(names)), First: make([]string, len(names))}
		for gi, n := range names {
			if v := pick(groups[n])[w]; v != nil {
				s.Counts[gi], s.Docs[gi], s.First[gi] = v.Count, v.Docs, v.First
			}
		}
		out[i] = s
	}
	return out
}

// CompareOptions controls Compare.
type CompareOptions struct {
	Keyness KeynessOptions // Top is the number of key terms per group
	// Top is the number of slogans, people, offices and claims per group
	// (0: all).
	Top int
	// Negative is the number of under-represented terms listed per group
	// (GroupSummary.Negative; 0: none).
	Negative int
	// KeepTerm, when not nil, decides which terms may be key terms (e.g.
	// leaving out numbers with NumericTerm); the similarities use every
	// term.
	KeepTerm func(term string) bool
	// Series is the number of slogans counted in every group
	// (Comparison.Slogans; 0: none).
	Series int
}

// Compare summarizes each group and measures how alike the groups are:
// each group's key terms against all the other groups together (see
// Keyness; only terms over-represented in the group are listed), its most
// frequent slogans (with the date first seen), people, offices and counted
// objects, and the cosine (TF-IDF) and Jaccard similarity matrices between
// the groups' term counts. Groups come in sorted order.
func Compare(groups map[string]*Profile, opts CompareOptions) (*Comparison, error) {
	if len(groups) == 0 {
		return nil, fmt.Errorf("compare: no documents")
	}
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	all := NewGroups()
	for _, n := range names {
		all.Groups[n] = groups[n].Terms
		all.All.Merge(groups[n].Terms)
	}
	c := &Comparison{Groups: []GroupSummary{}}
	vecs := make([]map[string]int, len(names))
	for i, n := range names {
		p := groups[n]
		s := GroupSummary{Group: n, Docs: p.Docs, Chars: p.Chars, Terms: p.Terms.Tokens, DateFrom: p.DateFrom, DateTo: p.DateTo,
			Keyness: []KeynessRow{}}
		rest := all.Rest(n)
		if len(names) > 1 && p.Terms.Tokens > 0 && rest.Tokens > 0 {
			ko := opts.Keyness
			top := ko.Top
			ko.Top = 0
			rows, err := keynessNoP(p.Terms, rest, ko)
			if err != nil {
				return nil, err
			}
			keep := func(r KeynessRow) bool { return opts.KeepTerm == nil || opts.KeepTerm(r.Term) }
			for _, r := range rows {
				if r.G2 <= 0 || (top > 0 && len(s.Keyness) >= top) {
					break
				}
				if !keep(r) {
					continue
				}
				r.Group = n
				r.setP(ko.Measure)
				s.Keyness = append(s.Keyness, r)
			}
			for i := len(rows) - 1; i >= 0 && len(s.Negative) < opts.Negative; i-- {
				r := rows[i]
				if r.G2 >= 0 {
					break
				}
				if !keep(r) {
					continue
				}
				r.Group = n
				r.setP(ko.Measure)
				s.Negative = append(s.Negative, r)
			}
		}
		s.Slogans = topSeen(p.Slogans, opts.Top)
		s.People = topSeen(p.People, opts.Top)
		s.Offices = topSeen(p.Offices, opts.Top)
		s.Claims = topSeen(p.Claims, opts.Top)
		c.Groups = append(c.Groups, s)
		v := make(map[string]int, len(p.Terms.TF))
		for w, x := range p.Terms.TF {
			v[w] = int(x)
		}
		vecs[i] = v
	}
	cos, err := Cosine(vecs, nil)
	if err != nil {
		return nil, err
	}
	jac, err := Jaccard(vecs)
	if err != nil {
		return nil, err
	}
	if opts.Series > 0 {
		c.Slogans = SeriesOf(groups, names, func(p *Profile) map[string]*Seen { return p.Slogans }, opts.Series)
	}
	c.Cosine = Matrix{Names: names, Values: rowsOf(cos.At, len(names))}
	c.Jaccard = Matrix{Names: names, Values: rowsOf(jac.At, len(names))}
	return c, nil
}

func rowsOf(at func(i, j int) float64, n int) [][]float64 {
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, n)
		for j := range out[i] {
			out[i][j] = at(i, j)
		}
	}
	return out
}
