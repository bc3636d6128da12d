package extract

// The metadata stage (after structure and date, before the places, which
// use the home as their prior) says where and when a document is from: its home
// region at the document's own level (a province's work report → the
// province, a city's → the city, the State Council's → the country), the
// year it belongs to, its date, its speaker and its genre.
//
// Sources, in order; the first that gives a field wins, except the sidecar,
// which overrides them all:
//
//  1. the document's own header (its first lines, up to the salutation
//     各位代表): the dateline (——2019年3月4日在…会议上, ----2012年2月29日,
//     （2022年2月20日 刘文华）, 二〇一九年一月十四日…), the session line
//     (在福建省第十三届人民代表大会第二次会议上), the speaker line
//     (福建省人民政府省长 唐登杰) and a title line (2019年福建省人民政府工作报告);
//  2. the metadata: YAML front matter of a Markdown file or the fields of a
//     JSONL record (home or region, code, level, year, date, speaker,
//     office, genre, title);
//  3. the path: folder and file names that are division names
//     (provinces/福建省/2019.md → 福建省, 2019), with from "path";
//  4. the sidecar (WithMetaOverride, the --meta FILE.csv of the CLI).
//
// A name becomes a division through the embedded gazetteer
// (data/divisions.tsv), as it was in the document's year. When no source
// names a home, the place stage may still find one (the county named in the
// title, the byline or most often).
//
// The cues (offices, genre words, country phrases) are in data/meta_cues.txt.

import (
	_ "embed"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// LevelCountry is the level of a home that speaks for the whole country.
const LevelCountry = "country"

// CountryName is the name of the country-level home.
const CountryName = "中华人民共和国"

// Genres.
const (
	GenreWorkReport  = "work_report"
	GenreCommunique  = "statistical_communique"
	GenreBulletin    = "bulletin"
	GenreNews        = "news"
	GenreOther       = "other"
	metaFromSession  = "session"
	metaFromSpeaker  = "speaker"
	metaFromTitle    = "title"
	metaFromMeta     = "meta"
	metaFromPath     = "path"
	metaFromSidecar  = "sidecar"
	metaFromDateline = "dateline"
)

// Speaker is who delivered the document: a name and the office as written
// on the speaker line.
type Speaker struct {
	Name   string `json:"name"`
	Office string `json:"office,omitempty"`
}

// Metadata is where and when a document is from (see ReadMetadata).
type Metadata struct {
	Home     *Home    `json:"home"`
	Year     *int     `json:"year"`
	YearFrom string   `json:"year_from,omitempty"`
	Date     *string  `json:"date"`
	Speaker  *Speaker `json:"speaker"`
	Genre    string   `json:"genre"`
	// Title is the title given by the metadata (front matter), when any.
	Title *string `json:"-"`
}

// Named rules of the metadata stage.
var (
	ruleMetaSession   = registerRule("meta", "meta.home_session", "home: the region named before 第…届 of the session line (在福建省第十三届人民代表大会…), or the country for the national one", Accept)
	ruleMetaOffice    = registerRule("meta", "meta.home_speaker", "home: the region named before the office of the speaker line (福建省人民政府省长 唐登杰), or the country for 国务院总理", Accept)
	ruleMetaTitle     = registerRule("meta", "meta.home_title", "home: the first division (or 中华人民共和国) named in a title line of a known genre (2019年福建省人民政府工作报告)", Accept)
	ruleMetaHomeMeta  = registerRule("meta", "meta.home_meta", "home: the home/region, code or level field of the front matter or JSONL record", Accept)
	ruleMetaHomePath  = registerRule("meta", "meta.home_path", "home: the deepest folder or file name of the path that is a division name (provinces/福建省/2019.md)", Accept)
	ruleMetaDateline  = registerRule("meta", "meta.date_dateline", "date: a full date opening a header line after dashes or a bracket (——2019年3月4日在…, ----2012年2月29日, （2022年2月20日 刘文华）)", Accept)
	ruleMetaYearTitle = registerRule("meta", "meta.year_title", "year: the year written in a title line of a known genre (2019年政府工作报告, 政府工作报告（2015年）)", Accept)
	ruleMetaYearDate  = registerRule("meta", "meta.year_dateline", "year: the year of the date (header, then metadata); a work report delivered in November or December belongs to the next year", Accept)
	ruleMetaYearPath  = registerRule("meta", "meta.year_path", "year: a year (1949–2099) in the file name, else in a folder name", Accept)
	ruleMetaSpeaker   = registerRule("meta", "meta.speaker_line", "speaker: an office followed by a name on one header line (省长 李成玉), or on two (国务院总理 / 李　强)", Accept)
	ruleMetaSpeakerDL = registerRule("meta", "meta.speaker_dateline", "speaker: the name after the date in a bracketed dateline （2022年2月20日 刘文华）", Accept)
	ruleMetaGenre     = registerRule("meta", "meta.genre_cue", "genre: the genre of the first cue word (data/meta_cues.txt) in the title or header lines", Accept)
	ruleMetaSidecar   = registerRule("meta", "meta.sidecar", "every field: the sidecar (--meta FILE.csv) overrides all other sources", Adjust)
)

//go:embed data/meta_cues.txt
var metaCuesTxt string

type metaCueSet struct {
	office  *lexicon[string] // reversed words → level
	genre   []struct{ word, genre string }
	country []string
	session []string
	// national, government, salute, pathcountry and countryname are words
	// of their kind, in the file's order.
	national, government, salute, pathCountry, countryName []string
	// genreFind and countryFind find the first genre and country word
	// of a line in one pass.
	genreFind, countryFind *cueFinder
	// saluteRs, sessionRs and nationalRs are the words of salute,
	// session and national as runes.
	saluteRs, sessionRs, nationalRs [][]rune
	// saluteFind finds the salute words of a line in one pass.
	saluteFind *cueFinder
}

// runeWords returns words as runes.
func runeWords(words []string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}

var metaCues = sync.OnceValues(func() (*metaCueSet, error) {
	c := &metaCueSet{office: newLexicon[string]()}
	for n, line := range strings.Split(metaCuesTxt, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[2] == "" {
			return nil, fmt.Errorf("data/meta_cues.txt:%d: want kind, value, word separated by tabs", n+1)
		}
		switch f[0] {
		case "office":
			c.office.Add(bookReverse(f[2]), f[1])
		case "genre":
			c.genre = append(c.genre, struct{ word, genre string }{f[2], f[1]})
		case "country":
			c.country = append(c.country, f[2])
		case "session":
			c.session = append(c.session, f[2])
		case "national":
			c.national = append(c.national, f[2])
		case "government":
			c.government = append(c.government, f[2])
		case "salute":
			c.salute = append(c.salute, f[2])
		case "pathcountry":
			c.pathCountry = append(c.pathCountry, f[2])
		case "countryname":
			c.countryName = append(c.countryName, f[2])
		default:
			return nil, fmt.Errorf("data/meta_cues.txt:%d: unknown kind %q", n+1, f[0])
		}
	}
	genres := make([]string, len(c.genre))
	for i, g := range c.genre {
		genres[i] = g.word
	}
	c.genreFind, c.countryFind = newCueFinder(genres), newCueFinder(c.country)
	c.saluteRs, c.sessionRs, c.nationalRs = runeWords(c.salute), runeWords(c.session), runeWords(c.national)
	c.saluteFind = newCueFinder(c.salute)
	return c, nil
})

// metaCountryName reports whether name is a word of kind countryname of
// data/meta_cues.txt (全国, 中国).
func metaCountryName(name string) bool {
	c, err := metaCues()
	return err == nil && slices.Contains(c.countryName, name)
}

// WithMetaOverride sets metadata fields that override every other source
// (a row of the CLI's --meta FILE.csv): home (a name), code, level, year,
// date (YYYY-MM-DD), speaker, office, genre. Empty values are ignored.
func WithMetaOverride(fields map[string]string) Option {
	return func(c *config) { c.metaOverride = fields }
}

// runMeta is the metadata stage.
func runMeta(d *Document) {
	m := readMetadata(d, d.Text, d.ID, d.Meta, d.metaOverride)
	if m.Home != nil {
		d.Home = m.Home
	}
	if m.Date != nil && (d.Date == nil || m.dateStrong) {
		d.Date = m.Date
	}
	if m.Year == nil && d.Date != nil {
		if y, err := strconv.Atoi((*d.Date)[:4]); err == nil {
			m.Year, m.YearFrom = &y, "date"
		}
	}
	d.Year = m.Year
	d.Speaker = m.Speaker
	d.Genre = m.Genre
	if d.Title == nil && m.Title != nil {
		d.Title = m.Title
	}
}

// ReadMetadata reads where and when a document is from out of its header,
// its metadata (front matter, JSONL fields), its id taken as a path, and
// the override fields (nil for none), without running the extractors: the
// fields of the metadata stage but for the date, home and year that only
// the time and place stages find. It is what measure uses.
func ReadMetadata(text, id string, meta map[string]any, override map[string]string) Metadata {
	m := readMetadata(nil, text, id, meta, override)
	return m.Metadata
}

type metaResult struct {
	Metadata
	dateStrong bool // the date comes from the header or the sidecar
}

// metaHeaderLines is how many non-empty lines of the head are read.
const metaHeaderLines = 14

// metaLine is one header line: its runes without white space, and the
// offsets of those runes in the text.
type metaLine struct {
	rs  []rune
	off []int
}

func (l metaLine) span(s, e int) (int, int) {
	if len(l.off) == 0 {
		return 0, 0
	}
	if e > len(l.off) {
		e = len(l.off)
	}
	if s >= e {
		return l.off[0], l.off[0]
	}
	return l.off[s], l.off[e-1] + 1
}

// metaHeader returns the first non-empty lines of text, white space
// removed, stopping at the salutation (各位代表). The lines are in
// buffers of sc, valid until it is released. oneLine says that rs holds
// no line break (a paragraph), which spares looking for one.
func metaHeader(rs []rune, oneLine bool, sc *docScratch, cues *metaCueSet) []metaLine {
	var out []metaLine
	// No line keeps more than 200 runes.
	n := min(len(rs), metaHeaderLines*200)
	var bufR []rune
	var bufO []int
	if sc != nil { // every element is written before it is read
		bufR, bufO = sc.int32s.get(n), sc.ints.get(n)
		out = sc.metaLines[:0]
		defer func() { sc.metaLines = out }()
	} else {
		bufR, bufO = make([]rune, n), make([]int, n)
	}
	for ls := 0; ls < len(rs) && len(out) < metaHeaderLines && ls < 3000; {
		le := ls
		if oneLine {
			le = len(rs)
		}
		for le < len(rs) && rs[le] != '\n' {
			le++
		}
		var l metaLine
		k := 0
		for i := ls; i < le && i-ls < 200; i++ {
			if !structSpace(rs[i]) {
				bufR[k], bufO[k] = rs[i], i
				k++
			}
		}
		if k > 0 {
			l.rs, l.off = bufR[:k:k], bufO[:k:k]
			bufR, bufO = bufR[k:], bufO[k:]
		}
		stop := metaCutSalute(&l, cues)
		if len(l.rs) > 0 {
			out = append(out, l)
		}
		if stop {
			break
		}
		ls = le + 1
	}
	return out
}

// metaCutSalute cuts l before each salute word in turn (各位代表), and
// reports whether it cut.
func metaCutSalute(l *metaLine, cues *metaCueSet) bool {
	ws := cues.saluteRs
	var buf [8]int
	if len(ws) > len(buf) {
		stop := false
		for _, w := range ws {
			if k := indexRuneWord(l.rs, w); k >= 0 {
				l.rs, l.off, stop = l.rs[:k], l.off[:k], true
			}
		}
		return stop
	}
	// The first occurrence of each word in the whole line: a word is
	// found in the line as cut before if that occurrence ends before the
	// cut, and no later one does.
	pos := buf[:len(ws)]
	cues.saluteFind.firstEach(l.rs, pos)
	cut := len(l.rs)
	for w, k := range pos {
		if k >= 0 && k+len(ws[w]) <= cut {
			cut = k
		}
	}
	if cut == len(l.rs) {
		return false
	}
	l.rs, l.off = l.rs[:cut], l.off[:cut]
	return true
}

func hasPrefixRunes(rs []rune, p string) bool {
	i := 0
	for _, r := range p {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

func indexRunes(rs []rune, p string) int {
	if p == "" {
		return 0
	}
	first, size := utf8.DecodeRuneInString(p)
	for i, r := range rs {
		if r == first && hasPrefixRunes(rs[i+1:], p[size:]) {
			return i
		}
	}
	return -1
}

// indexRuneWord returns the index of the first w in rs, or -1 (0 for an
// empty w).
func indexRuneWord(rs, w []rune) int {
	if len(w) == 0 {
		return 0
	}
	first := w[0]
	for i := 0; i+len(w) <= len(rs); i++ {
		if rs[i] == first && hasRunes(rs, i, w) {
			return i
		}
	}
	return -1
}

func hasRunes(rs []rune, i int, p []rune) bool {
	if i+len(p) > len(rs) {
		return false
	}
	for k, r := range p {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// metaReader holds what the steps of readMetadata share: the sources and
// the result filled in so far.
type metaReader struct {
	d           *Document // nil for ReadMetadata: no trace
	cues        *metaCueSet
	meta        map[string]any
	id          string
	head        []metaLine
	parts       []string // the path parts of id (metaPathParts), once read
	partsDone   bool
	title       string // the title field of the metadata, trimmed
	res         metaResult
	year        int                     // the year found, 0 for none (set after readYear)
	speakerHome *Home                   // the home named by the office of the speaker line
	genres      [metaHeaderLines]string // the genre of each header line (lineGenre)
	genreDone   [metaHeaderLines]bool   // whether genres[i] is found
	// sessionEnds holds metaSessionEnd of each header line plus 2, 0
	// while it is not found (sessionEnd).
	sessionEnds [metaHeaderLines]int
}

// readMetadata reads the metadata fields from each source in turn (see the top of this file).
func readMetadata(d *Document, text, id string, meta map[string]any, override map[string]string) metaResult {
	cues, err := metaCues()
	if err != nil {
		return metaResult{}
	}
	r := &metaReader{d: d, cues: cues, meta: meta, id: id}
	var sc *docScratch
	if d != nil {
		sc = d.scratch
	}
	r.head = metaHeader(metaRunes(d, text), strings.IndexByte(text, '\n') < 0, sc, cues)
	r.title = r.str("title")
	if r.title != "" {
		t := r.title
		r.res.Title = &t
	}
	r.readGenre()
	r.readDate()
	r.readYear()
	r.readSpeaker()
	r.readHome()
	if len(override) > 0 {
		metaApplyOverride(&r.res, override, r.year)
		r.trace(ruleMetaSidecar, 0, 0)
	}
	if r.res.Genre == "" {
		r.res.Genre = GenreOther
	}
	return r.res
}

// metaRunes is the text read for the header: the document's runes, or the first 6000 runes of text when there is no document.
func metaRunes(d *Document, text string) []rune {
	if d != nil {
		return d.runes
	}
	n := 0
	for i := range text {
		if n == 6000 {
			text = text[:i]
			break
		}
		n++
	}
	return []rune(text)
}

// trace reports a deciding rule to the document's trace, when there is a document.
func (r *metaReader) trace(rule string, s, e int) {
	if r.d != nil {
		r.d.traceRule(rule, Accept, s, e)
	}
}

// str is the first non-empty metadata field of keys, as a string.
func (r *metaReader) str(keys ...string) string {
	for _, k := range keys {
		switch v := r.meta[k].(type) {
		case string:
			if s := strings.TrimSpace(v); s != "" {
				return s
			}
		case fmt.Stringer:
			return v.String()
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		case int:
			return strconv.Itoa(v)
		}
	}
	return ""
}

// genreOf is the genre of the first genre cue word found in rs, "" for none.
func (r *metaReader) genreOf(rs []rune) string {
	if k := r.cues.genreFind.first(rs); k >= 0 {
		return r.cues.genre[k].genre
	}
	return ""
}

// lineGenre is genreOf the i-th header line, found once.
func (r *metaReader) lineGenre(i int) string {
	if !r.genreDone[i] {
		r.genres[i], r.genreDone[i] = r.genreOf(r.head[i].rs), true
	}
	return r.genres[i]
}

// readGenre sets the genre from the header lines, then the metadata title, then a genre field, then a session line.
func (r *metaReader) readGenre() {
	res := &r.res
	for i, l := range r.head {
		if g := r.lineGenre(i); g != "" && (g != GenreBulletin || i < 2) && (g != GenreNews || i < 4) {
			res.Genre = g
			s, e := l.span(0, len(l.rs))
			r.trace(ruleMetaGenre, s, e)
			break
		}
	}
	if res.Genre == "" && r.title != "" {
		res.Genre = r.genreOf([]rune(r.title))
	}
	if res.Genre == "" {
		switch g := r.str("genre"); g {
		case GenreWorkReport, GenreCommunique, GenreBulletin, GenreNews, GenreOther:
			res.Genre = g
		}
	}
	if res.Genre == "" {
		for i := range r.head {
			if r.sessionEnd(i) >= 0 {
				res.Genre = GenreWorkReport // a session line heads a report to it
				break
			}
		}
	}
}

// readDate sets the date (and a bracketed dateline's speaker) from the first dateline of the header, else the metadata date.
func (r *metaReader) readDate() {
	res := &r.res
	for _, l := range r.head {
		y, mo, dd, s, e, ok := metaDateline(l.rs)
		if !ok {
			continue
		}
		v := fmt.Sprintf("%04d-%02d-%02d", y, mo, dd)
		res.Date, res.dateStrong = &v, true
		ts, te := l.span(s, e)
		r.trace(ruleMetaDateline, ts, te)
		// （2022年2月20日 刘文华）: the speaker after the date.
		if e < len(l.rs) && res.Speaker == nil {
			rest := l.rs[e:]
			if k := len(rest) - 1; k > 0 && (rest[k] == '）' || rest[k] == ')') {
				if n := metaName(rest[:k]); n != "" {
					res.Speaker = &Speaker{Name: n}
					ss, se := l.span(e, e+k)
					r.trace(ruleMetaSpeakerDL, ss, se)
				}
			}
		}
		break
	}
	if res.Date == nil {
		if y, mo, dd, ok := metaDate(r.meta); ok {
			v := fmt.Sprintf("%04d-%02d-%02d", y, mo, dd)
			res.Date = &v
		}
	}
}

// metaTitleYear is the year a title line states (2019年政府工作报告, 政府工作报告（2015年）), not a dateline's in it (（2011年12月26日 崔杰）); 0 for none.
func metaTitleYear(rs []rune) int {
	if len(rs) > 60 || indexRunes(rs, "工作报告") < 0 && indexRunes(rs, "公报") < 0 {
		return 0
	}
	for i := 0; i+4 < len(rs); i++ {
		if i > 0 && isDigitRune(rs[i-1]) {
			continue
		}
		y, n := metaYear(rs, i)
		if n == 0 || y < 1949 || y > 2099 || i+n >= len(rs) {
			continue
		}
		switch rs[i+n] {
		case '年':
			if _, k := metaSmall(rs, i+n+1); k > 0 && i+n+1+k < len(rs) && rs[i+n+1+k] == '月' {
				continue // a date
			}
			return y
		case '）', ')':
			return y
		}
	}
	return 0
}

// setYear sets the year and its source, unless a year is set already or y is 0.
func (r *metaReader) setYear(y int, from string) {
	if r.res.Year == nil && y != 0 {
		r.res.Year, r.res.YearFrom = &y, from
	}
}

// readYear sets the year from a title line, the metadata, the date (after readTitleDate), then the path.
func (r *metaReader) readYear() {
	res := &r.res
	for _, l := range r.head {
		if y := metaTitleYear(l.rs); y != 0 {
			r.setYear(y, metaFromTitle)
			s, e := l.span(0, len(l.rs))
			r.trace(ruleMetaYearTitle, s, e)
			break
		}
	}
	// A year stated in the metadata beats one inferred from a date.
	if res.Year == nil {
		if y, err := metaAtoi(r.str("year")); err == nil && y > 0 {
			r.setYear(y, metaFromMeta)
		} else if y := metaTitleYear([]rune(r.title)); y != 0 {
			r.setYear(y, metaFromMeta)
		}
	}
	r.readTitleDate()
	if res.Year == nil && res.Date != nil {
		// A work report delivered in November or December is the next
		// year's.
		y, _ := strconv.Atoi((*res.Date)[:4])
		if res.Genre == GenreWorkReport && (*res.Date)[5:7] >= "11" {
			y++
		}
		from := metaFromMeta
		if res.dateStrong {
			from = metaFromDateline
			r.trace(ruleMetaYearDate, 0, 0)
		}
		r.setYear(y, from)
	}
	if res.Year == nil {
		if y := metaPartsYear(r.pathParts()); y != 0 {
			r.setYear(y, metaFromPath)
			r.trace(ruleMetaYearPath, 0, 0)
		}
	}
	if res.Year != nil {
		r.year = *res.Year
	}
}

// errNoNumber is what metaAtoi returns for "", without the allocation
// of strconv's error.
var errNoNumber = errors.New("no number")

// metaAtoi is strconv.Atoi, but for "" (most documents have no year field).
func metaAtoi(s string) (int, error) {
	if s == "" {
		return 0, errNoNumber
	}
	return strconv.Atoi(s)
}

// readTitleDate sets a missing date from a dateline written as the metadata title (2022年12月12日在拉萨市…) or in its bracket.
func (r *metaReader) readTitleDate() {
	if r.res.Date != nil || r.title == "" {
		return
	}
	if y, mo, dd, _, _, ok := metaDateline([]rune(r.title)); ok {
		v := fmt.Sprintf("%04d-%02d-%02d", y, mo, dd)
		r.res.Date = &v
	} else if k := indexRunes([]rune(r.title), "（"); k >= 0 {
		if y, mo, dd, _, _, ok := metaDateline([]rune(r.title)[k:]); ok {
			v := fmt.Sprintf("%04d-%02d-%02d", y, mo, dd)
			r.res.Date = &v
		}
	}
}

// readSpeaker sets the speaker (and the home its office names) from a speaker line of the header, on one line or two, else the metadata.
func (r *metaReader) readSpeaker() {
	res, head := &r.res, r.head
	for i, l := range head {
		if res.Speaker != nil {
			break
		}
		if sp, h, ok := metaSpeakerLine(l.rs, r.cues, r.year); ok {
			res.Speaker, r.speakerHome = sp, h
			s, e := l.span(0, len(l.rs))
			r.trace(ruleMetaSpeaker, s, e)
			break
		}
		// Two lines: 国务院总理 / 李　强.
		if i+1 < len(head) && len(l.rs) <= 20 {
			if n, _ := r.cues.office.Longest(reverseRunes(l.rs), 0); n > 0 && n < len(l.rs)+1 {
				if name := metaName(head[i+1].rs); name != "" {
					res.Speaker = &Speaker{Name: name, Office: string(l.rs)}
					r.speakerHome = metaOfficeHome(l.rs, len(l.rs)-n, r.cues, r.year)
					s, _ := l.span(0, 1)
					_, e := head[i+1].span(0, len(head[i+1].rs))
					r.trace(ruleMetaSpeaker, s, e)
				}
			}
		}
	}
	if res.Speaker == nil {
		if n := r.str("speaker"); n != "" {
			res.Speaker = &Speaker{Name: n, Office: r.str("office")}
		}
	}
}

// readHome sets the home from the session line, the speaker line, a title line, the metadata, then the path.
func (r *metaReader) readHome() {
	res := &r.res
	for i, l := range r.head {
		if h := metaSessionHome(l.rs, r.sessionEnd(i), r.cues, r.year); h != nil {
			res.Home = h
			s, e := l.span(0, len(l.rs))
			r.trace(ruleMetaSession, s, e)
			break
		}
	}
	if res.Home == nil && r.speakerHome != nil {
		res.Home = r.speakerHome
		r.trace(ruleMetaOffice, 0, 0)
	}
	if res.Home == nil {
		r.readTitleHome()
	}
	if res.Home == nil {
		r.readMetaHome()
	}
	if res.Home == nil {
		if h := metaPartsHome(r.pathParts(), r.year); h != nil {
			res.Home = h
			r.trace(ruleMetaHomePath, 0, 0)
		}
	}
}

// readTitleHome sets the home named in the first header title line of a work report or communiqué that names one.
func (r *metaReader) readTitleHome() {
	for i, l := range r.head {
		if g := r.lineGenre(i); g != GenreWorkReport && g != GenreCommunique {
			continue
		}
		if h := metaTitleHome(l.rs, r.cues, r.year); h != nil {
			r.res.Home = h
			s, e := l.span(0, len(l.rs))
			r.trace(ruleMetaTitle, s, e)
			return
		}
	}
}

// readMetaHome sets the home from the home/region, code and level fields of the metadata, else from its title.
func (r *metaReader) readMetaHome() {
	if h := metaFieldsHome(r.str("home", "region"), r.str("code"), r.str("level"), r.year); h != nil {
		h.From = metaFromMeta
		r.res.Home = h
		r.trace(ruleMetaHomeMeta, 0, 0)
		return
	}
	if r.title == "" {
		return
	}
	if g := r.genreOf([]rune(r.title)); g == GenreWorkReport || g == GenreCommunique {
		if h := metaTitleHome([]rune(r.title), r.cues, r.year); h != nil {
			h.From = metaFromMeta
			r.res.Home = h
			r.trace(ruleMetaHomeMeta, 0, 0)
		}
	}
}

// metaApplyOverride sets the fields of the sidecar.
func metaApplyOverride(res *metaResult, o map[string]string, year int) {
	get := func(k string) string { return strings.TrimSpace(o[k]) }
	if v := get("year"); v != "" {
		if y, err := strconv.Atoi(v); err == nil {
			res.Year, res.YearFrom = &y, metaFromSidecar
			year = y
		}
	}
	if v := get("date"); v != "" {
		if y, mo, dd, ok := metaDate(map[string]any{"date": v}); ok {
			s := fmt.Sprintf("%04d-%02d-%02d", y, mo, dd)
			res.Date, res.dateStrong = &s, true
			if get("year") == "" && res.Year == nil {
				res.Year, res.YearFrom = &y, metaFromSidecar
			}
		}
	}
	if h := metaFieldsHome(firstNonEmpty(get("home"), get("region")), get("code"), get("level"), year); h != nil {
		h.From = metaFromSidecar
		res.Home = h
	}
	if v := get("speaker"); v != "" {
		res.Speaker = &Speaker{Name: v, Office: get("office")}
	} else if v := get("office"); v != "" && res.Speaker != nil {
		res.Speaker.Office = v
	}
	if v := get("genre"); v != "" {
		res.Genre = v
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// metaFieldsHome builds a home from a name, code and level given as fields:
// a code is looked up in the gazetteer, a name resolved as of year; level
// country (or the name 中华人民共和国, or one of kind countryname of
// data/meta_cues.txt: 全国, 中国) is the country.
func metaFieldsHome(name, code, level string, year int) *Home {
	if level == LevelCountry || name == CountryName || metaCountryName(name) {
		return &Home{Name: CountryName, Level: LevelCountry}
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil
	}
	if code != "" {
		if id, ok := g.latest(code); ok {
			r := &g.recs[id]
			n := r.Name
			if name != "" {
				n = name
			}
			return &Home{Name: n, Code: r.Code, Level: r.Level}
		}
		if name != "" {
			return &Home{Name: name, Code: code, Level: level}
		}
		return nil
	}
	if name == "" {
		return nil
	}
	if id, ok := metaDivision(g, name, year); ok {
		r := &g.recs[id]
		return &Home{Name: r.Name, Code: r.Code, Level: r.Level}
	}
	return &Home{Name: name, Level: level}
}

// metaDivision resolves a full division name (county level and above) as
// of year (0: today): the record valid then, the higher level first.
func metaDivision(g *gazetteer, name string, year int) (int32, bool) {
	ids := g.full.get(name)
	best, found := int32(0), false
	rank := func(id int32) (int, int, int) {
		r := &g.recs[id]
		dist := 0
		if year > 0 {
			dist = g.distance(id, year)
		} else if r.To != 0 {
			dist = 1
		}
		lv := 3
		switch r.Level {
		case LevelProvince:
			lv = 0
		case LevelPrefecture:
			lv = 1
		case LevelCounty:
			lv = 2
		}
		return dist, lv, int(id)
	}
	for _, id := range ids {
		if g.recs[id].Level == LevelTownship {
			continue
		}
		if !found {
			best, found = id, true
			continue
		}
		d1, l1, i1 := rank(id)
		d0, l0, i0 := rank(best)
		if d1 < d0 || d1 == d0 && (l1 < l0 || l1 == l0 && i1 < i0) {
			best = id
		}
	}
	return best, found
}

// metaNameEndingAt returns the longest division name in rs ending at end
// (at most 12 runes), resolved as of year.
func metaNameEndingAt(rs []rune, end, year int) (*Home, int) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, -1
	}
	for s := max(0, end-12); s <= end-2; s++ {
		if id, ok := metaDivisionRunes(g, rs[s:end], year); ok {
			r := &g.recs[id]
			return &Home{Name: r.Name, Code: r.Code, Level: r.Level}, s
		}
	}
	return nil, -1
}

// sessionEnd is metaSessionEnd of the i-th header line, found once.
func (r *metaReader) sessionEnd(i int) int {
	if r.sessionEnds[i] == 0 {
		r.sessionEnds[i] = metaSessionEnd(r.head[i].rs, r.cues) + 2
	}
	return r.sessionEnds[i] - 2
}

// pathParts is metaPathParts of the id, found once.
func (r *metaReader) pathParts() []string {
	if !r.partsDone {
		r.parts, r.partsDone = metaPathParts(r.id), true
	}
	return r.parts
}

// metaSessionEnd returns the index in rs of the 第 (or of the numeral) of
// a session line's 第…届…人民代表大会, or -1.
func metaSessionEnd(rs []rune, cues *metaCueSet) int {
	if !slices.Contains(rs, '届') {
		return -1 // every session line holds the 届 looked for below
	}
	for _, w := range cues.sessionRs {
		k := indexRuneWord(rs, w)
		if k < 0 {
			continue
		}
		// Back over 全国, 届 and its numeral, and 第.
		j := k
		if j >= 2 && rs[j-2] == '全' && rs[j-1] == '国' {
			j -= 2
		}
		if j == 0 || rs[j-1] != '届' {
			continue
		}
		j--
		n := j
		for j > 0 && (structCnDigit(rs[j-1]) || isDigitRune(rs[j-1])) {
			j--
		}
		if j == n {
			continue
		}
		if j > 0 && rs[j-1] == '第' {
			j--
		}
		return j
	}
	return -1
}

// metaSessionHome reads the home of a session line, j its
// metaSessionEnd.
func metaSessionHome(rs []rune, j int, cues *metaCueSet, year int) *Home {
	if j < 0 {
		return nil
	}
	for _, w := range cues.nationalRs {
		if indexRuneWord(rs[j:], w) >= 0 {
			return &Home{Name: CountryName, Level: LevelCountry, From: metaFromSession}
		}
	}
	h, _ := metaNameEndingAt(rs, j, year)
	if h != nil {
		h.From = metaFromSession
	}
	return h
}

// metaSpeakerLine reads a speaker line: [region][人民政府]office name.
func metaSpeakerLine(rs []rune, cues *metaCueSet, year int) (*Speaker, *Home, bool) {
	if len(rs) < 4 || len(rs) > 40 {
		return nil, nil, false
	}
	// The office ends where the name starts: try each split, the name
	// being the last 2 to 12 runes.
	rev := reverseRunes(rs)
	for nl := 2; nl <= 12 && nl < len(rs); nl++ {
		name := metaName(rs[len(rs)-nl:])
		if name == "" {
			continue
		}
		oe := len(rs) - nl
		if n, _ := cues.office.Longest(rev, nl); n == 0 {
			continue
		} else if nl > 4 && !strings.ContainsRune(name, '·') {
			continue
		} else {
			office := string(rs[:oe])
			return &Speaker{Name: name, Office: office}, metaOfficeHome(rs, oe-n, cues, year), true
		}
	}
	return nil, nil, false
}

// metaOfficeHome reads the region before an office starting at os.
func metaOfficeHome(rs []rune, os int, cues *metaCueSet, year int) *Home {
	pre := rs[:os]
	if hasPrefixRunes(pre, "国务院") {
		return &Home{Name: CountryName, Level: LevelCountry, From: metaFromSpeaker}
	}
	for _, suf := range cues.government {
		if k := len(pre) - len([]rune(suf)); k >= 0 && string(pre[k:]) == suf {
			pre = pre[:k]
			break
		}
	}
	if len(pre) < 2 {
		return nil
	}
	h, _ := metaNameEndingAt(pre, len(pre), year)
	if h != nil {
		h.From = metaFromSpeaker
	}
	return h
}

// metaTitleHome reads the home of a title line: the country cue or the
// first division name.
func metaTitleHome(rs []rune, cues *metaCueSet, year int) *Home {
	if cues.countryFind.first(rs) >= 0 {
		return &Home{Name: CountryName, Level: LevelCountry, From: metaFromTitle}
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil
	}
	for s := 0; s+2 <= len(rs); s++ {
		if !metaMayStartName(rs, s) {
			continue
		}
		for e := min(len(rs), s+12, s+metaMaxName(rs[s])); e >= s+2; e-- {
			if id, ok := metaDivisionRunes(g, rs[s:e], year); ok {
				r := &g.recs[id]
				return &Home{Name: r.Name, Code: r.Code, Level: r.Level, From: metaFromTitle}
			}
		}
	}
	return nil
}

// metaName returns rs as a person's name: 2 to 4 Han characters, or Han
// names joined by · (伊力哈木·沙比尔), white space removed; else "".
func metaName(rs []rune) string {
	var buf [16]rune
	out := buf[:0]
	dots := 0
	for _, r := range rs {
		switch {
		case structSpace(r):
		case r == '·' || r == '•' || r == '・':
			dots++
			out = append(out, '·')
		case sloganHan(r):
			out = append(out, r)
		default:
			return ""
		}
	}
	if dots == 0 && (len(out) < 2 || len(out) > 4) || dots > 0 && (len(out) < 4 || len(out) > 14 || out[0] == '·' || out[len(out)-1] == '·') {
		return ""
	}
	return string(out)
}

func reverseRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return out
}

// metaDateline parses a date opening a header line, after dashes, a
// bracket or 原标题-style lead: it returns the date and its span [s,e).
func metaDateline(rs []rune) (y, m, d, s, e int, ok bool) {
	i := 0
	for i < len(rs) && i < 8 && strings.ContainsRune("—－-–─（(【[:：*", rs[i]) {
		i++
	}
	if i > 0 && rs[i-1] == '：' {
		return
	}
	s = i
	y, n := metaYear(rs, i)
	if n == 0 || y < 1949 || y > 2099 || i+n >= len(rs) || rs[i+n] != '年' {
		return
	}
	i += n + 1
	m, n = metaSmall(rs, i)
	if n == 0 || m < 1 || m > 12 || i+n >= len(rs) || rs[i+n] != '月' {
		return
	}
	i += n + 1
	d, n = metaSmall(rs, i)
	if n == 0 || !calendarDay(y, m, d) || i+n >= len(rs) || rs[i+n] != '日' && rs[i+n] != '号' {
		return
	}
	i += n + 1
	// Further days (二十一日、二十二日) are part of the date line.
	return y, m, d, s, i, true
}

// metaYear reads a four-digit year at rs[i], in Arabic or Chinese digits.
func metaYear(rs []rune, i int) (int, int) {
	if i+4 > len(rs) {
		return 0, 0
	}
	v := 0
	arabic := isDigitRune(rs[i])
	for k := i; k < i+4; k++ {
		var dv int
		var ok bool
		if arabic {
			dv, ok = digitValue(rs[k])
		} else {
			dv, ok = cnDigit(rs[k])
			ok = ok && rs[k] != '两'
		}
		if !ok {
			return 0, 0
		}
		v = v*10 + dv
	}
	if i+4 < len(rs) && (isDigitRune(rs[i+4]) || !arabic && structCnDigit(rs[i+4])) {
		return 0, 0
	}
	return v, 4
}

// metaSmall reads a month or day number: one or two digits, or a Chinese
// numeral up to 三十一.
func metaSmall(rs []rune, i int) (int, int) {
	if i >= len(rs) {
		return 0, 0
	}
	if isDigitRune(rs[i]) {
		v, _ := digitValue(rs[i])
		if i+1 < len(rs) && isDigitRune(rs[i+1]) {
			w, _ := digitValue(rs[i+1])
			return v*10 + w, 2
		}
		return v, 1
	}
	v, k := 0, i
	for k < len(rs) && k-i < 3 {
		r := rs[k]
		if r == '十' {
			if v == 0 {
				v = 1
			}
			v *= 10
		} else if dv, ok := cnDigit(r); ok && r != '〇' && r != '○' && r != '零' && r != '两' {
			if v >= 10 && v%10 == 0 {
				v += dv
			} else if v == 0 {
				v = dv
			} else {
				break
			}
		} else {
			break
		}
		k++
	}
	return v, k - i
}

// metaPathParts splits a document id into path parts, the file name last
// (without its extension); an archive member's parts follow the archive's.
func metaPathParts(id string) []string {
	id = strings.ReplaceAll(id, "\\", "/")
	id = strings.ReplaceAll(id, "!", "/")
	if k := strings.LastIndexByte(id, ':'); k > 0 && strings.Trim(id[k+1:], "0123456789") == "" {
		id = id[:k] // file.jsonl:LINE
	}
	parts := make([]string, 0, strings.Count(id, "/")+1)
	for p := range strings.SplitSeq(id, "/") {
		if p != "" && p != "." && p != ".." {
			parts = append(parts, p)
		}
	}
	if n := len(parts); n > 0 {
		b := parts[n-1]
		for ext := path.Ext(b); ext != "" && len(ext) <= 8; ext = path.Ext(b) {
			b = strings.TrimSuffix(b, ext)
		}
		parts[n-1] = b
	}
	return parts
}

// metaPathYear returns the year (1949–2099) in the file name, else in the
// deepest folder name holding one.
func metaPathYear(id string) int { return metaPartsYear(metaPathParts(id)) }

// metaPartsYear is metaPathYear of the path parts.
func metaPartsYear(parts []string) int {
	for k := len(parts) - 1; k >= 0; k-- {
		rs := []rune(parts[k])
		for i := 0; i+4 <= len(rs); i++ {
			if i > 0 && isDigitRune(rs[i-1]) {
				continue
			}
			if y, n := metaYear(rs, i); n > 0 && isDigitRune(rs[i]) && y >= 1949 && y <= 2099 {
				return y
			}
		}
	}
	return 0
}

// metaPathHome returns the division named by the deepest path part that is
// a division name, or starts with one (福建省2019).
func metaPathHome(id string, year int) *Home { return metaPartsHome(metaPathParts(id), year) }

// metaPartsHome is metaPathHome of the path parts.
func metaPartsHome(parts []string, year int) *Home {
	g, err := loadGazetteer()
	if err != nil {
		return nil
	}
	cues, err := metaCues()
	if err != nil {
		return nil
	}
	for k := len(parts) - 1; k >= 0; k-- {
		p := parts[k]
		if slices.Contains(cues.pathCountry, p) {
			return &Home{Name: CountryName, Level: LevelCountry, From: metaFromPath}
		}
		rs := []rune(p)
		for e := min(len(rs), 14); e >= 2; e-- {
			if id, ok := metaDivisionRunes(g, rs[:e], year); ok {
				r := &g.recs[id]
				return &Home{Name: r.Name, Code: r.Code, Level: r.Level, From: metaFromPath}
			}
		}
	}
	return nil
}
