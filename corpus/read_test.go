package corpus

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readAll reads inputs with Read and returns the documents.
func readAll(t *testing.T, inputs []string, opts Options) []Document {
	t.Helper()
	var docs []Document
	if err := Read(inputs, opts, func(d Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return docs
}

func ids(docs []Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadDirectoryGlobStdinAndMissing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.txt"), []byte("乙"))
	writeFile(t, filepath.Join(dir, "a", "z.txt"), []byte("甲"))
	writeFile(t, filepath.Join(dir, "c.txt"), []byte("丙"))
	writeFile(t, filepath.Join(dir, ".hidden"), []byte("x"))
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), []byte("x"))
	docs := readAll(t, []string{dir, filepath.Join(dir, "*.txt"), "-", filepath.Join(dir, "nope.txt"), filepath.Join(dir, "*.md")},
		Options{Stdin: strings.NewReader("标准输入")})
	want := []string{
		filepath.Join(dir, "a", "z.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt"),
		filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt"),
		"-", filepath.Join(dir, "nope.txt"), filepath.Join(dir, "*.md"),
	}
	if got := ids(docs); !reflect.DeepEqual(got, want) {
		t.Fatalf("ids = %q\nwant %q", got, want)
	}
	if docs[0].Text != "甲" || docs[5].Text != "标准输入" || docs[5].Bytes != int64(len("标准输入")) {
		t.Errorf("texts: %q %q", docs[0].Text, docs[5].Text)
	}
	if docs[6].Err == nil || !errors.Is(docs[6].Err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v", docs[6].Err)
	}
	if docs[7].Err == nil || !strings.Contains(docs[7].Err.Error(), "no file matches") {
		t.Errorf("empty glob: err = %v", docs[7].Err)
	}
}

func TestReadTestdataKinds(t *testing.T) {
	docs := readAll(t, []string{"../testdata/archives/three.zip", "../testdata/archives/three.tar.gz", "../testdata/binary"}, Options{})
	want := []string{
		"../testdata/archives/three.zip!bulletins/01-renda.txt",
		"../testdata/archives/three.zip!bulletins/02-gongzuo.txt",
		"../testdata/archives/three.zip!bulletins/03-jianbao.txt",
		"../testdata/archives/three.tar.gz!bulletins/01-renda.txt",
		"../testdata/archives/three.tar.gz!bulletins/02-gongzuo.txt",
		"../testdata/archives/three.tar.gz!bulletins/03-jianbao.txt",
		"../testdata/binary/jianbao.txt",
		"../testdata/binary/not-text.png",
		"../testdata/binary/renda.txt",
	}
	if got := ids(docs); !reflect.DeepEqual(got, want) {
		t.Fatalf("ids = %q\nwant %q", got, want)
	}
	for i := 0; i < 3; i++ {
		if docs[i].Err != nil || docs[i].Text != docs[i+3].Text || !strings.Contains(docs[i].Text, "县") {
			t.Errorf("zip and tar.gz member %d differ or failed: %v %v", i, docs[i].Err, docs[i+3].Err)
		}
	}
	if !errors.Is(docs[7].Err, ErrBinary) {
		t.Errorf("binary file: err = %v, want ErrBinary", docs[7].Err)
	}
	if docs[6].Err != nil || docs[8].Err != nil {
		t.Errorf("text files next to the binary one failed: %v, %v", docs[6].Err, docs[8].Err)
	}
}

func TestReadJSONL(t *testing.T) {
	docs := readAll(t, []string{"../testdata/jsonl/bulletins.jsonl"}, Options{})
	if got, want := ids(docs), []string{"qianxi-2021-04-20", "renda-32", "../testdata/jsonl/bulletins.jsonl:3", "3"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ids = %q, want %q", got, want)
	}
	utf, _ := os.ReadFile(sample)
	if docs[0].Text != string(utf) {
		t.Error("JSONL text of the sample differs from the file")
	}
	if docs[0].Meta["county"] != "黔西县" || docs[0].Meta["text"] != nil || docs[0].Meta["id"] != nil {
		t.Errorf("meta = %v", docs[0].Meta)
	}
	if tags, ok := docs[2].Meta["tags"].([]any); !ok || len(tags) != 2 {
		t.Errorf("meta tags = %#v", docs[2].Meta["tags"])
	}

	dir := t.TempDir()
	big := strings.Repeat("县", 1<<20) // 3 MB on one line
	gbkLine, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(`{"doc":"g","body":"黔西县人大"}`))
	lines := []string{
		`{"doc":"a","body":"甲"}`,
		``,
		`   `,
		`{"doc":"b","body":"` + big + `"}`,
		`not json`,
		`{"doc":"c"}`,
		`{"doc":"d","body":5}`,
		`[1,2]`,
		`{"doc":{"x":1},"body":"乙"}`,
		`{"body":"丙","n":12345678901234567890}` + "\r",
		string(gbkLine),
		`{"doc":"z","body":"末"}`, // no final newline
	}
	path := filepath.Join(dir, "x.ndjson")
	writeFile(t, path, []byte(strings.Join(lines, "\n")))
	docs = readAll(t, []string{path}, Options{TextField: "body", IDField: "doc"})
	wantIDs := []string{"a", "b", path + ":5", "c", "d", path + ":8", path + ":9", path + ":10", "g", "z"}
	if got := ids(docs); !reflect.DeepEqual(got, wantIDs) {
		t.Fatalf("ids = %q\nwant %q", got, wantIDs)
	}
	wantErr := []bool{false, false, true, true, true, true, true, false, false, false}
	for i, d := range docs {
		if (d.Err != nil) != wantErr[i] {
			t.Errorf("doc %s: err = %v, want error %v", d.ID, d.Err, wantErr[i])
		}
	}
	if docs[1].Text != big {
		t.Errorf("long line: text of %d bytes, want %d", len(docs[1].Text), len(big))
	}
	if n := docs[7].Meta["n"]; fmt.Sprint(n) != "12345678901234567890" {
		t.Errorf("big number in meta = %v, want it exact", n)
	}
	if docs[8].Text != "黔西县人大" {
		t.Errorf("GBK line text = %q", docs[8].Text)
	}

	// A line over the cap is an error record; the next line still reads.
	docs = readAll(t, []string{path}, Options{TextField: "body", IDField: "doc", MaxDocBytes: 1 << 20})
	if docs[1].ID != path+":4" || docs[1].Err == nil || !strings.Contains(docs[1].Err.Error(), "max-doc-bytes") {
		t.Errorf("over-long line: %s %v", docs[1].ID, docs[1].Err)
	}
	if docs[2].ID != path+":5" || len(docs) != 10 {
		t.Errorf("after the over-long line: %q (%d docs)", docs[2].ID, len(docs))
	}
}

func zipBytes(t *testing.T, members map[string]string, order []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(members[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadZipLimitsAndDamage(t *testing.T) {
	dir := t.TempDir()
	// A member that expands far beyond the cap is refused, others read.
	bomb := zipBytes(t, map[string]string{"a.txt": "甲", "zeros.txt": strings.Repeat("0", 1<<20), "c.jsonl": `{"text":"丙"}` + "\n"},
		[]string{"a.txt", "zeros.txt", "c.jsonl"})
	if len(bomb) > 1<<14 {
		t.Fatalf("test zip is %d bytes: the zeros did not compress", len(bomb))
	}
	path := filepath.Join(dir, "bomb.zip")
	writeFile(t, path, bomb)
	docs := readAll(t, []string{path}, Options{MaxDocBytes: 1000})
	if len(docs) != 3 || docs[0].Text != "甲" || docs[1].Err == nil || docs[2].Text != "丙" || docs[2].ID != path+"!c.jsonl:1" {
		t.Fatalf("bomb zip: %+v", docs)
	}

	// A member whose header lies about its size is refused when read.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	hdr := &zip.FileHeader{Name: "liar.txt", Method: zip.Store, UncompressedSize64: 3, CompressedSize64: 3000, CRC32: 0}
	w, err := zw.CreateRaw(hdr)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(strings.Repeat("县", 1000)))
	zw.Close()
	liar := filepath.Join(dir, "liar.zip")
	writeFile(t, liar, buf.Bytes())
	docs = readAll(t, []string{liar}, Options{})
	if len(docs) != 1 || docs[0].Err == nil {
		t.Errorf("lying zip member: %+v", docs)
	}

	// A truncated zip (no central directory) is one error record.
	good, _ := os.ReadFile("../testdata/archives/three.zip")
	cut := filepath.Join(dir, "cut.zip")
	writeFile(t, cut, good[:len(good)/2])
	docs = readAll(t, []string{cut, "../testdata/archives/three.zip"}, Options{})
	if len(docs) != 4 || docs[0].ID != cut || docs[0].Err == nil || docs[1].Err != nil {
		t.Errorf("truncated zip: %d docs, first %v", len(docs), docs[0].Err)
	}
	// A zip whose member data is damaged gives an error for that member.
	bad := bytes.Clone(good)
	i := bytes.Index(bad, []byte("bulletins/02-gongzuo.txt")) + len("bulletins/02-gongzuo.txt") + 10
	bad[i] ^= 0xFF
	dam := filepath.Join(dir, "damaged.zip")
	writeFile(t, dam, bad)
	docs = readAll(t, []string{dam}, Options{})
	if len(docs) != 3 || docs[0].Err != nil || docs[1].Err == nil || docs[2].Err != nil {
		t.Errorf("damaged member: %+v", docs)
	}
}

func TestReadTarDamageAndGzip(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("../testdata/archives/three.tar.gz")
	cut := filepath.Join(dir, "cut.tgz")
	writeFile(t, cut, good[:len(good)*2/3])
	docs := readAll(t, []string{cut}, Options{})
	if len(docs) == 0 || docs[len(docs)-1].Err == nil {
		t.Fatalf("truncated tar.gz: %+v", docs)
	}
	for _, d := range docs[:len(docs)-1] {
		if d.Err != nil {
			t.Errorf("member before the damage failed: %s %v", d.ID, d.Err)
		}
	}

	// A plain tar with an oversized member and a JSONL member.
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, m := range []struct{ name, body string }{{"big.txt", strings.Repeat("县", 500)}, {"d/x.jsonl", "{\"text\":\"甲\"}\n{\"text\":\"乙\"}\n"}} {
		tw.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.body)), Typeflag: tar.TypeReg})
		tw.Write([]byte(m.body))
	}
	tw.Close()
	path := filepath.Join(dir, "t.tar")
	writeFile(t, path, buf.Bytes())
	docs = readAll(t, []string{path}, Options{MaxDocBytes: 100})
	if got := ids(docs); !reflect.DeepEqual(got, []string{path + "!big.txt", path + "!d/x.jsonl:1", path + "!d/x.jsonl:2"}) || docs[0].Err == nil || docs[2].Text != "乙" {
		t.Errorf("tar: %q %+v", got, docs)
	}

	// A gzipped text file and a gzipped JSONL file.
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	writeFile(t, filepath.Join(dir, "a.txt.gz"), gz("甲乙"))
	writeFile(t, filepath.Join(dir, "b.jsonl.gz"), gz(`{"id":"b1","text":"丙"}`+"\n"))
	writeFile(t, filepath.Join(dir, "c.txt.gz"), []byte("not gzip"))
	docs = readAll(t, []string{filepath.Join(dir, "*.gz")}, Options{})
	if len(docs) != 3 || docs[0].Text != "甲乙" || docs[1].ID != "b1" || docs[2].Err == nil {
		t.Errorf("gzip: %+v", docs)
	}
}

func TestReadHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="gbk"><title>县人大常委会</title>
<style>p{color:red}</style><script>var x = "不可见";</script></head>
<body><div class="nav">首页 &gt; 新闻</div>
<p>  4月20日，县人大常委会
   召开会议。</p><p>会议&nbsp;由<b>王建国</b>主持。<br>散会。</p>
<!-- 注释 --></body></html>`
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.html"), gbk)
	writeFile(t, filepath.Join(dir, "q.HTM"), []byte(strings.Replace(page, "gbk", "utf-8", 1)))
	docs := readAll(t, []string{dir}, Options{})
	want := "县人大常委会\n首页 > 新闻\n4月20日，县人大常委会 召开会议。\n会议\u00a0由王建国主持。\n散会。"
	if len(docs) != 2 || docs[0].Text != want || docs[1].Text != want {
		t.Errorf("HTML text:\n%q\nwant\n%q", docs[0].Text, want)
	}
}

func TestListAndTotalBytes(t *testing.T) {
	var got []Document
	err := List([]string{"../testdata/jsonl/bulletins.jsonl", sample, "../testdata/archives/three.zip"}, Options{}, func(d Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil || len(got) != 8 {
		t.Fatalf("List: %d docs, %v", len(got), err)
	}
	st, _ := os.Stat(sample)
	if got[0].Meta["county"] != "黔西县" || got[0].Text != "" || got[4].ID != sample || got[4].Bytes != st.Size() || got[5].Bytes != 307 {
		t.Errorf("List docs: %+v", got[:6])
	}
	total, ok := TotalBytes([]string{sample, "../testdata/binary"})
	if !ok || total < st.Size()+500 {
		t.Errorf("TotalBytes = %d, %v", total, ok)
	}
	if _, ok := TotalBytes([]string{sample, "-"}); ok {
		t.Error("TotalBytes with stdin is known")
	}
}

func TestReadExclude(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), []byte("甲"))
	writeFile(t, filepath.Join(dir, "out.jsonl"), []byte(`{"id":"x","text":"乙"}`+"\n"))
	docs := readAll(t, []string{dir}, Options{Exclude: []string{filepath.Join(dir, ".", "out.jsonl")}})
	if got := ids(docs); !reflect.DeepEqual(got, []string{filepath.Join(dir, "a.txt")}) {
		t.Errorf("ids = %q: the excluded file was read", got)
	}
}

// A 20 MB document on one JSONL line reads whole, and the line after it
// too.
func TestReadJSONL20MBLine(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB line: skipped with -short")
	}
	text := strings.Repeat("县人大常委会召开会议。", 700_000) // 21 MB
	path := filepath.Join(t.TempDir(), "big.jsonl")
	writeFile(t, path, []byte(`{"id":"big","text":"`+text+`"}`+"\n"+`{"id":"next","text":"乙"}`))
	docs := readAll(t, []string{path}, Options{})
	if len(docs) != 2 || docs[0].Err != nil || docs[0].Text != text || docs[1].Text != "乙" {
		t.Fatalf("20 MB line: %d docs, err %v", len(docs), docs[0].Err)
	}
}

// Zip archives with data before them (self-extracting), with more members
// than the classic format counts (zip64), and with GBK member names.
func TestReadZipVariants(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("../testdata/archives/three.zip")
	sfx := filepath.Join(dir, "sfx.zip")
	writeFile(t, sfx, append(bytes.Repeat([]byte("MZ stub "), 100), good...))
	docs := readAll(t, []string{sfx}, Options{})
	if len(docs) != 3 || docs[0].Err != nil || docs[2].Err != nil || !strings.HasSuffix(docs[2].ID, "03-jianbao.txt") {
		t.Errorf("zip with a prefix: %+v", docs)
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	const n = 70000 // over 65535: the writer must use a zip64 directory
	for i := range n {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("d/%05d.txt", i), Method: zip.Store})
		fmt.Fprintf(w, "第%d号", i)
	}
	gbkName, _ := simplifiedchinese.GBK.NewEncoder().String("通报.txt")
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: gbkName, NonUTF8: true, Method: zip.Deflate})
	w.Write([]byte("县"))
	zw.Close()
	big := filepath.Join(dir, "many.zip")
	writeFile(t, big, buf.Bytes())
	count := 0
	var last Document
	err := Read([]string{big}, Options{}, func(d Document) error {
		if d.Err != nil {
			t.Fatalf("%s: %v", d.ID, d.Err)
		}
		if count < n && d.Text != fmt.Sprintf("第%d号", count) {
			t.Fatalf("member %d: %q", count, d.Text)
		}
		count++
		last = d
		return nil
	})
	if err != nil || count != n+1 || last.ID != big+"!通报.txt" || last.Text != "县" {
		t.Errorf("zip64: %d members, last %q %q, %v", count, last.ID, last.Text, err)
	}
}

func TestDocumentsIterator(t *testing.T) {
	var got []string
	for d := range Documents([]string{"../testdata/archives/three.zip", sample}, Options{}) {
		got = append(got, d.ID)
		if len(got) == 2 {
			break
		}
	}
	if len(got) != 2 || !strings.HasSuffix(got[1], "02-gongzuo.txt") {
		t.Errorf("Documents = %q", got)
	}
}

func TestReadStdinAs(t *testing.T) {
	in := `{"id":"a","text":"甲"}` + "\n" + `{"text":"乙"}` + "\n"
	docs := readAll(t, nil, Options{Stdin: strings.NewReader(in), StdinAs: "jsonl"})
	if got := ids(docs); !reflect.DeepEqual(got, []string{"a", "-:2"}) || docs[1].Text != "乙" {
		t.Errorf("stdin as jsonl: %q", got)
	}
	docs = readAll(t, []string{"-"}, Options{Stdin: strings.NewReader("<p>甲</p><script>x</script>"), StdinAs: "html"})
	if len(docs) != 1 || docs[0].Text != "甲" {
		t.Errorf("stdin as html: %+v", docs)
	}
}
