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
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
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
// category names whose leaves are lists of terms (block or flow style) or a
// single term. The document is parsed by a YAML library into its node tree,
// which keeps the order of the keys and the line of every node.
func parseYAML(lines []string) (*Dictionary, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines, "\n")), &doc); err != nil {
		return nil, yamlError(err, lines)
	}
	var b builder
	if len(doc.Content) == 0 {
		return &b.d, nil // comments only
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, errAt(root.Line, "want a mapping of categories (category: terms), got a %s", kindName(root))
	}
	if err := yamlCategories(&b, root, ""); err != nil {
		return nil, err
	}
	return &b.d, nil
}

// yamlCategories adds the categories of mapping m, nested under parent.
func yamlCategories(b *builder, m *yaml.Node, parent string) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolveAlias(m.Content[i+1])
		if k.Kind != yaml.ScalarNode || strings.TrimSpace(k.Value) == "" {
			return errAt(k.Line, "empty category name")
		}
		name := k.Value
		if parent != "" {
			name = parent + "." + name
		}
		switch v.Kind {
		case yaml.MappingNode:
			if err := yamlCategories(b, v, name); err != nil {
				return err
			}
		case yaml.SequenceNode:
			for _, t := range v.Content {
				if err := yamlAddTerm(b, name, resolveAlias(t)); err != nil {
					return err
				}
			}
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				continue // a category with nothing under it
			}
			if err := yamlAddTerm(b, name, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// yamlAddTerm adds the term of scalar node t to category cat.
func yamlAddTerm(b *builder, cat string, t *yaml.Node) error {
	if t.Kind != yaml.ScalarNode {
		return errAt(t.Line, "a term of %q is a %s, not a word", cat, kindName(t))
	}
	if err := checkTerm(t.Line, t.Value); err != nil {
		return err
	}
	b.add(cat, t.Value)
	return nil
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "single term"
}

// yamlLine finds the line in the YAML library's error messages ("yaml:
// line 3: …").
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a YAML syntax error into a lineError, so that it reads
// like the other formats' errors ("3: …"), and names the usual cause of
// an error on a line indented with a tab.
func yamlError(err error, lines []string) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n >= 1 && n <= len(lines) {
			l := lines[n-1]
			if strings.ContainsRune(l[:len(l)-len(strings.TrimLeft(l, " \t"))], '\t') {
				return errAt(n, "tab in indentation (YAML indents with spaces)")
			}
		}
		return errAt(n, "%s", m[2])
	}
	return fmt.Errorf("0: %s", strings.TrimPrefix(err.Error(), "yaml: "))
}
