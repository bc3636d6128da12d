package stats

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
)

// IDF holds document frequencies for inverse document frequency weights. It
// can be computed on one corpus, saved with Write and applied to another.
type IDF struct {
	Docs int64            `json:"docs"`
	DF   map[string]int64 `json:"df"`
}

// IDF returns the document frequencies of t (a copy).
func (t *Table) IDF() *IDF {
	x := &IDF{Docs: t.Docs, DF: make(map[string]int64, len(t.DF))}
	for w, n := range t.DF {
		x.DF[w] = n
	}
	return x
}

// Weight returns the smoothed inverse document frequency of term, as in
// scikit-learn's smooth_idf: ln((1+N)/(1+df)) + 1, where N is the number of
// documents and df the term's document frequency (0 for an unseen term, so
// that unseen terms get the highest weight and no weight is ever zero).
func (x *IDF) Weight(term string) float64 {
	return math.Log(float64(1+x.Docs)/float64(1+x.DF[term])) + 1
}

// Write writes x as one JSON object {"docs": N, "df": {term: df, ...}}
// with the terms in sorted order.
func (x *IDF) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(x)
}

// ReadIDF reads what IDF.Write wrote.
func ReadIDF(r io.Reader) (*IDF, error) {
	var x IDF
	dec := json.NewDecoder(r)
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("reading IDF: %w", err)
	}
	if x.Docs <= 0 || x.DF == nil {
		return nil, fmt.Errorf("reading IDF: want {\"docs\": N > 0, \"df\": {...}}")
	}
	for w, n := range x.DF {
		if n < 0 || n > x.Docs {
			return nil, fmt.Errorf("reading IDF: term %q has df %d outside 0..%d", w, n, x.Docs)
		}
	}
	return &x, nil
}

// TermScore is a term's TF-IDF in one document.
type TermScore struct {
	Term  string  `json:"term"`
	Count int     `json:"count"`
	DF    int64   `json:"df"`
	IDF   float64 `json:"idf"`
	Score float64 `json:"tfidf"`
}

// TopTFIDF returns the k terms of doc (term counts, see DocTerms) with the
// highest TF-IDF, count × idf.Weight(term), highest first, ties by term; all
// of them when k <= 0.
func TopTFIDF(doc map[string]int, idf *IDF, k int) []TermScore {
	out := make([]TermScore, 0, len(doc))
	for w, n := range doc {
		if n <= 0 {
			continue
		}
		wt := idf.Weight(w)
		out = append(out, TermScore{Term: w, Count: n, DF: idf.DF[w], IDF: wt, Score: float64(n) * wt})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Term < out[j].Term
	})
	if k > 0 && len(out) > k {
		out = out[:k]
	}
	return out
}
