package stats

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

//go:embed data/stopwords.txt
var stopwordsTxt string

var (
	builtinOnce sync.Once
	builtinSet  map[string]bool
)

// Stopwords is a set of words left out of term counts.
type Stopwords map[string]bool

// DefaultStopwords returns a fresh copy of the built-in Chinese stopword
// list (function words, pronouns, conjunctions, prepositions and the
// boilerplate words of official prose). The caller may add to it.
func DefaultStopwords() Stopwords {
	builtinOnce.Do(func() {
		builtinSet, _ = parseWordList(strings.NewReader(stopwordsTxt))
	})
	s := make(Stopwords, len(builtinSet))
	for w := range builtinSet {
		s[w] = true
	}
	return s
}

// AddFile adds the words of a word-list file (one word a line, blank lines
// and lines starting with # ignored, UTF-8) to s.
func (s Stopwords) AddFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	words, err := parseWordList(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for w := range words {
		s[w] = true
	}
	return nil
}

func parseWordList(r io.Reader) (map[string]bool, error) {
	words := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		w := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		if !isValidUTF8(w) {
			return nil, fmt.Errorf("line %d: not valid UTF-8", line)
		}
		words[w] = true
	}
	return words, sc.Err()
}
