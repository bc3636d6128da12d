package zhconv

import (
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/longbridgeapp/opencc"
)

// paragraph1954 is three paragraphs of the 1954 State Council report in
// Traditional characters (testdata/README.md).
func paragraph1954(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/1954-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestT2SIsOpenCC(t *testing.T) {
	text := paragraph1954(t) + "\n乾隆年間，他一目瞭然；著作與著名。𠀋ABC１２３"
	x, err := T2S(text)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	want, err := cc.Convert(text)
	if err != nil {
		t.Fatal(err)
	}
	if x.Simplified != want {
		t.Errorf("T2S differs from OpenCC's Convert:\n got %s\nwant %s", x.Simplified, want)
	}
	for _, w := range []string{"中华人民共和国成立以后", "内蒙古自治区", "一目了然"} {
		if !strings.Contains(x.Simplified, w) {
			t.Errorf("converted text lacks %s", w)
		}
	}
	if x.Original != text || utf8.RuneCountInString(x.Simplified) != utf8.RuneCountInString(text) {
		t.Errorf("t2s changed the length of the text")
	}
	if x.Changed == 0 {
		t.Error("Changed = 0")
	}
}

func TestIsTraditional(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"", false},
		{"ABC 123", false},
		{"中华人民共和国成立以后，中央人民政府迅速地组织了中央各部。", false},
		{"於文华同志出席会议。", false}, // one changed character: a surname
		{"乾隆年间的事。", false},
		{"國務院", true},
		{"中華人民共和國成立以後，中央人民政府迅速地組織了中央各部。", true},
	} {
		if got := IsTraditional(c.text); got != c.want {
			han, ch, _ := Share(c.text)
			t.Errorf("IsTraditional(%q) = %v, want %v (han %d, changed %d)", c.text, got, c.want, han, ch)
		}
	}
	if !IsTraditional(paragraph1954(t)) {
		t.Error("the 1954 paragraphs are not Traditional")
	}
}

func TestModes(t *testing.T) {
	for _, s := range []string{"auto", "ALWAYS", "never"} {
		m, err := ParseMode(s)
		if err != nil || !strings.EqualFold(m.String(), s) {
			t.Errorf("ParseMode(%q) = %v, %v", s, m, err)
		}
	}
	if _, err := ParseMode("yes"); err == nil {
		t.Error("ParseMode(yes): no error")
	}
	var zero Mode
	if zero != Never {
		t.Error("the zero Mode is not Never")
	}
	simp := "国务院召开常务会议。"
	trad := "國務院召開常務會議。"
	for _, c := range []struct {
		m          Mode
		text       string
		converted  bool
		simplified string
	}{
		{Never, trad, false, ""},
		{Auto, simp, false, ""},
		{Auto, trad, true, simp},
		{Always, simp, true, simp},
		{Always, trad, true, simp},
	} {
		x, err := c.m.Apply(c.text)
		if err != nil {
			t.Fatal(err)
		}
		if (x != nil) != c.converted {
			t.Errorf("%v.Apply(%s): converted %v, want %v", c.m, c.text, x != nil, c.converted)
			continue
		}
		if x != nil && x.Simplified != c.simplified {
			t.Errorf("%v.Apply(%s) = %s, want %s", c.m, c.text, x.Simplified, c.simplified)
		}
	}
}

// TestLengthChange converts with a table whose replacements change the
// length of the text (OpenCC's own t2s tables do not, but its phrase
// tables may) and checks that spans map back to the original.
func TestLengthChange(t *testing.T) {
	phrases, err := da.Build(strings.NewReader("電腦程式\t计算机程序\n資料庫\t数据库\n乾隆帝\t乾隆\n"))
	if err != nil {
		t.Fatal(err)
	}
	chars, err := da.Build(strings.NewReader("國\t国\n會\t会\n寫\t写\n"))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := newTables([]*da.Dict{phrases, chars})
	if err != nil {
		t.Fatal(err)
	}
	orig := "國會寫電腦程式，乾隆帝用資料庫。"
	x := tb.convert(orig)
	if want := "国会写计算机程序，乾隆用数据库。"; x.Simplified != want {
		t.Fatalf("converted %s, want %s", x.Simplified, want)
	}
	conv := []rune(x.Simplified)
	// every word of the converted text maps to the original word
	for _, c := range []struct{ conv, orig string }{
		{"国会", "國會"}, {"写", "寫"}, {"计算机程序", "電腦程式"}, {"，", "，"},
		{"乾隆", "乾隆帝"}, {"用", "用"}, {"数据库", "資料庫"}, {"。", "。"},
	} {
		i := strings.Index(x.Simplified, c.conv)
		start := utf8.RuneCountInString(x.Simplified[:i])
		end := start + utf8.RuneCountInString(c.conv)
		os, oe := x.Span(start, end)
		if got := x.Substring(os, oe); got != c.orig {
			t.Errorf("Span of %s [%d,%d) = [%d,%d) %q, want %q", c.conv, start, end, os, oe, got, c.orig)
		}
	}
	// a span inside a replacement keeps the whole replacement
	if os, oe := x.Span(4, 6); x.Substring(os, oe) != "電腦程式" { // 算机
		t.Errorf("Span(4,6) = %q", x.Substring(os, oe))
	}
	// boundaries are monotone and tile: single-character tokens of the
	// converted text cover the original exactly once
	var b strings.Builder
	prev := 0
	for i := 1; i <= len(conv); i++ {
		bd := x.Boundary(i)
		if bd < prev {
			t.Fatalf("Boundary(%d) = %d < Boundary(%d) = %d", i, bd, i-1, prev)
		}
		b.WriteString(x.Substring(prev, bd))
		prev = bd
	}
	if b.String() != orig || x.Boundary(len(conv)) != utf8.RuneCountInString(orig) {
		t.Errorf("tiling by Boundary gives %q, want %q", b.String(), orig)
	}
	// Substring moves its cursor both ways
	if x.Substring(14, 16) != "庫。" || x.Substring(0, 2) != "國會" || x.Substring(3, 7) != "電腦程式" {
		t.Error("Substring out of order")
	}
	if x.Substring(5, 5) != "" || x.Substring(15, 99) != "。" {
		t.Error("Substring at the edges")
	}
}

// TestThreshold measures the share of changed characters on the
// development corpora (all simplified): no document, and no line of one,
// may be Traditional.
func TestThreshold(t *testing.T) {
	root := "../../shared/corpora/gov-work-reports"
	if _, err := os.Stat(root); err != nil {
		t.Skip("the development corpora are absent")
	}
	docs, lines := 0, 0
	maxShare := 0.0
	for _, dir := range []string{"state-council", "provinces", "major-cities", "stats-communiques"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			text := string(b)
			docs++
			han, ch, _ := Share(text)
			if han > 0 {
				maxShare = max(maxShare, float64(ch)/float64(han))
			}
			if IsTraditional(text) {
				t.Errorf("%s (simplified) is detected as Traditional", p)
			}
			for _, l := range strings.Split(text, "\n") {
				lines++
				if IsTraditional(l) {
					t.Errorf("%s: a line is detected as Traditional: %s", p, l)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d simplified documents, %d lines: highest share %.4f (threshold %.2f)", docs, lines, maxShare, Threshold)
	if maxShare*10 > Threshold {
		t.Errorf("the threshold %.2f is less than ten times the highest simplified share %.4f", Threshold, maxShare)
	}
}

// TestStateCouncilJSONL checks detection on the State Council reports of
// 1954-2025: only the 1954 report, in Traditional characters, is.
func TestStateCouncilJSONL(t *testing.T) {
	b, err := os.ReadFile("../../shared/corpora/gov-reports/national-state-council/government_work_reports.jsonl")
	if err != nil {
		t.Skip("the State Council JSONL is absent")
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r struct{ Title, Content string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		want := strings.HasPrefix(r.Title, "1954年") && !strings.Contains(r.Title, "决议")
		if got := IsTraditional(r.Content); got != want {
			han, ch, _ := Share(r.Content)
			t.Errorf("%s: Traditional %v, want %v (%d of %d changed)", r.Title, got, want, ch, han)
		}
		if want {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d Traditional reports, want 1", n)
	}
}

func BenchmarkIsTraditional(b *testing.B) {
	text := strings.Repeat("县人大常委会召开党史学习教育动员大会，推进经济社会高质量发展。", 1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		IsTraditional(text)
	}
}

func BenchmarkT2S(b *testing.B) {
	text := strings.Repeat("中華人民共和國成立以後，中央人民政府一面迅速地組織了中央各部。", 1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := T2S(text); err != nil {
			b.Fatal(err)
		}
	}
}

// Share, which decodes three-byte sequences itself, counts as a loop over
// the text's code points does, on random mixes of Han characters, other
// scripts and invalid bytes.
func TestShareDecodes(t *testing.T) {
	tb, err := load()
	if err != nil {
		t.Fatal(err)
	}
	ref := func(text string) (han, changed int) {
		for _, r := range text {
			if r >= 0x2E80 && (r >= 0x4E00 && r <= 0x9FFF || unicode.Is(unicode.Han, r)) {
				han++
				if tb.changes(r) {
					changed++
				}
			}
		}
		return han, changed
	}
	pieces := []string{"國", "国", "發展", "a", "é", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xf0\xa0\x80\x80", "𠀀", "\x80", "\xc3", "　", "⺀", "\xe2\xba", "ｱ"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		han, changed, _ := Share(text)
		if wh, wc := ref(text); han != wh || changed != wc {
			t.Fatalf("Share(%q) = %d, %d; want %d, %d", text, han, changed, wh, wc)
		}
	}
}
