package corpus

import (
	"encoding/json"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// flatRecord reads the common shape of a JSON Lines record without
// encoding/json: one object whose values are all strings or numbers, as
// corpus tools and pandas' to_json write them. It returns ok=false for
// anything else (nested values, true/false/null, a control character or
// an unpaired surrogate escape in a string, any syntax error), and the
// caller then decodes the line with encoding/json, which also words the
// errors. Where it returns ok=true the result equals encoding/json's with
// UseNumber into a map: later duplicate keys win, strings unescaped,
// numbers kept as json.Number. line must be valid UTF-8.
func flatRecord(line []byte) (map[string]any, bool) { return flatRecordOf(line, false) }

// flatRecordOf is flatRecord; with owned, the strings without escapes
// share line's memory (line is then never written again).
func flatRecordOf(line []byte, owned bool) (map[string]any, bool) {
	p := flatParser{s: line, owned: owned}
	p.space()
	if !p.byte('{') {
		return nil, false
	}
	rec := make(map[string]any, 4)
	p.space()
	if p.byte('}') {
		return rec, p.end()
	}
	for {
		p.space()
		key, ok := p.str()
		if !ok {
			return nil, false
		}
		p.space()
		if !p.byte(':') {
			return nil, false
		}
		p.space()
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		rec[key] = v
		p.space()
		if p.byte(',') {
			continue
		}
		if p.byte('}') {
			return rec, p.end()
		}
		return nil, false
	}
}

type flatParser struct {
	s     []byte
	i     int
	owned bool // strings may share s's memory (see flatRecordOf)
}

func (p *flatParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *flatParser) byte(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space follows the object.
func (p *flatParser) end() bool {
	p.space()
	return p.i == len(p.s)
}

func (p *flatParser) value() (any, bool) {
	if p.i < len(p.s) && p.s[p.i] == '"' {
		return p.str()
	}
	start := p.i
	if !p.number() {
		return nil, false
	}
	return json.Number(p.s[start:p.i]), true
}

// number consumes a JSON number (RFC 8259 grammar).
func (p *flatParser) number() bool {
	p.byte('-')
	switch {
	case p.byte('0'):
	case p.digits() == 0:
		return false
	}
	if p.byte('.') && p.digits() == 0 {
		return false
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if !p.byte('+') {
			p.byte('-')
		}
		if p.digits() == 0 {
			return false
		}
	}
	return true
}

func (p *flatParser) digits() int {
	n := 0
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
		n++
	}
	return n
}

// str consumes a JSON string. A string without escapes is copied once.
func (p *flatParser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '"':
			var s string
			if p.owned && p.i > start {
				s = unsafe.String(&p.s[start], p.i-start)
			} else {
				s = string(p.s[start:p.i])
			}
			p.i++
			return s, true
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return "", false
		}
		p.i++
	}
	return "", false
}

// escaped finishes a string that holds escapes, from its start.
func (p *flatParser) escaped(start int) (string, bool) {
	var b strings.Builder
	b.Grow(p.i - start + 16)
	b.Write(p.s[start:p.i])
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String(), true
		case c < 0x20:
			return "", false
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			return "", false
		}
		e := p.s[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := p.unicode()
			if !ok {
				return "", false
			}
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return "", false
}

// unicode reads the four hex digits after \u, and a low surrogate's
// escape after a high one; an unpaired surrogate is left to encoding/json.
func (p *flatParser) unicode() (rune, bool) {
	r, ok := p.hex4()
	if !ok {
		return 0, false
	}
	if !utf16.IsSurrogate(r) {
		return r, true
	}
	if r >= 0xDC00 || p.i+1 >= len(p.s) || p.s[p.i] != '\\' || p.s[p.i+1] != 'u' {
		return 0, false
	}
	p.i += 2
	r2, ok := p.hex4()
	if !ok {
		return 0, false
	}
	d := utf16.DecodeRune(r, r2)
	return d, d != utf8.RuneError
}

func (p *flatParser) hex4() (rune, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	var r rune
	for _, c := range p.s[p.i : p.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}
