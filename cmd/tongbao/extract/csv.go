package extract

import (
	"sort"
	"strconv"
	"strings"

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
		row["start_date"], row["end_date"] = m.StartDate, m.EndDate
		if v, ok := m.TimeValue(); ok {
			row["value"] = v
		} else if sp, ok := m.TimeSpan(); ok {
			row["value"] = sp.Start + "/" + sp.End
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
