package stats

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// maxDenseCells caps the size of the document-term matrix Cosine and
// Jaccard build (about 1.6 GB of float64).
const maxDenseCells = 200_000_000

// sharedVocab indexes the terms that occur in at least two of docs: only
// they contribute to dot products between different documents.
func sharedVocab(docs []map[string]int) (map[string]int, []string) {
	seen := map[string]int{}
	for _, d := range docs {
		for w, n := range d {
			if n > 0 {
				seen[w]++
			}
		}
	}
	var terms []string
	for w, n := range seen {
		if n >= 2 {
			terms = append(terms, w)
		}
	}
	sort.Strings(terms)
	idx := make(map[string]int, len(terms))
	for i, w := range terms {
		idx[w] = i
	}
	return idx, terms
}

// gram returns X·Xᵀ for the rows of X given as weights of shared terms.
func gram(docs []map[string]int, idx map[string]int, weight func(w string, n int) float64) (*mat.SymDense, error) {
	n := len(docs)
	s := mat.NewSymDense(n, nil)
	if len(idx) == 0 {
		return s, nil
	}
	if n*len(idx) > maxDenseCells {
		return nil, fmt.Errorf("similarity: %d items × %d shared terms is too large; group the documents or filter terms", n, len(idx))
	}
	x := mat.NewDense(n, len(idx), nil)
	for i, d := range docs {
		for w, c := range d {
			if j, ok := idx[w]; ok && c > 0 {
				x.Set(i, j, weight(w, c))
			}
		}
	}
	s.SymOuterK(1, x)
	return s, nil
}

// Cosine returns the matrix of cosine similarities between the TF-IDF
// vectors (count × idf.Weight) of docs (term counts per document or per
// group). A nil idf uses the IDF of docs themselves (each counted as one
// document). The diagonal is 1 (0 for an empty vector). It uses gonum's
// mat: the Gram matrix X·Xᵀ of the TF-IDF matrix restricted to the terms two
// items share, divided by the norms of the full vectors.
func Cosine(docs []map[string]int, idf *IDF) (*mat.SymDense, error) {
	if idf == nil {
		t := NewTable()
		for _, d := range docs {
			t.Add(d)
		}
		idf = t.IDF()
	}
	weight := func(w string, n int) float64 { return float64(n) * idf.Weight(w) }
	idx, _ := sharedVocab(docs)
	s, err := gram(docs, idx, weight)
	if err != nil {
		return nil, err
	}
	norms := make([]float64, len(docs))
	for i, d := range docs {
		// in term order: a sum in map order differs in its last bits from
		// run to run
		var ss float64
		for _, w := range slices.Sorted(maps.Keys(d)) {
			if c := d[w]; c > 0 {
				v := weight(w, c)
				ss += v * v
			}
		}
		norms[i] = math.Sqrt(ss)
	}
	for i := range docs {
		for j := i; j < len(docs); j++ {
			v := 0.0
			switch {
			case norms[i] == 0 || norms[j] == 0:
			case i == j:
				v = 1
			default:
				v = s.At(i, j) / (norms[i] * norms[j])
			}
			s.SetSym(i, j, v)
		}
	}
	return s, nil
}

// Jaccard returns the matrix of Jaccard similarities |A∩B| / |A∪B| between
// the term sets of docs. The diagonal is 1 (0 for an empty set). The
// intersections are the Gram matrix of the binary document-term matrix.
func Jaccard(docs []map[string]int) (*mat.SymDense, error) {
	idx, _ := sharedVocab(docs)
	s, err := gram(docs, idx, func(string, int) float64 { return 1 })
	if err != nil {
		return nil, err
	}
	sizes := make([]float64, len(docs))
	for i, d := range docs {
		for _, c := range d {
			if c > 0 {
				sizes[i]++
			}
		}
	}
	for i := range docs {
		for j := i; j < len(docs); j++ {
			v := 0.0
			switch {
			case sizes[i] == 0 || sizes[j] == 0:
			case i == j:
				v = 1
			default:
				inter := s.At(i, j)
				v = inter / (sizes[i] + sizes[j] - inter)
			}
			s.SetSym(i, j, v)
		}
	}
	return s, nil
}

// Neighbour is one item's similarity to another.
type Neighbour struct {
	Name       string  `json:"name"`
	Similarity float64 `json:"similarity"`
}

// Nearest returns, for item i of s, the k other items most similar to it,
// most similar first, ties by name; all of them when k <= 0.
func Nearest(s mat.Symmetric, names []string, i, k int) []Neighbour {
	var out []Neighbour
	for j := 0; j < s.SymmetricDim(); j++ {
		if j != i {
			out = append(out, Neighbour{Name: names[j], Similarity: s.At(i, j)})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Similarity != out[b].Similarity {
			return out[a].Similarity > out[b].Similarity
		}
		return out[a].Name < out[b].Name
	})
	if k > 0 && len(out) > k {
		out = out[:k]
	}
	return out
}
