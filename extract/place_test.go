package extract

import (
	"os"
	"strings"
	"testing"
	"time"
)

// placeMentions runs the place stage on text and returns its place
// mentions by text (the first of each), checking offsets on the way.
func placeMentions(t *testing.T, text string, opts ...Option) (*Document, map[string]Mention) {
	t.Helper()
	d, err := NewDocument(text, append([]Option{WithTypes(TypePlace)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	out := map[string]Mention{}
	for _, m := range d.Mentions {
		if m.Type != TypePlace {
			continue
		}
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("offsets of %q: [%d,%d) is %q", m.Text, m.Start, m.End, string(rs[m.Start:m.End]))
		}
		if _, ok := out[m.Text]; !ok {
			out[m.Text] = m
		}
	}
	return d, out
}

func code(m Mention) string {
	if m.Code == nil {
		return "<nil>"
	}
	return *m.Code
}

func TestPlaceSampleBulletin(t *testing.T) {
	b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, ms := placeMentions(t, string(b))
	for name, want := range map[string]struct{ code, level string }{
		"贵州":   {"520000", LevelProvince},
		"毕节":   {"520500", LevelPrefecture},
		"黔西":   {"520522", LevelCounty},
		"大关镇":  {"520581102", LevelTownship},
		"鸭池河":  {"<nil>", LevelOther},
		"红军渡口": {"<nil>", LevelOther},
	} {
		m, ok := ms[name]
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		if code(m) != want.code || m.Level != want.level {
			t.Errorf("%s: code %s level %s, want %s %s", name, code(m), m.Level, want.code, want.level)
		}
	}
	for _, not := range []string{"缅怀", "四本"} {
		for _, m := range d.Mentions {
			if m.Type == TypePlace && strings.Contains(m.Text, not) {
				t.Errorf("%q is not a place (got %q)", not, m.Text)
			}
		}
	}
	// 黔西县 is inside the organization 黔西县人大常委会, so it is not a
	// mention, but the place stage knows it.
	i := strings.Index(string(b), "黔西县人大")
	m, ok := d.placeAt(len([]rune(string(b)[:i])))
	if !ok || m.Text != "黔西县" || code(m) != "520522" || m.Current == nil || m.Current.Code != "520581" {
		t.Errorf("placeAt(黔西县) = %+v, %v", m, ok)
	}
	if m := ms["黔西"]; m.Current == nil || m.Current.Name != "黔西市" || m.Canonical != "黔西县" {
		t.Errorf("黔西: current %+v canonical %q", m.Current, m.Canonical)
	}
	if d.Home == nil || d.Home.Code != "520522" || d.Home.Name != "黔西县" || d.Home.From != "title" {
		t.Errorf("home = %+v, want 黔西县 520522 from title", d.Home)
	}
	found := false
	for _, e := range d.Places {
		if e.Name == "黔西县" {
			found = true
			if e.Count < 4 || e.Code == nil || *e.Code != "520522" || e.First != 0 {
				t.Errorf("entity 黔西县 = %+v", e)
			}
		}
	}
	if !found {
		t.Errorf("no entity 黔西县 in %+v", d.Places)
	}
}

func TestPlaceHistoricalNames(t *testing.T) {
	text := "近日，黔西县召开脱贫攻坚推进会，县委书记在会上强调，要巩固拓展脱贫成果。"
	for _, tc := range []struct {
		year        int
		code, cur   string
		pathElement string
	}{
		{2021, "520522", "520581", "毕节市"},
		{2005, "522423", "520581", "毕节地区"},
	} {
		_, ms := placeMentions(t, text, WithRefDate(time.Date(tc.year, 3, 1, 0, 0, 0, 0, time.UTC)))
		m, ok := ms["黔西县"]
		if !ok {
			t.Fatalf("%d: 黔西县 not found in %v", tc.year, ms)
		}
		if code(m) != tc.code || m.Current == nil || m.Current.Code != tc.cur || m.Current.Name != "黔西市" {
			t.Errorf("%d: 黔西县 code %s current %+v, want %s → %s", tc.year, code(m), m.Current, tc.code, tc.cur)
		}
		if len(m.Path) != 3 || m.Path[0] != "贵州省" || m.Path[1] != tc.pathElement {
			t.Errorf("%d: path %v", tc.year, m.Path)
		}
	}
	// Today's name has no current field.
	_, ms := placeMentions(t, "黔西市水西街道新庄村召开村民大会。", WithRefDate(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)))
	m := ms["黔西市水西街道新庄村"]
	if m.Current != nil || m.Level != LevelVillage || len(m.Path) < 4 || m.Path[3] != "水西街道" {
		t.Errorf("run 黔西市水西街道新庄村: %+v (all %v)", m, ms)
	}
}

func TestMatchPlace(t *testing.T) {
	rs := []rune("贵州省毕节市")
	end, div, ok := matchPlace(rs, 0)
	if !ok || end != 3 || div == nil || div.Code != "520000" {
		t.Errorf("matchPlace(贵州省…, 0) = %d %+v %v", end, div, ok)
	}
	end, div, ok = matchPlace(rs, 3)
	if !ok || end != 6 || div == nil || div.Code != "520500" || div.Level != LevelPrefecture {
		t.Errorf("matchPlace(…毕节市, 3) = %d %+v %v", end, div, ok)
	}
	for _, i := range []int{-1, 6, 100} {
		if _, _, ok := matchPlace(rs, i); ok {
			t.Errorf("MatchPlace at %d: ok", i)
		}
	}
	if _, _, ok := matchPlace([]rune("缅怀先烈"), 0); ok {
		t.Error("缅怀 matched")
	}
}

func TestPlaceEmptyAndOdd(t *testing.T) {
	for _, text := range []string{"", "。", "abc 123", "\uFFFD\uFFFD镇"} {
		d, err := NewDocument(text, WithTypes(TypePlace))
		if err != nil || d.Places == nil && text != "" {
			t.Errorf("%q: %v %v", text, err, d)
		}
	}
}

func TestGazetteerCompactAndFast(t *testing.T) {
	if len(divisionsTSV) > 1500000 {
		t.Errorf("embedded gazetteer is %d bytes", len(divisionsTSV))
	}
	t0 := time.Now()
	g, err := parseGazetteer(divisionsTSV)
	el := time.Since(t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.recs) < 40000 || len(g.byCode.get("520581")) != 1 || len(g.full.get("黔西县")) != 2 {
		t.Errorf("gazetteer: %d records, 520581 %v, 黔西县 %v", len(g.recs), g.byCode.get("520581"), g.full.get("黔西县"))
	}
	t.Logf("parse %v", el)
	if _, err := parseGazetteer("C\t52\n"); err == nil {
		t.Error("bad data accepted")
	}
}

func BenchmarkGazetteerLoad(b *testing.B) {
	cpuLoop(b, func() {
		if _, err := parseGazetteer(divisionsTSV); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPlaceIndex measures the whole first-use cost of the place stage's
// data: parsing the gazetteer and building the lexicon.
func BenchmarkPlaceIndex(b *testing.B) {
	cpuLoop(b, func() {
		g, err := parseGazetteer(divisionsTSV)
		if err != nil {
			b.Fatal(err)
		}
		if px := buildPlaceIndex(g); px.lex.Len() < 5000 {
			b.Fatal(px.lex.Len())
		}
	})
}

func TestPlaceHomeFromMentions(t *testing.T) {
	// One paragraph, no title line: the most-mentioned county wins.
	text := "近日，毕节市召开现场会，织金县、纳雍县分别介绍了经验。会议指出，织金县坚持产业带动，织金县农民收入稳步增长。"
	d, _ := placeMentions(t, text, WithRefDate(time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)))
	if d.Home == nil || d.Home.Name != "织金县" || d.Home.Code != "520524" || d.Home.From != "mentions" {
		t.Errorf("home = %+v, want 织金县 520524 from mentions", d.Home)
	}
	// No county at all: no home.
	d, _ = placeMentions(t, "贵州省召开全省经济工作会议。")
	if d.Home != nil {
		t.Errorf("home = %+v, want none", d.Home)
	}
}

// TestPlacePD1998Dev scores places on the first paragraphs of the PD1998
// development set (exact spans; gold = maximal runs of ns units, places
// inside [...]nt compounds excluded), as a regression floor.
func TestPlacePD1998Dev(t *testing.T) {
	const path = "../../shared/corpora/pd1998-01/dev.txt"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("PD1998 development set not available (%v): skipping the corpus check", err)
	}
	if testing.Short() {
		t.Skip("corpus check skipped in -short mode")
	}
	type span struct{ s, e int }
	tp, fp, fn := 0, 0, 0
	for n, line := range strings.Split(string(b), "\n") {
		if n >= 2000 {
			break
		}
		fs := strings.Fields(line)
		if len(fs) < 2 {
			continue
		}
		var text []rune
		gold := map[span]bool{}
		run, inBr := -1, false
		brStart := 0
		closeRun := func() {
			if run >= 0 {
				gold[span{run, len(text)}] = true
				run = -1
			}
		}
		for _, tok := range fs[1:] {
			if strings.HasPrefix(tok, "[") && !inBr {
				inBr, brStart, tok = true, len(text), tok[1:]
			}
			k := strings.LastIndex(tok, "/")
			if k < 0 {
				t.Fatalf("line %d: bad token %q", n+1, tok)
			}
			word, tag := tok[:k], tok[k+1:]
			if inBr {
				text = append(text, []rune(word)...)
				if j := strings.LastIndex(tag, "]"); j >= 0 {
					inBr = false
					if tag[j+1:] == "ns" {
						if run < 0 {
							run = brStart
						}
					} else {
						closeRun()
					}
				}
				continue
			}
			if tag == "ns" {
				if run < 0 {
					run = len(text)
				}
			} else {
				closeRun()
			}
			text = append(text, []rune(word)...)
		}
		closeRun()
		d, err := NewDocument(string(text), WithTypes(TypePlace))
		if err != nil {
			t.Fatal(err)
		}
		got := map[span]bool{}
		for _, m := range d.Mentions {
			if m.Type == TypePlace {
				got[span{m.Start, m.End}] = true
			}
		}
		for s := range got {
			if gold[s] {
				tp++
			} else {
				fp++
			}
		}
		for s := range gold {
			if !got[s] {
				fn++
			}
		}
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	f := 2 * p * r / (p + r)
	t.Logf("PD1998 dev, 2000 paragraphs: P %.3f R %.3f F1 %.3f", p, r, f)
	if f < 0.84 {
		t.Errorf("place F1 %.3f on PD1998 dev is under the 0.84 floor", f)
	}
}

func TestPlaceHomeFromTitleTownship(t *testing.T) {
	d, _ := placeMentions(t, "大关镇开展主题党日活动\n近日，镇党委组织党员干部到鸭池河红军渡口开展主题党日活动，毕节市有关负责同志参加。")
	if d.Home == nil || d.Home.Code != "520581" || d.Home.Name != "黔西市" || d.Home.From != "title" {
		t.Errorf("home = %+v, want 黔西市 520581 from the title's township", d.Home)
	}
}

func TestPlaceConcurrent(t *testing.T) {
	b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := placeMentions(t, string(b))
	done := make(chan *Document, 4)
	for g := 0; g < 4; g++ {
		go func() {
			d, _ := NewDocument(string(b), WithTypes(TypePlace))
			done <- d
		}()
	}
	for g := 0; g < 4; g++ {
		d := <-done
		if d == nil {
			t.Fatal("no document")
		}
		if len(d.Mentions) != len(want.Mentions) || d.Home == nil || *d.Home != *want.Home {
			t.Errorf("concurrent run differs: %d mentions, home %+v; want %d, %+v", len(d.Mentions), d.Home, len(want.Mentions), want.Home)
		}
	}
}

// TestPlacePriorLevels checks that the home prior works at every level a
// home may have (a county taken from a title, a province or city a report
// speaks for, the country, none).
func TestPlacePriorLevels(t *testing.T) {
	for _, tc := range []struct {
		home       *Home
		prov, pref string
	}{
		{&Home{Code: "620000", Level: LevelProvince}, "62", ""},
		{&Home{Code: "620100", Level: LevelPrefecture}, "62", "6201"},
		{&Home{Code: "520522", Level: LevelCounty}, "52", "5205"},
		{&Home{Code: "520522"}, "52", "5205"},
		{&Home{Code: "110000"}, "11", ""},
		{&Home{Name: CountryName, Level: LevelCountry}, "", ""},
		{nil, "", ""},
	} {
		var p placePrior = tc.home
		if prov, pref := priorPrefixes(p); prov != tc.prov || pref != tc.pref {
			t.Errorf("%+v: prefixes %q %q, want %q %q", tc.home, prov, pref, tc.prov, tc.pref)
		}
	}
}
