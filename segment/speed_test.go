package segment

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/go-ego/gse"
)

// TestSegSpeed prints SIGHAN 2005 F1 and speed of each mode next to gse's
// own segmenters, measured in the same run (speeds as ratios to gse
// Cut(text)). It loads gse's full dictionary, so it only runs with
// TONGBAO_SEGSPEED=1:
//
//	TONGBAO_SEGSPEED=1 go test -run SegSpeed -v ./segment
func TestSegSpeed(t *testing.T) {
	if os.Getenv("TONGBAO_SEGSPEED") == "" {
		t.Skip("set TONGBAO_SEGSPEED=1 to compare with gse (loads gse's dictionary)")
	}
	sets := map[string][][]string{
		"PKU": readGold(t, "pku_test_gold.utf8"),
		"MSR": readGold(t, "msr_test_gold.utf8"),
	}
	var g gse.Segmenter
	g.SkipLog = true
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	mk := func(opts ...Option) func(string) []string {
		s, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		return func(text string) []string {
			var w []string
			for _, tk := range s.Cut(text) {
				if strings.TrimSpace(tk.Text) != "" {
					w = append(w, tk.Text)
				}
			}
			return w
		}
	}
	gseCut := func(f func(string) []string) func(string) []string {
		return func(text string) []string {
			var w []string
			for _, x := range f(text) {
				if strings.TrimSpace(x) != "" {
					w = append(w, x)
				}
			}
			return w
		}
	}
	configs := []struct {
		name string
		cut  func(string) []string
	}{
		{"gse Cut(text)", gseCut(func(s string) []string { return g.Cut(s) })},
		{"gse Cut(text, true)", gseCut(func(s string) []string { return g.Cut(s, true) })},
		{"tongbao precise (default)", mk()},
		{"tongbao precise, no domain lexicon", mk(WithoutDomainLexicon())},
		{"tongbao precise --hmm", mk(WithHMM(true))},
		{"tongbao search", mk(WithMode(Search))},
		{"tongbao full", mk(WithMode(Full))},
	}
	// F1 first, then timing: five rounds, the configurations interleaved
	// within each round so that load on the machine hits them alike; the
	// fastest pass of each is kept.
	var bytes int
	for _, name := range []string{"PKU", "MSR"} {
		for _, l := range sets[name] {
			bytes += len(strings.Join(l, ""))
		}
	}
	f1 := make([][2]float64, len(configs))
	best := make([]time.Duration, len(configs))
	for i, c := range configs {
		for k, name := range []string{"PKU", "MSR"} {
			gold := sets[name]
			pred := make([][]string, len(gold))
			for j, l := range gold {
				pred[j] = c.cut(strings.Join(l, ""))
			}
			_, _, f1[i][k] = spanF1(gold, pred)
		}
	}
	for r := 0; r < 5; r++ {
		for i, c := range configs {
			start := time.Now()
			for _, name := range []string{"PKU", "MSR"} {
				for _, l := range sets[name] {
					c.cut(strings.Join(l, ""))
				}
			}
			if d := time.Since(start); r == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	t.Logf("%-36s %8s %8s %8s %s", "segmenter", "PKU F1", "MSR F1", "MB/s", "speed vs gse Cut(text)")
	base := float64(bytes) / best[0].Seconds() / 1e6
	for i, c := range configs {
		mbs := float64(bytes) / best[i].Seconds() / 1e6
		f := func(x float64) string {
			if strings.Contains(c.name, "search") || strings.Contains(c.name, "full") {
				return "   (n/a)" // overlapping tokens: F1 does not apply
			}
			return "  " + ftoa(x)
		}
		t.Logf("%-36s %8s %8s %8.2f %.2fx", c.name, f(f1[i][0]), f(f1[i][1]), mbs, mbs/base)
	}
}

func ftoa(x float64) string {
	s := itoa(int(x*10000 + 0.5))
	for len(s) < 5 {
		s = "0" + s
	}
	return s[:len(s)-4] + "." + s[len(s)-4:]
}
