package extract

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
)

func TestMetaHeader(t *testing.T) {
	cases := []struct {
		name     string
		text, id string
		meta     map[string]any
		override map[string]string
		home     string // name code level from, "" for none
		year     int
		date     string
		speaker  string // name/office
		genre    string
		rule     string // a rule that must fire
	}{
		{name: "session line and speaker with office",
			text: "政府工作报告\n——2019年1月14日在福建省第十三届人民代表大会第二次会议上\n福建省人民政府省长 唐登杰\n各位代表：\n现在，我代表省人民政府向大会报告政府工作。",
			home: "福建省 350000 province session", year: 2019, date: "2019-01-14", speaker: "唐登杰/福建省人民政府省长", genre: GenreWorkReport, rule: "meta.home_session"},
		{name: "Chinese-numeral dateline",
			text: "——二〇一九年一月十四日在河南省第十三届人民代表大会第二次会议上\n河南省省长 陈润儿\n各位代表：",
			home: "河南省 410000 province session", year: 2019, date: "2019-01-14", speaker: "陈润儿/河南省省长", genre: GenreWorkReport, rule: "meta.date_dateline"},
		{name: "ASCII dashes",
			text: "政府工作报告\n----2012年2月29日\n各位代表：\n过去的一年……",
			year: 2012, date: "2012-02-29", genre: GenreWorkReport, rule: "meta.year_dateline"},
		{name: "bracketed dateline with the speaker",
			text: "（2022年2月20日 刘文华）\n各位代表：\n现在，我代表市人民政府向大会报告工作。",
			year: 2022, date: "2022-02-20", speaker: "刘文华/", rule: "meta.speaker_dateline"},
		{name: "speaker without space, name with a middle dot",
			text: "政府工作报告\n——2015年1月12日在乌鲁木齐市第十五届人民代表大会第四次会议上\n市长伊力哈木·沙比尔\n各位代表：",
			home: "乌鲁木齐市 650100 prefecture session", year: 2015, speaker: "伊力哈木·沙比尔/市长", genre: GenreWorkReport},
		{name: "national session: the country",
			text: "政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n国务院总理　李克强\n各位代表：",
			home: "中华人民共和国  country session", year: 2023, speaker: "李克强/国务院总理", genre: GenreWorkReport},
		{name: "office on one line, name on the next",
			text: "政府工作报告\n国务院总理\n李　强\n各位代表：",
			home: "中华人民共和国  country speaker", speaker: "李强/国务院总理", genre: GenreWorkReport, rule: "meta.home_speaker"},
		{name: "a work report delivered in December is the next year's",
			text: "——2021年12月30日在长沙市第十六届人民代表大会第一次会议上\n市长 郑建新\n各位代表：\n现在，我代表市人民政府向大会报告工作。",
			home: "长沙市 430100 prefecture session", year: 2022, date: "2021-12-30", speaker: "郑建新/市长", genre: GenreWorkReport, rule: "meta.year_dateline"},
		{name: "title of a communiqué: country and statistical year",
			text: "中华人民共和国2019年国民经济和社会发展统计公报\n国家统计局\n2020年2月28日\n2019年，……",
			home: "中华人民共和国  country title", year: 2019, date: "2020-02-28", genre: GenreCommunique, rule: "meta.home_title"},
		{name: "a year in the title beats the date",
			text: "2016年政府工作报告\n——2015年12月28日在兰州市第十六届人民代表大会第一次会议上\n各位代表：",
			home: "兰州市 620100 prefecture session", year: 2016, date: "2015-12-28", genre: GenreWorkReport, rule: "meta.year_title"},
		{name: "title with the region",
			text: "2015年东莞市政府工作报告\n各位代表：",
			home: "东莞市 441900 prefecture title", year: 2015, genre: GenreWorkReport},
		{name: "a session line without a region falls to the path",
			text: "——在市第十四届人民代表大会第四次会议上\n（2009年2月25日）\n各位代表：", id: "reports/海口市/2009.md",
			home: "海口市 460100 prefecture path", year: 2009, date: "2009-02-25", genre: GenreWorkReport, rule: "meta.home_path"},
		{name: "front matter gives home and year",
			text: "各位代表：\n现在……", meta: map[string]any{"title": "2016年兰州市政府工作报告"},
			home: "兰州市 620100 prefecture meta", year: 2016, genre: GenreWorkReport, rule: "meta.home_meta"},
		{name: "path gives home and year",
			text: "各位代表：\n现在……", id: "corpus/provinces/云南省/2020.md",
			home: "云南省 530000 province path", year: 2020, rule: "meta.year_path"},
		{name: "the name as it was in the year of the report",
			text: "——2009年1月10日在襄樊市第十四届人民代表大会第四次会议上\n各位代表：",
			home: "襄樊市 420600 prefecture session", year: 2009, genre: GenreWorkReport},
		{name: "sidecar overrides the header",
			text:     "——2019年1月14日在福建省第十三届人民代表大会第二次会议上\n福建省人民政府省长 唐登杰\n各位代表：",
			override: map[string]string{"home": "厦门市", "year": "2018", "genre": "other"},
			home:     "厦门市 350200 prefecture sidecar", year: 2018, date: "2019-01-14", speaker: "唐登杰/福建省人民政府省长", genre: GenreOther, rule: "meta.sidecar"},
		{name: "sidecar code",
			text: "一则消息", override: map[string]string{"code": "520522"},
			home: "黔西县 520522 county sidecar"},
		{name: "news",
			text: "本报讯（记者 王芳）昨日，县人大常委会召开会议。", genre: GenreNews},
		{name: "no cue: other",
			text: "黔西人大:多措并举推进党史学习教育深入开展\n自党史学习教育开展以来……", genre: GenreOther},
		{name: "an occasion line in the body is not a dateline",
			text: "今年以来，我们认真学习。\n会议指出，2019年1月14日在福建省召开的会议很重要。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fired := map[string]bool{}
			opts := []Option{WithTypes(), WithID(c.id), WithMeta(c.meta), WithTrace(func(e TraceEvent) { fired[e.Rule] = true })}
			if c.override != nil {
				opts = append(opts, WithMetaOverride(c.override))
			}
			d, err := NewDocument(c.text, opts...)
			if err != nil {
				t.Fatal(err)
			}
			home := ""
			if d.Home != nil {
				home = d.Home.Name + " " + d.Home.Code + " " + d.Home.Level + " " + d.Home.From
			}
			if home != c.home {
				t.Errorf("home %q, want %q", home, c.home)
			}
			year := 0
			if d.Year != nil {
				year = *d.Year
			}
			if year != c.year {
				t.Errorf("year %d, want %d", year, c.year)
			}
			if c.date != "" && (d.Date == nil || *d.Date != c.date) {
				t.Errorf("date %v, want %s", d.Date, c.date)
			}
			sp := ""
			if d.Speaker != nil {
				sp = d.Speaker.Name + "/" + d.Speaker.Office
			}
			if sp != c.speaker {
				t.Errorf("speaker %q, want %q", sp, c.speaker)
			}
			want := c.genre
			if want == "" {
				want = GenreOther
			}
			if d.Genre != want {
				t.Errorf("genre %q, want %q", d.Genre, want)
			}
			if c.rule != "" && !fired[c.rule] {
				t.Errorf("rule %s did not fire (fired: %v)", c.rule, fired)
			}
			// The library function agrees with the stage.
			m := ReadMetadata(c.text, c.id, c.meta, c.override)
			a, _ := json.Marshal(m.Home)
			b, _ := json.Marshal(d.Home)
			if string(a) != string(b) {
				t.Errorf("ReadMetadata home %s, stage %s", a, b)
			}
		})
	}
}

func TestMetaDateline(t *testing.T) {
	for in, want := range map[string]string{
		"——2019年3月4日在第十三届全国人民代表大会第二次会议上": "2019-03-04",
		"----2012年2月29日":      "2012-02-29",
		"（2022年2月20日刘文华）":     "2022-02-20",
		"——二〇一九年一月十四日在福建省":    "2019-01-14",
		"（一九六四年十二月二十一日、二十二日）": "1964-12-21",
		"２０２１年３月２６日":          "2021-03-26",
		"原标题：2021年3月26日":      "",
		"2019年工作回顾":           "",
		"——19年2月24日在太原市":      "",
	} {
		y, m, d, _, _, ok := metaDateline([]rune(in))
		got := ""
		if ok {
			got = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}

func TestMetaPath(t *testing.T) {
	for id, want := range map[string]string{
		"provinces/福建省/2019.md":             "福建省 2019",
		"a.zip!major-cities/上海市/2015.md":    "上海市 2015",
		"C:\\data\\宁夏回族自治区\\2020年.txt":      "宁夏回族自治区 2020",
		"reports/福建省2019.txt":               "福建省 2019",
		"news.jsonl:12":                     " 0",
		"archive/国务院/1954.md":               "中华人民共和国 1954",
		"hailar-district/2016.txt":          " 2016",
		"testdata/000_776449805ff1d07a.txt": " 0",
	} {
		got := ""
		if h := metaPathHome(id, 0); h != nil {
			got = h.Name
		}
		got += " " + strconv.Itoa(metaPathYear(id))
		if got != want {
			t.Errorf("%s: got %q, want %q", id, got, want)
		}
	}
}
