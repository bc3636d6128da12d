package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
)

// Gold formats read by Read.
const (
	FormatPD1998  = "pd1998"
	FormatCLUENER = "cluener"
	FormatMSRA    = "msra"
	FormatSIGHAN  = "sighan"
	// FormatTongbao: see modern.go.
)

// Formats lists the gold formats.
var Formats = []string{FormatPD1998, FormatCLUENER, FormatMSRA, FormatSIGHAN, FormatTongbao}

// Read reads gold documents of the named format from r; name labels
// errors and document ids.
func Read(format string, r io.Reader, name string) ([]Doc, error) {
	switch format {
	case FormatPD1998:
		return ReadPD1998(r, name)
	case FormatCLUENER:
		return ReadCLUENER(r, name)
	case FormatMSRA:
		return ReadMSRA(r, name)
	case FormatSIGHAN:
		return ReadSIGHAN(r, name)
	case FormatTongbao:
		return ReadModern(r, name)
	}
	return nil, fmt.Errorf("unknown gold format %q (known: %s)", format, strings.Join(Formats, ", "))
}

// ReadFiles reads and concatenates the gold documents of several files.
func ReadFiles(format string, paths []string) ([]Doc, error) {
	var docs []Doc
	if format == FormatTongbao {
		var all []string
		for _, p := range paths {
			ps, err := modernFiles(p)
			if err != nil {
				return nil, err
			}
			all = append(all, ps...)
		}
		paths = all
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := Read(format, f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

// newScanner returns a line scanner that accepts long lines.
func newScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	return sc
}

// CLUENERTypes maps CLUENER2020 labels to mention types; other labels are
// ignored.
var CLUENERTypes = map[string]string{
	"name":         "person",
	"address":      "place",
	"government":   "org",
	"organization": "org",
	"company":      "org",
	"book":         "book",
}

// ReadCLUENER reads CLUENER2020 JSON lines, {"text": ..., "label": {LABEL:
// {ENTITY: [[start, end], ...]}}}, offsets in code points with end
// inclusive. Labels map to types by CLUENERTypes. Book spans are stripped of
// the 《 and 》 they sometimes include. Document ids are NAME:LINE.
func ReadCLUENER(r io.Reader, name string) ([]Doc, error) {
	var docs []Doc
	sc := newScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec struct {
			Text  *string                           `json:"text"`
			Label map[string]map[string][][]float64 `json:"label"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		if rec.Text == nil {
			return nil, fmt.Errorf("%s:%d: no \"text\" field", name, n)
		}
		rs := []rune(*rec.Text)
		d := Doc{ID: fmt.Sprintf("%s:%d", name, n), Text: *rec.Text}
		labels := make([]string, 0, len(rec.Label))
		for l := range rec.Label {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		for _, label := range labels {
			typ, ok := CLUENERTypes[label]
			if !ok {
				continue
			}
			for ent, spans := range rec.Label[label] {
				for _, sp := range spans {
					if len(sp) != 2 || sp[0] != float64(int(sp[0])) || sp[1] != float64(int(sp[1])) {
						return nil, fmt.Errorf("%s:%d: %s %q: span %v is not [start, end]", name, n, label, ent, sp)
					}
					s, e := int(sp[0]), int(sp[1])+1
					if s < 0 || e > len(rs) || s >= e {
						return nil, fmt.Errorf("%s:%d: %s %q: span [%d, %d] is outside the text (%d code points)", name, n, label, ent, s, e-1, len(rs))
					}
					if string(rs[s:e]) != ent {
						return nil, fmt.Errorf("%s:%d: %s %q: span [%d, %d] holds %q", name, n, label, ent, s, e-1, string(rs[s:e]))
					}
					if typ == "book" {
						if rs[s] == '《' {
							s++
						}
						if e > s && rs[e-1] == '》' {
							e--
						}
						if s >= e {
							continue
						}
					}
					d.Gold = append(d.Gold, Span{typ, s, e})
				}
			}
		}
		d.Gold = dedupe(d.Gold, func(string) bool { return true })
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return docs, nil
}

// MSRATypes maps MSRA BIO entity classes to mention types.
var MSRATypes = map[string]string{"PER": "person", "LOC": "place", "ORG": "org"}

// ReadMSRA reads character-per-line BIO: CHAR<TAB>TAG, a blank line ending
// a sentence, tags O, B-X and I-X with X in MSRATypes. An I-X that does not
// continue an X starts a new mention. Document ids are NAME:LINE of the
// sentence's first line.
func ReadMSRA(r io.Reader, name string) ([]Doc, error) {
	var docs []Doc
	var (
		text  strings.Builder
		gold  []Span
		pos   int
		first int
		cur   = -1 // index in gold of the open mention
	)
	flush := func() {
		if pos > 0 {
			docs = append(docs, Doc{ID: fmt.Sprintf("%s:%d", name, first), Text: text.String(), Gold: gold})
		}
		text.Reset()
		gold, pos, cur = nil, 0, -1
	}
	sc := newScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		ch, tag, ok := strings.Cut(line, "\t")
		if !ok {
			if i := strings.LastIndexByte(line, ' '); i > 0 {
				ch, tag, ok = line[:i], line[i+1:], true
			}
		}
		if !ok || utf8.RuneCountInString(ch) != 1 {
			return nil, fmt.Errorf("%s:%d: want CHAR<TAB>TAG, got %q", name, n, line)
		}
		if pos == 0 {
			first = n
		}
		text.WriteString(ch)
		tag = strings.TrimSpace(tag)
		switch {
		case tag == "O":
			cur = -1
		case len(tag) > 2 && (tag[:2] == "B-" || tag[:2] == "I-"):
			typ, known := MSRATypes[tag[2:]]
			if !known {
				return nil, fmt.Errorf("%s:%d: unknown tag %q", name, n, tag)
			}
			if tag[0] == 'I' && cur >= 0 && gold[cur].Type == typ && gold[cur].End == pos {
				gold[cur].End = pos + 1
			} else {
				gold = append(gold, Span{typ, pos, pos + 1})
				cur = len(gold) - 1
			}
		default:
			return nil, fmt.Errorf("%s:%d: unknown tag %q", name, n, tag)
		}
		pos++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	flush()
	return docs, nil
}

// ReadSIGHAN reads segmentation gold: one sentence per line, words
// separated by spaces or tabs (any number). A document's text is its line
// without the separators; its gold is one Word span per word. Blank lines
// are skipped. Document ids are NAME:LINE.
func ReadSIGHAN(r io.Reader, name string) ([]Doc, error) {
	var docs []Doc
	sc := newScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, n)
		}
		words := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' })
		if len(words) == 0 {
			continue
		}
		d := Doc{ID: fmt.Sprintf("%s:%d", name, n), Gold: make([]Span, 0, len(words))}
		var b strings.Builder
		pos := 0
		for _, w := range words {
			k := utf8.RuneCountInString(w)
			d.Gold = append(d.Gold, Span{Word, pos, pos + k})
			b.WriteString(w)
			pos += k
		}
		d.Text = b.String()
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return docs, nil
}
