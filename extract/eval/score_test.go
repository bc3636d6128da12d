package eval

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreDoc(t *testing.T) {
	gold := []Span{{"person", 0, 3}, {"person", 5, 8}, {"place", 10, 12}, {"place", 20, 25}}
	pred := []Span{
		{"person", 0, 3},  // exact
		{"person", 6, 8},  // overlaps gold [5,8)
		{"person", 5, 7},  // overlaps gold [5,8) too, taken first (text order)
		{"place", 10, 12}, // exact
		{"place", 10, 12}, // duplicate, counted once
		{"place", 30, 32}, // false positive
		{"org", 0, 2},     // no org gold
		{"time", 0, 2},    // not a scored type
	}
	ds := ScoreDoc(gold, pred, []string{"person", "place", "org", "book"})
	want := map[string]Counts{
		"person": {Gold: 2, Pred: 3, TP: 1, OverlapTP: 2},
		"place":  {Gold: 2, Pred: 2, TP: 1, OverlapTP: 1},
		"org":    {Gold: 0, Pred: 1, TP: 0, OverlapTP: 0},
		"book":   {},
	}
	if !reflect.DeepEqual(ds.Counts, want) {
		t.Fatalf("counts %+v, want %+v", ds.Counts, want)
	}
	// Hand-computed: person P 1/3, R 1/2, F1 0.4; overlap P 2/3, R 1, F1 0.8.
	m := ds.Counts["person"].Metrics()
	if !near(m.Precision, 1.0/3) || !near(m.Recall, 0.5) || !near(m.F1, 0.4) ||
		!near(m.OverlapPrecision, 2.0/3) || !near(m.OverlapRecall, 1) || !near(m.OverlapF1, 0.8) {
		t.Errorf("person metrics %+v", m)
	}
	if m := ds.Counts["place"].Metrics(); !near(m.F1, 0.5) || !near(m.OverlapF1, 0.5) {
		t.Errorf("place metrics %+v", m)
	}
	if m := ds.Counts["org"].Metrics(); m.Precision != 0 || m.Recall != 0 || m.F1 != 0 {
		t.Errorf("org metrics %+v", m)
	}
	wantFP := []Miss{
		{Span{"org", 0, 2}, Span{}},
		{Span{"person", 5, 7}, Span{"person", 5, 8}},
		{Span{"person", 6, 8}, Span{"person", 5, 8}},
		{Span{"place", 30, 32}, Span{}},
	}
	wantFN := []Miss{
		{Span{"person", 5, 8}, Span{"person", 5, 7}},
		{Span{"place", 20, 25}, Span{}},
	}
	if !reflect.DeepEqual(ds.FP, wantFP) {
		t.Errorf("FP %v, want %v", ds.FP, wantFP)
	}
	if !reflect.DeepEqual(ds.FN, wantFN) {
		t.Errorf("FN %v, want %v", ds.FN, wantFN)
	}
}

func TestScoreOverlapOneToOne(t *testing.T) {
	// One long prediction over two gold spans matches one of them; two
	// predictions inside one gold span match it once.
	gold := []Span{{"org", 0, 2}, {"org", 3, 5}, {"org", 10, 20}}
	pred := []Span{{"org", 0, 5}, {"org", 11, 12}, {"org", 13, 14}}
	c := ScoreDoc(gold, pred, nil).Counts["org"]
	if c != (Counts{Gold: 3, Pred: 3, TP: 0, OverlapTP: 2}) {
		t.Fatalf("counts %+v", c)
	}
	// Hand-computed: overlap P = R = F1 = 2/3.
	if m := c.Metrics(); !near(m.OverlapF1, 2.0/3) || m.F1 != 0 {
		t.Errorf("metrics %+v", m)
	}
	// A gold span used by an earlier prediction is not reused, but a later
	// one still matches.
	gold = []Span{{"t", 0, 10}, {"t", 2, 4}}
	pred = []Span{{"t", 1, 3}, {"t", 3, 5}}
	if c := ScoreDoc(gold, pred, nil).Counts["t"]; c.OverlapTP != 2 {
		t.Errorf("overlap tp %d, want 2", c.OverlapTP)
	}
}

func TestEvaluateWorkersAndErrors(t *testing.T) {
	docs := readFile(t, FormatPD1998, "testdata/pd1998_small.txt")
	// A system that finds every book, and a wrong person at the start of
	// each document.
	sys := System{Name: "test", Find: func(d *Doc) ([]Span, error) {
		out := []Span{{"person", 0, 1}}
		for _, g := range d.Gold {
			if g.Type == "book" {
				out = append(out, g)
			}
		}
		return out, nil
	}}
	var first *Result
	for _, w := range []int{1, 3} {
		r, err := Evaluate(context.Background(), docs, sys, Options{Types: []string{"person", "book"}, Workers: w, Errors: 2, Context: 2})
		if err != nil {
			t.Fatal(err)
		}
		r.Elapsed = 0
		if first == nil {
			first = r
			continue
		}
		if !reflect.DeepEqual(first, r) {
			t.Errorf("workers change the result:\n%+v\n%+v", first, r)
		}
	}
	r := first
	if m := r.Metrics["book"]; m.Gold != 2 || m.TP != 2 || m.F1 != 1 {
		t.Errorf("book %+v", m)
	}
	// 4 person predictions, none right; 3 gold persons (陈辉李清华, 邓小平, 王;
	// none in doc 1).
	if m := r.Metrics["person"]; m.Pred != 4 || m.Gold != 3 || m.TP != 0 {
		t.Errorf("person %+v", m)
	}
	fp := r.FP["person"]
	if len(fp) != 2 || fp[0].Text != "新" || fp[0].Count != 1 || fp[0].Example != "19980121-01-001-002: 【新】华社…" {
		t.Errorf("person false positives %+v", fp)
	}
	if r.Docs != 4 || r.Types[0] != "person" || r.Types[1] != "book" {
		t.Errorf("docs %d types %v", r.Docs, r.Types)
	}
	_, err := Evaluate(context.Background(), docs, System{Name: "bad", Find: func(d *Doc) ([]Span, error) {
		if d.ID == "19980122-02-003-001" {
			panic("boom")
		}
		return nil, nil
	}}, Options{})
	if err == nil || err.Error() != fmt.Sprintf("%s: internal error: boom", "19980122-02-003-001") {
		t.Errorf("panic gives %v", err)
	}
}

func TestFirstOverlap(t *testing.T) {
	s := []Span{{"x", 0, 10}, {"x", 1, 2}, {"x", 12, 14}, {"x", 13, 20}, {"x", 15, 16}}
	m := maxEnds(s)
	for _, c := range []struct {
		x    Span
		want Span
	}{
		{Span{"x", 3, 5}, s[0]},     // inside the long first span
		{Span{"x", 10, 12}, Span{}}, // in the gap
		{Span{"x", 14, 15}, s[3]},   // after 12-14 ends, inside 13-20
		{Span{"x", 11, 13}, s[2]},
		{Span{"x", 20, 30}, Span{}},
	} {
		if got := firstOverlap(s, m, c.x); got != c.want {
			t.Errorf("firstOverlap(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

func TestEvaluateBoundaryErrors(t *testing.T) {
	docs := []Doc{{ID: "a", Text: "新华社记者陈辉李清华报道", Gold: []Span{{"person", 5, 10}, {"org", 0, 3}}}}
	sys := System{Name: "t", Find: func(d *Doc) ([]Span, error) {
		// A boundary error (陈辉 inside 陈辉李清华) and a spurious one (记者).
		return []Span{{"person", 5, 7}, {"person", 3, 5}}, nil
	}}
	r, err := Evaluate(context.Background(), docs, sys, Options{Types: []string{"person", "org"}, Errors: 5})
	if err != nil {
		t.Fatal(err)
	}
	if b := r.Boundary["person"]; b != (BoundaryCounts{FP: 1, FN: 1}) {
		t.Errorf("person boundary %+v, want 1 FP and 1 FN", b)
	}
	if b := r.Boundary["org"]; b != (BoundaryCounts{}) {
		t.Errorf("org boundary %+v, want none (新华社 is missed outright)", b)
	}
	fn := r.FN["person"]
	if len(fn) != 1 || fn[0].Text != "陈辉李清华" || fn[0].Other != "陈辉" || fn[0].Example != "a: 新华社记者【陈辉李清华】报道" {
		t.Errorf("person false negatives %+v", fn)
	}
}
