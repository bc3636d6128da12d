package corpus

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkdownText(t *testing.T) {
	md := "---\nsource: https://example.org/a.html\ntitle: 2020年政府工作报告\nyear: 2020\n---\n\n" +
		"**——2020年5月10日在云南省第十三届人民代表大会第三次会议上**\n\n" +
		"## 一、工作回顾\n<!-- 注释 -->这是*重点*和__强调__，见[通知](http://x.cn/a)与![图](./a.png)[^1]。\n" +
		"[^1]: 注释正文\n"
	text, meta := MarkdownText(md)
	// The offset rule: as many code points as the file, markup blanked.
	if utf8.RuneCountInString(text) != utf8.RuneCountInString(md) {
		t.Fatalf("text has %d code points, the file %d", utf8.RuneCountInString(text), utf8.RuneCountInString(md))
	}
	if strings.Count(text, "\n") != strings.Count(md, "\n") {
		t.Errorf("line breaks changed")
	}
	for _, w := range []string{"——2020年5月10日在云南省", "一、工作回顾", "这是 重点 和  强调  ，见 通知", "与", "注释正文"} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q:\n%s", w, text)
		}
	}
	for _, w := range []string{"**", "##", "<!--", "source", "http", "png", "[^1]", "*", "__"} {
		if strings.Contains(text, w) {
			t.Errorf("text keeps markup %q:\n%s", w, text)
		}
	}
	// An offset in the text is the offset in the file.
	rt, rm := []rune(text), []rune(md)
	k := strings.Index(text, "云南省")
	i := utf8.RuneCountInString(text[:k])
	if string(rt[i:i+3]) != "云南省" || string(rm[i:i+3]) != "云南省" {
		t.Errorf("offset %d does not index the file", i)
	}
	got, _ := json.Marshal(meta)
	if string(got) != `{"source":"https://example.org/a.html","title":"2020年政府工作报告","year":2020}` {
		t.Errorf("meta %s", got)
	}
}

func TestMarkdownNotFrontMatter(t *testing.T) {
	for _, md := range []string{
		"---\n这不是元数据\n---\n正文",
		"---\ntitle: 没有结尾\n正文",
		"正文\n---\ntitle: x\n---\n",
	} {
		text, meta := MarkdownText(md)
		if meta != nil {
			t.Errorf("%q: meta %v, want none", md, meta)
		}
		if !strings.Contains(text, "正文") || utf8.RuneCountInString(text) != utf8.RuneCountInString(md) {
			t.Errorf("%q: text %q", md, text)
		}
	}
}

func TestReadMarkdownFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/a.md", []byte("---\ntitle: 标题\n---\n**正文**\n"))
	var docs []Document
	if err := Read([]string{dir + "/a.md"}, Options{}, func(d Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Meta["title"] != "标题" || strings.TrimSpace(docs[0].Text) != "正文" {
		t.Fatalf("got %+v", docs)
	}
}

func TestMarkdownFrontMatterScalars(t *testing.T) {
	md := "---\n# 注释\ntitle: '2020年''工作''报告'\ncode: \"530000\"\nyear: 2020  # 年份\nshare: .5\nplus: +5\ndate: 2020-05-10\ndraft: false\nnote: ~\ntags:\n  - 政府\n  - 报告\nauthor:\n  name: 某某\n---\n正文\n"
	_, meta := MarkdownText(md)
	got, err := json.Marshal(meta)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"code":"530000","date":"2020-05-10","draft":false,"note":null,"plus":5,"share":0.5,"tags":["政府","报告"],"title":"2020年'工作'报告","year":2020}`
	if string(got) != want {
		t.Errorf("meta %s\nwant %s", got, want)
	}
}
