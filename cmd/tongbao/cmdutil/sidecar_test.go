package cmdutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadSidecar(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sc, err := LoadSidecar(write("ok.csv", "\ufeffid,home,year\nreports/a.md,厦门市,2018\n./b.txt,,2020\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f := sc.Fields("reports/a.md"); f["home"] != "厦门市" || f["year"] != "2018" {
		t.Errorf("a: %v", f)
	}
	if f := sc.Fields("b.txt"); f == nil || f["year"] != "2020" || f["home"] != "" {
		t.Errorf("b: %v", f)
	}
	if sc.Fields("c.txt") != nil {
		t.Errorf("c: want none")
	}
	for name, want := range map[string]string{
		"col.csv":   "unknown column \"hme\"",
		"noid.csv":  "no id column",
		"quote.csv": "bad.csv:3",
		"dup.csv":   ":3: id \"a\" given twice",
		"empty.csv": "empty file",
	} {
		body := map[string]string{
			"col.csv":   "id,hme\n",
			"noid.csv":  "home,year\n",
			"quote.csv": "id,home\na,b\n\"c,d\n",
			"dup.csv":   "id,home\na,b\na,c\n",
			"empty.csv": "",
		}[name]
		p := write(name, body)
		_, err := LoadSidecar(p)
		if name == "quote.csv" {
			want = name + ":3"
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}
