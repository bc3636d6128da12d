package stats

import (
	"math"
	"testing"

	"github.com/tongbao/tongbao/extract"
)

func TestMentionTerm(t *testing.T) {
	cases := []struct {
		m    extract.Mention
		want string
	}{
		{extract.Mention{Type: "slogan", Text: "“三农”", Canonical: "三农"}, "三农"},
		{extract.Mention{Type: "slogan", Text: "乡村振兴"}, "乡村振兴"},
		{extract.Mention{Type: "count", Text: "新建学校3所", Object: "学校"}, "学校"},
		{extract.Mention{Type: "count", Text: "3个"}, ""},
		{extract.Mention{Type: "time", Text: "去年", Value: "2020"}, "2020"},
		{extract.Mention{Type: "time", Text: "近年来"}, "近年来"},
		{extract.Mention{Type: "person", Text: "张三"}, "张三"},
	}
	for _, c := range cases {
		if got := MentionTerm(c.m); got != c.want {
			t.Errorf("%+v: %q, want %q", c.m, got, c.want)
		}
	}
	ms := []extract.Mention{cases[0].m, cases[2].m, cases[3].m, cases[1].m}
	if got := MentionTerms(ms, "slogan"); len(got) != 2 || got[0] != "三农" || got[1] != "乡村振兴" {
		t.Errorf("MentionTerms: %v", got)
	}
}

func TestProfileOfSample(t *testing.T) {
	text := "12月3日，县人大常委会主任罗智琼出席会议。全县新建学校3所，推进乡村振兴。"
	d, err := extract.NewDocument(text, extract.WithTypes(extract.TypeSlogan, extract.TypePerson, extract.TypeCount))
	if err != nil {
		t.Fatal(err)
	}
	p := ProfileOf(d, "g", "2021", &Filter{Stopwords: DefaultStopwords(), MinLen: 2})
	if p.Group != "g" || p.Date != "2021" || p.Chars != len([]rune(text)) || len(p.Terms) == 0 {
		t.Errorf("profile %+v", p)
	}
	// whatever the extractors find must be reflected, one entry per mention
	n := map[string]int{}
	for _, m := range d.Mentions {
		n[m.Type]++
	}
	if len(p.People) != n[extract.TypePerson] || len(p.Slogans) != n[extract.TypeSlogan] {
		t.Errorf("people %v / %d, slogans %v / %d", p.People, n["person"], p.Slogans, n["slogan"])
	}
	prof := NewProfile()
	prof.Add(p)
	for _, who := range p.People {
		if prof.People[who].First != "2021" || prof.People[who].Docs != 1 {
			t.Errorf("%s: %+v", who, prof.People[who])
		}
	}
}

func TestProfileMergeAndCompare(t *testing.T) {
	docs := []DocProfile{
		{Group: "A", Date: "2019", Chars: 10, Terms: map[string]int{"振兴": 3, "发展": 1}, Slogans: []string{"乡村振兴", "乡村振兴"}, People: []string{"张三"}},
		{Group: "A", Date: "2017-05-02", Chars: 20, Terms: map[string]int{"振兴": 1, "发展": 2}, Slogans: []string{"乡村振兴"}, Claims: []string{"学校"}},
		{Group: "A", Date: "", Chars: 5, Terms: map[string]int{"发展": 1}},
		{Group: "B", Date: "2020", Chars: 30, Terms: map[string]int{"改革": 4, "发展": 2}, Slogans: []string{"三农"}},
	}
	seq := NewProfile()
	for _, d := range docs[:3] {
		seq.Add(d)
	}
	x, y := NewProfile(), NewProfile()
	x.Add(docs[2])
	x.Add(docs[0])
	y.Add(docs[1])
	y.Merge(x)
	for _, p := range []*Profile{seq, y} {
		if p.Docs != 3 || p.Chars != 35 || p.DateFrom != "2017-05-02" || p.DateTo != "2019" {
			t.Errorf("profile %+v", p)
		}
		s := p.Slogans["乡村振兴"]
		if s.Count != 3 || s.Docs != 2 || s.First != "2017-05-02" {
			t.Errorf("slogan %+v", s)
		}
		if p.Terms.TF["发展"] != 4 || p.Terms.DF["发展"] != 3 {
			t.Errorf("terms %+v", p.Terms)
		}
	}
	b := NewProfile()
	b.Add(docs[3])
	c, err := Compare(map[string]*Profile{"B": b, "A": seq}, CompareOptions{Keyness: KeynessOptions{Top: 5}, Top: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Groups) != 2 || c.Groups[0].Group != "A" || len(c.Groups[0].Slogans) != 1 || c.Groups[0].Slogans[0].Name != "乡村振兴" {
		t.Fatalf("comparison %+v", c.Groups)
	}
	// A: 振兴 4 of 8 terms, B: 0 of 6 → over-represented in A, G² as Score says
	k := c.Groups[0].Keyness
	want, _ := Score(4, 0, 8, 6, CorrectionWilliams, MeasureG2)
	if len(k) == 0 || k[0].Term != "振兴" || k[0].G2 != want.G2 || k[0].P != want.P {
		t.Errorf("key terms of A %+v, want 振兴 with %+v", k, want)
	}
	for _, g := range c.Groups {
		for _, r := range g.Keyness {
			if r.G2 <= 0 {
				t.Errorf("under-represented key term %+v", r)
			}
		}
	}
	// cosine between A {振兴:4, 发展:4} and B {改革:4, 发展:2}; idf over the
	// two groups: df(发展) = 2 → ln(3/3)+1 = 1, others ln(3/2)+1
	i2 := math.Log(1.5) + 1
	wantCos := 4 * 2 / (math.Hypot(4*i2, 4) * math.Hypot(4*i2, 2))
	if got := c.Cosine.Values[0][1]; math.Abs(got-wantCos) > 1e-12 {
		t.Errorf("cosine %g, want %g", got, wantCos)
	}
	// Jaccard: {振兴, 发展} vs {改革, 发展} = 1/3
	if got := c.Jaccard.Values[1][0]; math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("jaccard %g", got)
	}
	if _, err := Compare(nil, CompareOptions{}); err == nil {
		t.Error("no groups: no error")
	}
}
