package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testdata/pdf (see its README.md): bulletin.pdf is bulletin.txt printed
// to PDF by LibreOffice; encrypted.pdf needs a password.
const pdfFixture = "testdata/pdf/bulletin.pdf"

func TestPDFText(t *testing.T) {
	data, err := os.ReadFile(pdfFixture)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/pdf/bulletin.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := pdfText(data)
	if err != nil {
		t.Fatal(err)
	}
	// the rows of each paragraph joined, the paragraphs one a line: the
	// text that was printed
	if got != string(want) {
		t.Errorf("PDF text:\n%s\nwant:\n%s", got, want)
	}
}

// minimalPDF returns a well-formed one-page PDF whose page draws content
// (a path without text: no text layer, as a scan has none).
func minimalPDF(content string) []byte {
	return pdfOf(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	)
}

// pdfOf returns a PDF of the objects 1, 2, ... (1 is the catalog), with
// a correct cross-reference table.
func pdfOf(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestPDFErrors(t *testing.T) {
	const catalog = "<< /Type /Catalog /Pages 2 0 R >>"
	enc, err := os.ReadFile("testdata/pdf/encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		msg  string
	}{
		{"encrypted", enc, "PDF is encrypted"},
		{"no text layer", minimalPDF("0 0 m 100 100 l S"), "PDF has no text layer"},
		// page trees the PDF library would walk for ever
		{"kids cycle", pdfOf(catalog, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"), "page tree is malformed"},
		{"kids fan out", pdfOf(catalog, "<< /Type /Pages /Kids [2 0 R 2 0 R 2 0 R] /Count 3 >>"), "page tree is malformed"},
		{"parent cycle", pdfOf(catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>", "<< /Length 5 >>\nstream\nBT ET\nendstream"), "page tree is malformed"},
		{"no Unicode map", pdfOf(catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
			"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 700 Td <0E2F1A3B0C220401> Tj ET\nendstream",
			"<< /Type /Font /Subtype /Type0 /BaseFont /ABC /Encoding /Identity-H /DescendantFonts [] >>"), "does not decode"},
		{"header only", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "PDF cannot be read"},
		{"not a PDF", []byte("%PDF"), "PDF cannot be read"},
	} {
		_, err := pdfText(c.data)
		if err == nil || !strings.Contains(err.Error(), c.msg) || ErrorClass(err) != ClassUnsupported {
			t.Errorf("%s: %v (class %q), want %q, unsupported_format", c.name, err, ErrorClass(err), c.msg)
		}
	}
}

// TestPDFRead reads a PDF as a file and as a file named .txt: each gives
// the text.
func TestPDFRead(t *testing.T) {
	data, err := os.ReadFile(pdfFixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.pdf"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), data, 0o644)
	var docs []Document
	err = Read([]string{dir}, Options{}, func(d Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(docs) != 2 {
		t.Fatalf("%v, %d documents", err, len(docs))
	}
	for _, d := range docs {
		if d.Err != nil || !strings.HasPrefix(d.Text, "黔西人大:多措并举推进党史学习教育深入开展\n") {
			t.Errorf("%s: %v %.60q", d.ID, d.Err, d.Text)
		}
	}
}

// TestPDFTruncated reads the fixture cut at many lengths and with bytes
// overwritten: an error of class unsupported_format or text, never a
// panic or a hang.
func TestPDFTruncated(t *testing.T) {
	data, err := os.ReadFile(pdfFixture)
	if err != nil {
		t.Fatal(err)
	}
	step := 1
	if testing.Short() {
		step = 37
	}
	start := time.Now()
	n, texts := 0, 0
	check := func(b []byte) {
		n++
		text, err := pdfText(b)
		if err != nil && ErrorClass(err) != ClassUnsupported {
			t.Fatalf("%d bytes: class %q: %v", len(b), ErrorClass(err), err)
		}
		if err == nil {
			texts++
			if strings.TrimSpace(text) == "" {
				t.Fatalf("%d bytes: empty text and no error", len(b))
			}
		}
	}
	for i := 0; i < len(data); i += step * 13 {
		check(data[:i])
	}
	for i := len(data) - 4096; i < len(data); i += step {
		check(data[:i])
	}
	for i := 0; i < len(data); i += step * 211 {
		b := bytes.Clone(data)
		for j := i; j < min(i+16, len(b)); j++ {
			b[j] ^= 0x5a
		}
		check(b)
	}
	t.Logf("%d damaged PDFs, %d still gave text, in %v", n, texts, time.Since(start))
}

// FuzzPDF: whatever the bytes, text or an unsupported_format error, never
// a panic.
func FuzzPDF(f *testing.F) {
	if data, err := os.ReadFile(pdfFixture); err == nil {
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add(minimalPDF("BT /F1 12 Tf 72 712 Td (Hello) Tj ET"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := pdfText(data)
		if err != nil && ErrorClass(err) != ClassUnsupported {
			t.Fatalf("class %q: %v", ErrorClass(err), err)
		}
		if err == nil && strings.TrimSpace(text) == "" {
			t.Fatal("empty text and no error")
		}
	})
}
