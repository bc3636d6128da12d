package root

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
)

// mixedDir writes a directory of every kind of input: plain text,
// Markdown, HTML, .docx, PDF (with a text layer, and encrypted), GBK,
// Big5, Traditional Chinese in UTF-8, an empty file, a legacy .doc and a
// broken .docx. It returns the directory and, by file name, the error
// class each must give ("" for a document).
func mixedDir(t *testing.T) (string, map[string]string) {
	t.Helper()
	trad, err := os.ReadFile("../../../zhconv/testdata/1954-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile("../../../corpus/testdata/pdf/bulletin.pdf")
	if err != nil {
		t.Fatal(err)
	}
	encPDF, err := os.ReadFile("../../../corpus/testdata/pdf/encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	encode := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>2021年3月26日，黔西县人大常委会召开会议。</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	// Big5 holds the paragraph on Korea (every character of it is in Big5)
	big5 := strings.Split(string(trad), "\n\n")[1]
	files := map[string][]byte{
		"a.txt":           []byte("县人大常委会召开党史学习教育动员大会。\n"),
		"b.md":            []byte("---\ntitle: 工作报告\n---\n# 工作报告\n\n2022年，全县完成地区生产总值100亿元。\n"),
		"c.html":          []byte(`<html><head><meta charset="utf-8"><title>通知</title></head><body><p>贵州省人民政府召开常务会议。</p></body></html>`),
		"d.docx":          docx.Bytes(),
		"e.pdf":           pdf,
		"f-gbk.txt":       encode(simplifiedchinese.GBK, "2019年1月14日，福建省第十三届人民代表大会第二次会议开幕。\n"),
		"g-big5.txt":      encode(traditionalchinese.Big5, big5),
		"h-trad.txt":      trad,
		"i-empty.txt":     {},
		"j-encrypted.pdf": encPDF,
		"k.doc":           []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
		"l-broken.docx":   []byte("PK\x03\x04 not a zip"),
	}
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	classes := map[string]string{"j-encrypted.pdf": "unsupported_format", "k.doc": "unsupported_format", "l-broken.docx": "decode"}
	for name := range files {
		if _, ok := classes[name]; !ok {
			classes[name] = ""
		}
	}
	return dir, classes
}

func runRoot(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := cmdutil.TestIO()
	cmd := NewCmdRoot(&cmdutil.Factory{IOStreams: ios})
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

// TestMixedDirectory is the acceptance test of the inputs: extract and
// segment give one record per file, each error its class, the empty file
// a record and a warning, and the Traditional texts (UTF-8 and Big5) are
// segmented into words and extracted, quoting the original.
func TestMixedDirectory(t *testing.T) {
	dir, classes := mixedDir(t)
	// the decoded texts, which offsets index
	texts := map[string]string{}
	err := corpus.Read([]string{dir}, corpus.Options{}, func(d corpus.Document) error {
		if d.Err == nil {
			texts[filepath.Base(d.ID)] = d.Text
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	trad, _ := os.ReadFile("../../../zhconv/testdata/1954-traditional.txt")
	if texts["h-trad.txt"] != string(trad) || texts["g-big5.txt"] != strings.Split(string(trad), "\n\n")[1] {
		t.Fatal("the Traditional texts (UTF-8, Big5) do not decode to the original")
	}
	type rec struct {
		ID       string
		Error    string
		Class    string
		Mentions []struct {
			Type, Text string
			Start, End int
			Value      any
		}
		Tokens []struct {
			Text       string
			Start, End int
		}
	}
	for _, command := range []string{"extract", "segment"} {
		args := []string{command, dir}
		if command == "segment" {
			args = []string{command, "--format", "jsonl", dir}
		}
		out, errOut, err := runRoot(t, args...)
		if cmdutil.Code(err) != 1 { // error records: exit 1
			t.Fatalf("%s: exit %d (%v), want 1\n%s", command, cmdutil.Code(err), err, errOut)
		}
		if !strings.Contains(errOut, "i-empty.txt: empty document") {
			t.Errorf("%s: no warning for the empty file:\n%s", command, errOut)
		}
		recs := map[string]rec{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var r rec
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%s: %v: %s", command, err, line)
			}
			name := filepath.Base(r.ID)
			if _, dup := recs[name]; dup {
				t.Errorf("%s: two records for %s", command, name)
			}
			recs[name] = r
		}
		if len(recs) != len(classes) {
			t.Errorf("%s: %d records for %d files", command, len(recs), len(classes))
		}
		for name, class := range classes {
			r, ok := recs[name]
			switch {
			case !ok:
				t.Errorf("%s: no record for %s", command, name)
			case r.Class != class:
				t.Errorf("%s: %s: class %q (%s), want %q", command, name, r.Class, r.Error, class)
			case class == "" && r.Error != "":
				t.Errorf("%s: %s: error %s", command, name, r.Error)
			case class != "" && name != "l-broken.docx" && !strings.Contains(r.Error, map[string]string{"j-encrypted.pdf": "PDF", "k.doc": ".doc"}[name]):
				t.Errorf("%s: %s: error %q does not name its format", command, name, r.Error)
			}
		}
		for name, text := range texts {
			runes := []rune(text)
			r := recs[name]
			for _, m := range r.Mentions {
				if m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("%s: %s: mention %q [%d,%d) does not quote the text", command, name, m.Text, m.Start, m.End)
				}
			}
			if command != "segment" {
				continue
			}
			var b strings.Builder
			for _, tk := range r.Tokens {
				b.WriteString(tk.Text)
				if string(runes[tk.Start:tk.End]) != tk.Text {
					t.Errorf("segment: %s: token %q [%d,%d) does not quote the text", name, tk.Text, tk.Start, tk.End)
				}
			}
			if b.String() != text {
				t.Errorf("segment: %s: the tokens do not make up the text", name)
			}
		}
		if command == "segment" {
			// Traditional text is cut into words, not characters
			for _, name := range []string{"h-trad.txt", "g-big5.txt"} {
				han, inWords := 0, 0
				for _, tk := range recs[name].Tokens {
					n := 0
					for _, c := range tk.Text {
						if unicode.Is(unicode.Han, c) {
							n++
						}
					}
					han += n
					if len([]rune(tk.Text)) > 1 {
						inWords += n
					}
				}
				if han == 0 || inWords*10 < han*7 {
					t.Errorf("segment: %s: %d of %d Han characters in words", name, inWords, han)
				}
			}
			if len(recs["e.pdf"].Tokens) < 100 {
				t.Errorf("segment: the PDF gives %d tokens", len(recs["e.pdf"].Tokens))
			}
			continue
		}
		has := func(name, typ, text string) bool {
			for _, m := range recs[name].Mentions {
				if m.Type == typ && m.Text == text {
					return true
				}
			}
			return false
		}
		for _, c := range []struct{ name, typ, text string }{
			{"h-trad.txt", "time", "一九五三年十一月二十三日"},
			{"h-trad.txt", "place", "內蒙古自治區"},
			{"g-big5.txt", "time", "一九五三年十一月二十三日"},
			{"f-gbk.txt", "time", "2019年1月14日"},
			{"f-gbk.txt", "org", "福建省第十三届人民代表大会"},
			{"d.docx", "time", "2021年3月26日"},
			{"e.pdf", "time", "3月26日"},
			{"e.pdf", "person", "罗智琼"},
			{"c.html", "org", "贵州省人民政府"},
			{"b.md", "time", "2022年"},
		} {
			if !has(c.name, c.typ, c.text) {
				t.Errorf("extract: %s: no %s %s", c.name, c.typ, c.text)
			}
		}
	}
}
