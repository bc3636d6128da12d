package stats

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// Keyness measures.
const (
	MeasureG2       = "g2"
	MeasureChi2     = "chi2"
	MeasureLogRatio = "log_ratio"
)

// G² corrections (see KeynessOptions).
const (
	CorrectionWilliams = "williams"
	CorrectionYates    = "yates"
	CorrectionNone     = "none"
)

// KeynessRow is the keyness of one term in a target against a reference.
// G2, Chi2 and LogRatio are negative when the term is under-represented in
// the target (observed target count not above its expected count).
type KeynessRow struct {
	Group          string  `json:"group,omitempty"`
	Term           string  `json:"term"`
	NTarget        int64   `json:"n_target"`
	NReference     int64   `json:"n_reference"`
	TotalTarget    int64   `json:"total_target"`
	TotalReference int64   `json:"total_reference"`
	G2             float64 `json:"g2"`
	Chi2           float64 `json:"chi2"`
	P              float64 `json:"p"`
	LogRatio       float64 `json:"log_ratio"`
}

// KeynessOptions controls Keyness.
type KeynessOptions struct {
	// Measure sorts the rows and gives P: "g2" (default), "chi2" or
	// "log_ratio" (whose P is that of G²).
	Measure string
	// G2Correction is "williams" (default), "yates" or "none"; see Score.
	G2Correction string
	// MinCount leaves out terms with fewer occurrences in target and
	// reference together.
	MinCount int64
	// Top keeps the first Top rows when > 0.
	Top int
}

// Check returns an error for an unknown measure or correction.
func (o KeynessOptions) Check() error {
	switch o.Measure {
	case "", MeasureG2, MeasureChi2, MeasureLogRatio:
	default:
		return fmt.Errorf("unknown keyness measure %q (want g2, chi2 or log_ratio)", o.Measure)
	}
	switch o.G2Correction {
	case "", CorrectionWilliams, CorrectionYates, CorrectionNone:
	default:
		return fmt.Errorf("unknown G² correction %q (want williams, yates or none)", o.G2Correction)
	}
	return nil
}

// chi1 is the chi-square distribution with one degree of freedom.
var chi1 = distuv.ChiSquared{K: 1}

// PValue returns the upper-tail probability of a (signed) statistic under
// the chi-square distribution with one degree of freedom: P(X ≥ |stat|).
func PValue(stat float64) float64 { return chi1.Survival(math.Abs(stat)) }

// Score computes the keyness of a term seen a times in a target of totalT
// term tokens and b times in a reference of totalR tokens. It follows
// quanteda.textstats' textstat_keyness (keyness_chi2_dt and keyness_lr) on
// the 2×2 table
//
//	           target   reference
//	term         a          b
//	other words  c=totalT−a d=totalR−b        N = a+b+c+d
//
// with E11 = (a+b)(a+c)/N the expected target count and sign s = +1 when
// a > E11, else −1:
//
// Chi2 (quanteda's chi2 with correction "default", i.e. Yates): Yates'
// continuity correction is applied when the smallest expected cell is
// below 5 and |ad−bc| ≥ N/2:
//
//	chi2 = s · N·(|ad−bc| − N/2)² / ((a+b)(c+d)(a+c)(b+d))   (corrected)
//	chi2 = s · N·(ad−bc)²         / ((a+b)(c+d)(a+c)(b+d))   (otherwise)
//
// G2 (quanteda's lr), where a zero cell contributes 0:
//
//	G2 = s · 2·Σ O·ln(O/E)   over the four cells
//
// (quanteda computes ln(O/E + ε) with ε = 1e-9 to offset zero cells; that
// shifts its G2 by at most 2εN, about 0.002 on a million tokens, and makes
// a term with exactly the expected count slightly negative. Score leaves ε
// out and otherwise agrees with quanteda to floating-point precision.)
//
// With correction "williams" (the default here, quanteda's
// correction = "williams") G2 is divided by Williams' q, left at 1 when any
// cell is zero:
//
//	q = 1 + (N/(a+b) + N/(c+d) − 1)·(N/(a+c) + N/(b+d) − 1) / (6N)
//
// With correction "yates" (quanteda's "default" for lr) the cells are moved
// 0.5 towards independence (a and d by −0.5 and b and c by +0.5 when
// ad−bc > 0, the reverse otherwise) before G2 is computed, when the smallest
// expected cell is below 5 and |ad−bc| > N/2; the sign still compares the
// adjusted a with E11. With "none" G2 is left as is.
//
// LogRatio is Hardie's log ratio, the binary log of the ratio of relative
// frequencies, with a zero count replaced by 0.5:
//
//	LogRatio = log2((a/totalT) / (b/totalR))
//
// P is the chi-square (1 df) upper-tail probability of G2 (or of Chi2 when
// measure is "chi2"). Score returns an error when a total is not positive or
// a count exceeds its total.
func Score(a, b, totalT, totalR int64, correction string, measure string) (KeynessRow, error) {
	r, err := score(a, b, totalT, totalR, correction)
	if err == nil {
		r.setP(measure)
	}
	return r, err
}

// setP sets P from the statistic of measure.
func (r *KeynessRow) setP(measure string) {
	if measure == MeasureChi2 {
		r.P = PValue(r.Chi2)
	} else {
		r.P = PValue(r.G2)
	}
}

// score is Score without P (the incomplete gamma function is the costly
// part: Keyness computes it for the rows it keeps only).
func score(a, b, totalT, totalR int64, correction string) (KeynessRow, error) {
	r := KeynessRow{NTarget: a, NReference: b, TotalTarget: totalT, TotalReference: totalR}
	if totalT <= 0 || totalR <= 0 {
		return r, fmt.Errorf("keyness: empty target or reference (totals %d and %d)", totalT, totalR)
	}
	if a < 0 || b < 0 || a > totalT || b > totalR {
		return r, fmt.Errorf("keyness: counts %d, %d outside totals %d, %d", a, b, totalT, totalR)
	}
	r.Chi2 = chi2Yates(float64(a), float64(b), float64(totalT-a), float64(totalR-b))
	r.G2 = g2(float64(a), float64(b), float64(totalT-a), float64(totalR-b), correction)
	ra, rb := float64(a), float64(b)
	if ra == 0 {
		ra = 0.5
	}
	if rb == 0 {
		rb = 0.5
	}
	r.LogRatio = math.Log2((ra / float64(totalT)) / (rb / float64(totalR)))
	return r, nil
}

func minExpectedBelow5(a, b, c, d, n float64) bool {
	return (a+b)*(a+c)/n < 5 || (a+b)*(b+d)/n < 5 || (a+c)*(c+d)/n < 5 || (c+d)*(b+d)/n < 5
}

func signed(v float64, positive bool) float64 {
	if v == 0 {
		return 0
	}
	if positive {
		return v
	}
	return -v
}

func chi2Yates(a, b, c, d float64) float64 {
	n := a + b + c + d
	e := (a + b) * (a + c) / n
	den := (a + b) * (c + d) * (a + c) * (b + d)
	if den == 0 {
		return 0
	}
	diff := math.Abs(a*d - b*c)
	if minExpectedBelow5(a, b, c, d, n) && diff >= n/2 {
		diff -= n / 2
	}
	return signed(n*diff*diff/den, a > e)
}

func g2(a, b, c, d float64, correction string) float64 {
	n := a + b + c + d
	e11 := (a + b) * (a + c) / n
	if correction == CorrectionYates && minExpectedBelow5(a, b, c, d, n) && math.Abs(a*d-b*c) > n/2 {
		if a*d-b*c > 0 {
			a, d, b, c = a-0.5, d-0.5, b+0.5, c+0.5
		} else {
			a, d, b, c = a+0.5, d+0.5, b-0.5, c-0.5
		}
	}
	term := func(o, e float64) float64 {
		if o == 0 || e == 0 {
			return 0
		}
		return o * math.Log(o/e)
	}
	g := 2 * (term(a, e11) + term(b, (a+b)*(b+d)/n) + term(c, (a+c)*(c+d)/n) + term(d, (b+d)*(c+d)/n))
	if correction == "" || correction == CorrectionWilliams {
		if a*b*c*d != 0 {
			q := 1 + (n/(a+b)+n/(c+d)-1)*(n/(a+c)+n/(b+d)-1)/(6*n)
			g /= q
		}
	}
	return signed(g, a > e11)
}

// Keyness scores every term of target and reference (their TF counts) and
// returns the rows sorted by the chosen measure, highest first, ties by
// term.
func Keyness(target, reference *Table, opts KeynessOptions) ([]KeynessRow, error) {
	rows, err := keynessNoP(target, reference, opts)
	if err != nil {
		return nil, err
	}
	if opts.Top > 0 && len(rows) > opts.Top {
		rows = rows[:opts.Top]
	}
	for i := range rows {
		rows[i].setP(opts.Measure)
	}
	return rows, nil
}

// keynessNoP is Keyness without P and without the Top cut.
func keynessNoP(target, reference *Table, opts KeynessOptions) ([]KeynessRow, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	terms := map[string]bool{}
	for w := range target.TF {
		terms[w] = true
	}
	for w := range reference.TF {
		terms[w] = true
	}
	rows := make([]KeynessRow, 0, len(terms))
	for w := range terms {
		a, b := target.TF[w], reference.TF[w]
		if a+b < opts.MinCount || a+b == 0 {
			continue
		}
		r, err := score(a, b, target.Tokens, reference.Tokens, opts.G2Correction)
		if err != nil {
			return nil, err
		}
		r.Term = w
		rows = append(rows, r)
	}
	SortKeyness(rows, opts.Measure)
	return rows, nil
}

// SortKeyness sorts rows by measure, highest first, ties by term.
func SortKeyness(rows []KeynessRow, measure string) {
	key := func(r *KeynessRow) float64 {
		switch measure {
		case MeasureChi2:
			return r.Chi2
		case MeasureLogRatio:
			return r.LogRatio
		}
		return r.G2
	}
	sort.Slice(rows, func(i, j int) bool {
		ki, kj := key(&rows[i]), key(&rows[j])
		if ki != kj {
			return ki > kj
		}
		return rows[i].Term < rows[j].Term
	})
}
