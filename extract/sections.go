package extract

import (
	"strconv"
	"strings"
	"unicode"
)

// dataSection is one section of a word-list file of extract/data written in
// the section format (see data/book_words.txt): "@name" opens a section,
// the lines after it are its entries, # opens a comment line.
type dataSection struct {
	name  string
	lines []string
}

// dataSections are the sections of one file, in file order (a name may
// open several sections).
type dataSections []dataSection

// readSections parses a file in the section format.
func readSections(data string) dataSections {
	var out dataSections
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "@"):
			out = append(out, dataSection{name: strings.TrimSpace(line[1:])})
		case len(out) > 0:
			out[len(out)-1].lines = append(out[len(out)-1].lines, line)
		}
	}
	return out
}

// has reports whether a section is called name.
func (ss dataSections) has(name string) bool {
	for _, s := range ss {
		if s.name == name {
			return true
		}
	}
	return false
}

// words returns the words of the sections called name, in order. It panics
// when there is none: the files are embedded, and a test reads them all.
func (ss dataSections) words(name string) []string {
	if !ss.has(name) {
		panic("extract/data: no section @" + name)
	}
	var out []string
	for _, s := range ss {
		if s.name == name {
			for _, l := range s.lines {
				out = append(out, strings.Fields(l)...)
			}
		}
	}
	return out
}

// set returns the words of the sections called name as a set.
func (ss dataSections) set(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ss.words(name) {
		m[w] = true
	}
	return m
}

// chars returns the characters of a "_chars" section (every character of
// its lines, whitespace excepted) or a "_marks" section (one character per
// line, SPACE, NEWLINE, TAB and U+XXXX standing for those).
func (ss dataSections) chars(name string) string {
	if !ss.has(name) {
		panic("extract/data: no section @" + name)
	}
	var b strings.Builder
	for _, s := range ss {
		if s.name != name {
			continue
		}
		for _, line := range s.lines {
			switch line {
			case "SPACE":
				b.WriteByte(' ')
			case "NEWLINE":
				b.WriteByte('\n')
			case "TAB":
				b.WriteByte('\t')
			default:
				if v, ok := strings.CutPrefix(line, "U+"); ok {
					if n, err := strconv.ParseUint(v, 16, 32); err == nil {
						b.WriteRune(rune(n))
						continue
					}
				}
				for _, r := range line {
					if !unicode.IsSpace(r) {
						b.WriteRune(r)
					}
				}
			}
		}
	}
	return b.String()
}
