package extract

import (
	"slices"
	"sort"
	"strings"
)

// Decisions over the names found: lists of names, runs of names written
// together, and the names known from the document found again elsewhere.

var (
	ruleMergeRuns   = registerRule("person", "person.merge_adjacent", "names written one after the other with nothing between them are one mention, as People's Daily annotates lists whose spaces were lost, except inside a 《》 title (李鹏朱镕基胡锦涛)", Adjust)
	ruleExtendRun   = registerRule("person", "person.extend_run", "a run of two names or more written together extends over the name-shaped characters before it up to a separator (江泽民李鹏乔石)", Adjust)
	ruleListItem    = registerRule("person", "person.list_item", "the other items of a list holding a name are names when each has a name's shape, past a note in brackets (杨影、李菊、王楠和王晨; 陈绮玲（女）、程有清)", Accept)
	ruleNameList    = registerRule("person", "person.name_list", "a list of three or more name-shaped items, each plausible or tagged a name and two tagged, is a list of names (张庚、吴雪、欧阳山尊、胡可)", Accept)
	ruleKnownName   = registerRule("person", "person.known_name", "a name accepted once is found wherever else the segmenter cuts it cleanly (罗智琼 after 主任罗智琼)", Accept)
	ruleKnownGiven  = registerRule("person", "person.known_given_name", "the given name of a three-character name found in the document, rare as a word, stands for the person (恩来, 小平)", Accept)
	ruleKnownAtHead = registerRule("person", "person.known_name_place_head", "a known name before a place or facility head is part of that place's name", Reject)
	ruleWeakKnown   = registerRule("person", "person.weak_known_needs_context", "a dictionary word taken for a name without strong context is found again only where some context stands around it (惠民 once in a list is not 惠民 everywhere)", Reject)
	ruleNotRepeated = registerRule("person", "person.weak_not_repeated", "a name whose given part is a common word, taken on weak context alone, is not repeated through the text (特色、高|水平大学)", Adjust)
)

// mergeRuns joins names written one after the other with nothing between
// them into one mention; inside a 《》 title they stay apart.
func (c *personCtx) mergeRuns(found []personCand) []personCand {
	var inTitle []bool // inside a 《》 title, marked when two names first touch
	out := found[:0]   // merged in place: out never passes the span read
	for _, p := range found {
		if n := len(out); n > 0 && out[n-1].end == p.start {
			if inTitle == nil {
				inTitle = c.titleMarks()
			}
			if inTitle[p.start] {
				out = append(out, p)
				continue
			}
			out[n-1].end = p.end
			c.d.traceRule(ruleMergeRuns, Adjust, out[n-1].start, p.end)
			continue
		}
		out = append(out, p)
	}
	return out
}

// titleMarks returns, for each code point, whether it is inside a 《》
// title.
func (c *personCtx) titleMarks() []bool {
	inTitle := c.d.scratch.boolSlice(len(c.rs) + 1)
	var d int8
	for i, r := range c.rs {
		switch r {
		case '《':
			d++
		case '》':
			if d > 0 {
				d--
			}
		case '\n':
			d = 0
		}
		inTitle[i] = d > 0
	}
	return inTitle
}

// extendRuns extends a run of names written together over the name-shaped
// characters before it up to a separator, when the run holds two names or
// more.
func (c *personCtx) extendRuns(found []personCand) []personCand {
	prevEnd := 0
	for i := range found {
		p := &found[i]
		if p.end-p.start >= 5 && p.start > prevEnd {
			q := p.start
			for q > prevEnd && p.start-q < 12 && isHan(c.rs[q-1]) && !listSepSet.has(c.rs[q-1]) {
				q--
			}
			if q < p.start && c.startTok[q] >= 0 && c.nameCount(q, p.start) > 0 && !c.placeOverlap(q, p.start) {
				p.start = q
				c.d.traceRule(ruleExtendRun, Adjust, p.start, p.end)
			}
		}
		prevEnd = p.end
	}
	return found
}

// listSepSet separates the items of a list of names (data/person_cues.txt,
// name_list_chars).
var listSepSet = newRuneSet(cueChars("name_list_chars"))

// listItems adds the other items of lists that hold a found name: in
// "杨影、李菊、王楠和王晨" one name with evidence makes the others names
// when each item has a name's shape (surname, one or two given characters
// with no function character, cut cleanly by the segmenter, no place).
func (c *personCtx) listItems(found []personCand, known knownNames) []personCand {
	if len(found) == 0 {
		return found
	}
	have := map[int]bool{}
	for _, p := range found {
		have[p.start] = true
	}
	var extra []personCand
	take := func(q personCand) {
		have[q.start] = true
		extra = append(extra, q)
		c.d.traceRule(ruleListItem, Accept, q.start, q.end)
	}
	var walk func(p personCand, depth int)
	walk = func(p personCand, depth int) {
		if depth > 30 {
			return
		}
		// right neighbour, past a note in brackets: 陈绮玲（女）、程有清
		after := c.skipNote(p.end)
		if after < len(c.rs) && listSepSet.has(c.rs[after]) {
			if q, ok := c.listItem(after+1, true); ok && !have[q.start] {
				take(q)
				walk(q, depth+1)
			}
		}
		// left neighbour, before a note in brackets
		if p.start > 1 && listSepSet.has(c.rs[p.start-1]) {
			i := c.skipNoteBack(p.start - 1)
			if q, ok := c.listItem(i, false); ok && !have[q.start] {
				take(q)
				walk(q, depth+1)
			}
		}
	}
	for _, p := range found {
		walk(p, 0)
	}
	if len(extra) == 0 {
		return found
	}
	for _, q := range extra {
		known.add(c.rs[q.start:q.end], false, false)
	}
	return mergeFound(found, extra)
}

// mergeFound adds extra to found, sorted by start, dropping spans that
// overlap an earlier one.
func mergeFound(found, extra []personCand) []personCand {
	found = append(found, extra...)
	sort.Slice(found, func(i, j int) bool { return found[i].start < found[j].start })
	out := found[:0]
	for _, p := range found {
		if n := len(out); n > 0 && p.start < out[n-1].end {
			continue // keep the earlier span
		}
		out = append(out, p)
	}
	return out
}

// nameLists adds the items of lists of three or more names that hold no
// name found so far (张庚、吴雪、欧阳山尊、胡可): every item has a name's
// shape (see listItem), every given name is plausible or tagged a name by
// gse, and gse tags at least two items as names.
func (c *personCtx) nameLists(found []personCand) []personCand {
	rs := c.rs
	var extra []personCand
	for i := 1; i < len(rs); i++ {
		if rs[i] != '、' {
			continue
		}
		first, ok := c.listItem(i, false)
		for n := 4; n >= 2 && !ok; n-- {
			// the first item right after a verb: 有|张庚、吴雪
			if i-n >= 0 {
				first, ok = c.nameShaped(i-n, i)
			}
		}
		if !ok {
			continue
		}
		items := []personCand{first}
		j := i
		for j < len(rs) && rs[j] == '、' && len(items) < 40 {
			q, ok := c.listItem(j+1, true)
			if !ok {
				break
			}
			items = append(items, q)
			j = q.end
		}
		if j > i {
			i = j // the list is decided once
		}
		if len(items) >= 3 && c.namesTagged(items) >= 2 {
			for _, q := range items {
				c.d.traceRule(ruleNameList, Accept, q.start, q.end)
			}
			extra = append(extra, items...)
		}
	}
	if len(extra) == 0 {
		return found
	}
	return mergeFound(found, extra)
}

// namesTagged returns how many items gse tags a name, or a negative number
// when an item is neither tagged nor made of plausible given characters.
func (c *personCtx) namesTagged(items []personCand) int {
	tagged := 0
	for _, q := range items {
		t, plausible := false, true
		for k := c.startTok[q.start]; k >= 0 && k < len(c.toks) && c.toks[k].Start < q.end; k++ {
			t = t || personTag(c.toks[k].Pos)
		}
		sl, _ := surnames.Longest(c.rs, q.start)
		for _, r := range c.rs[q.start+sl : q.end] {
			plausible = plausible && givenSet.has(r)
		}
		if !t && !plausible {
			return -1
		}
		if t {
			tagged++
		}
	}
	return tagged
}

// skipNote returns the position after a short note in brackets that opens
// at i (（女）, （藏族）, （土家族）), or i when there is none.
func (c *personCtx) skipNote(i int) int {
	if i >= len(c.rs) || (c.rs[i] != '（' && c.rs[i] != '(') {
		return i
	}
	for j := i + 1; j < len(c.rs) && j <= i+8; j++ {
		switch c.rs[j] {
		case '）', ')':
			return j + 1
		case '（', '(', '、', '，', '。', '\n':
			return i
		}
	}
	return i
}

// skipNoteBack returns the start of a short note in brackets that ends at
// i (the position after its closing bracket), or i when there is none.
func (c *personCtx) skipNoteBack(i int) int {
	if i < 2 || (c.rs[i-1] != '）' && c.rs[i-1] != ')') {
		return i
	}
	for j := i - 2; j >= 0 && j >= i-9; j-- {
		switch c.rs[j] {
		case '（', '(':
			return j
		case '）', ')', '、', '，', '。', '\n':
			return i
		}
	}
	return i
}

// listItem returns the list item that starts at i (forward) or ends at i
// (backward) when it has the shape of a Chinese name.
func (c *personCtx) listItem(i int, forward bool) (personCand, bool) {
	var s, e int
	if forward {
		s, e = i, i
		for e < len(c.rs) && e-s <= 4 && !listItemSepSet.has(c.rs[e]) {
			e++
		}
		if e < len(c.rs) && !listItemSepSet.has(c.rs[e]) {
			// the last item, followed by its verb: 吴静和赵刚参加…
			e = -1
			for n := 3; n >= 2 && e < 0; n-- {
				if x := s + n; x < len(c.rs) && c.endTok[x] >= 0 {
					if kt := c.startTok[x]; kt >= 0 && (personVerbs.has(c.toks[kt].Text) || personListEndWords.has(c.toks[kt].Text)) {
						e = x
					}
				}
			}
			if e < 0 {
				return personCand{}, false
			}
		}
	} else {
		s, e = i, i
		for s > 0 && e-s <= 4 && !listItemSepSet.has(c.rs[s-1]) {
			s--
		}
		if s > 0 && !listItemSepSet.has(c.rs[s-1]) {
			return personCand{}, false
		}
	}
	return c.nameShaped(s, e)
}

// listItemSepSet holds the characters that end a list item: those of
// listSepSet and punctuation.
var listItemSepSet = newRuneSet(cueChars("name_list_chars") + "，。；：！？（）()“”《》\n 　")

// personListEndWords may follow the last item of a list of names: 吴静和赵刚
// 等, …分别….
var personListEndWords = cueWordSet("list_end_words")

// nameShaped returns rs[s:e] as a candidate when it has the shape of a
// Chinese name: cut cleanly by the segmenter, no place, a surname of class
// 1 or 2, one or two given characters with no function character, and not
// one known word that is no name.
func (c *personCtx) nameShaped(s, e int) (personCand, bool) {
	n := e - s
	if n < 2 || n > 4 || c.startTok[s] < 0 || c.endTok[e] < 0 || c.placeOverlap(s, e) {
		return personCand{}, false
	}
	sl, class := surnames.Longest(c.rs, s)
	if sl == 0 || class == 3 || n-sl < 1 || n-sl > 2 {
		return personCand{}, false
	}
	for _, r := range c.rs[s+sl : e] {
		if !isHan(r) || notGivenSet.has(r) {
			return personCand{}, false
		}
	}
	if k := c.startTok[s]; k == c.endTok[e] {
		switch c.toks[k].Pos {
		case "ns", "nt", "nz", "t", "m", "j", "v", "a", "d":
			return personCand{}, false // one known word that is no name
		}
	}
	return personCand{start: s, end: e}, true
}

// knownName is a name found in the document, or the given name of one.
type knownName struct {
	rs    []rune
	given bool
	weak  bool // accepted without strong context, and a word of the dictionary
}

// knownNames holds the names found in a document, by first character: a
// handful per document, so a short list beats building a trie.
type knownNames map[rune][]knownName

func (k knownNames) add(name []rune, given, weak bool) {
	if len(name) == 0 {
		return
	}
	for _, n := range k[name[0]] {
		if slices.Equal(n.rs, name) {
			return
		}
	}
	k[name[0]] = append(k[name[0]], knownName{name, given, weak})
}

// longest returns the longest known name at rs[i:] (nil when none).
func (k knownNames) longest(rs []rune, i int) *knownName {
	var best *knownName
	if i >= len(rs) {
		return nil
	}
	for j, n := range k[rs[i]] {
		if (best == nil || len(n.rs) > len(best.rs)) && i+len(n.rs) <= len(rs) && slices.Equal(rs[i:i+len(n.rs)], n.rs) {
			best = &k[rs[i]][j]
		}
	}
	return best
}

// remember adds an accepted name to the known names, and its given name
// when it stands for the person: 周恩来 → 恩来.
func (c *personCtx) remember(known knownNames, best personCand) {
	if best.end-best.start < 2 {
		return
	}
	if !best.strong && best.end-best.start == 3 && c.freq(string(c.rs[best.start+1:best.end])) >= personGivenFreq {
		c.d.traceRule(ruleNotRepeated, Adjust, best.start, best.end)
		return
	}
	weak := !best.strong && c.freq(string(c.rs[best.start:best.end])) > 0
	known.add(c.rs[best.start:best.end], false, weak)
	if sl, _ := surnames.Longest(c.rs, best.start); sl == 1 && best.end-best.start == 3 {
		if g := c.rs[best.start+1 : best.end]; c.freq(string(g)) < personGivenFreq {
			known.add(g, true, weak)
		}
	}
}

// repeatKnown is the second pass: the names known from this document,
// wherever the segmenter cuts them cleanly, beside the names found.
func (c *personCtx) repeatKnown(found []personCand, known knownNames) []personCand {
	var out []personCand
	fi := 0
	for k := 0; k < len(c.toks); k++ {
		i := c.toks[k].Start
		if fi < len(found) && found[fi].start == i {
			out = append(out, found[fi])
			if e := c.endTok[found[fi].end]; e > k {
				k = e
			}
			fi++
			continue
		}
		kn := known.longest(c.rs, i)
		if kn == nil || c.endTok[i+len(kn.rs)] < 0 {
			continue
		}
		n, given := len(kn.rs), kn.given
		if c.placeHead(i+n) || c.numeralUnit(i) {
			c.d.traceRule(ruleKnownAtHead, Reject, i, i+n)
			continue
		}
		if kn.weak && c.context(i, i+n).cues == 0 {
			c.d.traceRule(ruleWeakKnown, Reject, i, i+n)
			continue
		}
		if fi < len(found) && found[fi].start < i+n {
			continue
		}
		if given {
			c.d.traceRule(ruleKnownGiven, Accept, i, i+n)
		} else {
			c.d.traceRule(ruleKnownName, Accept, i, i+n)
		}
		out = append(out, personCand{start: i, end: i + n})
		k = c.endTok[i+n]
	}
	return out
}

// personBodyNouns, after 等 closing a list, make it a list of bodies,
// brands, products or events.
var personBodyNouns = setLexicon(cueWords("body_nouns"))

// bodyList reports whether [start,end) is an item of a list closed by 等
// and a noun of bodies, brands, products or events: 甲、乙等企业.
func (c *personCtx) bodyList(start, end int) bool {
	rs := c.rs
	j := end
	for items := 0; items < 12 && j < len(rs) && rs[j] == '、'; items++ {
		k := j + 1
		for k < len(rs) && k-j <= 12 && !strings.ContainsRune("、等，。；：！？\n", rs[k]) {
			k++
		}
		j = k
	}
	if j >= len(rs) || rs[j] != '等' {
		return false
	}
	// the noun may follow a qualifier: 等行业领军企业, 等3家企业
	for i := j + 1; i <= j+7 && i < len(rs) && !strings.ContainsRune("、，。；：！？\n", rs[i]); i++ {
		found := false // a noun of two to five characters at i
		personBodyNouns.Prefixes(rs[:min(i+5, len(rs))], i, func(n int, _ bool) { found = found || n >= 2 })
		if found {
			return true
		}
	}
	return false
}

// listOfWords reports whether an item next to [start,end) in a list is an
// ordinary word of the dictionary (not a name): 参事、史志、文史, 楼宇、园区.
func (c *personCtx) listOfWords(start, end int) bool {
	word := func(k int) bool {
		if k < 0 || k >= len(c.toks) {
			return false
		}
		t := c.toks[k]
		return t.End-t.Start >= 2 && !personTag(t.Pos) && t.Pos != "ns" && c.freq(t.Text) > 0
	}
	sep := func(i int) bool {
		return i < 0 || i >= len(c.rs) || personListSepSet.has(c.rs[i])
	}
	if end < len(c.rs) && c.rs[end] == '、' {
		if k := c.startTok[min(end+1, len(c.rs))]; k >= 0 && word(k) && sep(c.toks[k].End) {
			return true
		}
	}
	if start > 0 && c.rs[start-1] == '、' {
		if k := c.endTok[start-1]; k >= 0 && word(k) && sep(c.toks[k].Start-1) {
			return true
		}
	}
	return false
}
