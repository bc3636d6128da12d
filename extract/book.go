package extract

// Book titles: the text between 《 and 》 (and between 〈 and 〉, the inner
// title marks used inside a 《》 title), brackets excluded from the span.
// Nested titles give one mention each:
//
//	《中共中央、国务院〈关于党政机关厉行节约的若干规定〉》
//
// gives the outer title and the inner one. An unclosed mark is ignored; a
// title never spans a line break and is at most maxBookLen code points.
//
// Kind is guessed where the text says so, and left empty otherwise:
//
//	book       the text calls it a book (一书, 书籍, 读本, 文集, 出版…) or the
//	           title says so (…选集, …文选, …简史, …摘编, …问答)
//	document   laws, regulations, Party and government documents, reports
//	           (…法, …条例, 关于…的意见, …规划, 印发《…》)
//	newspaper  newspapers and periodicals (…日报, …杂志, 《求是》)
//	film       films, TV series and programmes (电影《…》, 《…》专题片)
//	column     columns of a newspaper, site or account (《…》专栏, 栏目)
//
// Titles written one after another (《A》《B》《C》等四本书籍) share the
// kind their common context gives.

import "strings"

// Book kinds.
const (
	BookBook      = "book"
	BookDocument  = "document"
	BookNewspaper = "newspaper"
	BookFilm      = "film"
	BookColumn    = "column"
)

// maxBookLen bounds the length of a title in code points.
const maxBookLen = 160

// bookSuffixKinds maps the end of a title to its kind (longest suffix wins).
var bookSuffixKinds = newLexicon[string]()

// bookCueAfter and bookCueBefore map words written just after 》 or just
// before 《 to a kind.
var bookCueAfter, bookCueBefore = newLexicon[string](), newLexicon[string]()

// bookKnownTitles maps well-known titles (without a sequel number) to a kind.
var bookKnownTitles = newLexicon[string]()

func init() {
	add := func(l *lexicon[string], kind string, words string) {
		for _, w := range strings.Fields(words) {
			// Suffix lexicons are stored reversed so that they can be
			// matched backwards from the end of a title.
			if l == bookSuffixKinds {
				w = bookReverse(w)
			}
			l.Add(w, kind)
		}
	}
	add(bookSuffixKinds, BookDocument, `法 宪法 条例 规定 办法 意见 决定 通知 决议 纲要 规划 方案 细则 准则 章程
		公约 协定 条约 报告 公报 白皮书 指南 标准 守则 规则 批复 通告 公告 宣言 声明 建议 制度 措施
		计划 清单 议定书 若干规定 实施意见 暂行规定 管理办法 指导意见 工作要点 实施方案 政府工作报告 讲话
		修正案 草案 纪要 通报 条例释义 法典 规范 要点`)
	// Words ending in 法 that are not laws.
	add(bookSuffixKinds, "", `兵法 书法 方法 说法 想法 看法 做法 魔法 语法 画法 笔法 手法 技法 疗法 用法 算法 写法 章法 心法 家法 司法`)
	add(bookSuffixKinds, BookDocument, `慰问信 公开信 倡议书 贺信 贺电 唁电 决议案 议案 提案`)
	add(bookSuffixKinds, BookNewspaper, `报`)
	add(bookSuffixKinds, "", `简报 情报 汇报 捷报 喜报 画报社 海报 电报 警报 预报 年报 战报 板报 黑板报 手抄报`)
	add(bookSuffixKinds, BookNewspaper, `日报 晚报 时报 周报 早报 商报 青年报 画报 学报 杂志 月刊 周刊 半月刊 季刊 旬刊 文摘 参考消息`)
	add(bookSuffixKinds, BookBook, `选集 文选 文集 全集 简史 摘编 问答 读本 手册 词典 辞典 字典 年鉴 史稿 通史 回忆录 论集 语录 诗集 小说集 教程 教材 百科全书 丛书 史话 传`)

	add(bookCueAfter, BookBook, `一书 的书 这本书 书 书籍 丛书 著作 专著 读本 文集 画册 小说 诗集 新书 图书 等书 原著 出版 作品集`)
	add(bookCueAfter, BookNewspaper, `杂志 报 报纸 期刊 周刊 月刊 杂志社 报社 编辑部`)
	add(bookCueAfter, BookFilm, `影视片 影视剧 电视片 专题节目 电影 影片 纪录片 电视剧 专题片 宣传片 微电影 节目 专题节目 电视片 动画片 连续剧 大型纪录片`)
	add(bookCueAfter, BookColumn, `专栏 栏目 专版 版面 专题栏目 频道`)
	add(bookCueAfter, BookDocument, `文件 精神 条款 规定 法规 法律 规章 草案`)

	add(bookCueBefore, BookFilm, `电影 影片 纪录片 电视剧 专题片 宣传片 微电影 观看 观影 收看 播出 播放 首映 上映 拍摄 热播`)
	add(bookCueBefore, BookBook, `出版 著作 专著 新书 一书 读书 阅读 编著 撰写 编写 著有 书籍 再版`)
	add(bookCueBefore, BookDocument, `印发 颁布 施行 实施 制定 修订 修改 出台 签署 签订 通过了 审议 贯彻落实 贯彻 依据 根据 按照 违反 学习贯彻`)
	add(bookCueBefore, BookNewspaper, `刊登 刊发 刊载 登载 转载 报道`)
	add(bookCueBefore, BookColumn, `开设 开辟 专栏 栏目`)

	add(bookKnownTitles, BookNewspaper, `人民日报 光明日报 经济日报 求是 半月谈 瞭望 参考消息 解放军报 中国青年报 工人日报 农民日报
		法治日报 检察日报 人民法院报 学习时报 中国纪检监察报 贵州日报 毕节日报 新华每日电讯 环球时报 人民论坛 红旗文稿 党建
		人民日报海外版 中国日报 中国妇女报 科技日报 中国教育报 健康报
		大公报 文汇报 明报 星岛日报 香港商报 新民晚报 羊城晚报 扬子晚报 北京青年报 南方周末 解放日报 新华日报
		南方日报 人民政协报 法制日报 中国纪检监察 旗帜 紫光阁 前线 秘书工作 党课参考 当代贵州 新华文摘`)
	add(bookKnownTitles, BookFilm, `榜样 新闻联播 焦点访谈 觉醒年代 大决战 建国大业 建党伟业 长津湖 我和我的祖国 山海情 功勋
		跨过鸭绿江 开国大典 永远在路上 巡视利剑 国家监察 零容忍 初心 厉害了我的国 将改革进行到底 必由之路
		航拍中国 大国外交 辉煌中国 红海行动 战狼 平凡的世界 人世间 理想照耀中国 百炼成钢 红色气质 东方红
		党史故事100讲 敢教日月换新天 朝阳 雷锋 焦裕禄 黄大年 我的父亲焦裕禄 长征 闪闪的红星 地道战 地雷战 小兵张嘎 红岩 英雄儿女 上甘岭`)
	add(bookKnownTitles, BookBook, `论中国共产党历史 中国共产党简史 中华人民共和国简史 改革开放简史 社会主义发展简史 习近平谈治国理政
		毛泽东选集 邓小平文选 江泽民文选 胡锦涛文选 共产党宣言 资本论 论语 孟子 道德经 红星照耀中国 之江新语
		习近平新时代中国特色社会主义思想学习纲要 习近平新时代中国特色社会主义思想学习问答 梁家河 习近平的七年知青岁月
		平易近人 摆脱贫困 知之深爱之切 中国共产党党史 中国共产党历史 中国共产党的九十年 中国共产党一百年大事记 西行漫记
		红楼梦 三国演义 水浒传 西游记 史记 资治通鉴 钢铁是怎样炼成的 毛泽东邓小平江泽民胡锦涛关于中国共产党历史论述摘编`)
	add(bookKnownTitles, BookDocument, `中国共产党章程 党章 宪法 中华人民共和国宪法 民法典 中华人民共和国民法典 政府工作报告 关于新形势下党内政治生活的若干准则
		中国共产党纪律处分条例 中国共产党廉洁自律准则 中国共产党问责条例 中国共产党党内监督条例 中国共产党农村基层组织工作条例
		中国共产党支部工作条例 中国共产党党员教育管理工作条例 中共中央关于党的百年奋斗重大成就和历史经验的决议 监察法 全国人民代表大会组织法
		地方各级人民代表大会和地方各级人民政府组织法 代表法 立法法 监督法 选举法 中华人民共和国各级人民代表大会常务委员会监督法`)
}

func bookReverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// bookSpan is one title found by the bracket scan.
type bookSpan struct {
	open, close int // positions of the marks; the title is (open, close)
	outer       bool
}

// findBookSpans scans text once and returns the titles in the order their
// closing mark is met. 〈〉 count as titles only inside 《》 or when
// closed on the same line.
func findBookSpans(rs []rune) []bookSpan {
	var out []bookSpan
	var stack []int // open positions of 《 and 〈
	for i, r := range rs {
		switch r {
		case '《', '〈':
			stack = append(stack, i)
		case '》', '〉':
			want := '《'
			if r == '〉' {
				want = '〈'
			}
			// Pop to the nearest matching opener; unmatched openers in
			// between are dropped.
			k := len(stack) - 1
			for k >= 0 && rs[stack[k]] != want {
				k--
			}
			if k < 0 {
				continue
			}
			s := stack[k]
			stack = stack[:k]
			if i > s+1 && i-s-1 <= maxBookLen {
				out = append(out, bookSpan{open: s, close: i, outer: r == '》'})
			}
		case '\n', '\r':
			stack = stack[:0]
		}
	}
	return out
}

func extractBooks(d *Document) {
	rs := d.runes
	spans := findBookSpans(rs)
	if len(spans) == 0 {
		return
	}
	// Sort by opening position (the scan yields inner titles first).
	sortBookSpans(spans)
	kinds := make([]string, len(spans))
	for i, s := range spans {
		kinds[i] = bookTitleKind(rs[s.open+1 : s.close])
	}
	// Groups of titles written one after another share context cues.
	for i := 0; i < len(spans); {
		j := i
		for j+1 < len(spans) && bookAdjacent(rs, spans[j], spans[j+1]) {
			j++
		}
		var ctx string
		if k := bookCueAfterAt(rs, spans[j].close+1); k != "" {
			ctx = k
		} else {
			ctx = bookCueBeforeAt(rs, spans[i].open)
		}
		for k := i; k <= j; k++ {
			if kinds[k] == "" {
				kinds[k] = ctx
			}
		}
		i = j + 1
	}
	for i, s := range spans {
		d.add(Mention{Type: TypeBook, Start: s.open + 1, End: s.close, Kind: kinds[i]})
	}
}

func sortBookSpans(s []bookSpan) {
	// Insertion sort: titles come nearly sorted and nesting is shallow.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].open < s[j-1].open; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// adjacentTitles reports whether b follows a with at most a conjunction or
// a list mark between them (《A》《B》, 《A》、《B》, 《A》和《B》).
func bookAdjacent(rs []rune, a, b bookSpan) bool {
	if b.open <= a.close {
		return false // nested
	}
	gap := rs[a.close+1 : b.open]
	if len(gap) == 0 {
		return true
	}
	if len(gap) == 1 {
		switch gap[0] {
		case '、', '，', ',', '和', '及', '与', '或', ' ':
			return true
		}
	}
	return len(gap) == 2 && string(gap) == "以及"
}

// titleKind guesses a kind from the title alone.
func bookTitleKind(t []rune) string {
	if k, ok := bookKnownTitles.Get(string(t)); ok {
		return k
	}
	// Sequels and volumes: 榜样五, 榜样6, 榜样（五）.
	if base := bookTrimSequel(t); len(base) < len(t) && len(base) >= 2 {
		if k, ok := bookKnownTitles.Get(string(base)); ok {
			return k
		}
	}
	// Longest known suffix, matched backwards.
	var kind string
	bookSuffixKinds.Backward(t, 0, len(t), func(_ int, k string) bool { kind = k; return true })
	if kind == BookDocument && len(t) < 3 {
		kind = "" // 《法》 alone says little
	}
	if kind == "" && bookHas(t, "关于") && len(t) >= 6 {
		kind = BookDocument
	}
	return kind
}

// trimSequel removes a trailing volume or sequel number from a title.
func bookTrimSequel(t []rune) []rune {
	j := len(t)
	for j > 0 && (t[j-1] == '）' || t[j-1] == ')' || t[j-1] == ' ') {
		j--
	}
	k := j
	for k > 0 && numeralRune(t[k-1]) {
		k--
	}
	if k == j {
		return t
	}
	for k > 0 && (t[k-1] == '（' || t[k-1] == '(' || t[k-1] == '第' || t[k-1] == ' ' || t[k-1] == '之') {
		k--
	}
	return t[:k]
}

func bookHas(t []rune, s string) bool {
	return strings.Contains(string(t), s)
}

// cueAfter looks at the words just after a closing mark at i, skipping a
// counted phrase like 等四本必学党史 up to the end of the clause.
func bookCueAfterAt(rs []rune, i int) string {
	end := i + 14
	if end > len(rs) {
		end = len(rs)
	}
	for j := i; j < end; j++ {
		if bookClauseEnd(rs[j]) || rs[j] == '《' {
			return ""
		}
		if n, k := bookCueAfter.Longest(rs, j); n > 0 {
			// 报 alone must follow the title directly (《…》报 is rare,
			// but 报告 is not a newspaper).
			if k == BookNewspaper && n == 1 && (j != i || (j+1 < len(rs) && rs[j+1] == '告')) {
				continue
			}
			if k == BookBook && n == 1 && j != i {
				continue // 书 alone only right after the title
			}
			return k
		}
	}
	return ""
}

// cueBefore looks at the words just before an opening mark at i.
func bookCueBeforeAt(rs []rune, i int) string {
	start := i - 8
	if start < 0 {
		start = 0
	}
	// Walk back to the start of the clause.
	for j := i - 1; j >= start; j-- {
		if bookClauseEnd(rs[j]) {
			start = j + 1
			break
		}
	}
	kind, at := "", -1
	for j := start; j < i; j++ {
		if n, k := bookCueBefore.Longest(rs, j); n > 0 && j+n <= i && j > at {
			kind, at = k, j // the cue nearest the title wins
		}
	}
	return kind
}

func bookClauseEnd(r rune) bool {
	switch r {
	case '。', '，', '；', '！', '？', '\n', ',', ';', '!', '?', '：', ':', '》', '〉':
		return true
	}
	return false
}
