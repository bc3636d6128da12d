package extract

import (
	_ "embed"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tongbao/tongbao/segment"
)

// Places: administrative divisions from the embedded gazetteer (full names,
// standard short forms, historical names), townships (matched only with
// their suffix 镇/乡/街道/苏木…), world places (data/places_world.txt), and
// place shapes beyond the tables (X村, X社区, X街道, X渡口, rivers…).
//
// The stage runs at order 40, before the organization (50) and person
// stages, which may call (*Document).placeAt or MatchPlace. Convention with
// the org stage (PD1998's): a place strictly inside an organization name
// (北京 in 北京大学, 黔西县 in 黔西县人大常委会) is not a place mention. This
// stage applies it itself, with the org stage's findOrgs spans, so that it
// holds when only places are wanted; placeAt still reports such places.

//go:embed data/places_world.txt
var worldPlacesTxt string

func init() {
	register(stage{order: 40, name: "place", types: []string{TypePlace, TypeOrg}, run: extractPlaces})
}

// placeVal is what the place lexicon knows about a string.
type placeVal struct {
	full, short bool   // a full division name, a standard short form
	world       string // kind of world/geographic place, or ""
	// fullIDs are the records above township level with the string as
	// full name, shortIDs those with it as short form (looked up once
	// when the index is built; shared, capacity clipped: never modify).
	fullIDs, shortIDs []int32
}

type placeIndex struct {
	g   *gazetteer
	lex *Lexicon[placeVal]
}

var (
	placeOnce sync.Once
	placeIdx  *placeIndex
	placeErr  error
)

// places returns the place index, built on first use.
func places() (*placeIndex, error) {
	placeOnce.Do(func() {
		g, err := loadGazetteer()
		if err != nil {
			placeErr = err
			return
		}
		placeIdx = buildPlaceIndex(g)
	})
	return placeIdx, placeErr
}

// buildPlaceIndex builds the place lexicon: world places, then full names
// and short forms of divisions above township level.
func buildPlaceIndex(g *gazetteer) *placeIndex {
	{
		lex := NewLexicon[placeVal]()
		ReadWordList(worldPlacesTxt, func(f []string) {
			if len(f) >= 2 {
				lex.Add(f[0], placeVal{world: f[1]})
			}
		})
		for _, r := range g.recs {
			if r.Level == LevelTownship || genericName(r.Name) {
				continue
			}
			v, _ := lex.Get(r.Name)
			v.full = true
			lex.Add(r.Name, v)
			if r.Short != "" {
				v, _ := lex.Get(r.Short)
				v.short = true
				lex.Add(r.Short, v)
			}
		}
		// The records of each name, as longestNear wants them.
		ids := func(name string) {
			v, _ := lex.Get(name)
			if v.full && v.fullIDs == nil {
				for _, id := range g.full.get(name) {
					if g.recs[id].Level != LevelTownship {
						v.fullIDs = append(v.fullIDs, id)
					}
				}
				v.fullIDs = slices.Clip(v.fullIDs)
			}
			if v.short && v.shortIDs == nil {
				v.shortIDs = slices.Clip(g.short.get(name))
			}
			lex.Add(name, v)
		}
		for _, r := range g.recs {
			if r.Level == LevelTownship || genericName(r.Name) {
				continue
			}
			ids(r.Name)
			if r.Short != "" {
				ids(r.Short)
			}
		}
		return &placeIndex{g: g, lex: lex}
	}
}

// genericName reports whether a division name is made of generic words
// only: two-rune district names (市区, 城区, 郊区, 矿区) are not matched.
func genericName(name string) bool {
	rs := []rune(name)
	return len(rs) <= 2 && rs[len(rs)-1] == '区'
}

// townSuffix reports whether r can end a township name.
func townSuffix(r rune) bool {
	switch r {
	case '镇', '乡', '道', '木':
		return true
	}
	return false
}

// placeHit is one matched place before merging runs.
type placeHit struct {
	start, end int
	ids        []int32 // candidate gazetteer records
	short      bool    // matched a short form only
	kind       string  // world/shape kind when not a division
	level      string  // level for shapes
	shape      bool    // found by a shape rule
	world      string  // world/geographic kind of the name, kept when a division reading wins
	tail       int     // end of the known name when gse place words extend the hit (0 otherwise)
}

// placeEndChars end the gse place words that may continue a known place.
const placeEndChars = "州县市区镇乡村路街口门山河湖岛湾桥站寺陵峡"

// unknownShapeChars end words that name villages (roads are left out: 高速公路,
// 必由之路 end with 路 too).
const unknownShapeChars = "村寨屯沟"

// nameStem reports whether word t, ending with shape character last, is a
// name: its stem (the word without last) is unknown to the dictionary,
// rare (frequency under commonStemFreq), or a name (ns, nr, nz).
func nameStem(d *Document, t segment.Token, last rune) bool {
	s := d.seg
	if s == nil {
		var err error
		if s, err = segment.Default(); err != nil {
			return false
		}
	}
	stem := strings.TrimSuffix(t.Text, string(last))
	rs := []rune(t.Text)
	if f, pos, ok := s.Lookup(string(rs[len(rs)-2:])); ok && f >= commonStemFreq && !properTag[pos] {
		return false // 美丽乡村 ends with the word 乡村
	}
	freq, pos, ok := s.Lookup(stem)
	return utf8.RuneCountInString(stem) >= 2 && (!ok || freq < commonStemFreq || properTag[pos] && pos != "j")
}

// veryCommonFreq is the dictionary frequency from which a word tagged as a
// name is ordinary vocabulary all the same (城市 ns 25084).
const veryCommonFreq = 5000

// veryCommon reports whether word is that frequent in the dictionary.
func veryCommon(d *Document, word string) bool {
	s := d.seg
	if s == nil {
		var err error
		if s, err = segment.Default(); err != nil {
			return false
		}
	}
	f, _, ok := s.Lookup(word)
	return ok && f >= veryCommonFreq
}

// commonStemFreq is the dictionary frequency from which a stem is an
// ordinary word (贫困 in 贫困村).
const commonStemFreq = 100

// properTag lists gse tags of proper names and abbreviations.
var properTag = map[string]bool{"nr": true, "nrt": true, "ns": true, "nz": true, "j": true}

// allHan reports whether s is made of Han characters only.
func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// MatchPlace reports the longest known place name starting at runes[i]: a
// division of the gazetteer (full name, standard short form, or township
// with its suffix) or a world place. end is the exclusive end; div is the
// division the name most likely denotes (the current one for a short form,
// the latest record for a historical name), nil for world places or when
// the name is ambiguous. It does no segmentation check: callers that need
// word boundaries (the org stage on a Document) should use placeAt.
func MatchPlace(runes []rune, i int) (end int, div *Division, ok bool) {
	px, err := places()
	if err != nil || i < 0 || i >= len(runes) {
		return 0, nil, false
	}
	h, ok := px.longest(runes, i, nil)
	if !ok {
		return 0, nil, false
	}
	if id, ok := px.pick(h.ids, 0, nil); ok {
		d := px.g.division(id)
		div = &d
	}
	return h.end, div, true
}

// placeAt returns the place mention starting at rune i, as found by the
// place stage (merged runs included), even when place mentions are not
// wanted in the output. Use it from stages with order > 40.
func (d *Document) placeAt(i int) (Mention, bool) {
	m, ok := d.placeIdx[i]
	return m, ok
}

// longest finds the longest acceptable place name at i. ok(start, end)
// vets a candidate span (nil accepts all).
func (px *placeIndex) longest(rs []rune, i int, ok func(s, e int) bool) (placeHit, bool) {
	return px.longestNear(rs, i, -1, ok)
}

// longestNear is longest with a hint: nextTown is the index of the first
// township suffix character at or after i+2 (-1: unknown, len(rs): none).
func (px *placeIndex) longestNear(rs []rune, i, nextTown int, ok func(s, e int) bool) (placeHit, bool) {
	if i < 0 || i >= len(rs) {
		return placeHit{}, false
	}
	// Townships: only with their suffix.
	nt := min(px.g.maxTown, len(rs)-i)
	if nextTown >= 0 && nextTown-i+1 > nt {
		nt = 0
	}
	if nt >= 3 && !px.g.maybeTownStart(rs[i], rs[i+1]) {
		nt = 0
	}
	if nt < 3 && px.lex.start(rs[i]) == nil {
		return placeHit{}, false // no name starts here (most positions)
	}
	var buf [8]placeHit
	cands := buf[:0]
	for n := nt; n >= 3; n-- {
		if !townSuffix(rs[i+n-1]) {
			continue
		}
		if ids := px.g.full.get(string(rs[i : i+n])); len(ids) > 0 {
			var tids []int32
			for _, id := range ids {
				if px.g.recs[id].Level == LevelTownship {
					tids = append(tids, id)
				}
			}
			if len(tids) > 0 {
				cands = append(cands, placeHit{start: i, end: i + n, ids: tids, level: LevelTownship})
				break
			}
		}
	}
	px.lex.Prefixes(rs, i, func(n int, v placeVal) {
		h := placeHit{start: i, end: i + n, kind: v.world}
		if v.full {
			h.ids = v.fullIDs
		}
		if v.short && len(h.ids) == 0 {
			h.ids = v.shortIDs
			h.short = true
		}
		h.world = v.world
		if h.ids != nil {
			h.kind = ""
		}
		if h.ids == nil && h.kind == "" {
			return
		}
		cands = append(cands, h)
	})
	// Longest first; a township wins a tie (it was found first).
	for len(cands) > 0 {
		best := 0
		for k := range cands {
			if cands[k].end > cands[best].end {
				best = k
			}
		}
		c := cands[best]
		if ok == nil || ok(c.start, c.end) {
			return c, true
		}
		cands = append(cands[:best], cands[best+1:]...)
	}
	return placeHit{}, false
}

// levelRank orders levels from broad to narrow.
func levelRank(l string) int {
	switch l {
	case LevelProvince:
		return 0
	case LevelPrefecture:
		return 1
	case LevelCounty:
		return 2
	case LevelTownship:
		return 3
	}
	return 4
}

// pick chooses one record among candidate ids for a text of the given year
// (0 when unknown). ctx holds codes of other places of the document, used
// to resolve ambiguous names. ok is false when the name stays ambiguous.
func (px *placeIndex) pick(ids []int32, year int, ctx map[string]int) (int32, bool) {
	g := px.g
	if len(ids) == 0 {
		return 0, false
	}
	// Time: keep the records valid in year (or closest); without a year,
	// keep the records in use, else the latest ones.
	var keep []int32
	if year > 0 {
		best := 1 << 30
		for _, id := range ids {
			if dd := g.distance(id, year); dd < best {
				best, keep = dd, []int32{id}
			} else if dd == best {
				keep = append(keep, id)
			}
		}
	} else {
		best := -1
		for _, id := range ids {
			to := g.recs[id].To
			if to == 0 {
				to = 9999
			}
			if to > best {
				best, keep = to, []int32{id}
			} else if to == best {
				keep = append(keep, id)
			}
		}
	}
	// Distinct entities: records sharing a code are one.
	ent := map[string]int32{}
	for _, id := range keep {
		c := g.recs[id].fullCode()
		if prev, ok := ent[c]; !ok || g.recs[id].To == 0 || g.recs[id].To > g.recs[prev].To && g.recs[prev].To != 0 {
			ent[c] = id
		}
	}
	if len(ent) == 1 {
		for _, id := range ent {
			return id, true
		}
	}
	// Context: other places of the document in the same province or
	// prefecture.
	if len(ctx) > 0 {
		var best []int32
		bs := 0
		for c, id := range ent {
			s := 0
			for cc, n := range ctx {
				if cc == c {
					continue
				}
				switch {
				case len(cc) >= 6 && len(c) >= 6 && cc[:6] == c[:6] && cc[4:6] != "00":
					s += 4 * n
				case len(cc) >= 4 && len(c) >= 4 && cc[:4] == c[:4] && cc[2:4] != "00":
					s += 2 * n
				case cc[:2] == c[:2]:
					s += n
				}
			}
			if s > bs {
				bs, best = s, []int32{id}
			} else if s == bs && s > 0 {
				best = append(best, id)
			}
		}
		if len(best) == 1 {
			return best[0], true
		}
	}
	// A single broadest unit wins (吉林 is the province before the city).
	var top []int32
	tr := 99
	for _, id := range ent {
		if r := levelRank(g.recs[id].Level); r < tr {
			tr, top = r, []int32{id}
		} else if r == tr {
			top = append(top, id)
		}
	}
	if len(top) == 1 && tr < 2 {
		return top[0], true
	}
	return 0, false
}

// docYear is the year of the text, 0 when unknown.
func (d *Document) docYear() int {
	if d.Ref.Year > 0 {
		return d.Ref.Year
	}
	if !d.refDate.IsZero() {
		return d.refDate.Year()
	}
	if s, ok := d.Meta["date"].(string); ok && len(s) >= 4 {
		if y, err := strconv.Atoi(s[:4]); err == nil && y > 1900 && y < 2200 {
			return y
		}
	}
	return 0
}

// Shape words that make a place of the name before them.
var shapeWords = map[string]string{
	"村": LevelVillage, "社区": LevelVillage, "寨": LevelVillage, "屯": LevelVillage, "嘎查": LevelVillage,
	"街道": LevelTownship, "镇": LevelTownship, "乡": LevelTownship, "苏木": LevelTownship,
	"渡口": "ferry", "渡": "ferry", "码头": "ferry",
	"河": "river", "江": "river", "湖": "lake", "水库": "lake",
	"山": "mountain", "峰": "mountain", "岭": "mountain",
	"岛": "island", "湾": "sea", "港": "site", "峡": "site",
	"路": "road", "街": "road", "大街": "road", "大道": "road", "胡同": "road",
	"广场": "site", "大桥": "site", "桥": "site", "机场": "site", "火车站": "site",
}

// shapeFirst marks the first code points of shapeWords, and
// shapeMaxBytes is the length of the longest, so that most tokens are
// rejected without hashing them.
var shapeFirst, shapeMaxBytes = func() (*[1 << 16 / 64]uint64, int) {
	var set [1 << 16 / 64]uint64
	n := 0
	for w := range shapeWords {
		r, _ := utf8.DecodeRuneInString(w)
		set[r>>6] |= 1 << (uint(r) & 63)
		n = max(n, len(w))
	}
	return &set, n
}()

// shapeWord returns the kind of shape word w is.
func shapeWord(w string) (string, bool) {
	if len(w) == 0 || len(w) > shapeMaxBytes {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(w); r >= 1<<16 || shapeFirst[r>>6]&(1<<(uint(r)&63)) == 0 {
		return "", false
	}
	lvl, ok := shapeWords[w]
	return lvl, ok
}

// shapeChars end a place-tagged word of a shape (鸭/ns 池河/ns).
const shapeChars = "河江湖山峰岭岛湾峡村寨屯坝沟洞桥路街庄渡口"

// shapeKind names the kind of place a final shape character makes.
func shapeKind(r rune) string {
	switch r {
	case '河', '江':
		return "river"
	case '湖':
		return "lake"
	case '山', '峰', '岭':
		return "mountain"
	case '岛':
		return "island"
	case '湾':
		return "sea"
	case '村', '寨', '屯', '庄':
		return LevelVillage
	case '路', '街':
		return "road"
	case '渡', '口':
		return "ferry"
	}
	return "site"
}

// countryStyles follow a country's short name in its full style.
var countryStyles = []string{"联盟共和国", "民主共和国", "联邦共和国", "人民共和国", "共和国", "王国", "联邦"}

// foreignUnits follow a foreign region's or city's name.
var foreignUnits = []string{"州", "省", "市", "郡"}

// unitFollows reports whether a country style or foreign unit word starts
// at e and ends a word (魁北克省, 波兰共和国 written as one word).
func unitFollows(rs []rune, ends []bool, e int) bool {
	for _, l := range [][]string{countryStyles, foreignUnits} {
		for _, suf := range l {
			n := utf8.RuneCountInString(suf)
			if e+n <= len(rs) && ends[e+n] && string(rs[e:e+n]) == suf {
				return true
			}
		}
	}
	return false
}

// positionWords may follow a place name inside one gse word (约旦河西岸,
// 长江流域): the name still counts as a place.
var positionWords = map[string]bool{
	"西岸": true, "东岸": true, "南岸": true, "北岸": true, "沿岸": true, "流域": true,
	"一带": true, "境内": true, "以南": true, "以北": true, "以东": true, "以西": true,
	"北部": true, "南部": true, "东部": true, "西部": true, "中部": true, "全境": true, "各地": true,
}

// demonymChars may follow a place name inside one gse word (法国人, 中国话,
// 美方, 韩籍): the name still counts as a place.
const demonymChars = "人籍方军队语话"

// nameTok reports whether token t can be part of a proper name before a
// shape word.
func nameTok(text, pos string) bool {
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	switch pos {
	case "ns", "nr", "nrt", "nz", "n", "ng", "j", "nt":
		return true
	}
	return false
}

// extractPlaces is the place stage: one lexicon scan over the runes (with
// township lookups at suffixes), shapes from the segmentation, checks of
// weak names against the document's other places, resolution of codes by
// year and context, merging of runs, then d.Places and d.Home.
func extractPlaces(d *Document) {
	px, err := places()
	if err != nil {
		return
	}
	rs := d.runes
	toks := d.Tokens()
	starts := make([]bool, len(rs)+1)
	ends := make([]bool, len(rs)+1)
	tokAt := make([]int32, len(rs)+1) // start -> token index + 1 (0: no token starts there)
	// orgTok[i]: rune i is inside an organization word of gse (北京市委/nt):
	// a place may end there; the org rule below decides on emitting it.
	orgTok := make([]bool, len(rs)+1)
	for k, t := range toks {
		if t.Start >= 0 && t.End <= len(rs) {
			starts[t.Start], ends[t.End] = true, true
			tokAt[t.Start] = int32(k) + 1
			if t.Pos == "nt" || t.Pos == "j" {
				for i := t.Start + 1; i < t.End; i++ {
					orgTok[i] = true
				}
			}
		}
	}
	if len(toks) == 0 {
		for i := range starts {
			starts[i], ends[i] = true, true
		}
	}
	starts[len(rs)], ends[len(rs)] = true, true
	ends[0] = true

	// 1. Lexicon scan.
	var hits []placeHit
	lastEnd := -1
	// A name starts a word (or follows a place) and ends a word, unless
	// the word goes on with an org word, a unit, 地区, a demonym or a
	// position word (北京市委, 魁北克省, 亚洲地区, 法国人, 约旦河西岸).
	vet := func(s, e int) bool {
		if !starts[s] && s != lastEnd {
			return false
		}
		if ends[e] || orgTok[e] || unitFollows(rs, ends, e) {
			return true
		}
		if e+1 <= len(rs) && ends[e+1] && strings.ContainsRune(demonymChars, rs[e]) {
			return true
		}
		if e+2 <= len(rs) && ends[e+2] {
			w := string(rs[e : e+2])
			return w == "地区" || positionWords[w]
		}
		return false
	}
	covered := make([]bool, len(rs))
	nextTown := -1
	for i := 0; i < len(rs); {
		if !starts[i] && i != lastEnd {
			i++ // a place starts a word, or follows a place
			continue
		}
		for nextTown < i+2 {
			nextTown++
			for nextTown < len(rs) && !townSuffix(rs[nextTown]) {
				nextTown++
			}
		}
		h, ok := px.longestNear(rs, i, nextTown, vet)
		if !ok {
			i++
			continue
		}
		if !ends[h.end] && h.end+2 <= len(rs) && ends[h.end+2] && string(rs[h.end:h.end+2]) == "地区" {
			h.end += 2 // 亚洲地区, 中东地区 are one place, written as one word
		}
		// A country's full style (波兰共和国, 南斯拉夫联盟共和国) and a
		// foreign region's or city's unit word (明尼苏达州, 魁北克省,
		// 蒙特利尔市) belong to the name.
		if h.ids == nil {
			var sufs []string
			switch h.kind {
			case "country":
				sufs = countryStyles
			case "region", "city":
				sufs = foreignUnits
			}
			for _, suf := range sufs {
				n := utf8.RuneCountInString(suf)
				if h.end+n <= len(rs) && ends[h.end+n] && string(rs[h.end:h.end+n]) == suf {
					h.end += n
					break
				}
			}
		}
		hits = append(hits, h)
		for k := h.start; k < h.end; k++ {
			covered[k] = true
		}
		lastEnd = h.end
		i = h.end
	}

	// 1b. A word gse tags as a place name right after a known place
	// continues it (北京交道口, 美国马里兰州): in a run of place names
	// the segmenter's tag is reliable enough.
	for k := range hits {
		for {
			e := hits[k].end
			ti, ok := int(tokAt[e])-1, tokAt[e] > 0
			if !ok || e >= len(rs) || covered[e] || toks[ti].Pos != "ns" || !allHan(toks[ti].Text) ||
				!strings.ContainsRune(placeEndChars, rs[toks[ti].End-1]) || utf8.RuneCountInString(toks[ti].Text) < 2 ||
				veryCommon(d, toks[ti].Text) {
				break
			}
			if k+1 < len(hits) && hits[k+1].start < toks[ti].End {
				break
			}
			for x := e; x < toks[ti].End; x++ {
				covered[x] = true
			}
			if hits[k].tail == 0 {
				hits[k].tail = e
			}
			hits[k].end = toks[ti].End
		}
	}

	// 2. Shapes from the segmentation.
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		lvl, isShape := shapeWord(t.Text)
		if isShape && !covered[t.Start] && t.Start > 0 && covered[t.Start-1] && !hits[len(hits)-1].shape {
			// A shape word right after a known place extends it: 长江路.
			if last := hits[len(hits)-1]; last.end == t.Start && lvl != LevelVillage && lvl != LevelTownship {
				h := placeHit{start: t.Start, end: t.End, level: LevelOther, kind: lvl, shape: true}
				if lvl == LevelVillage || lvl == LevelTownship {
					h.level, h.kind = lvl, ""
				}
				hits = addShape(hits, h, covered)
				continue
			}
		}
		if isShape && !covered[t.Start] {
			// Name before the shape word: one or two name tokens, 2-4 runes.
			s := t.Start
			j := k - 1
			for ; j >= 0 && k-j <= 2; j-- {
				p := toks[j]
				if covered[p.Start] && !(j == k-1) {
					break
				}
				if !nameTok(p.Text, p.Pos) || t.Start-p.Start > 4 {
					break
				}
				s = p.Start
			}
			// The name must not continue leftwards into another proper
			// name word (伊仕/丹/购物/广场, 中/俄/商贸/街): the span would
			// cut a name.
			cut := j >= 0 && !covered[toks[j].Start] && allHan(toks[j].Text) && properTag[toks[j].Pos]
			if s < t.Start && t.Start-s >= 2 && !cut && !commonNoun(d, toks, j+1, k, lvl) {
				h := placeHit{start: s, end: t.End, level: LevelOther, kind: lvl, shape: true}
				if lvl == LevelVillage || lvl == LevelTownship {
					h.level, h.kind = lvl, ""
				}
				hits = addShape(hits, h, covered)
			}
			continue
		}
		// A word ending with a village character whose stem is not an
		// ordinary word (摆勺村, 李家沟; not 贫困村, 示范村)
		// names that place. Mountain and river characters are left out,
		// as they end many personal names.
		if n := t.End - t.Start; n >= 3 && n <= 5 && !covered[t.Start] &&
			strings.ContainsRune(unknownShapeChars, rs[t.End-1]) && allHan(t.Text) && nameStem(d, t, rs[t.End-1]) {
			h := placeHit{start: t.Start, end: t.End, level: LevelOther, kind: shapeKind(rs[t.End-1]), shape: true}
			if h.kind == LevelVillage {
				h.level, h.kind = LevelVillage, ""
			}
			hits = addShape(hits, h, covered)
			continue
		}
		// Runs of place-tagged words ending with a shape character.
		if t.Pos == "ns" && !covered[t.Start] {
			j := k
			for j+1 < len(toks) && toks[j+1].Pos == "ns" && !covered[toks[j+1].Start] {
				j++
			}
			last := []rune(toks[j].Text)
			if j > k || len(last) == 3 {
				if strings.ContainsRune(shapeChars, last[len(last)-1]) {
					h := placeHit{start: t.Start, end: toks[j].End, level: LevelOther, kind: shapeKind(last[len(last)-1]), shape: true}
					if h.kind == LevelVillage {
						h.level, h.kind = LevelVillage, ""
					}
					hits = addShape(hits, h, covered)
				}
			}
			k = j
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].start < hits[b].start })

	// 3. Resolve divisions: unambiguous ones first, then the others in
	// their context.
	year := d.docYear()
	fullNames := map[string]bool{}
	for _, h := range hits {
		if !h.short && h.ids != nil {
			fullNames[px.g.recs[h.ids[0]].Name] = true
		}
	}
	// A township named in full makes its stem name it too (大关镇 … 大关盐号),
	// before any county of that short name elsewhere in the country.
	stems := map[string][]int32{}
	for _, h := range hits {
		if h.level == LevelTownship && h.ids != nil {
			name := string(rs[h.start:h.end])
			for _, suf := range []string{"街道", "苏木", "镇", "乡"} {
				if st, ok := strings.CutSuffix(name, suf); ok && len([]rune(st)) >= 2 {
					stems[st] = h.ids
				}
			}
		}
	}
	for k, h := range hits {
		if ids, ok := stems[string(rs[h.start:h.end])]; ok && h.short {
			hits[k].ids, hits[k].short, hits[k].level = ids, false, LevelTownship
		}
	}
	// A county-level short form (黔西, 顺德) or one of a former prefecture
	// (惠民 of 惠民地区), or a county name whose stem
	// is an ordinary word (老城区, 平房区, 惠民县), is a place only when
	// the document also names, more surely, a place of the same province
	// (贵州, 毕节, 黔西县, 大关镇): alone, such names are too often
	// ordinary words (大关, 天元, 上街).
	needsSupport := func(h placeHit) bool {
		if len(h.ids) == 0 || h.level == LevelTownship {
			return false
		}
		for _, id := range h.ids {
			r := &px.g.recs[id]
			if !h.short && !r.Weak || h.short && r.Level != LevelCounty && r.To == 0 {
				return false // a full name, or the short form of a current province or prefecture
			}
		}
		return true
	}
	provs := map[string]bool{} // province prefixes of sure places
	for _, h := range hits {
		if !needsSupport(h) && len(h.ids) > 0 {
			// Only a place whose readings all lie in one province says
			// which province the text is about.
			p := px.g.recs[h.ids[0]].Code[:2]
			one := true
			for _, id := range h.ids {
				one = one && px.g.recs[id].Code[:2] == p
			}
			if one {
				provs[p] = true
			}
		}
	}
	// Two different such names of one prefecture support each other
	// (张北、尚义 of 张家口).
	prefNames := map[string]map[string]bool{}
	for _, h := range hits {
		if needsSupport(h) {
			txt := string(rs[h.start:h.end])
			for _, id := range h.ids {
				p := px.g.recs[id].Code[:4]
				if prefNames[p] == nil {
					prefNames[p] = map[string]bool{}
				}
				prefNames[p][txt] = true
			}
		}
	}
	kept := hits[:0]
	for _, h := range hits {
		if needsSupport(h) {
			support := false
			for _, id := range h.ids {
				c := px.g.recs[id].Code
				support = support || provs[c[:2]] || len(prefNames[c[:4]]) >= 2
			}
			if !support {
				if h.world == "" {
					continue
				}
				// 钟山 the mountain rather than 钟山县 far away.
				h.ids, h.short, h.kind = nil, false, h.world
			}
		}
		kept = append(kept, h)
	}
	hits = kept
	// In a run written together (鹤岗东山, 淮南谢家集), a name right after a
	// province or prefecture lies inside it: keep the readings that do. A
	// short form with none there is not that division (江苏锦屏).
	for k := 1; k < len(hits); k++ {
		prev, h := hits[k-1], hits[k]
		if prev.end != h.start || len(prev.ids) == 0 || len(h.ids) == 0 {
			continue
		}
		pr := &px.g.recs[prev.ids[0]]
		n := 0
		switch pr.Level {
		case LevelProvince:
			n = 2
		case LevelPrefecture:
			n = 4
		default:
			continue
		}
		same := true
		for _, id := range prev.ids {
			same = same && px.g.recs[id].Code[:n] == pr.Code[:n]
		}
		if !same {
			continue
		}
		var in []int32
		for _, id := range h.ids {
			if px.g.recs[id].Code[:n] == pr.Code[:n] {
				in = append(in, id)
			}
		}
		switch {
		case len(in) > 0:
			hits[k].ids = in
		case h.short:
			hits[k].ids, hits[k].short, hits[k].level = nil, false, LevelOther
			if hits[k].kind = h.world; hits[k].kind == "" {
				hits[k].kind = "place"
			}
		}
	}
	chosen := make([]int32, len(hits))
	resolved := make([]bool, len(hits))
	ctx := map[string]int{}
	for pass := 0; pass < 2; pass++ {
		for k, h := range hits {
			if h.ids == nil || resolved[k] {
				continue
			}
			ids := h.ids
			if h.short {
				// A short form denotes the same unit as a full name of the
				// document (黔西 after 黔西县).
				var same []int32
				for _, id := range ids {
					if fullNames[px.g.recs[id].Name] {
						same = append(same, id)
					}
				}
				if len(same) > 0 {
					ids = same
				}
			}
			var c map[string]int
			if pass == 1 {
				c = ctx
			}
			if id, ok := px.pick(ids, year, c); ok {
				chosen[k], resolved[k] = id, true
				if pass == 0 {
					ctx[px.g.recs[id].fullCode()]++
				}
			}
		}
	}

	// 4. Merge runs written together (安徽省合肥市长江路) and emit. A
	// place strictly inside an organization name (北京 in 北京大学, 黔西县
	// in 黔西县人大常委会) is not emitted as a mention, following the
	// PD1998 convention; it stays in placeIdx (for the org stage and
	// placeAt), in d.Places and for the home county.
	var inOrg []int32 // inOrg[i]: end of the org span covering i, or 0 (nil: no org)
	var orgs []orgSpan
	if d.Wants(TypePlace) {
		orgs = findOrgs(d) // (only to filter place mentions)
	}
	if len(orgs) > 0 {
		inOrg = make([]int32, len(rs)+1)
	}
	for _, o := range orgs {
		for i := o.start; i < o.end && i < len(rs); i++ {
			inOrg[i] = int32(o.end)
		}
	}
	insideOrg := func(s, e int) bool {
		if inOrg == nil || inOrg[s] == 0 || int(inOrg[s]) < e {
			return false
		}
		o := int(inOrg[s])
		os := s
		for os > 0 && int(inOrg[os-1]) == o {
			os--
		}
		// Strictly inside, and not at the end: an organization name does
		// not end with a place (新华社莫斯科 is an org span gone too far).
		return o-os > e-s && e < o
	}
	d.placeIdx = map[int]Mention{}
	orgInner := map[int]bool{}
	for k := 0; k < len(hits); {
		j := k
		for j+1 < len(hits) && hits[j+1].start == hits[j].end && !hits[j].shape {
			j++
		}
		m := Mention{Type: TypePlace, Start: hits[k].start, End: hits[j].end}
		m.Text = string(rs[m.Start:m.End])
		// The most specific resolved division of the run names it.
		last := -1
		for x := k; x <= j; x++ {
			if resolved[x] {
				last = x
			}
		}
		tail := hits[j]
		switch {
		case last >= 0:
			id := chosen[last]
			r := &px.g.recs[id]
			code := r.fullCode()
			m.Code = &code
			m.Level = r.Level
			m.Path = px.g.path(id)
			if r.Name != string(rs[hits[last].start:hits[last].end]) || last != k || j != k {
				m.Canonical = r.Name
			}
			if !px.g.inUse(id) {
				if cid, ok := px.g.current(id); ok {
					cd := px.g.division(cid)
					m.Current = &cd
				}
			}
			if last == j && tail.tail > 0 {
				// Known place followed by place words gse knows.
				m.Code, m.Current, m.Canonical = nil, nil, ""
				m.Level = LevelOther
				m.Path = append(m.Path, string(rs[tail.tail:tail.end]))
			}
			if last != j {
				m.Code = nil
				m.Level = tail.level
				if m.Level == "" {
					m.Level = LevelOther
				}
				m.Kind = tail.kind
				m.Path = append(m.Path, string(rs[hits[last+1].start:tail.end]))
				m.Canonical = ""
			}
		case tail.ids != nil:
			m.Level = px.g.recs[tail.ids[0]].Level
			seen := map[string]bool{}
			for _, id := range tail.ids {
				if c := px.g.recs[id].fullCode(); !seen[c] && (year == 0 || px.g.distance(id, year) == 0 || px.g.inUse(id)) {
					seen[c] = true
					m.Candidates = append(m.Candidates, px.g.division(id))
				}
			}
		default:
			m.Level = tail.level
			if m.Level == "" {
				m.Level = LevelOther
			}
			m.Kind = tail.kind
		}
		d.placeIdx[m.Start] = m
		if !insideOrg(m.Start, m.End) {
			d.add(m)
		} else {
			orgInner[m.Start] = true
		}
		k = j + 1
	}
	d.placeEntities(orgInner)
	d.findHome()
}

// commonNoun reports whether tokens [a,b) before a shape word are a single
// frequent common noun (重点村, 农村), which does not name a place.
//
// Rule: the name part must hold a proper-name token (ns, nr, nz, j, not
// among the very common words: 城市 is tagged ns) unless
// it is a single two-rune noun before a ferry word (红军渡口). A name part
// made only of personal-name words (欧阳/山) is a person, not a place.
func commonNoun(d *Document, toks []segment.Token, a, b int, kind string) bool {
	person := true
	for _, t := range toks[a:b] {
		person = person && (t.Pos == "nr" || t.Pos == "nrt")
	}
	if person {
		return true
	}
	for _, t := range toks[a:b] {
		switch t.Pos {
		case "ns", "nr", "nrt", "nz", "j":
			if !veryCommon(d, t.Text) {
				return false
			}
		}
	}
	if b-a == 1 && len([]rune(toks[a].Text)) == 2 && kind == "ferry" {
		return false
	}
	return true
}

func addShape(hits []placeHit, h placeHit, covered []bool) []placeHit {
	for k := h.start; k < h.end; k++ {
		if covered[k] {
			return hits
		}
	}
	for k := h.start; k < h.end; k++ {
		covered[k] = true
	}
	return append(hits, h)
}

// placeEntities fills d.Places, merging mentions of one entity. Places
// written inside an organization name count when they are divisions
// (黔西县 in 黔西县人大常委会), not otherwise (中国 in 中国共产党).
func (d *Document) placeEntities(orgInner map[int]bool) {
	idx := map[string]int{}
	var starts []int
	for s := range d.placeIdx {
		starts = append(starts, s)
	}
	sort.Ints(starts)
	d.Places = nil
	for _, s := range starts {
		m := d.placeIdx[s]
		if m.Code == nil && orgInner[s] {
			continue
		}
		key, name := "t:"+m.Text, m.Text
		if m.Code != nil {
			key = "c:" + *m.Code
			if m.Canonical != "" {
				name = m.Canonical
			}
		}
		if k, ok := idx[key]; ok {
			d.Places[k].Count++
			continue
		}
		idx[key] = len(d.Places)
		d.Places = append(d.Places, Entity{Name: name, Code: m.Code, Count: 1, First: m.Start})
	}
	if d.Places == nil {
		d.Places = []Entity{}
	}
}

// findHome sets d.Home: the county-level place named in the title (the
// first line when no title stage set one), or the county of a township
// named there, else the county in the byline, else the most-mentioned
// county-level place (ties go to the first mentioned). The code is the one
// the name had at the document's date (黔西县 520522 in a 2021 text, not
// 黔西市 520581, which the mention's current field gives).
func (d *Document) findHome() {
	if d.Home != nil {
		return // named by the document's header, metadata or path (meta.go)
	}
	defer func() {
		if d.Home != nil && d.Home.Level == "" {
			d.Home.Level = LevelCounty
		}
	}()
	county := func(m Mention) bool { return m.Code != nil && m.Level == LevelCounty }
	inSpan := func(s, e int) (Mention, bool) {
		best := Mention{}
		found := false
		for _, m := range d.placeIdx {
			if m.Start >= s && m.End <= e && county(m) && (!found || m.Start < best.Start) {
				best, found = m, true
			}
		}
		return best, found
	}
	name := func(m Mention) string {
		if m.Canonical != "" {
			return m.Canonical
		}
		return m.Text
	}
	// Title span.
	ts, te := 0, 0
	if d.Title != nil {
		if k := strings.Index(d.Text, *d.Title); k >= 0 {
			ts = len([]rune(d.Text[:k]))
			te = ts + len([]rune(*d.Title))
		}
	} else if k := strings.IndexByte(d.Text, '\n'); k > 0 && k < 200 {
		te = len([]rune(d.Text[:k]))
	}
	if te > ts {
		if m, ok := inSpan(ts, te); ok {
			d.Home = &Home{Name: name(m), Code: *m.Code, From: "title"}
			return
		}
		// A township in the title (大关镇开展…) names its county.
		if px, err := places(); err == nil {
			for i := ts; i < te; i++ {
				m, ok := d.placeIdx[i]
				if !ok || m.Code == nil || m.Level != LevelTownship || m.End > te {
					continue
				}
				if id, ok := px.g.latest((*m.Code)[:6]); ok {
					r := &px.g.recs[id]
					d.Home = &Home{Name: r.Name, Code: r.Code, From: "title"}
					return
				}
			}
		}
	}
	if d.Byline != nil {
		if m, ok := inSpan(d.Byline.Start, d.Byline.End); ok {
			d.Home = &Home{Name: name(m), Code: *m.Code, From: "byline"}
			return
		}
	}
	count := map[string]int{}
	first := map[string]Mention{}
	for _, m := range d.placeIdx {
		if county(m) {
			count[*m.Code]++
			if f, ok := first[*m.Code]; !ok || m.Start < f.Start {
				first[*m.Code] = m
			}
		}
	}
	var best string
	for c, n := range count {
		if best == "" || n > count[best] || n == count[best] && first[c].Start < first[best].Start {
			best = c
		}
	}
	if best != "" {
		m := first[best]
		d.Home = &Home{Name: name(m), Code: best, From: "mentions"}
	}
}
