package extract

import "testing"

// BenchmarkCountMetaSC times the count, metadata and structure stages
// alone on the first 8000 State Council paragraphs of bench/out/sc.jsonl,
// already segmented and with their time spans found, each document with
// a scratch as the pipeline gives it:
//
//	go test ./extract -run XXX -bench CountMetaSC -benchtime 5x
//
// Each sub-benchmark reports cpu-ns/op, the CPU time of its own thread.
func BenchmarkCountMetaSC(b *testing.B) {
	docs := scBenchDocs(b, TypeCount)
	for _, d := range docs {
		d.timeSpans()
	}
	reset := benchScratch()
	b.Run("count", func(b *testing.B) {
		cpuLoop(b, func() {
			for _, d := range docs {
				reset(d)
				runCounts(d)
			}
		})
	})
	b.Run("meta", func(b *testing.B) {
		cpuLoop(b, func() {
			for _, d := range docs {
				reset(d)
				runMeta(d)
			}
		})
	})
	b.Run("structure", func(b *testing.B) {
		cpuLoop(b, func() {
			for _, d := range docs {
				reset(d)
				d.Title, d.Sections, d.Byline = nil, nil, nil
				extractStructure(d)
			}
		})
	})
}
