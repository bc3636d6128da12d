package extract

import (
	"os"
	"testing"

	"github.com/tongbao/tongbao/zhconv"
)

// TestT2S extracts from paragraphs of the 1954 report in Traditional
// characters: converted, the times and places are found, and every
// mention quotes the original at its offsets.
func TestT2S(t *testing.T) {
	b, err := os.ReadFile("../zhconv/testdata/1954-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	runes := []rune(text)
	has := func(ms []Mention, typ, s string) bool {
		for _, m := range ms {
			if m.Type == typ && m.Text == s {
				return true
			}
		}
		return false
	}
	plain, err := NewDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDocument(text, WithT2S(zhconv.Auto))
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != text {
		t.Error("Text is not the original")
	}
	for _, m := range d.Mentions {
		if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
			t.Errorf("%s %q [%d,%d) does not quote the original", m.Type, m.Text, m.Start, m.End)
		}
	}
	for _, w := range []struct{ typ, text string }{
		{"time", "一九五三年十一月二十三日"},
		{"time", "一九五四年六月"},
		{"place", "內蒙古自治區"},
		{"place", "台灣省"},
	} {
		if !has(d.Mentions, w.typ, w.text) {
			t.Errorf("converted: no %s %s", w.typ, w.text)
		}
	}
	if has(plain.Mentions, "place", "內蒙古自治區") {
		t.Error("without conversion the place 內蒙古自治區 is found: the test shows nothing")
	}
	for _, m := range d.Mentions {
		if m.Type == "time" && m.Text == "一九五三年十一月二十三日" {
			if v, _ := m.TimeValue(); v != "1953-11-23" {
				t.Errorf("value %q, want 1953-11-23", v)
			}
		}
	}
	for _, e := range d.Places {
		if e.First < 0 || e.First >= len(runes) {
			t.Errorf("place %s first %d out of the text", e.Name, e.First)
		}
	}
	// the same mentions in windows, and with Always
	var streamed []Mention
	if _, err := NewDocumentStream(text, 300, func(ms []Mention) error {
		streamed = append(streamed, ms...)
		return nil
	}, WithT2S(zhconv.Always)); err != nil {
		t.Fatal(err)
	}
	for _, m := range streamed {
		if string(runes[m.Start:m.End]) != m.Text {
			t.Errorf("streamed %s %q [%d,%d) does not quote the original", m.Type, m.Text, m.Start, m.End)
		}
	}
	if !has(streamed, "time", "一九五三年十一月二十三日") || !has(streamed, "place", "內蒙古自治區") {
		t.Error("streamed in windows: mentions missing")
	}
	// a simplified text is left alone by Auto
	s := "2021年3月26日，黔西县人大常委会召开会议。"
	a, _ := NewDocument(s, WithT2S(zhconv.Auto))
	n, _ := NewDocument(s)
	if len(a.Mentions) != len(n.Mentions) {
		t.Errorf("Auto changed a simplified text's mentions: %d, %d", len(a.Mentions), len(n.Mentions))
	}
}

// TestT2STrace checks that rule trace spans quote the original too.
func TestT2STrace(t *testing.T) {
	text := "一九五三年十一月二十三日中朝兩國締結的經濟及文化合作協定。"
	runes := []rune(text)
	n := 0
	_, err := NewDocument(text, WithT2S(zhconv.Always), WithTrace(func(e TraceEvent) {
		n++
		if e.End > e.Start && (e.End > len(runes) || string(runes[e.Start:e.End]) != e.Text) {
			t.Errorf("trace %s %q [%d,%d) does not quote the original", e.Rule, e.Text, e.Start, e.End)
		}
	}))
	if err != nil || n == 0 {
		t.Fatalf("err %v, %d events", err, n)
	}
}
