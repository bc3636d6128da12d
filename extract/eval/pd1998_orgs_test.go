package eval

import (
	"reflect"
	"testing"
)

func TestPD1998OrgMapping(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []Span
	}{
		// a bare level-prefixed body and the armed forces are orgs
		{"19980101-01-001-001/m 市委/n 、/w 市政府/n 慰问/v 解放军/n 官兵/n", []Span{{"org", 0, 2}, {"org", 3, 6}, {"org", 8, 11}}},
		// split over units (省/n 人大/j 常委会/n)
		{"19980101-01-001-002/m 省/n 人大/j 常委会/n 召开/v 会议/n", []Span{{"org", 0, 6}}},
		// an office is not a body; a word that only ends like one is not
		{"19980101-01-001-003/m 委员/n 市场/n 政府/n", nil},
	} {
		d, err := ParsePD1998Line(tc.line)
		if err != nil {
			t.Fatal(err)
		}
		var got []Span
		for _, s := range d.Gold {
			if s.Type == "org" {
				got = append(got, s)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: org gold %v, want %v", tc.line, got, tc.want)
		}
	}
}
