package extract

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

func books(t *testing.T, text string) []Mention {
	t.Helper()
	d, err := NewDocument(text, WithTypes(TypeBook))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	for _, m := range d.Mentions {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("%q: offsets [%d,%d) do not give %q", text, m.Start, m.End, m.Text)
		}
	}
	return d.Mentions
}

// The table cases of the book stage are rows of testdata/spec/book.jsonl.

func TestBookSample(t *testing.T) {
	text := readSample(t)
	got := books(t, text)
	want := []struct{ text, kind string }{
		{"论中国共产党历史", "book"},
		{"毛泽东邓小平江泽民胡锦涛关于中国共产党历史论述摘编", "book"},
		{"习近平新时代中国特色社会主义思想学习问答", "book"},
		{"中国共产党简史", "book"},
		{"榜样五", "film"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d books, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Kind != w.kind {
			t.Errorf("book %d = %q (%s), want %q (%s)", i, got[i].Text, got[i].Kind, w.text, w.kind)
		}
	}
}

func readSample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pdBooks reads a PD1998 file and returns, per paragraph, the text and the
// gold book spans (the text between 《 and 》, brackets excluded).
func pdBooks(t *testing.T, path string) (texts []string, gold [][][2]int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("PD1998 corpus not available (%v); skipping", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		var rs []rune
		var open []int
		var spans [][2]int
		for _, tok := range fields[1:] {
			tok = strings.TrimPrefix(tok, "[")
			if k := strings.LastIndex(tok, "]"); k > 0 && k > strings.LastIndex(tok, "/") {
				tok = tok[:k]
			}
			if k := strings.LastIndex(tok, "/"); k > 0 {
				tok = tok[:k]
			}
			switch tok {
			case "《":
				open = append(open, len(rs))
			case "》":
				if n := len(open); n > 0 {
					s := open[n-1]
					open = open[:n-1]
					if len(rs) > s+1 {
						spans = append(spans, [2]int{s + 1, len(rs)})
					}
				}
			}
			rs = append(rs, []rune(tok)...)
		}
		texts = append(texts, string(rs))
		gold = append(gold, spans)
	}
	return texts, gold
}

func bookF1(t *testing.T, path string) (p, r, f float64) {
	texts, gold := pdBooks(t, path)
	tp, np, ng := 0, 0, 0
	for i, text := range texts {
		if !strings.ContainsAny(text, "《》〈〉") {
			ng += len(gold[i])
			continue
		}
		pred := map[[2]int]bool{}
		for _, m := range books(t, text) {
			pred[[2]int{m.Start, m.End}] = true
		}
		np += len(pred)
		ng += len(gold[i])
		for _, g := range gold[i] {
			if pred[g] {
				tp++
			}
		}
	}
	if np > 0 {
		p = float64(tp) / float64(np)
	}
	if ng > 0 {
		r = float64(tp) / float64(ng)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	t.Logf("%s: %d gold, %d predicted, %d correct: P=%.4f R=%.4f F1=%.4f", path, ng, np, tp, p, r, f)
	return p, r, f
}

// TestBookPD1998 checks book F1 on the development part of PD1998 (the
// test part is scored by "tongbao eval" for acceptance figures).
func TestBookPD1998(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	_, _, f := bookF1(t, "../../shared/corpora/pd1998-01/dev.txt")
	if f < 0.98 {
		t.Errorf("book F1 on PD1998 dev = %.4f, want >= 0.98", f)
	}
	if os.Getenv("TONGBAO_ACCEPT") != "" {
		bookF1(t, "../../shared/corpora/pd1998-01/test.txt")
	}
}
