package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tongbao/tongbao/extract"
)

// CSVHeader names the columns of extract --csv: one row per mention.
var CSVHeader = []string{
	"id", "type", "text", "start", "end", "sentence", "section",
	"value", "number", "kind", "grain", "start_date", "end_date",
	"unit", "object", "approx", "titles", "org", "role",
	"code", "level", "canonical", "category",
}

// csvRows returns the rows of d's mentions, in the columns of CSVHeader.
func csvRows(d *extract.Document) [][]string {
	rs := []rune(d.Text)
	sents := sentenceStarts(rs)
	rows := make([][]string, 0, len(d.Mentions))
	for i := range d.Mentions {
		m := &d.Mentions[i]
		row := map[string]string{
			"id": d.ID, "type": m.Type, "text": m.Text,
			"start": strconv.Itoa(m.Start), "end": strconv.Itoa(m.End),
			"sentence": sentenceAt(rs, sents, m.Start, m.End),
			"section":  sectionAt(d.Sections, m.Start),
			"kind":     m.Kind, "grain": m.Grain,
			"unit": m.Unit, "object": m.Object, "approx": m.Approx,
			"titles": strings.Join(m.Titles, "；"), "org": m.Org, "role": m.Role,
			"level": m.Level, "canonical": m.Canonical, "category": m.Category,
		}
		if m.Code != nil {
			row["code"] = *m.Code
		}
		if v, ok := m.TimeValue(); ok {
			row["value"] = v
			row["start_date"], row["end_date"] = isoBounds(v, d.Ref)
		} else if sp, ok := m.TimeSpan(); ok {
			row["value"] = sp.Start + "/" + sp.End
			row["start_date"], _ = isoBounds(sp.Start, d.Ref)
			_, row["end_date"] = isoBounds(sp.End, d.Ref)
		} else if n, ok := m.Number(); ok {
			row["number"] = strconv.FormatFloat(n, 'f', -1, 64)
		}
		out := make([]string, len(CSVHeader))
		for j, h := range CSVHeader {
			out[j] = oneLine(row[h])
		}
		rows = append(rows, out)
	}
	return rows
}

// isoBounds returns the first and last day (YYYY-MM-DD) of a time value:
// a date or date-time, a month, a quarter (2021-Q1), a half (2021-H1), a
// year, a decade (199) or a century (19); PRESENT_REF is the reference
// date. Both are "" for values that do not resolve to days (durations,
// sets, seasons, PAST_REF, FUTURE_REF, unknown parts).
func isoBounds(v string, ref extract.RefDate) (start, end string) {
	day := func(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }
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
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 0 && !strings.ContainsAny(s, "+-")
	}
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

// sentenceStarts returns the offsets where sentences start in rs: after
// 。！？ (and the closing quotes and brackets that follow them) and after
// line ends.
func sentenceStarts(rs []rune) []int {
	starts := []int{0}
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '。', '！', '？', '!', '?', '\n':
			j := i + 1
			for j < len(rs) && strings.ContainsRune("”’」』）)》", rs[j]) {
				j++
			}
			if j < len(rs) {
				starts = append(starts, j)
			}
			i = j - 1
		}
	}
	return starts
}

// sentenceAt returns the sentence that holds [start,end), trimmed of
// spaces; a mention across a sentence end takes the sentences it spans.
func sentenceAt(rs []rune, starts []int, start, end int) string {
	if start < 0 || end > len(rs) || start > end {
		return ""
	}
	i := sort.SearchInts(starts, start+1) - 1
	j := sort.SearchInts(starts, max(end, start+1))
	s := starts[max(i, 0)]
	e := len(rs)
	if j < len(starts) {
		e = starts[j]
	}
	return strings.TrimSpace(string(rs[s:e]))
}

// sectionAt returns the heading of the innermost section that offset
// stands in: the last heading before it ("" before the first).
func sectionAt(secs []extract.Section, offset int) string {
	h := ""
	for _, s := range secs {
		if s.Start > offset {
			break
		}
		h = s.Text
	}
	return h
}
