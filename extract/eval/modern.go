package eval

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FormatTongbao is tongbao's own gold of modern government texts
// (testdata/gold/modern): paragraphs of the government work report corpus,
// annotated by hand by the project's guideline, stored as pointers into the
// corpus (document path, line, hash of the line) with the mentions' offsets.
// The texts themselves are read from ModernRoot at evaluation time.
const FormatTongbao = "tongbao"

// ModernRoot is the folder of the government work report corpus that the
// paths of tongbao gold records are relative to ("tongbao eval --corpus").
var ModernRoot = filepath.Join("..", "shared", "corpora", "gov-work-reports")

// modernRecord is one line of a tongbao gold file: one paragraph.
type modernRecord struct {
	Doc      string `json:"doc"`
	Line     int    `json:"line"`
	SHA1     string `json:"sha1"`
	Mentions []struct {
		Type  string `json:"type"`
		Text  string `json:"text"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	} `json:"mentions"`
	Notes []string `json:"notes"`
}

// ReadModern reads tongbao gold records, one JSON line per paragraph:
//
//	{"doc":"provinces/福建省/2017.md","line":12,"sha1":"994c31f8613f",
//	 "mentions":[{"type":"org","text":"福建省人民政府","start":6,"end":13}]}
//
// doc is relative to ModernRoot; line counts the file's lines from 1; sha1
// is the first 12 hex digits of the SHA-1 of the line (without its end of
// line), so a changed corpus is an error, not a silent mismatch. The
// document text is the raw line, Markdown markers included. Its reference
// date is 1 March of the year in the file name (the year a report belongs
// to). Document ids are DOC:LINE.
func ReadModern(r io.Reader, name string) ([]Doc, error) {
	sc := newScanner(r)
	files := map[string][]string{}
	var docs []Doc
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec modernRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ln, err)
		}
		text, err := modernLine(files, rec.Doc, rec.Line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ln, err)
		}
		if h := lineHash(text); h != rec.SHA1 {
			return nil, fmt.Errorf("%s:%d: %s line %d has changed (hash %s, gold has %s)", name, ln, rec.Doc, rec.Line, h, rec.SHA1)
		}
		d := Doc{ID: fmt.Sprintf("%s:%d", rec.Doc, rec.Line), Text: text, Ref: modernRef(rec.Doc)}
		rs := []rune(text)
		for _, m := range rec.Mentions {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				return nil, fmt.Errorf("%s:%d: mention %s %q at [%d,%d) does not match the text", name, ln, m.Type, m.Text, m.Start, m.End)
			}
			d.Gold = append(d.Gold, Span{Type: m.Type, Start: m.Start, End: m.End})
		}
		sort.Slice(d.Gold, func(i, j int) bool {
			if d.Gold[i].Start != d.Gold[j].Start {
				return d.Gold[i].Start < d.Gold[j].Start
			}
			return d.Gold[i].End < d.Gold[j].End
		})
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// modernLine returns line n (from 1) of the corpus file doc, reading each
// file once.
func modernLine(files map[string][]string, doc string, n int) (string, error) {
	if doc == "" || filepath.IsAbs(doc) || strings.Contains(doc, "..") {
		return "", fmt.Errorf("bad document path %q", doc)
	}
	if strings.HasPrefix(filepath.ToSlash(doc), "prefectures/") {
		return "", fmt.Errorf("%s: prefectures/ is held out and never part of the development gold", doc)
	}
	lines, ok := files[doc]
	if !ok {
		b, err := os.ReadFile(filepath.Join(ModernRoot, filepath.FromSlash(doc)))
		if err != nil {
			return "", fmt.Errorf("%v (the gold points into the corpus at %s; set it with --corpus)", err, ModernRoot)
		}
		if !utf8.Valid(b) {
			return "", fmt.Errorf("%s is not UTF-8", doc)
		}
		lines = strings.Split(string(b), "\n")
		files[doc] = lines
	}
	if n < 1 || n > len(lines) {
		return "", fmt.Errorf("%s has no line %d", doc, n)
	}
	return strings.TrimRight(lines[n-1], "\r"), nil
}

// lineHash is the first 12 hex digits of the SHA-1 of s.
func lineHash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])[:12]
}

// modernRef is 1 March of the year in the file name of doc, or zero.
func modernRef(doc string) time.Time {
	base := strings.TrimSuffix(filepath.Base(doc), filepath.Ext(doc))
	y, err := strconv.Atoi(base)
	if err != nil || y < 1900 || y > 2100 {
		return time.Time{}
	}
	return time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC)
}

// modernFiles expands a directory given as a tongbao gold file into its
// part-*.jsonl files, sorted.
func modernFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return []string{path}, nil
	}
	parts, err := filepath.Glob(filepath.Join(path, "part-*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("%s: no part-*.jsonl gold files in the folder", path)
	}
	sort.Strings(parts)
	return parts, nil
}
