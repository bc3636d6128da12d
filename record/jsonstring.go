package record

import "unicode/utf8"

// AppendString appends s as a JSON string, quoted and escaped as
// encoding/json does (HTML escaped when escapeHTML: JSON does not).
func AppendString(b []byte, s string, escapeHTML bool) []byte {
	b = append(b, '"')
	b = AppendStringBody(b, s, escapeHTML)
	return append(b, '"')
}

const jsonHex = "0123456789abcdef"

// jsonSafe[c] says the ASCII byte c needs no escape (escapeHTML false):
// printable ASCII but the quote and the backslash.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendStringBody appends s escaped as encoding/json does, without
// the quotes: ", \ and control characters escaped, invalid UTF-8 as
// \ufffd, U+2028 and U+2029 escaped, and <, > and & too when escapeHTML.
func AppendStringBody(b []byte, s string, escapeHTML bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] && !(escapeHTML && (c == '<' || c == '>' || c == '&')) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}
