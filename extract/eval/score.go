package eval

import (
	"sort"
)

// SortSpans sorts spans by start, then end, then type.
func SortSpans(s []Span) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Start != s[j].Start {
			return s[i].Start < s[j].Start
		}
		if s[i].End != s[j].End {
			return s[i].End < s[j].End
		}
		return s[i].Type < s[j].Type
	})
}

// Counts are the tallies of one mention type.
type Counts struct {
	Gold      int // gold mentions
	Pred      int // predicted mentions
	TP        int // exact matches
	OverlapTP int // overlap matches (one to one)
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.TP += o.TP
	c.OverlapTP += o.OverlapTP
}

// Metrics are the figures of one mention type.
type Metrics struct {
	Gold             int     `json:"gold"`
	Pred             int     `json:"pred"`
	TP               int     `json:"tp"`
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
	OverlapTP        int     `json:"overlap_tp"`
	OverlapPrecision float64 `json:"overlap_precision"`
	OverlapRecall    float64 `json:"overlap_recall"`
	OverlapF1        float64 `json:"overlap_f1"`
}

// Metrics computes precision, recall and F1 from the counts. A ratio with
// a zero denominator is 0.
func (c Counts) Metrics() Metrics {
	p, r, f := prf(c.TP, c.Pred, c.Gold)
	op, or, of := prf(c.OverlapTP, c.Pred, c.Gold)
	return Metrics{
		Gold: c.Gold, Pred: c.Pred, TP: c.TP, Precision: p, Recall: r, F1: f,
		OverlapTP: c.OverlapTP, OverlapPrecision: op, OverlapRecall: or, OverlapF1: of,
	}
}

func prf(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Miss is a prediction that matches no gold mention exactly (a false
// positive) or a gold mention no prediction matches exactly (a false
// negative).
type Miss struct {
	Span
	// Other is the span of the other side that overlaps it, when one does
	// (a boundary error); Other.Type is empty otherwise.
	Other Span
}

// DocScore is the score of one document.
type DocScore struct {
	Counts map[string]Counts
	// FP and FN are the false positives and negatives, in text order.
	FP, FN []Miss
}

// ScoreDoc scores pred against gold for the given types (all types present
// when types is nil). Spans of other types are ignored; duplicate spans
// are counted once.
func ScoreDoc(gold, pred []Span, types []string) DocScore {
	want := func(t string) bool {
		if types == nil {
			return true
		}
		for _, k := range types {
			if k == t {
				return true
			}
		}
		return false
	}
	g := dedupe(gold, want)
	p := dedupe(pred, want)
	ds := DocScore{Counts: map[string]Counts{}}
	for _, t := range types {
		ds.Counts[t] = Counts{}
	}
	byType := func(s []Span) map[string][]Span {
		m := map[string][]Span{}
		for _, x := range s {
			m[x.Type] = append(m[x.Type], x)
		}
		return m
	}
	gt, pt := byType(g), byType(p)
	seen := map[string]bool{}
	var order []string
	for _, s := range [][]Span{g, p} {
		for _, x := range s {
			if !seen[x.Type] {
				seen[x.Type] = true
				order = append(order, x.Type)
			}
		}
	}
	for _, t := range order {
		c, fp, fn := scoreType(gt[t], pt[t])
		ds.Counts[t] = c
		ds.FP = append(ds.FP, fp...)
		ds.FN = append(ds.FN, fn...)
	}
	sortMisses(ds.FP)
	sortMisses(ds.FN)
	return ds
}

func sortMisses(m []Miss) {
	sort.SliceStable(m, func(i, j int) bool {
		if m[i].Start != m[j].Start {
			return m[i].Start < m[j].Start
		}
		return m[i].End < m[j].End
	})
}

// dedupe returns the wanted spans, sorted, without duplicates.
func dedupe(s []Span, want func(string) bool) []Span {
	out := make([]Span, 0, len(s))
	for _, x := range s {
		if want(x.Type) {
			out = append(out, x)
		}
	}
	SortSpans(out)
	k := 0
	for i, x := range out {
		if i > 0 && x == out[k-1] {
			continue
		}
		out[k] = x
		k++
	}
	return out[:k]
}

// scoreType scores sorted, deduplicated spans of one type.
func scoreType(gold, pred []Span) (c Counts, fp, fn []Miss) {
	c.Gold, c.Pred = len(gold), len(pred)
	exact := make(map[[2]int]bool, len(gold))
	for _, g := range gold {
		exact[[2]int{g.Start, g.End}] = true
	}
	predExact := make(map[[2]int]bool, len(pred))
	for _, p := range pred {
		k := [2]int{p.Start, p.End}
		predExact[k] = true
		if exact[k] {
			c.TP++
		}
	}
	// Overlap: each prediction, in text order, takes the first unmatched
	// gold span that intersects it. Gold spans are sorted by start, so the
	// scan stops at the first one starting at or after the prediction's
	// end; lo skips for good the gold spans that are used or end before the
	// prediction starts (later predictions start no earlier).
	used := make([]bool, len(gold))
	lo := 0
	for _, p := range pred {
		for lo < len(gold) && (used[lo] || gold[lo].End <= p.Start) {
			lo++
		}
		for j := lo; j < len(gold) && gold[j].Start < p.End; j++ {
			if !used[j] && gold[j].End > p.Start {
				used[j] = true
				c.OverlapTP++
				break
			}
		}
	}
	goldMax, predMax := maxEnds(gold), maxEnds(pred)
	for _, p := range pred {
		if !exact[[2]int{p.Start, p.End}] {
			fp = append(fp, Miss{Span: p, Other: firstOverlap(gold, goldMax, p)})
		}
	}
	for _, g := range gold {
		if !predExact[[2]int{g.Start, g.End}] {
			fn = append(fn, Miss{Span: g, Other: firstOverlap(pred, predMax, g)})
		}
	}
	return c, fp, fn
}

// maxEnds returns, for each i, the largest End of s[:i+1].
func maxEnds(s []Span) []int {
	m := make([]int, len(s))
	for i, x := range s {
		m[i] = x.End
		if i > 0 && m[i-1] > m[i] {
			m[i] = m[i-1]
		}
	}
	return m
}

// firstOverlap returns the first span of s (sorted by start; maxEnd from
// maxEnds(s)) that intersects x, or the zero Span. The first span ending
// after x.Start is found by binary search on the running maximum of ends;
// it intersects x when it starts before x.End.
func firstOverlap(s []Span, maxEnd []int, x Span) Span {
	j := sort.SearchInts(maxEnd, x.Start+1)
	if j < len(s) && s[j].Start < x.End && s[j].End > x.Start {
		return s[j]
	}
	return Span{}
}
