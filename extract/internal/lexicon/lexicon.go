// Package lexicon is the word-list matcher shared by tongbao's extractors:
// a trie of words with values, matched against text by longest match,
// forwards, or backwards over a lexicon of reversed words.
package lexicon

import (
	"math/bits"
	"slices"
	"strings"
)

// Lexicon is a set of words with values, matched against text by longest
// match. It is the one word-list matcher shared by all extractors.
//
// Lookups are the hot path of every extractor, so nothing is hashed on
// the way: a Lexicon keeps a bitset of the first code points of its words
// below U+10000 (most text positions start no word and are rejected with
// one bit test) with the rank of each 64-bit block, which index the root's
// children directly, and in every other node its children sorted by code
// point, scanned or binary-searched. A lexicon whose words start with few
// code points keeps its root like the other nodes. No node holds a map:
// the lexicons of the gazetteer and the word lists hold hundreds of
// thousands of nodes, built at start-up and kept for the process.
type Lexicon[V any] struct {
	root   *lexNode[V]
	maxLen int
	n      int
	// first has bit r set when a word starts with code point r < 1<<16;
	// firstRank[b] counts the bits set in first[:b], so that the root's
	// child for r is firstKids[firstRank[r>>6]+(bits of first[r>>6]
	// below r)]. wide holds the root's children for code points above
	// U+FFFF once the bitset exists.
	first     *[lexBlocks]uint64
	firstRank *[lexBlocks]int32
	firstKids []*lexNode[V]
	wide      map[rune]*lexNode[V]
}

// lexBlocks is the number of 64-bit blocks of a bitset of U+0000..U+FFFF.
const lexBlocks = 1 << 16 / 64

// lexScan is the number of children up to which child scans keys instead
// of binary-searching them.
const lexScan = 8

type lexNode[V any] struct {
	keys []rune // the code points of the children, sorted (see Lexicon.start for the root's)
	kids []*lexNode[V]
	val  V
	ok   bool
}

// child returns the child of n for code point r, or nil (for the root,
// see Lexicon.start).
func (n *lexNode[V]) child(r rune) *lexNode[V] {
	keys := n.keys
	if len(keys) <= lexScan {
		for i, k := range keys {
			if k == r {
				return n.kids[i]
			}
		}
		return nil
	}
	lo, hi := 0, len(keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if keys[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(keys) && keys[lo] == r {
		return n.kids[lo]
	}
	return nil
}

// insert adds child c for code point r to keys and kids, keeping them sorted.
func (n *lexNode[V]) insert(r rune, c *lexNode[V]) {
	i := len(n.keys)
	for i > 0 && n.keys[i-1] > r {
		i--
	}
	n.keys = append(n.keys, 0)
	n.kids = append(n.kids, nil)
	copy(n.keys[i+1:], n.keys[i:])
	copy(n.kids[i+1:], n.kids[i:])
	n.keys[i], n.kids[i] = r, c
}

// New returns an empty Lexicon.
func New[V any]() *Lexicon[V] {
	return &Lexicon[V]{root: &lexNode[V]{}}
}

// Add inserts word with value v, replacing an earlier value.
func (l *Lexicon[V]) Add(word string, v V) {
	n := l.root
	k := 0
	for _, r := range word {
		var c *lexNode[V]
		if n == l.root {
			c = l.start(r)
		} else {
			c = n.child(r)
		}
		if c == nil {
			c = &lexNode[V]{}
			switch {
			case n != l.root || l.first == nil:
				n.insert(r, c)
				if n == l.root && len(n.keys) > lexRootSmall {
					l.indexFirst()
				}
			default:
				l.addFirst(r, c)
			}
		}
		n = c
		k++
	}
	if k == 0 {
		return
	}
	if !n.ok {
		l.n++
	}
	n.val, n.ok = v, true
	if k > l.maxLen {
		l.maxLen = k
	}
}

// lexRootSmall is the number of first code points up to which the root
// keeps its children sorted like other nodes (a lexicon built per document
// needs no 12 KB index).
const lexRootSmall = 32

// indexFirst moves the root's children from its sorted keys to the
// first-rune bitset and rank.
func (l *Lexicon[V]) indexFirst() {
	root := l.root
	l.first, l.firstRank = new([lexBlocks]uint64), new([lexBlocks]int32)
	for i, r := range root.keys {
		l.addFirst(r, root.kids[i])
	}
	root.keys, root.kids = nil, nil
}

// addFirst records c as the root's child for code point r, once the
// bitset exists.
func (l *Lexicon[V]) addFirst(r rune, c *lexNode[V]) {
	if r < 0 || r >= 1<<16 {
		if l.wide == nil {
			l.wide = map[rune]*lexNode[V]{}
		}
		l.wide[r] = c
		return
	}
	b, bit := r>>6, uint64(1)<<(uint(r)&63)
	i := int(l.firstRank[b]) + bits.OnesCount64(l.first[b]&(bit-1))
	l.firstKids = slices.Insert(l.firstKids, i, c)
	l.first[b] |= bit
	for x := b + 1; x < lexBlocks; x++ {
		l.firstRank[x]++
	}
}

// start returns the node of the first code point r of a word, or nil.
func (l *Lexicon[V]) start(r rune) *lexNode[V] {
	if l.first == nil {
		return l.root.child(r) // few first code points
	}
	if r >= 0 && r < 1<<16 {
		b, bit := r>>6, uint64(1)<<(uint(r)&63)
		w := l.first[b]
		if w&bit == 0 {
			return nil
		}
		return l.firstKids[int(l.firstRank[b])+bits.OnesCount64(w&(bit-1))]
	}
	return l.wide[r]
}

// Len returns the number of words.
func (l *Lexicon[V]) Len() int { return l.n }

// Get returns the value of word.
func (l *Lexicon[V]) Get(word string) (V, bool) {
	n := l.root
	for i, r := range word {
		if i == 0 {
			n = l.start(r)
		} else {
			n = n.child(r)
		}
		if n == nil {
			var zero V
			return zero, false
		}
	}
	return n.val, n.ok
}

// Longest returns the length in runes of the longest word starting at
// text[i], and its value; n is 0 when no word starts there.
func (l *Lexicon[V]) Longest(text []rune, i int) (n int, v V) {
	if i < 0 || i >= len(text) {
		return 0, v
	}
	node := l.start(text[i])
	for j := i; node != nil; {
		if node.ok {
			n, v = j-i+1, node.val
		}
		if j++; j >= len(text) {
			break
		}
		node = node.child(text[j])
	}
	return n, v
}

// Prefixes calls fn for every word starting at text[i], shortest first.
func (l *Lexicon[V]) Prefixes(text []rune, i int, fn func(n int, v V)) {
	if i < 0 || i >= len(text) {
		return
	}
	node := l.start(text[i])
	for j := i; node != nil; {
		if node.ok {
			fn(j-i+1, node.val)
		}
		if j++; j >= len(text) {
			return
		}
		node = node.child(text[j])
	}
}

// Match is one occurrence of a lexicon word in a text.
type Match[V any] struct {
	Start, End int
	Value      V
}

// FindAll returns the leftmost-longest, non-overlapping occurrences of the
// lexicon's words in text.
func (l *Lexicon[V]) FindAll(text []rune) []Match[V] {
	var out []Match[V]
	for i := 0; i < len(text); {
		if n, v := l.Longest(text, i); n > 0 {
			out = append(out, Match[V]{i, i + n, v})
			i += n
			continue
		}
		i++
	}
	return out
}

// ReadWordList parses an embedded word list: one entry per line, fields
// separated by tabs or runs of spaces, blank lines and lines starting with
// # ignored. fn receives the fields of each entry, substrings of data.
func ReadWordList(data string, fn func(fields []string)) {
	for rest := data; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var fields []string
		if strings.Contains(line, "\t") {
			fields = strings.Split(line, "\t")
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
		} else {
			fields = strings.Fields(line)
		}
		fn(fields)
	}
}

// MaxLen returns the length in code points of the longest word.
func (l *Lexicon[V]) MaxLen() int { return l.maxLen }

// Cursor walks the lexicon one code point at a time, for matches that
// read the text in their own way (backwards, or skipping characters).
type Cursor[V any] struct {
	l *Lexicon[V]
	n *lexNode[V] // nil before the first code point
}

// Cursor returns a cursor at the root of the lexicon.
func (l *Lexicon[V]) Cursor() Cursor[V] { return Cursor[V]{l: l} }

// Next moves the cursor over code point r and reports whether some word
// goes on with the code points read so far. After it returns false the
// cursor is spent.
func (c *Cursor[V]) Next(r rune) bool {
	if c.n == nil {
		c.n = c.l.start(r)
	} else {
		c.n = c.n.child(r)
	}
	return c.n != nil
}

// Word reports whether the code points read so far are a word, and its
// value.
func (c *Cursor[V]) Word() (v V, ok bool) {
	if c.n == nil {
		return v, false
	}
	return c.n.val, c.n.ok
}

// AtWord reports whether the code points read so far are a word (Word
// without copying its value).
func (c *Cursor[V]) AtWord() bool { return c.n != nil && c.n.ok }

// Backward calls fn for every word of the lexicon that, read backwards,
// ends text[lo:end]: the words of a lexicon of reversed words that match
// text[end-1], text[end-2], … down to text[lo], shortest first, with their
// length n. It stops when fn returns false.
func (l *Lexicon[V]) Backward(text []rune, lo, end int, fn func(n int, v V) bool) {
	if end > len(text) {
		end = len(text)
	}
	if lo < 0 {
		lo = 0
	}
	c := l.Cursor()
	for j := end - 1; j >= lo; j-- {
		if !c.Next(text[j]) {
			return
		}
		if v, ok := c.Word(); ok && !fn(end-j, v) {
			return
		}
	}
}

// LongestBackward returns the length of the longest word of a lexicon of
// reversed words that ends text[lo:end] (the last word Backward would
// report), and its value; n is 0 when none does. It is Longest over the
// reversed text, without building it.
func (l *Lexicon[V]) LongestBackward(text []rune, lo, end int) (n int, v V) {
	end, lo = min(end, len(text)), max(lo, 0)
	c := l.Cursor()
	for j := end - 1; j >= lo && c.Next(text[j]); j-- {
		if w, ok := c.Word(); ok {
			n, v = end-j, w
		}
	}
	return n, v
}

// FirstRunes calls fn with one true for every code point that starts a
// word, then with one false for each second code point of the words of two
// or more that start with it (second is 0 when one is true).
func (l *Lexicon[V]) FirstRunes(fn func(first, second rune, one bool)) {
	l.eachFirst(func(r rune, n *lexNode[V]) {
		fn(r, 0, true)
		for _, r2 := range n.keys {
			fn(r, r2, false)
		}
	})
}

// eachFirst calls fn with every first code point of a word and its node.
func (l *Lexicon[V]) eachFirst(fn func(r rune, n *lexNode[V])) {
	if l.first == nil {
		for i, r := range l.root.keys {
			fn(r, l.root.kids[i])
		}
		return
	}
	i := 0
	for b, w := range l.first {
		for ; w != 0; w &= w - 1 {
			fn(rune(b<<6|bits.TrailingZeros64(w)), l.firstKids[i])
			i++
		}
	}
	for r, n := range l.wide {
		fn(r, n)
	}
}

// StartsWith reports whether some word starts with code point r.
func (l *Lexicon[V]) StartsWith(r rune) bool { return l.start(r) != nil }
