// Command gendict builds the compact dictionary that package segment
// embeds (segment/dict/zh.bin) from gse's simplified-Chinese dictionary
// (data/dict/zh/s_1.txt in the github.com/go-ego/gse module).
//
// The output is a pre-built open-addressing hash table holding every word
// and every proper prefix of a word, so that the segmenter needs no parsing
// and no trie construction at start-up. Run it from the repository root:
//
//	go generate ./segment
//
// Format (little endian):
//
//	"TBSEGv6\n"                     magic, 8 bytes
//	uint32 nslots                   a power of two
//	uint32 blob length
//	uint32 number of words
//	uint32 number of POS tags
//	uint64 total frequency
//	uint32 filter bits F            the filter has 2^F bits
//	uint32 pair bits P              the pair table has 2^P slots
//	POS tags: uint8 length + bytes, each
//	nslots × uint64 slots           the keys other than pairs:
//	                                0 = empty, else
//	                                bits 0-23 1+round(1e6·ln freq)
//	                                (0 = prefix only),
//	                                bits 24-29 key length in bytes,
//	                                bits 30-37 POS index,
//	                                bits 38-62 key offset in the blob,
//	                                bit 63 set when the key is a proper
//	                                prefix of another key
//	2^F/64 × uint64 filter          bit (h·0x9E3779B1 mod 2^32) >> (32-F)
//	                                set for the hash h of every key
//	2^P × uint64 pair slots         the keys of two CJK unified ideographs
//	                                a, b (U+4E00..U+9FFF): 0 = empty, else
//	                                bits 0-23 frequency as above,
//	                                bits 24-31 POS index,
//	                                bits 32-61 (a-0x4E00)<<15 | (b-0x4E00),
//	                                bit 62 set when the key is a proper
//	                                prefix of another key, bit 63 set
//	uint32 M                        then M × (uint32 i, uint64 mask):
//	                                the masks of the pair slots i that
//	                                start keys of three CJK unified
//	                                ideographs a, b, c: bit
//	                                ((c-0x4E00)·0x9E3779B1 mod 2^32) >> 26
//	                                set for each, in increasing i
//	blob                            the bytes of the keys in the slots
//
// Keys are normalized like segment normalizes text before lookup: ASCII
// letters lowercased, full-width ASCII folded to ASCII. The slot of a key is
// found by linear probing from h & (nslots-1), h = FNV-1a(key); the slot of
// a pair p (bits 32-61 above) by linear probing from
// (p·0x9E3779B97F4A7C15 mod 2^64) >> (64-P). The filter, about 8 bits a key,
// lets most lookups of a string that is no key stop without reading the
// slots. Pairs, the most frequent lookups, are held whole in their slots:
// finding one reads neither the blob nor the key's prefix.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	maxKeyLen = 63
	maxFreq   = 16000000 // 1+1e6·ln(maxFreq) fits in 24 bits
)

func main() {
	in := flag.String("in", "", "gse dictionary file (default: data/dict/zh/s_1.txt of the gse module)")
	out := flag.String("out", "dict/zh.bin", "output file")
	minFreq := flag.Int("minfreq", 0, "drop words with a frequency below this")
	flag.Parse()
	if *in == "" {
		dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if err != nil {
			fail(fmt.Errorf("locating gse: %v", err))
		}
		*in = filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	}
	data, err := os.ReadFile(*in)
	if err != nil {
		fail(err)
	}
	type word struct {
		freq int
		pos  string
	}
	words := map[string]word{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			fail(fmt.Errorf("%s:%d: want 3 fields, got %d", *in, line, len(f)))
		}
		freq, err := strconv.Atoi(f[1])
		if err != nil || freq <= 0 {
			fail(fmt.Errorf("%s:%d: bad frequency %q", *in, line, f[1]))
		}
		if freq < *minFreq {
			continue
		}
		k := Normalize(f[0])
		if len(k) > maxKeyLen || !utf8.ValidString(k) {
			continue
		}
		if freq > maxFreq {
			freq = maxFreq
		}
		if old, ok := words[k]; ok && old.freq >= freq {
			continue
		}
		words[k] = word{freq, f[2]}
	}
	if err := sc.Err(); err != nil {
		fail(err)
	}
	keys := map[string]word{}
	var total uint64
	posIdx := map[string]int{"": 0}
	posList := []string{""}
	var tags []string
	for _, w := range words {
		if _, ok := posIdx[w.pos]; !ok {
			posIdx[w.pos] = -1
			tags = append(tags, w.pos)
		}
	}
	sort.Strings(tags) // a reproducible table
	for _, p := range tags {
		posIdx[p] = len(posList)
		posList = append(posList, p)
	}
	for k, w := range words {
		total += uint64(w.freq)
		keys[k] = w
		for i := range k {
			if i == 0 {
				continue
			}
			p := k[:i]
			if _, ok := keys[p]; !ok {
				if _, isWord := words[p]; !isWord {
					keys[p] = word{}
				}
			}
		}
	}
	if len(posList) > 256 {
		fail(fmt.Errorf("%d POS tags, at most 256 fit", len(posList)))
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	// ext holds the keys that are proper prefixes of other keys.
	ext := map[string]bool{}
	for _, k := range sorted {
		r := []rune(k)
		if len(r) > 1 {
			ext[string(r[:len(r)-1])] = true
		}
	}
	var pairs, others []string
	for _, k := range sorted {
		if _, ok := pairKey(k); ok {
			pairs = append(pairs, k)
		} else {
			others = append(others, k)
		}
	}
	// Both tables at most half full.
	nslots := 1
	for nslots < len(others)*2 {
		nslots <<= 1
	}
	pbits := uint32(4)
	for 1<<pbits < len(pairs)*2 {
		pbits++
	}
	pslots := make([]uint64, 1<<pbits)
	for _, k := range pairs {
		w := keys[k]
		p, _ := pairKey(k)
		v := 1<<63 | p<<32 | uint64(posIdx[w.pos])<<24 | quantize(w.freq)
		if ext[k] {
			v |= 1 << 62
		}
		for i := (p * 0x9E3779B97F4A7C15) >> (64 - pbits); ; i = (i + 1) & (1<<pbits - 1) {
			if pslots[i] == 0 {
				pslots[i] = v
				break
			}
		}
	}
	// The masks of the pairs that start keys of three Han code points.
	masks := map[uint64]uint64{}
	for _, k := range others {
		r := []rune(k)
		if len(k) != 9 || len(r) != 3 {
			continue
		}
		p, ok := pairKey(string(r[:2]))
		if !ok || r[2] < 0x4E00 || r[2] > 0x9FFF {
			continue
		}
		for i := (p * 0x9E3779B97F4A7C15) >> (64 - pbits); ; i = (i + 1) & (1<<pbits - 1) {
			if pslots[i]>>32&(1<<30-1) == p {
				masks[i] |= 1 << (uint32(r[2]-0x4E00) * 0x9E3779B1 >> 26)
				break
			}
		}
	}
	maskIdx := make([]uint64, 0, len(masks))
	for i := range masks {
		maskIdx = append(maskIdx, i)
	}
	sort.Slice(maskIdx, func(a, b int) bool { return maskIdx[a] < maskIdx[b] })
	var blob bytes.Buffer
	slots := make([]uint64, nslots)
	mask := uint32(nslots - 1)
	for _, k := range others {
		w := keys[k]
		off := blob.Len()
		if off >= 1<<25 {
			fail(fmt.Errorf("blob too large"))
		}
		blob.WriteString(k)
		v := quantize(w.freq) | uint64(len(k))<<24 | uint64(posIdx[w.pos])<<30 | uint64(off)<<38
		if ext[k] {
			v |= 1 << 63
		}
		for i := fnv(k) & mask; ; i = (i + 1) & mask {
			if slots[i] == 0 {
				slots[i] = v
				break
			}
		}
	}
	fbits := uint32(12)
	for 1<<fbits < 8*len(sorted) && fbits < 30 {
		fbits++
	}
	filter := make([]uint64, 1<<fbits/64)
	for _, k := range sorted {
		f := (fnv(k) * 0x9E3779B1) >> (32 - fbits)
		filter[f>>6] |= 1 << (f & 63)
	}
	var b bytes.Buffer
	b.WriteString("TBSEGv6\n")
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, uint32(nslots)))
	b.Write(le.AppendUint32(nil, uint32(blob.Len())))
	b.Write(le.AppendUint32(nil, uint32(len(words))))
	b.Write(le.AppendUint32(nil, uint32(len(posList))))
	b.Write(le.AppendUint64(nil, total))
	b.Write(le.AppendUint32(nil, fbits))
	b.Write(le.AppendUint32(nil, pbits))
	for _, p := range posList {
		b.WriteByte(byte(len(p)))
		b.WriteString(p)
	}
	for _, s := range slots {
		b.Write(le.AppendUint64(nil, s))
	}
	for _, w := range filter {
		b.Write(le.AppendUint64(nil, w))
	}
	for _, s := range pslots {
		b.Write(le.AppendUint64(nil, s))
	}
	b.Write(le.AppendUint32(nil, uint32(len(maskIdx))))
	for _, i := range maskIdx {
		b.Write(le.AppendUint32(nil, uint32(i)))
		b.Write(le.AppendUint64(nil, masks[i]))
	}
	b.Write(blob.Bytes())
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "gendict: %d words, %d keys (%d pairs), %d slots, %d pair slots, %d bytes -> %s\n", len(words), len(keys), len(pairs), nslots, len(pslots), b.Len(), *out)
}

// quantize returns the frequency field of a slot: 1+round(1e6·ln freq), 0
// for a prefix.
func quantize(freq int) uint64 {
	if freq <= 0 {
		return 0
	}
	return 1 + uint64(math.Round(1e6*math.Log(float64(freq))))
}

// pairKey returns the pair slot key of k when k is two CJK unified
// ideographs.
func pairKey(k string) (uint64, bool) {
	r := []rune(k)
	if len(k) != 6 || len(r) != 2 {
		return 0, false
	}
	for _, c := range r {
		if c < 0x4E00 || c > 0x9FFF {
			return 0, false
		}
	}
	return uint64(r[0]-0x4E00)<<15 | uint64(r[1]-0x4E00), true
}

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Normalize folds full-width ASCII to ASCII and lowercases ASCII letters; it
// must match segment's normalization.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
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

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gendict:", err)
	os.Exit(1)
}
