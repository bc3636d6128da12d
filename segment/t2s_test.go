package segment

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/tongbao/tongbao/zhconv"
)

// TestCutT2S segments paragraphs of the 1954 report in Traditional
// characters: converted, they are cut into words, not characters, and the
// tokens tile the original text.
func TestCutT2S(t *testing.T) {
	b, err := os.ReadFile("../zhconv/testdata/1954-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	runes := []rune(text)
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// words counts the Han characters and those inside tokens of two or more
	words := func(toks []Token) (inWords, han int) {
		for _, tk := range toks {
			n := 0
			for _, r := range tk.Text {
				if unicode.Is(unicode.Han, r) {
					n++
				}
			}
			han += n
			if len([]rune(tk.Text)) > 1 {
				inWords += n
			}
		}
		return
	}
	plain, err := s.CutT2S(text, zhconv.Never)
	if err != nil {
		t.Fatal(err)
	}
	toks, err := s.CutT2S(text, zhconv.Auto)
	if err != nil {
		t.Fatal(err)
	}
	pm, pn := words(plain)
	cm, cn := words(toks)
	t.Logf("Han characters in words of two or more: as written %d of %d, converted %d of %d", pm, pn, cm, cn)
	if cm*10 < cn*8 {
		t.Errorf("converted: only %d of %d Han characters are in words (as written: %d)", cm, cn, pm)
	}
	var b2 strings.Builder
	end := 0
	for _, tk := range toks {
		if tk.Start != end || string(runes[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token %q [%d,%d) does not follow at %d or quote the original", tk.Text, tk.Start, tk.End, end)
		}
		end = tk.End
		b2.WriteString(tk.Text)
	}
	if b2.String() != text {
		t.Error("the tokens do not tile the original text")
	}
	for _, w := range []string{"中華人民共和國", "經濟", "合作", "協定", "國家機關"} {
		found := false
		for _, tk := range toks {
			found = found || tk.Text == w
		}
		if !found {
			t.Errorf("no token %s", w)
		}
	}
	// Auto leaves a simplified text as Cut cuts it
	simp := "县人大常委会召开党史学习教育动员大会"
	a, _ := s.CutT2S(simp, zhconv.Auto)
	if len(a) != len(s.Cut(simp)) {
		t.Error("Auto changed the cut of a simplified text")
	}
}
