package extract

// The structure stage (the first of the pipeline, see stages) fills the
// document-level fields Title, Sections and Byline.
//
// Title is the first non-empty line when it reads as a headline: 4 to 60
// code points, not ending in sentence punctuation, not a numbered heading,
// a date, an occasion line (——2019年3月4日在…) or a byline; spaces between its characters are removed
// (政 府 工 作 报 告 → 政府工作报告).
//
// Sections are the numbered headings at the start of a line, with fixed
// levels following the usual order of official documents (GB/T 9704):
//
//	level 1  一、          Chinese numeral and 、
//	level 2  （一） (一)    Chinese numeral in full-width or ASCII brackets
//	level 3  1. 1． 1、    one or two digits (ASCII or full-width) and . ． 、
//	level 4  （1） (1) ①    digits in brackets, or a circled number
//
// A Section's Text runs from the marker to the end of the heading: the
// first 。！？ (excluded) when a paragraph follows the heading on the same
// line, else the whole line. Number is the numeral as written (一, 1, ①).
//
// Byline holds the authors (作者, 文, 撰稿), reporters (记者, 通讯员,
// 本报记者) and source (来源, 供稿, 稿源) written in a byline such as
// （作者:陈炜）, 记者 王芳 通讯员 李强, 黔西县融媒体中心 记者 王芳 or
// 来源：黔西县融媒体中心. Text, Start and End give the first byline found;
// the names of every byline are merged. When a document has no such byline,
// the speaker of a report written near its top (区人民政府区长　杜联合, or
// 国务院总理 and 李　强 on two lines) is its author.

import (
	_ "embed"
	"strings"
	"unicode"
)

//go:embed data/structure_words.txt
var structWordsTxt string

// structWords holds the sections of data/structure_words.txt.
var structWords = readSections(structWordsTxt)

// Character sets and word lists of data/structure_words.txt.
var (
	structSpaces       = newRuneSet(structWords.chars("space_marks"))
	structTitleEnds    = structWords.chars("title_end_chars")
	structDateChars    = structWords.chars("date_chars")
	structOccasion     = structWords.chars("occasion_marks")
	structSentenceEnds = structWords.chars("sentence_end_chars")
	structClauseEnds   = structWords.chars("heading_clause_chars")
	structBylineStops  = structWords.chars("byline_stop_chars")
	structCueSeps      = structWords.chars("cue_sep_marks")
	structNameSeps     = structWords.chars("name_sep_chars")
	structTitleCues    = structWords.words("title_byline_words")
)

// The rules of the structure stage that are not in structTitleRules.
var (
	ruleStructSection = registerRule("structure", "structure.section_heading",
		"a line opening with a heading marker (一、 （一） 1. （1） ①) is a section heading, up to the first sentence end (一、认真学习。…)", Accept)
	ruleStructSectionLong = registerRule("structure", "structure.section_long_paragraph",
		"a numbered line of more than 80 characters without a sentence end is a heading only when its first clause is short (30 characters)", Reject)
	ruleStructByline = registerRule("structure", "structure.byline",
		"a byline names authors, reporters or a source after a cue, in brackets or opening a line ((作者:陈炜), 记者 王芳 通讯员 李强, 来源：黔西县融媒体中心)", Accept)
	ruleStructSourceByline = registerRule("structure", "structure.byline_source_line",
		"a short line of a source, a space and a reporter's cue is a byline with its source (黔西县融媒体中心 记者 王芳)", Accept)
	ruleStructSpeaker = registerRule("structure", "structure.speaker",
		"without a byline, an office and a name of 2 to 4 characters on one line or two near the top give the report's speaker as author (区人民政府区长　杜联合; 国务院总理 / 李　强)", Accept)
)

func extractStructure(d *Document) {
	rs := d.runes
	var by *Byline
	lines := 0                                     // non-empty lines seen
	prev := [2]int{}                               // the previous non-empty line
	oneLine := strings.IndexByte(d.Text, '\n') < 0 // a paragraph: no line break to look for
	for ls := 0; ls < len(rs); {
		le := ls
		if oneLine {
			le = len(rs)
		}
		for le < len(rs) && rs[le] != '\n' {
			le++
		}
		s, e := structTrim(rs, ls, le)
		if s < e {
			if lines == 0 {
				if t, ok := structTitle(d, rs, s, e); ok {
					d.Title = &t
				}
			}
			if sec, ok := structSection(d, rs, s, e); ok {
				d.Sections = append(d.Sections, sec)
			}
			structBylines(d, rs, s, e, &by)
			if lines < 10 {
				structSpeaker(d, rs, prev, [2]int{s, e}, &by)
			}
			lines++
			prev = [2]int{s, e}
		}
		ls = le + 1
	}
	if d.Sections == nil {
		d.Sections = []Section{}
	}
	d.Byline = by
}

// Offices that end the speaker line of a report (国务院总理　李克强),
// reversed.
var structOffices = func() *lexicon[bool] {
	l := newLexicon[bool]()
	for _, w := range structWords.words("speaker_offices") {
		l.Add(bookReverse(w), true)
	}
	return l
}()

// structSpeaker recognizes the speaker of a report near its top, as the
// author: an office and a name on one line (区人民政府代区长  萨国文) or on
// two (国务院总理 / 李　强). A name is 2 to 4 Han characters, spaces
// inside it ignored.
func structSpeaker(d *Document, rs []rune, prev, cur [2]int, by **Byline) {
	if *by != nil {
		return
	}
	name := func(s, e int) string {
		var out []rune
		for _, r := range rs[s:e] {
			if structSpace(r) {
				continue
			}
			if !sloganHan(r) {
				return ""
			}
			out = append(out, r)
		}
		if len(out) < 2 || len(out) > 4 {
			return ""
		}
		return string(out)
	}
	office := func(s, e int) bool {
		return e-s >= 2 && e-s <= 30 && sloganEndsWith(structOffices, rs, s, e)
	}
	s, e := cur[0], cur[1]
	// One line: office, white space, name.
	nameRunes := 0 // the runes of rs[i:e] that are no space
	for i := e - 1; i > s && nameRunes <= 4; i-- {
		if !structSpace(rs[i]) {
			nameRunes++
			continue // past five of them, rs[i:e] is no name
		}
		if !structSpace(rs[i-1]) {
			if os, oe := structTrim(rs, s, i); office(os, oe) {
				if n := name(i, e); n != "" {
					*by = &Byline{Authors: []string{n}, Text: string(rs[s:e]), Start: s, End: e}
					d.traceRule(ruleStructSpeaker, Accept, s, e)
				}
			}
			break
		}
	}
	if *by != nil || prev[1] == 0 {
		return
	}
	// Two lines: the office line, then the name.
	if office(prev[0], prev[1]) {
		if n := name(s, e); n != "" {
			*by = &Byline{Authors: []string{n}, Text: string(rs[prev[0]:e]), Start: prev[0], End: e}
			d.traceRule(ruleStructSpeaker, Accept, prev[0], e)
		}
	}
}

// structTrim returns [s,e) without surrounding white space and \r.
func structTrim(rs []rune, s, e int) (int, int) {
	for s < e && structSpace(rs[s]) {
		s++
	}
	for e > s && structSpace(rs[e-1]) {
		e--
	}
	return s, e
}

func structSpace(r rune) bool { return structSpaces.has(r) }

// structTitleF are the features of the first non-empty line.
type structTitleF struct {
	line                              []rune
	numbered, occasion, byline, dated bool
	sentences                         bool
}

// structTitleRules decide whether the first non-empty line is the title.
var structTitleRules = newRuleTable("structure",
	rule[structTitleF]{"structure.title_length", "a title is 4 to 60 characters long", Reject,
		func(f *structTitleF) bool { return len(f.line) < 4 || len(f.line) > 60 }},
	rule[structTitleF]{"structure.title_sentence_end", "a line ending with 。；，：、 is a sentence, not a title", Reject,
		func(f *structTitleF) bool { return strings.ContainsRune(structTitleEnds, f.line[len(f.line)-1]) }},
	rule[structTitleF]{"structure.title_numbered", "a numbered heading (一、 （一） 1.) is a section, not the title", Reject,
		func(f *structTitleF) bool { return f.numbered }},
	rule[structTitleF]{"structure.title_occasion", "a line opening with a dash is the occasion of a speech (——2017年2月11日在…会议上), not the title", Reject,
		func(f *structTitleF) bool { return f.occasion }},
	rule[structTitleF]{"structure.title_byline", "a line opening with 作者, 记者, 来源, 通讯员 or 本报讯 is a byline, not the title", Reject,
		func(f *structTitleF) bool { return f.byline }},
	rule[structTitleF]{"structure.title_date", "a date line (2021年3月26日) is not a headline: a title has three letters besides those of dates", Reject,
		func(f *structTitleF) bool { return f.dated }},
	rule[structTitleF]{"structure.title_sentences", "a line of several sentences (。 inside) is not a headline", Reject,
		func(f *structTitleF) bool { return f.sentences }},
	rule[structTitleF]{"structure.title", "any other first line is the title, spaces between its characters removed (政 府 工 作 报 告 → 政府工作报告)", Accept,
		func(f *structTitleF) bool { return true }},
)

// structTitle decides, by structTitleRules, whether the first non-empty
// line rs[s:e] is the title, and returns it.
func structTitle(d *Document, rs []rune, s, e int) (string, bool) {
	line := rs[s:e]
	f := structTitleF{line: line}
	if len(line) >= 4 && len(line) <= 60 {
		_, _, _, n := structMarker(line, 0)
		f.numbered = n > 0
		f.occasion = strings.ContainsRune(structOccasion, line[0])
		for _, cue := range structTitleCues {
			f.byline = f.byline || hasPrefixRunes(line, cue)
		}
		letters := 0
		for _, r := range line {
			if letters == 3 {
				break // enough to tell
			}
			if unicode.IsLetter(r) && !strings.ContainsRune(structDateChars, r) {
				letters++
			}
		}
		f.dated = letters < 3
		for _, r := range line[:len(line)-1] {
			if r == '。' {
				f.sentences = true
				break
			}
		}
	}
	if r := structTitleRules.decide(d, &f, s, e); r == nil || r.verdict != Accept {
		return "", false
	}
	return structCollapse(line), true
}

// structCollapse removes the spaces written between the characters of a
// spaced-out headline (政 府 工 作 报 告 → 政府工作报告).
func structCollapse(line []rune) string {
	out := make([]rune, 0, len(line))
	for i, r := range line {
		if structSpace(r) && i > 0 && i+1 < len(line) && sloganHan(line[i-1]) && sloganHan(line[i+1]) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// structMarker parses a heading marker at line[i]: its level, the numeral
// as written, the marker length, and n > 0 on success.
func structMarker(line []rune, i int) (level int, number string, _ int, n int) {
	if i >= len(line) {
		return 0, "", 0, 0
	}
	r := line[i]
	switch {
	case r == '（' || r == '(':
		j := i + 1
		for j < len(line) && j-i <= 4 && (structCnDigit(line[j]) || isDigitRune(line[j])) {
			j++
		}
		if j == i+1 || j >= len(line) || (line[j] != '）' && line[j] != ')') {
			return 0, "", 0, 0
		}
		num := line[i+1 : j]
		lv := 2
		if isDigitRune(num[0]) {
			lv = 4
			for _, c := range num {
				if !isDigitRune(c) {
					return 0, "", 0, 0
				}
			}
		} else {
			for _, c := range num {
				if !structCnDigit(c) {
					return 0, "", 0, 0
				}
			}
		}
		return lv, string(num), 0, j + 1 - i
	case r >= '①' && r <= '⑳':
		return 4, string(r), 0, 1
	case structCnDigit(r):
		j := i
		for j < len(line) && j-i < 3 && structCnDigit(line[j]) {
			j++
		}
		if j < len(line) && line[j] == '、' {
			return 1, string(line[i:j]), 0, j + 1 - i
		}
	case isDigitRune(r):
		j := i
		for j < len(line) && j-i < 2 && isDigitRune(line[j]) {
			j++
		}
		if j+1 >= len(line) || isDigitRune(line[j]) {
			return 0, "", 0, 0
		}
		switch line[j] {
		case '.', '．', '、':
			// 1.5亿 is a number, not a heading.
			if isDigitRune(line[j+1]) {
				return 0, "", 0, 0
			}
			return 3, string(line[i:j]), 0, j + 1 - i
		}
	}
	return 0, "", 0, 0
}

// structCnDigit reports whether r is a Chinese digit or 十 (numeral.go's
// tables; 两 never numbers a heading).
func structCnDigit(r rune) bool {
	if _, ok := cnDigit(r); ok {
		return r != '两'
	}
	v, ok := cnUnit(r)
	return ok && v == 10
}

func structSection(d *Document, rs []rune, s, e int) (Section, bool) {
	line := rs[s:e]
	level, number, _, n := structMarker(line, 0)
	if n == 0 || n >= len(line) {
		return Section{}, false
	}
	end := len(line)
	for j := n; j < len(line); j++ {
		if strings.ContainsRune(structSentenceEnds, line[j]) {
			end = j
			break
		}
	}
	if end == len(line) && len(line) > 80 {
		// A long numbered paragraph without a sentence end: keep the
		// first clause as its heading when it is short.
		end = 0
		for j := n; j < len(line) && j-n <= 30; j++ {
			if strings.ContainsRune(structClauseEnds, line[j]) {
				end = j
				break
			}
		}
		if end == 0 {
			d.traceRule(ruleStructSectionLong, Reject, s, e)
			return Section{}, false
		}
	}
	if end-n > 80 || end <= n {
		d.traceRule(ruleStructSectionLong, Reject, s, e)
		return Section{}, false
	}
	d.traceRule(ruleStructSection, Accept, s, s+end)
	return Section{Text: string(line[:end]), Number: number, Level: level, Start: s, End: s + end}, true
}

// Byline cues and the role they introduce.
const (
	structRoleAuthor   = "author"
	structRoleReporter = "reporter"
	structRoleSource   = "source"
	structRolePhoto    = "photo" // photographers: recognized, not reported
)

// structBylineCues maps the cues of data/structure_words.txt to their role.
var structBylineCues = func() *lexicon[string] {
	l := newLexicon[string]()
	for _, role := range []string{structRoleAuthor, structRoleReporter, structRolePhoto, structRoleSource} {
		for _, w := range structWords.words("byline_" + role) {
			l.Add(w, role)
		}
	}
	return l
}()

// structBylines parses the bylines of line [s,e): a bracketed byline
// anywhere in the line, or a line that starts with a byline cue.
func structBylines(d *Document, rs []rune, s, e int, by **Byline) {
	for i := s; i < e; i++ {
		r := rs[i]
		if r != '（' && r != '(' {
			continue
		}
		j := i + 1
		for j < e && j-i <= 60 && rs[j] != '）' && rs[j] != ')' {
			j++
		}
		if j >= e || rs[j] != '）' && rs[j] != ')' {
			continue
		}
		if n, _ := structBylineCues.Longest(rs, i+1); n > 0 {
			structByline(d, rs, i, j+1, i+1, j, by)
		}
		i = j
	}
	if n, _ := structBylineCues.Longest(rs, s); n > 0 && e-s <= 60 {
		structByline(d, rs, s, e, s, e, by)
		return
	}
	// 黔西县融媒体中心 记者 王芳: a short line, a source, a space, a cue.
	if e-s > 40 {
		return
	}
	for i := s + 2; i < e; i++ {
		if strings.ContainsRune(structBylineStops, rs[i]) {
			return
		}
	}
	for i := s + 2; i < e; i++ {
		if !structSpace(rs[i-1]) {
			continue
		}
		if n, v := structBylineCues.Longest(rs, i); n > 1 && (v == structRoleReporter || v == structRoleAuthor) && structCueSep(rs, i+n, e) {
			before := *by
			structByline(d, rs, s, e, i, e, by)
			if b := *by; b != nil && b != before && b.Source == "" {
				_, pe := structTrim(rs, s, i)
				b.Source = string(rs[s:pe])
				d.traceRule(ruleStructSourceByline, Accept, s, e)
			}
			return
		}
	}
}

// structByline parses the byline body [bs,be) of the span [s,e) and merges
// it into *by when it names someone or a source.
func structByline(d *Document, rs []rune, s, e, bs, be int, by **Byline) {
	var authors, reporters []string
	var source string
	role := ""
	i := bs
	for i < be {
		if n, v := structBylineCues.Longest(rs, i); n > 0 && (n > 1 || structCueSep(rs, i+n, be)) {
			role = v
			i += n
			for i < be && (structSpace(rs[i]) || rs[i] == '：' || rs[i] == ':' || rs[i] == '|' || rs[i] == '｜' || rs[i] == '/' || rs[i] == '／') {
				i++
			}
			continue
		}
		if role == "" {
			return
		}
		j := i
		if role == structRoleSource {
			for j < be && rs[j] != '；' && rs[j] != ';' && rs[j] != '。' {
				j++
			}
			source = strings.TrimSpace(string(rs[i:j]))
			i = j + 1
			continue
		}
		for j < be && structNameRune(rs[j]) {
			if n, _ := structBylineCues.Longest(rs, j); n > 1 && j > i+1 {
				break
			}
			j++
		}
		name := rs[i:j]
		if len(name) < 2 || len(name) > 4 {
			return // not a byline: 记者从…获悉, 文中…
		}
		switch role {
		case structRoleAuthor:
			authors = append(authors, string(name))
		case structRoleReporter:
			reporters = append(reporters, string(name))
		}
		i = j
		for i < be && (structSpace(rs[i]) || strings.ContainsRune(structNameSeps, rs[i])) {
			i++
		}
	}
	if len(authors)+len(reporters) == 0 && source == "" {
		return
	}
	d.traceRule(ruleStructByline, Accept, s, e)
	if *by == nil {
		*by = &Byline{Text: string(rs[s:e]), Start: s, End: e}
	}
	b := *by
	b.Authors = append(b.Authors, authors...)
	b.Reporters = append(b.Reporters, reporters...)
	if b.Source == "" {
		b.Source = source
	}
}

// structCueSep reports whether a one-rune cue (文, 图) is followed by a
// separator, so that 文化… is not read as a byline.
func structCueSep(rs []rune, i, end int) bool {
	if i >= end {
		return false
	}
	return strings.ContainsRune(structCueSeps, rs[i])
}

func structNameRune(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff || r == '·' || r == '•'
}
