package extract

import (
	"os"
	"testing"

	"github.com/tongbao/tongbao/segment"
)

// The time and count stages are compared with gse segmentation alone on the
// sample bulletin: run both in one command and compare ns/op,
//
//	go test ./extract -run XXX -bench 'Gse|TimeCount' -benchtime 200x
//
// (TimeCount includes the segmentation the count stage uses for objects
// and the stages every document runs.)

func benchText(b *testing.B) string {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkGseBaseline(b *testing.B) {
	text := benchText(b)
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		seg.Cut(text)
	}
}

func BenchmarkTimeCount(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		if _, err := NewDocument(text, WithTypes(TypeTime, TypeCount)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTimeOnly(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		if _, err := NewDocument(text, WithTypes(TypeTime)); err != nil {
			b.Fatal(err)
		}
	}
}
