package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// timeRef is the reference date of the table: a report written on
// 20 April 2021.
var timeRef = time.Date(2021, 4, 20, 0, 0, 0, 0, time.UTC)

// timeValueString renders a time value for comparison: a string as is, a
// Span as start/end.
func timeValueString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case Span:
		return x.Start + "/" + x.End
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func TestTimeYearFrom(t *testing.T) {
	// The other sources of the year are rows of testdata/spec/time.jsonl;
	// a meta date cannot be written there.
	cases := []struct {
		text  string
		opts  []Option
		value string
		from  string
	}{
		{"3月26日开会。", []Option{WithMeta(map[string]any{"date": "2019-05-01"})}, "2019-03-26", "meta"},
		{"6月1日开会。", []Option{WithMeta(map[string]any{"date": "2019/05/01"})}, "2018-06-01", "meta"},
		{"3月26日开会。", []Option{WithMeta(map[string]any{"pubdate": "2019年5月1日"})}, "2019-03-26", "meta"},
	}
	for _, c := range cases {
		d, err := NewDocument(c.text, append(c.opts, WithTypes(TypeTime))...)
		if err != nil {
			t.Fatal(err)
		}
		ms := d.MentionsOf(TypeTime)
		if len(ms) == 0 {
			t.Errorf("%s: no time", c.text)
			continue
		}
		if v := timeValueString(ms[0].Value); v != c.value || ms[0].YearFrom != c.from {
			t.Errorf("%s: %s = %q from %q, want %q from %q", c.text, ms[0].Text, v, ms[0].YearFrom, c.value, c.from)
		}
	}
}

func TestDocumentDate(t *testing.T) {
	cases := []struct{ text, date, refFrom string }{
		{"黔西县召开大会\n2021年4月15日\n会议指出，3月26日……", "2021-04-15", "dateline"},
		{"会议指出，3月26日……（2021年4月15日）", "2021-04-15", "dateline"},
		{"发布时间：2021-04-15 10:30 来源：黔西县人民政府\n会议指出，3月26日……", "2021-04-15", "dateline"},
		{"6月1日开会。2018年5月4日已经部署。", "", "latest_date"},
		{"黔西县人大常委会于今年召开会议，会议回顾了自2016年3月5日以来的工作，并部署了今后工作，要求抓好落实，确保各项任务按期完成。会议强调，要坚持问题导向。", "", "latest_date"},
		{"政府工作报告\n\n—2018年3月7日在海拉尔区第十五届人民代表大会第二次会议上\n\n各位代表：\n现在，我代表区人民政府向大会报告工作。2017年工作回顾。", "2018-03-07", "dateline"},
		{"没有日期的文本", "", ""},
	}
	for _, c := range cases {
		d, err := NewDocument(c.text, WithTypes(TypeTime))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if d.Date != nil {
			got = *d.Date
		}
		if got != c.date || d.Ref.From != c.refFrom {
			t.Errorf("%.20s: date %q ref from %q, want %q %q", c.text, got, d.Ref.From, c.date, c.refFrom)
		}
	}
}

// TestTimeSampleBulletin checks the dates of the sample county bulletin,
// which states no year: 建党百年 dates it to 2021.
func TestTimeSampleBulletin(t *testing.T) {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDocument(string(data), WithTypes(TypeTime, TypeCount))
	if err != nil {
		t.Fatal(err)
	}
	if d.Ref.Year != 2021 || d.Ref.From != "year_cue" {
		t.Errorf("ref = %+v, want 2021 from year_cue", d.Ref)
	}
	want := map[string]string{"3月26日": "2021-03-26", "3月31日": "2021-03-31", "4月13日": "2021-04-13"}
	for _, m := range d.MentionsOf(TypeTime) {
		if w, ok := want[m.Text]; ok {
			if m.Value != w || m.YearFrom != "year_cue" {
				t.Errorf("%s = %v (%s), want %s from year_cue", m.Text, m.Value, m.YearFrom, w)
			}
			delete(want, m.Text)
		}
		if strings.Contains(m.Text, "六次") {
			t.Errorf("session number taken as time: %s", m.Text)
		}
	}
	for k := range want {
		t.Errorf("time %s not found", k)
	}
}

func FuzzScanTimes(f *testing.F) {
	for _, s := range []string{"2021年3月26日", "3月26日至28日", "今天上午9时30分", "一九九七年十二月三十一日", "2021.3.26", "“十四五”期间", "晚上十一点", "去年底", "1月5日晚8时", "２０２０－１１－０５"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := NewDocument(s, WithTypes(TypeTime, TypeCount), WithRefDate(timeRef))
		if err != nil {
			t.Fatal(err)
		}
		r := []rune(s)
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(r) || string(r[m.Start:m.End]) != m.Text {
				t.Fatalf("%q: bad mention %+v", s, m)
			}
		}
	})
}

// TestTimeTraceNamesRule checks that the trace names a rule for the exact
// span of every time mention of the sample bulletin and of the spec inputs.
func TestTimeTraceNamesRule(t *testing.T) {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(data)}
	for _, c := range loadSpecs(t, TypeTime) {
		texts = append(texts, c.Input)
	}
	for _, text := range texts {
		spans := map[[2]int]bool{}
		d, err := NewDocument(text, WithTypes(TypeTime), WithRefDate(timeRef), WithTrace(func(e TraceEvent) {
			if e.Stage == "time" && e.Verdict != Reject {
				spans[[2]int{e.Start, e.End}] = true
			}
		}))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range d.MentionsOf(TypeTime) {
			if !spans[[2]int{m.Start, m.End}] {
				t.Errorf("%.30q: no rule traced for time %q [%d,%d)", text, m.Text, m.Start, m.End)
			}
		}
	}
}

func TestInsideNameOf(t *testing.T) {
	names := []string{"今日头条", "光明日报", "人民日报", "日报", "", "年复一年", "十年九旱"}
	l := newNameList(names)
	for _, text := range []string{"今日头条报道", "据人民日报报道", "光明日报和人民日报", "年复一年，十年九旱", "日报社", "今年"} {
		rs := []rune(text)
		for i := range rs {
			for e := i + 1; e <= len(rs) && e <= i+4; e++ {
				w := string(rs[i:e])
				if got, want := insideNameOf(rs, i, w, l), insideName(rs, i, w, names); got != want {
					t.Errorf("%s at %d: %q: %v, want %v", text, i, w, got, want)
				}
			}
		}
	}
}
