package stats_test

import (
	"fmt"

	"github.com/tongbao/tongbao/stats"
)

// Per-document counts merge into tables; keyness compares two of them.
func ExampleKeyness() {
	county, nation := stats.NewTable(), stats.NewTable()
	county.Add(map[string]int{"旅游": 40, "发展": 100, "项目": 60})
	county.Add(map[string]int{"旅游": 20, "发展": 80})
	nation.Add(map[string]int{"发展": 900, "改革": 300, "项目": 100})
	rows, _ := stats.Keyness(county, nation, stats.KeynessOptions{MinCount: 5})
	for _, r := range rows {
		fmt.Printf("%s %d/%d g2=%.2f chi2=%.2f lr=%.2f\n", r.Term, r.NTarget, r.NReference, r.G2, r.Chi2, r.LogRatio)
	}
	// Output:
	// 旅游 60/0 g2=211.49 chi2=270.13 lr=9.02
	// 项目 60/100 g2=34.73 chi2=41.03 lr=1.38
	// 发展 180/900 g2=-9.20 chi2=-9.47 lr=-0.21
	// 改革 0/300 g2=-139.72 chi2=-85.21 lr=-7.11
}

// Documents or groups compare by cosine of TF-IDF vectors or by Jaccard.
func ExampleCosine() {
	docs := []map[string]int{
		{"乡村振兴": 3, "发展": 2},
		{"乡村振兴": 1, "发展": 4},
		{"改革": 2, "发展": 1},
	}
	cos, _ := stats.Cosine(docs, nil)
	jac, _ := stats.Jaccard(docs)
	fmt.Printf("cos(0,1)=%.3f cos(0,2)=%.3f jaccard(0,1)=%.2f jaccard(0,2)=%.2f\n",
		cos.At(0, 1), cos.At(0, 2), jac.At(0, 1), jac.At(0, 2))
	// Output:
	// cos(0,1)=0.710 cos(0,2)=0.130 jaccard(0,1)=1.00 jaccard(0,2)=0.33
}

// Keep the counts of many documents compactly until the IDF of all of them
// is known, then rank each document's terms.
func ExampleVocab() {
	docs := []map[string]int{
		{"乡村振兴": 3, "会议": 1},
		{"改革": 2, "会议": 1},
	}
	v := stats.NewVocab()
	t := stats.NewTable()
	var kept []stats.Counts
	for _, d := range docs {
		t.Add(d)
		kept = append(kept, v.Pack(d))
	}
	idf := t.IDF()
	for _, c := range kept {
		top := stats.TopTFIDF(v.Unpack(c), idf, 1)
		fmt.Printf("%s %.3f\n", top[0].Term, top[0].Score)
	}
	// Output:
	// 乡村振兴 4.216
	// 改革 2.811
}
