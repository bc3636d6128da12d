package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tongbao/tongbao/segment"
)

func slogans(t *testing.T, text string) []Mention {
	t.Helper()
	d, err := NewDocument(text, WithTypes(TypeSlogan))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	for _, m := range d.Mentions {
		if m.Type != TypeSlogan {
			t.Errorf("%q: mention of type %s", text, m.Type)
		}
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("%q: offsets [%d,%d) do not give %q", text, m.Start, m.End, m.Text)
		}
	}
	return d.Mentions
}

// The table cases of the slogan stage (quoted, formula, parallel, lexicon
// and negative) are rows of testdata/spec/slogan.jsonl.

// TestSloganSample lists what must come out of the sample bulletin.
func TestSloganSample(t *testing.T) {
	ms := slogans(t, readSample(t))
	type key struct{ text, kind string }
	got := map[key]int{}
	for _, m := range ms {
		got[key{m.Text, m.Kind}]++
	}
	must := []struct {
		text, kind string
		n          int
	}{
		// Every quoted slogan.
		{"牢记殷切嘱托、忠诚干净担当、喜迎建党百年", SloganQuoted, 1},
		{"传承红色基因、牢记殷切嘱托、建设富美黔西", SloganQuoted, 1},
		{"清明祭英烈", SloganQuoted, 1},
		{"学党史·寻足迹·践初心", SloganQuoted, 1},
		{"关键少数", SloganQuoted, 1},
		{"绝大多数", SloganQuoted, 1},
		{"我为群众办实事", SloganQuoted, 1},
		// Every formula, quoted or not.
		{"三会一课", SloganFormula, 2},
		{"五个一", SloganFormula, 1},
		{"四个意识", SloganFormula, 1},
		{"四个自信", SloganFormula, 1},
		{"两个维护", SloganFormula, 1},
		// The parallel lists.
		{"学史明理、学史增信、学史崇德、学史力行", SloganParallel, 1},
		{"走深走心走实", SloganParallel, 1},
		{"学党史、悟思想、办实事、开新局", SloganParallel, 1},
		{"学出党性觉悟、学出责任担当、学出能力素养、学出过硬作风", SloganParallel, 1},
		{"政治判断力、政治领悟力、政治执行力", SloganParallel, 1},
		{"读原著、学原文、悟原理", SloganParallel, 1},
		{"统一思想、统一意志、统一行动", SloganParallel, 1},
		// Known formulations inside the quoted slogans, and elsewhere.
		{"忠诚干净担当", SloganLexicon, 1},
		{"牢记殷切嘱托", SloganLexicon, 2},
		{"传承红色基因", SloganLexicon, 3},
		{"走深走实", SloganLexicon, 2},
	}
	for _, w := range must {
		if got[key{w.text, w.kind}] != w.n {
			t.Errorf("%s %q: %d mentions, want %d", w.kind, w.text, got[key{w.text, w.kind}], w.n)
		}
	}
	for _, m := range ms {
		switch m.Text {
		case "学习强国", "黔西人大", "党史学习", "学", "做":
			t.Errorf("%q is not a slogan (kind %s)", m.Text, m.Kind)
		}
		// Nested mentions only inside spans with no canonical form.
		for _, o := range ms {
			if o.Start <= m.Start && m.End <= o.End && (o.Start != m.Start || o.End != m.End) && o.Canonical != "" {
				t.Errorf("%q nested in known %q", m.Text, o.Text)
			}
		}
	}
	// Counting by canonical form: each of these once per occurrence.
	canon := map[string]int{}
	for _, m := range ms {
		c := m.Canonical
		if c == "" {
			c = m.Text
		}
		canon[c]++
	}
	if canon["走深走实"] != 3 || canon["三会一课"] != 2 || canon["四个意识"] != 1 {
		t.Errorf("canonical counts: 走深走实 %d (want 3), 三会一课 %d (want 2), 四个意识 %d (want 1)", canon["走深走实"], canon["三会一课"], canon["四个意识"])
	}
}

func TestSloganFormulaAt(t *testing.T) {
	for _, c := range []struct {
		text string
		at   int
		n    int
	}{
		{"增强四个意识", 2, 4},
		{"落实三会一课制度", 2, 4},
		{"开展“五个一”活动", 3, 3},
		{"开展五个一活动", 2, 3},
		{"实现两不愁三保障", 2, 6},
		{"全县三个乡镇", 2, 0},
		{"共有五个一百人", 2, 0},
		{"三年一次", 0, 0},
		{"一心一意", 0, 0},
		{"第三会一课", 1, 0},
		{"", 0, 0},
		{"四", 5, 0},
	} {
		if got := sloganFormulaAt([]rune(c.text), c.at); got != c.n {
			t.Errorf("sloganFormulaAt(%q, %d) = %d, want %d", c.text, c.at, got, c.n)
		}
	}
	for s, want := range map[string]bool{"四个意识": true, "“五个一”": true, "五个一": true, "三会一课": true, "三个乡镇": false, "一切为了群众": false, "“一切为了群众”": false, "": false} {
		if isSloganFormula(s) != want {
			t.Errorf("isSloganFormula(%q) = %v", s, !want)
		}
	}
	if c, cat, ok := lookupSlogan("增强“四个意识”"[len("增强"):]); !ok || c != "四个意识" || cat != "ideology" {
		t.Errorf("lookupSlogan(“四个意识”) = %q %q %v", c, cat, ok)
	}
	if _, _, ok := lookupSlogan("老大难"); ok {
		t.Error("老大难 is not a slogan")
	}
}

// BenchmarkSloganStages compares the structure, book and slogan stages
// with gse segmentation alone on the sample bulletin repeated 20 times:
//
//	go test ./extract -run '^$' -bench 'SloganStages' -benchtime 20x
//
// "segment" is the baseline; "stages" runs the three stages on a document
// whose segmentation is already done (the pipeline segments once for all
// extractors).
func BenchmarkSloganStages(b *testing.B) {
	s, err := segmentDefault()
	if err != nil {
		b.Skip(err)
	}
	text := strings.Repeat(readSampleB(b)+"\n", 20)
	toks := s.Cut(text)
	runes := []rune(text) // NewDocument converts once for all stages
	b.Run("segment", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s.Cut(text)
		}
	})
	b.Run("stages", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			d := stageDoc(text, runes, toks)
			extractStructure(d)
			extractBooks(d)
			extractSlogans(d)
			if len(d.Mentions) == 0 {
				b.Fatal("no mentions")
			}
		}
	})
}

func readSampleB(b *testing.B) string {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func segmentDefault() (*segment.Segmenter, error) { return segment.Default() }

// TestSloganSpeed reports the speed of the structure, book and slogan
// stages against gse segmentation alone, as the ratio of the best of 30
// alternating timings of each (the minimum resists the noise of a shared
// machine). Run it with
//
//	TONGBAO_SPEED=1 go test ./extract -run TestSloganSpeed -v
func TestSloganSpeed(t *testing.T) {
	if os.Getenv("TONGBAO_SPEED") == "" {
		t.Skip("set TONGBAO_SPEED=1 to measure")
	}
	s, err := segmentDefault()
	if err != nil {
		t.Skip(err)
	}
	text := strings.Repeat(readSample(t)+"\n", 20)
	toks := s.Cut(text)
	runes := []rune(text) // NewDocument converts once for all stages
	best := func(cur, d time.Duration) time.Duration {
		if cur == 0 || d < cur {
			return d
		}
		return cur
	}
	var seg, st time.Duration
	for round := 0; round < 30; round++ {
		t0 := time.Now()
		s.Cut(text)
		seg = best(seg, time.Since(t0))
		t0 = time.Now()
		d := stageDoc(text, runes, toks)
		extractStructure(d)
		extractBooks(d)
		extractSlogans(d)
		st = best(st, time.Since(t0))
	}
	t.Logf("%d runes: segmentation %v, structure+book+slogan stages %v: stages cost %.2fx segmentation; segmentation+stages run at %.2fx the speed of segmentation alone",
		len([]rune(text)), seg, st, float64(st)/float64(seg), float64(seg)/float64(seg+st))
}

// TestStagesRandomInput feeds the structure, book and slogan stages random
// strings made of the characters their rules look at: no panic, and every
// offset within the text.
func TestStagesRandomInput(t *testing.T) {
	alphabet := []rune("“”‘’「」『』《》〈〉（）()、，,·；。：:！？\n 　一二三四五六七八九十两双百千万个项大学史明理走深实心做党作者记者来源文图/:1.２０①之的是了县人大走")
	seed := uint64(42)
	next := func() uint64 { // xorshift: deterministic and dependency-free
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed
	}
	for n := 0; n < 3000; n++ {
		rs := make([]rune, next()%60)
		for i := range rs {
			rs[i] = alphabet[next()%uint64(len(alphabet))]
		}
		text := string(rs)
		d, err := NewDocument(text, WithTypes(TypeBook, TypeSlogan))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("%q: bad mention %+v", text, m)
			}
			for _, it := range m.Items {
				if it == "" {
					t.Fatalf("%q: empty item in %+v", text, m)
				}
			}
		}
		for _, s := range d.Sections {
			if s.Start < 0 || s.End > len(rs) || string(rs[s.Start:s.End]) != s.Text {
				t.Fatalf("%q: bad section %+v", text, s)
			}
		}
		if b := d.Byline; b != nil && (b.Start < 0 || b.End > len(rs) || string(rs[b.Start:b.End]) != b.Text) {
			t.Fatalf("%q: bad byline %+v", text, *b)
		}
		sloganFormulaAt(rs, int(next()%uint64(len(rs)+2))-1)
		isSloganFormula(text)
	}
}

// FuzzStages checks that the structure, book and slogan stages never panic
// and keep offsets consistent: go test ./extract -run '^$' -fuzz FuzzStages
func FuzzStages(f *testing.F) {
	for _, s := range []string{"“五个一”", "学史明理、学史增信、学史崇德、学史力行", "《中共中央、国务院〈关于…〉》", "一、总体\n（一）分项。正文", "(作者:陈炜)", "走深走心走实", "\"a\"b\"", "“‘」』《〉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := NewDocument(text, WithTypes(TypeBook, TypeSlogan))
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(text)
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
		}
		for _, s := range d.Sections {
			if string(rs[s.Start:s.End]) != s.Text {
				t.Fatalf("bad section %+v", s)
			}
		}
		isSloganFormula(text)
	})
}
