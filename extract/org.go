package extract

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tongbao/tongbao/segment"
)

// Organization extraction (stage 50).
//
// An organization is found from its head: a complete name from the embedded
// list (国务院, 县委, 人大办, 新华社), a word ending in an organization
// suffix (宣传部, 文化遗产保护中心, 中国银行), or a word gse tags nt. From the
// head the name is extended leftwards over the words that may stand inside a
// name: places, other organizations, nouns and a level prefix (县, 省, 市):
// 县 + 文化 + 遗产 + 保护 + 中心. The extension stops at verbs that open the
// name, function words, punctuation, numbers, person names and titles.
// Adjacent organizations are merged (中共中央国务院), as in People's Daily
// annotation. A suffix that is a common noun on its own (政府, 公司, 中心)
// needs a prefix with a proper element (a place, an organization, an
// abbreviation or a national prefix such as 中央, 国家, 全国).
//
// A sub-unit written right after a body is part of its name (农业厅科教处,
// 宣传部新闻科); one plain character before a common head names a kind of
// body (党组织, 新政府), not a body.
//
// When the document's home county is known, a name that starts with the bare
// level character of that county (县人大常委会) gets Expanded with the
// county's name (黔西县人大常委会).

//go:embed data/org_suffixes.txt
var orgData string

const (
	orgName   = 1 // a complete organization on its own
	orgSuffix = 2 // a head word that needs a prefix
)

var (
	orgOnce     sync.Once
	orgNames    *lexicon[int]   // complete names
	orgSuffixes map[string]bool // head words, key is the suffix
	orgSufRev   *lexicon[int]   // suffixes reversed, for matching at a word end
	orgNameRev  *lexicon[int]   // complete names reversed
	// orgLastRunes holds the last characters of names and suffixes.
	orgLastRunes = new(runeSet)
	// orgNamePairs holds the first two characters of the complete names.
	orgNamePairs = new(runePairs)
)

// runePairs is a one-hash Bloom filter of pairs of characters, 1<<16 bits:
// a pair not in it is in no word it was built from.
type runePairs [1 << 10]uint64

func runePairHash(r1, r2 rune) uint32 {
	return (uint32(r1)*2654435761 ^ uint32(r2)*40503) >> 16
}

func (p *runePairs) add(r1, r2 rune) {
	h := runePairHash(r1, r2)
	p[h>>6] |= 1 << (h & 63)
}

func (p *runePairs) has(r1, r2 rune) bool {
	h := runePairHash(r1, r2)
	return p[h>>6]&(1<<(h&63)) != 0
}

// orgTokWords holds, for each word some rule of orgHeadRules looks up
// whole, the lists that hold it (orgTok* bits), set once by loadOrgs: a
// head candidate is looked up once rather than once per list.
var orgTokWords map[string]uint8

// orgTokEnds holds the first and last characters of the words of
// orgTokWords: a word whose pair is not in it is in none of the lists,
// found without hashing the word.
var orgTokEnds = new(runePairs)

// The lists of orgTokWords.
const (
	orgTokArmy   = 1 << iota // orgWords.army
	orgTokNotOrg             // notOrgWords
	orgTokSuffix             // orgSuffixes
	orgTokTitle              // the title words (isTitleWord)
	orgTokName               // the complete names (orgNames)
)

func loadOrgs() {
	orgOnce.Do(func() {
		loadPersons() // the title words
		orgTokWords = map[string]uint8{}
		mark := func(m map[string]bool, bit uint8) {
			for w, ok := range m {
				if ok {
					orgTokWords[w] |= bit
				}
			}
		}
		orgNames = newLexicon[int]()
		orgSuffixes = map[string]bool{}
		orgSufRev = newLexicon[int]()
		orgNameRev = newLexicon[int]()
		readWordList(orgData, func(f []string) {
			if len(f) < 2 {
				return
			}
			r, _ := utf8.DecodeLastRuneInString(f[0])
			orgLastRunes.add(r)
			switch f[1] {
			case "name":
				orgTokWords[f[0]] |= orgTokName
				orgNames.Add(f[0], orgName)
				orgNameRev.Add(orgReverse(f[0]), orgName)
			case "suffix":
				orgSuffixes[f[0]] = true
				orgSufRev.Add(orgReverse(f[0]), utf8.RuneCountInString(f[0]))
			}
		})
		orgNames.FirstRunes(func(r, r2 rune, one bool) {
			if !one {
				orgNamePairs.add(r, r2)
			}
		})
		mark(orgWords.army, orgTokArmy)
		mark(notOrgWords, orgTokNotOrg)
		mark(orgSuffixes, orgTokSuffix)
		for w := range titleKinds {
			orgTokWords[w] |= orgTokTitle
		}
		for w := range orgTokWords {
			r1, _ := utf8.DecodeRuneInString(w)
			r2, _ := utf8.DecodeLastRuneInString(w)
			orgTokEnds.add(r1, r2)
		}
	})
}

func orgReverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// orgSpan is one organization found in the text, in code points.
type orgSpan struct {
	start, end int
	rule       string // the rule that accepted it
}

func isOrgTag(pos string) bool { return pos == "nt" }

// orgInternal reports whether token t may stand inside an organization name
// before its head.
func orgInternal(t segment.Token) bool {
	if orgFirstStop[t.Text] || isTitleWord(t.Text) {
		return false
	}
	r0, size := utf8.DecodeRuneInString(t.Text)
	if size == len(t.Text) && t.Pos != "ns" && t.Pos != "j" && !strings.ContainsRune(orgLevelCountryChars, r0) {
		return false // 讯|新华社: a stray character opens no name
	}
	switch t.Pos {
	case "ns", "nt", "n", "nz", "j", "vn", "b", "an", "nrt", "ng", "l":
		return true
	case "v":
		// 保护 in 文化遗产保护中心; a verb never opens a name (trimmed later)
		return utf8.RuneCountInString(t.Text) == 2 || strings.ContainsRune(orgLevelChars, r0)
	case "a", "d":
		// 特别 in 联合国特别委员会; never opening a name (trimmed later)
		return orgWords.internalAdj[t.Text] || size == len(t.Text) && strings.ContainsRune(orgLevelChars, r0)
	case "zg":
		return size == len(t.Text) && strings.ContainsRune(orgLevelChars, r0)
	}
	return false
}

// titleSuffixLen returns the length of the office word that ends w, when
// w is longer than it.
func titleSuffixLen(w []rune) int {
	loadPersons()
	best := 0
	if len(w) == 0 {
		return 0
	}
	titleRev.Backward(w, 1, len(w), func(n int, kind string) bool {
		if kind == "office" {
			best = n
		}
		return true
	})
	return best
}

// orgCommonFreq is the dictionary frequency above which the words before a
// suffix are a common word (商业 in 商业银行), not part of a name.
const orgCommonFreq = 1000

// commonWord reports whether w is a frequent common word of the document's
// segmenter dictionary (not a place, name or abbreviation).
func commonWord(d *Document, w string) bool {
	f, pos, _ := d.lookup(w)
	switch pos {
	case "ns", "nz", "nt", "j", "nr", "nrt", "nrfg":
		return false
	}
	return f > orgCommonFreq
}

// dictWord reports whether w is a word of the segmenter's dictionary.
func dictWord(d *Document, w string) bool {
	_, _, ok := d.lookup(w)
	return ok
}

// headWord returns the suffix that ends w (w itself when it is a suffix).
func headWord(w string) string {
	rs := []rune(w)
	n, _ := orgSufRev.LongestBackward(rs, 0, len(rs))
	return string(rs[len(rs)-n:])
}

// plainNoun reports whether t is a common noun (not a place or a name).
func plainNoun(t segment.Token) bool {
	return (t.Pos == "n" || t.Pos == "vn") && !orgFirstStop[t.Text]
}

// isProper reports whether a prefix token makes a common suffix a name.
func isProper(d *Document, t segment.Token) bool {
	if properPrefix[t.Text] {
		return true
	}
	switch t.Pos {
	case "ns":
		// gse tags some common words as places (上市): the gazetteer decides
		rs := []rune(t.Text)
		if end, _, ok := matchPlace(rs, 0); ok && end == len(rs) {
			return true
		}
		return !frequentWord(d, t.Text)
	case "nt", "nz", "j", "nrt":
		return true
	}
	rs := []rune(t.Text)
	return len(rs) == 1 && strings.ContainsRune(orgLevelCountryChars, rs[0])
}

// frequentWord reports whether w is more frequent than orgCommonFreq in the
// document's dictionary.
func frequentWord(d *Document, w string) bool {
	f, _, _ := d.lookup(w)
	return f > orgCommonFreq
}

// properOrNamed reports whether t is proper (isProper) or a listed
// organization name.
func properOrNamed(d *Document, t segment.Token) bool {
	if isProper(d, t) {
		return true
	}
	_, ok := orgNames.Get(t.Text)
	return ok
}

// orgHeadF are the features of a token that may head an organization.
type orgHeadF struct {
	d     *Document
	toks  []segment.Token
	k     int
	t     segment.Token
	rs    []rune // the token's runes
	n     int    // length of the listed suffix ending the token (0: none)
	nameN int    // length of the listed complete name ending the token
	lists uint8  // the lists holding the token's word (orgTokWords)
}

// prevInternal reports whether the token before the head may stand inside
// a name.
func (f *orgHeadF) prevInternal() bool { return f.k > 0 && orgInternal(f.toks[f.k-1]) }

// prevPlain reports whether the token before the head is a plain noun.
func (f *orgHeadF) prevPlain() bool { return f.k > 0 && plainNoun(f.toks[f.k-1]) }

// fieldBefore reports whether the token before the head is a field noun
// of two characters or more: no common word of the genre's many kinds of
// body (科研, 农村).
func (f *orgHeadF) fieldBefore() bool {
	if f.k == 0 {
		return false
	}
	p := f.toks[f.k-1]
	return (p.Pos == "n" || p.Pos == "nz" || p.Pos == "l") && utf8.RuneCountInString(p.Text) >= 2 &&
		!orgFirstStop[p.Text] && !orgWords.notField[p.Text] && allHan(p.Text)
}

// single reports whether the head is one character.
func (f *orgHeadF) single() bool { return len(f.rs) == 1 }

// gseOrg reports whether gse tags the word an organization, with a suffix
// and something before it (not a short party name: 民进党).
func (f *orgHeadF) gseOrg() bool {
	return isOrgTag(f.t.Pos) && len(f.rs) > f.n && !(len(f.rs) <= 3 && f.rs[len(f.rs)-1] == '党')
}

// kindPrefix reports whether what comes before the suffix of a gse org
// word names a kind of body: one plain character (党组织, 新政府) or a
// common word (商业银行, 联合政府).
func (f *orgHeadF) kindPrefix() bool {
	rs, n := f.rs, f.n
	if len(rs)-n == 1 && n >= 2 && !strings.ContainsRune(orgLevelCountryChars, rs[0]) {
		return true
	}
	if pre := string(rs[:len(rs)-n]); len(rs)-n >= 2 && !properPrefix[pre] {
		if _, _, ok := matchPlace(rs, 0); !ok && commonWord(f.d, pre) && !orgFieldHeads[string(rs[len(rs)-n:])] {
			return true
		}
	}
	return false
}

// orgHeadRules decide what a token is to an organization name: the head
// of a complete name (accept), a head that needs a proper prefix (adjust),
// or nothing (reject).
var orgHeadRules = newRuleTable("org",
	rule[orgHeadF]{"org.armed_forces", "the armed forces are a body by their own name (人民解放军, 武警, 武警部队)", Accept,
		func(f *orgHeadF) bool { return f.lists&orgTokArmy != 0 }},
	rule[orgHeadF]{"org.standing_committee", "常委会 after 及其 names the standing committee of the body before it (人大及其常委会)", Accept,
		func(f *orgHeadF) bool {
			return f.t.Text == "常委会" && f.k >= 2 && f.toks[f.k-1].Text == "及其"
		}},
	rule[orgHeadF]{"org.not_org_word", "a word ending like an organization that names none (干部, 市场, 大会)", Reject,
		func(f *orgHeadF) bool { return f.lists&(orgTokNotOrg|orgTokSuffix) == orgTokNotOrg }},
	rule[orgHeadF]{"org.title_word", "an office (常委, 书记) is no body", Reject,
		func(f *orgHeadF) bool { return f.lists&orgTokTitle != 0 }},
	rule[orgHeadF]{"org.team_char", "队 standing alone after a word that may stand inside a name heads a team (宝元|队)", Adjust,
		func(f *orgHeadF) bool { return f.single() && f.rs[0] == '队' && f.prevInternal() }},
	rule[orgHeadF]{"org.lone_char", "a one-character head standing alone heads a name only if it is a body character after a plain noun (教育|局)", Reject,
		func(f *orgHeadF) bool {
			return f.single() && (!strings.ContainsRune(orgWords.headChars, f.rs[0]) || !f.prevPlain())
		}},
	rule[orgHeadF]{"org.listed_name", "a complete name of the list (国务院, 县委, 新华社)", Accept,
		func(f *orgHeadF) bool { return f.lists&orgTokName != 0 }},
	rule[orgHeadF]{"org.name_ending", "a word ending in a listed name (联合国安理会, 中国奥委会)", Accept,
		func(f *orgHeadF) bool {
			return f.nameN > 0 && f.nameN < len(f.rs) && (isOrgTag(f.t.Pos) || f.nameN >= 3)
		}},
	rule[orgHeadF]{"org.no_suffix", "a word ending in no organization suffix", Reject,
		func(f *orgHeadF) bool { return f.n == 0 }},
	rule[orgHeadF]{"org.suffix_verb", "a suffix used as a verb (组织 in 研究所组织召开)", Reject,
		func(f *orgHeadF) bool { return f.n == len(f.rs) && f.t.Pos == "v" }},
	rule[orgHeadF]{"org.institution_head", "an institution head (研究院, 图书馆, 美术馆) after a field noun names one institution (能源研究院, 人工智能研究院)", Adjust,
		func(f *orgHeadF) bool { return f.n == len(f.rs) && orgWords.institution[f.t.Text] && f.fieldBefore() }},
	rule[orgHeadF]{"org.bare_suffix", "a bare suffix (政府, 中心, 部) heads a name only with a proper prefix", Adjust,
		func(f *orgHeadF) bool { return f.n == len(f.rs) }},
	rule[orgHeadF]{"org.two_char_word", "a two-character word ending in a one-character suffix is a common word (干部, 社会, 全局)", Reject,
		func(f *orgHeadF) bool { return f.n == 1 && len(f.rs) == 2 && f.t.Pos != "j" }},
	rule[orgHeadF]{"org.sponsor_team", "a team named by its sponsor after its province (浙江|中欣队)", Adjust,
		func(f *orgHeadF) bool {
			return f.n == 1 && f.rs[len(f.rs)-1] == '队' && personTag(f.t.Pos) && f.k > 0 && f.toks[f.k-1].Pos == "ns"
		}},
	rule[orgHeadF]{"org.non_noun_head", "a one-character suffix on a word that is no noun (莫斯科)", Reject,
		func(f *orgHeadF) bool {
			return f.n == 1 && f.t.Pos != "n" && f.t.Pos != "nt" && f.t.Pos != "j" && f.t.Pos != "nz"
		}},
	rule[orgHeadF]{"org.common_tail", "a word ending in a common noun (领导干部, 农贸市场)", Reject,
		func(f *orgHeadF) bool { return len(f.rs) > 2 && orgBadTails[string(f.rs[len(f.rs)-2:])] }},
	rule[orgHeadF]{"org.kind_of_body", "a gse org word whose prefix is one plain character or a common word names a kind of body (党组织, 新政府, 商业银行)", Adjust,
		func(f *orgHeadF) bool { return f.gseOrg() && f.kindPrefix() }},
	rule[orgHeadF]{"org.gse_org", "a word gse tags an organization, confirmed by its suffix (法新社, 北京大学)", Accept,
		func(f *orgHeadF) bool { return f.gseOrg() }},
	rule[orgHeadF]{"org.field_ministry", "a three-character ministry named by its field is a name by itself (地质部)", Accept,
		func(f *orgHeadF) bool {
			return f.n == 1 && len(f.rs) == 3 && strings.ContainsRune(orgWords.ministryChars, f.rs[2]) && f.t.Pos != "v"
		}},
	rule[orgHeadF]{"org.place_opened", "a word opening with a place before its suffix is a name (平遥火柴厂)", Accept,
		func(f *orgHeadF) bool {
			end, _, ok := matchPlace(f.rs, 0)
			return ok && end < len(f.rs)-f.n+1
		}},
	rule[orgHeadF]{"org.suffix_word", "a word ending in a suffix (保险公司, 医疗队) is a kind of body unless a proper word comes before it", Adjust,
		func(*orgHeadF) bool { return true }},
)

// orgHead returns the kind of head token k is: 0 (none), orgName or
// orgSuffix, whether it needs a proper prefix, and the deciding rule. f is
// room for the token's features, overwritten.
func orgHead(f *orgHeadF, d *Document, toks []segment.Token, k int) (kind int, needPrefix bool, ruleName string) {
	t := &toks[k]
	last := utf8.RuneError // the token's last code point, read from the document's (as those of t.Text)
	if t.End > t.Start {
		last = d.runes[t.End-1]
	}
	if !orgLastRunes.has(last) && !isOrgTag(t.Pos) {
		return 0, false, "" // no name or suffix ends with this character: most tokens
	}
	// The token's code points are those of the document (segment.Token).
	*f = orgHeadF{d: d, toks: toks, k: k, t: *t, rs: d.runes[t.Start:t.End:t.End]}
	r1, _ := utf8.DecodeRuneInString(t.Text)
	if r2, _ := utf8.DecodeLastRuneInString(t.Text); orgTokEnds.has(r1, r2) {
		f.lists = orgTokWords[t.Text] // most candidates are in no list
	}
	f.nameN, _ = orgNameRev.LongestBackward(f.rs, 0, len(f.rs))
	f.n, _ = orgSufRev.LongestBackward(f.rs, 0, len(f.rs))
	r := orgHeadRules.decide(d, f, t.Start, t.End)
	switch r.verdict {
	case Accept:
		return orgName, false, r.name
	case Adjust:
		return orgSuffix, true, r.name
	}
	return 0, false, r.name
}

// findOrgs returns the organizations of d, merged and in text order,
// computed once per document.
func findOrgs(d *Document) []orgSpan {
	if !d.orgsDone {
		d.orgSpans, d.orgsDone = scanOrgs(d), true
	}
	return d.orgSpans
}

// Rules that build organization spans.
var (
	ruleOrgAcrossCuts = registerRule("org", "org.across_cuts",
		"a complete name of the list matched on characters across the segmenter's cuts (人大/办)", Accept)
	ruleOrgProperPrefix = registerRule("org", "org.proper_prefix",
		"a head that needs a prefix, with a proper word (place, organization, abbreviation, 中央, 国家) among the words before it (县委|办公室, 贵州省|政府)", Accept)
	ruleOrgBrandPrefix = registerRule("org", "org.brand_prefix",
		"a company or team head after a word that is no common word (大和|银行, 宝元|队; not 上市|公司)", Accept)
	ruleOrgInstitution = registerRule("org", "org.institution_prefix",
		"an institution head takes the field noun before it as its name (能源|研究院)", Accept)
	ruleOrgRoleNoun = registerRule("org", "org.role_noun",
		"a body followed by a member's role word is a role noun, not the body (人大代表, 政协委员)", Reject)
	ruleOrgPlaceField = registerRule("org", "org.place_field",
		"a two-character adjective, or a rare word the segmenter tags as a verb, stands inside a name between a place and a noun (山西晋剧艺术中心, 贵阳市紧急救援中心; not 推进)", Adjust)
	ruleOrgStationedArmy = registerRule("org", "org.stationed_army",
		"after 驻, the place before the armed forces says where they are stationed and is no part of the name (驻苏州人民解放军, 驻豫解放军)", Adjust)
	ruleOrgNoProperPrefix = registerRule("org", "org.no_proper_prefix",
		"a head that needs a prefix with no proper word before it is a kind of body (政府, 保险公司, 医疗队)", Reject)
	ruleOrgPlaceCut = registerRule("org", "org.place_cut_apart",
		"a place the segmenter cut apart opens the name (乐平|市委)", Adjust)
	ruleOrgNumbered = registerRule("org", "org.numbered_unit",
		"a number between a proper word and a head belongs to the name (北京军区|251|医院)", Adjust)
	ruleOrgStationed = registerRule("org", "org.stationed_in",
		"驻 between two proper words belongs to the name (中国|驻|南非|大使馆)", Adjust)
	ruleOrgCompleteNoPrefix = registerRule("org", "org.complete_no_prefix",
		"a complete name takes only places and organizations before it (纪念|中国人民解放军 gives 中国人民解放军)", Adjust)
	ruleOrgOpenAtProper = registerRule("org", "org.open_at_proper",
		"a name opens with its first proper word (战胜|上海队, 支持|中国政府)", Adjust)
	ruleOrgNoVerbOpening = registerRule("org", "org.no_verb_opening",
		"a name does not open with a verb or adjective other than a level character", Adjust)
	ruleOrgTitleTail = registerRule("org", "org.title_tail",
		"an office written onto the name by the segmenter is no part of it (中央政治局常委 gives 中央政治局)", Adjust)
	ruleOrgCongress = registerRule("org", "org.congress_term",
		"a people's congress named with its term, and the place before it, is one org (江苏省第十三届人民代表大会, 第十四届全国人民代表大会; 第四次会议 outside)", Accept)
	ruleOrgListedPair = registerRule("org", "org.listed_pair",
		"two listed level-prefixed bodies written together are two orgs (省委省政府, 市委市政府; not 县委宣传部)", Adjust)
	ruleOrgMerge = registerRule("org", "org.merge_adjacent",
		"adjacent or overlapping organizations are one name (中共中央国务院, as People's Daily writes them)", Adjust)
	ruleOrgSubUnit = registerRule("org", "org.sub_unit",
		"a sub-unit written right after its body is part of the name (农业厅科教处, 宣传部新闻科, 农业大学园艺系)", Adjust)
)

// orgScan is the state of the organization scan on one document.
type orgScan struct {
	d    *Document
	toks []segment.Token
	rs   []rune
}

// orgHeadSpan is a head found by findHeads: tokens [from,to].
type orgHeadSpan struct {
	from, to   int
	needPrefix bool
	rule       string
}

// endTok returns the token ending at code point i, or -1: a binary search,
// as it is asked only around heads.
func (o *orgScan) endTok(i int) int {
	toks := o.toks
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End >= i })
	if k < len(toks) && toks[k].End == i {
		return k
	}
	return -1
}

func scanOrgs(d *Document) []orgSpan {
	loadOrgs()
	o := &orgScan{d: d, toks: d.Tokens(), rs: d.runes}
	var spans []orgSpan
	for _, h := range o.findHeads() {
		if sp, ok := o.span(h); ok {
			spans = append(spans, o.splitPair(sp)...)
		}
	}
	if c := o.congresses(); len(c) > 0 {
		spans = append(spans, c...)
		sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	}
	return o.subUnits(o.merge(spans))
}

// findHeads finds the heads: complete names matched on characters across
// gse's cuts (人大/办) and the tokens orgHeadRules accept or adjust.
func (o *orgScan) findHeads() []orgHeadSpan {
	toks, rs := o.toks, o.rs
	var heads []orgHeadSpan // the scratch's buffer, when there is one
	var f *orgHeadF         // the features of each token in turn (the scratch's, or one allocation)
	if sc := o.d.scratch; sc != nil {
		f = &sc.orgHead
		*f = orgHeadF{}
		heads = sc.orgHeads[:0]
		defer func() { sc.orgHeads = heads[:0] }()
	} else {
		f = new(orgHeadF)
	}
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		// a name longer than the token has two characters or more: its
		// first two are a pair of orgNamePairs (most tokens fail here)
		if t.End <= t.Start || t.Start+1 < len(rs) && orgNamePairs.has(rs[t.Start], rs[t.Start+1]) {
			if n, _ := orgNames.Longest(rs, t.Start); n > 0 && n > t.End-t.Start {
				if e := o.endTok(t.Start + n); e >= 0 && t.Start+n <= len(rs) {
					heads = append(heads, orgHeadSpan{k, e, false, ruleOrgAcrossCuts})
					k = e
					continue
				}
			}
		}
		if kind, need, r := orgHead(f, o.d, toks, k); kind != 0 {
			heads = append(heads, orgHeadSpan{k, k, need, r})
		}
	}
	return heads
}

// extendLeft extends head h leftwards over the words that may stand inside
// a name and returns the first token and whether a proper word was met.
func (o *orgScan) extendLeft(h orgHeadSpan) (start int, proper bool) {
	toks, rs, from := o.toks, o.rs, h.from
	start = from
	for j := from - 1; j >= 0 && from-j <= 6; j-- {
		tj := toks[j]
		if pe, _, ok := matchPlace(rs, tj.Start); ok && pe > tj.End && (pe <= toks[from].Start && o.endTok(pe) >= 0 || pe == toks[from].Start+1 && strings.ContainsRune(orgLevelChars, rs[toks[from].Start])) {
			start, proper = j, true // a place the segmenter cut apart: 乐平|市委
			o.d.traceRule(ruleOrgPlaceCut, Adjust, tj.Start, toks[h.to].End)
			continue
		}
		if tj.Pos == "m" && j > 0 && properOrNamed(o.d, toks[j-1]) && !strings.ContainsAny(tj.Text, orgWords.dateChars) {
			start = j // 北京军区|２５１|医院
			o.d.traceRule(ruleOrgNumbered, Adjust, tj.Start, toks[h.to].End)
			continue
		}
		if tj.Text == "驻" && j > 0 && j+1 < len(toks) && isProper(o.d, toks[j-1]) && isProper(o.d, toks[j+1]) {
			start = j // 中国|驻|南非|大使馆
			o.d.traceRule(ruleOrgStationed, Adjust, tj.Start, toks[h.to].End)
			continue
		}
		afterPlace := (tj.Pos == "v" && !frequentWord(o.d, tj.Text) || tj.Pos == "a") && utf8.RuneCountInString(tj.Text) == 2 &&
			j > 0 && toks[j-1].Pos == "ns" && plainNoun(toks[j+1])
		if afterPlace {
			// 山西|晋剧|艺术|中心, 贵阳市|紧急|救援|中心: a word the segmenter
			// tags as a verb or adjective, between a place and a noun
			o.d.traceRule(ruleOrgPlaceField, Adjust, toks[j-1].Start, toks[h.to].End)
		}
		if !afterPlace && !orgInternal(tj) {
			break
		}
		if !afterPlace && tj.Pos == "v" && (j == 0 || !plainNoun(toks[j-1]) || !plainNoun(toks[j+1])) {
			break // a verb stands inside a name only between plain nouns (遗产|保护|中心)
		}
		if toks[from].Start-tj.Start > 16 {
			break
		}
		start = j
		if properOrNamed(o.d, tj) && !(j == from-1 && tj.Text == "国家" && from == h.to && orgBrandHeads[toks[h.to].Text]) {
			proper = true // a place, or a listed body: 县委|办公室 (not 国家|银行, a state bank)
		}
	}
	return start, proper
}

// span builds the organization span of head h, or reports that there is
// none (org.no_proper_prefix).
func (o *orgScan) span(h orgHeadSpan) (orgSpan, bool) {
	toks, from, to := o.toks, h.from, h.to
	start, proper := o.extendLeft(h)
	trace := func(r string, v Verdict) { o.d.traceRule(r, v, toks[start].Start, toks[to].End) }
	if !h.needPrefix && !proper && start != from {
		start = from
		trace(ruleOrgCompleteNoPrefix, Adjust)
	}
	if proper && start < from && !properOrNamed(o.d, toks[start]) {
		for start < from && !properOrNamed(o.d, toks[start]) {
			start++
		}
		trace(ruleOrgOpenAtProper, Adjust)
	}
	if s := start; start < from && openingVerb(o.d, toks[start]) {
		for start < from && openingVerb(o.d, toks[start]) {
			start++
		}
		o.d.traceRule(ruleOrgNoVerbOpening, Adjust, toks[s].Start, toks[to].End)
	}
	rule := h.rule
	if h.needPrefix {
		rule = ruleOrgProperPrefix
	}
	if h.needPrefix && !proper && from > 0 && orgBrandHeads[headWord(toks[to].Text)] {
		// a company or team named by a word that is no common word:
		// 大和|银行, 宝元|队 (not 上市|公司, 医疗|队)
		if b := toks[from-1]; len([]rune(b.Text)) >= 2 && (!dictWord(o.d, b.Text) || personTag(b.Pos) || b.Pos == "ns" && !frequentWord(o.d, b.Text)) && !orgFirstStop[b.Text] {
			start, proper, rule = from-1, true, ruleOrgBrandPrefix
		}
	}
	if h.needPrefix && !proper && from > 0 && h.rule == "org.institution_head" {
		start, proper, rule = from-1, true, ruleOrgInstitution
	}
	if orgWords.army[toks[from].Text] && start < from && start > 0 && toks[start-1].Text == "驻" {
		// 驻苏州人民解放军, 驻豫解放军: the place says where the troops are stationed
		start = from
		o.d.traceRule(ruleOrgStationedArmy, Adjust, toks[from].Start, toks[to].End)
	}
	if h.needPrefix && (start == from || !proper) {
		trace(ruleOrgNoProperPrefix, Reject)
		return orgSpan{}, false
	}
	if to+1 < len(toks) && orgWords.role[toks[to+1].Text] {
		trace(ruleOrgRoleNoun, Reject) // 人大代表, 政协委员: a role, not the body
		return orgSpan{}, false
	}
	end := toks[to].End
	// an office written onto the name by the segmenter is no part of it:
	// 中央政治局常委 → 中央政治局 + 常委
	if tl := titleSuffixLen(o.rs[toks[to].Start:end]); tl > 0 && end-tl > toks[start].Start+1 {
		end -= tl
		o.d.traceRule(ruleOrgTitleTail, Adjust, toks[start].Start, end)
	}
	return orgSpan{start: toks[start].Start, end: end, rule: rule}, true
}

// openingVerb reports whether t is a verb or adjective that may not open a
// name (a level character may).
func openingVerb(d *Document, t segment.Token) bool {
	if orgWords.buildVerb[t.Text] {
		return true // 改扩建|贵阳市传染病医院, whatever its tag
	}
	return (t.Pos == "v" || t.Pos == "vn" || t.Pos == "a" || t.Pos == "an" || t.Pos == "b") && !isProper(d, t)
}

// congressName is the name of a people's congress, which a session line
// writes with its term (第十三届) and, for a local one, its place before.
var congressName = []rune("人民代表大会")

// congresses applies org.congress_term: a people's congress named with its
// term, and the place before it (江苏省第十三届人民代表大会,
// 第十四届全国人民代表大会); the session (第四次会议) stays outside.
func (o *orgScan) congresses() []orgSpan {
	rs := o.rs
	var out []orgSpan
	for i := 0; i+len(congressName) <= len(rs); i++ {
		if rs[i] != congressName[0] || !slices.Equal(rs[i:i+len(congressName)], congressName) {
			continue
		}
		k := i
		if k >= 2 && string(rs[k-2:k]) == "全国" {
			k -= 2
		}
		if k == 0 || rs[k-1] != '届' {
			continue
		}
		j := k - 1
		for j > 0 && isNumeralRune(rs[j-1]) {
			j--
		}
		if j == k-1 || j == 0 || rs[j-1] != '第' {
			continue
		}
		start := o.placesBefore(j - 1)
		end := i + len(congressName)
		if e := end + 5; e <= len(rs) && string(rs[end:e]) == "常务委员会" {
			end = e
		}
		o.d.traceRule(ruleOrgCongress, Accept, start, end)
		out = append(out, orgSpan{start: start, end: end, rule: ruleOrgCongress})
	}
	return out
}

// placesBefore returns the start of the run of places written right before
// rune e (贵州省毕节市 before 第), or e when there is none.
func (o *orgScan) placesBefore(e int) int {
	start := e
	for moved := true; moved; {
		moved = false
		for p := max(0, start-12); p < start; p++ {
			if end, _, ok := matchPlace(o.rs, p); ok && end == start {
				start, moved = p, true
				break
			}
		}
	}
	return start
}

// splitPair applies org.listed_pair to a span written as one word: two
// listed names (省委省政府) give two spans.
func (o *orgScan) splitPair(s orgSpan) []orgSpan {
	n, _ := orgNames.Longest(o.rs, s.start)
	if n == 0 || s.start+n >= s.end || !strings.ContainsRune(orgLevelChars, o.rs[s.start]) ||
		!strings.ContainsRune(orgLevelChars, o.rs[s.start+n]) {
		return []orgSpan{s} // (中共中央国务院 stays one, as People's Daily writes it)
	}
	if _, ok := orgNames.Get(string(o.rs[s.start+n : s.end])); !ok {
		return []orgSpan{s}
	}
	o.d.traceRule(ruleOrgListedPair, Adjust, s.start, s.end)
	a, b := s, s
	a.end, b.start = s.start+n, s.start+n
	return []orgSpan{a, b}
}

// listedAlone reports whether span s is a listed complete name and nothing
// more (省委, 省政府, 国务院).
func (o *orgScan) listedAlone(s orgSpan) bool {
	_, ok := orgNames.Get(string(o.rs[s.start:s.end]))
	return ok
}

// merge merges overlapping and adjacent spans (org.merge_adjacent); two
// listed names written together stay two (org.listed_pair: 省委省政府,
// 党中央国务院).
func (o *orgScan) merge(spans []orgSpan) []orgSpan {
	var out []orgSpan
	for _, s := range spans {
		if n := len(out); n > 0 && s.start == out[n-1].end && o.listedAlone(s) && o.listedAlone(out[n-1]) &&
			strings.ContainsRune(orgLevelChars, o.rs[out[n-1].start]) && strings.ContainsRune(orgLevelChars, o.rs[s.start]) {
			o.d.traceRule(ruleOrgListedPair, Adjust, out[n-1].start, s.end)
			out = append(out, s)
			continue
		}
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.start < out[n-1].start {
				out[n-1].start = s.start
			}
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			o.d.traceRule(ruleOrgMerge, Adjust, out[n-1].start, out[n-1].end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// subUnits applies org.sub_unit: a sub-unit written after the body it
// belongs to (农业厅|科教处, 宣传部|新闻|科, 农业大学|园艺|系).
func (o *orgScan) subUnits(out []orgSpan) []orgSpan {
	toks, rs := o.toks, o.rs
	for i := range out {
		if out[i].end >= len(rs) || o.endTok(out[i].end) < 0 {
			continue // the name ends inside a token (中央政治局|常委)
		}
		k := o.endTok(out[i].end) + 1
		if k >= len(toks) || toks[k].Start != out[i].end {
			continue
		}
		if e := orgSubUnit(toks, k); e > 0 && (i+1 == len(out) || e <= out[i+1].start) {
			out[i].end = e
			o.d.traceRule(ruleOrgSubUnit, Adjust, out[i].start, e)
		}
	}
	return out
}

// orgSubUnit returns the end of a sub-unit starting at token k (科教处,
// 新闻|科, 园艺|系), or 0: up to two plain nouns and a word ending in 处, 科,
// 系, 组 or 股, six characters at most.
func orgSubUnit(toks []segment.Token, k int) int {
	start := toks[k].Start
	for j := k; j < len(toks) && j < k+3; j++ {
		t := toks[j]
		if t.End-start > 6 {
			return 0
		}
		last, _ := utf8.DecodeLastRuneInString(t.Text)
		single := t.End-t.Start == 1
		unit := strings.ContainsRune(orgWords.subUnitChars, last) && !orgNotSubUnit[t.Text]
		switch {
		case unit && single && j > k:
			return t.End // 新闻|科: a one-character unit after a noun
		case unit && !single && (t.Pos == "n" || t.Pos == "nt"):
			return t.End // 科教处, 艺术科
		case t.Pos == "n" && !single:
			continue // a noun inside the sub-unit's name
		}
		return 0
	}
	return 0
}

// Rules of the org mentions.
var (
	ruleOrgBareKind = registerRule("org", "org.bare_kind",
		"a mass organization written without a level or place (工会, 妇联, 残联, 科协) names a kind of body, not one", Reject)
	ruleOrgExpandHome = registerRule("org", "org.expand_home",
		"a body opening with the home place's level character gets the home's name prefixed in expanded (县委 → 黔西县委)", Adjust)
)

func runOrgs(d *Document) {
	spans := findOrgs(d)
	ents := map[string]int{}
	for _, s := range spans {
		m := Mention{Type: TypeOrg, Start: s.start, End: s.end}
		name := string(d.runes[s.start:s.end])
		if orgWords.bareKind[name] {
			d.traceRule(ruleOrgBareKind, Reject, s.start, s.end)
			continue
		}
		if d.Home != nil && d.Home.Name != "" && d.Home.Level != LevelCountry {
			if m.Expanded = expandOrg(name, d.Home.Name); m.Expanded != "" {
				d.traceRule(ruleOrgExpandHome, Adjust, s.start, s.end)
			}
		}
		d.traceRule(s.rule, Accept, s.start, s.end)
		d.add(m)
		if i, ok := ents[name]; ok {
			d.Orgs[i].Count++
			continue
		}
		ents[name] = len(d.Orgs)
		d.Orgs = append(d.Orgs, Entity{Name: name, Count: 1, First: s.start})
	}
}

// expandOrg prefixes an organization written with a bare level character
// (县人大常委会) with the home place of that level (黔西县); it returns ""
// when the name does not start with the home's level character.
func expandOrg(name, home string) string {
	hr := []rune(home)
	nr := []rune(name)
	if len(hr) < 2 || len(nr) < 2 {
		return ""
	}
	level := hr[len(hr)-1]
	if nr[0] == level && !strings.HasPrefix(name, home) {
		return home + string(nr[1:])
	}
	return ""
}
