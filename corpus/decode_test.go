package corpus

import (
	"errors"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

const sample = "../testdata/000_776449805ff1d07a.txt"

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func TestDecodeGBKCopyOfSample(t *testing.T) {
	want, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := os.ReadFile("../testdata/gbk/000_776449805ff1d07a.gbk.txt")
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(gbk) {
		t.Fatal("the GBK copy is valid UTF-8: it is not a GBK file")
	}
	text, enc, err := Decode(gbk, "")
	if err != nil || enc != GB18030 {
		t.Fatalf("Decode(GBK sample) = enc %q, err %v; want gb18030", enc, err)
	}
	if text != string(want) {
		t.Errorf("GBK sample decodes to a different text than the UTF-8 sample")
	}
}

// Short texts of both scripts must not be mistaken for each other: GBK
// wins ties, Big5 only when clearly better.
func TestDetectGBKVersusBig5(t *testing.T) {
	simplified := []string{
		"县人大常委会召开第三十二次会议",
		"全县地区生产总值完成186.5亿元，同比增长8.2%。",
		"认真贯彻习近平总书记重要讲话精神，推动党史学习教育走深走实。",
		"乡镇",
	}
	for _, s := range simplified {
		b := encode(t, simplifiedchinese.GBK, s)
		got, err := Detect(b)
		if err != nil || got != GB18030 {
			t.Errorf("Detect(GBK %q) = %q, %v; want gb18030", s, got, err)
		}
		text, _, _ := Decode(b, "")
		if text != s {
			t.Errorf("Decode(GBK %q) = %q", s, text)
		}
	}
	traditional := []string{
		"縣議會召開第三次定期會議，審議年度總預算案。",
		"臺北市政府今日發布新聞稿，說明交通建設進度與經費執行情形。",
		"行政院會議通過國家發展計畫，預計明年實施。",
	}
	for _, s := range traditional {
		b := encode(t, traditionalchinese.Big5, s)
		got, err := Detect(b)
		if err != nil || got != Big5 {
			t.Errorf("Detect(Big5 %q) = %q, %v; want big5", s, got, err)
		}
		text, _, _ := Decode(b, "")
		if text != s {
			t.Errorf("Decode(Big5 %q) = %q", s, text)
		}
	}
}

func TestDecodeBOMsAndForced(t *testing.T) {
	s := "黔西县人大常委会\n召开会议"
	cases := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, s...), UTF8},
		{"utf-16le bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), s), UTF16LE},
		{"utf-16be bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), s), UTF16BE},
	}
	for _, c := range cases {
		text, enc, err := Decode(c.data, "")
		if err != nil || enc != c.enc || text != s {
			t.Errorf("%s: Decode = %q, %q, %v; want %q, %q", c.name, text, enc, err, s, c.enc)
		}
	}
	// Forcing Big5 on Big5 bytes that detection would also read; forcing
	// GBK on bytes whatever they are never fails.
	b5 := encode(t, traditionalchinese.Big5, "臺灣")
	if text, enc, err := Decode(b5, "BIG5"); err != nil || enc != Big5 || text != "臺灣" {
		t.Errorf("Decode(big5 forced) = %q, %q, %v", text, enc, err)
	}
	if text, _, err := Decode([]byte{0xFF, 0x41}, "gbk"); err != nil || !utf8.ValidString(text) {
		t.Errorf("Decode(forced gbk on invalid bytes) = %q, %v", text, err)
	}
	if _, _, err := Decode([]byte("x"), "latin-9"); err == nil {
		t.Error("Decode with an unknown encoding succeeded")
	}
}

func TestDetectBinaryAndDamage(t *testing.T) {
	if _, err := Detect([]byte("abc\x00def")); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL byte: err = %v, want ErrBinary", err)
	}
	r := rand.New(rand.NewSource(1))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(1 + r.Intn(255))
	}
	if _, _, err := Decode(noise, ""); !errors.Is(err, ErrBinary) {
		t.Errorf("random bytes: err = %v, want ErrBinary", err)
	}
	ctrl := []byte(strings.Repeat("ab\x01\x02\x03", 50))
	if _, _, err := Decode(ctrl, ""); !errors.Is(err, ErrBinary) {
		t.Errorf("control characters: err = %v, want ErrBinary", err)
	}
	// A UTF-8 text cut in the middle of its last character stays UTF-8.
	s := strings.Repeat("县人大常委会召开会议。", 20)
	cut := []byte(s)[:len(s)-1]
	text, enc, err := Decode(cut, "")
	if err != nil || enc != UTF8 || !strings.HasPrefix(text, s[:len(s)-3]) || !strings.HasSuffix(text, "\uFFFD") {
		t.Errorf("cut UTF-8: enc %q err %v text ...%q", enc, err, text[len(text)-10:])
	}
	// Mixed encodings: a UTF-8 text with a GBK paragraph in it must not
	// panic and must give valid UTF-8 or a clear error.
	mixed := append([]byte(s), encode(t, simplifiedchinese.GBK, s)...)
	if text, _, err := Decode(mixed, ""); err == nil && !utf8.ValidString(text) {
		t.Error("mixed encodings gave invalid UTF-8")
	}
	// Lines in different encodings (concatenated files) decode line by line.
	para := "县人大常委会召开第三十二次会议，审议政府工作报告。\n"
	lines := append(append([]byte(para), encode(t, simplifiedchinese.GBK, para)...), para...)
	if text, enc, err := Decode(lines, ""); err != nil || enc != "mixed" || text != para+para+para {
		t.Errorf("lines in UTF-8 and GBK: %q, %q, %v", text, enc, err)
	}
}

func TestCheckEncoding(t *testing.T) {
	for in, want := range map[string]string{"": "", "auto": "", "GBK": GBK, "gb2312": GBK, "UTF8": UTF8, "Big5": Big5} {
		got, err := CheckEncoding(in)
		if err != nil || got != want {
			t.Errorf("CheckEncoding(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := CheckEncoding("shift_jis"); err == nil || !strings.Contains(err.Error(), "gb18030") {
		t.Errorf("CheckEncoding(shift_jis) error = %v; want one naming the accepted encodings", err)
	}
}

// decodeOwned gives the text Decode gives, for every encoding and for
// invalid UTF-8 (which is copied, repaired, as by Decode).
func TestDecodeOwned(t *testing.T) {
	for _, in := range [][]byte{
		[]byte("国务院政府工作报告"),
		[]byte("\xef\xbb\xbf带BOM的文本"),
		[]byte("坏\xff字节"),
		{0xb9, 0xfa, 0xce, 0xf1, 0xd4, 0xba}, // GBK 国务院
		{},
	} {
		want, wenc, werr := Decode(in, "")
		got, genc, gerr := decodeOwned(append([]byte(nil), in...), "")
		if got != want || genc != wenc || (gerr == nil) != (werr == nil) {
			t.Errorf("%q: decodeOwned = %q, %s, %v; Decode = %q, %s, %v", in, got, genc, gerr, want, wenc, werr)
		}
	}
}
