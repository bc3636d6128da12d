package segment

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/segment"
)

// Segmenting in windows gives the bytes of the whole-document record, for
// texts with and without line breaks, in every format.
func TestWindowedRecordIsWhole(t *testing.T) {
	b, err := os.ReadFile("../../../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 2*segWindow/len(b) + 2
	for name, text := range map[string]string{
		"lines":    strings.Repeat(string(b)+"\n", n),
		"one line": strings.Repeat(strings.ReplaceAll(string(b), "\n", ""), n),
		"empty":    "",
	} {
		toks := seg.Cut(text)
		for _, pos := range []bool{false, true} {
			for format, want := range map[string][]byte{
				"jsonl": jsonlRecord("d", len(text), toks, pos),
				"tsv":   tsvLines("d", toks, pos),
				"text":  textLines(toks, pos),
			} {
				var got bytes.Buffer
				if err := writeWindowed(&got, seg, corpus.Document{ID: "d", Text: text}, format, pos); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("%s, %s, pos %v: windowed record differs (%d bytes, want %d)", name, format, pos, got.Len(), len(want))
				}
			}
		}
	}
}
