package segment

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"unicode/utf8"
)

//go:generate go run ./internal/gendict -minfreq 4

// zhDict is the dictionary built by internal/gendict from gse's
// simplified-Chinese dictionary: a pre-built hash table, used in place
// without parsing.
//
//go:embed dict/zh.bin
var zhDict []byte

// table is a dictionary built by internal/gendict, with the words of the
// domain lexicon and user dictionaries inserted into it. Keys of two CJK
// unified ideographs (pairs) are in pairs, the others in slots and blob.
type table struct {
	slots  []uint64
	mask   uint32
	blob   []byte // the embedded keys until the first insert, then a copy
	copied bool
	keys   int // keys in slots, counted on the first insert
	// pairs holds two words a slot: pairs[2i] the pair key whole with its
	// value (see gendict's format), so that finding one, the commonest
	// lookup of segmentation, is one read; pairs[2i+1] the mask of the
	// third code points of the keys of three CJK unified ideographs that
	// start with the pair (see tripleBit), in the same cache line.
	pairs     []uint64
	pairShift uint32 // 64 - log2(len(pairs)/2)
	pairKeys  int    // keys in pairs, counted on the first insert
	pos       []string
	posIdx    map[string]int
	words     int
	total     float64
	posM      uint8 // the index of "m" (numeral)
	// filter has the bit filterBit(h) set for the hash h of every key,
	// so that most lookups of a key that is not in the table read this
	// small bitset (256 KB, about 8 bits a key of the embedded table)
	// instead of the slots and the blob. Its size stays that of the
	// embedded table's: inserted words only make it less selective.
	filter []uint64
	fshift uint32
}

// filterBit returns the bit of t.filter for a key hashed h.
func (t *table) filterBit(h uint32) uint32 { return (h * 0x9E3779B1) >> t.fshift }

// setFilter sets the filter bit of a key hashed h.
func (t *table) setFilter(h uint32) {
	b := t.filterBit(h)
	t.filter[b>>6] |= 1 << (b & 63)
}

const (
	slotFreqMask = 1<<24 - 1
	// extBit is set in the slot value of a key that is a proper prefix of
	// another key: when it is clear, no longer key starts with this one.
	extBit   = 1 << 63
	offShift = 38
	offMask  = 1<<25 - 1 // blob offsets below 32 MB
)

// offOf returns the blob offset of the key in slot value v.
func offOf(v uint64) int { return int(v >> offShift & offMask) }

func openTable(b []byte) (*table, error) {
	bad := errors.New("segment: corrupt embedded dictionary")
	if len(b) < 40 || string(b[:8]) != "TBSEGv6\n" {
		return nil, bad
	}
	le := binary.LittleEndian
	nslots := int(le.Uint32(b[8:]))
	blobLen := int(le.Uint32(b[12:]))
	t := &table{words: int(le.Uint32(b[16:]))}
	npos := int(le.Uint32(b[20:]))
	t.total = float64(le.Uint64(b[24:]))
	fbits := int(le.Uint32(b[32:]))
	if fbits < 6 || fbits > 30 {
		return nil, bad
	}
	nfilter := 1 << fbits / 64
	pbits := int(le.Uint32(b[36:]))
	if pbits < 1 || pbits > 30 {
		return nil, bad
	}
	npairs := 1 << pbits
	p := 40
	for i := 0; i < npos; i++ {
		if p >= len(b) {
			return nil, bad
		}
		n := int(b[p])
		if p+1+n > len(b) {
			return nil, bad
		}
		t.pos = append(t.pos, string(b[p+1:p+1+n]))
		p += 1 + n
	}
	for len(t.pos) < 256 && !slices.Contains(t.pos, "m") {
		t.pos = append(t.pos, "m")
	}
	t.posM = uint8(slices.Index(t.pos, "m"))
	masksAt := p + 8*nslots + 8*nfilter + 8*npairs
	if nslots == 0 || nslots&(nslots-1) != 0 || masksAt+4 > len(b) {
		return nil, bad
	}
	nmasks := int(le.Uint32(b[masksAt:]))
	if masksAt+4+12*nmasks+blobLen != len(b) {
		return nil, bad
	}
	// Copied out once (a few milliseconds) so that lookups are plain
	// array reads.
	t.slots = make([]uint64, nslots)
	for i := range t.slots {
		t.slots[i] = le.Uint64(b[p+8*i:])
	}
	p += 8 * nslots
	t.filter = make([]uint64, nfilter)
	for i := range t.filter {
		t.filter[i] = le.Uint64(b[p+8*i:])
	}
	t.fshift = uint32(32 - fbits)
	p += 8 * nfilter
	t.pairs = make([]uint64, 2*npairs)
	for i := 0; i < npairs; i++ {
		t.pairs[2*i] = le.Uint64(b[p+8*i:])
	}
	t.pairShift = uint32(64 - pbits)
	p += 8*npairs + 4
	for i := 0; i < nmasks; i++ {
		j := int(le.Uint32(b[p+12*i:]))
		if j >= npairs {
			return nil, bad
		}
		t.pairs[2*j+1] = le.Uint64(b[p+12*i+4:])
	}
	t.blob = b[p+12*nmasks:]
	t.mask = uint32(nslots - 1)
	return t, nil
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// find looks key up given h, its FNV-1a hash. It returns the slot value
// (freq in the low 24 bits, 0 for a prefix-only key; the POS index in bits
// 30-37) and whether key is a word or a prefix of one.
func (t *table) find(key []byte, h uint32) (uint64, bool) {
	if b := t.filterBit(h); t.filter[b>>6]&(1<<(b&63)) == 0 {
		return 0, false
	}
	if p, ok := pairOf(key); ok {
		return t.findPair(p)
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return 0, false
		}
		if int(v>>24&63) == len(key) && keyEqual(t.blob[offOf(v):], key) {
			return v, true
		}
	}
}

// keyEqual reports whether b starts with key. Keys of 8 to 16 bytes (three
// to five Han code points), the commonest beyond pairs, are compared as two
// 8-byte words, without a call.
func keyEqual(b, key []byte) bool {
	if n := len(key); n >= 8 && n <= 16 && len(b) >= n {
		le := binary.LittleEndian
		return le.Uint64(b) == le.Uint64(key) && le.Uint64(b[n-8:]) == le.Uint64(key[n-8:])
	}
	return len(b) >= len(key) && string(b[:len(key)]) == string(key)
}

// Pair keys: two CJK unified ideographs a and b, packed as
// (a-hanFirst)<<15 | (b-hanFirst).
const (
	pairBit  = 1 << 63
	pairExt  = 1 << 62 // extBit of a pair slot
	pairMask = 1<<30 - 1
)

// hanRune returns the code point b encodes and whether b is exactly one
// CJK unified ideograph (U+4E00..U+9FFF) in UTF-8.
func hanRune(b []byte) (rune, bool) {
	if len(b) != 3 || b[0]&0xF0 != 0xE0 || b[1]&0xC0 != 0x80 || b[2]&0xC0 != 0x80 {
		return 0, false
	}
	r := rune(b[0]&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F)
	return r, r >= hanFirst && r <= hanLast
}

// pairOf returns the pair key of key when it is two CJK unified
// ideographs.
func pairOf(key []byte) (uint64, bool) {
	if len(key) != 6 {
		return 0, false
	}
	a, ok := hanRune(key[:3])
	if !ok {
		return 0, false
	}
	b, ok := hanRune(key[3:])
	if !ok {
		return 0, false
	}
	return pairKey(a, b), true
}

func pairKey(a, b rune) uint64 { return uint64(a-hanFirst)<<15 | uint64(b-hanFirst) }

// findPair looks the pair key p up, like find; it checks no filter.
func (t *table) findPair(p uint64) (uint64, bool) {
	i, ok := t.pairSlot(p)
	if !ok {
		return 0, false
	}
	v := t.pairs[2*i]
	return v&slotFreqMask | v>>24&0xFF<<30 | v&pairExt<<1, true
}

// tripleBit returns the bit of a mask of pairs for the third code point
// hanFirst+c.
func tripleBit(c rune) uint32 { return uint32(c) * 0x9E3779B1 >> 26 }

// pairSlot returns the slot of the pair key p (its words are t.pairs[2i]
// and t.pairs[2i+1]), and whether it is there.
func (t *table) pairSlot(p uint64) (uint64, bool) {
	mask := uint64(len(t.pairs)/2 - 1)
	for i := (p * 0x9E3779B97F4A7C15) >> t.pairShift; ; i = (i + 1) & mask {
		v := t.pairs[2*i]
		if v == 0 {
			return 0, false
		}
		if v>>32&pairMask == p {
			return i, true
		}
	}
}

// setPair sets the frequency field q, POS index pi and extBit ext of the
// pair key p, adding it when it is missing; the pair table grows when it is
// more than 60% full.
func (t *table) setPair(p, q uint64, pi int, ext uint64) {
	if (t.pairKeys+1)*5 > len(t.pairs)/2*3 {
		old := t.pairs
		t.pairs = make([]uint64, 2*len(old))
		t.pairShift--
		for i := 0; i < len(old); i += 2 {
			if old[i] != 0 {
				t.placePair(old[i], old[i+1])
			}
		}
	}
	v := pairBit | p<<32 | uint64(pi)<<24 | q | ext>>1
	mask := uint64(len(t.pairs)/2 - 1)
	for i := (p * 0x9E3779B97F4A7C15) >> t.pairShift; ; i = (i + 1) & mask {
		x := t.pairs[2*i]
		if x == 0 {
			t.pairs[2*i] = v
			t.pairKeys++
			return
		}
		if x>>32&pairMask == p {
			t.pairs[2*i] = v
			return
		}
	}
}

// placePair puts the pair slot v with its mask m in a free slot.
func (t *table) placePair(v, m uint64) {
	mask := uint64(len(t.pairs)/2 - 1)
	for i := (v >> 32 & pairMask * 0x9E3779B97F4A7C15) >> t.pairShift; ; i = (i + 1) & mask {
		if t.pairs[2*i] == 0 {
			t.pairs[2*i], t.pairs[2*i+1] = v, m
			return
		}
	}
}

func (t *table) posOf(v uint64) string {
	i := int(v >> 30 & 0xFF)
	if i < len(t.pos) {
		return t.pos[i]
	}
	return ""
}

func hashBytes(h uint32, b []byte) uint32 {
	for _, c := range b {
		h ^= uint32(c)
		h *= fnvPrime
	}
	return h
}

const (
	maxKeyBytes = 63
	// maxFreq keeps 1+round(1e6·ln freq) within the slot's 24 bits.
	maxFreq = 16000000
)

// quantize returns the slot's frequency field for freq (0 for freq < 1).
func quantize(freq float64) uint64 {
	if freq < 1 {
		return 0
	}
	return 1 + uint64(math.Round(1e6*math.Log(math.Min(freq, maxFreq))))
}

// insert sets key's frequency field q (0 makes it prefix-only) and POS;
// pos "" keeps the POS it had. Missing proper prefixes are added.
func (t *table) insert(key []byte, q uint64, pos string) error {
	if len(key) == 0 || len(key) > maxKeyBytes {
		return errors.New("key length out of range")
	}
	if !t.copied {
		t.blob = append(make([]byte, 0, len(t.blob)+len(t.blob)/8), t.blob...)
		for _, v := range t.slots {
			if v != 0 {
				t.keys++
			}
		}
		for i := 0; i < len(t.pairs); i += 2 {
			if t.pairs[i] != 0 {
				t.pairKeys++
			}
		}
		t.posIdx = make(map[string]int, len(t.pos))
		for i, p := range t.pos {
			t.posIdx[p] = i
		}
		t.copied = true
	}
	pi := -1
	if pos != "" {
		i, ok := t.posIdx[pos]
		if !ok {
			if len(t.pos) >= 256 {
				return errors.New("more than 256 distinct parts of speech")
			}
			i = len(t.pos)
			t.pos = append(t.pos, pos)
			t.posIdx[pos] = i
		}
		pi = i
	}
	if len(t.blob)+maxKeyBytes*(maxKeyBytes+1)/2 > offMask {
		return errors.New("the dictionary holds too many words")
	}
	// Each proper prefix is a key, with its extBit set.
	for i := range key {
		if i > 0 && utf8.RuneStart(key[i]) {
			pre, h := key[:i], hashBytes(fnvOffset, key[:i])
			v, ok := t.find(pre, h)
			if !ok {
				t.put(pre, 0, 0)
				v, _ = t.find(pre, h)
			}
			if v&extBit == 0 {
				t.set(pre, v|extBit)
			}
		}
	}
	if v, ok := t.find(key, hashBytes(fnvOffset, key)); ok {
		was := v&slotFreqMask > 0
		if pi < 0 {
			pi = int(v >> 30 & 0xFF)
		}
		t.set(key, v&^(slotFreqMask|0xFF<<30)|q|uint64(pi)<<30)
		switch {
		case was && q == 0:
			t.words--
		case !was && q > 0:
			t.words++
		}
		return nil
	}
	if pi < 0 {
		pi = 0
	}
	t.put(key, q, pi)
	if q > 0 {
		t.words++
	}
	return nil
}

// set replaces the slot value of key, which is in the table.
func (t *table) set(key []byte, v uint64) {
	if p, ok := pairOf(key); ok {
		t.setPair(p, v&slotFreqMask, int(v>>30&0xFF), v&extBit)
		return
	}
	for i := hashBytes(fnvOffset, key) & t.mask; ; i = (i + 1) & t.mask {
		x := t.slots[i]
		if int(x>>24&63) == len(key) && string(t.blob[offOf(x):offOf(x)+len(key)]) == string(key) {
			t.slots[i] = v
			return
		}
	}
}

// put adds key, which is not in the table, growing the table when it is
// more than 60% full.
func (t *table) put(key []byte, q uint64, pi int) {
	if p, ok := pairOf(key); ok {
		t.setFilter(hashBytes(fnvOffset, key))
		t.setPair(p, q, pi, 0)
		return
	}
	if (t.keys+1)*5 > len(t.slots)*3 {
		old := t.slots
		t.slots = make([]uint64, 2*len(old))
		t.mask = uint32(len(t.slots) - 1)
		for _, v := range old {
			if v != 0 {
				off := offOf(v)
				t.place(t.blob[off:off+int(v>>24&63)], v)
			}
		}
	}
	if len(key) == 9 {
		if c, ok := hanRune(key[6:]); ok {
			if p, ok := pairOf(key[:6]); ok {
				if i, ok := t.pairSlot(p); ok { // insert puts the prefixes first
					t.pairs[2*i+1] |= 1 << tripleBit(c-hanFirst)
				}
			}
		}
	}
	off := len(t.blob)
	t.blob = append(t.blob, key...)
	t.setFilter(hashBytes(fnvOffset, key))
	t.place(key, q|uint64(len(key))<<24|uint64(pi)<<30|uint64(off)<<offShift)
	t.keys++
}

func (t *table) place(key []byte, v uint64) {
	for i := hashBytes(fnvOffset, key) & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 {
			t.slots[i] = v
			return
		}
	}
}
