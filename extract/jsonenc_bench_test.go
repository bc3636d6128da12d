package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tongbao/tongbao/corpus"
)

// BenchmarkMentionJSON encodes the mentions of a work report (Fujian 2019;
// the sample bulletin when the corpus is absent), all types: each with a
// json.Encoder, as the extract command did, or appended to a reused
// buffer, as it does. Run:
//
//	go test ./extract -run '^$' -bench MentionJSON -benchmem
func BenchmarkMentionJSON(b *testing.B) {
	path := filepath.Join(govWorkReports, "provinces", "福建省", "2019.md")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Logf("%s is absent: the sample bulletin instead", path)
		if raw, err = os.ReadFile("../testdata/000_776449805ff1d07a.txt"); err != nil {
			b.Fatal(err)
		}
	}
	text, meta := corpus.MarkdownText(string(raw))
	d, err := NewDocument(text, WithTypes(AllTypes...), WithMeta(meta))
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for i := range d.Mentions {
		m, _ := d.Mentions[i].AppendJSON(nil)
		size += len(m) + 1
	}
	b.Logf("%d mentions, %d bytes", len(d.Mentions), size)
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, m := range d.Mentions {
				var buf bytes.Buffer
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(m); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("AppendJSON", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			for i := range d.Mentions {
				var err error
				if buf, err = d.Mentions[i].AppendJSON(buf[:0]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
