// Package zhconv converts Traditional Chinese to Simplified for analysis,
// keeping the way back: the segmenter and the extractors run on the
// Simplified text, and every span they find is mapped to the original
// text, so that offsets (Unicode code points, as everywhere in tongbao)
// and the text reported still index and quote what was written.
//
// The conversion is OpenCC's t2s (Traditional to Simplified, phrases then
// characters), with the dictionaries of github.com/longbridgeapp/opencc,
// embedded in the binary: nothing is read or downloaded at run time. The
// tables are built once, on first use, from that module's dictionaries.
//
// A document is Traditional (see IsTraditional) when the share of its Han
// characters that t2s changes is at least Threshold.
package zhconv

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/longbridgeapp/opencc"
)

// Mode says when text is converted. The zero Mode is Never.
type Mode uint8

const (
	// Never converts nothing.
	Never Mode = iota
	// Auto converts a document that IsTraditional says is Traditional.
	Auto
	// Always converts every document.
	Always
)

var modeNames = [...]string{Never: "never", Auto: "auto", Always: "always"}

func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("Mode(%d)", m)
}

// ParseMode parses auto, always or never.
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if strings.EqualFold(s, n) {
			return Mode(i), nil
		}
	}
	return Never, fmt.Errorf("unknown conversion mode %q (want auto, always or never)", s)
}

// Threshold is the share of Han characters that t2s must change for a
// document to be Traditional. Measured on the development corpora (see
// TestThreshold): 1,707 simplified reports reach at most 0.14%, and
// none of their 162,671 non-blank lines is Traditional by this rule; the
// Traditional 1954 State Council report has 31%.
const Threshold = 0.05

// MinChanged is the fewest changed characters that make a text
// Traditional: one 於 or 乾 in a short simplified line is not enough.
const MinChanged = 2

// maxKey is the longest key OpenCC's converter looks at, in code points.
const maxKey = 10

// table is one OpenCC dictionary as a map.
type table struct {
	m      map[string]string
	first  map[rune]bool // the first runes of the keys
	maxLen int           // the longest key, in runes (at most maxKey)
}

// tables are the dictionaries of t2s, in the order OpenCC tries them.
type tables struct {
	dicts   []table
	changed [1 << 16 / 64]uint64 // BMP runes that t2s's character table changes
	astral  map[rune]bool        // the same beyond the BMP
}

var (
	loadOnce sync.Once
	loaded   *tables
	loadErr  error
)

// load builds the tables from OpenCC's embedded t2s dictionaries.
func load() (*tables, error) {
	loadOnce.Do(func() {
		cc, err := opencc.New("t2s")
		if err != nil {
			loadErr = fmt.Errorf("zhconv: loading OpenCC t2s: %v", err)
			return
		}
		if len(cc.DictChains) != 1 {
			loadErr = fmt.Errorf("zhconv: OpenCC t2s has %d conversion steps, want 1", len(cc.DictChains))
			return
		}
		loaded, loadErr = newTables(cc.DictChains[0].Dicts)
	})
	return loaded, loadErr
}

// newTables turns OpenCC dictionaries into maps: the first value of each
// key, as OpenCC's converter takes it.
func newTables(dicts []*da.Dict) (*tables, error) {
	t := &tables{astral: map[rune]bool{}}
	for _, d := range dicts {
		tb := table{m: map[string]string{}, first: map[rune]bool{}}
		for _, id := range d.Trie.PrefixPredict(nil, 0) {
			key, err := d.Trie.Key(id)
			if err != nil {
				return nil, fmt.Errorf("zhconv: reading OpenCC dictionary: %v", err)
			}
			v, err := d.Trie.Value(id)
			if err != nil || v < 0 || v >= len(d.Values) || len(d.Values[v]) == 0 {
				continue
			}
			k := string(key)
			n := utf8.RuneCountInString(k)
			if n == 0 || n > maxKey || !utf8.ValidString(k) {
				continue
			}
			tb.m[k] = d.Values[v][0]
			r, _ := utf8.DecodeRuneInString(k)
			tb.first[r] = true
			tb.maxLen = max(tb.maxLen, n)
		}
		if len(tb.m) == 0 {
			return nil, fmt.Errorf("zhconv: an OpenCC t2s dictionary is empty")
		}
		t.dicts = append(t.dicts, tb)
	}
	// The characters t2s changes: the single-character keys of the last
	// (character) table whose value differs.
	chars := t.dicts[len(t.dicts)-1]
	for k, v := range chars.m {
		r, n := utf8.DecodeRuneInString(k)
		if n != len(k) || v == k {
			continue
		}
		if r < 1<<16 {
			t.changed[r/64] |= 1 << (r % 64)
		} else {
			t.astral[r] = true
		}
	}
	return t, nil
}

func (t *tables) changes(r rune) bool {
	if r < 1<<16 {
		return t.changed[r/64]&(1<<(r%64)) != 0
	}
	return t.astral[r]
}

// Load loads the conversion tables, which the other functions load on
// first use, and returns their load error.
func Load() error {
	_, err := load()
	return err
}

// Share returns the Han characters of text and how many of them t2s's
// character table changes.
func Share(text string) (han, changed int, err error) {
	t, err := load()
	if err != nil {
		return 0, 0, err
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0xE2 { // ASCII and two-byte sequences: below U+0800, no Han character
			i++
			for i < len(text) && text[i]&0xC0 == 0x80 {
				i++
			}
			continue
		}
		var r rune
		if c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			// Three bytes, the whole CJK range below U+10000, decoded here.
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			i += 3
			if r >= 0xD800 && r <= 0xDFFF { // a surrogate is not text
				continue
			}
		} else {
			var w int
			r, w = utf8.DecodeRuneInString(text[i:])
			i += w
		}
		if r < 0x2E80 { // below the CJK radicals: no Han character
			continue
		}
		if (r >= 0x4E00 && r <= 0x9FFF) || unicode.Is(unicode.Han, r) { // the main block first
			han++
			if t.changes(r) {
				changed++
			}
		}
	}
	return han, changed, nil
}

// IsTraditional reports whether text is Traditional Chinese: at least
// MinChanged of its Han characters, and a share of at least Threshold,
// are characters t2s changes. It is false when the tables cannot load.
func IsTraditional(text string) bool {
	han, changed, err := Share(text)
	return err == nil && changed >= MinChanged && float64(changed) >= Threshold*float64(han)
}

// Text is a text converted for analysis: Simplified is what is analysed;
// the methods map its spans back to the original.
type Text struct {
	// Simplified is the converted text.
	Simplified string
	// Original is the text as written.
	Original string
	// segs are the replacements whose length changed, in order.
	segs []seg
	// Changed counts the code points the conversion changed.
	Changed int
	// cursor: a code-point offset into Original and its byte offset,
	// moved by Original(); spans are mostly asked for in order.
	cur, curByte int
}

// seg is one replacement of a different length: Original code points
// [os,oe) became Simplified code points [cs,ce).
type seg struct{ cs, ce, os, oe int }

// Apply converts text as mode says: always, never, or when it is
// Traditional (Auto). It returns nil when text is not converted, and an
// error only when the conversion tables cannot load.
func (m Mode) Apply(text string) (*Text, error) {
	switch m {
	case Never:
		return nil, nil
	case Auto:
		if !IsTraditional(text) {
			if _, err := load(); err != nil {
				return nil, err
			}
			return nil, nil
		}
	}
	return T2S(text)
}

// T2S converts text from Traditional to Simplified Chinese as OpenCC's
// t2s does: at each position the longest phrase of the phrase table, else
// the longest key of the character table, else the character as is.
func T2S(text string) (*Text, error) {
	t, err := load()
	if err != nil {
		return nil, err
	}
	return t.convert(text), nil
}

func (t *tables) convert(text string) *Text {
	out := &Text{Original: text}
	var b strings.Builder
	b.Grow(len(text))
	ci, oi := 0, 0 // code points written, read
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		key, val, n := t.match(text[i:], r)
		if n == 0 {
			b.WriteString(text[i : i+size])
			i += size
			ci++
			oi++
			continue
		}
		b.WriteString(val)
		vn := utf8.RuneCountInString(val)
		if vn != n {
			out.segs = append(out.segs, seg{cs: ci, ce: ci + vn, os: oi, oe: oi + n})
		}
		if vn == n {
			out.Changed += changedRunes(key, val)
		} else {
			out.Changed += max(n, vn)
		}
		i += len(key)
		ci += vn
		oi += n
	}
	out.Simplified = b.String()
	return out
}

// changedRunes counts the positions where two strings of as many code
// points differ.
func changedRunes(a, b string) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			n++
		}
		a, b = a[sa:], b[sb:]
	}
	return n
}

// match returns the key matched at the start of s (whose first rune is
// r), its value and its length in code points; n is 0 when nothing
// matches. As OpenCC does, the first table with a match wins, with its
// longest key.
func (t *tables) match(s string, r rune) (key, val string, n int) {
	for _, tb := range t.dicts {
		if !tb.first[r] {
			continue
		}
		// the byte ends of the first maxLen code points of s
		var ends [maxKey]int
		k, off := 0, 0
		for k < tb.maxLen && off < len(s) {
			_, size := utf8.DecodeRuneInString(s[off:])
			off += size
			ends[k] = off
			k++
		}
		for ; k > 0; k-- {
			if v, ok := tb.m[s[:ends[k-1]]]; ok {
				return s[:ends[k-1]], v, k
			}
		}
	}
	return "", "", 0
}

// Boundary maps a code-point offset of Simplified to one of Original. It
// is monotone, so spans that tile Simplified (the tokens of a precise
// segmentation) tile Original too; a boundary inside a replacement whose
// length changed is placed in proportion, and a span may then map to an
// empty one (see Span for spans that must keep their text).
func (x *Text) Boundary(c int) int {
	k := sort.Search(len(x.segs), func(i int) bool { return x.segs[i].cs >= c }) - 1
	// segs[k] is the last replacement starting before c
	if k < 0 {
		return c
	}
	s := x.segs[k]
	if c >= s.ce {
		return c + s.oe - s.ce
	}
	cl, ol := s.ce-s.cs, s.oe-s.os
	return s.os + ((c-s.cs)*ol+cl/2)/cl
}

// Span maps a span of Simplified to the span of Original it stands for:
// a start or end inside a replacement whose length changed goes out to
// the replacement's edge, so the span never loses text.
func (x *Text) Span(start, end int) (int, int) {
	if len(x.segs) == 0 {
		return start, end
	}
	os := x.Boundary(start)
	if k := x.inside(start); k >= 0 {
		os = x.segs[k].os
	}
	oe := x.Boundary(end)
	if k := x.inside(end); k >= 0 {
		oe = x.segs[k].oe
	}
	return os, max(os, oe)
}

// inside returns the replacement that c falls strictly inside, or -1.
func (x *Text) inside(c int) int {
	k := sort.Search(len(x.segs), func(i int) bool { return x.segs[i].cs >= c }) - 1
	if k >= 0 && c > x.segs[k].cs && c < x.segs[k].ce {
		return k
	}
	return -1
}

// Substring returns the code points [start,end) of Original. It moves a
// cursor, so spans asked for in order cost their length; it is not safe
// for concurrent use.
func (x *Text) Substring(start, end int) string {
	if end <= start {
		return ""
	}
	b := x.byteAt(start)
	e := x.byteAt(end)
	return x.Original[b:e]
}

// byteAt returns the byte offset of code point c of Original (its length
// past the end), moving the cursor there.
func (x *Text) byteAt(c int) int {
	s := x.Original
	if c < x.cur/2 { // nearer the start than the cursor: restart
		x.cur, x.curByte = 0, 0
	}
	for x.cur < c && x.curByte < len(s) {
		_, size := utf8.DecodeRuneInString(s[x.curByte:])
		x.curByte += size
		x.cur++
	}
	for x.cur > c && x.curByte > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:x.curByte])
		x.curByte -= size
		x.cur--
	}
	return x.curByte
}
