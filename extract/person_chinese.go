package extract

// Chinese names: a surname from the surname list (single or double, with a
// frequency class) and a given name of one or two characters, cut by the
// segmenter at both ends. Local officials are in no dictionary, so a name
// is recognized from its shape and its context, not from a list of names.
// Each candidate (a surname and a given-name length) is described once by
// a nameFeatures value and decided by three ordered tables: the vetoes that
// need no context (personShapeVetoes), the vetoes that do (personVetoes)
// and the acceptances (personAccepts), whose last rule rejects what none
// accepts. The longest accepted candidate at a token wins.

// nameFeatures describes one candidate Chinese name and its surroundings.
type nameFeatures struct {
	c          *personCtx
	k, ke      int // first and last token of the span
	start, end int
	sl, gl     int // surname and given-name lengths
	class      int // surname class: 1 frequent … 3 rare or mostly a morpheme
	single     bool
	pos        string // tag of the first token
	givenOK    bool   // the given name holds Chinese characters and no function character
	plausible  bool   // every given character is common in given names
	personContext
	shape int // given characters common in given names (raised for dictionary names)
	lex1  bool
	lex2  bool
}

// tokFreq returns the dictionary frequency of the first token, looked up
// when a rule first asks for it.
func (f *nameFeatures) tokFreq() float64 { return f.c.tokenFreq(f.k) }

// tokenFreq returns the dictionary frequency of token k, looked up once
// for the candidates that start with it.
func (c *personCtx) tokenFreq(k int) float64 {
	if c.freqTok != k {
		c.freqTok, c.tokFreq = k, c.freq(c.toks[k].Text)
	}
	return c.tokFreq
}

// given returns the given name.
func (f *nameFeatures) given() string { return string(f.c.rs[f.start+f.sl : f.end]) }

// givenFreq returns the dictionary frequency of the given name.
func (f *nameFeatures) givenFreq() float64 { return f.c.freq(f.given()) }

// nameTagged reports whether the single token is tagged a personal name.
func (f *nameFeatures) nameTagged() bool { return f.single && (f.pos == "nr" || f.pos == "nrfg") }

// otherTag reports whether the single token has a tag the name rules
// read as no name (a common word): not nr, nrfg, nrt, ns, nz, nt or j.
func (f *nameFeatures) otherTag() bool {
	switch f.pos {
	case "nr", "nrfg", "nrt", "ns", "nz", "nt", "j":
		return false
	}
	return f.single
}

// cutShort reports whether the segmenter cut the name short (孙家|正): the
// first token is the surname and one character, tagged a name, and one
// plausible character follows as the last token.
func (f *nameFeatures) cutShort() bool {
	first := f.c.toks[f.k]
	fl := first.End - first.Start
	return personTag(first.Pos) && fl == f.sl+1 && f.ke == f.k+1 && f.end-first.End == 1 && givenSet.has(f.c.rs[f.end-1])
}

// firstLonger reports whether the first token runs past the surname.
func (f *nameFeatures) firstLonger() bool {
	first := f.c.toks[f.k]
	return !f.single && first.End-first.Start > f.sl
}

// personShapeVetoes decide a candidate before its context is read: most
// name-shaped spans fail here.
var personShapeVetoes = newRuleTable("person",
	rule[nameFeatures]{"person.given_not_name_char", "a given name holds only Chinese characters and no function character (的, 了, 在, 省 …)", Reject,
		func(f *nameFeatures) bool { return !f.givenOK }},
	rule[nameFeatures]{"person.rare_surname_implausible", "a rare surname (于, 和, 常) needs a given name made of common given-name characters, unless gse tags the whole a name", Reject,
		func(f *nameFeatures) bool {
			return f.class == 3 && !f.plausible && !(f.single && f.gl == 2 && (f.pos == "nr" || f.pos == "nrfg"))
		}},
	rule[nameFeatures]{"person.reduplication", "a surname doubled is a reduplicated word, no name (谢谢, 常常)", Reject,
		func(f *nameFeatures) bool { return f.gl == 1 && f.c.rs[f.start+f.sl] == f.c.rs[f.start] }},
	rule[nameFeatures]{"person.org_tag", "one word gse tags an organization or abbreviation is no name", Reject,
		func(f *nameFeatures) bool { return f.single && (f.pos == "nt" || f.pos == "j") }},
	rule[nameFeatures]{"person.word_after_name", "a character that follows names (在, 因, 说) ends no three-character name unless gse tags the whole a name (宋健|在)", Reject,
		func(f *nameFeatures) bool {
			return f.gl == 2 && personAfterSet.has(f.c.rs[f.end-1]) && !(f.single && personTag(f.pos))
		}},
	rule[nameFeatures]{"person.numeral_unit", "万, 千, 百 or 亿 after a number is a unit of a count, not a surname (110万人)", Reject,
		func(f *nameFeatures) bool { return f.c.numeralUnit(f.start) }},
	rule[nameFeatures]{"person.place_overlap", "a span the place stage found as a place is no name (张家口, 伊拉克)", Reject,
		func(f *nameFeatures) bool { return f.c.placeOverlap(f.start, f.end) }},
	rule[nameFeatures]{"person.given_is_title", "a given name that is a title makes a surname and title (孙先生, 王老师)", Reject,
		func(f *nameFeatures) bool {
			n, _ := titleFwd.Longest(f.c.rs[:f.end], f.start+f.sl)
			return n == f.gl
		}},
	rule[nameFeatures]{"person.span_is_title", "a span that is or opens with a title of two characters or more is an office (司令员, 董事长)", Reject,
		func(f *nameFeatures) bool {
			n, _ := titleFwd.Longest(f.c.rs[:f.end], f.start)
			return n == f.end-f.start || n >= 2
		}},
)

// personVetoes decide a candidate from its context and the dictionary.
var personVetoes = newRuleTable("person",
	rule[nameFeatures]{"person.lone_verb_after", "a lone verb closing the phrase after the span makes the span its first part (惠民|生、, 惠民|生的)", Reject,
		func(f *nameFeatures) bool { return !f.strong && f.c.loneVerbAfter(f) }},
	rule[nameFeatures]{"person.place_tagged_last", "a last character that is a place head gse tags a place makes a place name (伊敏|河)", Reject,
		func(f *nameFeatures) bool {
			lt := f.c.toks[f.ke]
			return !f.strong && !f.single && lt.End-lt.Start == 1 && lt.Pos == "ns" && placeHeadSet.has(f.c.rs[f.end-1])
		}},
	rule[nameFeatures]{"person.common_noun_last", "a last character that heads common nouns ends no name without strong context (许可证, 严重性, 常见病, 安全观, 施工图)", Reject,
		func(f *nameFeatures) bool { return !f.strong && notLastSet.has(f.c.rs[f.end-1]) }},
	rule[nameFeatures]{"person.body_or_place_name", "a name-shaped word inside an organization or before a place or facility head is part of that name (李宁集团, 王家坝村, 贝尔大街, 向阳幼儿园)", Reject,
		func(f *nameFeatures) bool {
			return !f.strong && (f.c.inOrg[f.start] && f.c.inOrg[f.end-1] || f.c.placeHead(f.end))
		}},
	rule[nameFeatures]{"person.compound_first_word", "a three-character word whose surname and first given character form a frequent word, with a given name not made of given-name characters, is a compound (师范生, 文化节, 商贸城)", Reject,
		func(f *nameFeatures) bool {
			return !f.strong && f.sl == 1 && f.gl == 2 && f.shape < 2 && f.c.freq(string(f.c.rs[f.start:f.start+2])) >= personCompoundFreq
		}},
	rule[nameFeatures]{"person.bracket_word", "in brackets, a word of the dictionary not tagged a name, a frequent one, or one ending in a head of common nouns is no byline (（文化馆）, （管控）, （农家乐）)", Reject,
		func(f *nameFeatures) bool {
			if f.cues&strongCues != cueBracketName {
				return false
			}
			return notLastSet.has(f.c.rs[f.end-1]) || f.single && f.tokFreq() > 0 && (!f.nameTagged() || f.tokFreq() >= personRareFreq)
		}},
	rule[nameFeatures]{"person.list_of_words", "a list item next to an ordinary word of the dictionary, without a verb or an office, is a word of a list of nouns (参事、史志、文史, 楼宇、园区)", Reject,
		func(f *nameFeatures) bool { return !f.strong && !f.verb && f.c.listOfWords(f.start, f.end) }},
	rule[nameFeatures]{"person.body_list", "an item of a list closed by 等 and a noun of bodies, brands or events is no name without an office or a verb (甲、乙等企业)", Reject,
		func(f *nameFeatures) bool { return !f.strong && !f.verb && f.c.bodyList(f.start, f.end) }},
	rule[nameFeatures]{"person.modifier_of_job", "a dictionary word in use, or a rare surname and a character, before a job noun qualifies the noun as adjectives do (卓越企业家, 高水平工程师)", Reject,
		func(f *nameFeatures) bool {
			after := f.cues&strongCues == cueTitleAfter && f.jobAfter
			return after && (f.single && f.tokFreq() >= personRareFreq || f.class == 3)
		}},
	rule[nameFeatures]{"person.word_after_org", "a dictionary word in use right after an organization qualifies what follows, it names no member (成都大学高水平发展)", Reject,
		func(f *nameFeatures) bool {
			return f.cues&strongCues == cueOrgBefore && f.single && f.tokFreq() >= personRareFreq
		}},
	rule[nameFeatures]{"person.feature_name", "a three-character word gse tags a name, ending in 山, 江, 河, 海 or 湖, with no context around it, names a mountain or a river (岳麓山, 牛栏江, 阳宗海)", Reject,
		func(f *nameFeatures) bool {
			return f.cues == 0 && f.single && f.gl == 2 && personFeatureSet.has(f.c.rs[f.end-1])
		}},
	rule[nameFeatures]{"person.modifier_of_noun", "a dictionary word with no context at all, written inside a phrase and right before a noun, qualifies the noun (发展楼宇经济, 推动高精尖产业)", Reject,
		func(f *nameFeatures) bool {
			return f.cues == 0 && f.single && f.c.nounAfter(f.end) && f.c.inPhrase(f.start) && f.tokFreq() > 0
		}},
	rule[nameFeatures]{"person.rare_surname_bracket", "brackets alone are no context for a rare surname: a place or a word in a note (（东延）, （南延）)", Reject,
		func(f *nameFeatures) bool { return f.class == 3 && f.cues&strongCues == cueBracketName }},
	rule[nameFeatures]{"person.object_word", "a two-character dictionary word with no context, the object of a verb, is a word (发来贺信)", Reject,
		func(f *nameFeatures) bool {
			if f.cues != 0 || !f.single || f.gl != 1 || f.k == 0 {
				return false
			}
			p := f.c.toks[f.k-1]
			return p.End == f.start && p.End-p.Start >= 2 && personVerbTag(p.Pos) && !personVerbsBefore.has(p.Text)
		}},
	rule[nameFeatures]{"person.quoted_phrase", "a word opening a phrase in quotes, without an office or a verb, names a campaign, a brand or a slogan (“金穗服务惠万家”)", Reject,
		func(f *nameFeatures) bool {
			return !f.strong && !f.verb && f.start > 0 && isOpenQuote(f.c.rs[f.start-1]) &&
				f.end < len(f.c.rs) && !isCloseQuote(f.c.rs[f.end])
		}},
	rule[nameFeatures]{"person.compound_after_noun", "a two-character dictionary word right after a common noun, with only 、 or 等 around it, is a compound (档案|史志、)", Reject,
		func(f *nameFeatures) bool {
			if !f.single || f.k == 0 || f.gl != 1 || f.strong || f.verb || !f.weak {
				return false
			}
			p := f.c.toks[f.k-1]
			return p.Pos == "n" && p.End == f.start && titleKind(p.Text) == "" && f.tokFreq() > 0
		}},
	rule[nameFeatures]{"person.role_noun_word", "after a job or role noun, a two-character dictionary word stays a word (居民|养老, 职工|基本)", Reject,
		func(f *nameFeatures) bool { return f.single && f.gl == 1 && f.job && f.tokFreq() >= personRareFreq }},
	rule[nameFeatures]{"person.frequent_tagged_word", "a frequent two-character word is no name though gse tags it one, unless an office names it or, if less frequent, a verb takes it (文明, 道德, 修正)", Reject,
		func(f *nameFeatures) bool {
			return f.nameTagged() && f.gl == 1 && !f.strong && (f.tokFreq() > personCommonFreq || !f.verb && f.tokFreq() > personListFreq)
		}},
	rule[nameFeatures]{"person.common_given_part", "a dictionary name whose given part is a common word needs strong context or a verb (高|水平, not 何|长工)", Reject,
		func(f *nameFeatures) bool {
			return f.nameTagged() && f.gl == 2 && !f.strong && f.givenFreq() >= personGivenFreq &&
				!(f.verb && f.tokFreq() >= personRareFreq) && f.shape < 2
		}},
	rule[nameFeatures]{"person.place_tag", "a word gse tags a place is a name only after an office (国务委员罗干)", Reject,
		func(f *nameFeatures) bool { return f.single && f.pos == "ns" && !f.strong }},
	rule[nameFeatures]{"person.proper_noun_tag", "a word gse tags another proper noun is a name only after an office (省长回良玉)", Reject,
		func(f *nameFeatures) bool { return f.single && f.pos == "nz" && !f.strong }},
	rule[nameFeatures]{"person.frequent_common_noun", "a frequent common noun of three characters is no name without strong context", Reject,
		func(f *nameFeatures) bool {
			return f.otherTag() && f.gl == 2 && !f.strong && f.shape < 2 && f.pos == "n" && f.tokFreq() >= personCommonFreq
		}},
	rule[nameFeatures]{"person.dictionary_word", "a dictionary word in use, with no name tag on it or on its given part, needs an office or a byline (高利贷, not 周|恩来)", Reject,
		func(f *nameFeatures) bool {
			return f.otherTag() && f.gl == 2 && !f.strong && f.tokFreq() >= personRareFreq && !personTag(f.c.pos(f.given()))
		}},
	rule[nameFeatures]{"person.known_word", "one known word that is no name stays a word (乌克兰, 高兴) unless strong context names a three-character one", Reject,
		func(f *nameFeatures) bool {
			if !f.otherTag() || f.gl == 2 && f.shape >= 1 && f.givenFreq() < personGivenFreq {
				return false
			}
			return !f.strong || f.gl == 1 && f.tokFreq() >= personRareFreq
		}},
	rule[nameFeatures]{"person.word_and_verb", "a surname and one character that gse keeps as one frequent word, or that a verb follows, is no name without strong context (文明|城, 惠民|生)", Reject,
		func(f *nameFeatures) bool {
			return f.firstLonger() && f.cutShort() && !f.strong && (f.tokFreq() >= personCommonFreq || personVerbTag(f.c.toks[f.ke].Pos))
		}},
	rule[nameFeatures]{"person.surname_inside_word", "a surname inside a longer word is no name without strong context, nor after a role noun when the word is in use (企业家|安心|谋)", Reject,
		func(f *nameFeatures) bool {
			return f.firstLonger() && !f.cutShort() && (!f.strong || f.job && !personTag(f.pos) && f.tokFreq() >= personRareFreq)
		}},
	rule[nameFeatures]{"person.name_starts_later", "a later token that gse tags a name and that opens with a surname as frequent holds the name (和|李鹏, 万|马克)", Reject,
		func(f *nameFeatures) bool { return f.c.nameStartsLater(f) }},
	rule[nameFeatures]{"person.given_is_word", "a given name that is an ordinary word of two characters is no given name (王|国家)", Reject,
		func(f *nameFeatures) bool { return f.c.givenIsWord(f) }},
	rule[nameFeatures]{"person.split_surname_fragment", "a single content character split off right before a surname cut from its given name binds with the surname (学史|崇德)", Reject,
		func(f *nameFeatures) bool {
			if f.single || f.k == 0 || f.strong {
				return false
			}
			pr := []rune(f.c.toks[f.k-1].Text)
			return len(pr) == 1 && !funcCharSet.has(pr[0]) && isHan(pr[0])
		}},
).tryFirst("person.known_word", "person.modifier_of_noun", "person.object_word") // the rules that decide most candidates that reach the table

// personAccepts decide a candidate that no veto stopped; the last rule
// rejects what none accepts.
var personAccepts = newRuleTable("person",
	rule[nameFeatures]{"person.rare_surname_strong", "a rare surname with strong context needs a fully plausible given name", Accept,
		func(f *nameFeatures) bool { return f.strong && f.class == 3 && f.shape == f.gl }},
	rule[nameFeatures]{"person.rare_surname_strong_implausible", "a rare surname with strong context and a given name not fully plausible is no name (建设富美黔西)", Reject,
		func(f *nameFeatures) bool { return f.strong && f.class == 3 }},
	cueRule("person.office_before", "an office or job written right before accepts any name shape (县长王立, 记者何志勇)", cueTitleBefore),
	cueRule("person.byline_cue", "a byline cue right before accepts any name shape (作者:杨光辉, 通讯员何志勇)", cueByline),
	cueRule("person.list_next", "the item right after a name and 、 is a name when it has a name's shape", cueListNext),
	cueRule("person.org_before", "an organization written right before a three-character name accepts it (市委宣传部赵巍巍)", cueOrgBefore),
	cueRule("person.elected_as", "a verb taking a person before the name and 为 after it accept it (选举杨正午为县长)", cueElectedAs),
	cueRule("person.note_after", "ethnicity or sex in brackets after the name accepts it (黄任文（壮族）, 李某（女）)", cueNoteAfter),
	cueRule("person.place_byline", "place and name alone in brackets are a byline (（河南开封市牛建海）)", cuePlaceByline),
	cueRule("person.drawn_by", "a name before 摄, 作, 绘 or 摘 closing a bracket is a byline (（陆敬平摄）, （张滨作）)", cueDrawnBy),
	cueRule("person.rank_after", "a player's rank in go or chess after the name accepts it (王磊六段)", cueRank),
	cueRule("person.name_line", "a line that is only a name, or a name and a note of pictures, is a byline (邱娥国（附图片１张）)", cueNameLine),
	cueRule("person.bracket_name", "a name alone in brackets is a byline (（李红梅）), unless it is a note (（蒙古族）, （左一）)", cueBracketName),
	cueRule("person.appointed_to", "为 and an office after a name: elected or appointed to it (徐山林、李逢滋为副主任)", cueAppointed),
	cueRule("person.office_after", "an office or form of address right after accepts any name shape (习近平总书记, 张建国主任, 李飞副教授)", cueTitleAfter),
	cueRule("person.doctrine_after", "a doctrine of today's documents written after the name accepts it (习近平法治思想)", cueDoctrineAfter),
	cueRule("person.headline_verb", "a line opening with the name and 会见, 视察 … is a headline about that person (张万年会见…)", cueHeadline),
	rule[nameFeatures]{"person.rare_surname_weak", "a rare surname without strong context needs gse's name tag, a verb taking a person and a fully plausible given name (成思危说; not 常修…、常怀…)", Accept,
		func(f *nameFeatures) bool { return f.class == 3 && f.lex2 && f.verb && f.shape == f.gl }},
	rule[nameFeatures]{"person.rare_surname_unsupported", "a rare surname or one that is mostly a morpheme (富, 于, 和) needs strong context or all the other evidence", Reject,
		func(f *nameFeatures) bool { return f.class == 3 }},
	rule[nameFeatures]{"person.tagged_three", "a three-character name that gse tags a name, with a plausible given character", Accept,
		func(f *nameFeatures) bool { return f.gl == 2 && f.lex2 && f.shape >= 1 }},
	rule[nameFeatures]{"person.tagged_surname_three", "a surname gse tags a name and a fully plausible two-character given name, with weak context or cut in three", Accept,
		func(f *nameFeatures) bool { return f.gl == 2 && f.lex1 && f.shape == 2 && (f.weak || f.ke-f.k == 2) }},
	rule[nameFeatures]{"person.plausible_three", "a surname cut off from two plausible given characters, with weak context or a frequent surname", Accept,
		func(f *nameFeatures) bool {
			return f.gl == 2 && f.shape == 2 && (f.weak || f.class == 1) && f.ke-f.k == 2
		}},
	rule[nameFeatures]{"person.tagged_two", "a two-character word gse tags a name, with a plausible given character and weak context, or rare in the dictionary", Accept,
		func(f *nameFeatures) bool {
			return f.gl == 1 && f.lex2 && f.shape == 1 && (f.weak || f.single && f.tokFreq() < personRareFreq)
		}},
	rule[nameFeatures]{"person.tagged_surname_two", "a frequent surname gse tags a name and a plausible given character gse tags a name", Accept,
		func(f *nameFeatures) bool {
			return f.gl == 1 && f.class == 1 && f.ke == f.k+1 && f.lex1 && f.shape == 1 && personTag(f.c.toks[f.ke].Pos)
		}},
	rule[nameFeatures]{"person.no_evidence", "a name shape without the context or dictionary support of any rule above is no name", Reject,
		func(f *nameFeatures) bool { return true }},
)

// personFeatureHeads end the names of mountains, rivers, lakes and seas.
var personFeatureHeads = cueChars("feature_head_chars")

// personFeatureSet holds personFeatureHeads.
var personFeatureSet = newRuneSet(personFeatureHeads)

// isOpenQuote reports whether r opens a quotation: “, 「 or 『.
func isOpenQuote(r rune) bool { return r == '“' || r == '「' || r == '『' }

// isCloseQuote reports whether r closes a quotation: ”, 」 or 』.
func isCloseQuote(r rune) bool { return r == '”' || r == '」' || r == '』' }

// cueRule accepts a candidate whose strongest cue is cue.
func cueRule(name, doc string, cue personCue) rule[nameFeatures] {
	return rule[nameFeatures]{name, doc, Accept, func(f *nameFeatures) bool { return f.cues&cue != 0 }}
}

// nounAfter reports whether a noun of two characters or more that is no
// title and no verb of speech starts at i.
func (c *personCtx) nounAfter(i int) bool {
	if i >= len(c.rs) || c.startTok[i] < 0 {
		return false
	}
	t := c.toks[c.startTok[i]]
	switch t.Pos {
	case "n", "vn", "nz", "an":
	default:
		return false
	}
	return t.End-t.Start >= 2 && titleKind(t.Text) == "" && !personVerbs.has(t.Text)
}

// inPhrase reports whether the token ending at i is a content word of two
// characters or more (a verb, a noun, an adjective), not punctuation, a
// function word or the start of a line.
func (c *personCtx) inPhrase(i int) bool {
	if i == 0 || c.endTok[i] < 0 {
		return false
	}
	t := c.toks[c.endTok[i]]
	if t.End-t.Start < 2 || personVerbsBefore.has(t.Text) || titleKind(t.Text) != "" {
		return false
	}
	switch t.Pos[:min(1, len(t.Pos))] {
	case "v", "n", "a":
		return true
	}
	return false
}

// loneVerbAfter reports whether a lone verb token closes the phrase right
// after the span (before a non-Chinese character), or follows a
// two-character dictionary word tagged a name.
func (c *personCtx) loneVerbAfter(f *nameFeatures) bool {
	end := f.end
	if end+1 >= len(c.rs) || c.startTok[end] < 0 || c.endTok[end+1] < 0 {
		return false
	}
	if isHan(c.rs[end+1]) && !(end-f.start == 2 && personTag(f.pos) && f.tokFreq() >= personRareFreq) {
		return false
	}
	nt := c.toks[c.startTok[end]]
	return personVerbTag(nt.Pos) && !personVerbs.has(nt.Text) && !funcCharSet.has(c.rs[end])
}

// nameStartsLater reports whether a later token of the span is tagged a
// name and opens with a surname at least as frequent as the candidate's.
func (c *personCtx) nameStartsLater(f *nameFeatures) bool {
	if f.strong && f.class != 3 {
		return false
	}
	for j := f.k + 1; j <= f.ke; j++ {
		tj := c.toks[j]
		if personTag(tj.Pos) && tj.End-tj.Start >= 2 {
			if cl, ok := surnames.Get(string(c.rs[tj.Start : tj.Start+1])); ok && cl <= f.class {
				return true
			}
		}
	}
	return false
}

// givenIsWord reports whether a later token of the span is an ordinary
// word of two characters or more (not tagged a name), one frequent in the
// dictionary when the context is strong.
func (c *personCtx) givenIsWord(f *nameFeatures) bool {
	for j := f.k + 1; j <= f.ke; j++ {
		tj := c.toks[j]
		if !personTag(tj.Pos) && tj.End-tj.Start >= 2 && (!f.strong || c.freq(tj.Text) > personCommonFreq) {
			return true
		}
	}
	return false
}

// lexical fills lex1, lex2 and raises shape from what the dictionary says
// about a candidate that no veto stopped.
func (c *personCtx) lexical(f *nameFeatures) {
	if f.single {
		switch f.pos {
		case "nr", "nrfg":
			f.lex2 = true
			if f.gl == 2 && f.givenFreq() < personGivenFreq {
				f.shape = max(f.shape, 2) // a dictionary name whose given part is no word: 何长工
			} else if f.gl == 2 && !f.strong && f.verb && f.tokFreq() >= personRareFreq {
				f.shape = max(f.shape, 1) // a known name with a verb after it: 金大中说
			}
		case "nrt":
			f.lex1 = true
		case "ns", "nz":
			f.lex2 = true
		default:
			f.lex2 = f.gl == 2 && f.shape >= 1 && f.givenFreq() < personGivenFreq
		}
		return
	}
	first := c.toks[f.k]
	f.lex1 = personTag(first.Pos) && first.End-first.Start == f.sl
	if f.firstLonger() && f.cutShort() {
		f.lex2 = true
	}
	for j := f.k + 1; j <= f.ke; j++ {
		tj := c.toks[j]
		if personTag(tj.Pos) && (f.lex1 || tj.End-tj.Start == 2 && j == f.ke && first.End-first.Start == f.sl) {
			f.lex2 = true // 谭|利华: a surname, then a given name gse tags a name
		}
	}
}

// decideName runs the tables on one candidate and reports whether it is
// accepted.
func (c *personCtx) decideName(f *nameFeatures) bool {
	d := c.d
	if personShapeVetoes.decide(d, f, f.start, f.end) != nil {
		return false
	}
	f.personContext = c.context(f.start, f.end)
	for _, r := range c.rs[f.start+f.sl : f.end] {
		if givenSet.has(r) {
			f.shape++
		}
	}
	if personVetoes.decide(d, f, f.start, f.end) != nil {
		return false
	}
	c.lexical(f)
	r := personAccepts.decide(d, f, f.start, f.end)
	return r != nil && r.verdict == Accept
}

// chineseAt returns the longest accepted Chinese name starting at token
// k, or start -1.
func (c *personCtx) chineseAt(k int) (best personCand) {
	t := &c.toks[k]
	i := t.Start
	best.start = -1
	f := &c.name
	surnames.Prefixes(c.rs, i, func(sl int, class int) {
		for gl := 1; gl <= 2; gl++ {
			e := i + sl + gl
			if e > len(c.rs) || c.endTok[e] < 0 {
				continue
			}
			ke := c.endTok[e]
			if ke-k > 2 || best.start >= 0 && e <= best.end {
				continue // too many pieces, or no longer than the name found
			}
			*f = nameFeatures{c: c, k: k, ke: ke, start: i, end: e, sl: sl, gl: gl, class: class,
				single: k == ke, pos: t.Pos, givenOK: true, plausible: true}
			for _, r := range c.rs[i+sl : e] {
				if !isHan(r) || notGivenSet.has(r) {
					f.givenOK = false
				}
				f.plausible = f.plausible && givenSet.has(r)
			}
			if c.decideName(f) {
				best = personCand{start: i, end: e, strong: f.strong}
			}
		}
	})
	return best
}
