package segment

import (
	_ "embed"
	"encoding/binary"
	"errors"
)

//go:generate go run ./internal/gendict -minfreq 4

// zhDict is the dictionary built by internal/gendict from gse's
// simplified-Chinese dictionary: a pre-built hash table, used in place
// without parsing.
//
//go:embed dict/zh.bin
var zhDict []byte

// table is a read-only view of a dictionary built by internal/gendict.
type table struct {
	slots []uint64
	mask  uint32
	blob  []byte
	pos   []string
	words int
	total float64
}

const (
	slotFreqMask = 1<<24 - 1
)

func openTable(b []byte) (*table, error) {
	bad := errors.New("segment: corrupt embedded dictionary")
	if len(b) < 32 || string(b[:8]) != "TBSEGv2\n" {
		return nil, bad
	}
	le := binary.LittleEndian
	nslots := int(le.Uint32(b[8:]))
	blobLen := int(le.Uint32(b[12:]))
	t := &table{words: int(le.Uint32(b[16:]))}
	npos := int(le.Uint32(b[20:]))
	t.total = float64(le.Uint64(b[24:]))
	p := 32
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
	if nslots == 0 || nslots&(nslots-1) != 0 || p+8*nslots+blobLen != len(b) {
		return nil, bad
	}
	// Copied out once (a few milliseconds) so that lookups are plain
	// array reads.
	t.slots = make([]uint64, nslots)
	for i := range t.slots {
		t.slots[i] = le.Uint64(b[p+8*i:])
	}
	t.blob = b[p+8*nslots:]
	t.mask = uint32(nslots - 1)
	return t, nil
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// find looks key up given h, its FNV-1a hash. It returns the slot value
// (freq in the low 24 bits, 0 for a prefix-only key) and whether key is a
// word or a prefix of one.
func (t *table) find(key []byte, h uint32) (uint64, bool) {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return 0, false
		}
		if int(v>>24&63) == len(key) {
			off := int(v >> 38)
			if string(t.blob[off:off+len(key)]) == string(key) {
				return v, true
			}
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
