package eval

import (
	"os"
	"strings"
	"testing"
	"time"
)

// want is an expected gold span given by its text, checked against the
// document text so that a wrong offset cannot pass.
type want struct {
	typ, text  string
	start, end int
}

func checkDoc(t *testing.T, d Doc, text string, ws []want) {
	t.Helper()
	if d.Text != text {
		t.Fatalf("%s: text %q, want %q", d.ID, d.Text, text)
	}
	rs := []rune(d.Text)
	var exp []Span
	for _, w := range ws {
		if got := string(rs[w.start:w.end]); got != w.text {
			t.Fatalf("bad test: runes[%d:%d] = %q, not %q", w.start, w.end, got, w.text)
		}
		exp = append(exp, Span{w.typ, w.start, w.end})
	}
	SortSpans(exp)
	if len(d.Gold) != len(exp) {
		t.Errorf("%s: %d gold spans %v, want %d %v", d.ID, len(d.Gold), d.Gold, len(exp), exp)
		return
	}
	for i := range exp {
		if d.Gold[i] != exp[i] {
			t.Errorf("%s: gold[%d] = %v %q, want %v", d.ID, i, d.Gold[i], string(rs[d.Gold[i].Start:d.Gold[i].End]), exp[i])
		}
	}
}

func readFile(t *testing.T, format, path string) []Doc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := Read(format, f, path)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestReadPD1998(t *testing.T) {
	docs := readFile(t, FormatPD1998, "testdata/pd1998_small.txt")
	if len(docs) != 4 {
		t.Fatalf("%d documents, want 4 (the blank line is not one)", len(docs))
	}
	if docs[0].ID != "19980121-01-001-002" || !docs[0].Ref.Equal(time.Date(1998, 1, 21, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("doc 0: id %q ref %v", docs[0].ID, docs[0].Ref)
	}
	// A run of nr tokens is one person, even across two names.
	checkDoc(t, docs[0], "新华社记者陈辉李清华报道", []want{
		{"org", "新华社", 0, 3},
		{"person", "陈辉李清华", 5, 10},
	})
	// Full-width digits count one code point each; m+m+q is one count; m
	// followed by n is none; a [...]ns compound is one place.
	checkDoc(t, docs[1], "１月１０日１１时，张家口地区的张北、波及２０００余平方公里，４·４万人。", []want{
		{"time", "１月１０日１１时", 0, 8},
		{"place", "张家口地区", 9, 14},
		{"place", "张北", 15, 17},
		{"count", "２０００余平方公里", 20, 29},
	})
	// Single and triple separators; an ns inside [...]nt is not a place;
	// book excludes the brackets; an nr inside the book is a person.
	checkDoc(t, docs[2], "中国共产党中央委员会和国务院决定３０本《邓小平文选》。", []want{
		{"org", "中国共产党中央委员会", 0, 10},
		{"org", "国务院", 11, 14},
		{"count", "３０本", 16, 19},
		{"person", "邓小平", 20, 23},
		{"book", "邓小平文选", 20, 25},
	})
	if docs[2].Ref.Day() != 22 {
		t.Errorf("doc 2 ref %v, want 1998-01-22", docs[2].Ref)
	}
	// A book inside an nt compound; an nt compound next to an ns compound
	// and an ns token (place run of two units); tokens of [...]nz count as
	// unbracketed; m q q and m q with time units are times (durations,
	// mapped to the guideline) and merge as they touch; 《》 is no book.
	checkDoc(t, docs[3], "在《微电脑世界》杂志社，北京大学香港特别行政区北京市与中华人民共和国的王某１个月5天《》", []want{
		{"org", "《微电脑世界》杂志社", 1, 11},
		{"book", "微电脑世界", 2, 7},
		{"org", "北京大学", 12, 16},
		{"place", "香港特别行政区北京市", 16, 26},
		{"person", "王", 35, 36},
		{"time", "１个月5天", 37, 42},
	})
}

func TestReadPD1998Errors(t *testing.T) {
	for _, c := range []struct{ line, msg string }{
		{"19980121-01-001-002/m  新华社nt", "not word/TAG"},
		{"19980121-01-001-002/m  [新华/n  社/n", "not closed"},
		{"19980121-01-001-002/m  [新华/n  [社/n]nt", "nested"},
		{"19980121-01-001-002/m  新华/n  社/n]nt", "not opened"},
		{"新华社/nt  记者/n", "paragraph id"},
		{"1998x121-01-001-002/m  记者/n", "date"},
		{"19980121-01-001-002/m  记者/", "not word/TAG"},
	} {
		_, err := ReadPD1998(strings.NewReader("19980121-01-001-001/m  好/a\n"+c.line+"\n"), "x.txt")
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), "x.txt:2:") {
			t.Errorf("%q: error %v, want one with x.txt:2: and %q", c.line, err, c.msg)
		}
	}
}

func TestReadCLUENER(t *testing.T) {
	docs := readFile(t, FormatCLUENER, "testdata/cluener_small.json")
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}
	// position is ignored; company maps to org.
	checkDoc(t, docs[0], "浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读。", []want{
		{"org", "浙商银行", 0, 4},
		{"person", "叶老桂", 9, 12},
	})
	// Inclusive ends become exclusive; 《》 are stripped from book spans
	// whether one or both are inside; an entity with two spans gives two.
	text := "《吴三桂演义》和《北京市公共租赁房管理办法》由北京市住建委在北京发布，叶老桂说叶老桂"
	checkDoc(t, docs[1], text, []want{
		{"book", "吴三桂演义", 1, 6},
		{"book", "北京市公共租赁房管理办法", 9, 21},
		{"org", "北京市住建委", 23, 29},
		{"place", "北京", 30, 32},
		{"person", "叶老桂", 35, 38},
		{"person", "叶老桂", 39, 42},
	})
	if docs[2].ID != "testdata/cluener_small.json:4" {
		t.Errorf("id %q, want the line number after the blank line", docs[2].ID)
	}
	// company and organization on the same span give one org; full-width
	// letters and digits are one code point each.
	checkDoc(t, docs[2], "ＡＢＣ公司在１２３号", []want{
		{"org", "ＡＢＣ公司", 0, 5},
		{"place", "１２３号", 6, 10},
	})
}

func TestReadCLUENERErrors(t *testing.T) {
	for _, c := range []struct{ line, msg string }{
		{`{"text": "叶老桂说", "label": {"name": {"叶老桂": [[1, 3]]}}}`, "holds"},
		{`{"text": "叶老桂说", "label": {"name": {"叶老桂": [[2, 4]]}}}`, "outside"},
		{`{"text": "叶老桂说", "label": {"name": {"叶老桂": [[0]]}}}`, "not [start, end]"},
		{`{"label": {}}`, "no \"text\""},
		{`{"text": "叶老桂说", `, "x.json:1:"},
	} {
		_, err := ReadCLUENER(strings.NewReader(c.line+"\n"), "x.json")
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), "x.json:1:") {
			t.Errorf("%s: error %v, want one with x.json:1: and %q", c.line, err, c.msg)
		}
	}
}

func TestReadMSRA(t *testing.T) {
	docs := readFile(t, FormatMSRA, "testdata/msra_small.txt")
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2 (two blank lines end one sentence)", len(docs))
	}
	checkDoc(t, docs[0], "中共中央致江泽民", []want{
		{"org", "中共中央", 0, 4},
		{"person", "江泽民", 5, 8},
	})
	// B- after B- starts a new mention; I- of another type starts one.
	checkDoc(t, docs[1], "１在北京上海王", []want{
		{"place", "北京", 2, 4},
		{"place", "上海", 4, 6},
		{"person", "王", 6, 7},
	})
	if docs[1].ID != "testdata/msra_small.txt:11" {
		t.Errorf("id %q, want the sentence's first line", docs[1].ID)
	}
	for _, in := range []string{"中\tB-XYZ\n", "中\n", "中国\tO\n", "中\tX\n"} {
		if _, err := ReadMSRA(strings.NewReader(in), "m.txt"); err == nil || !strings.Contains(err.Error(), "m.txt:1:") {
			t.Errorf("%q: error %v, want m.txt:1:", in, err)
		}
	}
}

func TestReadSIGHAN(t *testing.T) {
	docs := readFile(t, FormatSIGHAN, "testdata/sighan_small.txt")
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	// Double spaces.
	checkDoc(t, docs[0], "共同创造美好的新世纪", []want{
		{Word, "共同", 0, 2}, {Word, "创造", 2, 4}, {Word, "美好", 4, 6},
		{Word, "的", 6, 7}, {Word, "新", 7, 8}, {Word, "世纪", 8, 10},
	})
	// Single, triple spaces and a tab; full-width digits; trailing spaces.
	checkDoc(t, docs[1], "２００１年新年钟声即将敲响。", []want{
		{Word, "２００１年", 0, 5}, {Word, "新年", 5, 7}, {Word, "钟声", 7, 9},
		{Word, "即将", 9, 11}, {Word, "敲响", 11, 13}, {Word, "。", 13, 14},
	})
	if docs[1].ID != "testdata/sighan_small.txt:3" {
		t.Errorf("id %q", docs[1].ID)
	}
}

func TestReadUnknownFormat(t *testing.T) {
	if _, err := Read("conll", strings.NewReader(""), "x"); err == nil || !strings.Contains(err.Error(), "pd1998") {
		t.Errorf("error %v, want one listing the known formats", err)
	}
}
