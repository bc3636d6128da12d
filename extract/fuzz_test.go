package extract

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract runs the whole pipeline, every extractor included, on
// arbitrary text: it must not panic, and every mention must slice the text
// (invalid UTF-8 counted as []rune counts it).
func FuzzExtract(f *testing.F) {
	if b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			f.Add(line)
		}
	}
	for _, s := range []string{"", "\xff\xfe", "一九九七年十二月三十一日", "记者 兰红光 摄", "安徽省合肥市长江路",
		"《《》》", "“”“", "3月26日至28日", "第", "百分之", "1.2万元", "、、、", "（一）", "\u0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := NewDocument(text)
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(text)
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End {
				t.Fatalf("mention %+v out of range [0,%d]", m, len(rs))
			}
			if string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("mention %+v: text[%d:%d] = %q", m, m.Start, m.End, string(rs[m.Start:m.End]))
			}
		}
		if !utf8.ValidString(text) {
			return
		}
		for _, s := range d.Sections {
			if string(rs[s.Start:s.End]) != s.Text {
				t.Fatalf("section %+v does not slice the text", s)
			}
		}
	})
}
