package root

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

const reports = "../../../../shared/corpora/gov-work-reports/state-council/"

// TestEveryCSV runs every command that writes CSV, with and without --bom,
// and reads each file it writes with encoding/csv: a header, rows of its
// width, the byte-order mark exactly when asked.
func TestEveryCSV(t *testing.T) {
	inputs := []string{reports + "2018.md", reports + "2019.md"}
	for _, in := range inputs {
		if _, err := os.Stat(in); err != nil {
			t.Skipf("corpus not here: %v", err)
		}
	}
	cases := []struct {
		name string
		args []string
		dir  bool // --csv DIR: every *.csv file in it
		want []string
	}{
		{"extract", []string{"extract", "--csv", "-o", "OUT"}, false, []string{"id", "type", "text", "start", "end", "sentence", "section", "start_date", "end_date"}},
		{"freq", []string{"stats", "freq", "--csv", "--top", "20", "-o", "OUT"}, false, []string{"term", "count"}},
		{"keyness", []string{"stats", "keyness", "--group-by", "file", "--csv", "--top", "5", "-o", "OUT"}, false, []string{"group", "term", "g2"}},
		{"collocations", []string{"stats", "collocations", "--csv", "-o", "OUT"}, false, []string{"term1", "term2", "pmi"}},
		{"similarity", []string{"stats", "similarity", "--group-by", "file", "--csv", "-o", "OUT"}, false, []string{"group"}},
		{"measure", []string{"measure", "--dict", "../../../testdata/dict/environment.yaml", "--csv", "-o", "OUT"}, false, []string{"id"}},
		{"dtm", []string{"dtm", "-o", "OUT"}, true, []string{"id", "term", "count"}},
		{"compare", []string{"compare", "--group-by", "file", "--dict", "../../../testdata/dict/environment.yaml", "--csv", "OUT"}, true, []string{}},
	}
	for _, c := range cases {
		for _, bom := range []bool{false, true} {
			name := c.name
			if bom {
				name += "/bom"
			}
			t.Run(name, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out")
				args := slices.Clone(c.args)
				for i, a := range args {
					if a == "OUT" {
						args[i] = out
					}
				}
				if bom {
					args = append(args, "--bom")
				}
				args = append(args, "-q")
				args = append(args, inputs...)
				ios, _, _, errOut := cmdutil.TestIO()
				cmd := NewCmdRoot(&cmdutil.Factory{IOStreams: ios})
				cmd.SetArgs(args)
				cmd.SetOut(ios.Out)
				cmd.SetErr(ios.ErrOut)
				cmd.SilenceUsage, cmd.SilenceErrors = true, true
				if err := cmd.Execute(); err != nil {
					t.Fatalf("tongbao %s: %v\n%s", strings.Join(args, " "), err, errOut)
				}
				files := []string{out}
				if c.dir {
					files, _ = filepath.Glob(filepath.Join(out, "*.csv"))
					if len(files) == 0 {
						t.Fatalf("no CSV files in %s", out)
					}
				}
				if c.name == "compare" && !slices.ContainsFunc(files, func(f string) bool { return strings.HasSuffix(f, "rates.csv") }) {
					t.Errorf("no rates.csv in %q", files)
				}
				for _, f := range files {
					checkCSV(t, f, bom, c.want)
				}
			})
		}
	}
}

// checkCSV reads file as CSV: a byte-order mark exactly when bom, a header
// holding the columns want, at least one row, every row as wide as the
// header.
func checkCSV(t *testing.T, file string, bom bool, want []string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if has := bytes.HasPrefix(b, []byte(cmdutil.BOM)); has != bom {
		t.Errorf("%s: byte-order mark %v, want %v", filepath.Base(file), has, bom)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(cmdutil.BOM))))
	rows, err := r.ReadAll() // checks every row has the header's width
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(file), err)
	}
	if len(rows) < 2 {
		t.Fatalf("%s: %d rows, want a header and data", filepath.Base(file), len(rows))
	}
	for _, w := range want {
		if !slices.Contains(rows[0], w) {
			t.Errorf("%s: header %q lacks %q", filepath.Base(file), rows[0], w)
		}
	}
}
