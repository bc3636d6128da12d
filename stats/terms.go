package stats

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tongbao/tongbao/segment"
)

// Filter decides which tokens count as terms. The zero Filter keeps every
// token that contains a letter (so punctuation, spaces and bare numbers are
// always left out).
type Filter struct {
	// Stopwords are left out (nil: none; see DefaultStopwords).
	Stopwords Stopwords
	// POS, when not empty, keeps only tokens whose part-of-speech tag starts
	// with one of these prefixes ("n" keeps n, nr, ns, nz; "v" keeps v, vn).
	POS []string
	// MinLen is the minimum length of a term in code points.
	MinLen int
}

// Keep reports whether the token text with part of speech pos is a term.
func (f *Filter) Keep(text, pos string) bool {
	if f != nil && f.MinLen > 1 && utf8.RuneCountInString(text) < f.MinLen {
		return false
	}
	if !hasLetter(text) {
		return false
	}
	if f == nil {
		return true
	}
	if f.Stopwords[text] {
		return false
	}
	if len(f.POS) > 0 {
		ok := false
		for _, p := range f.POS {
			if strings.HasPrefix(pos, p) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isValidUTF8(s string) bool { return utf8.ValidString(s) }

// DocTerms counts the terms of one document: the tokens f keeps, by text.
func DocTerms(tokens []segment.Token, f *Filter) map[string]int {
	m := make(map[string]int, len(tokens)/3+1)
	for _, t := range tokens {
		if f.Keep(t.Text, t.Pos) {
			m[t.Text]++
		}
	}
	return m
}

// DocPOS counts, for each term of one document, its part-of-speech tags:
// term → tag → count. Table.AddPOS merges it.
func DocPOS(tokens []segment.Token, f *Filter) map[string]map[string]int {
	m := map[string]map[string]int{}
	for _, t := range tokens {
		if !f.Keep(t.Text, t.Pos) {
			continue
		}
		p := m[t.Text]
		if p == nil {
			p = map[string]int{}
			m[t.Text] = p
		}
		p[t.Pos]++
	}
	return m
}

// CountTerms counts terms given as strings (e.g. the canonical forms of
// extracted mentions), applying the stopwords and minimum length of f (not
// its POS filter). Empty strings are skipped.
func CountTerms(terms []string, f *Filter) map[string]int {
	m := map[string]int{}
	for _, t := range terms {
		if t == "" {
			continue
		}
		if f != nil && (f.Stopwords[t] || (f.MinLen > 1 && utf8.RuneCountInString(t) < f.MinLen)) {
			continue
		}
		m[t]++
	}
	return m
}
