package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/extract"
)

const recSmall = `{"cases": [
 {"id": "D#0", "suite": "datetime", "kind": "model", "input": "29日你开心吗", "ref": "2018-01-22",
  "results": [{"start": 0, "end": 3, "text": "29日", "type": "date",
   "values": [{"timex": "XXXX-XX-29", "value": "2017-12-29"}, {"timex": "XXXX-XX-29", "value": "2018-01-29"}]}]},
 {"id": "D#1", "suite": "datetime", "kind": "model", "input": "1995-1997年的收入", "ref": "2017-03-22",
  "results": [{"start": 0, "end": 10, "text": "1995-1997年", "type": "daterange",
   "values": [{"timex": "(1995-01-01,1997-01-01,P2Y)", "start": "1995-01-01", "end": "1997-01-01"}]}]},
 {"id": "D#2", "suite": "datetime", "kind": "model", "input": "今日头条", "ref": "2019-08-28", "results": []},
 {"id": "D#3", "suite": "datetime", "kind": "model", "input": "中秋节", "ref": "2017-03-22",
  "results": [{"start": 0, "end": 3, "text": "中秋节", "type": "date",
   "values": [{"timex": "XXXX-08-15", "value": "2016-08-15"}, {"timex": "XXXX-08-15", "value": "2017-08-15"}]}]},
 {"id": "D#4", "suite": "datetime", "kind": "model", "input": "在2018年以前", "ref": "2017-03-22",
  "results": [{"start": 1, "end": 8, "text": "2018年以前", "type": "daterange",
   "values": [{"timex": "2018", "end": "2018-01-01", "Mod": "before"}]}]},
 {"id": "D#5", "suite": "datetime", "kind": "model", "input": "三年半", "ref": "2017-03-22",
  "results": [{"start": 0, "end": 3, "text": "三年半", "type": "duration", "values": [{"timex": "P3.5Y", "value": "110376000"}]}]},
 {"id": "D#6", "suite": "datetime", "kind": "model", "input": "下午5:00", "ref": "2017-03-22",
  "results": [{"start": 0, "end": 6, "text": "下午5:00", "type": "time", "values": [{"timex": "T17:00", "value": "17:00:00"}]}]},
 {"id": "D#7", "suite": "datetime", "kind": "model", "input": "3天", "ref": "2017-03-22", "duplicate_of": "D#5",
  "results": [{"start": 0, "end": 2, "text": "3天", "type": "duration", "values": [{"timex": "P3D"}]}]},
 {"id": "U#0", "suite": "currency", "kind": "model", "input": "１欧元可以", "ref": null,
  "results": [{"start": 0, "end": 3, "text": "１欧元", "type": "currency", "value": "1", "unit": "Euro", "iso": "EUR"}]},
 {"id": "U#1", "suite": "percent", "kind": "model", "input": "九成", "ref": null,
  "results": [{"start": 0, "end": 2, "text": "九成", "type": "percentage", "value": "90%", "unit": null}]},
 {"id": "U#2", "suite": "currency", "kind": "model", "input": "五角大楼宣布", "ref": null, "results": []}
]}`

func TestRecognizersScore(t *testing.T) {
	cases, err := ReadRecognizers(strings.NewReader(recSmall), "small")
	if err != nil {
		t.Fatal(err)
	}
	// A fixed system: the mentions each case gets.
	got := map[string][]extract.Mention{
		"D#0": {{Type: "time", Text: "29日", Start: 0, End: 3, Value: "2018-01-29"}},
		"D#1": {{Type: "time", Text: "1995-1997年", Start: 0, End: 10, Value: extract.Span{Start: "1995", End: "1997"}}},
		"D#2": {{Type: "time", Text: "今日", Start: 0, End: 2, Value: "2019-08-28"}},
		// 2016-09-15 is the 15th day of the 8th lunar month.
		"D#3": {{Type: "time", Text: "中秋节", Start: 0, End: 3, Value: "2016-09-15"}},
		"D#4": {{Type: "time", Text: "2018年以前", Start: 1, End: 8, Value: extract.Span{End: "2018"}}},
		"D#5": {{Type: "time", Text: "三年", Start: 0, End: 2, Value: "P3Y"}},
		"D#6": {{Type: "time", Text: "下午5", Start: 0, End: 3, Value: "T17"}},
		"U#0": {{Type: "count", Text: "１欧元", Start: 0, End: 3, Value: 1.0, Kind: "money", Unit: "欧元"}},
		"U#1": {{Type: "count", Text: "九成", Start: 0, End: 2, Value: 9.0, Kind: "ratio", Unit: "成"}},
		"U#2": {{Type: "count", Text: "五角", Start: 0, End: 2, Value: 5.0, Kind: "money", Unit: "角"}},
	}
	res, err := ScoreRecognizers(context.Background(), cases, func(c *RecCase) ([]extract.Mention, error) {
		return got[c.ID], nil
	}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cases != 10 {
		t.Errorf("cases = %d, want 10 (the duplicate skipped)", res.Cases)
	}
	d, u := res.Categories[RecDate], res.Categories[RecUnit]
	// date: 29日, 1995-1997年, 中秋节, 2018年以前 right; 三年 found with a
	// wrong value; the clock time out of scope; 今日 a false positive.
	if d.Results != 5 || d.Found != 5 || d.Right != 4 || d.FP != 1 {
		t.Errorf("date = %+v, want 5 results, 5 found, 4 right, 1 false positive", *d)
	}
	// unit: the euro right, 九成 found as a ratio of 9 (wrong), 五角 a
	// false positive.
	if u.Results != 2 || u.Found != 2 || u.Right != 1 || u.FP != 1 {
		t.Errorf("unit = %+v, want 2 results, 2 found, 1 right, 1 false positive", *u)
	}
	if res.FP != 2 {
		t.Errorf("false positives = %d, want 2", res.FP)
	}
}

func TestRecognizersBadInput(t *testing.T) {
	for _, in := range []string{
		`{"cases": []}`,
		`not json`,
		`{"cases": [{"id": "x", "input": "ab", "results": [{"start": 1, "end": 5, "type": "date"}]}]}`,
		`{"cases": [{"id": "x", "input": "ab", "ref": "2019-13-40", "results": []}]}`,
	} {
		if _, err := ReadRecognizers(strings.NewReader(in), "bad"); err == nil {
			t.Errorf("%s: no error", in)
		}
	}
}

func TestTimeInterval(t *testing.T) {
	cases := map[string]string{
		"2009":          "2009-01-01..2010-01-01",
		"2016-05":       "2016-05-01..2016-06-01",
		"2017-W13-WE":   "2017-04-01..2017-04-03",
		"2017-W13":      "2017-03-27..2017-04-03",
		"2017-W12-3":    "2017-03-22..2017-03-23",
		"2019-H2":       "2019-07-01..2020-01-01",
		"2017-Q1":       "2017-01-01..2017-04-01",
		"2021-04-08TAF": "2021-04-08..2021-04-09",
		"187X":          "1870-01-01..1880-01-01",
	}
	for v, want := range cases {
		iv, ok := timeInterval(v)
		if !ok {
			t.Errorf("%s: no interval", v)
			continue
		}
		if got := iv.start.Format(isoDay) + ".." + iv.end.Format(isoDay); got != want {
			t.Errorf("%s = %s, want %s", v, got, want)
		}
	}
	for _, v := range []string{"2019-02-29", "PAST_REF", "XXXX-03-26", "2019-13"} {
		if _, ok := timeInterval(v); ok {
			t.Errorf("%s: interval for a value that has none", v)
		}
	}
}

func TestRecognizersFloors(t *testing.T) {
	r := &RecResultSet{Categories: map[string]*RecCounts{
		RecDate: {Results: 10, Found: 10, Right: 9},
		RecUnit: {Results: 4, Found: 4, Right: 4},
	}, FP: 3}
	for _, c := range []struct {
		floors  map[string]float64
		keysErr bool
		fail    string
	}{
		{floors: map[string]float64{"date": 0.9, "unit": 0.9, "max_false_positives": 5}},
		{floors: map[string]float64{"date": 0.91}, fail: "date: 0.9000"},
		{floors: map[string]float64{"max_false_positives": 2}, fail: "3 false positives"},
		{floors: map[string]float64{"dates": 0.5}, keysErr: true},
	} {
		f := Floors{FormatRecognizers: c.floors}
		if err := f.RecognizersKeys(); (err != nil) != c.keysErr {
			t.Errorf("%v: RecognizersKeys %v", c.floors, err)
		}
		if c.keysErr {
			continue
		}
		err := f.CheckRecognizers(r)
		if c.fail == "" && err != nil || c.fail != "" && (err == nil || !strings.Contains(err.Error(), c.fail)) {
			t.Errorf("%v: CheckRecognizers %v, want failure %q", c.floors, err, c.fail)
		}
	}
}
