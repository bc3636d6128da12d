package segment

import (
	"os"
	"strings"
	"testing"
)

// goldenFloor is the lowest agreement (word-span F1) with the
// hand-corrected golden segmentation of the sample bulletin accepted.
const goldenFloor = 0.93

// TestGolden measures the segmenter against the hand-corrected golden
// segmentation of testdata/000_776449805ff1d07a.txt (one output line per
// input line, words separated by spaces). The golden is the truth: domain
// terms (人大常委会, 党史学习教育), names (罗智琼) and place names (黔西县)
// are whole in it whatever the segmenter does.
func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	g, err := os.ReadFile("../testdata/golden/000_776449805ff1d07a.seg.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	glines := strings.Split(strings.TrimRight(string(g), "\n"), "\n")
	if len(lines) != len(glines) {
		t.Fatalf("golden has %d lines, the text %d", len(glines), len(lines))
	}
	var gold [][]string
	for i, l := range glines {
		w := strings.Fields(l)
		if strings.Join(w, "") != strings.Join(strings.Fields(lines[i]), "") {
			t.Fatalf("golden line %d does not spell the text's line", i+1)
		}
		gold = append(gold, w)
	}
	for _, c := range []struct {
		name  string
		opts  []Option
		floor float64
	}{
		{"precise", nil, goldenFloor},
		{"precise+HMM", []Option{WithHMM(true)}, 0},
		{"precise, no domain lexicon", []Option{WithoutDomainLexicon()}, 0},
	} {
		s, err := New(c.opts...)
		if err != nil {
			t.Fatal(err)
		}
		pred, _, _ := cutLines(s, gold)
		p, r, f := spanF1(gold, pred)
		t.Logf("golden agreement, %-27s P %.4f R %.4f F1 %.4f", c.name, p, r, f)
		if f < c.floor {
			t.Errorf("%s: agreement F1 %.4f below the floor %.2f", c.name, f, c.floor)
		}
	}
	// The domain terms the golden keeps whole must be whole.
	s := mustDefault(t)
	words := map[string]bool{}
	for _, tk := range s.Cut(string(raw)) {
		words[tk.Text] = true
	}
	for _, w := range []string{"人大常委会", "党史学习教育", "主题党日", "三会一课", "党组书记", "走深走实"} {
		if !words[w] {
			t.Errorf("%s not segmented whole", w)
		}
	}
}
