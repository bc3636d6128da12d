package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// ReadPD1998 reads the People's Daily January 1998 corpus with PKU tags:
// one paragraph per line, the first token the paragraph id
// (YYYYMMDD-PP-AAA-SSS/m), then word/TAG tokens separated by runs of spaces,
// with bracketed compounds [w1/t1 … wn/tn]X. Blank lines are skipped; name
// labels errors.
//
// A paragraph's text is its words joined with nothing between them. Its
// gold mentions are:
//
//   - person: a maximal run of consecutive nr tokens (江/nr 泽民/nr);
//   - place: a maximal run of ns units, a unit being an ns token or a
//     bracketed [...]ns compound;
//   - org: the same with nt, mapped to the project's guideline (see
//     mapPDOrgs): bare level-prefixed bodies (省委, 市政府), 人大, 政协 and
//     the armed forces (解放军, 武警) are orgs;
//   - time: a maximal run of t tokens;
//   - count: a maximal run of m tokens directly followed by a run of q
//     tokens, the span covering both (３０余/m 本/q), mapped to the
//     project's guideline (see mapMeasure): a run opening with 第 or 首 is
//     an ordinal (no mention); one whose measure words are a time unit is
//     a time (a duration), merged with a time run it touches;
//   - book: the text between 《 and 》, brackets excluded (nested pairs
//     give one mention each; an empty pair gives none).
//
// Tokens inside a [...]nt or [...]ns compound count for that compound only;
// tokens inside other compounds ([...]nz, [...]i, [...]l) count as if
// unbracketed. Book titles are found in the text, compounds or not.
// Doc.Ref is the date in the paragraph id.
func ReadPD1998(r io.Reader, name string) ([]Doc, error) {
	var docs []Doc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		d, err := ParsePD1998Line(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return docs, nil
}

// pdUnit is a token, or a whole [...]nt / [...]ns compound, with its tag
// and code-point span.
type pdUnit struct {
	tag        string
	start, end int
	word       string // the token's or compound's text
}

// ParsePD1998Line parses one non-blank paragraph line of the PD1998 corpus
// (see ReadPD1998).
func ParsePD1998Line(line string) (Doc, error) {
	if !utf8.ValidString(line) {
		return Doc{}, fmt.Errorf("not valid UTF-8")
	}
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return Doc{}, fmt.Errorf("empty line")
	}
	id, ref, err := parsePDID(fields[0])
	if err != nil {
		return Doc{}, err
	}
	var (
		text     strings.Builder
		units    []pdUnit
		pos      int
		inComp   bool
		compFrom int // code-point start of the open compound
		// compUnits is where the open compound's tokens begin in units.
		compUnits int
		compByte  int // byte offset in text where the open compound starts
	)
	for _, tok := range fields[1:] {
		open := false
		if len(tok) > 1 && tok[0] == '[' && strings.LastIndexByte(tok, '/') > 1 {
			open = true
			tok = tok[1:]
		}
		slash := strings.LastIndexByte(tok, '/')
		if slash <= 0 || slash == len(tok)-1 {
			return Doc{}, fmt.Errorf("token %q is not word/TAG", tok)
		}
		word, tag := tok[:slash], tok[slash+1:]
		closeTag := ""
		if k := strings.IndexByte(tag, ']'); k >= 0 {
			tag, closeTag = tag[:k], tag[k+1:]
			if closeTag == "" || tag == "" {
				return Doc{}, fmt.Errorf("token %q: bad compound end", tok)
			}
		}
		if open {
			if inComp {
				return Doc{}, fmt.Errorf("token %q: nested compound", tok)
			}
			inComp, compFrom, compUnits, compByte = true, pos, len(units), text.Len()
		}
		n := utf8.RuneCountInString(word)
		units = append(units, pdUnit{tag: tag, start: pos, end: pos + n, word: word})
		text.WriteString(word)
		pos += n
		if closeTag != "" {
			if !inComp {
				return Doc{}, fmt.Errorf("token %q closes a compound that was not opened", tok)
			}
			inComp = false
			if closeTag == "nt" || closeTag == "ns" {
				// The compound replaces its tokens.
				units = append(units[:compUnits], pdUnit{tag: closeTag, start: compFrom, end: pos, word: text.String()[compByte:]})
			}
		}
	}
	if inComp {
		return Doc{}, fmt.Errorf("compound opened at code point %d is not closed", compFrom)
	}
	d := Doc{ID: id, Text: text.String(), Ref: ref}
	d.Gold = pdMentions(units, []rune(d.Text))
	return d, nil
}

// parsePDID checks the id token YYYYMMDD-PP-AAA-SSS/m and returns the id
// and its date.
func parsePDID(tok string) (string, time.Time, error) {
	id, tag, ok := strings.Cut(tok, "/")
	if !ok || tag != "m" || len(id) < 8 {
		return "", time.Time{}, fmt.Errorf("first token %q is not a paragraph id YYYYMMDD-PP-AAA-SSS/m", tok)
	}
	ref, err := time.Parse("20060102", id[:8])
	if err != nil {
		return "", time.Time{}, fmt.Errorf("paragraph id %q does not start with a date YYYYMMDD", id)
	}
	return id, ref, nil
}

// pdTypes maps unit tags to the mention types made of their runs.
var pdTypes = map[string]string{"nr": "person", "ns": "place", "nt": "org", "t": "time"}

func pdMentions(units []pdUnit, text []rune) []Span {
	mapPDOrgs(units)
	out := unitRuns(units)
	out = append(out, bookSpans(text)...)
	SortSpans(out)
	return out
}

// unitRuns returns the person, place, org, time and count mentions made of
// runs of units (see ReadPD1998).
func unitRuns(units []pdUnit) []Span {
	var out []Span
	for i := 0; i < len(units); {
		u := units[i]
		if typ, ok := pdTypes[u.tag]; ok {
			j := i + 1
			for j < len(units) && units[j].tag == u.tag {
				j++
			}
			out = append(out, Span{typ, u.start, units[j-1].end})
			i = j
			continue
		}
		if u.tag == "m" {
			j := i + 1
			for j < len(units) && units[j].tag == "m" {
				j++
			}
			k := j
			for k < len(units) && units[k].tag == "q" {
				k++
			}
			if k > j {
				var sp Span
				if sp, k = mapMeasure(units, i, j, k); sp.Type != "" {
					out = append(out, sp)
				}
			}
			i = k
			continue
		}
		i++
	}
	return mergeTouchingTimes(out)
}

// bookSpans returns the text between each 《 and its 》, brackets excluded.
func bookSpans(text []rune) []Span {
	var out []Span
	var open []int
	for i, r := range text {
		switch r {
		case '《':
			open = append(open, i)
		case '》':
			if len(open) == 0 {
				continue
			}
			s := open[len(open)-1]
			open = open[:len(open)-1]
			if i > s+1 {
				out = append(out, Span{"book", s + 1, i})
			}
		}
	}
	return out
}
