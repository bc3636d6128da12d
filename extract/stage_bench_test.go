package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkStagesSC times the person, org and slogan stages alone on the
// first 8000 State Council paragraphs of bench/out/sc.jsonl, already
// segmented and with their places found:
//
//	go test ./extract -run XXX -bench StagesSC -benchtime 5x
//
// Each sub-benchmark reports cpu-ns/op, the CPU time of its own thread.
func BenchmarkStagesSC(b *testing.B) {
	f, err := os.Open("../bench/out/sc.jsonl")
	if err != nil {
		b.Skipf("bench/out/sc.jsonl is absent (%v)", err)
	}
	defer f.Close()
	var docs []*Document
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	for in.Scan() && len(docs) < 8000 {
		var rec struct{ Text string }
		if json.Unmarshal(in.Bytes(), &rec) != nil {
			continue
		}
		d, err := NewDocument(rec.Text, WithTypes(TypePlace))
		if err != nil {
			b.Fatal(err)
		}
		d.Tokens()
		docs = append(docs, d)
	}
	types := map[string]bool{TypePerson: true, TypeOrg: true, TypeSlogan: true}
	sc := new(docScratch) // the pipeline's buffers, reused from one document to the next
	var last *Document
	reset := func(d *Document) {
		if last != nil {
			clear(last.Mentions)
			sc.mentions = last.Mentions[:0] // append may have moved them
		}
		last = d
		sc.ints.n, sc.int32s.n, sc.bools.n = 0, 0, 0
		d.scratch, d.Mentions, d.People, d.Orgs = sc, sc.mentions, nil, nil
		d.types = types
	}
	b.Run("org", func(b *testing.B) {
		cpuLoop(b, func() {
			for _, d := range docs {
				reset(d)
				d.orgsDone, d.orgSpans = false, nil
				runOrgs(d)
			}
		})
	})
	b.Run("person", func(b *testing.B) {
		cpuLoop(b, func() {
			for _, d := range docs {
				reset(d)
				runPersons(d)
			}
		})
	})
	b.Run("slogan", func(b *testing.B) {
		cpuLoop(b, func() {
			for _, d := range docs {
				reset(d)
				extractSlogans(d)
			}
		})
	})
}
