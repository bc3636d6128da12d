package segment

import (
	"sync"

	"github.com/go-ego/gse/hmm"
)

var hmmOnce sync.Once

// hmmRun appends the tokens of code points [i, j), a run of Han code points
// the dictionary path left as single characters. A run of two or more that
// is not itself a word is re-cut with gse's HMM (jieba's model), which finds
// words the dictionary lacks, such as names.
func (s *Segmenter) hmmRun(text string, sc *scratch, toks []Token, i, j int) []Token {
	if j-i > 1 {
		key := sc.norm[sc.no[i]:sc.no[j]]
		if freq, _, _ := s.lookup(key, hashBytes(fnvOffset, key)); freq == 0 {
			hmmOnce.Do(func() { hmm.LoadModel() })
			runes := []rune(string(key))
			_, states := hmm.Viterbi(runes, []byte{'B', 'M', 'E', 'S'})
			begin := i
			for k := range runes {
				switch states[k] {
				case 'B':
					begin = i + k
				case 'E':
					toks = s.appendWord(text, sc, toks, begin, i+k+1)
					begin = i + k + 1
				case 'S':
					toks = s.appendWord(text, sc, toks, i+k, i+k+1)
					begin = i + k + 1
				}
			}
			if begin < j {
				toks = s.appendWord(text, sc, toks, begin, j)
			}
			return toks
		}
	}
	for k := i; k < j; k++ {
		toks = s.appendWord(text, sc, toks, k, k+1)
	}
	return toks
}

func (s *Segmenter) appendWord(text string, sc *scratch, toks []Token, i, j int) []Token {
	key := sc.norm[sc.no[i]:sc.no[j]]
	_, p, _ := s.lookup(key, hashBytes(fnvOffset, key))
	if p == "" {
		p = "x"
	}
	return append(toks, sc.tokenAt(text, i, j, p))
}
