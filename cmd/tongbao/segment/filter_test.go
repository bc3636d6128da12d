package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDropForTopicModels(t *testing.T) {
	in := "2019年3月5日，国内生产总值增长6.6%，达到90万亿元。\n我们要坚持稳中求进。\n"
	out, _, err := run(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "2019年") || !strings.Contains(out, "，") || strings.Count(out, "\n") != 2 {
		t.Fatalf("without --drop: %q", out)
	}
	stop := filepath.Join(t.TempDir(), "stop.txt")
	os.WriteFile(stop, []byte("# mine\n坚持\n"), 0o644)
	for _, args := range [][]string{
		{"--drop", "punct,number,date,space,stopwords", "--stopwords", stop, "--doc-per-line", "-"},
		{"--drop", "punct,number,date,space,stopwords", "--stopwords", stop, "--doc-per-line", "--engine", "gse", "-"},
	} {
		out, _, err = run(t, in, args...)
		if err != nil {
			t.Fatal(err)
		}
		if out != "国内 生产总值 增长 达到 稳中求进\n" {
			t.Errorf("%q: %q", args, out)
		}
	}
	out, _, err = run(t, in, "--pos", "--pos-exclude", "t,m,w,x", "--format", "tsv", "-")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "2019年") || strings.Contains(out, "6.6%") || !strings.Contains(out, "生产总值") {
		t.Errorf("--pos-exclude t,m: %q", out)
	}
	if _, _, err := run(t, in, "--drop", "verbs", "-"); err == nil {
		t.Error("--drop verbs: no error")
	}
	if _, _, err := run(t, in, "--doc-per-line", "--format", "jsonl", "-"); err == nil {
		t.Error("--doc-per-line with jsonl: no error")
	}
}
