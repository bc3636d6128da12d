package extract

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tongbao/tongbao/segment"
)

// Person extraction (stage 60).
//
// Local officials are in no dictionary, so a name is recognized from its
// shape and its context, not from a list of names. Every decision is a
// named rule (see Rules, `tongbao rules`), reported to the trace
// (WithTrace, `tongbao extract --explain`) for the span it decides; the
// behaviour is written down, a case per line, in testdata/spec/person.jsonl.
//
//   - Chinese names (person_chinese.go): a surname from data/surnames.txt
//     and a given name of one or two characters, decided by three ordered
//     tables over the candidate's features: vetoes that need no context,
//     vetoes that read the context (person_context.go) and the
//     dictionary, then acceptances, by strong context (an office, a byline,
//     同志 …) or by the dictionary's name tags with weak context (a reporting
//     verb, 、 or 等, the subject of a clause).
//   - Other forms (person_forms.go): foreign names, names joined by a middle
//     dot, bylines of several names written together, the speaker line of a
//     report, Japanese family names, a surname standing for the name.
//   - Then (person_lists.go): the other items of lists holding a name, runs
//     of names written together, and a second pass that finds the names
//     accepted once wherever else they are written.
//
// Each mention carries the titles written right before it, split at 、,
// and an office written right after it (习近平总书记), the organization
// the first title names, and a role (author, reporter) for bylines. The
// characters and words the rules read are in data/person_cues.txt.

//go:embed data/surnames.txt
var surnameData string

//go:embed data/titles.txt
var titleData string

//go:embed data/person_cues.txt
var personCueData string

// personCues are the sections of data/person_cues.txt (the shared section
// format of sections.go).
var personCues = readSections(personCueData)

// personCueSections holds the lines of each section of
// data/person_cues.txt by name.
var personCueSections = func() map[string][]string {
	out := map[string][]string{}
	for _, s := range personCues {
		out[s.name] = append(out[s.name], s.lines...)
	}
	return out
}()

// cueChars returns the characters of a "_chars" or "_marks" section.
func cueChars(name string) string { return personCues.chars(name) }

// cueWords returns the words of a word-list section as a set.
func cueWords(name string) map[string]bool { return personCues.set(name) }

// wordSet is a set of words tested by walking a trie on the word's
// characters, after a filter of 256 bits on its first character: most
// words are told apart at once, without hashing them.
type wordSet struct {
	lex   *lexicon[bool]
	first [4]uint64 // bit r&255 set for the first character r of each word
}

// cueWordSet returns the words of a word-list section as a wordSet.
func cueWordSet(name string) *wordSet {
	words := cueWords(name)
	s := &wordSet{lex: setLexicon(words)}
	for w := range words {
		if r, n := utf8.DecodeRuneInString(w); n > 0 {
			s.first[r>>6&3] |= 1 << (uint(r) & 63)
		}
	}
	return s
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return s.hasAt(r, w)
}

// hasAt reports whether w, whose first character is r, is in the set.
func (s *wordSet) hasAt(r rune, w string) bool {
	if s.first[r>>6&3]&(1<<(uint(r)&63)) == 0 {
		return false
	}
	_, ok := s.lex.Get(w)
	return ok
}

// hasRunes reports whether the word written rs is in the set, walking
// the trie on the code points (no UTF-8 to decode).
func (s *wordSet) hasRunes(rs []rune) bool {
	if len(rs) == 0 || s.first[rs[0]>>6&3]&(1<<(uint(rs[0])&63)) == 0 {
		return false
	}
	cur := s.lex.Cursor()
	for _, r := range rs {
		if !cur.Next(r) {
			return false
		}
	}
	return cur.AtWord()
}

// hasTok reports whether the text of token t is in the set (read from
// c.rs, which holds the same code points).
func (c *personCtx) hasTok(s *wordSet, t *segment.Token) bool {
	if t.End <= t.Start {
		return s.has(t.Text)
	}
	return s.hasRunes(c.rs[t.Start:t.End])
}

var (
	// notGivenSet: characters that occur in no given name.
	notGivenSet = newRuneSet(cueChars("not_given_chars"))
	// notLastSet: characters that end common nouns (许可证, 严重性).
	notLastSet = newRuneSet(cueChars("not_last_chars"))
	// funcCharSet: characters that may stand right before a name without
	// forming a word with its surname (在, 由, 和), and punctuation.
	funcCharSet = newRuneSet(cueChars("func_chars") + cueChars("func_marks"))
	// personListSepSet: the words and marks that separate the items of a
	// list (参事、史志、文史; 楼宇和园区).
	personListSepSet = newRuneSet(cueChars("list_sep_chars") + cueChars("list_sep_marks"))
	// photoPositionSet: with a digit after it, a position in a photo
	// (（左一）).
	photoPositionSet = newRuneSet(cueChars("photo_position_chars"))
	// photoNoteSet: after （附, open a photo's note (（附图片１张）).
	photoNoteSet = newRuneSet(cueChars("photo_note_chars"))
	// shortHeadSet and shortTailSet: before a surname, a name of address
	// (老张, 小王); after it, an honoured elder (张老, 李公).
	shortHeadSet = newRuneSet(cueChars("short_head_chars"))
	shortTailSet = newRuneSet(cueChars("short_tail_chars"))
	// sexSet: the sexes, in brackets after a name (李某（女）).
	sexSet = newRuneSet(cueChars("sex_chars"))
	// personTitleRoles: the titles that give a name right after them a
	// role (记者 → reporter).
	personTitleRoles = func() map[string]string {
		out := map[string]string{}
		for _, line := range personCueSections["title_roles"] {
			if f := strings.Fields(line); len(f) == 2 {
				out[f[0]] = f[1]
			}
		}
		return out
	}()
	// givenSet: characters common in given names; they also decide whether
	// a character cut off after a two-character name continues it (孙家|正).
	givenSet = newRuneSet(cueChars("given_chars"))
	// personAfterSet: characters that often follow a name (在, 因, 说) and
	// rarely end a three-character one.
	personAfterSet = newRuneSet(cueChars("after_chars"))
	// translitSet: the characters of transliterated foreign names.
	translitSet = newRuneSet(cueChars("translit_chars"))
	// placeHeadSet: one-character heads that make the word before them a
	// place name (王家坝|村, 图尔库|市).
	placeHeadSet = newRuneSet(cueChars("place_head_chars"))
	// facilityHeads make the word before them the name of a street, a
	// district, a school or a site (贝尔|大街, 向阳|幼儿园).
	facilityHeads = cueWordSet("facility_heads")
	// personVerbsBefore take a person as object right after them (会见).
	personVerbsBefore = cueWordSet("verbs_before")
	// personHeadlineVerbs, right after a name opening a line, make it a
	// headline about that person (张万年会见…).
	personHeadlineVerbs = cueWordSet("headline_verbs")
	// personVerbs follow a person as subject (说, 指出), with the words
	// that follow a person (一行, 夫妇).
	personVerbs = cueWordSet("verbs_after")
	// japaneseSurnames are common Japanese family names (桥本, 小渊).
	japaneseSurnames = cueWordSet("japanese_surnames")
	// japaneseFirst holds their first characters.
	japaneseFirst = func() *runeSet {
		s := new(runeSet)
		for w := range cueWords("japanese_surnames") {
			for _, r := range w {
				s.add(r)
				break
			}
		}
		return s
	}()
)

var (
	personOnce sync.Once
	surnames   *lexicon[int] // surname -> class 1..3
	// surnameFirst holds the first characters of the surnames.
	surnameFirst = new(runeSet)
	// personFirst holds every character a name of chineseAt, doctrineAt,
	// foreignAt (without gse's name tag), japaneseAt or shortAt can open with.
	personFirst = new(runeSet)
	titleRev    *lexicon[string] // titles reversed -> kind
	titleFwd    *lexicon[string] // titles -> kind
	titleKinds  map[string]string
)

func loadPersons() {
	personOnce.Do(func() {
		surnames = newLexicon[int]()
		readWordList(surnameData, func(f []string) {
			c := 2
			if len(f) > 1 && len(f[1]) == 1 {
				c = int(f[1][0] - '0')
			}
			surnames.Add(f[0], c)
			for _, r := range f[0] {
				surnameFirst.add(r)
				break
			}
		})
		titleRev = newLexicon[string]()
		titleFwd = newLexicon[string]()
		titleKinds = map[string]string{}
		readWordList(titleData, func(f []string) {
			k := "office"
			if len(f) > 1 {
				k = f[1]
			}
			titleKinds[f[0]] = k
			titleRev.Add(orgReverse(f[0]), k)
			titleFwd.Add(f[0], k)
		})
		*personFirst = *surnameFirst
		for i, w := range translitSet {
			personFirst[i] |= w | japaneseFirst[i]
		}
		personFirst.add('老')
		personFirst.add('小')
	})
}

// titleKind returns the kind of the title w, "" when w is no title.
func titleKind(w string) string {
	k, _ := titleFwd.Get(w)
	return k
}

// isTitleWord reports whether w is an office, job or form of address.
func isTitleWord(w string) bool {
	loadPersons()
	_, ok := titleKinds[w]
	return ok
}

// photoNote reports whether a note of attached pictures opens at i:
// 邱娥国（附图片１张）, a headline that is only a name.
func (c *personCtx) photoNote(i int) bool {
	return i+3 < len(c.rs) && (c.rs[i] == '（' || c.rs[i] == '(') && c.rs[i+1] == '附' && photoNoteSet.has(c.rs[i+2])
}

// runeSet is a set of characters of the Basic Multilingual Plane,
// one bit each: a test is a shift and a mask, no hashing (where
// strings.ContainsRune searches the string of the set for the character's
// UTF-8). A character above U+FFFF is never in it.
type runeSet [1 << 10]uint64

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 1<<16 && s[r>>6]&(1<<(uint(r)&63)) != 0
}

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 1<<16 {
		s[r>>6] |= 1 << (uint(r) & 63)
	}
}

func newRuneSet(chars string) *runeSet {
	s := new(runeSet)
	for _, r := range chars {
		s.add(r)
	}
	return s
}

// allTranslit reports whether every character of rs is a transliteration
// character.
func allTranslit(rs []rune) bool {
	for _, r := range rs {
		if !translitSet.has(r) {
			return false
		}
	}
	return true
}

func personTag(pos string) bool { return pos == "nr" || pos == "nrfg" || pos == "nrt" }

// personVerbTag reports whether a gse tag is a verb's.
func personVerbTag(pos string) bool { return pos == "v" || pos == "vn" || pos == "vd" }

// personCtx holds what the person scan needs about the document.
type personCtx struct {
	d        *Document
	rs       []rune
	toks     []segment.Token
	startTok []int  // token starting at a code point, or -1
	endTok   []int  // token ending at a code point, or -1
	listAt   int    // start of the item after a name and 、 (a list goes on)
	inPlace  []bool // code points inside a place found by the place stage
	orgEnd   []bool // code points where an organization ends
	inOrg    []bool // code points inside an organization
	cueBack  []int  // bylineCue: start of the spaces and colons ending at i (built once)
	// name holds the features of the candidate chineseAt is deciding,
	// reused from one candidate to the next instead of allocated for each.
	name nameFeatures
	// tokFreq is the dictionary frequency of token freqTok (-1: none yet),
	// the first token of the candidates chineseAt decides (tokenFreq).
	freqTok int
	tokFreq float64
}

func newPersonCtx(d *Document) *personCtx {
	sc := d.scratch
	var c *personCtx
	if sc != nil {
		c = &sc.person
	} else {
		c = new(personCtx)
	}
	*c = personCtx{d: d, rs: d.runes, toks: d.Tokens(), listAt: -1, freqTok: -1}
	c.startTok = sc.intSlice(len(c.rs)+1, -1)
	c.endTok = sc.intSlice(len(c.rs)+1, -1)
	for k := range c.toks {
		t := &c.toks[k]
		c.startTok[t.Start] = k
		c.endTok[t.End] = k
	}
	c.orgEnd = sc.boolSlice(len(c.rs) + 1)
	c.inOrg = sc.boolSlice(len(c.rs) + 1)
	for _, o := range findOrgs(d) {
		c.orgEnd[o.end] = true
		for i := o.start; i < o.end; i++ {
			c.inOrg[i] = true
		}
	}
	c.inPlace = sc.boolSlice(len(c.rs) + 1)
	d.placeRuns.each(func(m *Mention) {
		for i := m.Start; i < m.End && i < len(c.rs); i++ {
			c.inPlace[i] = true
		}
	})
	return c
}

// tokRunes returns the code points of token k (those of its text).
func (c *personCtx) tokRunes(k int) []rune {
	t := &c.toks[k]
	return c.rs[t.Start:t.End]
}

// titleBefore returns the length of the title word ending at i (0 if none)
// and its kind.
func (c *personCtx) titleBefore(i int) (int, string) {
	best, kind := 0, ""
	if i == 0 {
		return 0, ""
	}
	titleRev.Backward(c.rs, 0, i, func(n int, k string) bool {
		if j := i - n; c.startTok[j] >= 0 || c.endTok[i] >= 0 && c.toks[c.endTok[i]].Start < j {
			best, kind = n, k // 支队长|周学农: a title ending a word counts
		}
		return true
	})
	return best, kind
}

// titleAfter returns the length of the title word starting at i.
func (c *personCtx) titleAfter(i int) (int, string) {
	k := c.startTok[i]
	if k < 0 || i >= len(c.rs) {
		return 0, ""
	}
	// longest title starting at i that ends at a token end
	best, kind := 0, ""
	titleFwd.Prefixes(c.rs, i, func(n int, kd string) {
		if c.endTok[i+n] >= 0 {
			best, kind = n, kd
		}
	})
	return best, kind
}

// bylineCue reports whether a byline cue (作者:, 记者, 通讯员) ends at i, and
// the role it gives.
func (c *personCtx) bylineCue(i int) string {
	if i == 0 {
		return ""
	}
	j := i
	if cueSkip(c.rs[i-1]) {
		if c.cueBack == nil { // one pass: scanning back from every i is quadratic in a run of spaces
			c.cueBack = c.d.scratch.intSlice(len(c.rs)+1, 0)
			for k := 1; k <= len(c.rs); k++ {
				if cueSkip(c.rs[k-1]) {
					c.cueBack[k] = c.cueBack[k-1]
				} else {
					c.cueBack[k] = k
				}
			}
		}
		if j = c.cueBack[i]; j == 0 {
			return ""
		}
	}
	if !bylineLastSet.has(c.rs[j-1]) {
		return "" // no cue ends here: the common case, decided at once
	}
	for _, cue := range personBylineCues {
		n := len(cue.w)
		if j < n || !slices.Equal(c.rs[j-n:j], cue.w) {
			continue
		}
		if n == 1 && (j < 2 || !personOpenPunct(c.rs[j-2])) {
			continue // 文 alone only as "(文 张三)" or a line "文 张三"
		}
		return cue.role
	}
	return ""
}

// cueSkip reports whether bylineCue skips r back to the cue: a space or
// a colon (记者：).
func cueSkip(r rune) bool { return r == ' ' || r == '\u3000' || r == ':' || r == '：' }

// personBylineCue is a word that introduces an author or reporter, and the
// role it gives.
type personBylineCue struct {
	w    []rune
	role string
}

// personBylineCues are the byline cues of data/person_cues.txt;
// bylineLastSet holds their last characters.
var personBylineCues, bylineLastSet = func() ([]personBylineCue, *runeSet) {
	var cues []personBylineCue
	last := new(runeSet)
	for _, line := range personCueSections["byline_cues"] {
		if f := strings.Fields(line); len(f) == 2 {
			w := []rune(f[0])
			cues = append(cues, personBylineCue{w, f[1]})
			last.add(w[len(w)-1])
		}
	}
	return cues, last
}()

func personOpenPunct(r rune) bool { return strings.ContainsRune("（(【[ \n", r) }

// Frequency limits in the segmenter's dictionary: a two-character word
// more frequent than personCommonFreq is an ordinary word even when gse tags
// it as a name (文明, 道德); the given part of a three-character dictionary
// word must be rarer than personGivenFreq (恩来, not 水平); 老X, 小X forms
// must be rarer than personShortFreq (老李, not 小康).
const (
	personCommonFreq = 1000
	personGivenFreq  = 200
	personShortFreq  = 500
	personRareFreq   = 60
	// personListFreq: a two-character word tagged a name and more
	// frequent than this needs a verb around it, not only 、 (检查、修正)
	personListFreq = 300
	// personCompoundFreq: surname and first given character more frequent
	// than this as a word make a compound (师范|生), unless the given name
	// is made of given-name characters
	personCompoundFreq = 400
)

// freq returns the frequency of w in the segmenter's dictionary (0 when
// unknown).
func (c *personCtx) freq(w string) float64 {
	f, _, _ := c.d.lookup(w)
	return f
}

// pos returns the tag of w in the segmenter's dictionary ("" when unknown).
func (c *personCtx) pos(w string) string {
	_, p, _ := c.d.lookup(w)
	return p
}

// personCand is one possible name.
type personCand struct {
	start, end int
	strong     bool // accepted on strong context (an office, a byline, 同志)
}

// placeHead reports whether a one-character place head word, or a facility
// head, starts at i.
func (c *personCtx) placeHead(i int) bool {
	k := c.startTok[min(i, len(c.rs))]
	if k < 0 {
		return false
	}
	t := &c.toks[k]
	return t.End-t.Start == 1 && placeHeadSet.has(c.rs[i]) || c.hasTok(facilityHeads, t)
}

// isHan reports whether r is a Chinese character, testing the main CJK
// block before the full table.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// personBracketNote reports whether a bracketed word is a note about the
// name before it, not a name: an ethnicity (（蒙古族）) or a place in a
// photo (（左一）, （右二）).
func personBracketNote(w []rune) bool {
	n := len(w)
	if n >= 2 && w[n-1] == '族' {
		return true
	}
	return n == 2 && photoPositionSet.has(w[0]) && strings.ContainsRune(cnDigitsOneToNine, w[1])
}

// numeralUnit reports whether the character at i is 万, 千, 百 or 亿 right
// after a number: the unit of a count (110万人), not a surname.
func (c *personCtx) numeralUnit(i int) bool {
	if i == 0 {
		return false
	}
	switch c.rs[i] {
	case '万', '千', '百', '亿':
	default:
		return false
	}
	p := c.rs[i-1]
	return p >= '0' && p <= '9' || p >= '０' && p <= '９' || strings.ContainsRune(cnNumeralBody+".．", p)
}

// placeOverlap reports whether a place found by the place stage overlaps
// [start,end).
func (c *personCtx) placeOverlap(start, end int) bool {
	for i := start; i < end; i++ {
		if c.inPlace[i] {
			return true
		}
	}
	return false
}

// findPersons returns the person spans of the document in text order.
func findPersons(c *personCtx) []personCand {
	loadPersons()
	var found []personCand
	known := knownNames{}
	for _, n := range c.d.knownPeople { // found in earlier windows (window.go)
		known.add([]rune(n), false, false)
	}
	fixed := c.fixedSpans()
	for k := 0; k < len(c.toks); k++ {
		if t := &c.toks[k]; len(fixed) == 0 && !personFirst.has(c.rs[t.Start]) && !personTag(t.Pos) {
			continue // personAt's first test, made here to spare the call at most tokens
		}
		best := c.personAt(k, fixed)
		if best.start < 0 {
			continue
		}
		found = append(found, best)
		if best.end < len(c.rs) && c.rs[best.end] == '、' {
			c.listAt = best.end + 1
		}
		c.remember(known, best)
		if e := c.endTok[best.end]; e > k {
			k = e
		}
	}
	found = c.nameLists(found)
	found = c.listItems(found, known)
	found = c.extendRuns(c.mergeRuns(found))
	if len(known) > 0 {
		found = c.repeatKnown(found, known)
	}
	return found
}

// fixedSpan is a name found by a scan of the whole text, before the scan
// by tokens: its end and the rule that found it.
type fixedSpan struct {
	end  int
	rule string
}

// fixedSpans returns the names joined by a middle dot, the bylines of
// several names and the speakers of reports, by start.
func (c *personCtx) fixedSpans() map[int]fixedSpan {
	var out map[int]fixedSpan // nil, read as empty, when there are none: the common case
	add := func(spans map[int]int, rule string) {
		for s, e := range spans {
			if out == nil {
				out = map[int]fixedSpan{}
			}
			out[s] = fixedSpan{e, rule}
		}
	}
	marks := c.fixedMarks()
	if len(marks) == 0 {
		return nil
	}
	add(c.dottedNames(marks), ruleDottedName)
	add(c.bylineRuns(marks), ruleBylineRun)
	add(c.speakerLines(marks), ruleSpeakerLine)
	return out
}

// fixedMarks returns, in order, the positions of the characters the scans
// of fixedSpans start from: middle dots, opening brackets, the last
// characters of byline cues, spaces and colons. The scans visit these
// positions only, instead of each reading the whole text.
func (c *personCtx) fixedMarks() []int32 {
	marks := c.d.scratch.int32Slice(len(c.rs), 0)[:0]
	for i, r := range c.rs {
		if fixedMarkSet.has(r) {
			marks = append(marks, int32(i))
		}
	}
	return marks
}

// fixedMarkSet holds the characters of fixedMarks.
var fixedMarkSet = func() *runeSet {
	s := *bylineScanSet
	for _, r := range "·・•‧（( \u3000\t\u00a0" {
		s.add(r)
	}
	for r := '\u2000'; r <= '\u200a'; r++ {
		s.add(r)
	}
	return &s
}()

// personAt returns the name starting at token k, or start -1: a fixed
// span, a Chinese name, a foreign name, a Japanese family name or a short
// form, the first that holds.
func (c *personCtx) personAt(k int, fixed map[int]fixedSpan) personCand {
	if len(fixed) > 0 { // most documents have none
		if f, ok := fixed[c.toks[k].Start]; ok {
			c.d.traceRule(f.rule, Accept, c.toks[k].Start, f.end)
			return personCand{start: c.toks[k].Start, end: f.end, strong: true}
		}
	}
	t := &c.toks[k]
	r := c.rs[t.Start]
	if !personFirst.has(r) && !personTag(t.Pos) {
		return personCand{start: -1} // no form below opens with this character
	}
	// Each form is tried only when the token opens as it must (the test
	// each makes first), which spares the calls at most tokens.
	surname := surnameFirst.has(r)
	if surname && t.End-t.Start >= 4 {
		if p := c.doctrineAt(k); p.start >= 0 {
			return p
		}
	}
	best := personCand{start: -1}
	if surname {
		best = c.chineseAt(k)
	}
	foreign := translitSet.has(r) || personTag(t.Pos)
	if best.start >= 0 && translitSet.has(c.rs[best.start]) {
		if f := c.foreignAt(k); f.start >= 0 && f.end > best.end && f.end-f.start >= 4 && allTranslit(c.rs[best.start:best.end]) {
			c.d.traceRule(ruleForeignOverSurname, Adjust, f.start, f.end)
			best = f
		}
	}
	if best.start < 0 && foreign {
		best = c.foreignAt(k)
	}
	if best.start < 0 && japaneseFirst.has(r) {
		best = c.japaneseAt(k)
	}
	if best.start < 0 && (surname || shortHeadSet.has(r)) {
		best = c.shortAt(k)
	}
	return best
}

// titlesBefore returns the titles written right before a name at start, in
// text order, split at 、, and the organization the first one names.
func (c *personCtx) titlesBefore(start int, orgEnds map[int]int) (titles []string, org string) {
	i := start
	if j := i; j > 0 && personSpace(c.rs[j-1]) {
		for j > 0 && personSpace(c.rs[j-1]) {
			j--
		}
		if tl, kind := c.titleBefore(j); tl > 0 && kind == "office" {
			i = j // 代区长　　萨国文: the speaker's office across the spaces
		}
	}
	for {
		tl, _ := c.titleBefore(i)
		if tl == 0 {
			break
		}
		ts := i - tl
		if ts > 0 && c.rs[ts-1] == '代' && c.endTok[ts] >= 0 {
			ts-- // 代市长: an acting office keeps its 代
			c.d.traceRule(ruleTitleActing, Adjust, ts, i)
		}
		if k := c.endTok[ts]; k >= 0 && (c.toks[k].End-c.toks[k].Start == 1 && strings.ContainsRune(personLevelChars, c.rs[ts-1]) || personLevelWords[c.toks[k].Text]) {
			ts = c.toks[k].Start // 村|党支部书记, 自治区|主席: the level written before the office
			c.d.traceRule(ruleTitleLevel, Adjust, ts, i)
		}
		// extend over an organization or place written before the title
		if os, ok := orgEnds[ts]; ok {
			if org == "" || len(titles) == 0 {
				org = string(c.rs[os:ts])
			}
			ts = os
		} else if k := c.endTok[ts]; k >= 0 && (c.toks[k].Pos == "ns" || personOfficeBodyWords[c.toks[k].Text]) {
			ts = c.toks[k].Start
		}
		titles = append([]string{string(c.rs[ts:i])}, titles...)
		if ts > 0 && c.rs[ts-1] == '、' {
			i = ts - 1
			continue
		}
		break
	}
	return titles, org
}

// Rules of the titles a mention carries.
var (
	ruleTitleActing = registerRule("person", "person.title_acting", "an acting office keeps its 代 as written (代市长, 代区长)", Adjust)
	ruleTitleLevel  = registerRule("person", "person.title_level", "a level of government written before an office is part of it (村党支部书记, 自治区主席)", Adjust)
)

// personLevelChars are the levels of government written before an office.
var personLevelChars = cueChars("level_chars")

// personLevelWords are the levels of more than one character (自治区).
var personLevelWords = cueWords("level_words")

// personOfficeBodyWords are the words before an office that its title
// takes in, as it does a place name (国家主席).
var personOfficeBodyWords = cueWords("office_body_words")

func runPersons(d *Document) {
	c := newPersonCtx(d)
	cands := findPersons(c)
	orgEnds := map[int]int{}
	if len(cands) > 0 {
		for _, o := range findOrgs(d) {
			orgEnds[o.end] = o.start
		}
	}
	ents := map[string]int{}
	for _, p := range cands {
		m := Mention{Type: TypePerson, Start: p.start, End: p.end}
		m.Titles, m.Org = c.titlesBefore(p.start, orgEnds)
		if n, kind := c.titleAfter(p.end); n > 0 && kind == "office" {
			m.Titles = append(m.Titles, string(c.rs[p.end:p.end+n])) // 习近平总书记
		}
		if role := c.bylineCue(p.start); role != "" {
			m.Role = role
		} else if n, _ := c.titleBefore(p.start); n > 0 {
			m.Role = personTitleRoles[string(c.rs[p.start-n:p.start])]
		}
		if m.Role != "" {
			m.Titles = nil
		}
		d.add(m)
		name := string(c.rs[p.start:p.end])
		i, ok := ents[name]
		if !ok {
			i = len(d.People)
			ents[name] = i
			d.People = append(d.People, Entity{Name: name, First: p.start})
		}
		e := &d.People[i]
		e.Count++
		for _, t := range m.Titles {
			if !slices.Contains(e.Titles, t) {
				e.Titles = append(e.Titles, t)
			}
		}
	}
}
