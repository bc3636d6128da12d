package extract

import "unicode/utf8"

// Punctuation sets that several rules test a character against (grammar,
// not word lists: the word lists live in extract/data).
const (
	// sentenceEndMarks end a sentence, full and half width: a window of a
	// long text ends after the last one in its second half.
	sentenceEndMarks = "。！？；!?;"
	// clauseCommas separate the clauses of a sentence and the items of a
	// list: the commas, full and half width, and the enumeration comma.
	clauseCommas = "，,、"
	// cellOpenMarks and cellCloseMarks open and close a table cell or a
	// bracketed label (| 数量（万吨） |), with the line break.
	cellOpenMarks  = "|>（(\n"
	cellCloseMarks = "|<）)\n"
)

// textRunes returns []rune(s), decoding the three-byte sequences of Han
// text inline (the conversion of the runtime decodes every rune twice,
// through a call): the same runes, U+FFFD for each byte of an invalid
// sequence.
func textRunes(s string) []rune {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case han3(s, i):
			i += 3
		default:
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
	}
	out := make([]rune, n)
	k := 0
	for i := 0; i < len(s); k++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			out[k] = rune(c)
			i++
		case han3(s, i):
			out[k] = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			out[k] = r
			i += w
		}
	}
	return out
}

// han3 reports whether s[i:] starts with a valid three-byte sequence
// (U+0800–U+FFFF but for the surrogates).
func han3(s string, i int) bool {
	c := s[i]
	if c < 0xE0 || c >= 0xF0 || i+2 >= len(s) {
		return false
	}
	c1, c2 := s[i+1], s[i+2]
	return c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c != 0xE0 || c1 >= 0xA0) && (c != 0xED || c1 < 0xA0)
}
