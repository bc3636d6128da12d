package extract

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract"
)

func TestISOBounds(t *testing.T) {
	ref := extract.RefDate{Year: 2019, Month: 3, Day: 5}
	for _, c := range []struct{ v, start, end string }{
		{"2021-03-26", "2021-03-26", "2021-03-26"},
		{"2021-03-26T09:00", "2021-03-26", "2021-03-26"},
		{"2020-02", "2020-02-01", "2020-02-29"},
		{"2021-Q4", "2021-10-01", "2021-12-31"},
		{"2021-H1", "2021-01-01", "2021-06-30"},
		{"2018", "2018-01-01", "2018-12-31"},
		{"199", "1990-01-01", "1999-12-31"},
		{"19", "1900-01-01", "1999-12-31"},
		{"PRESENT_REF", "2019-03-05", "2019-03-05"},
		{"PAST_REF", "", ""},
		{"P3Y", "", ""},
		{"2021-SU", "", ""},
		{"XXXX-XX-XX", "", ""},
		{"2021-13", "", ""},
		{"2021-02-30", "", ""},
		{"", "", ""},
	} {
		s, e := isoBounds(c.v, ref)
		if s != c.start || e != c.end {
			t.Errorf("isoBounds(%q) = %q, %q; want %q, %q", c.v, s, e, c.start, c.end)
		}
	}
	if s, e := isoBounds("PRESENT_REF", extract.RefDate{Year: 2019}); s != "2019-01-01" || e != "2019-12-31" {
		t.Errorf("PRESENT_REF with a year only = %q, %q", s, e)
	}
	if s, _ := isoBounds("PRESENT_REF", extract.RefDate{}); s != "" {
		t.Errorf("PRESENT_REF without a reference date = %q", s)
	}
}

func TestExtractCSV(t *testing.T) {
	text := "2019年政府工作报告\n一、2018年工作回顾\n过去一年，国内生产总值增长6.6%。城镇新增就业1361万人。\n"
	out, stderr, code := run(t, text, "--csv", "--bom", "--ref-date", "2019-03-05", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "\ufeff") {
		t.Fatalf("no byte-order mark: %q", out[:min(20, len(out))])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	found := map[string]bool{}
	for _, r := range rows[1:] {
		get := func(h string) string { return r[col[h]] }
		switch get("text") {
		case "2018年":
			found["year"] = true
			if get("start_date") != "2018-01-01" || get("end_date") != "2018-12-31" || get("section") != "一、2018年工作回顾" {
				t.Errorf("2018年: %q", r)
			}
		case "6.6%":
			found["percent"] = true
			if get("number") != "6.6" || get("unit") != "%" || get("sentence") != "过去一年，国内生产总值增长6.6%。" || get("section") != "一、2018年工作回顾" {
				t.Errorf("6.6%%: %q", r)
			}
		case "1361万人":
			found["people"] = true
			if get("number") != "13610000" || get("sentence") != "城镇新增就业1361万人。" {
				t.Errorf("1361万人: %q", r)
			}
		}
	}
	for _, k := range []string{"year", "percent", "people"} {
		if !found[k] {
			t.Errorf("no %s row in\n%s", k, out)
		}
	}
	if _, _, code := run(t, text, "--bom", "-"); code != cmdutil.ExitUsage {
		t.Errorf("--bom without --csv: exit %d, want a usage error", code)
	}
}
