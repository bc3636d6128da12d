package segment

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// govLexicon is the government-domain lexicon, in the user dictionary
// format (see WithDict).
//
//go:embed dict/gov.txt
var govLexicon []byte

// Option configures New.
type Option func(*config)

type config struct {
	mode     Mode
	hmm      bool
	noDomain bool
	engine   Engine
	dicts    []dictSource
	err      error
}

type dictSource struct {
	name string
	path string
	r    io.Reader
}

// WithMode sets the mode Cut uses (Precise by default).
func WithMode(m Mode) Option { return func(c *config) { c.mode = m } }

// WithHMM makes Precise and Search modes re-cut runs of single Han
// characters with gse's HMM, to find words missing from the dictionaries.
func WithHMM(on bool) Option { return func(c *config) { c.hmm = on } }

// WithDictFile adds the user dictionary in the file at path (see WithDict
// for the format).
func WithDictFile(path string) Option {
	return func(c *config) { c.dicts = append(c.dicts, dictSource{name: path, path: path}) }
}

// WithDict adds a user dictionary read from r; name identifies it in
// reports. It holds one entry per line, "word [freq] [pos]", UTF-8 or
// GBK/GB18030 (detected). Fields are separated by tabs, or else by spaces,
// in which case a trailing number is the frequency and a tag after it the
// part of speech, and the rest of the line, spaces included, is the word.
// A word without a frequency gets one just high enough to be kept whole; a
// frequency of 0 removes the word. Blank lines and lines starting with "#"
// are skipped. Bad lines are rejected and listed in DictReports.
func WithDict(name string, r io.Reader) Option {
	return func(c *config) { c.dicts = append(c.dicts, dictSource{name: name, r: r}) }
}

// WithoutDomainLexicon leaves out the embedded government-domain lexicon.
func WithoutDomainLexicon() Option { return func(c *config) { c.noDomain = true } }

// DictReport says what loading one dictionary did.
type DictReport struct {
	Source   string      `json:"source"`
	Encoding string      `json:"encoding"`
	Lines    int         `json:"lines"`
	Loaded   int         `json:"loaded"`
	Rejected []Rejection `json:"rejected,omitempty"`
}

// Rejection is a dictionary line that was not loaded.
type Rejection struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// New returns a Segmenter over the embedded dictionary, the
// government-domain lexicon and the given user dictionaries. It fails only
// when a dictionary cannot be read; bad lines are reported by DictReports.
func New(opts ...Option) (*Segmenter, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.mode < Precise || c.mode > Full {
		return nil, fmt.Errorf("segment: unknown mode %d", int(c.mode))
	}
	if c.engine == GSE && c.mode != Precise {
		return nil, fmt.Errorf("segment: the gse engine supports the precise mode only, not %s", c.mode)
	}
	base, err := openTable(zhDict)
	if err != nil {
		return nil, err
	}
	s := &Segmenter{base: base, total: base.total, mode: c.mode, hmm: c.hmm, toGSE: c.engine == GSE}
	s.logT = math.Log(s.total)
	if !c.noDomain {
		if _, err := s.loadDict("domain lexicon (dict/gov.txt)", bytes.NewReader(govLexicon)); err != nil {
			return nil, err
		}
	}
	for _, d := range c.dicts {
		r := d.r
		if d.path != "" {
			f, err := os.Open(d.path)
			if err != nil {
				return nil, fmt.Errorf("segment: dictionary: %w", err)
			}
			r = f
			_, err = s.loadDict(d.name, r)
			f.Close()
			if err != nil {
				return nil, err
			}
			continue
		}
		if _, err := s.loadDict(d.name, r); err != nil {
			return nil, err
		}
	}
	s.cacheHan()
	if c.engine == GSE {
		g, err := newGSE(s.gseDict)
		if err != nil {
			return nil, err
		}
		s.gse, s.gseDict = g, nil
	}
	return s, nil
}

// DictReports returns what loading each dictionary did, the domain lexicon
// first.
func (s *Segmenter) DictReports() []DictReport { return s.reports }

// WordCount counts the words of the Segmenter's dictionary, domain and
// user words included.
func (s *Segmenter) WordCount() int { return s.base.words }

const maxWordRunes = 64

func (s *Segmenter) loadDict(name string, r io.Reader) (*DictReport, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("segment: dictionary %s: %w", name, err)
	}
	rep := DictReport{Source: name, Encoding: "utf-8"}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err == nil && bytes.ContainsRune(dec, utf8.RuneError) {
			err = fmt.Errorf("invalid byte sequence")
		}
		if err != nil {
			return nil, fmt.Errorf("segment: dictionary %s: neither UTF-8 nor GBK: %w", name, err)
		}
		data = dec
		rep.Encoding = "gbk"
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		rep.Lines++
		line := strings.TrimRight(sc.Text(), "\r")
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		word, freq, hasFreq, pos, reason := parseDictLine(line)
		if reason == "" {
			reason = s.addWord(word, freq, hasFreq, pos)
		}
		if reason != "" {
			rep.Rejected = append(rep.Rejected, Rejection{Line: rep.Lines, Text: line, Reason: reason})
			continue
		}
		rep.Loaded++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("segment: dictionary %s: %w", name, err)
	}
	s.reports = append(s.reports, rep)
	return &s.reports[len(s.reports)-1], nil
}

// parseDictLine splits a line into word, frequency and POS; reason is set
// when the line is bad.
func parseDictLine(line string) (word string, freq float64, hasFreq bool, pos, reason string) {
	var fs []string
	if strings.Contains(line, "\t") {
		fs = strings.Split(line, "\t")
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		if len(fs) > 3 {
			return "", 0, false, "", fmt.Sprintf("%d tab-separated fields, want at most 3 (word, freq, pos)", len(fs))
		}
		word = fs[0]
		if len(fs) > 1 && fs[1] != "" {
			var r string
			freq, r = parseFreq(fs[1])
			if r != "" {
				return "", 0, false, "", r
			}
			hasFreq = true
		}
		if len(fs) > 2 {
			pos = fs[2]
			if !isTag(pos) {
				return "", 0, false, "", fmt.Sprintf("part of speech %q is not a tag (1 to 5 lowercase ASCII letters)", pos)
			}
		}
	} else {
		// Space-separated: an optional trailing tag, before it an optional
		// frequency (a field with a digit), the rest is the word.
		rest := strings.TrimSpace(line)
		fs = strings.Fields(rest)
		n := len(fs)
		if n >= 2 && isTag(fs[n-1]) {
			pos = fs[n-1]
			fs = fs[:n-1]
			n--
			rest = trimLastFields(rest, 1)
			if n >= 2 && isLetters(fs[n-1]) && !strings.ContainsFunc(strings.Join(fs[:n-1], ""), isASCIILetter) {
				return "", 0, false, "", fmt.Sprintf("frequency %q is not a number", fs[n-1])
			}
		}
		if n >= 2 && strings.ContainsAny(fs[n-1], "0123456789") {
			var r string
			freq, r = parseFreq(fs[n-1])
			if r != "" {
				return "", 0, false, "", r
			}
			hasFreq = true
			rest = trimLastFields(rest, 1)
		} else if n == 1 && pos != "" && strings.ContainsAny(fs[0], "0123456789") && looksNumeric(fs[0]) {
			return "", 0, false, "", "empty word"
		}
		word = rest
	}
	word = strings.TrimSpace(word)
	switch {
	case word == "":
		return "", 0, false, "", "empty word"
	case utf8.RuneCountInString(word) > maxWordRunes:
		return "", 0, false, "", fmt.Sprintf("word longer than %d characters", maxWordRunes)
	case strings.ContainsRune(word, utf8.RuneError):
		return "", 0, false, "", "word contains U+FFFD (bad encoding?)"
	case strings.ContainsFunc(word, func(r rune) bool { return r == '\n' || r == '\r' || unicode.IsControl(r) }):
		return "", 0, false, "", "word contains a control character"
	}
	return word, freq, hasFreq, pos, ""
}

// looksNumeric reports whether s is meant as a number: it starts with a
// digit, a sign or a point.
func looksNumeric(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.'
}

func parseFreq(s string) (float64, string) {
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return 0, fmt.Sprintf("frequency %q is not a number", s)
	case f < 0:
		return 0, fmt.Sprintf("frequency %q is negative", s)
	case f > maxFreq:
		return 0, fmt.Sprintf("frequency %q is too large (at most %d)", s, maxFreq)
	}
	return math.Floor(f), ""
}

// isTag reports whether s looks like a part-of-speech tag: 1 to 5
// lowercase ASCII letters.
func isTag(s string) bool {
	if len(s) == 0 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	for _, r := range s {
		if !isASCIILetter(r) {
			return false
		}
	}
	return s != ""
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// trimLastFields removes the last n space-separated fields of s.
func trimLastFields(s string, n int) string {
	for ; n > 0; n-- {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		s = s[:i+1]
	}
	return s
}

// addWord adds word to the dictionary; it returns a rejection reason or "".
func (s *Segmenter) addWord(word string, freq float64, hasFreq bool, pos string) string {
	key := []byte(Normalize(word))
	if len(key) > maxKeyBytes {
		return fmt.Sprintf("word longer than %d bytes of UTF-8", maxKeyBytes)
	}
	if !hasFreq {
		oldW, _, _ := s.lookup(key, hashBytes(fnvOffset, key))
		old := 0.0
		if oldW > 0 {
			old = math.Round(math.Exp(oldW - 1))
		}
		freq = math.Max(old, s.suggestFreq(string(key)))
	}
	// The total frequency, and with it the cost of every word, stays the
	// base dictionary's: added words change only their own odds.
	if err := s.base.insert(key, quantize(freq), pos); err != nil {
		return err.Error()
	}
	if l := gseLine(word, freq, pos); s.toGSE && l != "" {
		s.gseDict = append(s.gseDict, l)
	}
	return ""
}

// suggestMargin multiplies the frequency at which a word would just beat
// its own pieces, so that it also wins against words overlapping it in
// context.
const suggestMargin = 50

// suggestFreq returns a frequency high enough for key to be cut whole: the
// probability of its current pieces (as jieba's suggest_freq), times a
// margin.
func (s *Segmenter) suggestFreq(key string) float64 {
	sc := getScratch()
	defer putScratch(sc)
	sc.load(key)
	s.route(sc)
	lp := 0.0
	for k := 0; k < sc.n; {
		j := int(sc.next[k])
		lw, _, _ := s.lookup(sc.norm[sc.no[k]:sc.no[j]], hashBytes(fnvOffset, sc.norm[sc.no[k]:sc.no[j]]))
		if lw > 0 {
			lp += lw - 1
		}
		lp -= s.logT
		k = j
	}
	f := math.Floor(math.Exp(lp+s.logT)*suggestMargin) + 1
	return math.Min(f, 1e7)
}
