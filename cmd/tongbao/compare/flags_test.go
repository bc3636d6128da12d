package compare

import (
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil/cmdtest"
)

func parseFlags(t *testing.T, args ...string) (*Options, error) {
	t.Helper()
	o, out, err := cmdtest.Parse(NewCmdCompare, args...)
	if out != "" {
		t.Errorf("%v: output while parsing flags", args)
	}
	return o, err
}

// Flags become options, or a usage error, without reading a corpus.
func TestFlags(t *testing.T) {
	o, err := parseFlags(t, "--group-by", "file", "--html", "r.html", "--csv", "tables", "--bom", "--json",
		"--top-terms", "7", "--min-count", "2", "--measure", "chi2", "--top", "3", "--slogans", "9", "--kwic", "0",
		"--keep-numbers", "--title", "T", "--dict", "../../../testdata/dict/environment.yaml", "--match", "substring", "a/", "b/")
	if err != nil || o == nil {
		t.Fatalf("err %v", err)
	}
	if o.HTML != "r.html" || o.CSVDir != "tables" || !o.BOM || !o.JSON || o.Keyness.Top != 7 || o.Keyness.MinCount != 2 ||
		o.Keyness.Measure != "chi2" || o.Top != 3 || o.Slogans != 9 || o.KWIC != 0 || !o.KeepNumbers || o.Title != "T" ||
		o.Dict == nil || o.Match != "substring" || len(o.Args) != 2 || o.Counter == nil || o.Counter.Grouper == nil {
		t.Errorf("options %+v", o)
	}
	o, err = parseFlags(t, "--group-pattern", "(20..)", "a/")
	if err != nil || o.Dict != nil || o.Keyness.Top != 20 || o.Keyness.MinCount != 5 || o.Top != 20 || o.Slogans != 40 || o.KWIC != 3 || o.JSON {
		t.Errorf("defaults %+v, %v", o, err)
	}
	for _, args := range [][]string{
		{"a/"}, // no groups
		{"--group-by", "file", "--unit", "slogan", "a/"},
		{"--group-by", "file", "--bom", "a/"},
		{"--group-by", "file", "--measure", "pmi", "a/"},
		{"--group-by", "file", "--top", "-1", "a/"},
		{"--group-by", "file", "--kwic", "-2", "a/"},
		{"--group-by", "file", "--dict", "missing.yaml", "a/"},
		{"--group-by", "file", "--dict", "../../../testdata/dict/environment.yaml", "--match", "fuzzy", "a/"},
		{"--group-by", "file", "--resume", "a/"},
		{"--group-by", "colour", "a/"},
	} {
		if o, err := parseFlags(t, args...); !cmdtest.IsUsage(o, err) {
			t.Errorf("%v: err %v, want a usage error before running", args, err)
		}
	}
}
