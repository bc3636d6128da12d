package extract

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// TestCountSampleBulletin checks the counts of the sample county bulletin.
func TestCountSampleBulletin(t *testing.T) {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDocument(string(data), WithTypes(TypeCount))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]Mention{}
	for _, m := range d.MentionsOf(TypeCount) {
		found[m.Text] = m
		switch m.Text {
		case "六次", "五个", "四个", "两个":
			t.Errorf("slogan or session number taken as a count: %s", m.Text)
		}
	}
	if m, ok := found["213件"]; !ok || m.Object != "建议" || m.Value != 213.0 {
		t.Errorf("213件 = %+v, want object 建议, value 213", m)
	}
	if m, ok := found["30余本"]; !ok || m.Approx != ApproxOver || m.Value != 30.0 {
		t.Errorf("30余本 = %+v, want approx over", m)
	}
	if m, ok := found["四本"]; !ok || m.Value != 4.0 {
		t.Errorf("四本 = %+v, want 4", m)
	}
	if m, ok := found["12次"]; !ok || m.Object != "调研" {
		t.Errorf("12次 = %+v, want object 调研", m)
	}
}

func FuzzScanCounts(f *testing.F) {
	for _, s := range []string{"213件建议", "30余本", "1.2万元", "两三个", "百分之三十", "第三次", "近千名", "首批", "人大六次会议", "“五个一”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(s)
		d := &Document{docContext: &docContext{runes: r}}
		for _, h := range scanCounts(d, timeSpanPairs(r)) {
			if h.start < 0 || h.end > len(r) || h.start >= h.end {
				t.Fatalf("%q: bad count %+v", s, h)
			}
			m := countMention(d, h)
			if m.Range != nil && m.Range[0] > m.Range[1] {
				t.Fatalf("%q: bad range %v", s, m.Range)
			}
		}
	})
}

// TestCountRuleExamples checks that every example a count or numeral
// rule's doc cites (the Chinese words in its parentheses) is held by a
// case of the count spec.
func TestCountRuleExamples(t *testing.T) {
	var inputs []string
	for _, c := range loadSpecs(t, TypeCount) {
		inputs = append(inputs, c.Input)
	}
	paren := regexp.MustCompile(`\(([^)]*)\)`)
	for _, r := range Rules() {
		if r.Stage != "count" && r.Stage != "numeral" {
			continue
		}
		for _, m := range paren.FindAllStringSubmatch(r.Doc, -1) {
			for _, ex := range regexp.MustCompile(`[,;] `).Split(m[1], -1) {
				ex, _, _ = strings.Cut(ex, " ")
				ex = strings.TrimSuffix(strings.TrimPrefix(ex, "“"), "”")
				if !hasHan(ex) {
					continue
				}
				found := false
				for _, in := range inputs {
					if strings.Contains(in, ex) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("rule %s cites %q, which no count spec case holds", r.Name, ex)
				}
			}
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestCountTrace checks that every count is traced to the rule that
// accepted it, with its span or the span an adjusting rule gave it, and
// that rejected candidates are traced to the rule that rejected them.
func TestCountTrace(t *testing.T) {
	text := "市长主持召开三次会议，研究一下好几个部门提交的一条条措施，约200人参加，增长30%，十分重要，电话13812345678。"
	var events []TraceEvent
	d, err := NewDocument(text, WithTypes(TypeCount), WithTrace(func(e TraceEvent) { events = append(events, e) }))
	if err != nil {
		t.Fatal(err)
	}
	ms := d.MentionsOf(TypeCount)
	if len(ms) != 5 {
		t.Fatalf("counts %q, want 三次 好几个 一条条 200人 30%%", mentionTexts(d, TypeCount))
	}
	for _, m := range ms {
		accepted, spanned := false, false
		for _, e := range events {
			if e.Stage != "count" || e.Start < m.Start || e.Start >= m.End {
				continue
			}
			accepted = accepted || e.Verdict == Accept
			spanned = spanned || e.Start == m.Start && e.End == m.End && (e.Verdict == Accept || e.Verdict == Adjust)
		}
		if !accepted || !spanned {
			t.Errorf("count %q [%d,%d): accepted %v, span traced %v in %v", m.Text, m.Start, m.End, accepted, spanned, events)
		}
	}
	rejected := map[string]string{}
	for _, e := range events {
		if e.Verdict == Reject {
			rejected[e.Text] = e.Rule
		}
	}
	for text, rule := range map[string]string{"一": "count.no_measure_word", "十分": "count.other_word", "13812345678": "count.phone_number"} {
		if rejected[text] != rule {
			t.Errorf("%q rejected by %q, want %s (rejections %v)", text, rejected[text], rule, rejected)
		}
	}
}

// numeralPlaceNames returns the names of the gazetteer that open with a
// numeral rune (六盘水, 三门峡市, 七台河): county level and above with their
// short forms, and townships, sorted.
func numeralPlaceNames(t *testing.T) []string {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range g.recs {
		for _, name := range []string{r.Name, r.Short} {
			rs := []rune(name)
			if len(rs) >= 2 && numeralRune(rs[0]) {
				seen[name] = true
			}
		}
	}
	var out []string
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// TestCountNumeralPlaces checks that data/count_numeral_places.txt holds
// the gazetteer's names that open with a numeral (regenerate it with
// UPDATE_COUNT_PLACES=1 go test ./extract -run TestCountNumeralPlaces).
func TestCountNumeralPlaces(t *testing.T) {
	names := numeralPlaceNames(t)
	const path = "data/count_numeral_places.txt"
	if os.Getenv("UPDATE_COUNT_PLACES") != "" {
		header := "# Names of divisions that open with a numeral (六盘水, 三门峡市, 七台河), generated\n" +
			"# from the gazetteer (data/divisions.tsv: county level and above with their short\n" +
			"# forms, and townships) by TestCountNumeralPlaces; do not edit. One name per\n" +
			"# line. A count whose numeral opens one of them is no count (rule\n" +
			"# count.place_name).\n"
		if err := os.WriteFile(path, []byte(header+strings.Join(names, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var have []string
	readWordList(countNumeralPlacesData, func(f []string) { have = append(have, f[0]) })
	if strings.Join(have, "\n") != strings.Join(names, "\n") {
		t.Errorf("%s: %d names, the gazetteer gives %d: regenerate it (UPDATE_COUNT_PLACES=1)", path, len(have), len(names))
	}
}
