package compare

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/stats"
)

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := New()
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCompareSmall(t *testing.T) {
	dir := t.TempDir()
	a := strings.Repeat("全县上下全面推进乡村振兴，乡村振兴取得新成效。", 5)
	b := strings.Repeat("全市深化国有企业改革，国有企业改革取得明显成效。", 5)
	write(t, dir, "county-a/2019.txt", a)
	write(t, dir, "county-a/2021.txt", a)
	write(t, dir, "county-b/2020.txt", b)
	html := filepath.Join(dir, "out.html")
	csvDir := filepath.Join(dir, "csv")
	out, err := run(t, "-q", "--group-by", "dir", "--min-count", "1", "--html", html, "--csv", csvDir, "--json", filepath.Join(dir, "county-a"), filepath.Join(dir, "county-b"))
	if err != nil {
		t.Fatal(err)
	}
	var c stats.Comparison
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Groups) != 2 || c.Groups[0].Group != "county-a" || c.Groups[0].Docs != 2 || c.Groups[1].Docs != 1 {
		t.Fatalf("groups %+v", c.Groups)
	}
	ga := c.Groups[0]
	if ga.DateFrom != "2019" || ga.DateTo != "2021" || ga.Chars != int64(2*len([]rune(a))) {
		t.Errorf("county-a: dates %s–%s, chars %d", ga.DateFrom, ga.DateTo, ga.Chars)
	}
	if len(ga.Keyness) == 0 || ga.Keyness[0].Term != "乡村振兴" || !strings.Contains("国有企业改革", c.Groups[1].Keyness[0].Term) {
		t.Errorf("key terms: %+v / %+v", ga.Keyness, c.Groups[1].Keyness)
	}
	for _, g := range c.Groups {
		for _, k := range g.Keyness {
			if k.G2 <= 0 {
				t.Errorf("%s: under-represented key term %+v", g.Group, k)
			}
		}
	}
	if v := c.Cosine.Values; v[0][0] != 1 || v[0][1] != v[1][0] || v[0][1] >= 1 {
		t.Errorf("cosine %v", v)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{"<svg", "Microsoft YaHei", "Noto Sans CJK SC", "county-a", "乡村振兴", "</html>", `id="provenance"`, "<script>"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<?xml", "http://", "https://", "<script src", " src=", "<link", "@import", "Serif", ",serif"} {
		if bad == "http://" {
			// the SVG namespace is not a network reference
			s = strings.ReplaceAll(s, "http://www.w3.org/", "")
		}
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, f := range []string{"groups.csv", "keyness.csv", "slogans.csv", "slogans_by_group.csv", "people.csv", "offices.csv", "claims.csv", "cosine.csv", "jaccard.csv"} {
		if _, err := os.Stat(filepath.Join(csvDir, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := run(t, filepath.Join(dir, "county-a")); cmdutil.Code(err) != cmdutil.ExitUsage {
		t.Errorf("no grouping: exit %d", cmdutil.Code(err))
	}
}

// TestGovReports compares the 60 government work reports: the national
// ones by decade (the 20 NPC resolutions have no year and are left out) and
// the Hailar district ones by folder.
func TestGovReports(t *testing.T) {
	g := "../../../../shared/corpora/gov-reports"
	if _, err := os.Stat(g); err != nil {
		t.Skip("../shared/corpora/gov-reports is absent; skipping the work-report comparison")
	}
	html := filepath.Join(t.TempDir(), "reports.html")
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := run(t, "-q", "--json", "--html", html, "--group-by", "meta.year:decade", "--group-by", "dir",
			"--text-field", "content", "--id-field", "title", g+"/national-state-council/", g+"/hailar-district/")
		done <- result{out, err}
	}()
	var out string
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		out = r.out
	case <-time.After(4 * time.Minute):
		// it takes seconds; a stuck extractor must fail the test, not hang CI
		t.Fatal("compare on the 60 work reports did not finish in 4 minutes")
	}
	var c stats.Comparison
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	docs := int64(0)
	key := map[string][]string{}
	for _, gr := range c.Groups {
		docs += gr.Docs
		for _, k := range gr.Keyness[:min(10, len(gr.Keyness))] {
			key[gr.Group] = append(key[gr.Group], k.Term)
		}
	}
	if docs != 60 || len(c.Groups) != 9 {
		t.Fatalf("%d documents in %d groups, want 60 in 9", docs, len(c.Groups))
	}
	has := func(group, term string) {
		for _, k := range key[group] {
			if k == term {
				return
			}
		}
		t.Errorf("%s: %q not among the top key terms %v", group, term, key[group])
	}
	has("1970s", "四人帮")
	has("hailar-district", "海拉尔")
	has("2020s", "高质量发展")
	// neighbouring decades are more alike than distant ones
	idx := map[string]int{}
	for i, n := range c.Cosine.Names {
		idx[n] = i
	}
	v := c.Cosine.Values
	if v[idx["2000s"]][idx["2010s"]] <= v[idx["1950s"]][idx["2010s"]] {
		t.Errorf("cosine 2000s–2010s %.2f not above 1950s–2010s %.2f", v[idx["2000s"]][idx["2010s"]], v[idx["1950s"]][idx["2010s"]])
	}
	page, err := os.ReadFile(html)
	if err != nil || len(page) < 10000 {
		t.Fatalf("HTML page: %v", err)
	}
	// the 20 documents left out are listed with the reason, not only counted on stderr
	if n := strings.Count(string(page), `no group: its record has no &#34;year&#34; field (--group-by meta.year:decade)`); n != 20 {
		t.Errorf("the page lists %d documents left out for want of a year, want 20", n)
	}
	if !strings.Contains(string(page), "80 read; 60 compared in 9 groups; 20 left out") {
		t.Error("the provenance block does not count the documents")
	}
}
