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
	docs := scBenchDocs(b, TypePlace) // segmented, places found
	types := map[string]bool{TypePerson: true, TypeOrg: true, TypeSlogan: true}
	next := benchScratch()
	reset := func(d *Document) {
		next(d)
		d.People, d.Orgs = nil, nil
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

// scBenchDocs returns documents of the first 8000 State Council
// paragraphs of bench/out/sc.jsonl (made by bench/jieba.sh), extracted for
// the type given and segmented, skipping when the file is absent.
func scBenchDocs(b *testing.B, typ string) []*Document {
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
		d, err := NewDocument(rec.Text, WithTypes(typ), WithID(rec.ID))
		if err != nil {
			b.Fatal(err)
		}
		d.Tokens()
		docs = append(docs, d)
	}
	return docs
}

// benchScratch returns a function that gives each document in turn one
// scratch, emptied as the pipeline empties its buffers from one document
// to the next.
func benchScratch() func(d *Document) {
	sc := new(docScratch)
	var last *Document
	return func(d *Document) {
		if last != nil {
			clear(last.Mentions)
			sc.mentions = last.Mentions[:0] // append may have moved them
		}
		last = d
		sc.ints.n, sc.int32s.n, sc.bools.n = 0, 0, 0
		d.scratch, d.Mentions = sc, sc.mentions
	}
}
