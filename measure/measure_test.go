package measure

import (
	"strings"
	"testing"
)

func parse(t *testing.T, format, s string) *Dictionary {
	t.Helper()
	d, err := ParseDictionary(strings.NewReader(s), format)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func names(d *Dictionary) string {
	var out []string
	for _, c := range d.Categories {
		out = append(out, c.Name+"="+strings.Join(c.Terms, "|"))
	}
	return strings.Join(out, " ")
}

func TestDictionaryFormats(t *testing.T) {
	yaml := "# quanteda\nenvironment:\n  pollution:\n    - 污染\n    - \"排污*\"   # wildcard\n  green: [绿色, 低碳]\neconomy: 增长\n"
	if got, want := names(parse(t, FormatYAML, yaml)), "environment=污染|排污*|绿色|低碳 environment.pollution=污染|排污* environment.green=绿色|低碳 economy=增长"; got != want {
		t.Errorf("yaml: %s\nwant %s", got, want)
	}
	liwc := "%\n1\tposemo\n2\tnegemo\n%\n好\t1\n坏*\t2\n一般\t1 2\n"
	if got, want := names(parse(t, FormatLIWC, liwc)), "posemo=好|一般 negemo=坏*|一般"; got != want {
		t.Errorf("liwc: %s\nwant %s", got, want)
	}
	tsv := "# category\tterm\nenv.air\t空气\nenv\t环保\n"
	if got, want := names(parse(t, FormatTSV, tsv)), "env=空气|环保 env.air=空气"; got != want {
		t.Errorf("tsv: %s\nwant %s", got, want)
	}
}

func TestDictionaryErrors(t *testing.T) {
	for _, c := range []struct{ format, text, want string }{
		{FormatYAML, "env:\n  - 污染\n  bad line\n", "3: could not find expected ':'"},
		{FormatYAML, "- 污染\n", "1: want a mapping of categories"},
		{FormatYAML, "env: [污染, 排污\n", "1: did not find expected ',' or ']'"},
		{FormatYAML, "env:\n  - \"污染\n", "2: found unexpected end of stream"},
		{FormatYAML, "env:\n\t- 污染\n", "2: tab in indentation"},
		{FormatYAML, "env:\n  - '*'\n", "2: empty term"},
		{FormatYAML, "env:\n  - [污染, 排污]\n", "2: a term of \"env\" is a list, not a word"},
		{FormatYAML, "\"\": [污染]\n", "1: empty category name"},
		{FormatYAML, "# nothing\n", "no category with terms"},
		{FormatLIWC, "1\tposemo\n", "1: a LIWC dictionary starts with a % line"},
		{FormatLIWC, "%\n1\tposemo\n", "the category header has no closing % line"},
		{FormatLIWC, "%\nx\tposemo\n%\n", "2: category number \"x\""},
		{FormatLIWC, "%\n1\tposemo\n%\n好\t3\n", "4: term \"好\": category number 3 is not in the header"},
		{FormatLIWC, "%\n1\tposemo\n%\n好\n", "4: term \"好\" has no category number"},
		{FormatTSV, "env\t污染\nenv 环保\n", "2: want category<TAB>term"},
		{FormatTSV, "\t污染\n", "1: empty category"},
	} {
		_, err := ParseDictionary(strings.NewReader(c.text), c.format)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: error %v, want %q", c.format, c.text, err, c.want)
		}
	}
}

func TestMeasureDocument(t *testing.T) {
	d := parse(t, FormatYAML, "env:\n  protection: [环境保护, 节能, 减排, 节能减排, 低碳]\n  pollution: [污染*, PM2.5]\n")
	m, err := New(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "——2019年1月14日在福建省第十三届人民代表大会第二次会议上\n我们坚持环境保护，推进节能减排和低碳发展，治理污染物和PM2.5。节能，减排。"
	r := m.Document("provinces/福建省/2019.md", text, nil, nil)
	if r.Home == nil || r.Home.Code != "350000" || r.Year == nil || *r.Year != 2019 {
		t.Fatalf("home %+v year %v", r.Home, r.Year)
	}
	// 节能减排 is one match (its words are not counted again); 低碳 is cut
	// 低/碳 and matches as a run; 污染* matches 污染物; 节能，减排 count
	// twice.
	for cat, want := range map[string]int{"env": 7, "env.protection": 5, "env.pollution": 2} {
		if got := r.Categories[cat].Count; got != want {
			t.Errorf("%s: count %d, want %d", cat, got, want)
		}
	}
	if r.Tokens == 0 || r.Characters != len([]rune(strings.NewReplacer("\n", "").Replace(text))) {
		t.Errorf("tokens %d characters %d", r.Tokens, r.Characters)
	}
	c := r.Categories["env"]
	if c.Per10kTokens != float64(7)*10000/float64(r.Tokens) || c.Per10kChars != float64(7)*10000/float64(r.Characters) {
		t.Errorf("rates %+v", c)
	}
	if r.Readability == nil || r.Readability.CharsPerClause <= 0 || r.Readability.AdvConjShare <= 0 {
		t.Errorf("readability %+v", r.Readability)
	}
	ms, _ := New(d, Options{Match: MatchSubstring})
	rs := ms.Document("x", "节能减排，节能减排；污染物", nil, nil)
	// Substring: 节能 2 + 减排 2 + 节能减排 2 = 6 (each term counted, as str.count).
	if got := rs.Categories["env.protection"].Count; got != 6 {
		t.Errorf("substring protection %d, want 6", got)
	}
	if got := rs.Categories["env.pollution"].Count; got != 1 {
		t.Errorf("substring pollution %d, want 1", got)
	}
}

func TestReadability(t *testing.T) {
	d := parse(t, FormatTSV, "a\t的\n")
	m, _ := New(d, Options{})
	// Two clauses of 6 and 2 characters; one sentence.
	r := m.Document("x", "我们非常努力，但是。", nil, nil)
	if r.Readability.CharsPerClause != 4 {
		t.Errorf("chars per clause %v, want 4", r.Readability.CharsPerClause)
	}
	// Words 我们/非常/努力/但是: 非常 (d) and 但是 (c) of 4.
	if r.Readability.AdvConjShare != 0.5 {
		t.Errorf("adverb and conjunction share %v, want 0.5", r.Readability.AdvConjShare)
	}
	if r.Readability.Mean != 2.25 {
		t.Errorf("mean %v", r.Readability.Mean)
	}
}

func TestPanel(t *testing.T) {
	d := parse(t, FormatTSV, "env\t环保\n")
	m, _ := New(d, Options{})
	p, err := NewPanel([]string{ByHome, ByYear})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := NewPanel([]string{ByHome, ByYear})
	p.Add(m.Document("a/福建省/2019.md", "环保工作。", nil, nil))
	q.Add(m.Document("b/福建省/2019.txt", "环保和环保。", nil, nil))
	p.Add(m.Document("a/福建省/2020.md", "工作。", nil, nil))
	p.Add(m.Document("a/北京市/2020.md", "环保。", nil, nil))
	p.Merge(q)
	rows := p.Rows([]string{"env"})
	var got []string
	for _, r := range rows {
		got = append(got, r.Home.Name+" "+itoa(*r.Year)+" "+itoa(r.Documents)+" "+itoa(r.Categories["env"].Count)+" "+itoa(r.Tokens))
	}
	if want := "北京市 2020 1 1 1|福建省 2019 2 3 5|福建省 2020 1 0 1"; strings.Join(got, "|") != want {
		t.Errorf("rows %s\nwant %s", strings.Join(got, "|"), want)
	}
	if _, err := NewPanel([]string{"county"}); err == nil {
		t.Error("unknown key accepted")
	}
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
