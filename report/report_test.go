package report

import (
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/internal/browsertest"
	"github.com/tongbao/tongbao/stats"
)

// sample compares n groups named by years, each with words of its own, a
// share of common words and a few slogans whose use rises over the years.
func sample(t testing.TB, n int) *stats.Comparison {
	t.Helper()
	words := []string{"改革", "发展", "经济", "建设", "人民", "社会", "企业", "农业", "工业", "城市"}
	slogans := []string{"乡村振兴", "高质量发展", "一带一路", "四个全面"}
	groups := map[string]*stats.Profile{}
	for i := 0; i < n; i++ {
		name := fmt.Sprint(1960 + i)
		p := stats.NewProfile()
		terms := map[string]int{}
		for j, w := range words {
			terms[w] = 20 + (i*7+j*3)%17
		}
		terms[fmt.Sprintf("专词%02d", i)] = 15
		terms[fmt.Sprintf("专词%02d", (i+1)%n)] += 5
		var sl []string
		for j, s := range slogans {
			for k := 0; k < (i+j)%5; k++ {
				sl = append(sl, s)
			}
		}
		p.Add(stats.DocProfile{Group: name, Date: name + "-03-05", Chars: 5000 + 100*i, Terms: terms, Slogans: sl,
			People: []string{"张三"}, Offices: []string{"县长"}, Claims: []string{"粮食"}})
		groups[name] = p
	}
	c, err := stats.Compare(groups, stats.CompareOptions{Keyness: stats.KeynessOptions{Top: 10, MinCount: 1}, Top: 5,
		Negative: 10, Series: 10, KeepTerm: func(w string) bool { return !stats.NumericTerm(w) }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDateShape(t *testing.T) {
	got := DateShape([]string{"2012", "2019-03-04", "", "2020-01"})
	if strings.Join(got, ",") != "2012,2019,,2020" {
		t.Errorf("DateShape = %q", got)
	}
	got = DateShape([]string{"2012-05-01", "2019-03-04"})
	if strings.Join(got, ",") != "2012-05-01,2019-03-04" {
		t.Errorf("DateShape = %q", got)
	}
}

func TestHeatmap(t *testing.T) {
	m := stats.Matrix{Names: []string{"甲", "乙", "丙"}, Values: [][]float64{{1, 0.66, 0.2}, {0.66, 1, 0.4}, {0.2, 0.4, 1}}}
	s := string(Heatmap(m, "cosine", "cosine"))
	if n := strings.Count(s, `class="diag"`); n != 3 {
		t.Errorf("%d masked diagonal cells, want 3", n)
	}
	if strings.Contains(s, "甲 × 甲") || !strings.Contains(s, "甲 × 乙: cosine 0.660") {
		t.Error("the diagonal is drawn as a value, or a cell lacks its tooltip")
	}
	if !strings.Contains(s, `class="legend"`) || !strings.Contains(s, ">0.66<") || !strings.Contains(s, ">0.20<") {
		t.Error("no colour legend from the lowest to the highest value off the diagonal")
	}
	// the highest value off the diagonal takes the dark end of the scale
	if !strings.Contains(s, `fill="`+colorAt(1)+`" stroke="#fff"><title>甲 × 乙`) || !strings.Contains(s, `fill="`+colorAt(0)+`" stroke="#fff"><title>甲 × 丙`) {
		t.Error("the scale does not run from the lowest to the highest value between groups")
	}
	if !strings.Contains(s, `font-family="'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"`) {
		t.Error("the chart does not name the CJK font stack")
	}
}

func TestHeatmapMinimumCell(t *testing.T) {
	c := sample(t, 60)
	s := string(Heatmap(c.Cosine, "cosine", "cosine"))
	if !strings.Contains(s, `width="16.0" height="16.0"`) {
		t.Error("cells of a 60-group heatmap are not 16 px")
	}
}

func TestConcordance(t *testing.T) {
	c := NewConcordance(2)
	for i := 0; i < 3; i++ {
		c.Add("term", "改革", "a", stats.Line{ID: fmt.Sprint(i)})
		c.Add("term", "改革", "b", stats.Line{ID: fmt.Sprint(i)})
	}
	if n := len(c.Lines("term", "改革")); n != 4 {
		t.Errorf("%d lines, want 2 per group", n)
	}
	if !c.Full("term", "改革", "a") || c.Full("slogan", "改革", "a") {
		t.Error("Full")
	}
	c.Keep("term", func(string) bool { return false })
	if len(c.Lines("term", "改革")) != 0 {
		t.Error("Keep did not drop the lines")
	}
}

func TestSections(t *testing.T) {
	c := sample(t, 5)
	kw := NewConcordance(3)
	kw.Add("slogan", "乡村振兴", "1961", stats.Line{ID: "doc", Left: "全面推进", Match: "乡村振兴", Right: "。"})
	r := &Report{Comparison: c, KWIC: kw, Provenance: Provenance{Inputs: []string{"reports/"}, Read: 6, Compared: 5,
		LeftOut: []LeftOut{{ID: "notes.txt", Reason: "no group"}}}}
	r.Sections = append(DefaultSections(), Section{ID: "concepts", Title: "Concepts", Render: func(r *Report) (template.HTML, error) {
		return "<p>concept rates</p>", nil
	}})
	b, err := r.HTML()
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`<section id="concepts">`, `<a href="#concepts">Concepts</a>`, "<p>concept rates</p>",
		"notes.txt", "no group", "6 read; 5 compared in 5 groups; 1 left out", `<a href="#kwic-1">乡村振兴</a>`, `id="kwic-1"`,
		"tongbao compare: 5 groups, 1960 … 1964"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Index(s, `id="provenance"`) > strings.Index(s, `id="groups"`) {
		t.Error("provenance is not first")
	}
}

// TestReportInBrowser renders a 60-group report in headless Chromium.
func TestReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the browser test")
	}
	c := sample(t, 60)
	kw := NewConcordance(2)
	for _, g := range c.Groups {
		for _, k := range g.Keyness {
			kw.Add("term", k.Term, g.Group, stats.Line{ID: g.Group + ".txt", Left: "……", Match: k.Term, Right: "……"})
		}
	}
	b, err := (&Report{Comparison: c, KWIC: kw}).HTML()
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "sixty.html")
	if err := os.WriteFile(page, b, 0o644); err != nil {
		t.Fatal(err)
	}
	browsertest.Check(t, browsertest.Page{Path: page, Name: "sixty-groups", SortTable: "t-keyness", SortCol: 8, Filter: "1975"})
}
