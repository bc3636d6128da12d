package extract_test

import (
	"os"
	"testing"

	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/extract/eval"
)

// TestPersonOrgPD1998Dev scores a tenth of the PD1998 development set with
// the eval package's reader (gold mapped to the guideline) and scorer, and
// fails when exact-span F1 falls below floors a little under the figures
// measured (person 0.854, org 0.770 on this tenth).
func TestPersonOrgPD1998Dev(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: scores PD1998 dev")
	}
	f, err := os.Open("../../shared/corpora/pd1998-01/dev.txt")
	if err != nil {
		t.Skipf("PD1998 corpus not available (%v): skipping", err)
	}
	defer f.Close()
	docs, err := eval.ReadPD1998(f, "dev.txt")
	if err != nil {
		t.Fatal(err)
	}
	types := []string{extract.TypePerson, extract.TypeOrg}
	total := map[string]*eval.Counts{}
	for _, typ := range types {
		total[typ] = &eval.Counts{}
	}
	n := 0
	for i, doc := range docs {
		if (i+1)%10 != 0 {
			continue
		}
		n++
		d, err := extract.NewDocument(doc.Text, extract.WithTypes(types...), extract.WithRefDate(doc.Ref))
		if err != nil {
			t.Fatal(err)
		}
		var pred []eval.Span
		for _, m := range d.Mentions {
			pred = append(pred, eval.Span{Type: m.Type, Start: m.Start, End: m.End})
		}
		ds := eval.ScoreDoc(doc.Gold, pred, types)
		for _, typ := range types {
			total[typ].Add(ds.Counts[typ])
		}
	}
	floors := map[string]float64{extract.TypePerson: 0.83, extract.TypeOrg: 0.74}
	for _, typ := range types {
		m := total[typ].Metrics()
		t.Logf("%s: P %.3f R %.3f F1 %.3f (%d paragraphs)", typ, m.Precision, m.Recall, m.F1, n)
		if m.F1 < floors[typ] {
			t.Errorf("%s exact F1 %.3f below floor %.2f", typ, m.F1, floors[typ])
		}
	}
}
