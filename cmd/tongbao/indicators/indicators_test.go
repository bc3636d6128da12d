package indicators

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

// report is a short work report of the genre, written for this test: a
// review of 2018 and the targets of 2019.
const report = `2019年某某省人民政府工作报告

一、2018年工作回顾

全省地区生产总值增长7.2%，总量达到2.1万亿元。城乡居民人均可支配收入分别增长8%和9%。

二、2019年主要任务

今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，居民消费价格涨幅3%左右，城镇调查失业率控制在5.5%以内。地区生产总值增长7%左右。
`

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ios, in, o, e := cmdutil.TestIO()
	in.WriteString(stdin)
	cmd := NewCmdIndicators(&cmdutil.Factory{IOStreams: ios}, nil)
	cmd.SetArgs(args)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return o.String(), e.String(), cmdutil.Code(err)
}

// TestRows reads the report from standard input and checks its rows: the
// review's results for 2018, the targets for 2019, the repeated target
// given once.
func TestRows(t *testing.T) {
	out, errOut, code := run(t, report, "-q", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []Row
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r Row
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("not a JSON row: %q: %v", l, err)
		}
		rows = append(rows, r)
	}
	got := map[string]Row{}
	for _, r := range rows {
		k := r.Indicator + " " + r.Measure + " " + r.Status + " " + r.Period
		if _, dup := got[k]; dup {
			t.Errorf("key %q twice", k)
		}
		got[k] = r
	}
	want := map[string]struct {
		value  float64
		approx string
	}{
		"gdp growth actual 2018":                     {7.2, "exact"},
		"gdp level actual 2018":                      {2.1, "exact"},
		"urban_disposable_income growth actual 2018": {8, "exact"},
		"rural_disposable_income growth actual 2018": {9, "exact"},
		"gdp growth target 2019":                     {7, "about"},
		"cpi growth target 2019":                     {3, "about"},
		"surveyed_unemployment share target 2019":    {5.5, "under"},
	}
	for k, w := range want {
		r, ok := got[k]
		if !ok {
			t.Errorf("no row %q (rows: %v)", k, rows)
			continue
		}
		if r.Value != w.value || r.Approx != w.approx {
			t.Errorf("%s: value %v approx %s, want %v %s", k, r.Value, r.Approx, w.value, w.approx)
		}
		if r.Year == nil || *r.Year != 2019 {
			t.Errorf("%s: year %v, want 2019", k, r.Year)
		}
	}
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d", len(rows), len(want))
	}
}

// TestCSV checks the header, the BOM and that every row has every column.
func TestCSV(t *testing.T) {
	out, errOut, code := run(t, report, "-q", "--csv", "--bom", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\uFEFF") {
		t.Errorf("no BOM")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(Header, ",") {
		t.Errorf("header %v", recs[0])
	}
	if len(recs) != 8 {
		t.Errorf("%d records, want header and 7 rows", len(recs))
	}
}

// TestFlags checks the usage errors.
func TestFlags(t *testing.T) {
	for _, args := range [][]string{{"--bom", "-"}, {"--csv", "--pretty", "-"}, {"--resume", "-o", "x.jsonl", "-"}} {
		_, _, code := run(t, report, args...)
		if code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, cmdutil.ExitUsage)
		}
	}
	var got *Options
	ios, _, _, _ := cmdutil.TestIO()
	cmd := NewCmdIndicators(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--csv", "a.md", "b/"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || !got.CSV || len(got.Args) != 2 {
		t.Errorf("options %+v", got)
	}
}
