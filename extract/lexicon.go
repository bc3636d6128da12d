package extract

import (
	lexpkg "github.com/tongbao/tongbao/extract/internal/lexicon"
)

// lexicon is the word-list matcher every extractor uses (see
// extract/internal/lexicon): a trie of words with values, matched by
// longest match forwards, or backwards over reversed words.
type lexicon[V any] = lexpkg.Lexicon[V]

// lexCursor walks a lexicon one code point at a time.
type lexCursor[V any] = lexpkg.Cursor[V]

// newLexicon returns an empty lexicon.
func newLexicon[V any]() *lexicon[V] { return lexpkg.New[V]() }

// readWordList parses an embedded word list of extract/data: one entry per
// line, fields separated by tabs or runs of spaces, blank lines and lines
// starting with # ignored. fn receives the fields of each entry.
func readWordList(data string, fn func(fields []string)) { lexpkg.ReadWordList(data, fn) }

// match is one occurrence of a lexicon word in a text.
type match[V any] = lexpkg.Match[V]
