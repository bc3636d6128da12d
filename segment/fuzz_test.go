package segment

import (
	"testing"
)

// FuzzCut cuts arbitrary text in every mode: no panic, and in the precise
// mode the tokens cover the text exactly, in order.
func FuzzCut(f *testing.F) {
	for _, s := range []string{"", "县人大常委会党组书记罗智琼", "ABC abc １２３ 2021年3月26日", "\xff\xfe中\x80文",
		"😀👍🏽", "\r\n\t  ", "1.5亿元，增长30%", "二〇二一年"} {
		f.Add(s)
	}
	s, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rs := []rune(text)
		at := 0
		for _, tk := range s.Cut(text) {
			if tk.Start != at || tk.End <= tk.Start || tk.End > len(rs) || string(rs[tk.Start:tk.End]) != tk.Text {
				t.Fatalf("token %+v does not continue the text at %d", tk, at)
			}
			at = tk.End
		}
		if at != len(rs) {
			t.Fatalf("tokens end at %d of %d", at, len(rs))
		}
		for _, m := range []Mode{Search, Full} {
			for _, tk := range s.Segment(text, m) {
				if tk.Start < 0 || tk.End > len(rs) || string(rs[tk.Start:tk.End]) != tk.Text {
					t.Fatalf("%s: token %+v does not slice the text", m, tk)
				}
			}
		}
	})
}
