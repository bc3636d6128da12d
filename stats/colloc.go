package stats

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/tongbao/tongbao/segment"
)

// Bigrams accumulates unigram and adjacent-pair counts for collocations. A
// pair is two consecutive tokens that the Filter both keeps (tokens made of
// white space only are skipped; any other token left out breaks the chain).
// Bigrams built on disjoint documents merge with Merge.
type Bigrams struct {
	// Words counts the kept tokens; Pairs counts pairs keyed "w1\tw2".
	Words  map[string]int64 `json:"words"`
	Pairs  map[string]int64 `json:"pairs"`
	Tokens int64            `json:"tokens"`
}

// NewBigrams returns an empty Bigrams.
func NewBigrams() *Bigrams {
	return &Bigrams{Words: map[string]int64{}, Pairs: map[string]int64{}}
}

// Add counts the words and pairs of one document's tokens.
func (b *Bigrams) Add(tokens []segment.Token, f *Filter) {
	prev := ""
	for _, t := range tokens {
		if strings.TrimFunc(t.Text, unicode.IsSpace) == "" {
			continue
		}
		if !f.Keep(t.Text, t.Pos) || strings.Contains(t.Text, "\t") {
			prev = ""
			continue
		}
		b.Words[t.Text]++
		b.Tokens++
		if prev != "" {
			b.Pairs[prev+"\t"+t.Text]++
		}
		prev = t.Text
	}
}

// Merge adds the counts of o to b.
func (b *Bigrams) Merge(o *Bigrams) {
	b.Tokens += o.Tokens
	for w, n := range o.Words {
		b.Words[w] += n
	}
	for p, n := range o.Pairs {
		b.Pairs[p] += n
	}
}

// Collocation is one scored pair.
type Collocation struct {
	W1     string  `json:"term1"`
	W2     string  `json:"term2"`
	Count  int64   `json:"count"`
	Count1 int64   `json:"count1"`
	Count2 int64   `json:"count2"`
	PMI    float64 `json:"pmi"`
	G2     float64 `json:"g2"`
}

// Collocations scores every pair seen at least minCount times whose words
// are each seen at least minWord times, and returns them sorted by measure
// ("pmi" or "g2"), highest first, ties by pair; at most top when top > 0.
//
// With N the number of kept tokens, c1 and c2 the counts of the two words
// and c12 the count of the pair:
//
//	PMI = log2(c12·N / (c1·c2))
//	G2  = signed log-likelihood 2·Σ O·ln(O/E) of the 2×2 table
//	      [c12, c1−c12; c2−c12, N−c1−c2+c12] (no correction), negative when
//	      the pair is rarer than expected.
func (b *Bigrams) Collocations(measure string, minCount, minWord int64, top int) []Collocation {
	var out []Collocation
	n := float64(b.Tokens)
	for p, c := range b.Pairs {
		if c < minCount {
			continue
		}
		i := strings.IndexByte(p, '\t')
		w1, w2 := p[:i], p[i+1:]
		c1, c2 := b.Words[w1], b.Words[w2]
		if c1 < minWord || c2 < minWord {
			continue
		}
		a := float64(c)
		bb := float64(c1) - a
		cc := float64(c2) - a
		d := math.Max(0, n-float64(c1)-float64(c2)+a)
		out = append(out, Collocation{
			W1: w1, W2: w2, Count: c, Count1: c1, Count2: c2,
			PMI: math.Log2(a * n / (float64(c1) * float64(c2))),
			G2:  g2(a, bb, cc, d, CorrectionNone),
		})
	}
	sort.Slice(out, func(i, j int) bool {
		ki, kj := out[i].G2, out[j].G2
		if measure == "pmi" {
			ki, kj = out[i].PMI, out[j].PMI
		}
		if ki != kj {
			return ki > kj
		}
		if out[i].W1 != out[j].W1 {
			return out[i].W1 < out[j].W1
		}
		return out[i].W2 < out[j].W2
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}
