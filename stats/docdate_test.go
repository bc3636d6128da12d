package stats

import (
	"testing"

	"github.com/tongbao/tongbao/extract"
)

func TestDocDate(t *testing.T) {
	date := "2021-03-26"
	dated := &extract.Document{Date: &date}
	undated := &extract.Document{}
	inferred := &extract.Document{}
	inferred.Ref.Year = 2019
	for _, c := range []struct {
		d    *extract.Document
		id   string
		meta map[string]any
		want string
	}{
		{dated, "2015.txt", map[string]any{"year": 2010.0}, "2021-03-26"}, // the text's own date first
		{undated, "2015.txt", map[string]any{"date": "2012-05", "year": 2010.0}, "2012-05"},
		{undated, "2015.txt", map[string]any{"date": "May 2012", "year": 2010.0}, "2010"}, // not starting with a year
		{undated, "2015.txt", map[string]any{"year": "2011"}, "2011"},
		{undated, "reports/2015.txt", map[string]any{"year": 99.0}, "2015"},
		{undated, `reports\hailar-2016-report.txt`, nil, "2016"},
		{undated, "reports/2016/a.txt", nil, ""}, // the file name only
		{undated, "a-20150.txt", nil, ""},        // not a year in a longer number
		{inferred, "a.txt", nil, "2019"},
	} {
		if got := DocDate(c.d, c.id, c.meta); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.id, c.meta, got, c.want)
		}
	}
}
