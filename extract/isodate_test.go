package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestISOBounds(t *testing.T) {
	ref := RefDate{Year: 2019, Month: 3, Day: 5}
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
		s, e := ISOBounds(c.v, ref)
		if s != c.start || e != c.end {
			t.Errorf("ISOBounds(%q) = %q, %q; want %q, %q", c.v, s, e, c.start, c.end)
		}
	}
	if s, e := ISOBounds("PRESENT_REF", RefDate{Year: 2019}); s != "2019-01-01" || e != "2019-12-31" {
		t.Errorf("PRESENT_REF with a year only = %q, %q", s, e)
	}
	if s, _ := ISOBounds("PRESENT_REF", RefDate{}); s != "" {
		t.Errorf("PRESENT_REF without a reference date = %q", s)
	}
}

// TestIndicatorPeriodDates: an indicator's period gives its start_date and
// end_date; a time's value gives its own.
func TestIndicatorPeriodDates(t *testing.T) {
	d := &Document{Mentions: []Mention{
		{Type: TypeIndicator, Period: "2024"},
		{Type: TypeIndicator, Period: "2021/2025"},
		{Type: TypeIndicator},
		{Type: TypeTime, Value: "2021-Q2"},
		{Type: TypeTime, Value: Span{Start: "2019", End: "P5Y"}},
	}}
	d.resolveDates()
	want := [][2]string{{"2024-01-01", "2024-12-31"}, {"2021-01-01", "2025-12-31"}, {"", ""}, {"2021-04-01", "2021-06-30"}, {"2019-01-01", ""}}
	for i, w := range want {
		if got := [2]string{d.Mentions[i].StartDate, d.Mentions[i].EndDate}; got != w {
			t.Errorf("%+v: %v, want %v", d.Mentions[i], got, w)
		}
	}
}

// TestISOHelpers checks the hand-written formatting and parsing of
// ISOBounds against fmt and strconv.
func TestISOHelpers(t *testing.T) {
	for _, ymd := range [][3]int{{2021, 3, 5}, {0, 1, 1}, {9999, 12, 31}, {10000, 1, 1}, {-5, 1, 1}, {1998, 100, 7}, {33, 0, 0}} {
		if got, want := isoDay(ymd[0], ymd[1], ymd[2]), fmt.Sprintf("%04d-%02d-%02d", ymd[0], ymd[1], ymd[2]); got != want {
			t.Errorf("isoDay%v = %q, want %q", ymd, got, want)
		}
	}
	for _, s := range []string{"2021", "03", "0", "", "Q1", "+5", "-5", "1_000", "١٢", "99999999999999999999", " 5", "W05"} {
		n, err := strconv.Atoi(s)
		wantOK := err == nil && n >= 0 && !strings.ContainsAny(s, "+-")
		got, ok := isoNumber(s)
		if ok != wantOK || ok && got != n {
			t.Errorf("isoNumber(%q) = %d, %v; want %d, %v", s, got, ok, n, wantOK)
		}
	}
}
