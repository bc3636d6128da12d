package corpus

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Reproductions of adversarial and careless inputs: each failed before its
// fix.

// runWith runs countWork over inputs with opts and returns the output.
func runWith(t *testing.T, inputs []string, ropts Options, opts RunOptions) string {
	t.Helper()
	var out bytes.Buffer
	opts.Out = &out
	if _, err := Run(context.Background(), inputs, ropts, opts, countWork); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String()
}

// idCounts counts the ids of the records of out, as a resume does.
func idCounts(t *testing.T, out string) map[string]int {
	t.Helper()
	done := map[string]int{}
	for _, l := range strings.SplitAfter(out, "\n") {
		if l == "" {
			continue
		}
		i := strings.Index(l, `"id":"`)
		j := strings.Index(l[i+6:], `"`)
		done[l[i+6:i+6+j]]++
	}
	return done
}

// Resuming after any number of records gives the uninterrupted output,
// byte for byte, also when some documents failed: error records count as
// done and are not written again.
func TestResumeWithErrorRecordsIsExact(t *testing.T) {
	inputs := runInputs(t, 300)
	full := runWith(t, inputs, Options{}, RunOptions{Jobs: 3})
	lines := strings.SplitAfter(full, "\n")
	lines = lines[:len(lines)-1]
	if !strings.Contains(full, `"error"`) {
		t.Fatal("the inputs give no error record")
	}
	for _, k := range []int{0, 1, 5, 50, 150, len(lines) - 1, len(lines)} {
		head := strings.Join(lines[:k], "")
		for _, unordered := range []bool{false, true} {
			rest := runWith(t, inputs, Options{}, RunOptions{Jobs: 3, Unordered: unordered, Done: idCounts(t, head)})
			got := head + rest
			if !unordered && got != full {
				t.Errorf("resume after %d records: output differs (%d bytes, want %d)", k, len(got), len(full))
			}
			if unordered && len(got) != len(full) {
				t.Errorf("unordered resume after %d records: %d bytes, want %d", k, len(got), len(full))
			}
		}
	}
}

// --unordered --resume with duplicate ids skips the first documents of
// each id in input order, whatever the order they finish in.
func TestUnorderedResumeDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.jsonl")
	var b strings.Builder
	// The first "a" is long (finishes last), the second short.
	fmt.Fprintf(&b, `{"id":"a","text":%q}`+"\n", strings.Repeat("一", 40001))
	b.WriteString(`{"id":"a","text":"二二"}` + "\n")
	b.WriteString(`{"id":"b","text":"三三三"}` + "\n")
	writeFile(t, path, []byte(b.String()))
	slow := func(d Document) ([]byte, error) {
		if len(d.Text) > 1000 {
			time.Sleep(200 * time.Millisecond)
		}
		return countWork(d)
	}
	for range 3 {
		var out bytes.Buffer
		_, err := Run(context.Background(), []string{path}, Options{}, RunOptions{Jobs: 3, Unordered: true, Out: &out, Done: map[string]int{"a": 1}}, slow)
		if err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if strings.Count(got, `"id":"a"`) != 1 || !strings.Contains(got, `{"id":"a","runes":2}`) {
			t.Fatalf("unordered resume kept the wrong \"a\": %q", got)
		}
	}
}

// An empty id field is no id: the document keeps file:LINE.
func TestEmptyIDIsNoID(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "e.jsonl")
	writeFile(t, path, []byte(`{"id":"","text":"一"}`+"\n"+`{"id":null,"text":"二"}`+"\n"))
	docs := readAll(t, []string{path}, Options{})
	if len(docs) != 2 || docs[0].ID != path+":1" || docs[1].ID != path+":2" {
		t.Fatalf("ids %q", ids(docs))
	}
	if d := ParseJSONL("x:1", []byte(`{"id":"","text":"一"}`), Options{}); d.ID != "x:1" {
		t.Fatalf("ParseJSONL id %q", d.ID)
	}
}

// UTF-16 JSON Lines (PowerShell's Out-File) are decoded before lines are
// cut: 上 is 0A 4E in UTF-16LE.
func TestUTF16JSONL(t *testing.T) {
	text := `{"id":"r1","text":"上海上报"}` + "\r\n" + `{"id":"r2","text":"县上"}` + "\r\n"
	dir := t.TempDir()
	for _, name := range []string{"le", "be"} {
		enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
		if name == "be" {
			enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
		}
		path := filepath.Join(dir, name+".jsonl")
		writeFile(t, path, encode(t, enc, text))
		docs := readAll(t, []string{path}, Options{})
		if len(docs) != 2 || docs[0].Err != nil || docs[0].ID != "r1" || docs[0].Text != "上海上报" || docs[1].Text != "县上" {
			t.Fatalf("%s: %+v", name, docs)
		}
		// Forced, without a BOM.
		nobom := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
		forced := "utf-16le"
		if name == "be" {
			nobom, forced = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
		}
		writeFile(t, path, encode(t, nobom, text))
		docs = readAll(t, []string{path}, Options{Encoding: forced})
		if len(docs) != 2 || docs[0].Err != nil || docs[1].Text != "县上" {
			t.Fatalf("%s forced: %+v", name, docs)
		}
	}
}

// An HTML page in GBK whose meta charset says utf-8 or big5 is detected,
// not decoded into garbage; an honest big5 declaration is still believed.
func TestHTMLLyingCharset(t *testing.T) {
	body := "县人大常委会召开党史学习教育动员大会，会议强调要做好乡村振兴工作。"
	dir := t.TempDir()
	for _, cs := range []string{"utf-8", "big5", "gbk"} {
		page := append([]byte(`<html><head><meta charset="`+cs+`"></head><body><p>`), encode(t, simplifiedchinese.GBK, body)...)
		page = append(page, "</p></body></html>"...)
		path := filepath.Join(dir, cs+".html")
		writeFile(t, path, page)
		docs := readAll(t, []string{path}, Options{})
		if len(docs) != 1 || docs[0].Err != nil || docs[0].Text != body {
			t.Errorf("GBK page declared %s: %q %v", cs, docs[0].Text, docs[0].Err)
		}
	}
}

// --max-doc-bytes at the largest int64 does not overflow.
func TestMaxDocBytesHuge(t *testing.T) {
	for _, max := range []int64{math.MaxInt64, math.MaxInt64 - 1, 1 << 62} {
		docs := readAll(t, []string{sample, "../testdata/jsonl/bulletins.jsonl"}, Options{MaxDocBytes: max})
		for _, d := range docs {
			if d.Err != nil || d.Text == "" {
				t.Fatalf("max %d: %s: %v, %d bytes of text", max, d.ID, d.Err, len(d.Text))
			}
		}
	}
}

// tarOf builds a tar archive of the members, in order.
func tarOf(t *testing.T, names []string, sizes []int) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for i, name := range names {
		data := bytes.Repeat([]byte("县"), sizes[i]/3)
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write(data)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A plain tar cut at a block boundary, in a member's padding or before
// the end marker gives an error record for the archive.
func TestTruncatedTar(t *testing.T) {
	whole := tarOf(t, []string{"a.txt", "b.txt", "c.txt"}, []int{1536, 300, 600})
	// a: header 0-512, data 512-2048; b: header 2048, data 2560-2860,
	// padding to 3072; c: header 3072, data 3584-4184, padding to 4608;
	// end marker 4608-5632 (and the writer's padding after).
	dir := t.TempDir()
	cases := []struct {
		cut  int
		want int // members read before the cut
	}{{2048, 1}, {2900, 2}, {3072, 2}, {4608, 3}, {4300, 3}}
	for _, c := range cases {
		path := filepath.Join(dir, fmt.Sprintf("cut%d.tar", c.cut))
		writeFile(t, path, whole[:c.cut])
		docs := readAll(t, []string{path}, Options{})
		last := docs[len(docs)-1]
		if last.ID != path || last.Err == nil || !strings.Contains(last.Err.Error(), "cut off") {
			t.Errorf("tar cut at %d: last document %s, error %v", c.cut, last.ID, last.Err)
		}
		good := 0
		for _, d := range docs {
			if d.Err == nil {
				good++
			}
		}
		if c.cut != 2900 && good != c.want { // at 2900 b is cut in its padding: read whole
			t.Errorf("tar cut at %d: %d members read, want %d", c.cut, good, c.want)
		}
	}
	path := filepath.Join(dir, "whole.tar")
	writeFile(t, path, whole)
	for _, d := range readAll(t, []string{path}, Options{}) {
		if d.Err != nil {
			t.Errorf("whole tar: %s: %v", d.ID, d.Err)
		}
	}
	// One zero block of the end marker is enough (as tar itself reads).
	writeFile(t, path, whole[:5120])
	for _, d := range readAll(t, []string{path}, Options{}) {
		if d.Err != nil {
			t.Errorf("tar with one end block: %s: %v", d.ID, d.Err)
		}
	}
}

// A sparse member (a 10 KB archive holding a 1 TB .jsonl of zeros, old
// GNU and PAX forms, as GNU tar -S writes them) is refused at once, not
// read as an endless stream of zeros nor skipped silently.
func TestSparseTar(t *testing.T) {
	for _, f := range []string{"testdata/sparse-gnu.tar", "testdata/sparse-pax.tar"} {
		done := make(chan []Document)
		go func() {
			var docs []Document
			Read([]string{f}, Options{}, func(d Document) error { docs = append(docs, d); return nil })
			done <- docs
		}()
		select {
		case docs := <-done:
			last := docs[len(docs)-1]
			if !strings.HasSuffix(last.ID, "!big.jsonl") || last.Err == nil || !strings.Contains(last.Err.Error(), "sparse") {
				t.Errorf("%s: %v", f, ids(docs))
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: still reading after 20 s", f)
		}
	}
}

// zipOverlapping builds a zip whose n directory entries all point at one
// deflated member of size bytes.
func zipOverlapping(t *testing.T, n, size int) []byte {
	t.Helper()
	one := zipBytes(t, map[string]string{"m0000.txt": strings.Repeat("县", size/3)}, []string{"m0000.txt"})
	le := binary.LittleEndian
	eocd := len(one) - 22
	dirSize, dirOff := int(le.Uint32(one[eocd+12:])), int(le.Uint32(one[eocd+16:]))
	entry := one[dirOff : dirOff+dirSize]
	out := append([]byte(nil), one[:dirOff]...)
	for i := range n {
		e := bytes.Clone(entry)
		copy(e[46:], fmt.Sprintf("m%04d.txt", i))
		out = append(out, e...)
	}
	tail := bytes.Clone(one[eocd:])
	le.PutUint16(tail[8:], uint16(n))
	le.PutUint16(tail[10:], uint16(n))
	le.PutUint32(tail[12:], uint32(n*dirSize))
	return append(out, tail...)
}

// Members that share their data are refused (one expands, the others are
// error records), and the total an archive may expand to is capped.
func TestZipOverlapAndBudget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bomb.zip")
	writeFile(t, path, zipOverlapping(t, 200, 3<<20))
	docs := readAll(t, []string{path}, Options{})
	if len(docs) != 200 || docs[0].Err != nil {
		t.Fatalf("%d documents, first %v", len(docs), docs[0].Err)
	}
	for _, d := range docs[1:] {
		if d.Err == nil || !strings.Contains(d.Err.Error(), "overlaps") {
			t.Fatalf("%s: %v", d.ID, d.Err)
		}
	}
	// A configured budget stops an archive of honest members.
	var members []string
	m := map[string]string{}
	for i := range 10 {
		name := fmt.Sprintf("d%d.txt", i)
		members = append(members, name)
		m[name] = strings.Repeat("县人大", 100)
	}
	writeFile(t, path, zipBytes(t, m, members))
	docs = readAll(t, []string{path}, Options{MaxArchiveBytes: 3000})
	last := docs[len(docs)-1]
	if last.ID != path || last.Err == nil || !strings.Contains(last.Err.Error(), "--max-archive-bytes") || len(docs) > 5 {
		t.Fatalf("zip over budget: %q, last %v", ids(docs), last.Err)
	}
	tpath := filepath.Join(dir, "t.tar")
	writeFile(t, tpath, tarOf(t, members, []int{900, 900, 900, 900, 900, 900, 900, 900, 900, 900}))
	docs = readAll(t, []string{tpath}, Options{MaxArchiveBytes: 3000})
	last = docs[len(docs)-1]
	if last.ID != tpath || last.Err == nil || !strings.Contains(last.Err.Error(), "--max-archive-bytes") || len(docs) > 6 {
		t.Fatalf("tar over budget: %q, last %v", ids(docs), last.Err)
	}
}

// endless is a reader of endless bytes with no newline.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// blocking is a reader that never returns (a terminal nobody types in).
type blocking struct{}

func (blocking) Read(p []byte) (int, error) { select {} }

// Cancellation reaches a reader stuck in one endless line, and Run returns
// even when the reader is blocked in a read.
func TestRunCancelInsideReaders(t *testing.T) {
	for name, r := range map[string]io.Reader{"endless": endless{}, "blocking": blocking{}} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		done := make(chan error, 1)
		go func() {
			_, err := Run(ctx, []string{"-"}, Options{Stdin: r, StdinAs: "jsonl", MaxDocBytes: 1 << 40}, RunOptions{Jobs: 2, Out: io.Discard}, countWork)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%s: no error after cancellation", name)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Run still running 10 s after cancellation", name)
		}
		cancel()
	}
}

// Absurd job counts are capped rather than exhausting memory.
func TestRunHugeJobs(t *testing.T) {
	for _, jobs := range []int{100000000, 1 << 61, 1 << 62, math.MaxInt} {
		out := runWith(t, []string{sample}, Options{}, RunOptions{Jobs: jobs})
		if strings.Count(out, "\n") != 1 {
			t.Fatalf("jobs %d: %q", jobs, out)
		}
	}
}

// An empty directory, special files and links to directories give error
// records; a glob, like a directory scan, does not match dot-files.
func TestNothingSkippedSilently(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(filepath.Join(empty, "sub"), 0o755)
	docs := readAll(t, []string{empty}, Options{})
	if len(docs) != 1 || docs[0].Err == nil || !strings.Contains(docs[0].Err.Error(), "no files") {
		t.Fatalf("empty directory: %+v", docs)
	}
	full := filepath.Join(dir, "full")
	writeFile(t, filepath.Join(full, "a.txt"), []byte("县"))
	writeFile(t, filepath.Join(full, ".hidden.txt"), []byte("县"))
	os.Symlink(empty, filepath.Join(full, "link"))
	docs = readAll(t, []string{full}, Options{})
	if len(docs) != 2 || docs[0].Err != nil || docs[1].Err == nil || !strings.Contains(docs[1].Err.Error(), "directory") {
		t.Fatalf("directory with a link to a directory: %q", ids(docs))
	}
	docs = readAll(t, []string{filepath.Join(full, "*.txt")}, Options{})
	if len(docs) != 1 || docs[0].ID != filepath.Join(full, "a.txt") {
		t.Fatalf("glob: %q", ids(docs))
	}
	docs = readAll(t, []string{filepath.Join(full, ".*.txt")}, Options{})
	if len(docs) != 1 || docs[0].ID != filepath.Join(full, ".hidden.txt") {
		t.Fatalf("dot glob: %q", ids(docs))
	}
	// Tar links and devices.
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	tw.WriteHeader(&tar.Header{Name: "a.txt", Size: 3, Mode: 0o644, Typeflag: tar.TypeReg})
	tw.Write([]byte("县"))
	tw.WriteHeader(&tar.Header{Name: "l.txt", Linkname: "a.txt", Typeflag: tar.TypeSymlink})
	tw.WriteHeader(&tar.Header{Name: "h.txt", Linkname: "a.txt", Typeflag: tar.TypeLink})
	tw.WriteHeader(&tar.Header{Name: "fifo", Typeflag: tar.TypeFifo})
	tw.WriteHeader(&tar.Header{Name: "d/", Typeflag: tar.TypeDir, Mode: 0o755})
	tw.Close()
	tpath := filepath.Join(dir, "l.tar")
	writeFile(t, tpath, buf.Bytes())
	docs = readAll(t, []string{tpath}, Options{})
	if len(docs) != 4 || docs[0].Err != nil || docs[1].Err == nil || docs[2].Err == nil || docs[3].Err == nil {
		t.Fatalf("tar with links: %q", ids(docs))
	}
}

// A short UTF-8 text cut in its last character is text.
func TestShortUTF8CutIsText(t *testing.T) {
	b := []byte("县人大")
	text, enc, err := Decode(b[:len(b)-1], "")
	if err != nil || enc != UTF8 || text != "县人\uFFFD" {
		t.Fatalf("cut text: %q %s %v", text, enc, err)
	}
}

// A gzip file with bytes after its stream keeps its document, and a file
// of two gzip members is read whole.
func TestGzipTrailingBytes(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt.gz")
	for name, data := range map[string][]byte{
		"garbage": append(gz("县人大常委会"), "garbage\x00\x00"...),
		"zeros":   append(gz("县人大常委会"), make([]byte, 1000)...),
		"members": append(gz("县人大"), gz("常委会")...),
	} {
		writeFile(t, path, data)
		docs := readAll(t, []string{path}, Options{})
		if len(docs) != 1 || docs[0].Err != nil || docs[0].Text != "县人大常委会" {
			t.Errorf("%s: %+v", name, docs)
		}
	}
}

// RunTo spools a record larger than SpoolMemory to a temporary file and
// writes it in its turn; a record whose work fails after writing is
// replaced by the error record.
func TestRunToSpoolsLargeRecords(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.jsonl")
	writeFile(t, path, []byte(`{"id":"a","text":"一"}`+"\n"+`{"id":"big","text":"二"}`+"\n"+`{"id":"bad","text":"三"}`+"\n"+`{"id":"c","text":"四"}`+"\n"))
	big := strings.Repeat("县", SpoolMemory) // 3 times SpoolMemory bytes
	var out bytes.Buffer
	sum, err := RunTo(context.Background(), []string{path}, Options{}, RunOptions{Jobs: 3, Out: &out}, func(d Document, w io.Writer) error {
		switch d.ID {
		case "big":
			for i := 0; i < len(big); i += 1 << 20 {
				w.Write([]byte(big[i:min(i+1<<20, len(big))]))
			}
			_, err := w.Write([]byte("\n"))
			return err
		case "bad":
			w.Write([]byte(big))
			return fmt.Errorf("failed late")
		}
		_, err := fmt.Fprintf(w, "{\"id\":%q}\n", d.ID)
		return err
	})
	if err != nil || sum.Docs != 4 || sum.Errors != 1 {
		t.Fatalf("RunTo: %v, %+v", err, sum)
	}
	want := `{"id":"a"}` + "\n" + big + "\n" + `{"id":"bad","error":"failed late"}` + "\n" + `{"id":"c"}` + "\n"
	if out.String() != want {
		t.Fatalf("output of %d bytes, want %d", out.Len(), len(want))
	}
}
