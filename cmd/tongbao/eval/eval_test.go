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
		Docs   int    `json:"docs"`
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
