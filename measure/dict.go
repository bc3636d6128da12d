// Package measure counts the terms of concept dictionaries in documents:
// per document the count of each category and its rate per 10,000 tokens
// and per 10,000 characters, with the document's home region and year
// (extract.ReadMetadata) and readability indices, and per group (home,
// year, genre) the same summed into a panel.
package measure

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Dictionary is a set of categories, each a list of terms. A term may hold
// the wildcard * (any run of characters, possibly empty): 污染* matches
// 污染物 in token matching. Nested categories have dotted names
// (environment.pollution), and each parent (environment) is a category too,
// holding the terms of all its descendants.
type Dictionary struct {
	// Categories in the order of the file.
	Categories []Category
}

// Category is one category of a dictionary.
type Category struct {
	Name  string
	Terms []string
}

// Formats of dictionary files.
const (
	FormatYAML = "yaml" // quanteda's YAML dictionary format
	FormatLIWC = "liwc" // LIWC .dic
	FormatTSV  = "tsv"  // category <TAB> term
)

// FormatOf returns the format of a dictionary file by its extension:
// .yml/.yaml, .dic, else TSV.
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yml", ".yaml":
		return FormatYAML
	case ".dic":
		return FormatLIWC
	}
	return FormatTSV
}

// LoadDictionary reads a dictionary file in the format of its extension.
func LoadDictionary(path string) (*Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := ParseDictionary(f, FormatOf(path))
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return d, nil
}

// lineError is an error at a line of a dictionary file; it formats as
// "LINE: message" so that a caller prefixes the file name.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("%d: %s", e.line, e.msg) }

func errAt(line int, format string, args ...any) error {
	return &lineError{line, fmt.Sprintf(format, args...)}
}

// ParseDictionary reads a dictionary in format (FormatYAML, FormatLIWC or
// FormatTSV). Errors name the line: "12: …".
func ParseDictionary(r io.Reader, format string) (*Dictionary, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	var d *Dictionary
	switch format {
	case FormatYAML:
		d, err = parseYAML(lines)
	case FormatLIWC:
		d, err = parseLIWC(lines)
	case FormatTSV:
		d, err = parseTSV(lines)
	default:
		return nil, fmt.Errorf("unknown dictionary format %q (want yaml, liwc or tsv)", format)
	}
	if err != nil {
		return nil, err
	}
	if len(d.Categories) == 0 {
		return nil, errAt(len(lines), "no category with terms")
	}
	return withParents(d), nil
}

// withParents adds, for each nested category (a.b.c), its ancestors (a,
// a.b) holding the union of their descendants' terms, each placed before
// its first child.
func withParents(d *Dictionary) *Dictionary {
	var b builder
	for _, c := range d.Categories {
		parts := strings.Split(c.Name, ".")
		for k := 1; k < len(parts); k++ {
			for _, t := range c.Terms {
				b.add(strings.Join(parts[:k], "."), t)
			}
		}
		for _, t := range c.Terms {
			b.add(c.Name, t)
		}
	}
	return &b.d
}

func readLines(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lines []string
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		if len(lines) == 0 {
			l = strings.TrimPrefix(l, "\ufeff")
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%d: %v", len(lines)+1, err)
	}
	return lines, nil
}

// builder collects categories in order, merging repeated names.
type builder struct {
	d     Dictionary
	index map[string]int
}

func (b *builder) add(cat, term string) {
	if b.index == nil {
		b.index = map[string]int{}
	}
	i, ok := b.index[cat]
	if !ok {
		i = len(b.d.Categories)
		b.index[cat] = i
		b.d.Categories = append(b.d.Categories, Category{Name: cat})
	}
	for _, t := range b.d.Categories[i].Terms {
		if t == term {
			return
		}
	}
	b.d.Categories[i].Terms = append(b.d.Categories[i].Terms, term)
}

// checkTerm rejects empty terms and terms of wildcards only.
func checkTerm(line int, t string) error {
	if strings.Trim(t, "*") == "" {
		return errAt(line, "empty term %q", t)
	}
	return nil
}

// parseTSV reads "category<TAB>term" lines; # starts a comment line; a
// category may be dotted for nesting.
func parseTSV(lines []string) (*Dictionary, error) {
	var b builder
	for i, l := range lines {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return nil, errAt(i+1, "want category<TAB>term, got %d tab-separated fields", len(f))
		}
		cat, term := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if cat == "" {
			return nil, errAt(i+1, "empty category")
		}
		if err := checkTerm(i+1, term); err != nil {
			return nil, err
		}
		b.add(cat, term)
	}
	return &b.d, nil
}

// parseLIWC reads a LIWC dictionary: a header between two % lines giving
// category numbers and names, then one term per line followed by its
// category numbers (tabs or spaces). Category names may be dotted.
func parseLIWC(lines []string) (*Dictionary, error) {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i >= len(lines) || strings.TrimSpace(lines[i]) != "%" {
		return nil, errAt(i+1, "a LIWC dictionary starts with a %% line")
	}
	i++
	names := map[string]string{}
	var order []string
	for ; i < len(lines) && strings.TrimSpace(lines[i]) != "%"; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		f := strings.Fields(l)
		if len(f) < 2 {
			return nil, errAt(i+1, "want a category number and name, got %q", l)
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			return nil, errAt(i+1, "category number %q is not a number", f[0])
		}
		if _, dup := names[f[0]]; dup {
			return nil, errAt(i+1, "category number %s given twice", f[0])
		}
		names[f[0]] = strings.Join(f[1:], " ")
		order = append(order, f[0])
	}
	if i >= len(lines) {
		return nil, errAt(i, "the category header has no closing %% line")
	}
	i++
	var b builder
	// Categories in header order.
	b.index = map[string]int{}
	for _, n := range order {
		b.index[names[n]] = len(b.d.Categories)
		b.d.Categories = append(b.d.Categories, Category{Name: names[n]})
	}
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		var f []string
		if strings.Contains(l, "\t") {
			f = strings.Split(l, "\t")
		} else {
			f = strings.Fields(l)
		}
		term := strings.TrimSpace(f[0])
		if err := checkTerm(i+1, term); err != nil {
			return nil, err
		}
		var nums []string
		for _, x := range f[1:] {
			nums = append(nums, strings.Fields(x)...)
		}
		if len(nums) == 0 {
			return nil, errAt(i+1, "term %q has no category number", term)
		}
		for _, n := range nums {
			name, ok := names[n]
			if !ok {
				return nil, errAt(i+1, "term %q: category number %s is not in the header", term, n)
			}
			b.add(name, term)
		}
	}
	var out Dictionary
	for _, c := range b.d.Categories {
		if len(c.Terms) > 0 {
			out.Categories = append(out.Categories, c)
		}
	}
	return &out, nil
}

// parseYAML reads quanteda's YAML dictionary format: nested mappings of
// category names whose leaves are lists of terms, in block (- term) or
// flow ([a, b]) style, or a single term. Comments start with #.
func parseYAML(lines []string) (*Dictionary, error) {
	var b builder
	var stack []yamlFrame // open keys
	leaf := -1            // index in stack of the key taking "- term" items
	itemIndent := -1
	for i, raw := range lines {
		n := i + 1
		l := stripComment(raw)
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(l), "---") && len(stack) == 0 {
			continue
		}
		if strings.ContainsRune(l[:len(l)-len(strings.TrimLeft(l, " \t"))], '\t') {
			return nil, errAt(n, "tab in indentation (YAML indents with spaces)")
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "- ") || t == "-" {
			if leaf < 0 || len(stack) == 0 || indent < stack[leaf].indent || leaf != len(stack)-1 {
				return nil, errAt(n, "list item outside a category")
			}
			if itemIndent >= 0 && indent != itemIndent {
				return nil, errAt(n, "list item indented %d spaces, the list's items %d", indent, itemIndent)
			}
			itemIndent = indent
			term, err := yamlTerm(n, strings.TrimSpace(strings.TrimPrefix(t, "-")))
			if err != nil {
				return nil, err
			}
			if err := checkTerm(n, term); err != nil {
				return nil, err
			}
			b.add(dotted(stack), term)
			continue
		}
		// A key line.
		k, v, ok := cutKey(t)
		if !ok {
			return nil, errAt(n, "want \"category:\" or \"- term\", got %q", t)
		}
		key, err := yamlTerm(n, k)
		if err != nil {
			return nil, err
		}
		if key == "" {
			return nil, errAt(n, "empty category name")
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && leaf == len(stack)-1 && itemIndent >= 0 {
			return nil, errAt(n, "category %q inside the term list of %q", key, dotted(stack))
		}
		stack = append(stack, yamlFrame{indent, key})
		leaf, itemIndent = -1, -1
		switch {
		case v == "":
			leaf = len(stack) - 1 // terms or subcategories follow
		case strings.HasPrefix(v, "["):
			if !strings.HasSuffix(v, "]") {
				return nil, errAt(n, "unclosed [ in the term list of %q", key)
			}
			for _, x := range splitFlow(v[1 : len(v)-1]) {
				term, err := yamlTerm(n, x)
				if err != nil {
					return nil, err
				}
				if err := checkTerm(n, term); err != nil {
					return nil, err
				}
				b.add(dotted(stack), term)
			}
		default:
			term, err := yamlTerm(n, v)
			if err != nil {
				return nil, err
			}
			if err := checkTerm(n, term); err != nil {
				return nil, err
			}
			b.add(dotted(stack), term)
		}
	}
	return &b.d, nil
}

// yamlFrame is an open key of a YAML dictionary.
type yamlFrame struct {
	indent int
	name   string
}

func dotted(stack []yamlFrame) string {
	parts := make([]string, len(stack))
	for i, f := range stack {
		parts[i] = f.name
	}
	return strings.Join(parts, ".")
}

// unquoted returns the byte index of the first rune of l outside single or
// double quotes for which at holds, or -1.
func unquoted(l string, at func(i int, r rune) bool) int {
	inS, inD := false, false
	for i, r := range l {
		switch {
		case r == '\'' && !inD:
			inS = !inS
		case r == '"' && !inS:
			inD = !inD
		case !inS && !inD && at(i, r):
			return i
		}
	}
	return -1
}

// stripComment removes a # comment outside quotes.
func stripComment(l string) string {
	i := unquoted(l, func(i int, r rune) bool {
		return r == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t')
	})
	if i < 0 {
		return l
	}
	return strings.TrimRight(l[:i], " \t")
}

// cutKey splits "key: value" at the first colon outside quotes followed by
// a space or the end.
func cutKey(t string) (string, string, bool) {
	i := unquoted(t, func(i int, r rune) bool {
		return r == ':' && (i+1 == len(t) || t[i+1] == ' ')
	})
	if i < 0 {
		return "", "", false
	}
	return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:]), true
}

func splitFlow(s string) []string {
	var out []string
	start := 0
	unquoted(s, func(i int, r rune) bool {
		if r == ',' {
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
		return false
	})
	if last := strings.TrimSpace(s[start:]); last != "" || len(out) > 0 {
		out = append(out, last)
	}
	return out
}

// yamlTerm unquotes a scalar.
func yamlTerm(line int, s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
		if len(s) < 2 || s[len(s)-1] != s[0] {
			return "", errAt(line, "unclosed quote in %s", s)
		}
		if s[0] == '"' {
			u, err := strconv.Unquote(s)
			if err != nil {
				return "", errAt(line, "bad quoted string %s", s)
			}
			return u, nil
		}
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), nil
	}
	if strings.ContainsAny(s, "{}[]") {
		return "", errAt(line, "unexpected %q in %q (quote terms holding brackets)", s[strings.IndexAny(s, "{}[]")], s)
	}
	return s, nil
}
