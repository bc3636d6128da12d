package extract

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

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

// TestCSVColumns checks that the column constants csvRows fills are the
// columns of CSVHeader.
func TestCSVColumns(t *testing.T) {
	cols := map[int]string{colID: "id", colType: "type", colText: "text", colStart: "start", colEnd: "end",
		colSentence: "sentence", colSection: "section", colValue: "value", colNumber: "number", colKind: "kind",
		colGrain: "grain", colStartDate: "start_date", colEndDate: "end_date", colUnit: "unit", colObject: "object",
		colApprox: "approx", colTitles: "titles", colOrg: "org", colRole: "role", colCode: "code", colLevel: "level",
		colCanonical: "canonical", colCategory: "category"}
	if len(CSVHeader) != numCols || len(cols) != numCols {
		t.Fatalf("%d columns in CSVHeader, %d constants, %d named here", len(CSVHeader), numCols, len(cols))
	}
	for i, h := range CSVHeader {
		if cols[i] != h {
			t.Errorf("column %d is %q, its constant says %q", i, h, cols[i])
		}
	}
}
