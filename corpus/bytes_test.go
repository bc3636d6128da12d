package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"testing"
)

// onlyReader hides io.ReaderAt, to take the in-memory zip path.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestReadStreamMatchesRead(t *testing.T) {
	dir := t.TempDir()
	gz := dir + "/bulletin.txt.gz"
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	src, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(src)
	zw.Close()
	if err := os.WriteFile(gz, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{
		"../testdata/000_776449805ff1d07a.txt",
		"../testdata/gbk/000_776449805ff1d07a.gbk.txt",
		"../testdata/jsonl/bulletins.jsonl",
		"../testdata/archives/three.zip",
		"../testdata/archives/three.tar.gz",
		"../testdata/binary/not-text.png",
		gz,
	}
	for _, name := range files {
		want := readAll(t, []string{name}, Options{})
		for _, hide := range []bool{false, true} {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			st, _ := f.Stat()
			var r io.Reader = f
			size := st.Size()
			if hide {
				r, size = onlyReader{f}, -1
			}
			var got []Document
			err = ReadStream(name, r, size, Options{}, func(d Document) error {
				got = append(got, d)
				return nil
			})
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(got) != len(want) || len(got) == 0 {
				t.Fatalf("%s (hidden ReaderAt %v): %d documents, Read gives %d", name, hide, len(got), len(want))
			}
			for i := range got {
				g, w := got[i], want[i]
				if g.ID != w.ID || g.Text != w.Text || !reflect.DeepEqual(g.Meta, w.Meta) || (g.Err == nil) != (w.Err == nil) {
					t.Errorf("%s doc %d: got %q err %v, Read gives %q err %v", name, i, g.ID, g.Err, w.ID, w.Err)
				}
				if hide && (kindOf(name) == fText || kindOf(name) == fHTML) {
					continue // size unknown: Bytes may differ
				}
				if g.Bytes != w.Bytes {
					t.Errorf("%s doc %d: Bytes %d, Read gives %d", name, i, g.Bytes, w.Bytes)
				}
			}
		}
	}
}

func TestReadStreamStopsOnCallbackError(t *testing.T) {
	stop := errors.New("enough")
	n := 0
	f, err := os.Open("../testdata/archives/three.zip")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	err = ReadStream(f.Name(), f, st.Size(), Options{}, func(Document) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("err = %v after %d documents, want the callback's error after 1", err, n)
	}
}

func TestParseJSONLMatchesRead(t *testing.T) {
	name := "../testdata/jsonl/bulletins.jsonl"
	want := readAll(t, []string{name}, Options{})
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	line, i := 0, 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		got := ParseJSONL(fmt.Sprintf("%s:%d", name, line), sc.Bytes(), Options{})
		if i >= len(want) {
			t.Fatalf("more records than Read gives (%d)", len(want))
		}
		w := want[i]
		if got.ID != w.ID || got.Text != w.Text || !reflect.DeepEqual(got.Meta, w.Meta) || (got.Err == nil) != (w.Err == nil) {
			t.Errorf("line %d: got %q %v, Read gives %q %v", line, got.ID, got.Err, w.ID, w.Err)
		}
		i++
	}
	if i != len(want) || i == 0 {
		t.Fatalf("parsed %d records, Read gives %d", i, len(want))
	}
	for _, bad := range []string{"", "  \r\n", "[1,2]", `{"text": 3}`} {
		if d := ParseJSONL("x:1", []byte(bad), Options{}); d.Err == nil || d.ID != "x:1" {
			t.Errorf("ParseJSONL(%q) = id %q err %v, want an error with the default id", bad, d.ID, d.Err)
		}
	}
	d := ParseJSONL("x:1", []byte(`{"id": 7, "text": "县委", "year": 1998}`+"\r\n"), Options{})
	if d.Err != nil || d.ID != "7" || d.Text != "县委" || d.Meta["year"] == nil {
		t.Errorf("ParseJSONL with id field = %+v", d)
	}
}
