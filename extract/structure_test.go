package extract

import (
	"reflect"
	"testing"
)

func structDoc(t *testing.T, text string) *Document {
	t.Helper()
	d, err := NewDocument(text, WithTypes(TypeBook))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	for _, s := range d.Sections {
		if string(rs[s.Start:s.End]) != s.Text {
			t.Errorf("section offsets [%d,%d) do not give %q", s.Start, s.End, s.Text)
		}
	}
	if b := d.Byline; b != nil && string(rs[b.Start:b.End]) != b.Text {
		t.Errorf("byline offsets [%d,%d) do not give %q", b.Start, b.End, b.Text)
	}
	return d
}

func TestStructureSample(t *testing.T) {
	d := structDoc(t, readSample(t))
	if d.Title == nil || *d.Title != "黔西人大:多措并举推进党史学习教育深入开展" {
		t.Errorf("title = %v", d.Title)
	}
	type sec struct {
		text   string
		number string
		level  int
	}
	want := []sec{
		{"一、认真学习领会,加强学习教育活动动员部署", "一", 1},
		{"(一)提高思想认识,迅即动员部署", "一", 2},
		{"(二)加强组织领导,有序推进学习", "二", 2},
		{"(三)制定实施方案,健全工作机制", "三", 2},
		{"二、准确把握要求,推进学习教育活动有序开展", "二", 1},
		{"(一)把握学习重点", "一", 2},
		{"(二)拓展学习渠道", "二", 2},
		{"(三)丰富学习载体", "三", 2},
		{"三、创新活动载体,促进学习教育活动的不断深化", "三", 1},
		{"(一)坚持抓“关键少数”与抓“绝大多数”相结合", "一", 2},
		{"(二)坚持规定动作与自选动作相结合", "二", 2},
		{"(三)坚持“学”与“做”相结合", "三", 2},
	}
	var got []sec
	for _, s := range d.Sections {
		got = append(got, sec{s.Text, s.Number, s.Level})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections:\n got %v\nwant %v", got, want)
	}
	b := d.Byline
	if b == nil {
		t.Fatal("no byline")
	}
	if b.Text != "(作者:陈炜)" || !reflect.DeepEqual(b.Authors, []string{"陈炜"}) || len(b.Reporters) != 0 {
		t.Errorf("byline = %+v", *b)
	}
}

func TestStructureHeadings(t *testing.T) {
	text := "关于2021年全县经济运行情况的报告\n" +
		"一、主要指标完成情况\n" +
		"（一）农业生产稳中有进。全年粮食产量12万吨。\n" +
		"1．粮食生产。面积稳定。\n" +
		"（1）水稻\n" +
		"①早稻\n" +
		"2、畜牧业\n" +
		"1.5亿元资金已经到位。\n" +
		"十一、其他\n" +
		"(二)ASCII brackets heading\n" +
		"一是加强领导。\n"
	d := structDoc(t, text)
	if d.Title == nil || *d.Title != "关于2021年全县经济运行情况的报告" {
		t.Errorf("title = %v", d.Title)
	}
	type sec struct {
		text  string
		level int
	}
	want := []sec{
		{"一、主要指标完成情况", 1},
		{"（一）农业生产稳中有进", 2},
		{"1．粮食生产", 3},
		{"（1）水稻", 4},
		{"①早稻", 4},
		{"2、畜牧业", 3},
		{"十一、其他", 1},
		{"(二)ASCII brackets heading", 2},
	}
	var got []sec
	for _, s := range d.Sections {
		got = append(got, sec{s.Text, s.Level})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections:\n got %v\nwant %v", got, want)
	}
}

func TestStructureTitle(t *testing.T) {
	for _, c := range []struct {
		text  string
		title string // "" for none
	}{
		{"我县召开党史学习教育动员大会\n正文。", "我县召开党史学习教育动员大会"},
		{"\n\n  县政府工作报告  \n正文", "县政府工作报告"},
		{"3月26日，县人大常委会党组召开党史学习教育动员大会。会议要求……", ""},
		{"一、总体情况\n正文", ""},
		{"记者 王芳\n正文", ""},
		{"短", ""},
		{"2021年3月26日\n正文", ""},
		{"——2017年2月11日在区第十四届人民代表大会第六次会议上\n正文", ""},
		{"\u200b\n\n政府工作报告\n正文", "政府工作报告"},
		{"（2021年3月26日星期五）\n正文", ""},
		{"政 府 工 作 报 告\n\n——2019年3月4日在区第十五届人民代表大会第三次会议上", "政府工作报告"},
		{"Annual Report 2021\n正文", "Annual Report 2021"},
		{"", ""},
	} {
		d := structDoc(t, c.text)
		got := ""
		if d.Title != nil {
			got = *d.Title
		}
		if got != c.title {
			t.Errorf("%q: title %q, want %q", c.text, got, c.title)
		}
	}
}

func TestStructureByline(t *testing.T) {
	for _, c := range []struct {
		text      string
		authors   []string
		reporters []string
		source    string
		span      string // "" when no byline
	}{
		{"正文。(作者:陈炜)", []string{"陈炜"}, nil, "", "(作者:陈炜)"},
		{"标题\n记者 王芳 通讯员 李强 张伟\n正文。", nil, []string{"王芳", "李强", "张伟"}, "", "记者 王芳 通讯员 李强 张伟"},
		{"本报讯（记者 刘洋）近日，我县召开会议。", nil, []string{"刘洋"}, "", "（记者 刘洋）"},
		{"正文。\n来源：黔西县融媒体中心", nil, nil, "黔西县融媒体中心", "来源：黔西县融媒体中心"},
		{"正文。\n作者：张三、李四\n来源：毕节日报", []string{"张三", "李四"}, nil, "毕节日报", "作者：张三、李四"},
		{"文/欧阳春 图/王五\n正文", []string{"欧阳春"}, nil, "", "文/欧阳春 图/王五"},
		{"记者从县委宣传部获悉，全县……", nil, nil, "", ""},
		{"标题\n黔西县融媒体中心 记者 王芳 通讯员 李强\n正文。", nil, []string{"王芳", "李强"}, "黔西县融媒体中心", "黔西县融媒体中心 记者 王芳 通讯员 李强"},
		{"标题\n欢迎 记者朋友\n正文。", nil, nil, "", ""},
		{"政府工作报告\n——2019年3月4日在区人民代表大会上\n呼伦贝尔市海拉尔区人民政府代区长  萨国文\n各位代表：", []string{"萨国文"}, nil, "", "呼伦贝尔市海拉尔区人民政府代区长  萨国文"},
		{"政府工作报告\n\n国务院总理　\n李　强\n\n各位代表：", []string{"李强"}, nil, "", "国务院总理　\n李　强"},
		{"政府工作报告\n县长 讲话稿全文如下\n", nil, nil, "", ""},
		{"文化广场上（文艺演出）", nil, nil, "", ""},
		{"会议（记者了解到许多情况，具体如下所述）", nil, nil, "", ""},
	} {
		d := structDoc(t, c.text)
		if c.span == "" {
			if d.Byline != nil {
				t.Errorf("%q: unexpected byline %+v", c.text, *d.Byline)
			}
			continue
		}
		b := d.Byline
		if b == nil {
			t.Errorf("%q: no byline", c.text)
			continue
		}
		if b.Text != c.span || !reflect.DeepEqual(b.Authors, c.authors) || !reflect.DeepEqual(b.Reporters, c.reporters) || b.Source != c.source {
			t.Errorf("%q: byline %+v, want authors %v reporters %v source %q span %q", c.text, *b, c.authors, c.reporters, c.source, c.span)
		}
	}
}
