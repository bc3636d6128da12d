package extract

import (
	"os"
	"strings"
	"testing"
)

func TestWindowEnd(t *testing.T) {
	text := strings.Repeat("甲", 100) + "\n" + strings.Repeat("乙", 100) + "。" + strings.Repeat("丙", 100)
	// A line break in the second half wins.
	if e := windowEnd(text, 0, 400); e != 301 {
		t.Errorf("line break: end %d, want 301", e)
	}
	// Else a sentence end.
	if e := windowEnd(text, 301, 400); e != 301+303 {
		t.Errorf("sentence end: end %d, want %d", e, 301+303)
	}
	// Else a character boundary, never inside a character.
	if e := windowEnd(strings.Repeat("丁", 100), 0, 100); e != 99 {
		t.Errorf("no punctuation: end %d, want 99", e)
	}
}

// Windowed extraction keeps offsets on the whole text and finds the
// mentions of whole-document extraction.
func TestWindowedMatchesWhole(t *testing.T) {
	b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(b)+"\n", 6)
	whole, err := NewDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	win, err := NewDocumentWindowed(text, 3000)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	seen := map[[3]any]bool{}
	for i, m := range win.Mentions {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Fatalf("mention %d %q at %d-%d: text there is %q", i, m.Text, m.Start, m.End, string(rs[m.Start:m.End]))
		}
		if i > 0 && m.Start < win.Mentions[i-1].Start {
			t.Fatalf("mentions out of order at %d", i)
		}
		seen[[3]any{m.Type, m.Start, m.End}] = true
	}
	found := 0
	for _, m := range whole.Mentions {
		if seen[[3]any{m.Type, m.Start, m.End}] {
			found++
		}
	}
	if found*100 < len(whole.Mentions)*97 || len(win.Mentions)*100 > len(whole.Mentions)*103 {
		t.Errorf("windowed: %d mentions, %d of the %d of whole-document extraction", len(win.Mentions), found, len(whole.Mentions))
	}
	if (whole.Title == nil) != (win.Title == nil) || (whole.Home == nil) != (win.Home == nil) {
		t.Errorf("document fields differ: title %v/%v home %v/%v", whole.Title, win.Title, whole.Home, win.Home)
	}
	for _, s := range win.Sections {
		if string(rs[s.Start:s.End]) != s.Text {
			t.Fatalf("section %q at %d-%d", s.Text, s.Start, s.End)
		}
	}
	for _, e := range win.People {
		if !strings.HasPrefix(string(rs[e.First:]), e.Name) {
			t.Fatalf("person %s first at %d", e.Name, e.First)
		}
	}
	if len(win.People) != len(whole.People) || win.Text != text {
		t.Errorf("people: %d windowed, %d whole", len(win.People), len(whole.People))
	}
	// A text within one window is extracted whole.
	one, _ := NewDocumentWindowed(string(b), 0)
	ref, _ := NewDocument(string(b))
	if len(one.Mentions) != len(ref.Mentions) {
		t.Errorf("short text: %d mentions, want %d", len(one.Mentions), len(ref.Mentions))
	}

}

// The year a section heading names dates the times of its section also
// past a window boundary: windowed extraction gives the values of
// whole-document extraction.
func TestWindowedSectionYear(t *testing.T) {
	var b strings.Builder
	b.WriteString("政府工作报告\n——2019年1月20日在市第十五届人民代表大会第三次会议上\n一、2018年工作回顾\n")
	for i := 0; i < 60; i++ {
		b.WriteString("我们坚持稳中求进工作总基调，扎实推进各项改革，城乡面貌持续改善，群众获得感不断增强。\n")
	}
	b.WriteString("一季度，全市生产总值增长7%。全年完成投资100亿元。\n（一）产业发展\n春季，新区开工建设。\n")
	b.WriteString("二、2019年工作安排\n上半年完成主体工程。\n")
	text := b.String()
	whole, err := NewDocument(text, WithTypes(TypeTime))
	if err != nil {
		t.Fatal(err)
	}
	win, err := NewDocumentWindowed(text, 2048, WithTypes(TypeTime))
	if err != nil {
		t.Fatal(err)
	}
	if len(text) < 3*2048 {
		t.Fatalf("text of %d bytes fits in too few windows", len(text))
	}
	values := func(ms []Mention) map[string]any {
		v := map[string]any{}
		for _, m := range ms {
			v[m.Text] = m.Value
		}
		return v
	}
	wv, vv := values(whole.Mentions), values(win.Mentions)
	for text, want := range map[string]string{"一季度": "2018-Q1", "全年": "2018", "春季": "2018-SP", "上半年": "2019-H1"} {
		if wv[text] != want {
			t.Errorf("whole document: %s = %v, want %s", text, wv[text], want)
		}
		if vv[text] != want {
			t.Errorf("windowed: %s = %v, want %s", text, vv[text], want)
		}
	}
	if len(whole.Mentions) != len(win.Mentions) {
		t.Errorf("%d times windowed, %d whole", len(win.Mentions), len(whole.Mentions))
	}
}
