package segment

import (
	"strings"
	"testing"
)

// TestGSEEngine checks that the gse engine runs gse itself, keeps the text
// as written, covers it exactly, and takes the domain lexicon and user
// words ahead of gse's own entries.
func TestGSEEngine(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionary (seconds)")
	}
	text := "县人大常委会党组书记罗智琼出席ABC会议，\n学习“四个意识”。"
	g, err := New(WithEngine(GSE), WithDict("user", strings.NewReader("罗智琼 1000 nr\n")))
	if err != nil {
		t.Fatal(err)
	}
	toks := g.Cut(text)
	rs := []rune(text)
	at := 0
	var words []string
	for _, tk := range toks {
		if tk.Start != at || string(rs[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token %+v does not continue the text at %d", tk, at)
		}
		at = tk.End
		words = append(words, tk.Text)
	}
	if at != len(rs) {
		t.Fatalf("tokens end at %d of %d", at, len(rs))
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, w := range []string{" 罗智琼 ", " ABC ", " 人大常委会 "} {
		if !strings.Contains(joined, w) {
			t.Errorf("gse engine: %q not a token in %q", strings.TrimSpace(w), joined)
		}
	}
	if _, err := New(WithEngine(GSE), WithMode(Full)); err == nil {
		t.Error("gse engine accepted the full mode")
	}
	if e, err := ParseEngine("gse"); err != nil || e != GSE || e.String() != "gse" {
		t.Errorf("ParseEngine(gse) = %v, %v", e, err)
	}
	if _, err := ParseEngine("jieba"); err == nil {
		t.Error("ParseEngine accepted jieba")
	}
}
