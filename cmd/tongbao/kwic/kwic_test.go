package kwic

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
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

const sample = "../../../testdata/000_776449805ff1d07a.txt"

type line struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Left  string `json:"left"`
	Match string `json:"text"`
	Right string `json:"right"`
}

func lines(t *testing.T, s string) []line {
	var out []line
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l == "" {
			continue
		}
		var x line
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		out = append(out, x)
	}
	return out
}

func TestKWICOnSample(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(data))
	out, err := run(t, "党史学习教育", "--format", "jsonl", "-w", "3", sample)
	if err != nil {
		t.Fatal(err)
	}
	ls := lines(t, out)
	// every occurrence of the term in the text is token-aligned here
	if want := strings.Count(string(data), "党史学习教育"); len(ls) != want {
		t.Errorf("%d lines, the text has %d occurrences", len(ls), want)
	}
	for i, l := range ls {
		if string(runes[l.Start:l.End]) != l.Match || l.Match != "党史学习教育" {
			t.Errorf("offsets %+v", l)
		}
		if !strings.HasSuffix(strings.ReplaceAll(string(runes[:l.Start]), "\n", " "), l.Left) {
			t.Errorf("left context %q is not what precedes the match", l.Left)
		}
		if i > 0 && l.Start <= ls[i-1].Start {
			t.Error("not in text order")
		}
	}
	// character window
	out, _ = run(t, "党史学习教育", "--format", "jsonl", "--chars", "-w", "4", sample)
	for _, l := range lines(t, out) {
		if n := len([]rune(l.Left)); n != 4 && l.Start >= 4 {
			t.Errorf("left %q has %d characters, want 4", l.Left, n)
		}
	}
	// text format: one line per match, the matches aligned in one column
	out, _ = run(t, "党史学习教育", "--format", "text", "--width", "20", sample)
	tl := strings.Split(strings.TrimSpace(out), "\n")
	if len(tl) != len(ls) {
		t.Fatalf("%d text lines, want %d", len(tl), len(ls))
	}
	col := -1
	for _, l := range tl {
		ctx := l[strings.IndexByte(l, '\t')+1:]
		i := strings.Index(ctx, "党史学习教育")
		w := 0
		for _, r := range ctx[:i] {
			w += colsOf(r)
		}
		if col >= 0 && w != col {
			t.Errorf("match at column %d, want %d: %q", w, col, l)
		}
		col = w
	}
}

func TestKWICRegexAndErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("推进改革，推动发展，推进乡村振兴。"), 0o644)
	out, err := run(t, "--regex", "^推", "--format", "jsonl", p)
	if err != nil {
		t.Fatal(err)
	}
	ls := lines(t, out)
	if len(ls) != 3 || ls[1].Match != "推动" {
		t.Errorf("regex lines %+v", ls)
	}
	// anywhere: 推 inside words too, with a regex and as a substring
	os.WriteFile(p, []byte("推进改革，推动发展，大力推进乡村振兴。"), 0o644)
	for _, args := range [][]string{{"--anywhere", "--regex", "推[进动]"}, {"--anywhere", "推"}} {
		out, err := run(t, append(args, "--format", "jsonl", p)...)
		if err != nil {
			t.Fatal(err)
		}
		ls := lines(t, out)
		runes := []rune("推进改革，推动发展，大力推进乡村振兴。")
		if len(ls) != 3 || ls[2].Start != 12 {
			t.Errorf("%v: %+v", args, ls)
		}
		for _, l := range ls {
			if string(runes[l.Start:l.End]) != l.Match {
				t.Errorf("%v: offsets %+v", args, l)
			}
		}
	}
	for _, args := range [][]string{
		{},
		{"--regex", "([", p},
		{"--type", "colour", p},
		{"--match", "x", "term", p},
		{"--format", "xml", "term", p},
		{"-w", "-1", "term", p},
	} {
		if _, err := run(t, args...); cmdutil.Code(err) != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d (%v), want 2", args, cmdutil.Code(err), err)
		}
	}
	if _, err := run(t, "改革", filepath.Join(dir, "missing.txt")); cmdutil.Code(err) != cmdutil.ExitFailure {
		t.Errorf("missing file: exit %d", cmdutil.Code(err))
	}
}

func TestKWICType(t *testing.T) {
	out, err := run(t, "--type", "person", "--format", "jsonl", sample)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(sample)
	runes := []rune(string(data))
	for _, l := range lines(t, out) {
		if string(runes[l.Start:l.End]) != l.Match {
			t.Errorf("offsets %+v", l)
		}
	}
}
