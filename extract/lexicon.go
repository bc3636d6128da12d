package extract

import (
	"bufio"
	"strings"
)

// Lexicon is a set of words with values, matched against text by longest
// match. It is the one word-list matcher shared by all extractors.
type Lexicon[V any] struct {
	root   *lexNode[V]
	maxLen int
	n      int
}

type lexNode[V any] struct {
	next map[rune]*lexNode[V]
	val  V
	ok   bool
}

// NewLexicon returns an empty Lexicon.
func NewLexicon[V any]() *Lexicon[V] {
	return &Lexicon[V]{root: &lexNode[V]{}}
}

// Add inserts word with value v, replacing an earlier value.
func (l *Lexicon[V]) Add(word string, v V) {
	n := l.root
	k := 0
	for _, r := range word {
		if n.next == nil {
			n.next = map[rune]*lexNode[V]{}
		}
		c := n.next[r]
		if c == nil {
			c = &lexNode[V]{}
			n.next[r] = c
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

// Len returns the number of words.
func (l *Lexicon[V]) Len() int { return l.n }

// Get returns the value of word.
func (l *Lexicon[V]) Get(word string) (V, bool) {
	n := l.root
	for _, r := range word {
		if n = n.next[r]; n == nil {
			var zero V
			return zero, false
		}
	}
	return n.val, n.ok
}

// Longest returns the length in runes of the longest word starting at
// text[i], and its value; n is 0 when no word starts there.
func (l *Lexicon[V]) Longest(text []rune, i int) (n int, v V) {
	node := l.root
	for j := i; j < len(text); j++ {
		node = node.next[text[j]]
		if node == nil {
			break
		}
		if node.ok {
			n, v = j-i+1, node.val
		}
	}
	return n, v
}

// Prefixes calls fn for every word starting at text[i], shortest first.
func (l *Lexicon[V]) Prefixes(text []rune, i int, fn func(n int, v V)) {
	node := l.root
	for j := i; j < len(text); j++ {
		node = node.next[text[j]]
		if node == nil {
			return
		}
		if node.ok {
			fn(j-i+1, node.val)
		}
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
// # ignored. fn receives the fields of each entry.
func ReadWordList(data string, fn func(fields []string)) {
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
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
