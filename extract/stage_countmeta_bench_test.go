package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkCountMetaSC times the count, metadata and structure stages
// alone on the first 8000 State Council paragraphs of bench/out/sc.jsonl,
// already segmented and with their time spans found, each document with
// a scratch as the pipeline gives it:
//
//	go test ./extract -run XXX -bench CountMetaSC -benchtime 5x
//
// Each sub-benchmark reports cpu-ns/op, the CPU time of its own thread.
func BenchmarkCountMetaSC(b *testing.B) {
	f, err := os.Open("../bench/out/sc.jsonl")
	if err != nil {
		b.Skipf("bench/out/sc.jsonl is absent (%v)", err)
	}
	defer f.Close()
	var docs []*Document
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	for in.Scan() && len(docs) < 8000 {
		var rec struct{ ID, Text string }
		if json.Unmarshal(in.Bytes(), &rec) != nil {
			continue
		}
		d, err := NewDocument(rec.Text, WithTypes(TypeCount), WithID(rec.ID))
		if err != nil {
			b.Fatal(err)
		}
		d.Tokens()
		d.timeSpans()
		docs = append(docs, d)
	}
	sc := new(docScratch)
	var last *Document
	reset := func(d *Document) {
		if last != nil {
			clear(last.Mentions)
			sc.mentions = last.Mentions[:0]
		}
		last = d
		sc.ints.n, sc.int32s.n, sc.bools.n = 0, 0, 0
		d.scratch, d.Mentions = sc, sc.mentions
	}
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
