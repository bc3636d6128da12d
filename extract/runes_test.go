package extract

import "testing"

func TestTextRunes(t *testing.T) {
	for _, s := range []string{"", "abc", "中文，２０１９年", "a\xff\xe4\xb8b\xed\xa0\x80c\xe0\x80\x80中\xf0\x9f\x98\x80x\xe4", "\xe4\xb8", "\xef\xbf\xbd\xef\xbf\xbf\xe0\xa0\x80"} {
		want, got := []rune(s), textRunes(s)
		if len(want) != len(got) {
			t.Fatalf("%q: %d runes, want %d", s, len(got), len(want))
		}
		for i := range want {
			if want[i] != got[i] {
				t.Fatalf("%q: rune %d is %U, want %U", s, i, got[i], want[i])
			}
		}
	}
}

func FuzzTextRunes(f *testing.F) {
	f.Add("中文abc\xe4\xb8")
	f.Fuzz(func(t *testing.T, s string) {
		if string(textRunes(s)) != string([]rune(s)) || len(textRunes(s)) != len([]rune(s)) {
			t.Fatalf("%q", s)
		}
	})
}
