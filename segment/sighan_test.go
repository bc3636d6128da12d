package segment

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const sighanDir = "../../shared/corpora/sighan2005"

// readGold returns the gold lines of a SIGHAN 2005 file as word lists.
func readGold(t testing.TB, name string) [][]string {
	f, err := os.Open(filepath.Join(sighanDir, name))
	if err != nil {
		t.Skipf("SIGHAN 2005 gold not available (%v); it lives in ../shared/corpora/sighan2005", err)
	}
	defer f.Close()
	var lines [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		w := strings.Fields(sc.Text())
		if len(w) > 0 {
			lines = append(lines, w)
		}
	}
	return lines
}

// spanF1 scores predicted against gold segmentations with the bakeoff's
// measure: precision, recall and F1 of word spans.
func spanF1(gold, pred [][]string) (p, r, f float64) {
	var ng, np, nc int
	for i := range gold {
		gs := spans(gold[i])
		ps := spans(pred[i])
		ng += len(gs)
		np += len(ps)
		for s := range ps {
			if gs[s] {
				nc++
			}
		}
	}
	if np == 0 || ng == 0 {
		return 0, 0, 0
	}
	p = float64(nc) / float64(np)
	r = float64(nc) / float64(ng)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func spans(words []string) map[[2]int]bool {
	m := make(map[[2]int]bool, len(words))
	pos := 0
	for _, w := range words {
		n := len([]rune(w))
		m[[2]int{pos, pos + n}] = true
		pos += n
	}
	return m
}

// cutLines segments each gold line's text (words joined) with s, dropping
// white space tokens.
func cutLines(s *Segmenter, gold [][]string) (pred [][]string, bytes int, d time.Duration) {
	texts := make([]string, len(gold))
	for i, g := range gold {
		texts[i] = strings.Join(g, "")
		bytes += len(texts[i])
	}
	pred = make([][]string, len(gold))
	start := time.Now()
	for i, tx := range texts {
		for _, t := range s.Cut(tx) {
			if strings.TrimSpace(t.Text) != "" {
				pred[i] = append(pred[i], t.Text)
			}
		}
	}
	return pred, bytes, time.Since(start)
}

// TestSIGHAN measures segmentation F1 on the SIGHAN 2005 PKU and MSR test
// gold, with and without the domain lexicon and the HMM, and checks floors.
func TestSIGHAN(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: segments both SIGHAN 2005 test sets")
	}
	sets := []struct {
		name  string
		file  string
		floor float64
	}{
		{"PKU", "pku_test_gold.utf8", 0.84},
		{"MSR", "msr_test_gold.utf8", 0.83},
	}
	configs := []struct {
		name string
		opts []Option
	}{
		{"precise", nil},
		{"precise, no domain lexicon", []Option{WithoutDomainLexicon()}},
		{"precise+HMM", []Option{WithHMM(true)}},
	}
	for _, set := range sets {
		gold := readGold(t, set.file)
		var f1 = map[string]float64{}
		for _, c := range configs {
			s, err := New(c.opts...)
			if err != nil {
				t.Fatal(err)
			}
			pred, n, d := cutLines(s, gold)
			p, r, f := spanF1(gold, pred)
			f1[c.name] = f
			t.Logf("%s %-28s P %.4f R %.4f F1 %.5f  %.1f MB/s", set.name, c.name, p, r, f, float64(n)/d.Seconds()/1e6)
		}
		if f1["precise"] < set.floor {
			t.Errorf("%s: precise F1 %.4f below the floor %.2f", set.name, f1["precise"], set.floor)
		}
		// The domain lexicon keeps genre terms whole (党组书记) that both
		// standards split; that may cost a few words, never more.
		if d := f1["precise"] - f1["precise, no domain lexicon"]; d < -0.0005 {
			t.Errorf("%s: the domain lexicon lowers F1 by %.4f", set.name, -d)
		}
	}
}

// readPD returns the words of the PKU-tagged People's Daily file (tags,
// compound brackets and paragraph ids dropped).
func readPD(t testing.TB, path string) [][]string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("PD1998 not available (%v); it lives in ../shared/corpora/pd1998-01", err)
	}
	var lines [][]string
	for _, l := range strings.Split(string(data), "\n") {
		fs := strings.Fields(l)
		if len(fs) < 2 {
			continue
		}
		var ws []string
		for _, f := range fs[1:] {
			f = strings.TrimPrefix(f, "[")
			if i := strings.LastIndex(f, "/"); i > 0 {
				f = f[:i]
			}
			ws = append(ws, f)
		}
		lines = append(lines, ws)
	}
	return lines
}

// TestPD1998Dev reports F1 on the PD1998 development set, the set the
// dictionary pruning threshold and the number rules were tuned on, and on
// the test set.
func TestPD1998Dev(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	gold := readPD(t, "../../shared/corpora/pd1998-01/dev.txt")
	for _, c := range []struct {
		name string
		opts []Option
	}{{"precise", nil}, {"precise, no domain lexicon", []Option{WithoutDomainLexicon()}}} {
		s, err := New(c.opts...)
		if err != nil {
			t.Fatal(err)
		}
		pred, _, _ := cutLines(s, gold)
		p, r, f := spanF1(gold, pred)
		t.Logf("PD1998 dev %-28s P %.4f R %.4f F1 %.4f", c.name, p, r, f)
	}
	// The test half, never tuned on: an acceptance figure only.
	test := readPD(t, "../../shared/corpora/pd1998-01/test.txt")
	pred, _, _ := cutLines(mustDefault(t), test)
	p, r, f := spanF1(test, pred)
	t.Logf("PD1998 test (acceptance) precise     P %.4f R %.4f F1 %.4f", p, r, f)
	if f < 0.89 {
		t.Errorf("PD1998 test F1 %.4f below the floor 0.89", f)
	}
}

// TestLexiconAudit prints, for each domain-lexicon entry that occurs in the
// PD1998 development set, how F1 there changes when only that entry is
// added. It is a tool for maintaining dict/gov.txt: run it with
// TONGBAO_LEXICON_AUDIT=1 (and TONGBAO_LEXICON_AUDIT_FILE=candidates.txt
// to audit other entries).
func TestLexiconAudit(t *testing.T) {
	if os.Getenv("TONGBAO_LEXICON_AUDIT") == "" {
		t.Skip("set TONGBAO_LEXICON_AUDIT=1 to audit dict/gov.txt")
	}
	gold := readPD(t, "../../shared/corpora/pd1998-01/dev.txt")
	var all strings.Builder
	for _, g := range gold {
		all.WriteString(strings.Join(g, ""))
		all.WriteByte('\n')
	}
	text := all.String()
	base, err := New(WithoutDomainLexicon())
	if err != nil {
		t.Fatal(err)
	}
	pred, _, _ := cutLines(base, gold)
	_, _, f0 := spanF1(gold, pred)
	lex := string(govLexicon)
	if f := os.Getenv("TONGBAO_LEXICON_AUDIT_FILE"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lex = string(b)
	}
	for _, line := range strings.Split(lex, "\n") {
		word, _, _, _, reason := parseDictLine(line)
		if reason != "" || strings.HasPrefix(strings.TrimSpace(line), "#") || !strings.Contains(text, word) {
			continue
		}
		s, err := New(WithoutDomainLexicon(), WithDict("one", strings.NewReader(line)))
		if err != nil {
			t.Fatal(err)
		}
		pred, _, _ := cutLines(s, gold)
		_, _, f := spanF1(gold, pred)
		t.Logf("%+.7f %d %s", f-f0, strings.Count(text, word), word)
	}
}
