package corpus

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeDocx(t *testing.T, path string, body string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMixedDirectory reads a directory of every kind of file: one document
// per file, the right class on each error.
func TestMixedDirectory(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":         "政府工作报告\n",
		"b.md":          "# 标题\n正文。\n",
		"c.pdf":         "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
		"d.txt":         "%PDF-1.4\nnamed .txt but a PDF",
		"e.doc":         "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
		"f.bin.txt":     "\x00\x01\x02\x03",
		"g.jsonl":       `{"id":"g1","text":"好"}` + "\n{broken\n",
		"h.docx":        "not a zip",
		"i.html":        "<html><body><p>你好</p></body></html>",
		"big/large.txt": strings.Repeat("字", 300),
	}
	os.Mkdir(filepath.Join(dir, "big"), 0o755)
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeDocx(t, filepath.Join(dir, "word.docx"), `<w:p><w:r><w:t>第一段</w:t></w:r></w:p><w:p><w:r><w:t>第二</w:t></w:r><w:r><w:tab/><w:t>段</w:t></w:r></w:p>`)
	want := map[string]struct{ class, text string }{
		"a.txt": {"", "政府工作报告\n"}, "b.md": {"", ""}, "c.pdf": {ClassUnsupported, ""},
		"d.txt": {ClassUnsupported, ""}, "e.doc": {ClassUnsupported, ""}, "f.bin.txt": {ClassNotText, ""},
		"g1": {"", "好"}, "g.jsonl:2": {ClassDecode, ""}, "h.docx": {ClassDecode, ""},
		"i.html": {"", ""}, "large.txt": {ClassTooLarge, ""}, "word.docx": {"", "第一段\n第二\t段\n"},
	}
	got := map[string]Document{}
	err := Read([]string{dir}, Options{MaxDocBytes: 600}, func(d Document) error {
		key := strings.TrimPrefix(d.ID, dir+string(filepath.Separator))
		key = strings.TrimPrefix(key, "big"+string(filepath.Separator))
		if _, dup := got[key]; dup {
			t.Errorf("%s: twice", key)
		}
		got[key] = d
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for key, w := range want {
		d, ok := got[key]
		if !ok {
			t.Errorf("%s: no record (got %d records)", key, len(got))
			continue
		}
		if c := ErrorClass(d.Err); c != w.class {
			t.Errorf("%s: class %q (%v), want %q", key, c, d.Err, w.class)
		}
		if w.text != "" && d.Text != w.text {
			t.Errorf("%s: text %q, want %q", key, d.Text, w.text)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d records, want %d", len(got), len(want))
	}
	if d := got["d.txt"]; d.Err == nil || !strings.Contains(d.Err.Error(), "PDF cannot be read") {
		t.Errorf("a PDF: %v", d.Err)
	}
}

// TestStdinJSONLDetected: JSON Lines piped in without --stdin-as are read
// as records; text that merely opens with a brace stays one document.
func TestStdinJSONLDetected(t *testing.T) {
	for _, c := range []struct {
		in  string
		ids []string
	}{
		{`{"id":"a","text":"和高华章"}` + "\n" + `{"id":"b","text":"卓越"}` + "\n", []string{"a", "b"}},
		{"\ufeff" + `{"id":"a","text":"x"}`, []string{"a"}},
		{"{注：本文为摘要}\n正文。\n", []string{"-"}},
		{"政府工作报告\n{\"id\":\"a\"}\n", []string{"-"}},
	} {
		var ids []string
		err := Read([]string{"-"}, Options{Stdin: strings.NewReader(c.in)}, func(d Document) error {
			if d.Err != nil {
				t.Errorf("%q: %v", c.in, d.Err)
			}
			ids = append(ids, d.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(ids, ",") != strings.Join(c.ids, ",") {
			t.Errorf("%q: ids %q, want %q", c.in, ids, c.ids)
		}
	}
}
