package stats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/stats"
)

func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	cmd := New()
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetIn(strings.NewReader(""))
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	textA = "全县上下全面推进乡村振兴，乡村振兴取得新成效。县委书记主持召开会议，研究部署乡村振兴工作。"
	textB = "全市深化国有企业改革，推进改革开放，改革取得明显成效。市政府召开常务会议研究国有企业改革。"
)

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("bad JSON line %q: %v", l, err)
		}
		out = append(out, m)
	}
	return out
}

// counts returns what the library counts for text with the default filter.
func counts(t *testing.T, text string) map[string]int {
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	return stats.DocTerms(seg.Cut(text), &stats.Filter{Stopwords: stats.DefaultStopwords(), MinLen: 2})
}

func TestFreq(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "county-a/1.txt", textA)
	b := write(t, dir, "county-b/1.txt", textB)
	out, _, err := run(t, "freq", "-q", a, b)
	if err != nil {
		t.Fatal(err)
	}
	rows := jsonLines(t, out)
	want := counts(t, textA)
	for w, n := range counts(t, textB) {
		want[w] += n
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, r := range rows {
		term := r["term"].(string)
		if int(r["count"].(float64)) != want[term] {
			t.Errorf("%s: count %v, want %d", term, r["count"], want[term])
		}
		if i > 0 && r["count"].(float64) > rows[i-1]["count"].(float64) {
			t.Errorf("not sorted at %d", i)
		}
		if stats.DefaultStopwords()[term] || len([]rune(term)) < 2 {
			t.Errorf("stopword or short term %q", term)
		}
	}
	// grouped by folder, CSV
	out, _, err = run(t, "freq", "-q", "--group-by", "dir", "--csv", "--top", "2", a, b)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 || recs[0][0] != "group" || recs[1][0] != "county-a" || recs[3][0] != "county-b" {
		t.Errorf("grouped CSV: %v", recs)
	}
	if recs[1][1] != "乡村振兴" || recs[3][1] != "改革" {
		t.Errorf("top terms: %v, %v", recs[1], recs[3])
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", textA)
	for _, args := range [][]string{
		{"freq", "--unit", "sentence", a},
		{"freq", "--group-by", "colour", a},
		{"freq", "--group-by", "meta.year", "--group-bucket", "week", a},
		{"freq", "--stopwords", filepath.Join(dir, "missing.txt"), a},
		{"keyness", a},
		{"keyness", "--measure", "pmi", "--target", a, a},
		{"similarity", "--measure", "euclid", a},
		{"tfidf", "--idf", a, a},
		{"collocations", "--unit", "slogan", a},
		{"bogus"},
		{"freq", "--resume", a},
	} {
		_, _, err := run(t, args...)
		if cmdutil.Code(err) != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d (%v), want 2", args, cmdutil.Code(err), err)
		}
	}
}

func TestFailedDocumentStillCounts(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", textA)
	out, stderr, err := run(t, "freq", a, filepath.Join(dir, "missing.txt"))
	if cmdutil.Code(err) != cmdutil.ExitFailure {
		t.Fatalf("exit %d, want 1", cmdutil.Code(err))
	}
	if !strings.Contains(stderr, "missing.txt") || len(jsonLines(t, out)) == 0 {
		t.Errorf("stderr %q, output %q", stderr, out)
	}
}

func TestKeynessMatchesLibrary(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", strings.Repeat(textA, 3))
	b := write(t, dir, "b.txt", strings.Repeat(textB, 3))
	out, _, err := run(t, "keyness", "-q", "--min-count", "1", "--target", a, "--reference", b)
	if err != nil {
		t.Fatal(err)
	}
	rows := jsonLines(t, out)
	ca, cb := counts(t, strings.Repeat(textA, 3)), counts(t, strings.Repeat(textB, 3))
	var ta, tb int64
	for _, n := range ca {
		ta += int64(n)
	}
	for _, n := range cb {
		tb += int64(n)
	}
	if rows[0]["term"] != "乡村振兴" {
		t.Errorf("top key term %v, want 乡村振兴", rows[0]["term"])
	}
	last := rows[len(rows)-1]
	if last["g2"].(float64) >= 0 {
		t.Errorf("last row should be under-represented: %v", last)
	}
	for _, r := range rows {
		w := r["term"].(string)
		want, _ := stats.Score(int64(ca[w]), int64(cb[w]), ta, tb, stats.CorrectionWilliams, stats.MeasureG2)
		if math.Abs(r["g2"].(float64)-want.G2) > 1e-9 || math.Abs(r["chi2"].(float64)-want.Chi2) > 1e-9 ||
			int64(r["total_target"].(float64)) != ta || int64(r["n_reference"].(float64)) != int64(cb[w]) {
			t.Errorf("%s: %v, want %+v", w, r, want)
		}
	}
	// grouped: each group against the rest
	out, _, err = run(t, "keyness", "-q", "--group-by", "file", "--top", "1", "--min-count", "1", a, b)
	if err != nil {
		t.Fatal(err)
	}
	rows = jsonLines(t, out)
	if len(rows) != 2 || rows[0]["group"] != "a" || rows[0]["term"] != "乡村振兴" || rows[1]["group"] != "b" {
		t.Errorf("per group: %v", rows)
	}
}

func TestTFIDFSaveAndReuse(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", textA)
	b := write(t, dir, "b.txt", textB)
	idf := filepath.Join(dir, "idf.json")
	out1, _, err := run(t, "tfidf", "-q", "-k", "3", "--save-idf", idf, a, b)
	if err != nil {
		t.Fatal(err)
	}
	out2, _, err := run(t, "tfidf", "-q", "-k", "3", "--idf", idf, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if out1 != out2 {
		t.Errorf("with saved IDF:\n%s\nwithout:\n%s", out2, out1)
	}
	rows := jsonLines(t, out1)
	if len(rows) != 2 || rows[0]["id"] != a {
		t.Fatalf("rows %v", rows)
	}
	top := rows[0]["terms"].([]any)[0].(map[string]any)
	if top["term"] != "乡村振兴" || top["df"].(float64) != 1 {
		t.Errorf("top of a: %v", top)
	}
	// idf = ln(3/2) + 1 for a term in 1 of 2 documents; count 3
	if want := 3 * (math.Log(1.5) + 1); math.Abs(top["tfidf"].(float64)-want) > 1e-9 {
		t.Errorf("tfidf %v, want %v", top["tfidf"], want)
	}
}

func TestSimilarityMatrix(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", textA)
	a2 := write(t, dir, "a2.txt", textA+"县委召开会议。")
	b := write(t, dir, "b.txt", textB)
	out, _, err := run(t, "similarity", "-q", "--csv", a, a2, b)
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if len(recs) != 4 || recs[0][0] != "id" || recs[1][0] != a || recs[0][3] != b {
		t.Fatalf("matrix %v", recs)
	}
	if recs[1][1] != "1" || recs[1][2] != recs[2][1] {
		t.Errorf("diagonal/symmetry: %v", recs)
	}
	out, _, err = run(t, "similarity", "-q", "-k", "1", "--measure", "jaccard", a, a2, b)
	if err != nil {
		t.Fatal(err)
	}
	rows := jsonLines(t, out)
	if rows[0]["id"] != a {
		t.Errorf("row of a: %v", rows[0])
	}
	if nb := rows[0]["neighbours"].([]any)[0].(map[string]any); nb["id"] != a2 {
		t.Errorf("nearest of a: %v", nb)
	}
}

func TestCollocationsCommand(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", strings.Repeat("国有企业改革深入推进。", 6))
	out, _, err := run(t, "collocations", "-q", "--min-count", "3", a)
	if err != nil {
		t.Fatal(err)
	}
	rows := jsonLines(t, out)
	if len(rows) == 0 {
		t.Fatal("no collocations")
	}
	for _, r := range rows {
		if r["count"].(float64) < 3 || r["pmi"].(float64) <= 0 {
			t.Errorf("row %v", r)
		}
	}
}
