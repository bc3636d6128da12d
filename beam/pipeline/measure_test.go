package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMeasureMatchesTongbao runs measure in the pipeline and tongbao
// measure on the same files: the per-document rows and the region × year
// panel are identical.
func TestMeasureMatchesTongbao(t *testing.T) {
	dir := smallCorpus(t)
	for name, text := range map[string]string{
		"福建省/2019.md":    "---\ntitle: 2019年福建省人民政府工作报告\n---\n**各位代表：**\n我们推进**环保**和低碳发展，治理污染。\n",
		"福建省/2020.md":    "——2020年1月14日在福建省第十三届人民代表大会第三次会议上\n各位代表：\n治理污染，保护生态。污染防治。\n",
		"福建省/2020年补充.md": "各位代表：\n节能减排。\n",
		"云南省/2020.md":    "各位代表：\n建设美丽中国。\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dict := filepath.Join("..", "..", "testdata", "dict", "environment.yaml")
	// Files only: tongbao reads a folder a glob matches, Beam skips it.
	globs := []string{filepath.Join(dir, "*.*"), filepath.Join(dir, "*", "*")}
	out := t.TempDir()
	const n = 2
	run(t, Config{
		Inputs:  globs,
		Measure: MeasureConfig{Dict: dict, Output: filepath.Join(out, "m"), Panel: filepath.Join(out, "p")},
		Shards:  n,
		Workers: 1,
	})
	rows := shards(t, filepath.Join(out, "m"), n)
	want := tongbao(t, append([]string{"measure", "-q", "--dict", dict}, globs...)...)
	if len(want) < 15 {
		t.Fatalf("tongbao measure gave only %d rows", len(want))
	}
	sameSorted(t, "measure", rows, want)

	panel := shards(t, filepath.Join(out, "p"), n)
	wantPanel := tongbao(t, append([]string{"measure", "-q", "--dict", dict, "--by", "home,year"}, globs...)...)
	if !strings.Contains(strings.Join(wantPanel, ""), `"home":{"name":"福建省","code":"350000","level":"province"},"year":2020,"documents":2`) {
		t.Errorf("the panel lacks 福建省 2020 with two documents:\n%s", strings.Join(wantPanel, ""))
	}
	sameSorted(t, "measure --by home,year", panel, wantPanel)
}

func TestMeasureConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("env:\n  - 环保\n  oops\n"), 0o644)
	for _, c := range []struct {
		m    MeasureConfig
		want string
	}{
		{MeasureConfig{Panel: "p"}, "need --dict"},
		{MeasureConfig{Panel: "p", Dict: bad}, "bad.yaml:3:"},
		{MeasureConfig{Panel: "p", Dict: filepath.Join("..", "..", "testdata", "dict", "environment.yaml"), By: []string{"county"}}, "unknown group key"},
	} {
		cfg := Config{Inputs: []string{"x"}, Measure: c.m}
		if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.m, err, c.want)
		}
	}
}
