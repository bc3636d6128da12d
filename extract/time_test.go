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

func TestTimeTable(t *testing.T) {
	// text; the mention expected (empty: no time mention at all); value;
	// kind; grain. The reference date is 2021-04-20.
	cases := []struct{ text, want, value, kind, grain string }{
		// Full dates in every script.
		{"2021年3月26日，县人大常委会召开会议。", "2021年3月26日", "2021-03-26", "point", "day"},
		{"一九九七年十二月三十一日", "一九九七年十二月三十一日", "1997-12-31", "point", "day"},
		{"二〇二一年四月八日下午", "二〇二一年四月八日下午", "2021-04-08TAF", "point", "day"},
		{"１９９８年１月１日起施行", "１９９８年１月１日", "1998-01-01", "point", "day"},
		{"会议于2020年12月30日闭幕", "2020年12月30日", "2020-12-30", "point", "day"},
		{"2021-03-26发布", "2021-03-26", "2021-03-26", "point", "day"},
		{"发布时间：2021-04-02", "2021-04-02", "2021-04-02", "point", "day"},
		{"2021.3.26 黔西", "2021.3.26", "2021-03-26", "point", "day"},
		{"日期 2021/3/26", "2021/3/26", "2021-03-26", "point", "day"},
		{"２０２０－１１－０５", "２０２０－１１－０５", "2020-11-05", "point", "day"},
		{"1949年10月1日，中华人民共和国成立", "1949年10月1日", "1949-10-01", "point", "day"},
		{"二〇一九年", "二〇一九年", "2019", "point", "year"},
		{"2035年基本实现现代化", "2035年", "2035", "point", "year"},
		{"1998年新年讲话", "1998年新年", "1998-01-01", "point", "day"},
		{"１９９７年是重要的一年", "１９９７年", "1997", "point", "year"},
		{"2020年12月", "2020年12月", "2020-12", "point", "month"},
		{"２０１９年８月份", "２０１９年８月份", "2019-08", "point", "month"},
		// Partial dates resolve to the past of the reference date.
		{"3月26日，召开动员大会", "3月26日", "2021-03-26", "point", "day"},
		{"4月13日，邀请专家讲课", "4月13日", "2021-04-13", "point", "day"},
		{"4月20日上午", "4月20日上午", "2021-04-20TMO", "point", "day"},
		{"5月3日举行", "5月3日", "2020-05-03", "point", "day"},
		{"１２月３１日", "１２月３１日", "2020-12-31", "point", "day"},
		{"十二月三十一日", "十二月三十一日", "2020-12-31", "point", "day"},
		{"1月5日", "1月5日", "2021-01-05", "point", "day"},
		{"二月十四日", "二月十四日", "2021-02-14", "point", "day"},
		{"11月", "11月", "2020-11", "point", "month"},
		{"三月份", "三月份", "2021-03", "point", "month"},
		{"4月份以来", "4月份", "2021-04", "point", "month"},
		{"6月", "6月", "2020-06", "point", "month"},
		{"截至6月底", "6月", "2020-06", "point", "month"},
		{"一月", "一月", "2021-01", "point", "month"},
		{"十月", "十月", "2020-10", "point", "month"},
		{"5日上午", "5日上午", "2021-04-05TMO", "point", "day"},
		{"18日", "18日", "2021-04-18", "point", "day"},
		{"25日，", "25日", "2021-03-25", "point", "day"},
		{"３月上旬", "３月上旬", "2021-03", "point", "month"},
		{"10月下旬", "10月下旬", "2020-10", "point", "month"},
		{"4月2日晚，", "4月2日", "2021-04-02", "point", "day"},
		{"1月3日早7时", "1月3日早7时", "2021-01-03T07", "point", "hour"},
		// Spans.
		{"3月26日至28日", "3月26日至28日", "2021-03-26/2021-03-28", "span", "day"},
		{"1月8日—12日", "1月8日—12日", "2021-01-08/2021-01-12", "span", "day"},
		{"2019年至2021年", "2019年至2021年", "2019/2021", "span", "year"},
		{"3月30日至4月2日", "3月30日至4月2日", "2021-03-30/2021-04-02", "span", "day"},
		{"2020年1月至11月", "2020年1月至11月", "2020-01/2020-11", "span", "month"},
		{"一月十九日至二十一日", "一月十九日至二十一日", "2021-01-19/2021-01-21", "span", "day"},
		{"“十四五”期间", "十四五", "2021/2025", "span", "year"},
		{"“十三五”以来", "十三五", "2016/2020", "span", "year"},
		// Clock times.
		{"3月26日上午9时", "3月26日上午9时", "2021-03-26T09", "point", "hour"},
		{"1月5日晚8时", "1月5日晚8时", "2021-01-05T20", "point", "hour"},
		{"今天下午3时30分", "今天下午3时30分", "2021-04-20T15:30", "relative", "minute"},
		{"4月1日20时", "4月1日20时", "2021-04-01T20", "point", "hour"},
		{"４月１日２０时３０分", "４月１日２０时３０分", "2021-04-01T20:30", "point", "minute"},
		{"凌晨3点", "凌晨3点", "T03", "point", "hour"},
		{"晚上十一点", "晚上十一点", "T23", "point", "hour"},
		{"上午十点半", "上午十点半", "T10:30", "point", "minute"},
		{"9点30分开会", "9点30分", "T09:30", "point", "minute"},
		{"8点钟", "8点钟", "T08", "point", "hour"},
		// Quarters, halves, parts of the year.
		{"上半年", "上半年", "2021-H1", "point", "half"},
		{"下半年", "下半年", "2021-H2", "point", "half"},
		{"一季度", "一季度", "2021-Q1", "point", "quarter"},
		{"第三季度", "第三季度", "2021-Q3", "point", "quarter"},
		{"四季度", "四季度", "2021-Q4", "point", "quarter"},
		{"2020年四季度", "2020年四季度", "2020-Q4", "point", "quarter"},
		{"今年一季度", "今年一季度", "2021-Q1", "relative", "quarter"},
		{"去年上半年", "去年上半年", "2020-H1", "relative", "half"},
		{"年底前完成", "年底", "2021", "point", "year"},
		{"年初", "年初", "2021", "point", "year"},
		{"去年底", "去年底", "2020", "relative", "year"},
		{"今年初", "今年初", "2021", "relative", "year"},
		{"去年年底", "去年年底", "2020", "relative", "year"},
		{"2020年年底", "2020年年底", "2020", "point", "year"},
		// Relative years, months, weeks and days.
		{"今年", "今年", "2021", "relative", "year"},
		{"今年以来", "今年", "2021", "relative", "year"},
		{"去年", "去年", "2020", "relative", "year"},
		{"前年", "前年", "2019", "relative", "year"},
		{"明年", "明年", "2022", "relative", "year"},
		{"后年", "后年", "2023", "relative", "year"},
		{"上年", "上年", "2020", "relative", "year"},
		{"本年", "本年", "2021", "relative", "year"},
		{"去年11月", "去年11月", "2020-11", "relative", "month"},
		{"今年1月", "今年1月", "2021-01", "relative", "month"},
		{"去年3月26日", "去年3月26日", "2020-03-26", "relative", "day"},
		{"本月", "本月", "2021-04", "relative", "month"},
		{"上月", "上月", "2021-03", "relative", "month"},
		{"下个月", "下个月", "2021-05", "relative", "month"},
		{"本周", "本周", "2021-W16", "relative", "week"},
		{"上周", "上周", "2021-W15", "relative", "week"},
		{"下周三", "下周三", "2021-W17-3", "relative", "day"},
		{"今天", "今天", "2021-04-20", "relative", "day"},
		{"今日", "今日", "2021-04-20", "relative", "day"},
		{"昨天", "昨天", "2021-04-19", "relative", "day"},
		{"前天", "前天", "2021-04-18", "relative", "day"},
		{"明天", "明天", "2021-04-21", "relative", "day"},
		{"后天", "后天", "2021-04-22", "relative", "day"},
		{"今天上午", "今天上午", "2021-04-20TMO", "relative", "day"},
		{"昨晚", "昨晚", "2021-04-19TEV", "relative", "day"},
		{"今晚", "今晚", "2021-04-20TEV", "relative", "day"},
		{"本世纪", "本世纪", "20", "relative", "century"},
		{"上世纪", "上世纪", "19", "relative", "century"},
		// Vague times.
		{"近日", "近日", "PAST_REF", "relative", ""},
		{"日前", "日前", "PAST_REF", "relative", ""},
		{"目前", "目前", "PRESENT_REF", "relative", ""},
		{"截止目前", "目前", "PRESENT_REF", "relative", ""},
		{"当前", "当前", "PRESENT_REF", "relative", ""},
		{"现在", "现在", "PRESENT_REF", "relative", ""},
		{"如今", "如今", "PRESENT_REF", "relative", ""},
		{"近年来", "近年来", "PAST_REF", "relative", ""},
		{"近年", "近年", "PAST_REF", "relative", ""},
		{"近期", "近期", "PRESENT_REF", "relative", ""},
		{"最近", "最近", "PAST_REF", "relative", ""},
		{"今后", "今后", "FUTURE_REF", "relative", ""},
		{"未来", "未来", "FUTURE_REF", "relative", ""},
		{"当时", "当时", "PAST_REF", "relative", ""},
		{"此前", "此前", "PAST_REF", "relative", ""},
		{"不久前", "不久前", "PAST_REF", "relative", ""},
		{"前不久", "前不久", "PAST_REF", "relative", ""},
		{"过去五年", "过去", "PAST_REF", "relative", ""},
		{"以往", "以往", "PAST_REF", "relative", ""},
		// Festivals, seasons, weekdays.
		{"春节期间", "春节", "2021", "point", "festival"},
		{"元旦", "元旦", "2021-01-01", "point", "day"},
		{"国庆节", "国庆节", "2020-10-01", "point", "day"},
		{"“七一”前夕", "七一", "2020-07-01", "point", "day"},
		{"八一建军节", "八一建军节", "2020-08-01", "point", "day"},
		{"五一劳动节", "五一劳动节", "2020-05-01", "point", "day"},
		{"2021年春节", "2021年春节", "2021", "point", "festival"},
		{"中秋节", "中秋节", "2020", "point", "festival"},
		{"清明节", "清明节", "2021", "point", "festival"},
		{"冬季", "冬季", "2021-WI", "point", "season"},
		{"今冬", "今冬", "2021-WI", "relative", "season"},
		{"夏天", "夏天", "2021-SU", "point", "season"},
		{"星期一", "星期一", "2021-W16-1", "point", "day"},
		{"周五", "周五", "2021-W16-5", "point", "day"},
		{"周末", "周末", "2021-W16-WE", "point", "week"},
		{"虎年", "虎年", "2022", "point", "year"},
		{"牛年春节", "牛年春节", "2021", "point", "festival"},
		{"每周一", "每周一", "XXXX-WXX-1", "set", "day"},
		{"每年召开两次", "每年", "P1Y", "set", "year"},
		{"每月", "每月", "P1M", "set", "month"},
		{"每季度", "每季度", "P3M", "set", "quarter"},
		{"每天", "每天", "P1D", "set", "day"},
		{"多年来", "多年来", "PXY", "duration", ""},
		{"长期以来", "长期以来", "PXY", "duration", ""},
		// Not times.
		{"增长二十七点三", "", "", "", ""},
		{"十一点建议", "", "", "", ""},
		{"电话13812345678", "", "", "", ""},
		{"联系电话0857-4221234", "", "", "", ""},
		{"身份证号520525199001011234", "", "", "", ""},
		{"增长12.5%", "", "", "", ""},
		{"三年来", "", "", "", ""},
		{"两个月", "", "", "", ""},
		{"80年代", "", "", "", ""},
		{"推进现代化建设", "", "", "", ""},
		{"发展现代农业", "", "", "", ""},
		{"体现在工作中", "", "", "", ""},
		{"光明日报", "", "", "", ""},
		{"新年伊始", "", "", "", ""},
		{"每周一次", "", "", "", ""},
		{"第3号文件", "", "", "", ""},
		{"走过去", "", "", "", ""},
		{"一时", "", "", "", ""},
		{"一日三餐", "", "", "", ""},
		{"十多年来", "", "", "", ""},
		{"十月革命", "", "", "", ""},
		{"1998年度预算", "", "", "", ""},
		{"本年度", "", "", "", ""},
		{"元月", "元月", "2021-01", "point", "month"},
		{"1998年元月", "1998年元月", "1998-01", "point", "month"},
		{"大年初一", "大年初一", "2021", "point", "festival"},
		{"实现今年目标", "今年", "2021", "relative", "year"},
		{"警方三日宣布", "三日", "2021-04-03", "point", "day"},
		{"这个周末", "周末", "2021-W16-WE", "point", "week"},
		{"5月球", "", "", "", ""},
		{"V2021年", "", "", "", ""},
		{"10.5月", "", "", "", ""},
	}
	if len(cases) < 150 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		m := wantMention(t, c.text, TypeTime, c.want, WithRefDate(timeRef))
		if m == nil {
			continue
		}
		if v := timeValueString(m.Value); v != c.value || m.Kind != c.kind || m.Grain != c.grain {
			t.Errorf("%s: %s = %q %s %s, want %q %s %s", c.text, m.Text, v, m.Kind, m.Grain, c.value, c.kind, c.grain)
		}
	}
}

func TestTimeYearFrom(t *testing.T) {
	cases := []struct {
		text  string
		opts  []Option
		value string
		from  string
	}{
		{"3月26日开会。", []Option{WithRefDate(timeRef)}, "2021-03-26", "option"},
		{"3月26日开会。", []Option{WithMeta(map[string]any{"date": "2019-05-01"})}, "2019-03-26", "meta"},
		{"3月26日开会。喜迎建党百年。", nil, "2021-03-26", "year_cue"},
		{"3月26日开会。庆祝新中国成立70周年。", nil, "2019-03-26", "year_cue"},
		{"3月26日开会。纪念改革开放40周年。", nil, "2018-03-26", "year_cue"},
		{"3月26日开会。庆祝建党95周年。", nil, "2016-03-26", "year_cue"},
		{"3月26日开会。庆祝中国共产党成立一百周年。", nil, "2021-03-26", "year_cue"},
		{"3月26日开会。学校建校60周年。", nil, "XXXX-03-26", ""},
		{"3月26日开会。2018年5月4日已经部署。", nil, "2018-03-26", "latest_date"},
		{"6月1日开会。2018年5月4日已经部署。", nil, "2018-06-01", "latest_date"},
		{"6月1日开会。", []Option{WithRefDate(timeRef)}, "2020-06-01", "option"},
		{"3月26日开会。", nil, "XXXX-03-26", ""},
		{"2020年3月26日开会。", nil, "2020-03-26", "text"},
		{"去年5月完成主体工程。", []Option{WithRefDate(timeRef)}, "2020-05", "option"},
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

func TestTimeContextYear(t *testing.T) {
	text := "2017年工作回顾：5月，完成主体工程；12月25日通车。\n3月26日召开大会。"
	d, err := NewDocument(text, WithTypes(TypeTime), WithRefDate(time.Date(2018, 3, 30, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"2017年":  {"2017", "text"},
		"5月":     {"2017-05", "context"},
		"12月25日": {"2017-12-25", "context"},
		"3月26日":  {"2018-03-26", "option"}, // a new paragraph
	}
	for _, m := range d.MentionsOf(TypeTime) {
		w, ok := want[m.Text]
		if !ok {
			t.Errorf("unexpected time %s", m.Text)
			continue
		}
		if m.Value != w[0] || m.YearFrom != w[1] {
			t.Errorf("%s = %v from %s, want %s from %s", m.Text, m.Value, m.YearFrom, w[0], w[1])
		}
		delete(want, m.Text)
	}
	for k := range want {
		t.Errorf("time %s not found", k)
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
