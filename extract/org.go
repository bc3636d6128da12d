package extract

import (
	_ "embed"
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
	orgNames    *Lexicon[int]   // complete names
	orgSuffixes map[string]bool // head words, key is the suffix
	orgSufRev   *Lexicon[int]   // suffixes reversed, for matching at a word end
	orgNameRev  *Lexicon[int]   // complete names reversed
	// orgLastRunes holds the last characters of names and suffixes.
	orgLastRunes = new(personRuneSet)
)

func loadOrgs() {
	orgOnce.Do(func() {
		orgNames = NewLexicon[int]()
		orgSuffixes = map[string]bool{}
		orgSufRev = NewLexicon[int]()
		orgNameRev = NewLexicon[int]()
		ReadWordList(orgData, func(f []string) {
			if len(f) < 2 {
				return
			}
			r, _ := utf8.DecodeLastRuneInString(f[0])
			orgLastRunes.add(r)
			switch f[1] {
			case "name":
				orgNames.Add(f[0], orgName)
				orgNameRev.Add(orgReverse(f[0]), orgName)
			case "suffix":
				orgSuffixes[f[0]] = true
				orgSufRev.Add(orgReverse(f[0]), utf8.RuneCountInString(f[0]))
			}
		})
	})
}

func orgReverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func init() {
	register(stage{order: 50, name: "org", types: []string{TypeOrg}, run: runOrgs})
}

// notOrgWords end in an organization suffix but name no organization.
var notOrgWords = map[string]bool{
	"西部": true, "东部": true, "南部": true, "北部": true, "中部": true,
	"代表团": true, "干部": true, "内部": true, "全部": true, "外部": true, "局部": true,
	"社会": true, "机会": true, "大会": true, "会议": true, "晚会": true, "宴会": true,
	"学会": true, "开会": true, "集会": true, "例会": true, "年会": true, "全会": true,
	"市场": true, "广场": true, "现场": true, "立场": true, "战场": true, "商场": true,
	"学科": true, "好处": true, "到处": true, "各处": true, "局面": true, "大局": true,
	"全局": true, "结局": true, "布局": true, "格局": true, "当局": true, "总部": true,
	"基层": true, "学校": true, "医院": true, "大学": true, "工厂": true, "公司": true,
	"银行": true, "政府": true, "中心": true, "委员会": true, "组织": true, "乐队": true,
	"球队": true, "军队": true, "部队": true, "团队": true, "排队": true, "梯队": true,
	"车队": true, "船队": true, "商队": true, "入团": true, "集团": true, "社团": true,
	"剧院": true, "法院": true, "住院": true, "出院": true, "庭院": true, "寺院": true,
	"场所": true, "处所": true, "住所": true, "厕所": true, "诊所": true, "研究所": true,
	"车站": true, "网站": true, "站": true, "营业所": true, "文化馆": true, "宾馆": true,
	"饭馆": true, "旅馆": true, "茶馆": true, "领导小组": true, "工作组": true,
	"支部": true, "党委": true, "党组": true, "合作社": true, "办公室": true, "办事处": true,
	"指挥部": true, "司令部": true, "政治部": true, "内阁": true, "议会": true, "国会": true,
	"联盟": true, "协会": true, "学院": true, "中学": true, "小学": true, "院": true,
	"全党": true, "全团": true, "全队": true, "全院": true, "全校": true, "全厂": true,
	"主场": true, "客场": true, "剧场": true, "农场": true, "林场": true, "牧场": true,
	"赛场": true, "球场": true, "机场": true, "考场": true, "会场": true, "登场": true,
}

// orgBadTails end words that look like organizations by their last
// character but are common nouns: 领导干部, 农贸市场, 中西部, 落到实处.
var orgBadTails = map[string]bool{
	"干部": true, "全部": true, "内部": true, "外部": true, "局部": true, "西部": true,
	"东部": true, "南部": true, "北部": true, "中部": true, "市场": true, "广场": true,
	"现场": true, "会场": true, "车场": true, "球场": true, "机场": true, "商场": true,
	"全局": true, "大局": true, "格局": true, "实处": true, "到处": true, "好处": true,
	"学校": false, "车站": true, "网站": true, "会所": true, "场所": true, "厕所": true,
	"院校": true, "总部": true, "部队": true, "军队": true, "队伍": true,
}

// orgFirstStop are words that may be tagged as nouns but never open a name.
var orgFirstStop = map[string]bool{
	"我国": true, "本国": true, "各国": true, "两国": true, "该国": true, "外国": true,
	"各级": true, "各地": true, "全体": true, "有关": true, "这些": true, "所有": true,
	"同志": true, "工作": true, "问题": true, "时候": true, "期间": true, "今年": true,
	"目前": true, "领导": true, "人们": true, "群众": true, "代表": true, "成员": true,
}

// properPrefix are nouns that make a following common-noun suffix a name.
var properPrefix = map[string]bool{
	"中央": true, "国家": true, "中国": true, "国际": true, "世界": true,
	"中华": true, "亚洲": true, "欧洲": true, "地方": false,
}

// orgLevelChars are the bare level prefixes of local bodies: 县委, 县文化馆.
const orgLevelChars = "省市县区州镇乡村"

// orgSpan is one organization found in the text, in code points.
type orgSpan struct{ start, end int }

func isOrgTag(pos string) bool { return pos == "nt" }

// orgInternal reports whether token t may stand inside an organization name
// before its head.
func orgInternal(t segment.Token) bool {
	if orgFirstStop[t.Text] || isTitleWord(t.Text) {
		return false
	}
	r0, size := utf8.DecodeRuneInString(t.Text)
	if size == len(t.Text) && t.Pos != "ns" && t.Pos != "j" && !strings.ContainsRune(orgLevelChars+orgCountryChars, r0) {
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
		return t.Text == "特别" || t.Text == "高级" || t.Text == "最高" || size == len(t.Text) && strings.ContainsRune(orgLevelChars, r0)
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
	node := titleRev.start(w[len(w)-1])
	for j := len(w) - 1; j > 0; j-- {
		if j < len(w)-1 {
			node = node.child(w[j])
		}
		if node == nil {
			break
		}
		if node.ok && node.val == "office" {
			best = len(w) - j
		}
	}
	return best
}

// orgCommonFreq is the dictionary frequency above which the words before a
// suffix are a common word (商业 in 商业银行), not part of a name.
const orgCommonFreq = 1000

// commonWord reports whether w is a frequent common word of the document's
// segmenter dictionary (not a place, name or abbreviation).
func commonWord(d *Document, w string) bool {
	s := d.seg
	if s == nil {
		var err error
		if s, err = segment.Default(); err != nil {
			return false
		}
	}
	f, pos, _ := s.Lookup(w)
	switch pos {
	case "ns", "nz", "nt", "j", "nr", "nrt", "nrfg":
		return false
	}
	return f > orgCommonFreq
}

// dictWord reports whether w is a word of the segmenter's dictionary.
func dictWord(d *Document, w string) bool {
	s := d.seg
	if s == nil {
		var err error
		if s, err = segment.Default(); err != nil {
			return false
		}
	}
	_, _, ok := s.Lookup(w)
	return ok
}

// orgBrandHeads are the heads of companies and teams, which are often named
// by a brand rather than a place.
var orgBrandHeads = map[string]bool{
	"银行": true, "公司": true, "集团": true, "集团公司": true, "有限公司": true,
	"总公司": true, "证券": true, "队": true, "厂": true, "出版社": true,
	"剧团": true, "话剧团": true, "艺术团": true, "歌舞团": true,
}

// orgFieldHeads are heads that a field word before them makes a name
// when gse tags the whole word an organization: 国防大学, 军事科学院, unlike
// 商业银行 or 联合政府, which are kinds of bodies.
var orgFieldHeads = map[string]bool{
	"大学": true, "学院": true, "科学院": true, "研究院": true, "研究所": true, "出版社": true,
}

// headWord returns the suffix that ends w (w itself when it is a suffix).
func headWord(w string) string {
	rs := []rune(w)
	rev := make([]rune, len(rs))
	for i, r := range rs {
		rev[len(rs)-1-i] = r
	}
	n, _ := orgSufRev.Longest(rev, 0)
	return string(rs[len(rs)-n:])
}

// plainNoun reports whether t is a common noun (not a place or a name).
func plainNoun(t segment.Token) bool {
	return (t.Pos == "n" || t.Pos == "vn") && !orgFirstStop[t.Text]
}

// isProper reports whether a prefix token makes a common suffix a name.
func isProper(t segment.Token) bool {
	if properPrefix[t.Text] {
		return true
	}
	switch t.Pos {
	case "ns":
		// gse tags some common words as places (上市): the gazetteer decides
		rs := []rune(t.Text)
		if end, _, ok := MatchPlace(rs, 0); ok && end == len(rs) {
			return true
		}
		return !frequentWord(t.Text)
	case "nt", "nz", "j", "nrt":
		return true
	}
	rs := []rune(t.Text)
	return len(rs) == 1 && strings.ContainsRune(orgLevelChars+orgCountryChars, rs[0])
}

// frequentWord reports whether w is more frequent than orgCommonFreq in the
// default segmenter's dictionary.
func frequentWord(w string) bool {
	s, err := segment.Default()
	if err != nil {
		return false
	}
	f, _, _ := s.Lookup(w)
	return f > orgCommonFreq
}

// properOrNamed reports whether t is proper (isProper) or a listed
// organization name.
func properOrNamed(t segment.Token) bool {
	if isProper(t) {
		return true
	}
	_, ok := orgNames.Get(t.Text)
	return ok
}

// orgCountryChars are one-character country names that open organization
// names: 俄外交部, 美国务院.
const orgCountryChars = "中美俄日英法德韩朝越印巴以伊埃泰缅老柬菲澳加"

// orgHead returns the kind of head token k is: 0 (none), orgName or
// orgSuffix, and whether it needs a proper prefix.
func orgHead(d *Document, toks []segment.Token, k int) (kind int, needPrefix bool) {
	t := toks[k]
	last, _ := utf8.DecodeLastRuneInString(t.Text)
	if !orgLastRunes.has(last) && !isOrgTag(t.Pos) {
		return 0, false // no name or suffix ends with this character: most tokens
	}
	if notOrgWords[t.Text] && !orgSuffixes[t.Text] {
		return 0, false
	}
	if isTitleWord(t.Text) {
		return 0, false // 常委, 书记: an office, not a body
	}
	if r := []rune(t.Text); len(r) == 1 {
		// a one-character head standing alone (教育|局) heads a name only
		// after a plain word, not after a whole organization (公司|所作)
		if r[0] == '队' && k > 0 && orgInternal(toks[k-1]) {
			return orgSuffix, true // 济南军区|队, 宝元|队
		}
		if !strings.ContainsRune("部局委厅署办院", r[0]) || k == 0 || !plainNoun(toks[k-1]) {
			return 0, false
		}
	}
	if _, ok := orgNames.Get(t.Text); ok {
		return orgName, false
	}
	rs := []rune(t.Text)
	rev := make([]rune, len(rs))
	for i, r := range rs {
		rev[len(rs)-1-i] = r
	}
	if n, _ := orgNameRev.Longest(rev, 0); n > 0 && n < len(rs) && (isOrgTag(t.Pos) || n >= 3) {
		return orgName, false // 联合国安理会, 中国奥委会: a word ending in a name
	}
	n, _ := orgSufRev.Longest(rev, 0)
	if n == 0 {
		return 0, false
	}
	switch {
	case n == len(rs) && t.Pos == "v":
		return 0, false // 组织 as a verb: 研究所组织召开
	case n == len(rs): // the token is the suffix itself: 政府, 中心, 部
		return orgSuffix, n >= 2 || true
	case notOrgWords[t.Text]:
		return 0, false
	case n == 1 && len(rs) == 2 && t.Pos != "j":
		return 0, false // 干部, 社会, 全局: two-character words
	case n == 1 && rs[len(rs)-1] == '队' && personTag(t.Pos) && k > 0 && toks[k-1].Pos == "ns":
		return orgSuffix, true // 浙江|中欣队: a team named by its sponsor, after its province
	case n == 1 && t.Pos != "n" && t.Pos != "nt" && t.Pos != "j" && t.Pos != "nz":
		return 0, false // 莫斯科: a one-character head on a word that is no noun
	case len(rs) > 2 && orgBadTails[string(rs[len(rs)-2:])]:
		return 0, false // 领导干部, 农贸市场: the word ends in a common noun
	}
	if isOrgTag(t.Pos) && len(rs) > n && !(len(rs) <= 3 && rs[len(rs)-1] == '党') {
		// gse's org tag, confirmed by the suffix (法新社, 北京大学), unless
		// what comes before the suffix is a common word: 商业银行,
		// 联合政府 are kinds of bodies
		if len(rs)-n == 1 && n >= 2 && !strings.ContainsRune(orgLevelChars+orgCountryChars, rs[0]) {
			// one plain character before a common head names a kind of
			// body, not a body: 党组织, 新政府, 团组织
			return orgSuffix, true
		}
		if pre := string(rs[:len(rs)-n]); len(rs)-n >= 2 && !properPrefix[pre] {
			if _, _, ok := MatchPlace(rs, 0); !ok && commonWord(d, pre) && !orgFieldHeads[string(rs[len(rs)-n:])] {
				return orgSuffix, true
			}
		}
		return orgName, false
	}
	// a ministry or department named by its field (地质部, 宣传部, 计委)
	// is a name by itself
	if n == 1 && len(rs) == 3 && strings.ContainsRune("部委署办", rs[2]) && t.Pos != "v" {
		return orgName, false
	}
	// a word ending in a suffix (保险公司, 医疗队) is a kind of body, not
	// a name, unless it opens with a place (平遥火柴厂) or a proper word
	// comes before it
	if end, _, ok := MatchPlace(rs, 0); ok && end < len(rs)-n+1 {
		return orgName, false
	}
	return orgSuffix, true
}

// findOrgs returns the organizations of d, merged and in text order,
// computed once per document.
func findOrgs(d *Document) []orgSpan {
	if !d.orgsDone {
		d.orgSpans, d.orgsDone = scanOrgs(d), true
	}
	return d.orgSpans
}

func scanOrgs(d *Document) []orgSpan {
	loadOrgs()
	toks := d.Tokens()
	rs := d.runes
	var spans []orgSpan
	// complete names matched on characters across gse's cuts (人大/办).
	// endTok returns the token ending at code point i, or -1: a binary
	// search, as it is asked only around heads
	endTok := func(i int) int {
		k := sort.Search(len(toks), func(k int) bool { return toks[k].End >= i })
		if k < len(toks) && toks[k].End == i {
			return k
		}
		return -1
	}
	type head struct {
		from, to   int // token range
		needPrefix bool
	}
	var heads []head
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if n, _ := orgNames.Longest(rs, t.Start); n > 0 && n > t.End-t.Start {
			if e := endTok(t.Start + n); e >= 0 && t.Start+n <= len(rs) {
				heads = append(heads, head{k, e, false})
				k = e
				continue
			}
		}
		if kind, need := orgHead(d, toks, k); kind != 0 {
			heads = append(heads, head{k, k, need})
		}
	}
	for _, h := range heads {
		from, to, needPrefix := h.from, h.to, h.needPrefix
		// extend left
		start := from
		proper := false
		for j := from - 1; j >= 0 && from-j <= 6; j-- {
			tj := toks[j]
			if pe, _, ok := MatchPlace(rs, tj.Start); ok && pe > tj.End && (pe <= toks[from].Start && endTok(pe) >= 0 || pe == toks[from].Start+1 && strings.ContainsRune(orgLevelChars, rs[toks[from].Start])) {
				start, proper = j, true // a place the segmenter cut apart: 乐平|市委
				continue
			}
			if tj.Pos == "m" && j > 0 && properOrNamed(toks[j-1]) && !strings.ContainsAny(tj.Text, "年月日%％") {
				start = j // 北京军区|２５１|医院
				continue
			}
			if tj.Text == "驻" && j > 0 && j+1 < len(toks) && isProper(toks[j-1]) && isProper(toks[j+1]) {
				start = j // 中国|驻|南非|大使馆
				continue
			}
			if !orgInternal(tj) {
				break
			}
			if tj.Pos == "v" && (j == 0 || !plainNoun(toks[j-1]) || !plainNoun(toks[j+1])) {
				break // a verb stands inside a name only between plain nouns (遗产|保护|中心)
			}
			if toks[from].Start-tj.Start > 16 {
				break
			}
			start = j
			if properOrNamed(tj) && !(j == from-1 && tj.Text == "国家" && from == to && orgBrandHeads[toks[to].Text]) {
				proper = true // a place, or a listed body: 县委|办公室 (not 国家|银行, a state bank)
			}
		}
		// a complete name takes only places and organizations before it
		// (纪念|中国人民解放军, not 纪念中国人民解放军)
		if !needPrefix && !proper {
			start = from
		}
		// a name opens with its first proper word when it has one:
		// 战胜|上海队, 支持|中国政府
		if proper {
			for start < from && !properOrNamed(toks[start]) {
				start++
			}
		}
		// a prefix may not open with a verb or adjective other than a level char
		for start < from && (toks[start].Pos == "v" || toks[start].Pos == "vn" || toks[start].Pos == "a" || toks[start].Pos == "an" || toks[start].Pos == "b") && !isProper(toks[start]) {
			start++
		}
		if needPrefix && !proper && from > 0 && orgBrandHeads[headWord(toks[to].Text)] {
			// a company or team named by a word that is no common word:
			// 大和|银行, 宝元|队 (not 上市|公司, 医疗|队)
			if b := toks[from-1]; len([]rune(b.Text)) >= 2 && (!dictWord(d, b.Text) || personTag(b.Pos) || b.Pos == "ns" && !frequentWord(b.Text)) && !orgFirstStop[b.Text] {
				start, proper = from-1, true
			}
		}
		if needPrefix && (start == from || !proper) {
			continue
		}
		end := toks[to].End
		// an office written onto the name by the segmenter is no part of
		// it: 中央政治局常委 → 中央政治局 + 常委
		if tl := titleSuffixLen(rs[toks[to].Start:end]); tl > 0 && end-tl > toks[start].Start+1 {
			end -= tl
		}
		spans = append(spans, orgSpan{toks[start].Start, end})
	}
	// merge overlapping and adjacent spans
	var out []orgSpan
	for _, s := range spans {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.start < out[n-1].start {
				out[n-1].start = s.start
			}
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	// a sub-unit written after the body it belongs to: 农业厅|科教处,
	// 宣传部|新闻|科, 农业大学|园艺|系
	for i := range out {
		if out[i].end >= len(rs) || endTok(out[i].end) < 0 {
			continue // the name ends inside a token (中央政治局|常委)
		}
		k := endTok(out[i].end) + 1
		if k >= len(toks) || toks[k].Start != out[i].end {
			continue
		}
		if e := orgSubUnit(toks, k); e > 0 && (i+1 == len(out) || e <= out[i+1].start) {
			out[i].end = e
		}
	}
	return out
}

// orgNotSubUnit end in a sub-unit character but name no sub-unit.
var orgNotSubUnit = map[string]bool{
	"好处": true, "到处": true, "用处": true, "长处": true, "短处": true, "难处": true,
	"益处": true, "住处": true, "深处": true, "各处": true, "之处": true, "本科": true,
	"学科": true, "专科": true, "小组": true, "改组": true, "重组": true, "编组": true,
	"股": true, "处": true, "组": true,
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
		unit := strings.ContainsRune("处科系组股", last) && !orgNotSubUnit[t.Text]
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

func runOrgs(d *Document) {
	spans := findOrgs(d)
	ents := map[string]int{}
	for _, s := range spans {
		m := Mention{Type: TypeOrg, Start: s.start, End: s.end}
		name := string(d.runes[s.start:s.end])
		if (d.Home == nil || d.Home.Level == LevelCountry) && bareLocalBody(name) {
			// 省委, 市政府, 政协 written alone name the body of a place the
			// reader must know: without a home place they stay unresolved
			continue
		}
		if d.Home != nil && d.Home.Name != "" && d.Home.Level != LevelCountry {
			m.Expanded = expandOrg(name, d.Home.Name)
		}
		d.add(m)
		if i, ok := ents[name]; ok {
			d.Orgs[i].Count++
			continue
		}
		ents[name] = len(d.Orgs)
		d.Orgs = append(d.Orgs, Entity{Name: name, Count: 1, First: s.start})
	}
}

// bareLocalBody reports whether name is a local body written without its
// place: a listed name opening with a level character (省委, 县人大常委会)
// or a local body with no place at all (人大, 政协, 人大办).
func bareLocalBody(name string) bool {
	if _, ok := orgNames.Get(name); !ok {
		rs := []rune(name)
		if len(rs) < 2 || !strings.ContainsRune(orgLevelChars, rs[0]) {
			return false
		}
		// 县人大常委会, 省政协: a level character and a listed name
		_, ok = orgNames.Get(string(rs[1:]))
		return ok
	}
	switch name {
	case "人大", "政协", "人大常委会", "人大办", "政府办", "政协办", "纪委", "监委", "纪委监委", "团委", "妇联", "工会", "科协", "侨联", "文联", "作协", "残联", "工商联", "组织部", "宣传部", "统战部", "政法委":
		return true
	}
	return strings.ContainsRune(orgLevelChars, []rune(name)[0])
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
