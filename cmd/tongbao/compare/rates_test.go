package compare

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompareRatesOverYears(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "福建省/2019.txt", strings.Repeat("我们坚持环保优先，推进绿色发展。", 3))
	write(t, dir, "福建省/2020.txt", "我们推进绿色发展。")
	write(t, dir, "云南省/2020.txt", "我们推进经济发展。")
	html := filepath.Join(dir, "out.html")
	csvDir := filepath.Join(dir, "csv")
	dict := filepath.Join("..", "..", "..", "testdata", "dict", "environment.yaml")
	if _, err := run(t, "-q", "--group-by", "dir", "--min-count", "1", "--dict", dict, "--html", html, "--csv", csvDir,
		filepath.Join(dir, "福建省"), filepath.Join(dir, "云南省")); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	// One chart per category (environment and its three children), each
	// with a line per group.
	if n := strings.Count(string(page), `aria-label="environment`); !strings.Contains(string(page), "Dictionary categories over the years") || n != 4 {
		t.Errorf("the report has %d rate charts, want 4", n)
	}
	if n := strings.Count(string(page), `<title>福建省 · 2019: `); n != 4 {
		t.Errorf("福建省 2019 has %d points, want one per chart", n)
	}
	f, err := os.Open(filepath.Join(csvDir, "rates.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "group" || rows[0][1] != "year" || rows[0][5] != "environment.count" {
		t.Fatalf("rates.csv:\n%v", rows)
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]+" "+r[1]] = r[5]
	}
	// 福建省 2019: 环保 and 绿色, three times; 2020: 绿色; 云南省 2020: none.
	if got["福建省 2019"] != "6" || got["福建省 2020"] != "1" || got["云南省 2020"] != "0" {
		t.Errorf("environment counts %v", got)
	}
}
