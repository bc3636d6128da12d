package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/tongbao/tongbao/stats"
)

// smallCorpus copies a few files of ../../testdata into a temporary
// folder: the sample bulletin (UTF-8 and GBK), a JSONL file, a zip and a
// tar.gz archive, and a binary file (an error record).
func smallCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{
		"000_776449805ff1d07a.txt",
		"gbk/000_776449805ff1d07a.gbk.txt",
		"jsonl/bulletins.jsonl",
		"archives/three.zip",
		"archives/three.tar.gz",
		"binary/not-text.png",
		"binary/renda.txt",
	} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tongbaoBin is the tongbao command, built from the main module by TestMain
// (with the main module's own go.mod, so that this module needs none of the
// CLI's dependencies).
var tongbaoBin string

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	dir, err := os.MkdirTemp("", "tongbao-beam-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tongbaoBin = filepath.Join(dir, "tongbao")
	build := exec.Command("go", "build", "-o", tongbaoBin, "./cmd/tongbao")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building tongbao: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// tongbao runs the tongbao command and returns its output lines. Exit
// status 1 (some documents failed) is expected with the binary file.
func tongbao(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command(tongbaoBin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		t.Fatalf("tongbao %q: %v\n%s", args, err, errb.String())
	}
	return lines(out.String())
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// run runs the pipeline on Prism in-process.
func run(t *testing.T, cfg Config) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if _, err := Build(s, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
}

// shards reads the n shard files of prefix, checking that each exists.
func shards(t *testing.T, prefix string, n int) []string {
	t.Helper()
	var out []string
	for i := 0; i < n; i++ {
		b, err := os.ReadFile(ShardName(prefix, i, n))
		if err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		out = append(out, lines(string(b))...)
	}
	return out
}

func sameSorted(t *testing.T, what string, got, want []string) {
	t.Helper()
	sort.Strings(got)
	sort.Strings(want)
	if len(got) != len(want) {
		t.Errorf("%s: %d records from Beam, %d from tongbao", what, len(got), len(want))
	}
	t.Logf("%s: %d records from Beam, %d from tongbao", what, len(got), len(want))
	n := 0
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			if n++; n <= 3 {
				t.Errorf("%s: record %d differs:\nbeam:    %.300s\ntongbao: %.300s", what, i, got[i], want[i])
			}
		}
	}
}

func TestPipelineMatchesTongbao(t *testing.T) {
	dir := smallCorpus(t)
	glob := filepath.Join(dir, "*")
	out := t.TempDir()
	const n = 3
	run(t, Config{
		Inputs: []string{glob},
		Output: filepath.Join(out, "records"),
		Terms:  filepath.Join(out, "terms"),
		Shards: n,
		MinLen: 2,
		// One worker: batches of 8 documents, so a bundle of the 14
		// flushes both mid-bundle and at its end.
		Workers: 1,
	})

	recs := shards(t, filepath.Join(out, "records"), n)
	want := tongbao(t, "extract", "-q", "--jobs", "2", glob)
	if len(want) < 10 {
		t.Fatalf("tongbao extract gave only %d records", len(want))
	}
	var errRecs, fromJSONL, fromZip int
	for _, r := range recs {
		errRecs += strings.Count(r, `"error":`)
		fromJSONL += strings.Count(r, `"id":"qianxi-2021-04-20"`) + strings.Count(r, `bulletins.jsonl:3"`)
		fromZip += strings.Count(r, `three.zip!`)
	}
	if errRecs != 1 || fromJSONL != 2 || fromZip != 3 {
		t.Errorf("Beam records: %d error records (want 1, the PNG), %d of the checked JSONL ids (want 2), %d zip members (want 3)", errRecs, fromJSONL, fromZip)
	}
	sameSorted(t, "extract", recs, want)

	rows := shards(t, filepath.Join(out, "terms"), n)
	wantRows := tongbao(t, "stats", "freq", "-q", "--jobs", "2", glob)
	if len(wantRows) < 100 {
		t.Fatalf("tongbao stats freq gave only %d rows", len(wantRows))
	}
	sameSorted(t, "stats freq", rows, wantRows)
}

func TestPipelineOptionsMatchTongbao(t *testing.T) {
	dir := smallCorpus(t)
	in := filepath.Join(dir, "000_776449805ff1d07a.txt")
	out := t.TempDir()
	run(t, Config{
		Inputs:   []string{in},
		Output:   filepath.Join(out, "r"),
		Types:    []string{"time", "count"},
		RefDate:  "2021-04-20",
		Terms:    filepath.Join(out, "t"),
		Unit:     "word",
		POS:      []string{"n"},
		MinLen:   1,
		MinCount: 2,
		Shards:   1,
	})
	sameSorted(t, "extract --types time,count --ref-date 2021-04-20", shards(t, filepath.Join(out, "r"), 1),
		tongbao(t, "extract", "-q", "--types", "time,count", "--ref-date", "2021-04-20", in))
	sameSorted(t, "stats freq --pos n --min-len 1 --min-count 2", shards(t, filepath.Join(out, "t"), 1),
		tongbao(t, "stats", "freq", "-q", "--pos", "n", "--min-len", "1", "--min-count", "2", in))
}

// TestJSONLThroughTextio reads a JSONL file line by line (textio): records
// with an id field give tongbao's records; the one without gets LineID.
func TestJSONLThroughTextio(t *testing.T) {
	dir := smallCorpus(t)
	in := filepath.Join(dir, "bulletins.jsonl")
	out := t.TempDir()
	run(t, Config{JSONL: []string{in}, Output: filepath.Join(out, "r"), Terms: filepath.Join(out, "t"), Shards: 2, MinLen: 2})

	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var src []string
	for sc.Scan() {
		src = append(src, sc.Text())
	}
	want := tongbao(t, "extract", "-q", in)
	renamed := 0
	for i, r := range want {
		for ln, line := range src {
			old := `"id":"` + in + ":" + strconv.Itoa(ln+1) + `"`
			if strings.Contains(r, old) {
				want[i] = strings.Replace(r, old, `"id":"`+LineID(in, line)+`"`, 1)
				renamed++
			}
		}
	}
	if renamed != 1 {
		t.Fatalf("%d records without an id field in the test file, want 1", renamed)
	}
	sameSorted(t, "extract via textio", shards(t, filepath.Join(out, "r"), 2), want)
	sameSorted(t, "stats freq via textio", shards(t, filepath.Join(out, "t"), 2), tongbao(t, "stats", "freq", "-q", in))
}

func TestConfigCheck(t *testing.T) {
	for _, c := range []Config{
		{},
		{Inputs: []string{"x"}},
		{Inputs: []string{"x"}, Output: "o", Shards: -1},
		{Inputs: []string{"x"}, Output: "o", Types: []string{"nonsense"}},
		{Inputs: []string{"x"}, Output: "o", RefDate: "20.4.2021"},
		{Inputs: []string{"x"}, Output: "o", Encoding: "klingon"},
		{Inputs: []string{"x"}, Terms: "t", Unit: "nonsense"},
		{Inputs: []string{"x"}, Terms: "t", Unit: "time", POS: []string{"n"}},
		{Inputs: []string{"x"}, Output: "o", Workers: -1},
		{Inputs: []string{"x"}, Keyness: "k"},
		{Inputs: []string{"x"}, Keyness: "k", GroupBy: []string{"bogus"}},
		{Inputs: []string{"x"}, Keyness: "k", GroupBy: []string{"dir"}, KeynessOpts: stats.KeynessOptions{Measure: "nonsense"}},
	} {
		if err := c.Check(); err == nil {
			t.Errorf("Check(%+v) = nil, want an error", c)
		}
	}
	c := Config{Inputs: []string{"x"}, Output: "o"}
	if err := c.Check(); err != nil || c.Shards != 4 || c.Unit != "word" {
		t.Errorf("Check of a good config: %v, shards %d unit %q", err, c.Shards, c.Unit)
	}
	all := Config{Inputs: []string{"x"}, Output: "o", Types: []string{"all"}}
	if err := all.Check(); err != nil {
		t.Errorf("Check with --types all: %v", err)
	}
}

func TestParallelKeepsOrder(t *testing.T) {
	docs := make([]Doc, 1000)
	for i := range docs {
		docs[i].ID = strconv.Itoa(i)
	}
	for _, n := range []int{0, 1, 3, 2000} {
		got := parallel(docs, n, func(d Doc) string { return d.ID + "!" })
		if len(got) != len(docs) {
			t.Fatalf("workers %d: %d results for %d documents", n, len(got), len(docs))
		}
		for i := range got {
			if got[i] != docs[i].ID+"!" {
				t.Fatalf("workers %d: result %d is %q", n, i, got[i])
			}
		}
	}
	if got := parallel(nil, 4, func(d Doc) int { return 1 }); len(got) != 0 {
		t.Errorf("no documents: %d results", len(got))
	}
}

func TestKeynessMatchesTongbao(t *testing.T) {
	dir := smallCorpus(t)
	glob := filepath.Join(dir, "*")
	for _, tc := range []struct {
		opts stats.KeynessOptions
		args []string
	}{
		{stats.KeynessOptions{Measure: "g2", G2Correction: "williams", MinCount: 3}, nil},
		{stats.KeynessOptions{Measure: "chi2", G2Correction: "yates", MinCount: 2, Top: 5},
			[]string{"--measure", "chi2", "--correction", "yates", "--min-count", "2", "--top", "5"}},
	} {
		out := t.TempDir()
		run(t, Config{
			Inputs:      []string{glob},
			Keyness:     filepath.Join(out, "k"),
			GroupBy:     []string{"file"},
			KeynessOpts: tc.opts,
			MinLen:      2,
			Shards:      2,
		})
		got := shards(t, filepath.Join(out, "k"), 2)
		want := tongbao(t, append([]string{"stats", "keyness", "-q", "--group-by", "file", glob}, tc.args...)...)
		if len(want) < 10 {
			t.Fatalf("tongbao stats keyness %q gave only %d rows", tc.args, len(want))
		}
		sameSorted(t, fmt.Sprintf("stats keyness --group-by file %q", tc.args), got, want)
	}
}
