package stats

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil/cmdtest"
)

// parse checks args into options through runF, without reading a corpus.
func parse[O any](t *testing.T, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args []string) (*O, error) {
	t.Helper()
	o, out, err := cmdtest.Parse(newCmd, args...)
	if out != "" {
		t.Errorf("%v: wrote %q while parsing flags", args, out)
	}
	return o, err
}

// checkUsage asserts that args are a usage error found before running.
func checkUsage[O any](t *testing.T, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args []string) {
	t.Helper()
	if o, err := parse(t, newCmd, args); !cmdtest.IsUsage(o, err) {
		t.Errorf("%v: err %v, want a usage error before running", args, err)
	}
}

func TestFreqFlags(t *testing.T) {
	o, err := parse(t, NewCmdFreq, []string{"--top", "7", "--min-count", "3", "--csv", "--bom", "--group-by", "dir", "--pos", "n,v", "-j", "3", "a.txt", "b"})
	if err != nil || o == nil {
		t.Fatalf("err %v", err)
	}
	if o.Top != 7 || o.MinCount != 3 || !o.CSV || !o.BOM || !reflect.DeepEqual(o.Args, []string{"a.txt", "b"}) ||
		o.Stats.In.Jobs != 3 || !reflect.DeepEqual(o.Stats.POS, []string{"n", "v"}) || o.Counter == nil || o.Counter.Grouper == nil || o.IO == nil {
		t.Errorf("options %+v", o)
	}
	o, err = parse(t, NewCmdFreq, []string{"--unit", "slogan"})
	if err != nil || o.Counter.Unit != "slogan" || o.Counter.Grouper != nil || o.Top != 0 || o.MinCount != 1 || o.CSV {
		t.Errorf("defaults: %+v, %v", o, err)
	}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--unit", "sentence"},
		{"--unit", "slogan", "--pos", "n"},
		{"--group-by", "colour"},
		{"--group-by", "meta.year", "--group-bucket", "week"},
		{"--stopwords", filepath.Join(dir, "missing.txt")},
		{"--min-len", "-1"},
		{"--bom"},
		{"--resume", "-o", filepath.Join(dir, "x")},
		{"--unordered"},
		{"--jobs", "0"},
		{"--encoding", "ebcdic"},
	} {
		checkUsage(t, NewCmdFreq, args)
	}
}

func TestTFIDFFlags(t *testing.T) {
	o, err := parse(t, NewCmdTFIDF, []string{"-k", "4", "--save-idf", "x.json", "a.txt"})
	if err != nil || o.Top != 4 || o.SaveIDF != "x.json" || o.IDF != nil || len(o.Args) != 1 {
		t.Fatalf("options %+v, %v", o, err)
	}
	dir := t.TempDir()
	idf := write(t, dir, "idf.json", `{"docs":2,"df":{"改革":1}}`)
	if o, err = parse(t, NewCmdTFIDF, []string{"--idf", idf}); err != nil || o.IDF == nil || o.IDF.Docs != 2 {
		t.Fatalf("--idf: %+v, %v", o, err)
	}
	checkUsage(t, NewCmdTFIDF, []string{"--idf", filepath.Join(dir, "missing.json")})
	checkUsage(t, NewCmdTFIDF, []string{"--idf", write(t, dir, "bad.json", `{"docs":0}`)})
}

func TestKeynessFlags(t *testing.T) {
	o, err := parse(t, NewCmdKeyness, []string{"--target", "a/,b/", "--reference", "c/", "--measure", "chi2", "--correction", "yates", "--top", "5"})
	if err != nil || !reflect.DeepEqual(o.Target, []string{"a/", "b/"}) || !reflect.DeepEqual(o.Reference, []string{"c/"}) ||
		o.Keyness.Measure != "chi2" || o.Keyness.G2Correction != "yates" || o.Keyness.Top != 5 || o.Keyness.MinCount != 3 {
		t.Fatalf("options %+v, %v", o, err)
	}
	if o, err = parse(t, NewCmdKeyness, []string{"--group-by", "file", "a.txt"}); err != nil || len(o.Target) != 0 || o.Counter.Grouper == nil {
		t.Fatalf("grouped: %+v, %v", o, err)
	}
	for _, args := range [][]string{
		{"a.txt"},             // no target, no grouping
		{"--target", "a.txt"}, // no reference
		{"--target", "a", "--measure", "pmi", "b"},
		{"--target", "a", "--correction", "bonferroni", "b"},
	} {
		checkUsage(t, NewCmdKeyness, args)
	}
}

func TestSimilarityFlags(t *testing.T) {
	o, err := parse(t, NewCmdSimilarity, []string{"--measure", "jaccard", "-k", "2", "--csv", "a", "b"})
	if err != nil || o.Measure != "jaccard" || o.Top != 2 || !o.CSV || len(o.Args) != 2 {
		t.Fatalf("options %+v, %v", o, err)
	}
	checkUsage(t, NewCmdSimilarity, []string{"--measure", "euclid"})
	checkUsage(t, NewCmdSimilarity, []string{"--idf", filepath.Join(t.TempDir(), "missing.json")})
}

func TestCollocationsFlags(t *testing.T) {
	o, err := parse(t, NewCmdCollocations, []string{"--measure", "pmi", "--min-count", "10", "--min-word", "2", "--top", "30"})
	if err != nil || o.Measure != "pmi" || o.MinCount != 10 || o.MinWord != 2 || o.Top != 30 {
		t.Fatalf("options %+v, %v", o, err)
	}
	if o, _ = parse(t, NewCmdCollocations, nil); o.Measure != "g2" || o.MinCount != 5 || o.MinWord != 1 || o.Top != 100 {
		t.Errorf("defaults %+v", o)
	}
	checkUsage(t, NewCmdCollocations, []string{"--measure", "t"})
	checkUsage(t, NewCmdCollocations, []string{"--unit", "slogan"})
}

// The subcommands write to the factory's streams.
func TestStatsFactoryStreams(t *testing.T) {
	ios, _, out, _ := cmdutil.TestIO()
	dir := t.TempDir()
	a := write(t, dir, "a.txt", textA)
	cmd := NewCmdStats(&cmdutil.Factory{IOStreams: ios})
	cmd.SetArgs([]string{"freq", "-q", "--top", "1", a})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if rows := jsonLines(t, out.String()); len(rows) != 1 || rows[0]["term"] != "乡村振兴" {
		t.Errorf("rows %v", rows)
	}
}
