package extract

import "unicode/utf8"

// The context of a name-shaped span: the words around it that tell a
// person from a word. Strong context (an office, a byline, 同志 …) makes any
// name shape a name; weak context (a reporting verb, a list mark, the
// subject of a clause) helps a shape the dictionary also supports.

// personCue is one kind of context around a candidate name, a bit of a
// personCueSet.
type personCue uint32

// The cues, strong ones first: their order is the order in which the
// acceptance rules name them.
const (
	cueTitleBefore   personCue = 1 << iota // an office or job right before: 县长|王立
	cueByline                              // a byline cue right before: 记者|王立
	cueListNext                            // the item after a name and 、
	cueOrgBefore                           // an organization right before a three-character name
	cueElectedAs                           // a verb taking a person before and 为 after: 选举|杨正午|为
	cueNoteAfter                           // ethnicity or sex in brackets after: （壮族）, （女）
	cuePlaceByline                         // place and name in brackets: （河南开封市牛建海）
	cueDrawnBy                             // a photo or drawing byline: （陆敬平摄）
	cueRank                                // a rank in go or chess after: 王磊六段
	cueNameLine                            // a line that is only the name
	cueBracketName                         // a name alone in brackets: （李红梅）
	cueAppointed                           // 为 and an office after: 李逢滋为副主任
	cueTitleAfter                          // an office or form of address after: 习近平总书记
	cueHeadline                            // a headline opening with the name and 会见, 视察 …
	cueDoctrineAfter                       // a doctrine after: 习近平|法治|思想
	cueOrgBeforeWeak                       // an organization right before a two-character name
	cueVerbBefore                          // a verb taking a person right before: 会见|王立
	cueVerbAfter                           // a reporting verb after: 王立说
	cueListAfter                           // 、, 等 or a bracket after
	cueListBefore                          // 、 before
	cueSubject                             // the subject of a clause: 。王立在…
	cueAddressed                           // 叫, 让, 请 … before and 的, 去 … after: 让梁军去
)

// strongCues accept any name shape; the others are weak context.
const strongCues = cueTitleBefore | cueByline | cueListNext | cueOrgBefore | cueElectedAs |
	cueNoteAfter | cuePlaceByline | cueDrawnBy | cueRank | cueNameLine | cueBracketName |
	cueAppointed | cueTitleAfter | cueHeadline | cueDoctrineAfter

// verbCues are weak context that is a verb taking a person, not only a
// list mark.
const verbCues = cueVerbBefore | cueVerbAfter

// personContext is what the context says about a span.
type personContext struct {
	cues   personCue
	strong bool // any strong cue
	job    bool // the title before is a job or role noun (职工, 企业家): strong, yet no office
	weak   bool // any weak cue
	verb   bool // a weak cue that is a verb taking a person (说, 会见), not 、 or 等
	// jobAfter: the title after the span is a job or role noun (企业家,
	// 工程师), not an office
	jobAfter bool
}

func (x *personContext) set(c personCue) {
	x.cues |= c
	if c&strongCues != 0 {
		x.strong = true
	} else {
		x.weak = true
		x.verb = x.verb || c&verbCues != 0
	}
}

// context returns the strong and weak context of the span [start,end).
func (c *personCtx) context(start, end int) (x personContext) {
	if tl, kind := c.titleBefore(start); tl > 0 {
		x.set(cueTitleBefore)
		x.job = kind == "job"
	} else if c.bylineCue(start) != "" {
		x.set(cueByline)
	} else if start == c.listAt {
		x.set(cueListNext)
	}
	if !x.strong && start > 0 {
		if kp := c.endTok[start]; kp >= 0 {
			switch {
			case c.orgEnd[start] && end-start >= 3:
				x.set(cueOrgBefore)
			case c.orgEnd[start]:
				x.set(cueOrgBeforeWeak)
			case c.hasTok(personVerbsBefore, &c.toks[kp]):
				x.set(cueVerbBefore)
				if end < len(c.rs) && c.rs[end] == '为' {
					x.set(cueElectedAs)
				}
			}
		}
	}
	if c.noteAfter(end) {
		x.set(cueNoteAfter)
	}
	if !x.strong && c.placeByline(start, end) {
		x.set(cuePlaceByline)
	}
	if end+1 < len(c.rs) && personDrawnSet.has(c.rs[end]) && isCloseParen(c.rs[end+1]) {
		x.set(cueDrawnBy)
	}
	if end+1 < len(c.rs) && c.rs[end+1] == '段' && isDigitOneToNine(c.rs[end]) {
		x.set(cueRank)
	}
	lineStart := start == 0 || c.rs[start-1] == '\n'
	if lineStart && (end == len(c.rs) || c.rs[end] == '\n' || c.photoNote(end)) {
		x.set(cueNameLine)
	}
	if c.bracketName(start, end) {
		x.set(cueBracketName)
	}
	if end+2 < len(c.rs) && c.rs[end] == '为' && c.endTok[end+1] >= 0 {
		if tl, kind := c.titleAfter(end + 1); tl > 0 && kind == "office" {
			x.set(cueAppointed)
		}
	}
	if end < len(c.rs) {
		if tl, kind := c.titleAfter(end); tl > 0 && (kind != "job" || tl >= 3) {
			x.set(cueTitleAfter)
			x.jobAfter = kind == "job"
		} else if kt := c.startTok[end]; kt >= 0 && c.hasTok(personVerbs, &c.toks[kt]) {
			x.set(cueVerbAfter)
		} else if r := c.rs[end]; r == '、' || r == '等' || isOpenParen(r) {
			x.set(cueListAfter)
		}
	}
	if start > 0 && c.rs[start-1] == '、' {
		x.set(cueListBefore)
	}
	if c.doctrineAfter(end) {
		x.set(cueDoctrineAfter)
	}
	if lineStart && end < len(c.rs) {
		if kt := c.startTok[end]; kt >= 0 && c.hasTok(personHeadlineVerbs, &c.toks[kt]) {
			x.set(cueHeadline)
		}
	}
	if (start == 0 || clauseOpenSet.has(c.rs[start-1])) && end < len(c.rs) {
		if kt := c.startTok[end]; kt >= 0 && oneRuneIn(personSubjectSet, c.toks[kt].Text) {
			x.set(cueSubject)
		}
	}
	if start > 0 && end < len(c.rs) && personAddressBeforeSet.has(c.rs[start-1]) && personAddressAfterSet.has(c.rs[end]) {
		x.set(cueAddressed)
	}
	return x
}

// doctrineAfter reports whether a doctrine of today's documents is
// written from i on, as words of its own: 习近平|法治|思想.
func (c *personCtx) doctrineAfter(i int) bool {
	if i >= len(c.rs) || c.startTok[i] < 0 {
		return false
	}
	found := false
	personDoctrineLex.Prefixes(c.rs, i, func(n int, _ bool) {
		found = found || n >= 2 && n <= 13 && c.endTok[i+n] >= 0
	})
	return found
}

// noteAfter reports whether a note of ethnicity or sex in brackets opens
// at end: 黄任文（壮族）, 李某（女）.
func (c *personCtx) noteAfter(end int) bool {
	if end+2 >= len(c.rs) || !isOpenParen(c.rs[end]) {
		return false
	}
	for j := end + 1; j < len(c.rs) && j <= end+6; j++ {
		if isCloseParen(c.rs[j]) {
			w := c.rs[end+1 : j]
			return len(w) == 1 && sexSet.has(w[0]) || len(w) > 0 && w[len(w)-1] == '族'
		}
	}
	return false
}

// placeByline reports whether [start,end) closes a bracket that holds only
// places and the name: （河南开封市牛建海）.
func (c *personCtx) placeByline(start, end int) bool {
	if start == 0 || end >= len(c.rs) || !isCloseParen(c.rs[end]) || !c.inPlace[start-1] {
		return false
	}
	j := start - 1
	for j > 0 && c.inPlace[j-1] {
		j--
	}
	return j > 0 && isOpenParen(c.rs[j-1])
}

// bracketName reports whether [start,end) is alone in brackets, and no
// note (（蒙古族）, （左一）) nor a photo byline: （李红梅）.
func (c *personCtx) bracketName(start, end int) bool {
	return start > 0 && end < len(c.rs) && isOpenParen(c.rs[start-1]) && isCloseParen(c.rs[end]) &&
		!personBracketNote(c.rs[start:end]) && !(end-start >= 3 && personDrawnSet.has(c.rs[end-1]))
}

// Character sets of data/person_cues.txt read by the context.
var (
	// personDrawnMarks close a photo or drawing byline: （陆敬平摄）, （张滨作）.
	personDrawnMarks = cueChars("drawn_chars")
	// personSubjectMarks are the one-character words that, right after a
	// name opening a clause, make it the clause's subject: 李鹏在…, 王立对….
	personSubjectMarks = cueChars("subject_chars")
	// personAddressBefore and personAddressAfter surround a name that is
	// addressed or sent: 叫刘明的, 让梁军去.
	personAddressBefore = cueChars("address_before_chars")
	personAddressAfter  = cueChars("address_after_chars")

	// The same as sets, tested without searching the strings.
	personDrawnSet         = newRuneSet(personDrawnMarks)
	personSubjectSet       = newRuneSet(personSubjectMarks)
	personAddressBeforeSet = newRuneSet(personAddressBefore)
	personAddressAfterSet  = newRuneSet(personAddressAfter)
	// clauseOpenSet: the marks after which a name opens a clause.
	clauseOpenSet = newRuneSet("。！？\n”』，；：")
)

// isDigitOneToNine reports whether r is one of the Chinese numerals 一 … 九.
func isDigitOneToNine(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九':
		return true
	}
	return false
}

// isOpenParen reports whether r is an opening bracket, full or half width.
func isOpenParen(r rune) bool { return r == '（' || r == '(' }

// isCloseParen reports whether r is a closing bracket, full or half width.
func isCloseParen(r rune) bool { return r == '）' || r == ')' }

// oneRuneIn reports whether s is one character of set.
func oneRuneIn(set *runeSet, s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && n == len(s) && r != utf8.RuneError && set.has(r)
}
