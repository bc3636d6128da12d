package stats

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/segment"
)

func toks(words ...string) []segment.Token {
	var out []segment.Token
	pos := 0
	for _, w := range words {
		n := len([]rune(w))
		p := "n"
		if w == "，" || w == "。" {
			p = "x"
		}
		out = append(out, segment.Token{Text: w, Start: pos, End: pos + n, Pos: p})
		pos += n
	}
	return out
}

func TestDocTermsFilter(t *testing.T) {
	tk := toks("我们", "要", "推进", "乡村振兴", "，", "推进", "2019", "改革", "。")
	f := &Filter{Stopwords: DefaultStopwords(), MinLen: 2}
	got := DocTerms(tk, f)
	want := map[string]int{"推进": 2, "乡村振兴": 1, "改革": 1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for w, n := range want {
		if got[w] != n {
			t.Errorf("%s: %d, want %d", w, got[w], n)
		}
	}
	// POS prefixes: only "x" kept → only tokens tagged x with a letter: none.
	if got := DocTerms(tk, &Filter{POS: []string{"x"}}); len(got) != 0 {
		t.Errorf("POS x: %v", got)
	}
	if got := DocTerms(tk, nil); got["我们"] != 1 || got["，"] != 0 || got["2019"] != 0 {
		t.Errorf("nil filter: %v", got)
	}
}

func TestStopwordsFile(t *testing.T) {
	s := DefaultStopwords()
	if !s["的"] || !s["我们"] || s["发展"] {
		t.Fatal("built-in list: 的 and 我们 should be in, 发展 out")
	}
	dir := t.TempDir()
	p := dir + "/sw.txt"
	os.WriteFile(p, []byte("\ufeff# comment\n发展\n\n 工作 \n"), 0o644)
	if err := s.AddFile(p); err != nil {
		t.Fatal(err)
	}
	if !s["发展"] || !s["工作"] || s["# comment"] {
		t.Errorf("AddFile: %v %v", s["发展"], s["工作"])
	}
	if DefaultStopwords()["发展"] {
		t.Error("AddFile changed the built-in list")
	}
	os.WriteFile(p, []byte("ok\n\xff\xfe\n"), 0o644)
	if err := s.AddFile(p); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
	if err := s.AddFile(dir + "/missing.txt"); err == nil {
		t.Error("missing file accepted")
	}
}

func TestTableMergeEqualsSequential(t *testing.T) {
	docs := []map[string]int{{"a": 2, "b": 1}, {"b": 3, "c": 1}, {"a": 1}, {"c": 5, "d": 1}}
	seq := NewTable()
	for _, d := range docs {
		seq.Add(d)
	}
	x, y := NewTable(), NewTable()
	x.Add(docs[2])
	x.Add(docs[0])
	y.Add(docs[3])
	y.Add(docs[1])
	y.Merge(x)
	if y.Docs != 4 || y.Tokens != 14 || seq.Tokens != 14 {
		t.Fatalf("docs %d tokens %d/%d", y.Docs, y.Tokens, seq.Tokens)
	}
	for w := range seq.TF {
		if seq.TF[w] != y.TF[w] || seq.DF[w] != y.DF[w] {
			t.Errorf("%s: tf %d/%d df %d/%d", w, seq.TF[w], y.TF[w], seq.DF[w], y.DF[w])
		}
	}
	rows := seq.Freq(2, 0)
	// c:6, a:3, b:4 → c, b, a; d (1) below min count
	if len(rows) != 3 || rows[0].Term != "c" || rows[1].Term != "b" || rows[2].Term != "a" {
		t.Fatalf("freq rows %+v", rows)
	}
	if rows[0].DF != 2 || math.Abs(rows[0].RelFreq-6.0/14) > 1e-12 {
		t.Errorf("row %+v", rows[0])
	}
	// ties sorted by term
	tie := NewTable()
	tie.Add(map[string]int{"乙": 1, "甲": 1, "丙": 1})
	r := tie.Freq(0, 2)
	if len(r) != 2 || r[0].Term != "丙" || r[1].Term != "乙" {
		t.Errorf("ties: %+v", r)
	}
}

func TestGroupsRest(t *testing.T) {
	g := NewGroups()
	g.Add("A", map[string]int{"x": 2, "y": 1})
	g.Add("B", map[string]int{"x": 1, "z": 4})
	g.Add("B", map[string]int{"z": 1})
	rest := g.Rest("B")
	if rest.Docs != 1 || rest.Tokens != 3 || rest.TF["x"] != 2 || rest.TF["z"] != 0 || rest.DF["x"] != 1 {
		t.Errorf("rest of B: %+v", rest)
	}
	if _, ok := rest.TF["z"]; ok {
		t.Error("zero count kept in Rest")
	}
	if n := g.Names(); len(n) != 2 || n[0] != "A" {
		t.Errorf("names %v", n)
	}
	g.Add("C", map[string]int{"x": 5})
	if r := g.Rest("A", "C"); r.Docs != 2 || r.Tokens != 6 || r.TF["x"] != 1 || r.TF["z"] != 5 || len(r.TF) != 2 {
		t.Errorf("rest of A and C: %+v", r)
	}
	if r := g.Rest(); r.Docs != g.All.Docs || r.Tokens != g.All.Tokens {
		t.Errorf("rest of none: %+v", r)
	}
	ac, err := g.Pick("A", "C")
	if err != nil || ac.Docs != 2 || ac.TF["x"] != 7 || ac.TF["y"] != 1 {
		t.Errorf("pick A, C: %+v, %v", ac, err)
	}
	if _, err := g.Pick("A", "D"); err == nil || !strings.Contains(err.Error(), `no group "D" (groups: A, B, C)`) {
		t.Errorf("pick of a missing group: %v", err)
	}
}

func TestTFIDFAndIDFRoundTrip(t *testing.T) {
	tab := NewTable()
	tab.Add(map[string]int{"x": 1, "y": 2})
	tab.Add(map[string]int{"x": 2, "z": 1})
	tab.Add(map[string]int{"w": 3})
	idf := tab.IDF()
	// ln((1+3)/(1+2)) + 1
	if w := idf.Weight("x"); math.Abs(w-(math.Log(4.0/3)+1)) > 1e-12 {
		t.Errorf("idf(x) = %g", w)
	}
	if w := idf.Weight("unseen"); math.Abs(w-(math.Log(4)+1)) > 1e-12 {
		t.Errorf("idf(unseen) = %g", w)
	}
	top := TopTFIDF(map[string]int{"x": 1, "y": 2}, idf, 1)
	if len(top) != 1 || top[0].Term != "y" || math.Abs(top[0].Score-2*(math.Log(2)+1)) > 1e-12 {
		t.Errorf("top %+v", top)
	}
	var buf bytes.Buffer
	if err := idf.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadIDF(&buf)
	if err != nil || back.Docs != 3 || back.DF["x"] != 2 {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	for _, bad := range []string{"", "{}", `{"docs": 2, "df": {"a": 3}}`, "not json"} {
		if _, err := ReadIDF(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadIDF(%q): no error", bad)
		}
	}
}

func TestCosineJaccardHandComputed(t *testing.T) {
	docs := []map[string]int{{"x": 1, "y": 2}, {"x": 2, "z": 1}, {"w": 3}, {}}
	cos, err := Cosine(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	// idf from the 4 items: N = 4, df(x) = 2, df(y) = df(z) = 1:
	// ix = ln(5/3)+1, iy = iz = ln(5/2)+1; A = (ix, 2iy), B = (2ix, iz)
	ix, iy := math.Log(5.0/3)+1, math.Log(5.0/2)+1
	want := 2 * ix * ix / (math.Hypot(ix, 2*iy) * math.Hypot(2*ix, iy))
	if got := cos.At(0, 1); math.Abs(got-want) > 1e-12 || cos.At(1, 0) != got {
		t.Errorf("cos(A,B) = %g, want %g", got, want)
	}
	if cos.At(0, 2) != 0 || cos.At(2, 2) != 1 || cos.At(3, 3) != 0 {
		t.Errorf("cos: A·C %g, C·C %g, empty %g", cos.At(0, 2), cos.At(2, 2), cos.At(3, 3))
	}
	// With a given IDF of 3 documents (the hand value 0.29699636386841766
	// computed with ix = ln(4/3)+1, iy = ln(2)+1).
	ref := NewTable()
	for _, d := range docs[:3] {
		ref.Add(d)
	}
	cos3, _ := Cosine(docs[:2], ref.IDF())
	if got := cos3.At(0, 1); math.Abs(got-0.29699636386841766) > 1e-12 {
		t.Errorf("cos with IDF = %.17g", got)
	}
	jac, err := Jaccard(docs)
	if err != nil {
		t.Fatal(err)
	}
	// {x,y} vs {x,z}: 1 shared of 3
	if got := jac.At(0, 1); math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("jaccard(A,B) = %g", got)
	}
	if jac.At(1, 2) != 0 || jac.At(0, 0) != 1 {
		t.Errorf("jaccard: B·C %g, A·A %g", jac.At(1, 2), jac.At(0, 0))
	}
	nn := Nearest(cos, []string{"A", "B", "C", "D"}, 0, 2)
	if len(nn) != 2 || nn[0].Name != "B" || nn[1].Name != "C" {
		t.Errorf("nearest %+v", nn)
	}
}

func TestCollocations(t *testing.T) {
	b := NewBigrams()
	f := &Filter{Stopwords: DefaultStopwords()}
	// 乡村 振兴 together 3 times; 的 breaks pairs; punctuation breaks pairs.
	b.Add(toks("乡村", "振兴", "，", "乡村", "振兴", "战略", "的", "乡村", "振兴", "。", "战略"), f)
	b2 := NewBigrams()
	b2.Add(toks("发展", "战略"), f)
	b.Merge(b2)
	if b.Tokens != 10 || b.Words["乡村"] != 3 || b.Pairs["乡村\t振兴"] != 3 || b.Pairs["振兴\t乡村"] != 0 {
		t.Fatalf("counts %+v", b)
	}
	rows := b.Collocations("pmi", 1, 1, 0)
	// PMI(乡村 振兴) = log2(3·10/(3·3)); PMI(振兴 战略) = log2(1·10/(3·3)); PMI(发展 战略) = log2(10/(1·3))
	want := map[string]float64{"乡村振兴": math.Log2(30.0 / 9), "振兴战略": math.Log2(10.0 / 9), "发展战略": math.Log2(10.0 / 3)}
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	for _, r := range rows {
		if w, ok := want[r.W1+r.W2]; !ok || math.Abs(r.PMI-w) > 1e-12 {
			t.Errorf("%s %s: pmi %g want %g", r.W1, r.W2, r.PMI, w)
		}
	}
	// 乡村振兴 and 发展战略 tie at log2(10/3): byte order of the pair decides.
	if rows[0].W1 != "乡村" || rows[1].W1 != "发展" {
		t.Errorf("pmi order %+v", rows)
	}
	// G² of 乡村 振兴: table [3 0; 0 7], N = 10: 2·(3 ln(3/0.9) + 7 ln(7/4.9)).
	g := b.Collocations("g2", 2, 1, 1)
	wantG := 2 * (3*math.Log(3/0.9) + 7*math.Log(7/4.9))
	if len(g) != 1 || math.Abs(g[0].G2-wantG) > 1e-9 {
		t.Errorf("g2 rows %+v, want %g", g, wantG)
	}
}

func TestKWIC(t *testing.T) {
	text := "全面推进乡村振兴，\n乡村振兴战略取得成效。振兴"
	tk := toks("全面", "推进", "乡村", "振兴", "，", "\n", "乡村", "振兴", "战略", "取得", "成效", "。", "振兴")
	runes := []rune(text)
	spans := TermSpans(tk, "乡村振兴")
	if len(spans) != 2 {
		t.Fatalf("spans %v", spans)
	}
	lines := KWIC("d", runes, tk, spans, KWICOptions{Window: 2})
	for _, l := range lines {
		if string(runes[l.Start:l.End]) != l.Match || l.Match != "乡村振兴" {
			t.Errorf("offsets %+v", l)
		}
	}
	if lines[0].Left != "全面推进" || lines[0].Right != "， " {
		t.Errorf("line 0 %+v", lines[0])
	}
	if lines[1].Left != "， " || lines[1].Right != "战略取得" {
		t.Errorf("line 1 %+v", lines[1])
	}
	// character window
	lc := KWIC("d", runes, tk, spans[:1], KWICOptions{Window: 3, Chars: true})
	if lc[0].Left != "面推进" || lc[0].Right != "， 乡" {
		t.Errorf("chars %+v", lc[0])
	}
	// regex over tokens; "振兴" at the very end has no right context
	re := regexp.MustCompile("^振兴$")
	rl := KWIC("d", runes, tk, RegexpSpans(tk, re), KWICOptions{Window: 1})
	if len(rl) != 3 || rl[2].Right != "" || rl[2].Left != "。" {
		t.Errorf("regex lines %+v", rl)
	}
	// a term that is not token-aligned does not match, unless as substring
	if s := TermSpans(tk, "村振"); len(s) != 0 {
		t.Errorf("unaligned match %v", s)
	}
	sub := SubstringSpans(text, "村振")
	if len(sub) != 2 || string(runes[sub[1].Start:sub[1].End]) != "村振" || sub[0].Start != 5 {
		t.Errorf("substring spans %v", sub)
	}
	if s := SubstringSpans("aaaa", "aa"); len(s) != 2 || s[1].Start != 2 {
		t.Errorf("non-overlapping: %v", s)
	}
	// an expression anywhere in the text, in code points; empty matches
	// left out
	rs := RegexpTextSpans(text, regexp.MustCompile("村振|x*"))
	if len(rs) != 2 || rs[0] != sub[0] || rs[1] != sub[1] {
		t.Errorf("regexp text spans %v, want %v", rs, sub)
	}
	if s := RegexpTextSpans("县县乡乡", regexp.MustCompile("乡+")); len(s) != 1 || s[0] != (Span{2, 4}) {
		t.Errorf("regexp text spans %v", s)
	}
}

func TestGrouper(t *testing.T) {
	if _, err := NewGrouper([]string{"meta.year:week"}); err == nil {
		t.Error("bad bucket accepted")
	}
	if _, err := NewGrouper([]string{"color"}); err == nil {
		t.Error("bad spec accepted")
	}
	if _, err := NewGrouper([]string{"re:(["}); err == nil {
		t.Error("bad regex accepted")
	}
	g, err := NewGrouper([]string{"meta.year:decade", "dir"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		id   string
		meta map[string]any
		want string
		ok   bool
	}{
		{"gov/national/reports.jsonl:3", map[string]any{"year": "1954"}, "1950s", true},
		{"gov/national/reports.jsonl:4", map[string]any{"year": 2019.0}, "2010s", true},
		{"gov/national/reports.jsonl:5", map[string]any{"year": nil}, "", false},
		{"gov/hailar/2012.txt", nil, "hailar", true},
		{"a.zip!hailar/2013.txt", nil, "", false},
		{"2013.txt", nil, "", false},
	}
	for _, c := range cases {
		got, ok := g.Group(c.id, c.meta, "")
		if got != c.want || ok != c.ok {
			t.Errorf("%s %v: %q %v, want %q %v", c.id, c.meta, got, ok, c.want, c.ok)
		}
	}
	p, _ := NewGrouper([]string{`re:(\d{4})\.txt$`, "file"})
	if got, _ := p.Group("x/2016.txt", nil, ""); got != "2016" {
		t.Errorf("re: %q", got)
	}
	if got, _ := p.Group("x/report.md", nil, ""); got != "report" {
		t.Errorf("file fallback: %q", got)
	}
	var none *Grouper
	if got, ok := none.Group("x", nil, ""); !ok || got != "" {
		t.Error("nil grouper")
	}
}

// TestSampleBulletin counts the terms of the real sample bulletin.
func TestSampleBulletin(t *testing.T) {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	tk := seg.Cut(string(data))
	f := &Filter{Stopwords: DefaultStopwords(), MinLen: 2}
	terms := DocTerms(tk, f)
	tab := NewTable()
	tab.Add(terms)
	tab.AddPOS(DocPOS(tk, f))
	rows := tab.Freq(2, 20)
	if len(rows) == 0 {
		t.Fatal("no terms")
	}
	for _, r := range rows {
		if DefaultStopwords()[r.Term] || len([]rune(r.Term)) < 2 || r.POS == "" {
			t.Errorf("bad row %+v", r)
		}
		if n := strings.Count(string(data), r.Term); int64(n) < r.Count {
			t.Errorf("%s counted %d times, occurs %d times in the text", r.Term, r.Count, n)
		}
	}
	t.Logf("top terms: %v", rows[:min(5, len(rows))])
}

// TestCosineDeterministic: the same vectors give the same bits each time
// (the norms once summed in map order, which varies from run to run).
func TestCosineDeterministic(t *testing.T) {
	var docs []map[string]int
	for d := 0; d < 5; d++ {
		m := map[string]int{}
		for i := 0; i < 300; i++ {
			if (i+d)%(d+2) != 0 { // terms in different numbers of documents: different idf
				m[fmt.Sprintf("t%03d", i)] = 1 + (i*7+d*13)%11
			}
		}
		docs = append(docs, m)
	}
	first, err := Cosine(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, _ := Cosine(docs, nil)
		for i := range docs {
			for j := range docs {
				if math.Float64bits(again.At(i, j)) != math.Float64bits(first.At(i, j)) {
					t.Fatalf("cos(%d,%d): %.17g, then %.17g", i, j, first.At(i, j), again.At(i, j))
				}
			}
		}
	}
}
