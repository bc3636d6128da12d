package corpus

import (
	"reflect"
	"testing"

	"github.com/tongbao/tongbao/segment"
)

// Acceptance: the GBK copy of the sample bulletin gives the same tokens as
// the UTF-8 file, through the same reader every command uses.
func TestGBKCopyGivesSameTokens(t *testing.T) {
	docs := readAll(t, []string{sample, "../testdata/gbk/000_776449805ff1d07a.gbk.txt"}, Options{})
	if docs[0].Err != nil || docs[1].Err != nil {
		t.Fatalf("errors: %v, %v", docs[0].Err, docs[1].Err)
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	utf, gbk := seg.Cut(docs[0].Text), seg.Cut(docs[1].Text)
	if len(utf) < 1000 {
		t.Fatalf("only %d tokens from the sample", len(utf))
	}
	if !reflect.DeepEqual(utf, gbk) {
		t.Error("the GBK copy gives different tokens from the UTF-8 file")
	}
}
