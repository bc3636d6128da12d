package extract

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/tongbao/tongbao/segment"
)

// Person extraction (stage 60).
//
// Local officials are in no dictionary, so a name is recognized from its
// structure and its context, not from a list of names:
//
//   - shape: a surname from the embedded surname list (single or double,
//     with a frequency class) followed by a one- or two-character given
//     name that holds no function character (的, 了, 在, …), cut by the
//     segmenter at both ends; a given name is plausible when its characters
//     are common in given names (personGivenChars);
//   - strong context accepts any such shape: an office, job or byline cue
//     right before (县长, 记者, 作者:, "县人大常委会党组书记、主任"), an
//     organization right before (市委宣传部|赵巍巍), an office or form of
//     address right after (同志, 书记), a line or bracket holding only the
//     name ((张三), (河南开封市张三)), ethnicity or sex in brackets after
//     it (（壮族）), the next item of a list whose previous item is a name;
//   - weak context: a reporting verb after (说, 指出), a verb taking a
//     person before (选举, 会见), 、 or 等 around it, the subject of a clause
//     (李鹏在…);
//   - without strong context, a three-character name needs gse's name tag
//     and a plausible given name, or a fully plausible given name with weak
//     context; a two-character name needs gse's tag, a plausible given
//     character and weak context, or a tag on a rare dictionary word;
//   - rejection rules, not word lists: a span the segmenter keeps as one
//     word tagged as a place, organization or other non-name (乌克兰, 高兴);
//     a two-character word more frequent than personCommonFreq (文明, 道德);
//     a span the place stage found as a place (张家口, 伊拉克); a last
//     character that heads common nouns (许可证, 严重性); a title (司令员);
//     a reduplication (谢谢); a surname that gse splits off right after a
//     single content character, the tail of a word (学史|崇德: 史 belongs to
//     学史); a rare surname or one that is mostly a common morpheme (富, 于,
//     和) needs strong context or all the other evidence (建设富美黔西).
//
// Names accepted once are then found everywhere else in the document
// (罗智琼 after "主任罗智琼"); the other items of a list holding a name are
// names when they have a name's shape. Foreign names are runs of
// transliteration characters that gse tags as names, that follow an office
// (总统克林顿), or that are joined by a middle dot (威廉·佩里). A surname
// alone stands for the name before an office or form of address (孔书记,
// 蔡大姐) and in 老张, 小王. Names written together with nothing between them
// (bylines such as （陈燮衡李晶晶）) form one mention, as PD1998 annotates
// them, except inside a 《》 title.
//
// Further context, added in a second pass: a role noun before the name
// (犯罪嫌疑人, 职工, 学家), 为 and an office after it (李逢滋为副主任), a
// rank (王磊六段), a byline mark in brackets (（张滨作）), 一行 or 夫妇
// after it, a headline made of the name and a note of pictures or opening
// with the name and 会见, 视察 …; list items go on past a note in brackets
// (陈绮玲（女）、程有清), and a list of three or more name-shaped items that
// gse tags is a list of names. A note in brackets (（蒙古族）, （左一）) is
// no byline, and a name-shaped word inside an organization (李宁集团) or
// before a one-character place head (王家坝村) needs strong context.
//
// Rules for government work reports, whose running text is full of
// name-shaped words (a surname, then one or two characters):
//
//   - a job or role noun before a word (职工, 居民, 企业家) is strong
//     context for a name, but not for a dictionary word: a frequent
//     two-character word (居民|养老), a word gse does not tag as a name
//     (职工|基本, 企业家|安心|谋), or a name-tagged word that does not start
//     with a surname stays a word;
//   - a dictionary word without a name tag on it or on its given part
//     (高利贷, not 周|恩来) needs an office or a byline;
//   - a surname and one character that gse keeps as one frequent word, or
//     that is followed by a lone verb (文明|城, 惠民|生), is no name without
//     strong context, nor is a name-shaped word before a lone verb that
//     closes the phrase (惠民|生、);
//   - a street, school or site head after the word (贝尔|大街,
//     向阳|幼儿园), or a last character gse tags as a place (伊敏|河), makes
//     it a place name; this also stops a name found once from being
//     repeated there;
//   - a frequent word gse tags as a name (修正, 高水平) needs a verb taking
//     a person around it (说, 会见); 、 or 等 alone is the context of any
//     list of nouns (检查、修正); a name whose given part is a common word
//     (高|水平), taken without strong context, is not repeated through the
//     text;
//   - a two-character dictionary word written right after a common noun
//     with only 、 or 等 around it is a compound (档案|史志、);
//   - 病, 观 and 图 head common nouns (常见病, 安全观, 施工图);
//   - a lone one-character Japanese surname (岸) needs an office;
//   - a speaker line, an office, spaces and a two- or three-character name
//     ending the line (区人民政府代区长　　萨国文), is a byline: strong
//     context whatever the surname, and the office is the speaker's title.
//
// Each mention carries the titles written right before it, split at 、,
// and an office written right after it (习近平总书记), the organization
// the first title names, and a role (author, reporter) for bylines.

//go:embed data/surnames.txt
var surnameData string

//go:embed data/titles.txt
var titleData string

var (
	personOnce sync.Once
	surnames   *Lexicon[int] // surname -> class 1..3
	// surnameFirst holds the first characters of the surnames.
	surnameFirst = new(personRuneSet)
	titleRev     *Lexicon[string] // titles reversed -> kind
	titleFwd     *Lexicon[string] // titles -> kind
	titleKinds   map[string]string
)

func loadPersons() {
	personOnce.Do(func() {
		surnames = NewLexicon[int]()
		ReadWordList(surnameData, func(f []string) {
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
		titleRev = NewLexicon[string]()
		titleFwd = NewLexicon[string]()
		titleKinds = map[string]string{}
		ReadWordList(titleData, func(f []string) {
			k := "office"
			if len(f) > 1 {
				k = f[1]
			}
			titleKinds[f[0]] = k
			titleRev.Add(orgReverse(f[0]), k)
			titleFwd.Add(f[0], k)
		})
	})
}

// isTitleWord reports whether w is an office, job or form of address.
func isTitleWord(w string) bool {
	loadPersons()
	_, ok := titleKinds[w]
	return ok
}

// personNotGiven are characters that do not occur in given names: function words,
// grammatical morphemes and the heads of common phrases.
const personNotGiven = "的了是和与及等说也都就又还而并把被对从为以于之这那个们月日里内外后前不没要会将已让给到去过着很最更各每该此今昨省市县区镇乡村党委部局厅处科所议讲摄称副二三四五六七八九十余版牌却替他她它"

// personNotLast are characters that end common nouns (许可证, 严重性,
// 纪念堂) and hardly ever end a given name.
const personNotLast = "性证堂机画滩带声队党馆站厂场室器品费额率量法式型类术业物路街楼车船剧报刊税价柿系户感壳赛件学本丛族兵塔原师史期卡鸡盾币病观图"

// personFuncChars may stand alone right before a name without being part of a
// word with the surname (在, 由, 和 …).
const personFuncChars = "在和与由对向把被给让请是有及同将为了的等说如据经因从自跟叫派使令找看见称问也都又还就才并而或即暨兼任陪随代及至到当于以致并向、，。；：？！“”《》（）·—－ \n\t"

// personGivenChars are characters common in Chinese given names, written
// from general knowledge of naming practice (not from any corpus). They
// decide whether a single character cut off after a two-character name
// continues it (孙家|正 → 孙家正).
const personGivenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国文辉鹏林峰春梅海云光成荣东波宁斌龙生福亮新志德金清飞彬俊凤晓庆家正永健宏民安立祥利胜学良义忠仁礼智信顺泰丰富贵财禄寿喜山石松柏竹菊莲荷珍珠宝琴瑶璐琳琪璇瑞佳嘉欣悦怡婷雪雨露霖晨阳旭昊昌晶晖晴旺铭锋钢鑫铁锦泉江河湖浩淼涵润泽洁源沛溪滨洪汉卫兵武毅坚威雄豪彦才贤达航振兴启跃凯旋捷越青秋冬桃杏樱芬芝芸芹苗茂茵莉菲蓉蕾薇蓓颖慧惠淑贞娴雅婉妮娇媛姣妍婕琼瑾丹彤虹燕鸿鹤鸣鹰骏驰腾麟彪虎豹宇宙坤乾元亨克定邦庭树森枫桐楠栋梁材杨柳榕杉培基均城增壮士仕伦保修侠仲伯叔季孟百千万厚宽容恒恩思怀慈爱乐欢耀煌炎焱烨炜煜熙照灿烈勋功劲励勤勉章书诗琦琛珊玲璋环瑜璞玮锐钧铮镇钰锡钊钦铎锴孝廉真善美节诚谦敬尊奋拓扬高峻岭岩岚崇嵩巍川州洲湘渝津沪京晋豫鲁冀皖赣闽粤黔滇蜀陇藏疆奇彩艺菁萱蓬葆蕴萌茜芮芷馨香佩倩俐伶伊依姗姝婧娅嫣姿蕊翠碧紫黛墨霜冰凌澄朗曦旦昕暄晗昱晟昶景聪慎恪悟惟维纲绪绍纬绮穗秉斐雯霏霄震霆雷风恬甜轩翔宪政治发展廷延媚婵娥妹姐艾芙苏蔚岳崧峥嵘柱梓桢槐樵权标根汝沁泓涌淳湛渊滢潇澜瀚灏然焕炳炯烁煊燊琨瑛毓嫦康祖运守其卿俭朴甫弼哲瑟祺祯禧"

// personVerbsBefore take a person as object right after them.
var personVerbsBefore = map[string]bool{
	"选举": true, "任命": true, "授予": true, "会见": true, "接见": true, "慰问": true,
	"看望": true, "陪同": true, "宴请": true, "会晤": true, "委托": true, "推选": true,
	"表彰": true, "悼念": true, "怀念": true, "纪念": true, "采访": true, "邀请": true,
	"祝贺": true, "致电": true, "致信": true, "战胜": true, "击败": true, "负于": true,
}

// personHeadlineVerbs, right after a name opening a line, make it a
// headline about that person: 张万年会见…, 李鹏视察….
var personHeadlineVerbs = map[string]bool{
	"会见": true, "接见": true, "会晤": true, "视察": true, "考察": true, "看望": true,
	"慰问": true, "出席": true, "主持": true, "致电": true, "致信": true, "致函": true,
}

// photoNote reports whether a note of attached pictures opens at i:
// 邱娥国（附图片１张）, a headline that is only a name.
func (c *personCtx) photoNote(i int) bool {
	return i+3 < len(c.rs) && (c.rs[i] == '（' || c.rs[i] == '(') && c.rs[i+1] == '附' && (c.rs[i+2] == '图' || c.rs[i+2] == '照')
}

// personVerbs follow a person as subject.
var personVerbs = map[string]bool{
	"说": true, "指出": true, "表示": true, "强调": true, "认为": true, "介绍": true,
	"告诉": true, "主持": true, "出席": true, "会见": true, "讲话": true, "致辞": true,
	"宣布": true, "要求": true, "希望": true, "提出": true, "透露": true, "回忆": true,
	"参加": true, "会晤": true, "访问": true, "接见": true, "看望": true, "率领": true,
	"带队": true, "担任": true, "发表": true, "签署": true, "题词": true, "当选": true,
	// not verbs, but words that follow a person: 科恩一行, 宋平夫妇
	"一行": true, "等人": true, "夫妇": true, "夫人": true,
}

// personRuneSet is a set of characters of the Basic Multilingual Plane,
// one bit each: a test is a shift and a mask, no hashing.
type personRuneSet [1 << 10]uint64

func (s *personRuneSet) has(r rune) bool {
	return r >= 0 && r < 1<<16 && s[r>>6]&(1<<(uint(r)&63)) != 0
}

func (s *personRuneSet) add(r rune) {
	if r >= 0 && r < 1<<16 {
		s[r>>6] |= 1 << (uint(r) & 63)
	}
}

func newPersonRuneSet(chars string) *personRuneSet {
	s := new(personRuneSet)
	for _, r := range chars {
		s.add(r)
	}
	return s
}

var (
	notGivenSet = newPersonRuneSet(personNotGiven)
	// personAfterSet holds characters that often follow a name (在, 因,
	// 说) and rarely end a three-character name.
	personAfterSet = newPersonRuneSet("在因从对向和与被把将也都就又还说是等为于给到已曾便却时")
	givenSet       = newPersonRuneSet(personGivenChars)
	notLastSet     = newPersonRuneSet(personNotLast)
	funcCharSet    = newPersonRuneSet(personFuncChars)
)

// translitChars holds the characters of transliterated foreign names.
const translitChars = "欧冈玻采绍赞佛顿嘎申若潘治尧罕默斐廉娅蕾瑙妮霍琪茜露珊纪阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜多厄恩尔法范菲费芬丰弗福盖甘冈戈格哥根贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱赖兰朗劳勒雷黎里利连林琳隆卢鲁伦罗洛吕马迈麦曼芒梅门蒙米密莫默姆穆纳奈南内尼涅努诺帕潘佩彭皮珀普齐奇恰乔切钦琼丘萨塞赛桑瑟森沙莎舍什施舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因英尤约扎泽詹哲兹佐娃娜莉丽茨夫基维奇玛廷撒契勃略捷黛瑞蓬芭岑缇裴·"

var translitSet = newPersonRuneSet(translitChars)

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
}

func newPersonCtx(d *Document) *personCtx {
	c := &personCtx{d: d, rs: d.runes, toks: d.Tokens(), listAt: -1}
	c.startTok = make([]int, len(c.rs)+1)
	c.endTok = make([]int, len(c.rs)+1)
	for i := range c.startTok {
		c.startTok[i], c.endTok[i] = -1, -1
	}
	for k, t := range c.toks {
		c.startTok[t.Start] = k
		c.endTok[t.End] = k
	}
	c.orgEnd = make([]bool, len(c.rs)+1)
	c.inOrg = make([]bool, len(c.rs)+1)
	for _, o := range findOrgs(d) {
		c.orgEnd[o.end] = true
		for i := o.start; i < o.end; i++ {
			c.inOrg[i] = true
		}
	}
	c.inPlace = make([]bool, len(c.rs)+1)
	for _, m := range d.placeIdx {
		for i := m.Start; i < m.End && i < len(c.rs); i++ {
			c.inPlace[i] = true
		}
	}
	return c
}

// titleBefore returns the length of the title word ending at i (0 if none)
// and its kind.
func (c *personCtx) titleBefore(i int) (int, string) {
	best, kind := 0, ""
	if i == 0 {
		return 0, ""
	}
	node := titleRev.start(c.rs[i-1])
	for j := i - 1; j >= 0 && i-j <= titleRev.maxLen; j-- {
		if j < i-1 {
			node = node.child(c.rs[j])
		}
		if node == nil {
			break
		}
		if node.ok && (c.startTok[j] >= 0 || c.endTok[i] >= 0 && c.toks[c.endTok[i]].Start < j) {
			best, kind = i-j, node.val // 支队长|周学农: a title ending a word counts
		}
	}
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
	j := i
	for j > 0 && (c.rs[j-1] == ' ' || c.rs[j-1] == '\u3000' || c.rs[j-1] == ':' || c.rs[j-1] == '：') {
		j--
	}
	if j == 0 {
		return ""
	}
	switch c.rs[j-1] {
	case '者', '员', '文', '稿', '影', '辑':
	default:
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

// personBylineCues are the words that introduce an author or reporter.
var personBylineCues = []struct {
	w    []rune
	role string
}{
	{[]rune("作者"), "author"}, {[]rune("文"), "author"}, {[]rune("撰稿"), "author"},
	{[]rune("记者"), "reporter"}, {[]rune("通讯员"), "reporter"}, {[]rune("摄影"), "reporter"},
	{[]rune("编辑"), "author"},
}

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

// evidence is what is known about a candidate name and its surroundings.
type evidence struct {
	strong bool // office or byline before, office or form of address after
	job    bool // a job or role noun right before (职工, 企业家): strong, yet no office
	weak   bool
	verb   bool // the weak context is a verb taking a person, not 、 or 等 // reporting verb after, 、 or 等 after, list item
	lex2   bool // gse tags the whole name, or surname and given name, as a name
	lex1   bool // gse tags the surname token as a name
	shape  int  // given-name characters found in personGivenChars
	veto   bool // cannot be a name
}

// context fills the strong and weak context of a span.
func (c *personCtx) context(start, end int, ev *evidence) {
	if tl, kind := c.titleBefore(start); tl > 0 {
		ev.strong = true
		ev.job = kind == "job"
	} else if c.bylineCue(start) != "" || start == c.listAt {
		ev.strong = true
	}
	if !ev.strong && start > 0 {
		if kp := c.endTok[start]; kp >= 0 {
			pt := c.toks[kp]
			switch {
			case c.orgEnd[start] && end-start >= 3:
				ev.strong = true // 市委宣传部|赵巍巍: an organization, then the name
			case c.orgEnd[start]:
				ev.weak = true
			case personVerbsBefore[pt.Text]:
				ev.weak = true // 选举|吴振汉, 会见|…
				ev.verb = true
				if end < len(c.rs) && c.rs[end] == '为' {
					ev.strong = true // 选举|杨正午|为省长
				}
			}
		}
	}
	if end+2 < len(c.rs) && strings.ContainsRune("（(", c.rs[end]) {
		// 黄任文（壮族）, 李某（女）: ethnicity or sex in brackets after a name
		for j := end + 1; j < len(c.rs) && j <= end+6; j++ {
			if strings.ContainsRune("）)", c.rs[j]) {
				if w := string(c.rs[end+1 : j]); w == "女" || w == "男" || strings.HasSuffix(w, "族") {
					ev.strong = true
				}
				break
			}
		}
	}
	if !ev.strong && start > 0 && end < len(c.rs) && strings.ContainsRune("）)", c.rs[end]) && c.inPlace[start-1] {
		// （河南开封市牛建海）: a byline of place and name in brackets
		j := start - 1
		for j > 0 && c.inPlace[j-1] {
			j--
		}
		if j > 0 && strings.ContainsRune("（(", c.rs[j-1]) {
			ev.strong = true
		}
	}
	if end+1 < len(c.rs) && strings.ContainsRune("摄作绘摘", c.rs[end]) && strings.ContainsRune("）)", c.rs[end+1]) {
		ev.strong = true // (陆敬平摄), (张滨作): a photo or drawing byline
	}
	if end+1 < len(c.rs) && c.rs[end+1] == '段' && strings.ContainsRune("一二三四五六七八九", c.rs[end]) {
		ev.strong = true // 王磊六段: a player's rank in go or chess
	}
	lineStart := start == 0 || c.rs[start-1] == '\n'
	lineEnd := end == len(c.rs) || c.rs[end] == '\n' || c.photoNote(end)
	if lineStart && lineEnd {
		ev.strong = true // a line that is only a name: a byline
	}
	if start > 0 && end < len(c.rs) && strings.ContainsRune("（(", c.rs[start-1]) && strings.ContainsRune("）)", c.rs[end]) && !personBracketNote(c.rs[start:end]) && !(end-start >= 3 && strings.ContainsRune("摄作绘摘", c.rs[end-1])) {
		ev.strong = true // (张三): a byline in brackets
	}
	if end+2 < len(c.rs) && c.rs[end] == '为' && c.endTok[end+1] >= 0 {
		// 徐山林、李逢滋为副主任: a name elected or appointed to an office
		if tl, kind := c.titleAfter(end + 1); tl > 0 && kind == "office" {
			ev.strong = true
		}
	}
	if end < len(c.rs) {
		if tl, kind := c.titleAfter(end); tl > 0 && (kind != "job" || tl >= 3) {
			ev.strong = true // 习近平总书记, 李飞副教授
		} else if kt := c.startTok[end]; kt >= 0 && personVerbs[c.toks[kt].Text] {
			ev.weak = true
			ev.verb = true
		} else if strings.ContainsRune("、等（(", c.rs[end]) {
			ev.weak = true
		}
	}
	if start > 0 && c.rs[start-1] == '、' {
		ev.weak = true
	}
	if (start == 0 || c.rs[start-1] == '\n') && end < len(c.rs) {
		// a headline opening with its subject: 张万年会见美前国防部长
		if kt := c.startTok[end]; kt >= 0 && personHeadlineVerbs[c.toks[kt].Text] {
			ev.strong = true
		}
	}
	if (start == 0 || strings.ContainsRune("。！？\n”』，；：", c.rs[start-1])) && end < len(c.rs) {
		// a clause opening with the name as subject: 李鹏在…, 李鹏对…
		if kt := c.startTok[end]; kt >= 0 && strings.Contains("在对和就与同向把将于也还又却便才都曾已正", c.toks[kt].Text) && len([]rune(c.toks[kt].Text)) == 1 {
			ev.weak = true
		}
	}
	if start > 0 && end < len(c.rs) && strings.ContainsRune("叫让请派给", c.rs[start-1]) && strings.ContainsRune("的说去来到做把在", c.rs[end]) {
		ev.weak = true // 叫刘明的, 让梁军去
	}
}

// placeHeads are the one-character words that, written right after a
// name-shaped word, make it the name of a place: 王家坝|村, 图尔库|市.
const placeHeads = "村庄屯寨港湾岛桥寺庙山河湖江街路市县镇乡"

// facilityHeads are the words that, written right after a name-shaped
// word, make it the name of a street, a district, a school or a site, as
// work reports list them: 贝尔|大街, 向阳|幼儿园, 东方明珠|小区.
var facilityHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`大街 大道 街道 小区 社区 公园 广场 景区 遗址 湿地 新区 园区 幼儿园
		小学 中学 学校 医院 卫生院 酒业 牧业 乳业 基地 牧场 水库 大桥 商城 市场 宾馆 酒店 嘎查`) {
		facilityHeads[w] = true
	}
}

// placeHead reports whether a one-character place head word, or a facility
// head, starts at i.
func (c *personCtx) placeHead(i int) bool {
	k := c.startTok[min(i, len(c.rs))]
	if k < 0 {
		return false
	}
	t := c.toks[k]
	return t.End-t.Start == 1 && strings.ContainsRune(placeHeads, c.rs[i]) || facilityHeads[t.Text]
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
	return n == 2 && (w[0] == '左' || w[0] == '右' || w[0] == '前' || w[0] == '后') && strings.ContainsRune("一二三四五六七八九", w[1])
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

// chineseAt returns the best Chinese name starting at token k, or start -1.
// The rules, in order:
//
//	veto: the span is one known word that gse does not tag as a name (乌克兰,
//	高兴), a place the place stage found, a reduplication (谢谢), or a
//	surname split off after a single content character (学史|崇德) with no
//	strong context;
//	strong context (office, byline, 同志 …) accepts any name shape;
//	a three-character name needs gse's name tag and a plausible given name,
//	or a fully plausible given name with weak context;
//	a two-character name needs gse's name tag, a plausible given character
//	and weak context;
//	a rare surname (富, 于, 和) needs strong context, or everything else.
func (c *personCtx) chineseAt(k int) (best personCand) {
	t := c.toks[k]
	i := t.Start
	best.start = -1
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
			ok, plausible := true, true
			for _, r := range c.rs[i+sl : e] {
				if !isHan(r) || notGivenSet.has(r) {
					ok = false
				}
				plausible = plausible && givenSet.has(r)
			}
			if !ok {
				continue
			}
			if class == 3 && !plausible && !(ke == k && gl == 2 && (c.toks[k].Pos == "nr" || c.toks[k].Pos == "nrfg")) {
				continue // a rare surname needs a fully plausible given name (see evidence)
			}
			ev := c.evidence(k, ke, sl, class)
			if ev.veto {
				continue
			}
			accept := false
			switch {
			case ev.strong && class == 3:
				accept = ev.shape == gl
			case ev.strong:
				accept = true
			case class == 3:
				accept = ev.lex2 && ev.weak && ev.shape == gl
			case gl == 2:
				accept = (ev.lex2 && ev.shape >= 1) || (ev.lex1 && ev.shape == 2 && (ev.weak || ke-k == 2)) || (ev.shape == 2 && (ev.weak || class == 1) && ke-k == 2)
			case gl == 1:
				accept = ev.lex2 && ev.shape == 1 && (ev.weak || (ke == k && c.freq(c.toks[k].Text) < personRareFreq)) ||
					class == 1 && ke == k+1 && ev.lex1 && ev.shape == 1 && personTag(c.toks[ke].Pos)
			}
			if accept && (best.start < 0 || e > best.end) {
				best = personCand{start: i, end: e, strong: ev.strong}
			}
		}
	})
	return best
}

// evidence gathers the evidence for the name made of tokens k..ke whose
// surname has sl characters.
func (c *personCtx) evidence(k, ke, sl, class int) (ev evidence) {
	toks := c.toks
	start, end := toks[k].Start, toks[ke].End
	// vetoes that need no context first: they decide most candidates

	if end-start-sl == 1 && c.rs[start+sl] == c.rs[start] {
		ev.veto = true // reduplication: 谢谢
		return
	}
	if k == ke {
		switch toks[k].Pos {
		case "nt", "j":
			ev.veto = true // an organization or abbreviation
			return
		}
	}
	if end-start-sl == 2 && personAfterSet.has(c.rs[end-1]) && !(k == ke && personTag(toks[k].Pos)) {
		ev.veto = true // 宋健|在, 顾伟|因: the word after the name
		return
	}
	if c.placeOverlap(start, end) {
		ev.veto = true
		return
	}
	if n, _ := titleFwd.Longest(c.rs[:end], start+sl); n == end-start-sl {
		ev.veto = true // 孙先生, 王老师: the "given name" is a title
		return
	}
	if n, _ := titleFwd.Longest(c.rs[:end], start); n == end-start || n >= 2 {
		ev.veto = true // 司令员, 董事长, 司长|陈: an office, not a name
		return
	}
	c.context(start, end, &ev)
	if !ev.strong && end+1 < len(c.rs) && c.startTok[end] >= 0 && c.endTok[end+1] >= 0 && (!isHan(c.rs[end+1]) || end-start == 2 && personTag(toks[k].Pos) && c.freq(toks[k].Text) >= personRareFreq) {
		// 惠民|生、, 惠民|生的: a lone verb closing the phrase, or after a
		// dictionary word tagged a name, makes the "name" its first part
		if nt := toks[c.startTok[end]]; personVerbTag(nt.Pos) && !personVerbs[nt.Text] && !funcCharSet.has(c.rs[end]) {
			ev.veto = true
			return
		}
	}
	if lt := toks[ke]; !ev.strong && k != ke && lt.End-lt.Start == 1 && lt.Pos == "ns" && strings.ContainsRune(placeHeads, c.rs[end-1]) {
		ev.veto = true // 伊敏|河: the last character is a place head gse tags a place
		return
	}
	if notLastSet.has(c.rs[end-1]) && !ev.strong {
		ev.veto = true // 许可证, 严重性: the last character heads a common noun
		return
	}
	if !ev.strong && (c.inOrg[start] && c.inOrg[end-1] || c.placeHead(end)) {
		ev.veto = true // 李宁集团, 王家坝村: the name of a body or a place
		return
	}
	for _, r := range c.rs[start+sl : end] {
		if givenSet.has(r) {
			ev.shape++
		}
	}
	gl := end - start - sl
	if k == ke && k > 0 && gl == 1 && !ev.strong && !ev.verb && ev.weak && toks[k-1].Pos == "n" && toks[k-1].End == start && titleKinds[toks[k-1].Text] == "" && c.freq(toks[k].Text) > 0 {
		ev.veto = true // 档案|史志、: a dictionary word right after a noun is a compound
		return
	}
	if k == ke && gl == 1 && ev.job && c.freq(toks[k].Text) >= personRareFreq {
		ev.veto = true // 居民|养老: a role noun does not make a word a name
		return
	}
	if k == ke {
		switch toks[k].Pos {
		case "nr", "nrfg":
			ev.lex2 = true
			if gl == 1 && !ev.strong && (c.freq(toks[k].Text) > personCommonFreq || !ev.verb && c.freq(toks[k].Text) > personListFreq) {
				ev.veto = true // a frequent word, though tagged a name: 文明, 道德
				return
			}
			if gf := c.freq(string(c.rs[start+sl : end])); gl == 2 && gf < personGivenFreq {
				if ev.shape < 2 {
					ev.shape = 2 // a dictionary name whose given part is no word: 何长工
				}
			} else if gl == 2 && !ev.strong && ev.verb && c.freq(toks[k].Text) >= personRareFreq {
				ev.shape = max(ev.shape, 1) // a known name with a verb after it: 张万年会见, 金大中说
			} else if gl == 2 && !ev.strong && ev.shape < 2 {
				ev.veto = true // 高|水平: the given part is a common word
				return
			}
		case "nrt":
			ev.lex1 = true
		case "nt", "j":
			ev.veto = true // an organization or abbreviation
			return
		case "ns":
			if !ev.strong {
				ev.veto = true // a place for gse; a name only after an office: 国务委员罗干
				return
			}
			ev.lex2 = true
		case "nz":
			if !ev.strong {
				ev.veto = true // another proper name, unless an office names it: 省长回良玉
				return
			}
			ev.lex2 = true
		default:
			// a dictionary word with another tag: a name only when its
			// given part is no common word (周|恩来, not 高|水平)
			if gl == 2 && !ev.strong && ev.shape < 2 && toks[k].Pos == "n" && c.freq(toks[k].Text) >= personCommonFreq {
				ev.veto = true // a frequent common word: 毕业生
				return
			} else if gl == 2 && !ev.strong && c.freq(toks[k].Text) >= personRareFreq && !personTag(c.pos(string(c.rs[start+sl:end]))) {
				// a dictionary word in use, no name tag on it or on its
				// given part, no office: 高利贷, not 周|恩来
				ev.veto = true
				return
			} else if gl == 2 && ev.shape >= 1 && c.freq(string(c.rs[start+sl:end])) < personGivenFreq {
				ev.lex2 = true
			} else if !ev.strong || gl == 1 && c.freq(toks[k].Text) >= personRareFreq {
				ev.veto = true // one known non-name word: 乌克兰, 高兴
				return
			}
		}
	} else {
		first := toks[k]
		fl := first.End - first.Start
		if personTag(first.Pos) && fl == sl {
			ev.lex1 = true
		}
		if fl > sl {
			// gse cut the name short (孙家|正): the first token is surname
			// plus one character, tagged a name, and one plausible
			// character follows.
			if personTag(first.Pos) && fl == sl+1 && ke == k+1 && end-first.End == 1 && givenSet.has(c.rs[end-1]) {
				ev.lex2 = true
				if !ev.strong && (c.freq(first.Text) >= personCommonFreq || personVerbTag(toks[ke].Pos)) {
					ev.veto = true // 文明|城, 惠民|生: a common word, or a word and a verb
					return
				}
			} else if !ev.strong || ev.job && !personTag(first.Pos) && c.freq(first.Text) >= personRareFreq {
				// 企业家|安心|谋: a role noun does not make a word a name
				ev.veto = true
				return
			}
		}
		for j := k + 1; j <= ke; j++ {
			tj := toks[j]
			tn := tj.End - tj.Start
			if personTag(tj.Pos) {
				if tn >= 2 {
					if cl, ok := surnames.Get(string(c.rs[tj.Start : tj.Start+1])); ok && cl <= class && (!ev.strong || class == 3) {
						ev.veto = true // the name starts later: 和|李鹏, 万|马克
						return
					}
				}
				if ev.lex1 || (tn == 2 && j == ke && toks[k].End-toks[k].Start == sl) {
					ev.lex2 = true // 谭|利华: a surname, then a given name gse tags a name
				}
			} else if tn >= 2 && (!ev.strong || c.freq(tj.Text) > personCommonFreq) {
				ev.veto = true // the given name is an ordinary word: 王|国家
				return
			}
		}
	}
	if c.placeOverlap(start, end) {
		ev.veto = true
		return
	}
	// fragment rule: a single content character split off right before a
	// surname that is cut from its given name binds with it (学史|崇德).
	if k > 0 && k != ke && !ev.strong {
		p := toks[k-1]
		if pr := []rune(p.Text); len(pr) == 1 && !funcCharSet.has(pr[0]) && unicode.Is(unicode.Han, pr[0]) {
			ev.veto = true
		}
	}
	return ev
}

// foreignAt returns a transliterated name starting at token k, or start -1:
// transliteration characters only, pieces joined by ·, and either gse's
// name tag on a name of three or more characters or an office around it.
func (c *personCtx) foreignAt(k int) personCand {
	t := c.toks[k]
	if !translitSet.has(c.rs[t.Start]) && !personTag(t.Pos) {
		return personCand{start: -1} // every rule below needs one or the other
	}
	if translitSet.has(c.rs[t.Start]) {
		// after an office or job, the run of transliteration characters,
		// however the segmenter cut it: 外交大臣|塔拉瓦奈
		if tl, kind := c.titleBefore(t.Start); tl > 0 && kind != "after" {
			e := t.Start
			for e < len(c.rs) && e-t.Start < 8 && translitSet.has(c.rs[e]) {
				e++
			}
			for e > t.Start && c.endTok[e] < 0 {
				e--
			}
			oneWord := e == t.End && !personTag(t.Pos) && c.freq(t.Text) >= personRareFreq
			if e-t.Start >= 2 && !oneWord && !c.placeOverlap(t.Start, e) { // not 摄影|比赛, 专家|连连
				return personCand{start: t.Start, end: e, strong: true}
			}
		}
	}
	ke := k
	tagged := personTag(t.Pos)
	allT := func(w string) bool {
		for _, r := range w {
			if !translitSet.has(r) {
				return false
			}
		}
		return true
	}
	if t.Pos == "ns" || t.Pos == "nt" {
		// a word gse takes for a place, after an office, that the place
		// stage does not know: 总统巴嘎班迪
		if tl, kind := c.titleBefore(t.Start); tl > 0 && kind == "office" && allT(t.Text) && len([]rune(t.Text)) >= 3 && !c.placeOverlap(t.Start, t.End) {
			return personCand{start: t.Start, end: t.End, strong: true}
		}
		if t.Pos == "ns" && allT(t.Text) && len([]rune(t.Text)) >= 3 && !c.placeOverlap(t.Start, t.End) {
			// a run of transliteration characters the gazetteer does not
			// know, with a person's context: an office after it (菲拉利首相),
			// or a verb taking a person around it (会见绍罗什, 德桑蒂斯将车…)
			var ev evidence
			c.context(t.Start, t.End, &ev)
			if ev.strong || ev.weak && c.freq(t.Text) < personRareFreq && c.foreignVerbCtx(k) {
				return personCand{start: t.Start, end: t.End, strong: ev.strong}
			}
		}
		return personCand{start: -1}
	}
	if !allT(t.Text) {
		// any word gse tags a name, right after an office: 总统加尧姆
		if !tagged {
			return personCand{start: -1}
		}
		n := len([]rune(t.Text))
		if n < 2 || n > 5 {
			return personCand{start: -1}
		}
		if tl, kind := c.titleBefore(t.Start); tl > 0 && kind != "after" && !c.placeOverlap(t.Start, t.End) && (kind != "job" || surnameFirst.has(c.rs[t.Start]) || c.freq(t.Text) < personRareFreq) {
			// after a role noun, a frequent word needs a surname: 职工|王政, not 居民|养老
			return personCand{start: t.Start, end: t.End, strong: true}
		}
		return personCand{start: -1}
	}
	for ke+2 < len(c.toks) && (c.toks[ke+1].Text == "·" || c.toks[ke+1].Text == "・") && allT(c.toks[ke+2].Text) {
		ke += 2
		tagged = tagged || personTag(c.toks[ke].Pos)
	}
	if tl, _ := c.titleBefore(t.Start); tl > 0 && ke == k && len([]rune(t.Text)) == 1 {
		// a name gse cut into single characters after an office: 总统塞|迪|略
		for ke+1 < len(c.toks) && c.toks[ke+1].End-t.Start <= 6 && allT(c.toks[ke+1].Text) && len([]rune(c.toks[ke+1].Text)) <= 2 {
			ke++
		}
	}
	start, end := t.Start, c.toks[ke].End
	if end-start < 2 || c.placeOverlap(start, end) {
		return personCand{start: -1}
	}
	if ke == k && !tagged && c.freq(t.Text) >= personRareFreq {
		return personCand{start: -1} // a dictionary word after a job: 职工|基本|医疗保险
	}
	var ev evidence
	c.context(start, end, &ev)
	if !tagged && end-start >= 3 && ev.weak && c.freq(string(c.rs[start:end])) < 50 {
		tagged = true // an unknown run of transliteration characters as subject: 亨廷顿认为
	}
	if !ev.strong && (c.inOrg[start] && c.inOrg[end-1] || c.placeHead(end)) {
		return personCand{start: -1} // 柯达公司, 图尔库市: a body or a place
	}
	if f := c.freq(string(c.rs[start:end])); ev.strong || (tagged && (end-start >= 3 || ev.verb && f < personCommonFreq || ev.weak && f < personRareFreq)) {
		// a two-character word in use needs a verb, not only 、: 老龄、科普
		return personCand{start: start, end: end, strong: ev.strong}
	}
	return personCand{start: -1}
}

// foreignVerbCtx reports whether token k, a foreign word, has a verb of
// speech or action after it or a verb taking a person before it: the weak
// context that tells a name from an unknown foreign place (…在特拉维夫).
func (c *personCtx) foreignVerbCtx(k int) bool {
	if k > 0 && personVerbsBefore[c.toks[k-1].Text] {
		return true
	}
	if k+1 < len(c.toks) {
		n := c.toks[k+1].Text
		return personVerbs[n] || n == "将" || n == "也" || n == "还" || n == "又" || n == "曾"
	}
	return false
}

// dottedNames finds names whose parts are joined by a middle dot
// (威廉·佩里, 阿木冬·尼牙孜): runs of transliteration characters on both
// sides of each dot, snapped to the segmenter's cuts. It returns the spans
// by start.
func (c *personCtx) dottedNames() map[int]int {
	out := map[int]int{}
	rs := c.rs
	isDot := func(r rune) bool { return r == '·' || r == '・' || r == '•' || r == '‧' }
	for p := 1; p+1 < len(rs); p++ {
		if !isDot(rs[p]) || !translitSet.has(rs[p-1]) || !translitSet.has(rs[p+1]) {
			continue
		}
		s := p
		for s > 0 && p-s < 6 && translitSet.has(rs[s-1]) {
			s--
		}
		e := p + 1
		for {
			for e < len(rs) && translitSet.has(rs[e]) && !isDot(rs[e]) {
				e++
			}
			if e+1 < len(rs) && isDot(rs[e]) && translitSet.has(rs[e+1]) {
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
		if s < p && e > p+1 && !isDot(rs[e-1]) && !c.placeOverlap(s, e) {
			out[s] = e
		}
		p = e
	}
	return out
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
					ok = ok && unicode.Is(unicode.Han, r) && !notGivenSet.has(r)
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
func (c *personCtx) bylineRuns() map[int]int {
	out := map[int]int{}
	rs := c.rs
	for b := 0; b < len(rs); b++ {
		var s int
		switch {
		case rs[b] == '（' || rs[b] == '(':
			s = b + 1
		case b > 0 && c.bylineCue(b) != "" && (b == len(rs) || rs[b] != ':'):
			s = b
		default:
			continue
		}
		e := s
		for e < len(rs) && e-s <= 16 && unicode.Is(unicode.Han, rs[e]) {
			e++
		}
		end := e
		if e > s && rs[e-1] == '摄' {
			end = e - 1
		}
		closed := e == len(rs) || strings.ContainsRune("）)\n", rs[e])
		if closed && c.startTok[s] >= 0 && c.endTok[end] >= 0 && c.nameRun(s, end) && !c.placeOverlap(s, end) {
			out[s] = end
		}
	}
	return out
}

// personSpace reports whether r is a space written inside a line.
func personSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' }

// speakerLines finds the speaker of a report or speech, written as a byline:
// an office, spaces, then a name of two or three characters that ends the
// line (海拉尔区人民政府代区长　　萨国文). The shape alone is strong context,
// so the surname need not be in the surname list. It returns the spans by
// start.
func (c *personCtx) speakerLines() map[int]int {
	out := map[int]int{}
	rs := c.rs
	for i := 1; i < len(rs); i++ {
		if !personSpace(rs[i]) || personSpace(rs[i-1]) {
			continue
		}
		if tl, kind := c.titleBefore(i); tl == 0 || kind != "office" {
			continue
		}
		s := i
		for s < len(rs) && personSpace(rs[s]) {
			s++
		}
		e := s
		for e < len(rs) && e-s <= 3 && isHan(rs[e]) {
			e++
		}
		n := e - s
		for e < len(rs) && personSpace(rs[e]) {
			e++
		}
		if n < 2 || n > 3 || e < len(rs) && rs[e] != '\n' && rs[e] != '\r' {
			continue
		}
		if tn, _ := titleFwd.Longest(rs[:s+n], s); tn > 0 || c.placeOverlap(s, s+n) || c.inOrg[s] {
			continue // 县长　副县长: an office, a place or a body is no name
		}
		out[s] = s + n
	}
	return out
}

// japaneseSurnames are common Japanese family names, written from general
// knowledge; Japanese politicians and business people are named by them in
// news (桥本, 小渊惠三).
var japaneseSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`桥本 小渊 中曾根 村山 田中 山本 铃木 佐藤 高桥 渡边 伊藤 中村 小林 加藤
		吉田 山田 佐佐木 山口 松本 井上 木村 清水 山崎 池田 石川 前田 藤田 小川 冈田 后藤
		长谷川 村上 近藤 石井 坂本 远藤 青木 藤井 西村 福田 太田 三浦 冈本 松田 中川 中野
		原田 小野 竹内 金子 和田 中山 石田 上田 森田 柴田 宫崎 酒井 工藤 横山 宫本 内田
		高木 安藤 岛田 谷口 大野 高田 丸山 今井 河野 藤原 村田 武田 上野 杉山 增田 小山
		大塚 平野 菅原 久保 松井 千叶 岩崎 樱井 野口 松尾 野村 木下 菊地 佐野 大西 杉本
		新井 浜田 市川 古川 水野 小松 山内 西田 菅野 井口 奥山 宫泽 海部 竹下 羽田 细川
		小泽 鸠山 森喜 宇野 大平 三木 福田 池田 岸 佐川 野中 加藤 梶山 堀内 久间 三塚`) {
		m[w] = true
	}
	return m
}()

// japaneseFirst holds the first characters of japaneseSurnames.
var japaneseFirst = func() *personRuneSet {
	s := new(personRuneSet)
	for w := range japaneseSurnames {
		for _, r := range w {
			s.add(r)
			break
		}
	}
	return s
}()

// japaneseAt finds a Japanese family name with context, and the given name
// gse tags right after it: 桥本说, 首相桥本龙太郎.
func (c *personCtx) japaneseAt(k int) personCand {
	t := c.toks[k]
	if !japaneseFirst.has(c.rs[t.Start]) || !japaneseSurnames[t.Text] {
		return personCand{start: -1}
	}
	end := t.End
	if k+1 < len(c.toks) {
		if n := c.toks[k+1]; personTag(n.Pos) && n.End-n.Start >= 2 && n.End-n.Start <= 3 {
			end = n.End // 桥本|龙太郎
		}
	}
	var ev evidence
	c.context(t.Start, end, &ev)
	if !ev.strong && (!ev.weak || end-t.Start == 1) && end == t.End {
		return personCand{start: -1} // a lone 岸 needs an office: 河畅、水清、岸绿
	}
	return personCand{start: t.Start, end: end, strong: ev.strong}
}

// shortAt finds a surname standing for the whole name: 老张, 小王, and a
// surname right before an office or form of address (孔书记, 徐先生).
func (c *personCtx) shortAt(k int) personCand {
	t := c.toks[k]
	if r := c.rs[t.Start]; r != '老' && r != '小' && !surnameFirst.has(r) {
		return personCand{start: -1} // every rule below needs one or the other
	}
	rs := c.rs[t.Start:t.End]
	if len(rs) == 2 && (rs[1] == '老' || rs[1] == '公') && c.freq(t.Text) < personShortFreq {
		if cl, ok := surnames.Get(string(rs[:1])); ok && cl == 1 {
			return personCand{start: t.Start, end: t.End} // 许老, 周公: an honoured elder
		}
	}
	if len(rs) == 2 && (rs[0] == '老' || rs[0] == '小') && c.freq(t.Text) < personShortFreq && !c.placeOverlap(t.Start, t.End) {
		if cl, ok := surnames.Get(string(rs[1:])); ok && cl == 1 {
			return personCand{start: t.Start, end: t.End}
		}
	}
	if k+1 < len(c.toks) && len(rs) == 1 && strings.HasPrefix(c.toks[k+1].Text, "某") || len(rs) == 2 && rs[1] == '某' {
		// 丁某, 王某某: a name withheld, as news and court reports write it
		if cl, ok := surnames.Get(string(rs[:1])); ok && cl < 3 {
			e := t.Start + 2
			if e < len(c.rs) && c.rs[e] == '某' {
				e++
			}
			if c.endTok[e] >= 0 {
				return personCand{start: t.Start, end: e}
			}
		}
	}
	if len(rs) >= 3 {
		// the segmenter wrote surname and office as one word: 江主席
		if cl, ok := surnames.Get(string(rs[:1])); ok && cl == 1 && titleKinds[t.Text] == "" {
			if kind, ok := titleKinds[string(rs[1:])]; ok && kind != "job" {
				return personCand{start: t.Start, end: t.Start + 1}
			}
		}
	}
	if cl, ok := surnames.Get(t.Text); ok && cl < 3 && len(rs) == 1 && t.End < len(c.rs) && !strings.ContainsRune("任党"+orgCountryChars, rs[0]) {
		if tl, _ := c.titleAfter(t.End); tl > 0 && c.rs[t.End] != rs[0] {
			if p := []rune(c.toks[max(k-1, 0)].Text); k == 0 || len(p) > 1 || funcCharSet.has(p[0]) {
				return personCand{start: t.Start, end: t.End}
			}
		}
	}
	return personCand{start: -1}
}

// mergeRuns joins names written one after the other with nothing between
// them (李鹏朱镕基胡锦涛) into one mention, as People's Daily annotation
// does for lists whose spaces were lost; inside a 《》 title they stay apart.
func (c *personCtx) mergeRuns(found []personCand) []personCand {
	depth := make([]int8, len(c.rs)+1)
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
		depth[i] = d
	}
	var out []personCand
	for _, p := range found {
		if n := len(out); n > 0 && out[n-1].end == p.start && depth[p.start] == 0 {
			out[n-1].end = p.end
			continue
		}
		out = append(out, p)
	}
	return out
}

// extendRuns extends a run of names written together (江泽民李鹏乔石) over
// the name-shaped characters before it up to a separator, when the run
// holds two names or more.
func (c *personCtx) extendRuns(found []personCand) []personCand {
	prevEnd := 0
	for i := range found {
		p := &found[i]
		if p.end-p.start >= 5 && p.start > prevEnd {
			q := p.start
			for q > prevEnd && p.start-q < 12 && unicode.Is(unicode.Han, c.rs[q-1]) && !strings.ContainsRune(listSep, c.rs[q-1]) {
				q--
			}
			if q < p.start && c.startTok[q] >= 0 && c.nameCount(q, p.start) > 0 && !c.placeOverlap(q, p.start) {
				p.start = q
			}
		}
		prevEnd = p.end
	}
	return found
}

// listSep separates the items of a list of names.
const listSep = "、和与及"

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
	var walk func(p personCand, depth int)
	walk = func(p personCand, depth int) {
		if depth > 30 {
			return
		}
		// right neighbour, past a note in brackets: 陈绮玲（女）、程有清
		after := c.skipNote(p.end)
		if after < len(c.rs) && strings.ContainsRune(listSep, c.rs[after]) {
			if q, ok := c.listItem(after+1, true); ok && !have[q.start] {
				have[q.start] = true
				extra = append(extra, q)
				walk(q, depth+1)
			}
		}
		// left neighbour, before a note in brackets
		if p.start > 1 && strings.ContainsRune(listSep, c.rs[p.start-1]) {
			i := c.skipNoteBack(p.start - 1)
			if q, ok := c.listItem(i, false); ok && !have[q.start] {
				have[q.start] = true
				extra = append(extra, q)
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
		known.add(c.rs[q.start:q.end])
	}
	found = append(found, extra...)
	sort.Slice(found, func(i, j int) bool { return found[i].start < found[j].start })
	// drop overlaps, keeping the earlier span
	out := found[:0]
	for _, p := range found {
		if n := len(out); n > 0 && p.start < out[n-1].end {
			continue
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
		if len(items) < 3 {
			continue
		}
		tagged := 0
		for _, q := range items {
			t, plausible := false, true
			for k := c.startTok[q.start]; k >= 0 && k < len(c.toks) && c.toks[k].Start < q.end; k++ {
				t = t || personTag(c.toks[k].Pos)
			}
			sl, _ := surnames.Longest(rs, q.start)
			for _, r := range rs[q.start+sl : q.end] {
				plausible = plausible && givenSet.has(r)
			}
			if !t && !plausible {
				tagged = -1 << 20
				break
			}
			if t {
				tagged++
			}
		}
		if tagged >= 2 {
			extra = append(extra, items...)
		}
	}
	if len(extra) == 0 {
		return found
	}
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
	isSep := func(r rune) bool {
		return strings.ContainsRune(listSep, r) || strings.ContainsRune("，。；：！？（）()“”《》\n 　", r)
	}
	var s, e int
	if forward {
		s, e = i, i
		for e < len(c.rs) && e-s <= 4 && !isSep(c.rs[e]) {
			e++
		}
		if e < len(c.rs) && !isSep(c.rs[e]) {
			// the last item, followed by its verb: 吴静和赵刚参加…
			e = -1
			for n := 3; n >= 2 && e < 0; n-- {
				if x := s + n; x < len(c.rs) && c.endTok[x] >= 0 {
					if kt := c.startTok[x]; kt >= 0 && (personVerbs[c.toks[kt].Text] || strings.Contains("在的等也都分别均以则", c.toks[kt].Text)) {
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
		for s > 0 && e-s <= 4 && !isSep(c.rs[s-1]) {
			s--
		}
		if s > 0 && !isSep(c.rs[s-1]) {
			return personCand{}, false
		}
	}
	return c.nameShaped(s, e)
}

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
		if !unicode.Is(unicode.Han, r) || notGivenSet.has(r) {
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

// knownNames holds the names found in a document, by first character: a
// handful per document, so a short list beats building a trie.
type knownNames map[rune][][]rune

func (k knownNames) add(name []rune) {
	if len(name) == 0 {
		return
	}
	for _, n := range k[name[0]] {
		if slices.Equal(n, name) {
			return
		}
	}
	k[name[0]] = append(k[name[0]], name)
}

// longest returns the length of the longest known name at rs[i:], or 0.
func (k knownNames) longest(rs []rune, i int) int {
	best := 0
	if i >= len(rs) {
		return 0
	}
	for _, n := range k[rs[i]] {
		if len(n) > best && i+len(n) <= len(rs) && slices.Equal(rs[i:i+len(n)], n) {
			best = len(n)
		}
	}
	return best
}

// findPersons returns the person spans of the document in text order.
func findPersons(c *personCtx) []personCand {
	loadPersons()
	var found []personCand
	known := knownNames{}
	dotted := c.dottedNames()
	for s, e := range c.bylineRuns() {
		dotted[s] = e
	}
	for s, e := range c.speakerLines() {
		dotted[s] = e
	}
	for k := 0; k < len(c.toks); k++ {
		best := personCand{start: -1}
		if e, ok := dotted[c.toks[k].Start]; ok {
			best = personCand{start: c.toks[k].Start, end: e, strong: true}
		}
		if best.start < 0 {
			best = c.chineseAt(k)
			if best.start >= 0 && translitSet.has(c.rs[best.start]) {
				// 罗瓦伊纳, 乌尔马尼斯: a surname opening a longer foreign name
				if f := c.foreignAt(k); f.start >= 0 && f.end > best.end && f.end-f.start >= 4 && allTranslit(c.rs[best.start:best.end]) {
					best = f
				}
			}
		}
		if best.start < 0 {
			best = c.foreignAt(k)
		}
		if best.start < 0 {
			best = c.japaneseAt(k)
		}
		if best.start < 0 {
			best = c.shortAt(k)
		}
		if best.start < 0 {
			continue
		}
		found = append(found, best)
		if best.end < len(c.rs) && c.rs[best.end] == '、' {
			c.listAt = best.end + 1
		}
		if best.end-best.start >= 2 && (best.strong || best.end-best.start != 3 || c.freq(string(c.rs[best.start+1:best.end])) < personGivenFreq) {
			// a name whose given part is a common word, taken on weak
			// context alone (特色、高|水平大学), is not repeated through
			// the text
			known.add(c.rs[best.start:best.end])
			if sl, _ := surnames.Longest(c.rs, best.start); sl == 1 && best.end-best.start == 3 {
				// the given name alone refers to the same person: 恩来, 小平
				if g := c.rs[best.start+1 : best.end]; c.freq(string(g)) < personGivenFreq {
					known.add(g)
				}
			}
		}
		if e := c.endTok[best.end]; e > k {
			k = e
		}
	}
	found = c.nameLists(found)
	found = c.listItems(found, known)
	found = c.extendRuns(c.mergeRuns(found))
	if len(known) > 0 {
		// second pass: names known from this document, wherever cut cleanly
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
			if n := known.longest(c.rs, i); n > 0 && c.endTok[i+n] >= 0 && !c.placeHead(i+n) {
				if fi < len(found) && found[fi].start < i+n {
					continue
				}
				out = append(out, personCand{start: i, end: i + n})
				k = c.endTok[i+n]
			}
		}
		found = out
	}
	return found
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
		// extend over an organization or place written before the title
		if os, ok := orgEnds[ts]; ok {
			if org == "" || len(titles) == 0 {
				org = string(c.rs[os:ts])
			}
			ts = os
		} else if k := c.endTok[ts]; k >= 0 && (c.toks[k].Pos == "ns" || c.toks[k].Text == "国家" || c.toks[k].Text == "中央") {
			ts = c.toks[k].Start
		}
		titles = append([]string{string(c.rs[ts:i])}, titles...)
		if ts > 0 && c.rs[ts-1] == '、' {
			i = ts - 1
			continue
		}
		break
	}
	if len(titles) > 0 {
		// the organization named by the first title
		if org == "" {
			org = ""
		}
	}
	return titles, org
}

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
			switch string(c.rs[p.start-n : p.start]) {
			case "记者", "通讯员":
				m.Role = "reporter"
			case "作者":
				m.Role = "author"
			}
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
