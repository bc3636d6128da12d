package extract

import "time"

// calendarDay reports whether day d exists in month m of year y (no 2月30日,
// no 4月31日, 2月29日 in leap years only): an impossible date is no date.
func calendarDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
