package corpus

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MarkdownText turns a Markdown document into the text tongbao analyses,
// and its YAML front matter into metadata.
//
// The offset rule: every markup character is replaced by a space (U+0020)
// and every line break is kept, so the text has exactly as many code points
// as the file and offsets into it are offsets into the file as written.
// What is blanked:
//
//   - the front matter: a first line "---", a YAML mapping, and a closing
//     "---" or "..." line; its top-level scalar values (and lists of them)
//     go to meta (numbers as json.Number, true/false as booleans, quotes
//     removed);
//   - HTML comments <!-- … -->;
//   - heading markers: the #s (and the space after them) opening a line;
//   - emphasis markers ** __ ~~ and a single * around text on one line;
//   - the markup of images ![alt](url) (all of it), of links [text](url)
//     (the brackets and the url, keeping text), of footnote marks [^1],
//     and the backslash of an escape (\*).
//
// A first "---" block that is not a YAML mapping is not front matter: it
// is left as text, and meta is nil.
func MarkdownText(md string) (string, map[string]any) {
	rs := []rune(md)
	meta := frontMatter(rs)
	blankComments(rs)
	ls := 0
	for ls < len(rs) {
		le := ls
		for le < len(rs) && rs[le] != '\n' {
			le++
		}
		blankLine(rs[ls:le])
		ls = le + 1
	}
	return string(rs), meta
}

// frontMatter parses and blanks the front matter at the start of rs: the
// lines between a first "---" line and a closing "---" or "..." line,
// parsed as YAML. Only a mapping is front matter; its keys with scalar
// values or lists of scalars go to meta (nested mappings are left out).
func frontMatter(rs []rune) map[string]any {
	start := 0
	if len(rs) > 0 && rs[0] == '\ufeff' {
		start = 1
	}
	line := func(s int) (int, string) {
		e := s
		for e < len(rs) && rs[e] != '\n' {
			e++
		}
		return e, strings.TrimRight(string(rs[s:e]), " \t\r")
	}
	e, first := line(start)
	if first != "---" {
		return nil
	}
	for s := e + 1; s < len(rs); {
		le, l := line(s)
		if l == "---" || l == "..." {
			meta := yamlMeta(string(rs[e+1 : s]))
			if len(meta) == 0 {
				return nil
			}
			blank(rs[start:le])
			return meta
		}
		s = le + 1
	}
	return nil // no closing line
}

// yamlMeta reads a front matter block: its top-level keys with scalar
// values or lists of scalar values, numbers as json.Number, booleans as
// bool, null as nil, anything else (dates included) as the string written.
// Not a mapping: nil.
func yamlMeta(block string) map[string]any {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(block), &doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	meta := map[string]any{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "" {
			continue
		}
		if v.Kind == yaml.ScalarNode {
			meta[k.Value] = yamlScalar(v)
		} else if list, ok := yamlList(v); ok {
			meta[k.Value] = list
		}
	}
	return meta
}

// jsonNumber is the grammar of a JSON number: a YAML number written so
// (not +5, .5, 0x1F, 1_000) is kept as written.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// yamlList is the list of a sequence of scalars (source: [url1, url2]).
func yamlList(v *yaml.Node) ([]any, bool) {
	if v.Kind != yaml.SequenceNode {
		return nil, false
	}
	list := make([]any, 0, len(v.Content))
	for _, x := range v.Content {
		if x.Kind != yaml.ScalarNode {
			return nil, false
		}
		list = append(list, yamlScalar(x))
	}
	return list, true
}

// yamlScalar is the metadata value of a scalar node, by its resolved tag.
func yamlScalar(v *yaml.Node) any {
	switch v.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if v.Decode(&b) == nil {
			return b
		}
	case "!!int", "!!float":
		var f float64
		if v.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			if jsonNumber.MatchString(v.Value) {
				return json.Number(v.Value)
			}
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return v.Value
}

// blank replaces every code point of rs but line breaks by a space.
func blank(rs []rune) {
	for i, r := range rs {
		if r != '\n' && r != '\r' {
			rs[i] = ' '
		}
	}
}

// blankComments blanks the HTML comments of rs.
func blankComments(rs []rune) {
	open, close := []rune("<!--"), []rune("-->")
	for i := 0; i+len(open) <= len(rs); i++ {
		if !hasRunes(rs, i, open) {
			continue
		}
		j := i + len(open)
		for j+len(close) <= len(rs) && !hasRunes(rs, j, close) {
			j++
		}
		if j+len(close) > len(rs) {
			return // unclosed: left as text
		}
		j += len(close)
		blank(rs[i:j])
		i = j - 1
	}
}

func hasRunes(rs []rune, i int, p []rune) bool {
	if i+len(p) > len(rs) {
		return false
	}
	for k, r := range p {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// blankLine blanks the Markdown markup of one line.
func blankLine(l []rune) {
	if !slices.ContainsFunc(l, isMarkup) {
		return // most lines of a report: nothing to blank
	}
	// Headings: # … ###### and a space.
	i := 0
	for i < len(l) && (l[i] == ' ') && i < 3 {
		i++
	}
	h := i
	for h < len(l) && l[h] == '#' && h-i < 6 {
		h++
	}
	if h > i && (h == len(l) || l[h] == ' ' || l[h] == '\t') {
		for k := i; k < h && k < len(l); k++ {
			l[k] = ' '
		}
	}
	for k := 0; k < len(l); k++ {
		switch l[k] {
		case '\\':
			if k+1 < len(l) && strings.ContainsRune("*_~#[]()!`\\", l[k+1]) {
				l[k] = ' '
				k++
			}
		case '!':
			if k+1 < len(l) && l[k+1] == '[' {
				if e := linkEnd(l, k+1); e > 0 {
					blank(l[k:e])
					k = e - 1
				}
			}
		case '[':
			if k+1 < len(l) && l[k+1] == '^' {
				// Footnote mark [^1] (and the [^1]: of its definition).
				e := k + 2
				for e < len(l) && l[e] != ']' && l[e] != ' ' {
					e++
				}
				if e < len(l) && l[e] == ']' {
					if e+1 < len(l) && l[e+1] == ':' {
						e++
					}
					blank(l[k : e+1])
					k = e
				}
				continue
			}
			if e := linkEnd(l, k); e > 0 {
				// [text](url): keep the text.
				m := k + 1
				for m < e && l[m] != ']' {
					m++
				}
				l[k] = ' '
				blank(l[m:e])
				k = m
			}
		}
	}
	// Emphasis: ** __ ~~ anywhere, paired on the line.
	for _, pair := range []string{"**", "__", "~~"} {
		p := []rune(pair)
		var at []int
		for k := 0; k+1 < len(l); k++ {
			if l[k] == p[0] && l[k+1] == p[1] {
				at = append(at, k)
				k++
			}
		}
		for n := 0; n+1 < len(at); n += 2 {
			l[at[n]], l[at[n]+1] = ' ', ' '
			l[at[n+1]], l[at[n+1]+1] = ' ', ' '
		}
	}
	// A single * around text: *强调*.
	for k := 0; k < len(l); k++ {
		if l[k] != '*' || k+1 >= len(l) || l[k+1] == ' ' || l[k+1] == '*' {
			continue
		}
		for e := k + 2; e < len(l); e++ {
			if l[e] == '*' {
				if l[e-1] != ' ' {
					l[k], l[e] = ' ', ' '
					k = e
				}
				break
			}
		}
	}
}

// isMarkup reports whether r is a character that blankLine may blank or
// that opens markup it blanks.
func isMarkup(r rune) bool {
	switch r {
	case '#', '\\', '!', '[', '*', '_', '~':
		return true
	}
	return false
}

// linkEnd returns the end of a link [text](url) opening at l[k], or 0.
func linkEnd(l []rune, k int) int {
	m := k + 1
	for m < len(l) && l[m] != ']' {
		if l[m] == '[' {
			return 0
		}
		m++
	}
	if m+1 >= len(l) || l[m+1] != '(' {
		return 0
	}
	e := m + 2
	for e < len(l) && l[e] != ')' {
		if l[e] == ' ' && e > m+2 && l[e+1] != '"' {
			return 0
		}
		e++
	}
	if e >= len(l) {
		return 0
	}
	return e + 1
}
