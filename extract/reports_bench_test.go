package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReports is the whole pipeline (NewDocument, every mention type)
// on the provinces' work reports of one year, the genre bench/versus.sh
// measures:
//
//	go test ./extract -run XXX -bench Reports -benchtime 3x
//
// It reports cpu-ns/op, the CPU time of the benchmark's own thread, which
// is what to compare on a shared machine.
func BenchmarkReports(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpora/gov-work-reports/provinces/*/2019.md")
	if len(files) == 0 {
		b.Skip("the work reports are absent: the benchmark needs ../shared next to the repository")
	}
	var texts []string
	var n int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		n += int64(len(data))
	}
	if _, err := NewDocument(texts[0]); err != nil { // loads the lexicons
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	cpuLoop(b, func() {
		for _, t := range texts {
			if _, err := NewDocument(t); err != nil {
				b.Fatal(err)
			}
		}
	})
}
