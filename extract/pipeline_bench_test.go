package extract

import (
	"bufio"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/tongbao/tongbao/segment"
)

// The whole pipeline is compared with segmentation alone on the raw
// paragraphs of PD1998 dev (the first 2000), in one command so that the
// ratios come from one run:
//
//	go test ./extract -run XXX -bench 'PD(GseCut|Segment|Pipeline)' -benchtime 5x
//
// BenchmarkPDGseCut is gse's Cut with its embedded dictionary (the
// acceptance baseline of issue 8), BenchmarkPDSegment is our segmenter, and
// BenchmarkPDPipeline is NewDocument with every mention type.
//
// Besides ns/op (wall time, which other processes on a busy machine
// inflate), each reports cpu-ns/op: the CPU time of the benchmark's own
// thread (Linux), which is what the ratios should be taken from when the
// machine is shared. Work the garbage collector does on other threads is
// not in it.

const pdDev = "../../shared/corpora/pd1998-01/dev.txt"

// pdParagraphs returns up to n raw paragraphs of PD1998 dev: per line, the
// id token dropped, /TAG and the [ ]xx of compounds stripped, words joined.
func pdParagraphs(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := os.Open(pdDev)
	if err != nil {
		tb.Skipf("PD1998 dev is absent (%v): the pipeline benchmarks need ../shared next to the repository", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() && len(out) < n {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		var b strings.Builder
		for _, w := range fields[1:] {
			w = strings.TrimPrefix(w, "[")
			if i := strings.LastIndexByte(w, '/'); i > 0 {
				w = w[:i]
			}
			b.WriteString(w)
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(out) == 0 {
		tb.Skip("PD1998 dev has no paragraphs")
	}
	return out
}

// cpuLoop runs body b.N times on one locked OS thread and reports its CPU
// time per iteration as cpu-ns/op.
func cpuLoop(b *testing.B, body func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	c0, ok := threadCPU()
	for range b.N {
		body()
	}
	c1, _ := threadCPU()
	b.StopTimer()
	if ok {
		b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
	}
}

func paragraphBytes(ps []string) int64 {
	var n int64
	for _, p := range ps {
		n += int64(len(p))
	}
	return n
}

func BenchmarkPDGseCut(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	var seg gse.Segmenter
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(paragraphBytes(ps))
	cpuLoop(b, func() {
		for _, p := range ps {
			seg.Cut(p)
		}
	})
}

func BenchmarkPDSegment(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(paragraphBytes(ps))
	cpuLoop(b, func() {
		for _, p := range ps {
			seg.Cut(p)
		}
	})
}

func BenchmarkPDPipeline(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	if _, err := NewDocument(ps[0]); err != nil { // loads the lexicons
		b.Fatal(err)
	}
	b.SetBytes(paragraphBytes(ps))
	b.ReportAllocs()
	cpuLoop(b, func() {
		for _, p := range ps {
			if _, err := NewDocument(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
