package segment

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	cmd := New()
	var out, errb bytes.Buffer
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func TestTextFormatKeepsLines(t *testing.T) {
	in := "县人大常委会召开党史学习教育动员大会\n\n  罗智琼出席。\r\n最后一行"
	out, _, err := run(t, in)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d output lines for 4 input lines:\n%s", len(lines), out)
	}
	if lines[0] != "县 人大常委会 召开 党史学习教育 动员大会" || lines[1] != "" || !strings.HasPrefix(lines[2], "罗") {
		t.Errorf("output:\n%s", out)
	}
	out, _, _ = run(t, "人大常委会", "--pos")
	if strings.TrimSpace(out) != "人大常委会/nt" {
		t.Errorf("--pos: %q", out)
	}
}

func TestJSONLAndTSV(t *testing.T) {
	in := "ＡＢＣ公司在3月26日召开会议"
	out, _, err := run(t, in, "--format", "jsonl", "--pos")
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		ID     string
		Tokens []struct {
			Text       string
			Start, End int
			Pos        string
		}
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	rs := []rune(in)
	if rec.ID != "-" || len(rec.Tokens) == 0 || rec.Tokens[0].Text != "ＡＢＣ" {
		t.Fatalf("record %+v", rec)
	}
	for _, tk := range rec.Tokens {
		if string(rs[tk.Start:tk.End]) != tk.Text || tk.Pos == "" {
			t.Errorf("token %+v", tk)
		}
	}
	out, _, err = run(t, "甲\t乙 丙", "--format", "tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if f := strings.Split(l, "\t"); len(f) != 4 || f[0] != "-" {
			t.Errorf("tsv line %q", l)
		}
	}
}

func TestModesAndDict(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join(dir, "names.txt")
	if err := os.WriteFile(dict, []byte("罗智琼 nr\n坏词 abc12 n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "主任罗智琼出席"
	plain, _, _ := run(t, text)
	out, stderr, err := run(t, text, "--dict", dict, "--dict-report")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, "罗智琼") || !strings.Contains(out, "罗智琼") {
		t.Errorf("without dict %q, with dict %q", plain, out)
	}
	if !strings.Contains(stderr, "1 entries loaded, 1 lines rejected") || !strings.Contains(stderr, ":2: frequency \"abc12\" is not a number") {
		t.Errorf("dict report: %q", stderr)
	}
	full, _, _ := run(t, "中华人民共和国成立", "--mode", "full")
	if !strings.Contains(full, "中华 ") || !strings.Contains(full, "中华人民共和国") {
		t.Errorf("full mode: %q", full)
	}
	for _, args := range [][]string{{"--mode", "fast"}, {"--format", "xml"}, {"--dict", filepath.Join(dir, "missing.txt")}, {"--dict-report"}} {
		_, _, err := run(t, text, args...)
		if cmdutil.Code(err) != cmdutil.ExitUsage {
			t.Errorf("%v: exit code %d (%v), want %d", args, cmdutil.Code(err), err, cmdutil.ExitUsage)
		}
	}
}
