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

import (
	_ "embed"
	"strings"
)

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

//go:embed data/book_words.txt
var bookWordsTxt string

// bookWords holds the sections of data/book_words.txt.
var bookWords = readSections(bookWordsTxt)

// bookSuffixKinds maps the end of a title to its kind (longest suffix
// wins); bookCueAfter and bookCueBefore map words written just after 》 or
// just before 《 to a kind; bookKnownTitles maps well-known titles
// (without a sequel number) to a kind. The suffix lexicon is stored
// reversed, to be matched backwards from the end of a title.
var bookSuffixKinds, bookCueAfter, bookCueBefore, bookKnownTitles = readBookLists()

// Character sets of data/book_words.txt.
var (
	bookAdjacentMarks = bookWords.chars("adjacent_marks")
	bookAdjacentWords = bookWords.set("adjacent_words")
	bookClauseEnds    = bookWords.chars("clause_end_chars") + bookWords.chars("clause_end_marks")
	bookSequelClose   = bookWords.chars("sequel_close_marks")
	bookSequelOpen    = bookWords.chars("sequel_open_marks")
)

func readBookLists() (suffix, after, before, known *lexicon[string]) {
	suffix, after, before, known = newLexicon[string](), newLexicon[string](), newLexicon[string](), newLexicon[string]()
	lists := []struct {
		prefix string
		l      *lexicon[string]
	}{{"suffix_", suffix}, {"cue_after_", after}, {"cue_before_", before}, {"known_", known}}
	for _, sec := range bookWords {
		for _, ls := range lists {
			kind, ok := strings.CutPrefix(sec.name, ls.prefix)
			if !ok {
				continue
			}
			if kind == "none" {
				kind = ""
			}
			for _, line := range sec.lines {
				for _, w := range strings.Fields(line) {
					if ls.l == suffix {
						w = bookReverse(w)
					}
					ls.l.Add(w, kind)
				}
			}
		}
	}
	return suffix, after, before, known
}

func bookReverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// The rules of the book stage. A title is found by its marks
// (book.title_marks); its kind comes from the title itself (the first rule
// of bookKindRules that holds) or, when the title says nothing, from the
// words around the list of titles it belongs to (book.cue_after, then
// book.cue_before).
var (
	ruleBookTitle = registerRule("book", "book.title_marks",
		"the text between 《 and 》, or 〈 and 〉, on one line, is a title (《中国共产党简史》; nested titles give one mention each)", Accept)
	ruleBookTooLong = registerRule("book", "book.too_long",
		"a title is at most 160 characters: longer text between marks is a stray mark's doing", Reject)
	ruleBookCueAfter = registerRule("book", "book.cue_after",
		"a word right after the last title of a list gives the titles their kind (《乡村的早晨》一书, 《求是》杂志, 《党史学习》专栏); 报 and 书 alone only right after 》, 报告 never", Adjust)
	ruleBookCueBefore = registerRule("book", "book.cue_before",
		"the word nearest before the first title of a list, in the same clause, gives the titles their kind (印发《…》, 观看电影《…》, 刊登《…》)", Adjust)
)

// bookKindF are the features of a title for its kind.
type bookKindF struct {
	t         []rune
	known     string // kind of the title as a well-known title
	isKnown   bool
	sequel    string // kind of the title without its sequel number
	isSequel  bool
	suffix    string // kind of the longest known suffix ("" for none)
	hasGuanyu bool
}

// bookKindRules decide the kind of a title from the title alone.
var bookKindRules = newRuleTable("book",
	rule[bookKindF]{"book.known_title", "a well-known title has its listed kind (《人民日报》 newspaper, 《长津湖》 film, 《共产党宣言》 book, 《党章》 document)", Adjust,
		func(f *bookKindF) bool { return f.isKnown }},
	rule[bookKindF]{"book.known_sequel", "a volume or sequel of a well-known title has its kind (《榜样五》, 《榜样6》, 《榜样（五）》 film)", Adjust,
		func(f *bookKindF) bool { return f.isSequel }},
	rule[bookKindF]{"book.short_law", "a title of fewer than three characters ending like a law says too little to be a document (《法》)", Adjust,
		func(f *bookKindF) bool { return f.suffix == BookDocument && len(f.t) < 3 }},
	rule[bookKindF]{"book.suffix_kind", "the longest known ending gives the kind (…管理法, …条例, …实施意见 document; …日报, …杂志 newspaper; …选集, …简史, …问答 book); 方法, 兵法, 简报 give none", Adjust,
		func(f *bookKindF) bool { return f.suffix != "" }},
	rule[bookKindF]{"book.guanyu_document", "a title of six characters or more with 关于 is a document (《关于加强基层治理的意见》)", Adjust,
		func(f *bookKindF) bool { return f.hasGuanyu && len(f.t) >= 6 }},
)

// bookKind returns the kind a rule of bookKindRules gives, and the rule.
func bookKind(d *Document, t []rune, start, end int) string {
	f := bookKindF{t: t}
	f.known, f.isKnown = bookKnownTitles.Get(string(t))
	if base := bookTrimSequel(t); len(base) < len(t) && len(base) >= 2 {
		f.sequel, f.isSequel = bookKnownTitles.Get(string(base))
	}
	bookSuffixKinds.Backward(t, 0, len(t), func(_ int, k string) bool { f.suffix = k; return true })
	f.hasGuanyu = strings.Contains(string(t), "关于")
	r := bookKindRules.decide(d, &f, start, end)
	if r == nil {
		return ""
	}
	switch r.name {
	case "book.known_title":
		return f.known
	case "book.known_sequel":
		return f.sequel
	case "book.suffix_kind":
		return f.suffix
	case "book.guanyu_document":
		return BookDocument
	}
	return ""
}

// bookSpan is one title found by the bracket scan.
type bookSpan struct {
	open, close int // positions of the marks; the title is (open, close)
	outer       bool
}

// findBookSpans scans text once and returns the titles in the order their
// closing mark is met; tooLong receives the closed spans that are too long
// for a title. 〈〉 count as titles only inside 《》 or when closed on the
// same line.
func findBookSpans(rs []rune, tooLong func(open, close int)) []bookSpan {
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
			switch {
			case i-s-1 > maxBookLen:
				tooLong(s, i)
			case i > s+1:
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
	spans := findBookSpans(rs, func(open, close int) { d.traceRule(ruleBookTooLong, Reject, open+1, close) })
	if len(spans) == 0 {
		return
	}
	// Sort by opening position (the scan yields inner titles first).
	sortBookSpans(spans)
	kinds := make([]string, len(spans))
	for i, s := range spans {
		d.traceRule(ruleBookTitle, Accept, s.open+1, s.close)
		kinds[i] = bookKind(d, rs[s.open+1:s.close], s.open+1, s.close)
	}
	// Groups of titles written one after another share context cues.
	for i := 0; i < len(spans); {
		j := i
		for j+1 < len(spans) && bookAdjacent(rs, spans[j], spans[j+1]) {
			j++
		}
		ctx, rule := bookCueAfterAt(rs, spans[j].close+1), ruleBookCueAfter
		if ctx == "" {
			ctx, rule = bookCueBeforeAt(rs, spans[i].open), ruleBookCueBefore
		}
		for k := i; k <= j; k++ {
			if kinds[k] == "" && ctx != "" {
				kinds[k] = ctx
				d.traceRule(rule, Adjust, spans[k].open+1, spans[k].close)
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

// bookAdjacent reports whether b follows a with at most a conjunction or
// a list mark between them (《A》《B》, 《A》、《B》, 《A》和《B》, 《A》以及《B》).
func bookAdjacent(rs []rune, a, b bookSpan) bool {
	if b.open <= a.close {
		return false // nested
	}
	gap := rs[a.close+1 : b.open]
	if len(gap) == 0 {
		return true
	}
	if len(gap) == 1 && strings.ContainsRune(bookAdjacentMarks, gap[0]) {
		return true
	}
	return bookAdjacentWords[string(gap)]
}

// bookTrimSequel removes a trailing volume or sequel number from a title.
func bookTrimSequel(t []rune) []rune {
	j := len(t)
	for j > 0 && strings.ContainsRune(bookSequelClose, t[j-1]) {
		j--
	}
	k := j
	for k > 0 && numeralRune(t[k-1]) {
		k--
	}
	if k == j {
		return t
	}
	for k > 0 && strings.ContainsRune(bookSequelOpen, t[k-1]) {
		k--
	}
	return t[:k]
}

// bookCueAfterAt looks at the words just after a closing mark at i,
// skipping a counted phrase like 等四本必学党史 up to the end of the clause.
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

// bookCueBeforeAt looks at the words just before an opening mark at i.
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

func bookClauseEnd(r rune) bool { return strings.ContainsRune(bookClauseEnds, r) }
