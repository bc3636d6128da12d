package segment

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

func benchText(b *testing.B) string {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(data), 20)
}

func benchCut(b *testing.B, opts ...Option) {
	text := benchText(b)
	s, err := New(opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	// CPU time of this thread as well as wall time: the machine may be
	// busy with other work.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	c0, ok := threadCPU()
	for i := 0; i < b.N; i++ {
		s.Cut(text)
	}
	c1, _ := threadCPU()
	b.StopTimer()
	if ok {
		b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkCut(b *testing.B)         { benchCut(b) }
func BenchmarkCutNoDomain(b *testing.B) { benchCut(b, WithoutDomainLexicon()) }
func BenchmarkCutHMM(b *testing.B)      { benchCut(b, WithHMM(true)) }
func BenchmarkCutSearch(b *testing.B)   { benchCut(b, WithMode(Search)) }
func BenchmarkCutFull(b *testing.B)     { benchCut(b, WithMode(Full)) }
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
