package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ISOBounds returns the first and last day (YYYY-MM-DD) of a time value:
// a date or date-time, a month, a quarter (2021-Q1), a half (2021-H1), a
// year, a decade (199) or a century (19); PRESENT_REF is the reference
// date. Both are "" for values that do not resolve to days (durations,
// sets, seasons, PAST_REF, FUTURE_REF, unknown parts).
func ISOBounds(v string, ref RefDate) (start, end string) {
	day := isoDay
	last := func(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }
	months := func(y, m1, m2 int) (string, string) { return day(y, m1, 1), day(y, m2, last(y, m2)) }
	if v == "PRESENT_REF" {
		switch {
		case ref.Year == 0:
			return "", ""
		case ref.Month == 0:
			return months(ref.Year, 1, 12)
		case ref.Day == 0:
			return months(ref.Year, ref.Month, ref.Month)
		}
		s := day(ref.Year, ref.Month, ref.Day)
		return s, s
	}
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	num := isoNumber
	parts := strings.Split(v, "-")
	switch len(parts[0]) {
	case 2, 3: // century, decade
		n, ok := num(parts[0])
		if !ok || len(parts) > 1 {
			return "", ""
		}
		if len(parts[0]) == 2 {
			return day(n*100, 1, 1), day(n*100+99, 12, 31)
		}
		return day(n*10, 1, 1), day(n*10+9, 12, 31)
	case 4:
	default:
		return "", ""
	}
	y, ok := num(parts[0])
	if !ok || y == 0 {
		return "", ""
	}
	if len(parts) == 1 {
		return months(y, 1, 12)
	}
	p := parts[1]
	if len(parts) == 2 && len(p) == 2 {
		switch p {
		case "Q1", "Q2", "Q3", "Q4":
			q := int(p[1] - '0')
			return months(y, 3*q-2, 3*q)
		case "H1":
			return months(y, 1, 6)
		case "H2":
			return months(y, 7, 12)
		}
	}
	m, ok := num(p)
	if !ok || len(p) != 2 || m < 1 || m > 12 {
		return "", ""
	}
	if len(parts) == 2 {
		return months(y, m, m)
	}
	dd, ok := num(parts[2])
	if len(parts) != 3 || !ok || len(parts[2]) != 2 || dd < 1 || dd > last(y, m) {
		return "", ""
	}
	s := day(y, m, dd)
	return s, s
}

// resolveDates sets StartDate and EndDate of every time mention whose
// value resolves to days (see ISOBounds): a span from its start's first
// day to its end's last day; and of every indicator whose period does
// (2024; 2021/2025 from the first year's first day to the last's last).
func (d *Document) resolveDates() {
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Type == TypeIndicator && m.Period != "" {
			first, last, _ := strings.Cut(m.Period, "/")
			if last == "" {
				last = first
			}
			s, _ := ISOBounds(first, d.Ref)
			_, e := ISOBounds(last, d.Ref)
			if s != "" && e != "" && s <= e {
				m.StartDate, m.EndDate = s, e
			}
			continue
		}
		if v, ok := m.TimeValue(); ok {
			m.StartDate, m.EndDate = ISOBounds(v, d.Ref)
		} else if sp, ok := m.TimeSpan(); ok {
			m.StartDate, _ = ISOBounds(sp.Start, d.Ref)
			_, m.EndDate = ISOBounds(sp.End, d.Ref)
		}
	}
}

// isoDay formats a day as YYYY-MM-DD (fmt's %04d-%02d-%02d, written by
// hand for the years and days of ordinary dates).
func isoDay(y, m, d int) string {
	if y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// isoNumber reads a part of an ISO value written in decimal digits only;
// ok is false for anything else (Q1, W05, a sign), without the error
// strconv would build.
func isoNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}
