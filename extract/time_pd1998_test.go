package extract_test

import (
	"os"
	"testing"

	"github.com/tongbao/tongbao/extract/eval"
)

// TestTimeCountPD1998Dev scores the time and count extractors on the first
// paragraphs of the PD1998 development set (exact spans, the gold
// conventions of extract/eval, PD1998 mapped to the guideline: ordinals
// are no counts, durations are times), guarding against regressions. The
// acceptance figures are taken on test.txt with "tongbao eval".
func TestTimeCountPD1998Dev(t *testing.T) {
	const path = "../../shared/corpora/pd1998-01/dev.txt"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("PD1998 development set not available (%v): skipping the corpus check", err)
	}
	defer f.Close()
	docs, err := eval.ReadPD1998(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) > 3000 {
		docs = docs[:3000]
	}
	types := []string{"time", "count"}
	sys, err := eval.Tongbao(types)
	if err != nil {
		t.Fatal(err)
	}
	total := map[string]*eval.Counts{"time": {}, "count": {}}
	for i := range docs {
		pred, err := sys.Find(&docs[i])
		if err != nil {
			t.Fatal(err)
		}
		ds := eval.ScoreDoc(docs[i].Gold, pred, types)
		for _, typ := range types {
			total[typ].Add(ds.Counts[typ])
		}
	}
	floors := map[string]float64{"time": 0.83, "count": 0.77}
	for _, typ := range types {
		m := total[typ].Metrics()
		t.Logf("%s: P %.3f R %.3f F1 %.3f (gold %d)", typ, m.Precision, m.Recall, m.F1, m.Gold)
		if m.F1 < floors[typ] {
			t.Errorf("%s: exact-span F1 %.3f on %d dev paragraphs, below %.2f", typ, m.F1, len(docs), floors[typ])
		}
	}
}
