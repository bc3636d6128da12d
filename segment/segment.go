// Package segment splits Chinese text into words, tuned for the language of
// government bulletins.
//
// It uses the simplified-Chinese dictionary of gse (github.com/go-ego/gse),
// compiled by internal/gendict into a pre-built hash table that is embedded
// in the binary and used in place, so that start-up reads no file and parses
// nothing; a government-domain lexicon (dict/gov.txt, also embedded) and
// user dictionaries are inserted into it. Words are chosen like jieba's and gse's
// DAG segmenters do: the most probable path through all dictionary words of
// the text. Unknown words can be found with gse's HMM (WithHMM).
package segment

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Token is one word of the input. Start and End count Unicode code points
// of the input text, End exclusive, so runes[Start:End] is Text. Text is the
// input exactly as written (case and width kept), except that each byte of
// invalid UTF-8 is U+FFFD, as in []rune(text).
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Pos   string `json:"pos,omitempty"`
}

// Mode selects how text is cut.
type Mode int

const (
	// Precise cuts text into the most probable sequence of words, each
	// code point in exactly one token.
	Precise Mode = iota
	// Search is Precise plus, before each word longer than two code points,
	// the dictionary words of two and three code points inside it (tokens
	// overlap), for indexing.
	Search
	// Full emits every dictionary word found anywhere in the text (tokens
	// overlap), and single code points not covered by any.
	Full
)

// String returns the mode's name: precise, search or full.
func (m Mode) String() string {
	switch m {
	case Precise:
		return "precise"
	case Search:
		return "search"
	case Full:
		return "full"
	}
	return "Mode(" + itoa(int(m)) + ")"
}

// ParseMode returns the Mode named s (precise, search or full).
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(s) {
	case "precise", "":
		return Precise, nil
	case "search":
		return Search, nil
	case "full", "all":
		return Full, nil
	}
	return 0, &modeError{s}
}

type modeError struct{ s string }

func (e *modeError) Error() string {
	return "segment: unknown mode " + quote(e.s) + " (want precise, search or full)"
}

// Segmenter cuts text into Tokens. It is safe for concurrent use.
type Segmenter struct {
	base    *table
	total   float64
	logT    float64
	mode    Mode
	hmm     bool
	reports []DictReport
	gse     *gseEngine // set for the GSE engine
	gseDict []string   // words added to the table, in gse's format
	toGSE   bool       // collect gseDict while the dictionaries load
	// han holds the table's slot value of each CJK unified ideograph
	// (U+4E00..U+9FFF) as a word of one code point, 0 when it is none:
	// the first lookup at every position of Chinese text, read from this
	// 168 KB array instead of the hash table.
	han []uint64
	// hanPairs is the table's pairs (see table.pairs): each pair slot
	// followed by the mask of the third code points (CJK unified
	// ideographs) of the keys of three code points that start with the
	// pair: bit tripleBit(c) is set for each such c. Route reads the mask
	// with the pair, in the same cache line: a pair that is a prefix of
	// keys is followed by a third code point none of them has, the
	// commonest case, without a lookup of the three.
	hanPairs []uint64
	// pairFilter has bit pairFilterBit(p) set for each pair key p.
	pairFilter []uint64
}

// Range of the code points cached in Segmenter.han.
const (
	hanFirst = 0x4E00
	hanLast  = 0x9FFF
)

// cacheHan fills s.han from the table, once every dictionary is loaded.
func (s *Segmenter) cacheHan() {
	s.han = make([]uint64, hanLast-hanFirst+1)
	var buf [utf8.UTFMax]byte
	for r := rune(hanFirst); r <= hanLast; r++ {
		key := utf8.AppendRune(buf[:0], r)
		if v, ok := s.base.find(key, hashBytes(fnvOffset, key)); ok {
			s.han[r-hanFirst] = v
		}
	}
	t := s.base
	s.pairFilter = make([]uint64, 1<<20/64)
	for i := 0; i < len(t.pairs); i += 2 {
		if v := t.pairs[i]; v != 0 {
			b := pairFilterBit(v >> 32 & pairMask)
			s.pairFilter[b>>6] |= 1 << (b & 63)
		}
	}
	s.hanPairs = t.pairs
}

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
	defaultErr  error
)

// Default returns the shared Segmenter with the embedded dictionary and the
// government-domain lexicon, precise mode, no HMM, built once on first use.
func Default() (*Segmenter, error) {
	defaultOnce.Do(func() {
		defaultSeg, defaultErr = New()
	})
	return defaultSeg, defaultErr
}

// Mode returns the mode Cut uses.
func (s *Segmenter) Mode() Mode { return s.mode }

// HMM reports whether unknown words are found with the HMM.
func (s *Segmenter) HMM() bool { return s.hmm }

// Cut segments text in the Segmenter's mode (Precise unless WithMode said
// otherwise), with part-of-speech tags.
func (s *Segmenter) Cut(text string) []Token {
	return s.Segment(text, s.mode)
}

// Segment segments text in the given mode, with part-of-speech tags.
func (s *Segmenter) Segment(text string, mode Mode) []Token {
	return s.AppendSegment(nil, text, mode)
}

// AppendSegment is Segment appending the tokens to dst[:0], whose memory
// it reuses when there is room (nil when text is empty and dst is nil).
func (s *Segmenter) AppendSegment(dst []Token, text string, mode Mode) []Token {
	if text == "" {
		return dst[:0]
	}
	if s.gse != nil {
		return appendTo(dst, s.gse.cut(text, s.hmm))
	}
	sc := getScratch()
	defer putScratch(sc)
	sc.load(text)
	switch mode {
	case Full:
		return appendTo(dst, s.full(text, sc))
	case Search:
		return appendTo(dst, s.search(text, sc, s.precise(nil, text, sc)))
	default:
		return s.precise(dst[:0], text, sc)
	}
}

// appendTo returns toks copied into dst[:0], or toks itself when dst is
// nil.
func appendTo(dst, toks []Token) []Token {
	if dst == nil {
		return toks
	}
	return append(dst[:0], toks...)
}

// Words returns the texts of Cut's tokens.
func (s *Segmenter) Words(text string) []string {
	toks := s.Cut(text)
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.Text
	}
	return w
}

// Lookup returns the frequency and part of speech of word in the
// Segmenter's dictionaries, and whether it is a word there.
func (s *Segmenter) Lookup(word string) (freq float64, pos string, ok bool) {
	k := []byte(Normalize(word))
	lw, pos, _ := s.lookup(k, hashBytes(fnvOffset, k))
	if lw == 0 {
		return 0, pos, false
	}
	return math.Round(math.Exp(lw - 1)), pos, true
}

// Character classes.
const (
	clsHan     uint8 = iota // Han, kana and the rest: looked up
	clsDigit                // 0-9, full width too
	clsLatin                // letters of alphabets: a-z (full width too), é, Cyrillic …
	clsSpace                // white space other than newline
	clsNewline              // \n and \r
	clsPunct                // punctuation, symbols, control characters
	clsInvalid              // a byte of invalid UTF-8
)

type scratch struct {
	bo   []int32 // byte offset in the text of each code point, and the end
	no   []int32 // byte offset in norm of each code point, and the end
	norm []byte  // normalized text
	cls  []uint8
	hid  []uint16 // r-hanFirst+1 for a CJK unified ideograph r, else 0
	pv   []uint64 // slot value of the pair at each code point (route)
	best []float64
	next []int32
	pos  []uint8 // POS index of the word starting at each code point
	bad  bool    // the text has invalid UTF-8
	n    int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch   { return scratchPool.Get().(*scratch) }
func putScratch(sc *scratch) { scratchPool.Put(sc) }

// load decodes text into code points, normalized bytes and classes.
func (sc *scratch) load(text string) {
	// Local slices, stored back at the end: appends to the fields would
	// write them back to memory at every code point.
	bo, no, norm, cls, hid := sc.bo[:0], sc.no[:0], sc.norm[:0], sc.cls[:0], sc.hid[:0]
	bad := false
	for i := 0; i < len(text); {
		bo = append(bo, int32(i))
		no = append(no, int32(len(norm)))
		// CJK unified ideographs, the common case, are copied as they are.
		if i+2 < len(text) && text[i]&0xF0 == 0xE0 && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			if r := rune(text[i]&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F); r >= hanFirst && r <= hanLast {
				norm = append(norm, text[i:i+3]...)
				cls = append(cls, clsHan)
				hid = append(hid, uint16(r-hanFirst+1))
				i += 3
				continue
			}
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		c := clsHan
		switch {
		case r < utf8.RuneSelf:
			switch {
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
				c = clsLatin
			case r >= 'a' && r <= 'z':
				c = clsLatin
			case r >= '0' && r <= '9':
				c = clsDigit
			case r == '\n' || r == '\r':
				c = clsNewline
			case r == ' ' || r == '\t' || r == '\v' || r == '\f':
				c = clsSpace
			default:
				c = clsPunct
			}
			norm = append(norm, byte(r))
			cls = append(cls, c)
			hid = append(hid, 0)
			continue
		case r == utf8.RuneError:
			if size == 1 {
				bad = true
				c = clsInvalid
			} else {
				c = clsPunct
			}
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
			switch {
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
				c = clsLatin
			case r >= 'a' && r <= 'z':
				c = clsLatin
			case r >= '0' && r <= '9':
				c = clsDigit
			default:
				c = clsPunct
			}
		case r >= 0x4E00 && r <= 0x9FFF:
			// CJK unified ideographs (taken by the fast path above).
		case unicode.IsSpace(r):
			c = clsSpace
			if r == 0x85 || r == 0x2028 || r == 0x2029 {
				c = clsNewline
			}
		case r >= 0x3040 && r <= 0x30FF: // kana: looked up like Han
		case unicode.IsLetter(r) && !unicode.Is(unicode.Han, r):
			// Latin with diacritics, Greek, Cyrillic, Hangul …: runs of
			// letters are words.
			c = clsLatin
		case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r):
			c = clsPunct
		}
		norm = utf8.AppendRune(norm, r)
		cls = append(cls, c)
		if r >= hanFirst && r <= hanLast {
			hid = append(hid, uint16(r-hanFirst+1))
		} else {
			hid = append(hid, 0)
		}
	}
	bo = append(bo, int32(len(text)))
	no = append(no, int32(len(norm)))
	sc.bo, sc.no, sc.norm, sc.cls, sc.hid, sc.bad = bo, no, norm, cls, hid, bad
	sc.n = len(cls)
}

// lookup returns key's weight, 1+ln(frequency) for a word and 0 for a
// key that is not a word, its POS, and whether a longer key may still match
// (key is a word or a prefix).
func (s *Segmenter) lookup(key []byte, h uint32) (float64, string, bool) {
	v, ok := s.base.find(key, h)
	var lw float64
	var pos string
	if q := v & slotFreqMask; q > 0 {
		lw = float64(q-1)*1e-6 + 1
		pos = s.base.posOf(v)
	}
	return lw, pos, ok
}

// route computes, from right to left, the most probable path through the
// dictionary words of the text: next[k] is where the word starting at k
// ends, pos[k] the POS index of that word.
func (s *Segmenter) route(sc *scratch) {
	n := sc.n
	sc.best = grow(sc.best, n+1)
	sc.next = grow(sc.next, n+1)
	sc.pos = grow(sc.pos, n+1)
	best, next, pos, no, norm, hid, t := sc.best, sc.next, sc.pos, sc.no, sc.norm, sc.hid[:n], s.base
	var pv []uint64
	if s.hanPairs != nil {
		sc.pv = grow(sc.pv, n)
		pv = sc.pv
		s.pairValues(sc, pv)
	}
	best[n] = 0
	logT := s.logT
	numEnd, prevNum := 0, false // end of the run of numerals after k
	for k := n - 1; k >= 0; k-- {
		// The code point at k alone: a word of the dictionary or not, it is
		// the first candidate.
		cp := norm[no[k]:no[k+1]]
		r, han := rune(hid[k])+hanFirst-1, hid[k] != 0
		var v uint64
		if han && pv != nil {
			v = s.han[r-hanFirst]
		} else {
			v, _ = t.find(cp, hashBytes(fnvOffset, cp))
		}
		// Longer keys are looked up while the last one found is a proper
		// prefix of a key.
		cont := v&extBit != 0
		l := 0.0 // ln(freq), 0 for a code point not in the dictionary
		if q := v & slotFreqMask; q > 0 {
			l = float64(q-1) * 1e-6
		}
		bv, bj, bp := l-logT+best[k+1], int32(k+1), uint8(v>>30)
		j := k + 2
		if cont && han && pv != nil && j <= n && hid[k+1] != 0 {
			// A pair of Han code points, looked up by pairValues.
			v = pv[k]
			cont = v&extBit != 0
			if q := v & slotFreqMask; q > 0 {
				if x := float64(q-1)*1e-6 - logT + best[j]; x >= bv {
					bv, bj, bp = x, int32(j), uint8(v>>30)
				}
			}
			j++
		}
		var h uint32
		if cont {
			h = hashBytes(fnvOffset, norm[no[k]:no[j-1]])
		}
		for ; cont && j <= n; j++ {
			next := norm[no[j-1]:no[j]]
			h = hashBytes(h, next)
			if j == k+2 && han {
				if r2, ok := hanRune(next); ok {
					if b := t.filterBit(h); t.filter[b>>6]&(1<<(b&63)) == 0 {
						break
					}
					v, _ = t.findPair(pairKey(r, r2))
				} else {
					v, _ = t.find(norm[no[k]:no[j]], h)
				}
			} else {
				v, _ = t.find(norm[no[k]:no[j]], h)
			}
			cont = v&extBit != 0
			if q := v & slotFreqMask; q > 0 {
				if x := float64(q-1)*1e-6 - logT + best[j]; x >= bv {
					bv, bj, bp = x, int32(j), uint8(v>>30)
				}
			}
		}
		// 〇 (U+3007) is the one numeral outside U+4E00..U+9FFF.
		isNum := numberUnits && (han && numeralHan[hid[k]>>6]&(1<<(hid[k]&63)) != 0 || !han && sc.cls[k] == clsHan && string(cp) == "〇")
		if isNum {
			// A run of Chinese numerals (一九九八, 三十一), with a following
			// 年, 月 or 日, is one word.
			if !prevNum {
				numEnd = k + 1
			}
			e := numEnd
			if e < n && isDateUnit(norm[no[e]:no[e+1]]) && (e-k >= yearDigits || string(norm[no[e]:no[e+1]]) != "年") {
				e++
			}
			if e-k >= 2 {
				if x := lnNumeralFreq - logT + best[e]; x >= bv {
					bv, bj, bp = x, int32(e), t.posM
				}
			}
		}
		prevNum = isNum
		best[k], next[k], pos[k] = bv, bj, bp
	}
}

func pairFilterBit(p uint64) uint64 { return p * 0x9E3779B97F4A7C15 >> 44 }

// pairValues sets pv[k], for each code point k that starts a pair of CJK
// unified ideographs, to the slot value of the pair (0 when it is no key),
// when the code point alone is a proper prefix of a key; without extBit when
// the code point after the pair is a CJK unified ideograph that no key of
// three code points starting with the pair has (see hanPairs). The lookups
// do not depend on each other: done in one loop before the route, their
// reads of the table overlap.
func (s *Segmenter) pairValues(sc *scratch, pv []uint64) {
	hid, p2, shift := sc.hid, s.hanPairs, s.base.pairShift
	mask := uint64(len(p2)/2 - 1)
	for k := 0; k+1 < len(hid) && k+1 < len(pv); k++ {
		a, b := hid[k], hid[k+1]
		if a == 0 || b == 0 || s.han[a-1]&extBit == 0 {
			continue
		}
		p, v := uint64(a-1)<<15|uint64(b-1), uint64(0)
		if f := pairFilterBit(p); s.pairFilter[f>>6&(1<<14-1)]&(1<<(f&63)) == 0 {
			pv[k] = 0
			continue
		}
		for i := (p * 0x9E3779B97F4A7C15) >> shift; 2*i+1 < uint64(len(p2)); i = (i + 1) & mask {
			x := p2[2*i]
			if x == 0 {
				break
			}
			if x>>32&pairMask == p {
				v = x&slotFreqMask | x>>24&0xFF<<30 | x&pairExt<<1
				if k+2 < len(hid) {
					if c := hid[k+2]; c != 0 && p2[2*i+1]&(1<<tripleBit(rune(c-1))) == 0 {
						v &^= extBit
					}
				}
				break
			}
		}
		pv[k] = v
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}

// tokenAt returns the token of code points [i, j).
func (sc *scratch) tokenAt(text string, i, j int, pos string) Token {
	t := Token{Text: text[sc.bo[i]:sc.bo[j]], Start: i, End: j, Pos: pos}
	if sc.bad {
		t.Text = fixText(t.Text)
	}
	return t
}

// fixText replaces each byte of invalid UTF-8 by U+FFFD, as []rune does.
func fixText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

func (s *Segmenter) precise(dst []Token, text string, sc *scratch) []Token {
	s.route(sc)
	n := sc.n
	// Each token covers one step of the route or more: room for as many
	// tokens as steps, so that a long document's tokens are not copied on
	// growth and no more memory is cleared than they need.
	steps := 0
	for k := 0; k < n; k = int(sc.next[k]) {
		steps++
	}
	toks := dst
	if cap(toks) < steps {
		toks = make([]Token, 0, steps)
	}
	var hanRun int = -1 // start of a run of single Han code points (HMM)
	flushHan := func(end int) {
		if hanRun < 0 {
			return
		}
		toks = s.hmmRun(text, sc, toks, hanRun, end)
		hanRun = -1
	}
	for k := 0; k < n; {
		j := int(sc.next[k])
		c := sc.cls[k]
		if j == k+1 {
			switch c {
			case clsDigit, clsLatin:
				// A run of letters and digits is one token, with a decimal
				// point or separator between digits and a trailing percent.
				flushHan(k)
				e := k + 1
				digits := c == clsDigit
				for e < n && int(sc.next[e]) == e+1 {
					ce := sc.cls[e]
					if ce == clsDigit || ce == clsLatin {
						digits = digits && ce == clsDigit
						e++
						continue
					}
					if sc.cls[e-1] == clsDigit && ce == clsPunct {
						b := sc.norm[sc.no[e]]
						if (b == '.' || b == ',' || b == ':' || b == '/') && e+1 < n && sc.cls[e+1] == clsDigit && int(sc.next[e+1]) == e+2 {
							e++
							continue
						}
						if b == '%' {
							e++
						}
					}
					break
				}
				p := "eng"
				if digits {
					p = "m"
					// 2021年, 12月, 31日 are one word (as in the PKU and MSR
					// standards).
					if numberUnits && e < n && int(sc.next[e]) == e+1 && isDateUnit(sc.norm[sc.no[e]:sc.no[e+1]]) &&
						(e-k >= yearDigits || string(sc.norm[sc.no[e]:sc.no[e+1]]) != "年") {
						e++
						p = "t"
					}
				}
				toks = append(toks, sc.tokenAt(text, k, e, p))
				k = e
				continue
			case clsSpace:
				flushHan(k)
				e := k + 1
				for e < n && sc.cls[e] == clsSpace && int(sc.next[e]) == e+1 {
					e++
				}
				toks = append(toks, sc.tokenAt(text, k, e, "x"))
				k = e
				continue
			case clsNewline:
				flushHan(k)
				e := k + 1
				if sc.norm[sc.no[k]] == '\r' && e < n && sc.norm[sc.no[e]] == '\n' && int(sc.next[e]) == e+1 {
					e++
				}
				toks = append(toks, sc.tokenAt(text, k, e, "x"))
				k = e
				continue
			case clsPunct:
				flushHan(k)
				e := k + 1
				r := sc.norm[sc.no[k]:sc.no[k+1]]
				for e < n && int(sc.next[e]) == e+1 && string(sc.norm[sc.no[e]:sc.no[e+1]]) == string(r) {
					e++
				}
				toks = append(toks, sc.tokenAt(text, k, e, "x"))
				k = e
				continue
			case clsHan:
				if s.hmm {
					if hanRun < 0 {
						hanRun = k
					}
					k = j
					continue
				}
			}
		}
		flushHan(k)
		p := s.base.pos[sc.pos[k]]
		if p == "" {
			p = "x"
		}
		toks = append(toks, sc.tokenAt(text, k, j, p))
		k = j
	}
	flushHan(n)
	return toks
}

// search adds the two- and three-code-point dictionary words inside each
// longer token before it.
func (s *Segmenter) search(text string, sc *scratch, toks []Token) []Token {
	out := make([]Token, 0, len(toks)+len(toks)/4)
	for _, t := range toks {
		if t.End-t.Start > 2 {
			for _, w := range [2]int{2, 3} {
				if t.End-t.Start <= w {
					continue
				}
				for i := t.Start; i+w <= t.End; i++ {
					key := sc.norm[sc.no[i]:sc.no[i+w]]
					if freq, p, _ := s.lookup(key, hashBytes(fnvOffset, key)); freq > 0 {
						out = append(out, sc.tokenAt(text, i, i+w, p))
					}
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// full emits every dictionary word of the text, and the code points no
// word covers (runs of letters and digits, of white space, kept whole).
func (s *Segmenter) full(text string, sc *scratch) []Token {
	n := sc.n
	toks := make([]Token, 0, n)
	covered := 0
	for k := 0; k < n; k++ {
		c := sc.cls[k]
		if k >= covered && (c == clsDigit || c == clsLatin || c == clsSpace) {
			e := k + 1
			for e < n && (sc.cls[e] == c || c != clsSpace && (sc.cls[e] == clsDigit || sc.cls[e] == clsLatin)) {
				e++
			}
			if e > k+1 {
				p := "x"
				switch c {
				case clsDigit:
					p = "m"
				case clsLatin:
					p = "eng"
				}
				toks = append(toks, sc.tokenAt(text, k, e, p))
				covered = e
				// Dictionary words starting here (4S店) still follow.
			}
		}
		multi := false
		h := uint32(fnvOffset)
		var single string
		for j := k + 1; j <= n; j++ {
			h = hashBytes(h, sc.norm[sc.no[j-1]:sc.no[j]])
			freq, p, cont := s.lookup(sc.norm[sc.no[k]:sc.no[j]], h)
			if j == k+1 {
				single = p
			} else if freq > 0 {
				toks = append(toks, sc.tokenAt(text, k, j, p))
				multi = true
				if j > covered {
					covered = j
				}
			}
			if !cont {
				break
			}
		}
		if !multi && k >= covered {
			if single == "" {
				single = "x"
			}
			toks = append(toks, sc.tokenAt(text, k, k+1, single))
			covered = k + 1
		}
	}
	return toks
}

// Normalize returns word as the dictionaries store it: full-width ASCII
// folded to ASCII, ASCII letters lowercased.
func Normalize(word string) string {
	need := false
	for _, r := range word {
		if r >= 'A' && r <= 'Z' || r >= 0xFF01 && r <= 0xFF5E {
			need = true
			break
		}
	}
	if !need {
		return word
	}
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		p--
		b[p] = '-'
	}
	return string(b[p:])
}

func quote(s string) string { return "\"" + s + "\"" }

var numberUnits = true

// yearDigits is the fewest digits a number needs to take 年 (2021年, but
// 3 年, a duration); tuned on PD1998 dev.
var yearDigits = 4

func isDateUnit(b []byte) bool {
	switch string(b) {
	case "年", "月", "日":
		return true
	}
	return false
}

const numeralFreq = 30000

var lnNumeralFreq = math.Log(numeralFreq)

// numeralHan has the bit r-hanFirst+1 (a Han index, see scratch.hid) set
// for each numeral r of isNumeralRune in U+4E00..U+9FFF.
var numeralHan = func() (m [(hanLast - hanFirst + 2 + 63) / 64]uint64) {
	for r := rune(hanFirst); r <= hanLast; r++ {
		if isNumeralRune(r) {
			i := r - hanFirst + 1
			m[i>>6] |= 1 << (i & 63)
		}
	}
	return m
}()

// isNumeralRune reports whether r is a Chinese numeral.
func isNumeralRune(r rune) bool {
	switch r {
	case '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '百', '千', '万', '亿':
		return true
	}
	return false
}
