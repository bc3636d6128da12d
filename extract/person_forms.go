package extract

import (
	"strings"
)

// The other forms of names: foreign names (runs of transliteration
// characters), names joined by a middle dot, bylines of several names
// written together, the speaker line of a report, Japanese family names,
// and a surname standing for the whole name.

// Rules of the name forms, decided in code and named for the trace.
var (
	ruleForeignAfterOffice = registerRule("person", "person.foreign_after_office", "after an office or job, the run of transliteration characters is a name however the segmenter cut it (外交大臣塔拉瓦奈, 总统塞迪略)", Accept)
	ruleForeignPlaceWord   = registerRule("person", "person.foreign_place_word", "a transliterated word gse takes for a place or a body, unknown to the gazetteer, after an office or with a person's context, is a name (总统巴嘎班迪, 菲拉利首相, 会见绍罗什)", Accept)
	ruleTaggedAfterOffice  = registerRule("person", "person.tagged_after_office", "any word gse tags a name, right after an office, is a name; after a job or role noun it needs a surname and must be no frequent word (总统加尧姆, 职工王政; not 农民多渠道, 干部廉政教育)", Accept)
	ruleForeignDictWord    = registerRule("person", "person.foreign_dictionary_word", "one dictionary word of transliteration characters without a name tag is a word (职工|基本|医疗保险)", Reject)
	ruleForeignBodyOrPlace = registerRule("person", "person.foreign_body_or_place", "a transliterated word inside an organization or before a place head names the body or the place (柯达公司, 图尔库市)", Reject)
	ruleForeignName        = registerRule("person", "person.foreign_name", "a run of transliteration characters, joined by · or not, that gse tags a name: three characters or more, or two with a verb around them (克林顿, 威廉·佩里, 亨廷顿认为; not 老龄、科普)", Accept)
	ruleForeignEvent       = registerRule("person", "person.foreign_event", "a transliterated word whose last character heads the name of an event is the event without strong context (马拉松赛)", Reject)
	ruleForeignWordInUse   = registerRule("person", "person.foreign_word_in_use", "a transliterated word in a list of bodies, brands or events needs an office or a verb to be a name (比亚迪、阿里巴巴等企业)", Reject)
	ruleForeignNoContext   = registerRule("person", "person.foreign_no_context", "a transliterated word gse tags a name but with no office, verb or list around it is no name", Reject)
	ruleForeignOverSurname = registerRule("person", "person.foreign_over_surname", "a surname that opens a longer foreign name gives way to the foreign name (罗瓦伊纳, 乌尔马尼斯)", Adjust)
	ruleDottedName         = registerRule("person", "person.dotted_name", "names whose parts are joined by a middle dot are one name (威廉·佩里, 阿木冬·尼牙孜)", Accept)
	ruleBylineRun          = registerRule("person", "person.byline_run", "several names written together in brackets or after a byline cue up to the line end are one mention ((陈燮衡李晶晶), 本报记者曹照琴谢国明王尧)", Accept)
	ruleSpeakerLine        = registerRule("person", "person.speaker_line", "an office, spaces and a name of two or three characters ending the line is the speaker of a report, whatever the surname (区人民政府代区长　　萨国文)", Accept)
	ruleSpeakerNotName     = registerRule("person", "person.speaker_line_not_name", "in a speaker line, an office, a place or a body after the spaces is no name (县长　副县长)", Reject)
	ruleJapaneseName       = registerRule("person", "person.japanese_surname", "a Japanese family name with an office or a verb around it, and the given name gse tags after it (桥本说, 首相桥本龙太郎)", Accept)
	ruleJapaneseLone       = registerRule("person", "person.japanese_lone_surname", "a lone one-character Japanese family name needs an office (河畅、水清、岸绿)", Reject)
	ruleJapanesePlace      = registerRule("person", "person.japanese_place", "a Japanese family name that is a place of the gazetteer needs an office (广州、中山入选)", Reject)
	ruleHonouredElder      = registerRule("person", "person.honoured_elder", "a frequent surname and 老 or 公 names an honoured elder (许老, 周公)", Accept)
	ruleOldYoung           = registerRule("person", "person.old_young", "老 or 小 and a frequent surname stand for a person (老张, 小王), not a word (小康)", Accept)
	ruleWithheldName       = registerRule("person", "person.withheld_name", "a surname and 某 or 某某 is a name withheld, as bulletins and court reports write it (丁某, 王某某)", Accept)
	ruleSurnameOfficeWord  = registerRule("person", "person.surname_office_word", "a surname the segmenter wrote together with an office is the person (江主席 → 江)", Accept)
	ruleDoctrineName       = registerRule("person", "person.doctrine_name", "a word that is a name and a doctrine of today holds a person (习近平新时代中国特色社会主义思想)", Accept)
	ruleSurnameBeforeTitle = registerRule("person", "person.surname_before_title", "a surname alone right before an office or form of address stands for the name (孔书记, 徐先生)", Accept)
)

// foreignAt returns a transliterated name starting at token k, or start -1:
// transliteration characters only, pieces joined by ·, and either gse's
// name tag on a name of three or more characters or an office around it.
func (c *personCtx) foreignAt(k int) personCand {
	t := &c.toks[k]
	if !translitSet.has(c.rs[t.Start]) && !personTag(t.Pos) {
		return personCand{start: -1} // every rule below needs one or the other
	}
	if p := c.foreignAfterOffice(k); p.start >= 0 {
		return p
	}
	if t.Pos == "ns" || t.Pos == "nt" {
		return c.foreignPlaceWord(k)
	}
	if !allTranslit(c.tokRunes(k)) {
		return c.taggedAfterOffice(k)
	}
	return c.foreignRun(k)
}

// foreignAfterOffice takes the run of transliteration characters after an
// office or job, however the segmenter cut it: 外交大臣|塔拉瓦奈.
func (c *personCtx) foreignAfterOffice(k int) personCand {
	t := &c.toks[k]
	if !translitSet.has(c.rs[t.Start]) {
		return personCand{start: -1}
	}
	tl, kind := c.titleBefore(t.Start)
	if tl == 0 || kind == "after" {
		return personCand{start: -1}
	}
	e := t.Start
	for e < len(c.rs) && e-t.Start < 8 && translitSet.has(c.rs[e]) {
		e++
	}
	for e > t.Start && c.endTok[e] < 0 {
		e--
	}
	oneWord := e == t.End && !personTag(t.Pos) && c.freq(t.Text) >= personRareFreq
	if e-t.Start < 2 || oneWord || c.placeOverlap(t.Start, e) { // not 摄影|比赛, 专家|连连
		return personCand{start: -1}
	}
	c.d.traceRule(ruleForeignAfterOffice, Accept, t.Start, e)
	return personCand{start: t.Start, end: e, strong: true}
}

// foreignPlaceWord takes a word gse tags a place or a body that the place
// stage does not know, made of transliteration characters, after an office
// (总统巴嘎班迪) or with a person's context (菲拉利首相, 会见绍罗什).
func (c *personCtx) foreignPlaceWord(k int) personCand {
	t := &c.toks[k]
	if tr := c.tokRunes(k); !allTranslit(tr) || len(tr) < 3 || c.placeOverlap(t.Start, t.End) {
		return personCand{start: -1}
	}
	if tl, kind := c.titleBefore(t.Start); tl > 0 && kind == "office" {
		c.d.traceRule(ruleForeignPlaceWord, Accept, t.Start, t.End)
		return personCand{start: t.Start, end: t.End, strong: true}
	}
	if t.Pos != "ns" {
		return personCand{start: -1}
	}
	x := c.context(t.Start, t.End)
	if x.strong || x.weak && c.freq(t.Text) < personRareFreq && c.foreignVerbCtx(k) {
		c.d.traceRule(ruleForeignPlaceWord, Accept, t.Start, t.End)
		return personCand{start: t.Start, end: t.End, strong: x.strong}
	}
	return personCand{start: -1}
}

// taggedAfterOffice takes any word gse tags a name right after an office:
// 总统加尧姆; after a role noun, a frequent word needs a surname (职工|王政,
// not 居民|养老).
func (c *personCtx) taggedAfterOffice(k int) personCand {
	t := &c.toks[k]
	if n := len(c.tokRunes(k)); !personTag(t.Pos) || n < 2 || n > 5 {
		return personCand{start: -1}
	}
	tl, kind := c.titleBefore(t.Start)
	if tl > 0 && kind != "after" && !c.placeOverlap(t.Start, t.End) && (kind != "job" || c.surnameAt(t.Start) && c.freq(t.Text) <= personListFreq) {
		c.d.traceRule(ruleTaggedAfterOffice, Accept, t.Start, t.End)
		return personCand{start: t.Start, end: t.End, strong: true}
	}
	return personCand{start: -1}
}

// surnameAt reports whether a surname of class 1 or 2 opens at i.
func (c *personCtx) surnameAt(i int) bool {
	sl, class := surnames.Longest(c.rs, i)
	return sl > 0 && class < 3
}

// foreignRun takes a run of transliteration tokens, joined by · or cut into
// single characters after an office, that gse tags a name or that has a
// person's context.
func (c *personCtx) foreignRun(k int) personCand {
	t := &c.toks[k]
	ke := k
	tagged := personTag(t.Pos)
	for ke+2 < len(c.toks) && (c.toks[ke+1].Text == "·" || c.toks[ke+1].Text == "・") && allTranslit(c.tokRunes(ke+2)) {
		ke += 2
		tagged = tagged || personTag(c.toks[ke].Pos)
	}
	if tl, _ := c.titleBefore(t.Start); tl > 0 && ke == k && len(c.tokRunes(k)) == 1 {
		// a name gse cut into single characters after an office: 总统塞|迪|略
		for ke+1 < len(c.toks) && c.toks[ke+1].End-t.Start <= 6 && allTranslit(c.tokRunes(ke+1)) && len(c.tokRunes(ke+1)) <= 2 {
			ke++
		}
	}
	start, end := t.Start, c.toks[ke].End
	if end-start < 2 || c.placeOverlap(start, end) {
		return personCand{start: -1}
	}
	if ke == k && !tagged && c.freq(t.Text) >= personRareFreq {
		c.d.traceRule(ruleForeignDictWord, Reject, start, end)
		return personCand{start: -1}
	}
	x := c.context(start, end)
	if !tagged && end-start >= 3 && x.weak && c.freq(string(c.rs[start:end])) < 50 {
		tagged = true // an unknown run of transliteration characters as subject: 亨廷顿认为
	}
	if !x.strong && (c.inOrg[start] && c.inOrg[end-1] || c.placeHead(end)) {
		c.d.traceRule(ruleForeignBodyOrPlace, Reject, start, end)
		return personCand{start: -1}
	}
	if !x.strong && strings.ContainsRune(personEventHeads, c.rs[end-1]) {
		c.d.traceRule(ruleForeignEvent, Reject, start, end)
		return personCand{start: -1}
	}
	f := c.freq(string(c.rs[start:end]))
	if !x.strong && !x.verb && tagged && c.bodyList(start, end) {
		c.d.traceRule(ruleForeignWordInUse, Reject, start, end)
		return personCand{start: -1}
	}
	if x.strong || (tagged && (end-start >= 3 || x.verb && f < personCommonFreq || x.weak && f < personRareFreq)) {
		c.d.traceRule(ruleForeignName, Accept, start, end)
		return personCand{start: start, end: end, strong: x.strong}
	}
	if tagged {
		c.d.traceRule(ruleForeignNoContext, Reject, start, end)
	}
	return personCand{start: -1}
}

// foreignVerbCtx reports whether token k, a foreign word, has a verb of
// speech or action after it or a verb taking a person before it: the weak
// context that tells a name from an unknown foreign place (…在特拉维夫).
func (c *personCtx) foreignVerbCtx(k int) bool {
	if k > 0 && personVerbsBefore.has(c.toks[k-1].Text) {
		return true
	}
	if k+1 < len(c.toks) {
		n := c.toks[k+1].Text
		return personVerbs.has(n) || foreignSubjectWords.has(n)
	}
	return false
}

// foreignSubjectWords, after an unknown foreign word, make it the subject
// of the clause: 德桑蒂斯将….
var foreignSubjectWords = cueWordSet("foreign_subject_words")

// isNameDot reports whether r is a middle dot joining the parts of a name.
func isNameDot(r rune) bool {
	return r <= '・' && (r == '·' || r == '・' || r == '•' || r == '‧') // one test for the Chinese characters
}

// dotNameSet holds the characters of the parts of a name joined by a
// middle dot: transliteration characters and those of minority names.
var dotNameSet = newRuneSet(cueChars("translit_chars") + cueChars("minority_chars"))

// dottedNames finds names whose parts are joined by a middle dot
// (威廉·佩里, 阿木冬·尼牙孜): runs of transliteration characters on both
// sides of each dot, snapped to the segmenter's cuts. It returns the spans
// by start.
func (c *personCtx) dottedNames(marks []int32) map[int]int {
	var out map[int]int // nil until a span is found
	rs := c.rs
	next := 1 // where the next dot may be
	for _, m := range marks {
		p := int(m)
		if p < next || p+1 >= len(rs) || !isNameDot(rs[p]) || !dotNameSet.has(rs[p-1]) || !dotNameSet.has(rs[p+1]) {
			continue
		}
		s := p
		for s > 0 && p-s < 6 && dotNameSet.has(rs[s-1]) {
			s--
		}
		e := p + 1
		for {
			for e < len(rs) && dotNameSet.has(rs[e]) && !isNameDot(rs[e]) {
				e++
			}
			if e+1 < len(rs) && isNameDot(rs[e]) && dotNameSet.has(rs[e+1]) {
				e++
				continue
			}
			break
		}
		for s < p && c.startTok[s] < 0 {
			s++
		}
		for e > p+1 && c.endTok[e] < 0 {
			e--
		}
		if s < p && e > p+1 && !isNameDot(rs[e-1]) && !c.placeOverlap(s, e) {
			out = setSpan(out, s, e)
		}
		next = e + 1
	}
	return out
}

// setSpan records the span [s,e) in spans, made on first use, and
// returns spans.
func setSpan(spans map[int]int, s, e int) map[int]int {
	if spans == nil {
		spans = map[int]int{}
	}
	spans[s] = e
	return spans
}

// nameRun reports whether rs[s:e] is two or more Chinese names written
// together (徐国春张雅文崔成龙): each a surname of class 1 or 2 and one or two
// given characters.
func (c *personCtx) nameRun(s, e int) bool {
	if e-s < 4 || e-s > 16 {
		return false
	}
	return c.nameCount(s, e) >= 2
}

// nameCount returns the fewest Chinese names (surname of class 1 or 2, one
// or two given characters) that cover rs[s:e] exactly, 0 when none do.
func (c *personCtx) nameCount(s, e int) int {
	if e-s < 2 || e-s > 16 {
		return 0
	}
	// reach[i] is the fewest names that cover rs[s:i] (0 = unreachable)
	reach := make([]int, e-s+1)
	reach[0] = -1
	for i := s; i < e; i++ {
		if reach[i-s] == 0 {
			continue
		}
		n := max(reach[i-s], 0)
		surnames.Prefixes(c.rs[:e], i, func(sl, class int) {
			if class == 3 {
				return
			}
			for gl := 1; gl <= 2 && i+sl+gl <= e; gl++ {
				ok := true
				for _, r := range c.rs[i+sl : i+sl+gl] {
					ok = ok && isHan(r) && !notGivenSet.has(r)
				}
				if ok && (reach[i+sl+gl-s] == 0 || reach[i+sl+gl-s] > n+1) {
					reach[i+sl+gl-s] = n + 1
				}
			}
		})
	}
	return max(reach[e-s], 0)
}

// bylineRuns finds bylines of several names written together, in brackets
// or after a byline cue up to the end of the line: （陈燮衡李晶晶）,
// 本报记者曹照琴谢国明王尧. Such a run is one mention, as People's Daily
// annotates it. It returns the spans by start.
func (c *personCtx) bylineRuns(marks []int32) map[int]int {
	var out map[int]int // nil until a span is found
	rs := c.rs
	for x := 0; x < 2*len(marks); x++ {
		// a bracket opens at a mark, a cue ends right after one; a
		// position seen twice is decided twice the same way
		b := int(marks[x/2]) + x%2
		if b >= len(rs) {
			continue
		}
		var s int
		switch {
		case rs[b] == '（' || rs[b] == '(':
			s = b + 1
		case b > 0 && bylineScanSet.has(rs[b-1]) && c.bylineCue(b) != "" && (b == len(rs) || rs[b] != ':'):
			s = b
		default:
			continue
		}
		e := s
		for e < len(rs) && e-s <= 16 && isHan(rs[e]) {
			e++
		}
		end := e
		if e > s && rs[e-1] == '摄' {
			end = e - 1
		}
		closed := e == len(rs) || strings.ContainsRune("）)\n", rs[e])
		if closed && c.startTok[s] >= 0 && c.endTok[end] >= 0 && c.nameRun(s, end) && !c.placeOverlap(s, end) {
			out = setSpan(out, s, end)
		}
	}
	return out
}

// bylineScanSet holds the characters a byline cue can end with and those
// bylineCue skips back over (spaces, colons): a cue ends at b only when
// the character before b is one of them.
var bylineScanSet = func() *runeSet {
	s := *bylineLastSet
	for _, r := range " \u3000:：" {
		s.add(r)
	}
	return &s
}()

// personSpace reports whether r is a space written inside a line: ASCII,
// ideographic, no-break and the typographic spaces of U+2000–U+200A that
// headers use to pad a name (市长\u2002\u2002张三).
func personSpace(r rune) bool {
	return r <= '\u3000' && (r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' || r >= '\u2000' && r <= '\u200a')
}

// speakerLines finds the speaker of a report or speech, written as a byline:
// an office, spaces, then a name of two or three characters that ends the
// line (某某区人民政府代区长　　萨国文). The shape alone is strong context,
// so the surname need not be in the surname list. It returns the spans by
// start.
func (c *personCtx) speakerLines(marks []int32) map[int]int {
	var out map[int]int // nil until a span is found
	rs := c.rs
	for _, m := range marks {
		i := int(m)
		if i < 1 || !personSpace(rs[i]) || personSpace(rs[i-1]) {
			continue
		}
		if tl, kind := c.titleBefore(i); tl == 0 || kind != "office" {
			continue
		}
		s := i
		for s < len(rs) && personSpace(rs[s]) {
			s++
		}
		n, e := c.speakerName(s)
		for e < len(rs) && (personSpace(rs[e]) || rs[e] == '*') {
			e++ // **市长 张三**: a header line in Markdown bold
		}
		if n < 2 || e < len(rs) && rs[e] != '\n' && rs[e] != '\r' {
			continue
		}
		if tn, _ := titleFwd.Longest(rs[:s+n], s); tn > 0 || c.placeOverlap(s, s+n) || c.inOrg[s] {
			c.d.traceRule(ruleSpeakerNotName, Reject, s, s+n)
			continue
		}
		out = setSpan(out, s, s+n)
	}
	return out
}

// personEventHeads end the name of an event or a contest (马拉松赛).
var personEventHeads = cueChars("event_head_chars")

// personDoctrines name a doctrine or theory after a name.
var personDoctrines = cueWords("doctrine_words")

// personDoctrinesNamed name a doctrine after a name the dictionary tags a
// person (邓小平理论).
var personDoctrinesNamed = cueWords("doctrine_words_named")

// personDoctrineLex holds personDoctrines, to find those written at a
// position without building a string per length.
var personDoctrineLex = setLexicon(personDoctrines)

// setLexicon returns a lexicon of the words of set.
func setLexicon(set map[string]bool) *lexicon[bool] {
	l := newLexicon[bool]()
	for w := range set {
		l.Add(w, true)
	}
	return l
}

// doctrineAt returns the name that opens a word made of a name and a
// doctrine (习近平新时代中国特色社会主义思想), or start -1: a surname, a given name tagged a name
// by the dictionary or made of common given-name characters, and a doctrine.
func (c *personCtx) doctrineAt(k int) personCand {
	t := &c.toks[k]
	n := t.End - t.Start
	if n < 4 || !surnameFirst.has(c.rs[t.Start]) {
		return personCand{start: -1}
	}
	best := personCand{start: -1}
	surnames.Prefixes(c.rs[:t.End], t.Start, func(sl, class int) {
		for gl := 1; gl <= 2; gl++ {
			e := t.Start + sl + gl
			if e >= t.End || class == 3 {
				continue
			}
			doctrine := string(c.rs[e:t.End])
			today, named := personDoctrines[doctrine], personDoctrinesNamed[doctrine]
			if !today && !named {
				continue
			}
			name := string(c.rs[t.Start:e])
			plausible := today
			for _, r := range c.rs[t.Start+sl : e] {
				plausible = plausible && givenSet.has(r) && !notGivenSet.has(r)
			}
			if personTag(c.pos(name)) || plausible {
				best = personCand{start: t.Start, end: e, strong: true}
			}
		}
	})
	if best.start >= 0 {
		c.d.traceRule(ruleDoctrineName, Accept, best.start, best.end)
	}
	return best
}

// speakerName returns the length of the name of a speaker line that
// starts at s (0 when there is none) and where it ends: two or three
// Chinese characters, or two written apart with one space as headers pad
// them (郭 安).
func (c *personCtx) speakerName(s int) (int, int) {
	rs := c.rs
	e := s
	for e < len(rs) && e-s <= 3 && isHan(rs[e]) {
		e++
	}
	switch n := e - s; {
	case n == 1 && e+1 < len(rs) && personSpace(rs[e]) && isHan(rs[e+1]) && (e+2 == len(rs) || !isHan(rs[e+2])):
		return 3, e + 2
	case n == 2 || n == 3:
		return n, e
	}
	return 0, e
}

// japaneseAt finds a Japanese family name with context, and the given name
// gse tags right after it: 桥本说, 首相桥本龙太郎.
func (c *personCtx) japaneseAt(k int) personCand {
	t := &c.toks[k]
	if !japaneseFirst.has(c.rs[t.Start]) || !c.hasTok(japaneseSurnames, t) {
		return personCand{start: -1}
	}
	end := t.End
	if k+1 < len(c.toks) {
		if n := c.toks[k+1]; personTag(n.Pos) && n.End-n.Start >= 2 && n.End-n.Start <= 3 {
			end = n.End // 桥本|龙太郎
		}
	}
	x := c.context(t.Start, end)
	if !x.strong && (!x.weak || end-t.Start == 1) && end == t.End {
		c.d.traceRule(ruleJapaneseLone, Reject, t.Start, end)
		return personCand{start: -1}
	}
	if !x.strong && c.placeOverlap(t.Start, end) {
		c.d.traceRule(ruleJapanesePlace, Reject, t.Start, end)
		return personCand{start: -1}
	}
	c.d.traceRule(ruleJapaneseName, Accept, t.Start, end)
	return personCand{start: t.Start, end: end, strong: x.strong}
}

// surnameNotBeforeTitle are the surnames that before an office are no
// name (党委书记, 任副县长, 美国务卿), joined once (not at every test).
var surnameNotBeforeTitle = cueChars("not_surname_before_office_chars") + orgCountryChars

// shortAt finds a surname standing for the whole name: 老张, 小王, and a
// surname right before an office or form of address (孔书记, 徐先生).
func (c *personCtx) shortAt(k int) personCand {
	t := &c.toks[k]
	if r := c.rs[t.Start]; !shortHeadSet.has(r) && !surnameFirst.has(r) {
		return personCand{start: -1} // every rule below needs one or the other
	}
	rs := c.rs[t.Start:t.End]
	accept := func(rule string, s, e int) personCand {
		c.d.traceRule(rule, Accept, s, e)
		return personCand{start: s, end: e}
	}
	if len(rs) == 2 && shortTailSet.has(rs[1]) && c.freq(t.Text) < personShortFreq {
		if cl, ok := surnames.Get(string(rs[:1])); ok && cl == 1 {
			return accept(ruleHonouredElder, t.Start, t.End)
		}
	}
	if len(rs) == 2 && shortHeadSet.has(rs[0]) && c.freq(t.Text) < personShortFreq && !c.placeOverlap(t.Start, t.End) {
		if cl, ok := surnames.Get(string(rs[1:])); ok && cl == 1 {
			return accept(ruleOldYoung, t.Start, t.End)
		}
	}
	if len(rs) == 1 && k+1 < len(c.toks) && strings.HasPrefix(c.toks[k+1].Text, "某") || len(rs) == 2 && rs[1] == '某' {
		if cl, ok := surnames.Get(string(rs[:1])); ok && cl < 3 {
			e := t.Start + 2
			if e < len(c.rs) && c.rs[e] == '某' {
				e++
			}
			if c.endTok[e] >= 0 {
				return accept(ruleWithheldName, t.Start, e)
			}
		}
	}
	if len(rs) >= 3 {
		if cl, ok := surnames.Get(string(rs[:1])); ok && cl == 1 && titleKind(t.Text) == "" {
			if kind := titleKind(string(rs[1:])); kind != "" && kind != "job" {
				return accept(ruleSurnameOfficeWord, t.Start, t.Start+1)
			}
		}
	}
	if len(rs) != 1 || t.End >= len(c.rs) {
		return personCand{start: -1} // the last rule needs a one-character token before more text
	}
	if cl, ok := surnames.Get(t.Text); ok && cl < 3 && !strings.ContainsRune(surnameNotBeforeTitle, rs[0]) && !c.numeralUnit(t.Start) {
		if tl, _ := c.titleAfter(t.End); tl > 0 && c.rs[t.End] != rs[0] {
			if p := c.tokRunes(max(k-1, 0)); k == 0 || len(p) > 1 || funcCharSet.has(p[0]) {
				return accept(ruleSurnameBeforeTitle, t.Start, t.End)
			}
		}
	}
	return personCand{start: -1}
}
