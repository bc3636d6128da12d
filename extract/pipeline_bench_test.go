package extract

import (
	"bufio"
	"os"
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
	b.ResetTimer()
	for range b.N {
		for _, p := range ps {
			seg.Cut(p)
		}
	}
}

func BenchmarkPDSegment(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(paragraphBytes(ps))
	b.ResetTimer()
	for range b.N {
		for _, p := range ps {
			seg.Cut(p)
		}
	}
}

func BenchmarkPDPipeline(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	if _, err := NewDocument(ps[0]); err != nil { // loads the lexicons
		b.Fatal(err)
	}
	b.SetBytes(paragraphBytes(ps))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range ps {
			if _, err := NewDocument(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
