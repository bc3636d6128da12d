package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// tableKeys returns every key of t with its slot value as find returns it.
func tableKeys(t *table) map[string]uint64 {
	keys := map[string]uint64{}
	for _, v := range t.slots {
		if v != 0 {
			keys[string(t.blob[offOf(v):offOf(v)+int(v>>24&63)])] = v
		}
	}
	for i := 0; i < len(t.pairs); i += 2 {
		if v := t.pairs[i]; v != 0 {
			p := v >> 32 & pairMask
			k := string([]rune{rune(p>>15) + hanFirst, rune(p&(1<<15-1)) + hanFirst})
			keys[k], _ = t.findPair(p)
		}
	}
	return keys
}

// checkPairMasks checks that the mask of each pair has exactly the bits
// of the third code points of the keys of three CJK unified ideographs
// starting with the pair (route stops on a clear bit), and that hanPairs
// is the table's pairs.
func checkPairMasks(t *testing.T, name string, s *Segmenter) {
	t.Helper()
	tb := s.base
	if len(s.hanPairs) != len(tb.pairs) || len(tb.pairs) == 0 || &s.hanPairs[0] != &tb.pairs[0] {
		t.Fatalf("%s: hanPairs (%d words) is not the table's pairs (%d words)", name, len(s.hanPairs), len(tb.pairs))
	}
	want := make([]uint64, len(tb.pairs)/2)
	for k := range tableKeys(tb) {
		key := []byte(k)
		if len(key) != 9 {
			continue
		}
		p, okP := pairOf(key[:6])
		c, okC := hanRune(key[6:])
		if !okP || !okC {
			continue
		}
		i, ok := tb.pairSlot(p)
		if !ok {
			t.Fatalf("%s: pair of %q missing", name, k)
		}
		want[i] |= 1 << tripleBit(c-hanFirst)
	}
	for i, m := range want {
		if tb.pairs[2*i+1] != m {
			t.Fatalf("%s: pair slot %d has the mask %x, want %x", name, i, tb.pairs[2*i+1], m)
		}
	}
}

// TestTableInvariants checks, for the default table and one with user words
// added, that every key is found where find looks, that every proper prefix
// of a key is a key, and that the extBit of a key is set exactly when a
// longer key starts with it (route stops on a clear extBit).
func TestTableInvariants(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 3000; i++ {
		b.WriteString(string([]rune{rune(0x4E00 + i%97), rune(0x5E00 + i/97), rune(0x6E00 + i%13)}) + " 5 nz\n")
	}
	b.WriteString("人大常委会党组扩大会议 nt\n乙乙 3\nabc测试x 2\n")
	user, err := New(WithDict("user", strings.NewReader(b.String())))
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*Segmenter{"default": mustDefault(t), "user": user} {
		checkPairMasks(t, name, s)
		keys := tableKeys(s.base)
		if len(keys) < 150000 {
			t.Fatalf("%s: %d keys", name, len(keys))
		}
		ext := map[string]bool{}
		for k := range keys {
			for i := range k {
				if i > 0 && utf8.RuneStart(k[i]) {
					if _, ok := keys[k[:i]]; !ok {
						t.Errorf("%s: prefix %q of %q is no key", name, k[:i], k)
					}
				}
			}
			if _, size := utf8.DecodeLastRuneInString(k); size < len(k) {
				ext[k[:len(k)-size]] = true
			}
		}
		bad := 0
		for k, v := range keys {
			got, ok := s.base.find([]byte(k), hashBytes(fnvOffset, []byte(k)))
			if !ok || got != v {
				t.Errorf("%s: find(%q) = %x, %v; want %x", name, k, got, ok, v)
			}
			if (v&extBit != 0) != ext[k] && bad < 10 {
				bad++
				t.Errorf("%s: %q extBit %v, want %v", name, k, v&extBit != 0, ext[k])
			}
		}
	}
}

// TestOpenTableCorrupt checks that a truncated or damaged table header is
// refused with an error, not a panic.
func TestOpenTableCorrupt(t *testing.T) {
	if _, err := openTable(zhDict); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 7, 8, 39, 40, 41, 200, len(zhDict) / 2, len(zhDict) - 1} {
		if _, err := openTable(zhDict[:n]); err == nil {
			t.Errorf("table cut to %d bytes accepted", n)
		}
	}
	// Each header field (slots, blob length, words, tags, total, filter
	// bits, pair bits) set to 0, 1, 2^31 and 2^32-1.
	for off := 8; off < 40; off += 4 {
		for _, x := range []uint32{0, 1, 1 << 31, 1<<32 - 1} {
			b := append([]byte(nil), zhDict...)
			b[off], b[off+1], b[off+2], b[off+3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("header bytes %d-%d = %d: panic %v", off, off+3, x, r)
					}
				}()
				openTable(b)
			}()
		}
	}
}
