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

// The columns of CSVHeader, by index (TestCSVColumns checks them).
const (
	colID = iota
	colType
	colText
	colStart
	colEnd
	colSentence
	colSection
	colValue
	colNumber
	colKind
	colGrain
	colStartDate
	colEndDate
	colUnit
	colObject
	colApprox
	colTitles
	colOrg
	colRole
	colCode
	colLevel
	colCanonical
	colCategory
	numCols
)

// csvRows returns the rows of d's mentions, in the columns of CSVHeader.
func csvRows(d *extract.Document) [][]string {
	rs := []rune(d.Text)
	sents := sentenceStarts(rs)
	rows := make([][]string, 0, len(d.Mentions))
	cells := make([]string, numCols*len(d.Mentions)) // the rows, in one allocation
	id := oneLine(d.ID)
	lastS, lastE, lastSent := -1, -1, "" // the sentence of the last mention
	for i := range d.Mentions {
		m := &d.Mentions[i]
		out := cells[i*numCols : (i+1)*numCols : (i+1)*numCols]
		out[colID], out[colType], out[colText] = id, oneLine(m.Type), oneLine(m.Text)
		out[colStart], out[colEnd] = strconv.Itoa(m.Start), strconv.Itoa(m.End)
		if s, e, ok := sentenceSpan(rs, sents, m.Start, m.End); ok && (s != lastS || e != lastE) {
			lastS, lastE, lastSent = s, e, oneLine(strings.TrimSpace(string(rs[s:e])))
		} else if !ok {
			lastS, lastE, lastSent = -1, -1, ""
		}
		out[colSentence] = lastSent // the mentions of a sentence share its string
		out[colSection] = oneLine(sectionAt(d.Sections, m.Start))
		if v, ok := m.TimeValue(); ok {
			out[colValue] = oneLine(v)
		} else if sp, ok := m.TimeSpan(); ok {
			out[colValue] = oneLine(sp.Start + "/" + sp.End)
		} else if n, ok := m.Number(); ok {
			out[colNumber] = strconv.FormatFloat(n, 'f', -1, 64)
		}
		out[colKind], out[colGrain] = oneLine(m.Kind), oneLine(m.Grain)
		out[colStartDate], out[colEndDate] = oneLine(m.StartDate), oneLine(m.EndDate)
		out[colUnit], out[colObject], out[colApprox] = oneLine(m.Unit), oneLine(m.Object), oneLine(m.Approx)
		out[colTitles] = oneLine(strings.Join(m.Titles, "；"))
		out[colOrg], out[colRole] = oneLine(m.Org), oneLine(m.Role)
		if m.Code != nil {
			out[colCode] = oneLine(*m.Code)
		}
		out[colLevel], out[colCanonical], out[colCategory] = oneLine(m.Level), oneLine(m.Canonical), oneLine(m.Category)
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

// sentenceSpan returns the span of the sentence that holds [start,end)
// (the sentences it spans, for a mention across a sentence end); ok is
// false for a span outside rs.
func sentenceSpan(rs []rune, starts []int, start, end int) (s, e int, ok bool) {
	if start < 0 || end > len(rs) || start > end {
		return 0, 0, false
	}
	i := sort.SearchInts(starts, start+1) - 1
	j := sort.SearchInts(starts, max(end, start+1))
	s = starts[max(i, 0)]
	e = len(rs)
	if j < len(starts) {
		e = starts[j]
	}
	return s, e, true
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
