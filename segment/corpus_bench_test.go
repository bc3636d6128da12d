package segment

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// reportParagraphs returns the paragraphs of the State Council work
// reports of the shared corpus (about 3.7 MB of short texts, like the
// documents of a JSONL bulletin dump); it skips when the corpus is absent.
func reportParagraphs(b *testing.B) []string {
	files, _ := filepath.Glob("../../shared/corpora/gov-work-reports/state-council/*/20*.md")
	more, _ := filepath.Glob("../../shared/corpora/gov-work-reports/state-council/*.md")
	files = append(files, more...)
	if len(files) == 0 {
		b.Skip("the shared corpus of work reports is absent")
	}
	var ps []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n") {
			if p != "" {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// BenchmarkCutParagraphs cuts each paragraph of the work reports as one
// text, in precise mode, as extract does with each document.
func BenchmarkCutParagraphs(b *testing.B) {
	ps := reportParagraphs(b)
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, p := range ps {
		n += len(p)
	}
	b.SetBytes(int64(n))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	c0, ok := threadCPU()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			s.Segment(p, Precise)
		}
	}
	c1, _ := threadCPU()
	b.StopTimer()
	if ok {
		b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
	}
}
