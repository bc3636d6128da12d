package measure

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/segment"
)

// Match modes.
const (
	// MatchToken counts the words of tongbao's precise segmentation that
	// match a term: a term is cut into words the same way (低碳 → 低/碳)
	// and matches that run of words, not across punctuation or white
	// space; a term holding * matches one word. Within a category the
	// longest match starting at a word counts once and its words are not
	// counted again (quanteda's nested_scope = "key").
	MatchToken = "token"
	// MatchSubstring counts the occurrences of each term in the text, as
	// Python's str.count does (non-overlapping, left to right), summed over
	// the terms of a category; a * at either end of a term is dropped.
	MatchSubstring = "substring"
)

// Options configure a Measurer.
type Options struct {
	// Match is MatchToken (default) or MatchSubstring.
	Match string
	// Segmenter cuts the text (segment.Default() when nil).
	Segmenter *segment.Segmenter
}

// Measurer counts a dictionary's categories in documents. It is safe for
// concurrent use.
type Measurer struct {
	dict   *Dictionary
	match  string
	seg    *segment.Segmenter
	first  map[string][]phrase // first word → phrases, longest first
	globs  []glob
	substr [][]string // per category, terms for substring matching
}

type phrase struct {
	words []string
	cat   int
}

type glob struct {
	parts []string // the term split at *
	cat   int
}

// New returns a Measurer of d.
func New(d *Dictionary, opts Options) (*Measurer, error) {
	m := &Measurer{dict: d, match: opts.Match, seg: opts.Segmenter, first: map[string][]phrase{}}
	if m.match == "" {
		m.match = MatchToken
	}
	if m.match != MatchToken && m.match != MatchSubstring {
		return nil, fmt.Errorf("unknown match mode %q (want token or substring)", m.match)
	}
	if m.seg == nil {
		s, err := segment.Default()
		if err != nil {
			return nil, err
		}
		m.seg = s
	}
	m.substr = make([][]string, len(d.Categories))
	for ci, c := range d.Categories {
		for _, t := range c.Terms {
			m.substr[ci] = append(m.substr[ci], strings.Trim(t, "*"))
			if strings.Contains(t, "*") {
				m.globs = append(m.globs, glob{parts: strings.Split(t, "*"), cat: ci})
			} else {
				var words []string
				for _, tk := range m.seg.Cut(t) {
					words = append(words, tk.Text)
				}
				if len(words) > 0 {
					m.first[words[0]] = append(m.first[words[0]], phrase{words, ci})
				}
			}
		}
	}
	for _, ps := range m.first {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return m, nil
}

// Categories returns the category names, in dictionary order.
func (m *Measurer) Categories() []string {
	out := make([]string, len(m.dict.Categories))
	for i, c := range m.dict.Categories {
		out[i] = c.Name
	}
	return out
}

// match reports whether s matches the glob parts (split at *).
func (g glob) match(s string) bool {
	p := g.parts
	if !strings.HasPrefix(s, p[0]) {
		return false
	}
	s = s[len(p[0]):]
	last := p[len(p)-1]
	for _, mid := range p[1 : len(p)-1] {
		k := strings.Index(s, mid)
		if k < 0 {
			return false
		}
		s = s[k+len(mid):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}

// Home is a document's or a group's home region.
type Home struct {
	Name  string `json:"name"`
	Code  string `json:"code,omitempty"`
	Level string `json:"level,omitempty"`
}

// Count is a category's measures.
type Count struct {
	Count        int     `json:"count"`
	Per10kTokens float64 `json:"per10k_tokens"`
	Per10kChars  float64 `json:"per10k_chars"`
}

// Readability holds the indices of 徐巍, 姚振晔, 陈冬华 (会计研究 2021) on
// tongbao's segmentation and tags: the mean number of characters per
// clause (text between ，、；：。！？ and line breaks), the mean over
// sentences (text between 。！？； and line breaks) of the share of adverbs
// (tags d*) and conjunctions (c*) among its words, and the mean of the two.
// Higher is harder to read.
type Readability struct {
	CharsPerClause float64 `json:"chars_per_clause"`
	AdvConjShare   float64 `json:"adv_conj_share"`
	Mean           float64 `json:"mean"`
}

// Record is one output row: a document (ID set, Documents 1) or a group.
type Record struct {
	ID          string           `json:"id,omitempty"`
	Home        *Home            `json:"home"`
	Year        *int             `json:"year"`
	Genre       string           `json:"genre,omitempty"`
	Documents   int              `json:"documents"`
	Characters  int              `json:"characters"`
	Tokens      int              `json:"tokens"`
	Categories  map[string]Count `json:"categories"`
	Readability *Readability     `json:"readability,omitempty"`
}

// IsToken reports whether a segmented word counts as a token: it holds a
// letter or a digit (white space and punctuation do not count).
func IsToken(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// IsChar reports whether a code point counts as a character: anything but
// white space (so that blanked markup and line breaks do not count).
func IsChar(r rune) bool { return !unicode.IsSpace(r) }

// Document measures one document. Its home and year come from
// extract.ReadMetadata over the text, the metadata, the id as a path and
// the override (sidecar) fields.
func (m *Measurer) Document(id, text string, meta map[string]any, override map[string]string) Record {
	md := extract.ReadMetadata(text, id, meta, override)
	rec := Record{ID: id, Year: md.Year, Genre: md.Genre, Documents: 1}
	if md.Home != nil {
		rec.Home = &Home{Name: md.Home.Name, Code: md.Home.Code, Level: md.Home.Level}
	}
	counts := make([]int, len(m.dict.Categories))
	for _, r := range text {
		if IsChar(r) {
			rec.Characters++
		}
	}
	toks := m.seg.Cut(text)
	// words holds the tokens, "" for white space and punctuation (which no
	// match spans).
	words := make([]string, len(toks))
	for i, tk := range toks {
		if IsToken(tk.Text) {
			words[i] = tk.Text
			rec.Tokens++
		}
	}
	if m.match == MatchToken {
		free := make([]int, len(counts)) // the first word a category may count from
		for i, w := range words {
			if w == "" {
				continue
			}
			for _, p := range m.first[w] {
				if free[p.cat] > i || i+len(p.words) > len(words) {
					continue
				}
				ok := true
				for k := 1; k < len(p.words); k++ {
					if words[i+k] != p.words[k] {
						ok = false
						break
					}
				}
				if ok {
					counts[p.cat]++
					free[p.cat] = i + len(p.words)
				}
			}
			for _, g := range m.globs {
				if free[g.cat] <= i && g.match(w) {
					counts[g.cat]++
					free[g.cat] = i + 1
				}
			}
		}
	}
	if m.match == MatchSubstring {
		for c, terms := range m.substr {
			for _, t := range terms {
				counts[c] += strings.Count(text, t)
			}
		}
	}
	rec.Categories = make(map[string]Count, len(counts))
	for c, n := range counts {
		rec.Categories[m.dict.Categories[c].Name] = rate(n, rec.Tokens, rec.Characters)
	}
	rec.Readability = readability(text, toks)
	return rec
}

func rate(n, tokens, chars int) Count {
	c := Count{Count: n}
	if tokens > 0 {
		c.Per10kTokens = float64(n) * 10000 / float64(tokens)
	}
	if chars > 0 {
		c.Per10kChars = float64(n) * 10000 / float64(chars)
	}
	return c
}

// readability computes the indices of Readability from the tokens.
func readability(text string, toks []segment.Token) *Readability {
	clauseEnd := func(s string) bool { return strings.ContainsAny(s, "，、；：。！？,;:!?\n") }
	sentEnd := func(s string) bool { return strings.ContainsAny(s, "。！？；!?;\n") }
	clauses, clauseChars, cur := 0, 0, 0
	sents := 0
	shareSum := 0.0
	words, advConj := 0, 0
	endSent := func() {
		if words > 0 {
			sents++
			shareSum += float64(advConj) / float64(words)
		}
		words, advConj = 0, 0
	}
	for _, tk := range toks {
		if IsToken(tk.Text) {
			for _, r := range tk.Text {
				if IsChar(r) {
					cur++
				}
			}
			words++
			if strings.HasPrefix(tk.Pos, "d") || strings.HasPrefix(tk.Pos, "c") {
				advConj++
			}
			continue
		}
		if clauseEnd(tk.Text) && cur > 0 {
			clauses++
			clauseChars += cur
			cur = 0
		}
		if sentEnd(tk.Text) {
			endSent()
		}
	}
	if cur > 0 {
		clauses++
		clauseChars += cur
	}
	endSent()
	if clauses == 0 {
		return nil
	}
	r := &Readability{CharsPerClause: float64(clauseChars) / float64(clauses)}
	if sents > 0 {
		r.AdvConjShare = shareSum / float64(sents)
	}
	r.Mean = (r.CharsPerClause + r.AdvConjShare) / 2
	return r
}

// Group keys of a Panel.
const (
	ByHome  = "home"
	ByYear  = "year"
	ByGenre = "genre"
)

// Panel sums document records into groups (a region × year panel with
// by = home, year). It is not safe for concurrent use; Merge combines
// panels built in parallel.
type Panel struct {
	by     []string
	groups map[string]*Acc
}

// Acc accumulates the records of one group.
type Acc struct {
	Home       *Home          `json:"home"`
	Year       *int           `json:"year"`
	Genre      string         `json:"genre,omitempty"`
	Documents  int            `json:"documents"`
	Characters int            `json:"characters"`
	Tokens     int            `json:"tokens"`
	Counts     map[string]int `json:"counts"`
	// Sums of the per-document readability indices, and how many
	// documents had them.
	Read     Readability `json:"read"`
	ReadDocs int         `json:"read_docs"`
}

// NewPanel returns a panel grouping by the keys in by (home, year, genre).
func NewPanel(by []string) (*Panel, error) {
	if len(by) == 0 {
		return nil, fmt.Errorf("no group key (want home, year or genre)")
	}
	seen := map[string]bool{}
	for _, k := range by {
		switch k {
		case ByHome, ByYear, ByGenre:
		default:
			return nil, fmt.Errorf("unknown group key %q (want home, year or genre)", k)
		}
		if seen[k] {
			return nil, fmt.Errorf("group key %q given twice", k)
		}
		seen[k] = true
	}
	return &Panel{by: by, groups: map[string]*Acc{}}, nil
}

// Key returns the group key of a record, and the accumulator fields that
// identify the group.
func (p *Panel) Key(r Record) (string, Acc) {
	var parts []string
	var a Acc
	for _, k := range p.by {
		switch k {
		case ByHome:
			a.Home = r.Home
			if r.Home == nil {
				parts = append(parts, "")
			} else {
				parts = append(parts, r.Home.Code+"|"+r.Home.Name+"|"+r.Home.Level)
			}
		case ByYear:
			a.Year = r.Year
			if r.Year == nil {
				parts = append(parts, "")
			} else {
				parts = append(parts, fmt.Sprint(*r.Year))
			}
		case ByGenre:
			a.Genre = r.Genre
			parts = append(parts, r.Genre)
		}
	}
	return strings.Join(parts, "\t"), a
}

// AccOf returns a record as an accumulator of its group.
func (p *Panel) AccOf(r Record) (string, *Acc) {
	key, a := p.Key(r)
	a.Documents, a.Characters, a.Tokens = r.Documents, r.Characters, r.Tokens
	a.Counts = make(map[string]int, len(r.Categories))
	for c, v := range r.Categories {
		a.Counts[c] = v.Count
	}
	if r.Readability != nil {
		a.Read, a.ReadDocs = *r.Readability, 1
	}
	return key, &a
}

// Add adds a document record to its group.
func (p *Panel) Add(r Record) {
	key, a := p.AccOf(r)
	p.AddAcc(key, a)
}

// AddAcc merges an accumulator into the group key.
func (p *Panel) AddAcc(key string, a *Acc) {
	g, ok := p.groups[key]
	if !ok {
		c := *a
		c.Counts = make(map[string]int, len(a.Counts))
		for k, v := range a.Counts {
			c.Counts[k] = v
		}
		p.groups[key] = &c
		return
	}
	g.Merge(a)
}

// Merge adds b's sums to a (same group).
func (a *Acc) Merge(b *Acc) {
	a.Documents += b.Documents
	a.Characters += b.Characters
	a.Tokens += b.Tokens
	if a.Counts == nil {
		a.Counts = map[string]int{}
	}
	for k, v := range b.Counts {
		a.Counts[k] += v
	}
	a.Read.CharsPerClause += b.Read.CharsPerClause
	a.Read.AdvConjShare += b.Read.AdvConjShare
	a.Read.Mean += b.Read.Mean
	a.ReadDocs += b.ReadDocs
}

// Merge adds the groups of q to p.
func (p *Panel) Merge(q *Panel) {
	for k, a := range q.groups {
		p.AddAcc(k, a)
	}
}

// Record returns the group's row: summed counts, rates from the sums, and
// the mean of the documents' readability indices.
func (a *Acc) Record(categories []string) Record {
	r := Record{Home: a.Home, Year: a.Year, Genre: a.Genre, Documents: a.Documents, Characters: a.Characters, Tokens: a.Tokens}
	r.Categories = make(map[string]Count, len(categories))
	for _, c := range categories {
		r.Categories[c] = rate(a.Counts[c], a.Tokens, a.Characters)
	}
	if a.ReadDocs > 0 {
		n := float64(a.ReadDocs)
		r.Readability = &Readability{CharsPerClause: a.Read.CharsPerClause / n, AdvConjShare: a.Read.AdvConjShare / n, Mean: a.Read.Mean / n}
	}
	return r
}

// Rows returns the groups' records ordered by home code (then name), year
// and genre; groups without a home or year come last.
func (p *Panel) Rows(categories []string) []Record {
	out := make([]Record, 0, len(p.groups))
	for _, a := range p.groups {
		out = append(out, a.Record(categories))
	}
	SortRecords(out)
	return out
}

// SortRecords orders group records by home code, home name, year, genre.
func SortRecords(rs []Record) {
	hk := func(h *Home) string {
		if h == nil {
			return "\uffff"
		}
		c := h.Code
		if c == "" {
			c = "0" // the country first
		}
		return c + "\x00" + h.Name
	}
	yk := func(y *int) int {
		if y == nil {
			return 1 << 30
		}
		return *y
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if ha, hb := hk(a.Home), hk(b.Home); ha != hb {
			return ha < hb
		}
		if ya, yb := yk(a.Year), yk(b.Year); ya != yb {
			return ya < yb
		}
		return a.Genre < b.Genre
	})
}

// CSVHeader returns the columns of the flattened rows: id (when withID),
// home name, code and level, year, genre (when withGenre), documents,
// characters, tokens, then CATEGORY.count, CATEGORY.per10k_tokens,
// CATEGORY.per10k_chars for each category, then the readability indices.
func CSVHeader(categories []string, withID, withGenre bool) []string {
	var h []string
	if withID {
		h = append(h, "id")
	}
	h = append(h, "home_name", "home_code", "home_level", "year")
	if withGenre {
		h = append(h, "genre")
	}
	h = append(h, "documents", "characters", "tokens")
	for _, c := range categories {
		h = append(h, c+".count", c+".per10k_tokens", c+".per10k_chars")
	}
	return append(h, "readability.chars_per_clause", "readability.adv_conj_share", "readability.mean")
}

// CSVRow flattens a record in the order of CSVHeader.
func CSVRow(r Record, categories []string, withID, withGenre bool) []string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	var row []string
	if withID {
		row = append(row, r.ID)
	}
	if r.Home != nil {
		row = append(row, r.Home.Name, r.Home.Code, r.Home.Level)
	} else {
		row = append(row, "", "", "")
	}
	if r.Year != nil {
		row = append(row, strconv.Itoa(*r.Year))
	} else {
		row = append(row, "")
	}
	if withGenre {
		row = append(row, r.Genre)
	}
	row = append(row, strconv.Itoa(r.Documents), strconv.Itoa(r.Characters), strconv.Itoa(r.Tokens))
	for _, c := range categories {
		v := r.Categories[c]
		row = append(row, strconv.Itoa(v.Count), f(v.Per10kTokens), f(v.Per10kChars))
	}
	if r.Readability != nil {
		row = append(row, f(r.Readability.CharsPerClause), f(r.Readability.AdvConjShare), f(r.Readability.Mean))
	} else {
		row = append(row, "", "", "")
	}
	return row
}

// SplitTerms returns the terms without wildcard that the segmenter cuts
// into several words, as "term (a/b)": in token matching they match that
// run of words.
func (m *Measurer) SplitTerms() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range m.dict.Categories {
		for _, t := range c.Terms {
			if seen[t] || strings.Contains(t, "*") {
				continue
			}
			seen[t] = true
			var words []string
			for _, tk := range m.seg.Cut(t) {
				words = append(words, tk.Text)
			}
			if len(words) > 1 {
				out = append(out, t+" ("+strings.Join(words, "/")+")")
			}
		}
	}
	return out
}
