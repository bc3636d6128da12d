package stats

import (
	"math"
	"testing"
)

func near(got, want, tol float64) bool {
	if want == 0 {
		return math.Abs(got) <= tol
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// The expected values below were computed by hand (independently of this
// package) from the 2×2 table [a b; totalT−a totalR−b]:
//   - chi2: quanteda's default applies Yates only when the smallest expected
//     cell is below 5; then it equals R's chisq.test(correct = TRUE), i.e.
//     Σ(|O−E| − 0.5)²/E, else Σ(O−E)²/E;
//   - G2: 2·Σ O·ln(O/E), divided by Williams' q when no cell is zero;
//   - log ratio: log2 of the ratio of relative frequencies, 0 → 0.5.
func TestScoreHandComputed(t *testing.T) {
	cases := []struct {
		a, b, tt, tr     int64
		chi2, g2, logRat float64
	}{
		// quanteda's own test: d1 = "b b b b b b b a a a", d2 = "a a a a a a a b b",
		// feature "a" with d1 as target. Smallest expected 4.26 < 5: Yates.
		// chi2 = 19·(|3·2−7·7| − 9.5)²/(10·9·10·9) = 19·33.5²/8100.
		{3, 7, 10, 9, -2.632438271604939, -4.200833412154394, -1.3743955147814981},
		// Large cells: no Yates; Williams q = 1.0031598905723906.
		{120, 40, 10000, 12000, 56.74603174603174, 58.00291058123516, 1.84799690655495},
		// Zero in the target: no Williams (a zero cell), negative sign.
		{0, 25, 5000, 6000, -20.880789673500377, -30.354240548395435, -5.380821783940931},
		// Zero in the reference, smallest expected 4.0: Yates for chi2.
		{10, 0, 2000, 3000, 12.629425517702073, 18.355884833093732, 4.906890595608519},
		// Same relative frequency: everything zero (and not negative zero).
		{50, 50, 100000, 100000, 0, 0, 0},
	}
	for _, c := range cases {
		r, err := Score(c.a, c.b, c.tt, c.tr, CorrectionWilliams, MeasureG2)
		if err != nil {
			t.Fatal(err)
		}
		if !near(r.Chi2, c.chi2, 1e-9) {
			t.Errorf("%v: chi2 = %.12g, want %.12g", c, r.Chi2, c.chi2)
		}
		if !near(r.G2, c.g2, 1e-6) {
			t.Errorf("%v: g2 = %.12g, want %.12g", c, r.G2, c.g2)
		}
		if !near(r.LogRatio, c.logRat, 1e-12) {
			t.Errorf("%v: log ratio = %.12g, want %.12g", c, r.LogRatio, c.logRat)
		}
		// p of a 1-df chi-square: erfc(sqrt(x/2)).
		if wantP := math.Erfc(math.Sqrt(math.Abs(c.g2) / 2)); !near(r.P, wantP, 1e-9) {
			t.Errorf("%v: p = %g, want %g", c, r.P, wantP)
		}
		if math.Signbit(r.G2) && r.G2 == 0 {
			t.Errorf("%v: negative zero", c)
		}
		rc, _ := Score(c.a, c.b, c.tt, c.tr, CorrectionWilliams, MeasureChi2)
		if wantP := math.Erfc(math.Sqrt(math.Abs(c.chi2) / 2)); !near(rc.P, wantP, 1e-9) {
			t.Errorf("%v: chi2 p = %g, want %g", c, rc.P, wantP)
		}
	}
}

func TestScoreG2Corrections(t *testing.T) {
	// (3, 7, 10, 9): uncorrected G² = 2·Σ O ln(O/E) = 4.534939332256226.
	r, _ := Score(3, 7, 10, 9, CorrectionNone, MeasureG2)
	if !near(r.G2, -4.534939332256226, 1e-6) {
		t.Errorf("none: g2 = %.12g", r.G2)
	}
	// Yates (quanteda's lr default): ad−bc = −43 < 0, so a,d += 0.5 and
	// b,c −= 0.5: cells 3.5, 6.5, 6.5, 2.5 against the expected values of the
	// original table (5.263, 4.737, 4.737, 4.263):
	// 2·(3.5 ln(3.5/5.2632) + 6.5 ln(6.5/4.7368) + 6.5 ln(6.5/4.7368) + 2.5 ln(2.5/4.2632)).
	n := 19.0
	e := []float64{10 * 10 / n, 10 * 9 / n, 9 * 10 / n, 9 * 9 / n}
	o := []float64{3.5, 6.5, 6.5, 2.5}
	want := 0.0
	for i := range o {
		want += 2 * o[i] * math.Log(o[i]/e[i])
	}
	r, _ = Score(3, 7, 10, 9, CorrectionYates, MeasureG2)
	if !near(r.G2, -want, 1e-6) {
		t.Errorf("yates: g2 = %.12g, want %.12g", r.G2, -want)
	}
}

func TestScoreErrors(t *testing.T) {
	if _, err := Score(1, 1, 0, 10, "", ""); err == nil {
		t.Error("empty target: no error")
	}
	if _, err := Score(11, 1, 10, 10, "", ""); err == nil {
		t.Error("count above total: no error")
	}
	if err := (KeynessOptions{Measure: "pmi"}).Check(); err == nil {
		t.Error("unknown measure accepted")
	}
}

func TestKeynessTables(t *testing.T) {
	target, ref := NewTable(), NewTable()
	target.Add(map[string]int{"乡村振兴": 30, "发展": 50, "工作": 20})
	ref.Add(map[string]int{"发展": 60, "工作": 90, "改革开放": 40})
	rows, err := Keyness(target, ref, KeynessOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	if rows[0].Term != "乡村振兴" || rows[len(rows)-1].Term != "改革开放" {
		t.Errorf("order: first %s last %s", rows[0].Term, rows[len(rows)-1].Term)
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].G2 > rows[i-1].G2 {
			t.Errorf("not sorted at %d", i)
		}
	}
	want, _ := Score(30, 0, 100, 190, CorrectionWilliams, MeasureG2)
	if rows[0].G2 != want.G2 || rows[0].TotalTarget != 100 || rows[0].TotalReference != 190 {
		t.Errorf("row %+v, want g2 %g and totals 100, 190", rows[0], want.G2)
	}
	top, _ := Keyness(target, ref, KeynessOptions{Measure: MeasureChi2, Top: 2, MinCount: 50})
	if len(top) != 2 || top[0].Term != "发展" && top[0].Term != "工作" {
		t.Errorf("min-count/top: %+v", top)
	}
}
