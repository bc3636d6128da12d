package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names returned by Detect and accepted by Options.Encoding.
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
	GBK     = "gbk"
	Big5    = "big5"
)

// ErrBinary is wrapped by the error of a document that is not text.
var ErrBinary = errors.New("not text")

// encodings maps the accepted --encoding names (and common aliases) to
// their canonical name.
var encodings = map[string]string{
	"utf-8": UTF8, "utf8": UTF8,
	"utf-16le": UTF16LE, "utf16le": UTF16LE,
	"utf-16be": UTF16BE, "utf16be": UTF16BE,
	"gb18030": GB18030, "gbk": GBK, "gb2312": GBK, "cp936": GBK,
	"big5": Big5, "big-5": Big5, "cp950": Big5,
}

// EncodingNames lists the canonical encoding names Options.Encoding accepts.
var EncodingNames = []string{UTF8, UTF16LE, UTF16BE, GB18030, GBK, Big5}

// CheckEncoding returns the canonical name of an encoding name, or an error
// naming the accepted ones. The empty name (detect) is accepted.
func CheckEncoding(name string) (string, error) {
	if name == "" || strings.EqualFold(name, "auto") {
		return "", nil
	}
	if c, ok := encodings[strings.ToLower(name)]; ok {
		return c, nil
	}
	return "", fmt.Errorf("unknown encoding %q (want one of %s)", name, strings.Join(EncodingNames, ", "))
}

// Decode turns raw bytes into UTF-8 text. With forced set (a name accepted
// by CheckEncoding) it decodes with that encoding, replacing invalid bytes
// with U+FFFD. Otherwise it detects the encoding with the rule of Detect.
// It returns the text and the name of the encoding used; an error wrapping
// ErrBinary means the bytes are not text in any supported encoding.
func Decode(data []byte, forced string) (text, enc string, err error) {
	return decode(data, forced, false)
}

// decodeOwned is Decode of bytes no one reads or writes afterwards: valid
// UTF-8 becomes the text without a copy (a large document is then held
// once, not twice, while it is decoded).
func decodeOwned(data []byte, forced string) (text, enc string, err error) {
	return decode(data, forced, true)
}

func decode(data []byte, forced string, owned bool) (text, enc string, err error) {
	if forced != "" {
		c, err := CheckEncoding(forced)
		if err != nil {
			return "", "", err
		}
		if c != "" {
			data = stripBOM(data, c)
			t, err := decodeUTF8Owned(data, c, owned)
			return t, c, err
		}
	}
	enc, err = Detect(data)
	if err != nil {
		if t, ok := decodeLines(data); ok {
			return t, "mixed", nil
		}
		return "", "", err
	}
	data = stripBOM(data, enc)
	text, err = decodeUTF8Owned(data, enc, owned)
	if err == nil && enc != UTF16LE && enc != UTF16BE {
		if err := checkControls(text); err != nil {
			return "", "", err
		}
	}
	return text, enc, err
}

func stripBOM(data []byte, enc string) []byte {
	switch enc {
	case UTF8:
		return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	case UTF16LE:
		return bytes.TrimPrefix(data, []byte{0xFF, 0xFE})
	case UTF16BE:
		return bytes.TrimPrefix(data, []byte{0xFE, 0xFF})
	}
	return data
}

// utf16Decoder returns a UTF-16 decoder (enc is UTF16LE or UTF16BE) that
// drops a leading byte-order mark.
func utf16Decoder(enc string, _ bool) transform.Transformer {
	e := unicode.LittleEndian
	if enc == UTF16BE {
		e = unicode.BigEndian
	}
	return unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder()
}

// decodeUTF8Owned is decodeWith, except that valid UTF-8 in bytes the
// caller owns (see decodeOwned) is returned without a copy.
func decodeUTF8Owned(data []byte, enc string, owned bool) (string, error) {
	if owned && enc == UTF8 && len(data) > 0 && utf8.Valid(data) {
		return unsafe.String(&data[0], len(data)), nil
	}
	return decodeWith(data, enc)
}

func decodeWith(data []byte, enc string) (string, error) {
	var e encoding.Encoding
	switch enc {
	case UTF8:
		if utf8.Valid(data) {
			return string(data), nil
		}
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	case UTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case UTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case GB18030:
		e = simplifiedchinese.GB18030
	case GBK:
		e = simplifiedchinese.GBK
	case Big5:
		e = traditionalchinese.Big5
	default:
		return "", fmt.Errorf("unknown encoding %q", enc)
	}
	b, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decoding %s: %w", enc, err)
	}
	if !utf8.Valid(b) { // decoders replace invalid input; be sure anyway
		b = []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	return string(b), nil
}

// checkControls rejects text in which control characters other than the
// usual whitespace make up more than 1% of the characters: such input is a
// binary file that happens to decode.
func checkControls(text string) error {
	n, bad := 0, 0
	for _, r := range text {
		n++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b {
			bad++
		}
	}
	if bad > 0 && bad*100 > n {
		return fmt.Errorf("%w: %d control characters in %d", ErrBinary, bad, n)
	}
	return nil
}

// decodeLines decodes a text whose lines are in different encodings (files
// concatenated from several sources): each line is detected on its own,
// and every line must be text.
func decodeLines(data []byte) (string, bool) {
	if bytes.IndexByte(data, 0) >= 0 || bytes.IndexByte(data, '\n') < 0 {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(data) * 3 / 2)
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		enc, err := Detect(line)
		if err != nil || enc == UTF16LE || enc == UTF16BE {
			return "", false
		}
		t, err := decodeWith(stripBOM(line, enc), enc)
		if err != nil {
			return "", false
		}
		b.WriteString(t)
	}
	text := b.String()
	if checkControls(text) != nil {
		return "", false
	}
	return text, true
}

// byteStats counts, in one pass, how well raw bytes fit each multi-byte
// encoding.
type byteStats struct {
	multi  int // multi-byte characters seen
	errs   int // invalid sequences
	common int // characters in the encoding's frequent region
}

// Detect guesses the encoding of raw bytes. The rule, in order:
//
//  1. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE.
//  2. A NUL byte means binary data (an error wrapping ErrBinary): UTF-16
//     without a BOM is not detected.
//  3. Valid UTF-8 is UTF-8 (plain ASCII included).
//  4. GB18030 (a superset of GBK and GB2312) when every byte sequence is
//     valid GB18030 and at least 90% of the two-byte characters fall in the
//     GB2312 rows of symbols and hanzi (leads 0xA1-0xA3 and 0xB0-0xF7 with
//     trails 0xA1-0xFE), where nearly all text in GBK lives.
//  5. Big5 when every sequence is valid Big5, at least 90% of the two-byte
//     characters fall in its symbol and frequent-hanzi rows (leads
//     0xA1-0xA3, 0xA4-0xC6), and GB18030 failed rule 4. Big5 text read as
//     GBK falls outside the GB2312 rows (kana and Greek rows, trail bytes
//     below 0xA1) far more than 10% of the time, while GBK text is almost
//     never outside them: so GBK wins every real tie, and Big5 is chosen
//     only when it is clearly the better reading.
//  6. Otherwise, text that is UTF-8 but for at most 1% of invalid sequences
//     (a truncated last character, a stray byte) is UTF-8, the bad bytes
//     replaced by U+FFFD; text valid as GB18030 but for at most 1% is
//     GB18030. Anything else is not text: an error wrapping ErrBinary.
//
// Decode adds a last rule: a text that fails as a whole but whose every
// line passes on its own (files in different encodings concatenated) is
// decoded line by line; its encoding is reported as "mixed".
//
// Use Options.Encoding to force an encoding when the rule guesses wrong.
func Detect(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return UTF16LE, nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return UTF16BE, nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("%w: binary data (NUL byte at offset %d)", ErrBinary, i)
	}
	if utf8.Valid(data) {
		return UTF8, nil
	}
	if utf8CutAtEnd(data) {
		return UTF8, nil // a text cut in its last character, however short
	}
	gb := gbStats(data)
	if gb.errs == 0 && gb.common*10 >= gb.multi*9 {
		return GB18030, nil
	}
	b5 := big5Stats(data)
	if b5.errs == 0 && b5.common*10 >= b5.multi*9 {
		return Big5, nil
	}
	chars, bad := utf8Errors(data)
	if bad*100 <= chars {
		return UTF8, nil
	}
	if gb.errs*100 <= gb.multi && gb.common*10 >= gb.multi*8 {
		return GB18030, nil
	}
	return "", fmt.Errorf("%w: neither UTF-8, GB18030 nor Big5 (use --encoding to force one)", ErrBinary)
}

// utf8CutAtEnd reports whether data is valid UTF-8 but for an incomplete
// last character, with at least one complete multi-byte character before
// it.
func utf8CutAtEnd(data []byte) bool {
	for k := 1; k <= 3 && k < len(data); k++ {
		head, tail := data[:len(data)-k], data[len(data)-k:]
		if tail[0] >= 0xC0 && !utf8.FullRune(tail) && utf8.Valid(head) {
			for _, c := range head {
				if c >= utf8.RuneSelf {
					return true
				}
			}
			return false
		}
	}
	return false
}

// utf8Errors counts characters and invalid sequences.
func utf8Errors(data []byte) (chars, bad int) {
	for len(data) > 0 {
		if data[0] < utf8.RuneSelf {
			data = data[1:]
			chars++
			continue
		}
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		chars++
		data = data[n:]
	}
	return chars, bad
}

// gbStats scans data as GB18030: one byte 0x00-0x7F (0x80 is accepted as
// the euro sign of GBK), two bytes 0x81-0xFE + 0x40-0x7E|0x80-0xFE, four
// bytes 0x81-0xFE 0x30-0x39 0x81-0xFE 0x30-0x39.
func gbStats(data []byte) byteStats {
	var s byteStats
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x80 || c == 0x80 {
			i++
			continue
		}
		if c == 0xFF || i+1 >= len(data) {
			s.errs++
			i++
			continue
		}
		t := data[i+1]
		switch {
		case t >= 0x40 && t <= 0xFE && t != 0x7F:
			s.multi++
			if t >= 0xA1 && ((c >= 0xA1 && c <= 0xA3) || (c >= 0xB0 && c <= 0xF7)) {
				s.common++
			}
			i += 2
		case t >= 0x30 && t <= 0x39 && i+3 < len(data) &&
			data[i+2] >= 0x81 && data[i+2] <= 0xFE && data[i+3] >= 0x30 && data[i+3] <= 0x39:
			s.multi++
			i += 4
		default:
			s.errs++
			i++
		}
	}
	return s
}

// big5Stats scans data as Big5: one byte 0x00-0x7F, two bytes 0x81-0xFE +
// 0x40-0x7E|0xA1-0xFE.
func big5Stats(data []byte) byteStats {
	var s byteStats
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x80 {
			i++
			continue
		}
		if c == 0x80 || c == 0xFF || i+1 >= len(data) {
			s.errs++
			i++
			continue
		}
		t := data[i+1]
		if (t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE) {
			s.multi++
			if c >= 0xA1 && c <= 0xC6 {
				s.common++
			}
			i += 2
			continue
		}
		s.errs++
		i++
	}
	return s
}
