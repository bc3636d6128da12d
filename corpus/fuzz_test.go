package corpus

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets check that no input makes a decoder panic, hang or
// produce invalid UTF-8, and that every document comes out either with
// text or with an error. Seeds: f.Add below and testdata/fuzz/FuzzXxx/.

func seedFiles(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatalf("seed %s: %v", p, err)
		}
		f.Add(b[:min(len(b), 512)])
	}
}

// checkItems drains a walker over one fuzz input and checks each document.
func checkItems(t *testing.T, run func(w *walker) error) int {
	t.Helper()
	n := 0
	w := &walker{opts: Options{}, max: 1 << 16}
	w.emit = func(it *item) error {
		n++
		d := it.decode(w.opts)
		if d.ID == "" {
			t.Errorf("document without id")
		}
		if d.Err == nil && !utf8.ValidString(d.Text) {
			t.Errorf("%s: text is not valid UTF-8", d.ID)
		}
		if d.Err != nil && d.Text != "" {
			t.Errorf("%s: error and text both set", d.ID)
		}
		return nil
	}
	if err := run(w); err != nil {
		t.Fatalf("walker returned %v", err)
	}
	return n
}

func FuzzDecode(f *testing.F) {
	seedFiles(f, sample, "../testdata/gbk/000_776449805ff1d07a.gbk.txt", "../testdata/binary/not-text.png")
	f.Add([]byte("\xff\xfe\x3f\x5e\x00"))
	f.Add([]byte("\xa4\xa4\xa4\xe5")) // Big5 中文
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, enc := range append([]string{""}, EncodingNames...) {
			text, _, err := Decode(data, enc)
			if err == nil && !utf8.ValidString(text) {
				t.Fatalf("Decode(%q) gave invalid UTF-8", enc)
			}
			if enc != "" && err != nil {
				t.Fatalf("forced Decode(%q) failed: %v", enc, err)
			}
		}
	})
}

func FuzzJSONL(f *testing.F) {
	seedFiles(f, "../testdata/jsonl/bulletins.jsonl")
	f.Add([]byte("{\"text\":\"\\ud800\"}\n\n{\"id\":null,\"text\":\"x\"}\r\n[]\nnull\n{\"text\":1}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		n := checkItems(t, func(w *walker) error { return w.jsonl("f.jsonl", bytes.NewReader(data)) })
		if n > lines {
			t.Fatalf("%d documents from %d lines", n, lines)
		}
	})
}

func FuzzZip(f *testing.F) {
	seedFiles(f, "../testdata/archives/three.zip")
	f.Fuzz(func(t *testing.T, data []byte) {
		n := checkItems(t, func(w *walker) error { return w.zip("f.zip", bytes.NewReader(data), int64(len(data))) })
		if n == 0 {
			t.Fatal("no document and no error record")
		}
	})
}

func FuzzTar(f *testing.F) {
	seedFiles(f, "../testdata/archives/three.tar.gz")
	b, _ := os.ReadFile("../testdata/archives/three.tar.gz")
	if zr, err := gzip.NewReader(bytes.NewReader(b)); err == nil {
		var raw bytes.Buffer
		raw.ReadFrom(zr)
		f.Add(raw.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.tar", "f.tar.gz"} {
			n := checkItems(t, func(w *walker) error { return w.stream(name, name, bytes.NewReader(data), -1) })
			if n == 0 {
				t.Fatalf("%s: no document and no error record", name)
			}
		}
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><meta charset="gbk"><title>标题</title><script>x</script></head><body><p>正文&amp;<br>第二行</p><pre> a
 b</pre></body></html>`))
	f.Add([]byte("<p>\xb0\xa1<div><svg><p>x</svg>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		page, err := decodeHTML(data, "")
		if err != nil {
			return
		}
		text := HTMLText(page)
		if !utf8.ValidString(text) || strings.HasPrefix(text, " ") || strings.Contains(text, " \n") {
			t.Fatalf("HTMLText gave %q", text)
		}
	})
}

// FuzzFlatRecord holds jsonObject's fast path to encoding/json: wherever
// flatRecord accepts a line, encoding/json (UseNumber, into a map) must
// decode it to the same record.
func FuzzFlatRecord(f *testing.F) {
	for _, s := range flatRecordCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFlatRecord(t, data)
	})
}
