package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

const small = "../../../extract/eval/testdata/pd1998_small.txt"

func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	cmd := New()
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func TestEvalJSON(t *testing.T) {
	dir := t.TempDir()
	preds := filepath.Join(dir, "p.jsonl")
	out, _, err := runCmd(t, "--gold", "pd1998", "--json", "-t", "book,person", "--errors", "3", "--predictions", preds, small)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Corpus string `json:"corpus"`
		Docs   int    `json:"documents"`
		Types  map[string]struct {
			Gold, Pred, TP int
			F1             *float64 `json:"f1"`
			OverlapF1      *float64 `json:"overlap_f1"`
		} `json:"types"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if rep.Docs != 4 || len(rep.Types) != 2 || rep.Types["book"].Gold != 2 || rep.Types["person"].Gold != 3 {
		t.Errorf("report %+v", rep)
	}
	if rep.Types["book"].F1 == nil || rep.Types["book"].OverlapF1 == nil || !strings.HasPrefix(rep.Corpus, "pd1998 ") {
		t.Errorf("report %s", out)
	}
	data, err := os.ReadFile(preds)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], `{"id":"19980121-01-001-002","mentions":[`) {
		t.Errorf("predictions %q", data)
	}
}

func TestEvalTable(t *testing.T) {
	out, _, err := runCmd(t, "--gold", "pd1998", "--baseline", "-t", "book", "-q", small)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "4 documents") ||
		!strings.Contains(lines[2], "tongbao") || !strings.Contains(lines[3], "baseline") {
		t.Errorf("table:\n%s", out)
	}
	// The baseline finds no book: gold 2, pred 0, tp 0.
	if f := strings.Fields(lines[3]); len(f) < 5 || f[2] != "2" || f[3] != "0" || f[4] != "0" {
		t.Errorf("baseline row %q", lines[3])
	}
}

func TestEvalFloors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := write("ok.json", `{"pd1998": {"book": 0}, "cluener": {"book": 2}}`)
	if _, _, err := runCmd(t, "--gold", "pd1998", "-q", "--floors", ok, small); err != nil {
		t.Errorf("floors met: %v", err)
	}
	high := write("high.json", `{"pd1998": {"book": 1.5, "person": 0}}`)
	_, _, err := runCmd(t, "--gold", "pd1998", "-q", "--floors", high, small)
	if cmdutil.Code(err) != cmdutil.ExitFailure || !strings.Contains(err.Error(), "book: F1") || strings.Contains(err.Error(), "person") {
		t.Errorf("floor above 1: %v", err)
	}
	// A floor of a type left out by --types fails rather than passing.
	_, _, err = runCmd(t, "--gold", "pd1998", "-q", "-t", "person", "--floors", high, small)
	if cmdutil.Code(err) != cmdutil.ExitFailure || !strings.Contains(err.Error(), "book: not evaluated") {
		t.Errorf("floor of a type not scored: %v", err)
	}
	bad := write("bad.json", `{"pd1998": [1]}`)
	if _, _, err := runCmd(t, "--gold", "pd1998", "--floors", bad, small); cmdutil.Code(err) != cmdutil.ExitUsage {
		t.Errorf("malformed floors: %v", err)
	}
}

func TestEvalUsage(t *testing.T) {
	for _, args := range [][]string{
		{small},
		{"--gold", "conll", small},
		{"--gold", "pd1998"},
		{"--gold", "msra", "-t", "time", small},
		{"--gold", "pd1998", "--errors", "-1", small},
		{"--gold", "pd1998", "--jobs", "0", small},
	} {
		if _, _, err := runCmd(t, args...); cmdutil.Code(err) != cmdutil.ExitUsage {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	// A malformed gold file is a failure naming the line.
	_, _, err := runCmd(t, "--gold", "msra", small)
	if cmdutil.Code(err) != cmdutil.ExitFailure || !strings.Contains(err.Error(), "pd1998_small.txt:1:") {
		t.Errorf("wrong format: %v", err)
	}
	_, _, err = runCmd(t, "--gold", "pd1998", "no-such-file.txt")
	if cmdutil.Code(err) != cmdutil.ExitFailure || !strings.Contains(err.Error(), "no-such-file.txt") {
		t.Errorf("missing file: %v", err)
	}
}

// TestFlags checks flag handling without reading a gold file.
func TestFlags(t *testing.T) {
	for _, c := range []struct {
		args    []string
		errors  int
		explain bool
		usage   bool
	}{
		{args: []string{"--gold", "pd1998", "x.txt"}},
		{args: []string{"--gold", "pd1998", "--errors", "5", "--explain", "x.txt"}, errors: 5, explain: true},
		{args: []string{"--gold", "pd1998", "--explain", "x.txt"}, usage: true},
		{args: []string{"--gold", "sighan", "--errors", "5", "--explain", "x.txt"}, usage: true},
		{args: []string{"--gold", "pd1998"}, usage: true},
		{args: []string{"x.txt"}, usage: true},
		{args: []string{"--gold", "msra", "-t", "time", "x.txt"}, usage: true},
		{args: []string{"--gold", "pd1998", "--jobs", "0", "x.txt"}, usage: true},
	} {
		ios, _, _, _ := cmdutil.TestIO()
		var got *Options
		cmd := NewCmdEval(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		err := cmd.Execute()
		if c.usage {
			if cmdutil.Code(err) != cmdutil.ExitUsage || got != nil {
				t.Errorf("%v: err %v, want a usage error before running", c.args, err)
			}
			continue
		}
		if err != nil || got == nil || got.errors != c.errors || got.explain != c.explain || len(got.Args) != 1 {
			t.Errorf("%v: err %v, options %+v", c.args, err, got)
		}
	}
}

// TestEvalExplain checks that --explain names the rule of each listed
// person error: a person rule for each false positive, a person rule, a
// boundary or no candidate for each false negative.
func TestEvalExplain(t *testing.T) {
	out, _, err := runCmd(t, "--gold", "pd1998", "--json", "-t", "person,org", "--errors", "10", "--explain", "-q", small)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		FP map[string][]struct{ Text, Rule string } `json:"false_positives"`
		FN map[string][]struct{ Text, Rule string } `json:"false_negatives"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	n := 0
	for typ, errs := range rep.FP {
		for _, e := range errs {
			n++
			if !strings.HasPrefix(e.Rule, typ+".") {
				t.Errorf("false positive %s %q: rule %q", typ, e.Text, e.Rule)
			}
		}
	}
	for typ, errs := range rep.FN {
		for _, e := range errs {
			n++
			if !strings.HasPrefix(e.Rule, typ+".") && e.Rule != "(no candidate)" {
				t.Errorf("false negative %s %q: rule %q", typ, e.Text, e.Rule)
			}
		}
	}
	if n == 0 {
		t.Errorf("no error listed: %s", out)
	}
	table, _, err := runCmd(t, "--gold", "pd1998", "-t", "person,org", "--errors", "10", "--explain", "-q", small)
	if err != nil || !strings.Contains(table, "\t[") {
		t.Errorf("table lists no rule (%v):\n%s", err, table)
	}
}
