package stats

import (
	"os"
	"testing"

	"github.com/tongbao/tongbao/segment"
)

// BenchmarkCountVsSegment compares segmentation alone with segmentation
// plus term counting on the sample bulletin (go test -bench Count ./stats).
func BenchmarkCountVsSegment(b *testing.B) {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	f := &Filter{Stopwords: DefaultStopwords(), MinLen: 2}
	b.Run("segment", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			seg.Cut(text)
		}
	})
	b.Run("segment+terms+pos", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			toks := seg.Cut(text)
			t := NewTable()
			t.Add(DocTerms(toks, f))
			t.AddPOS(DocPOS(toks, f))
		}
	})
}
