package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tongbao/tongbao/segment"
)

// The place stage, phase by phase: a lexicon scan over the runes (with
// township lookups at suffixes), continuations the segmenter tags as
// places, shapes from the segmentation, checks of weak names against the
// document's other places, resolution of codes by year and context, merging
// of runs, then d.Places and d.Home. Every hit records the rule that made
// it, every dropped candidate is reported with the rule that dropped it.

// Rules that make place hits (reported, with verdict accept, on the
// mention they end in).
var (
	rulePlaceLexicon = registerRule("place", "place.lexicon_name",
		"a gazetteer division (full name, standard short form, township with its suffix) or a world place, starting and ending a word", Accept)
	rulePlaceShapeAfter = registerRule("place", "place.shape_after_place",
		"a shape word right after a known place makes a place of its own (长江路 after 合肥市)", Accept)
	rulePlaceShapeWord = registerRule("place", "place.shape_word",
		"one or two name words of 2-4 characters before a shape word (村, 社区, 河, 路, 渡口 …) make a place (新庄村, 锦星社区)", Accept)
	rulePlaceRoadName = registerRule("place", "place.road_name",
		"a two-character noun before a road word of two characters or more names a road, common word or not (和平大道, 东北大马路)", Accept)
	rulePlaceVillageStem = registerRule("place", "place.village_stem",
		"a word ending with a village character whose stem is no ordinary word names a village (摆勺村, 李家沟; not 贫困村)", Accept)
	rulePlaceNsRun = registerRule("place", "place.ns_run_shape",
		"a run of place-tagged words (or one of three characters) ending with a shape character is a place (鸭/池河)", Accept)
	rulePlaceCountryDoctrine = registerRule("place", "place.country_in_doctrine",
		"the country's name in a doctrine or slogan is a place, also inside a longer word (中国 in 中国特色社会主义, 中国式现代化, 中国梦)", Accept)
	rulePlaceNamedZone = registerRule("place", "place.named_zone",
		"a designated zone's head after a proper name of two characters or more is a zone whole (东湖综合保税区, 黄家湖大学城)", Accept)
	rulePlaceRunMerge = registerRule("place", "place.run_merge",
		"places written together are one place, named by its most specific resolved division (安徽省合肥市长江路)", Accept)
)

// Rules that change a hit.
var (
	rulePlaceRegionWord = registerRule("place", "place.region_word",
		"地区 written onto a place name belongs to it (亚洲地区, 中东地区)", Adjust)
	rulePlaceForeignStyle = registerRule("place", "place.foreign_style",
		"a country's full style or a foreign unit word belongs to the name (波兰共和国, 魁北克省, 蒙特利尔市)", Adjust)
	rulePlaceZone = registerRule("place", "place.designated_zone",
		"a place followed within a few words by the head of a designated zone is one place with it, a zone (广西北部湾经济区, 沈阳国际软件园, 湖北武汉出口加工区)", Adjust)
	rulePlaceGseContinuation = registerRule("place", "place.gse_continuation",
		"a word the segmenter tags as a place right after a known place continues it (北京交道口, 美国马里兰州)", Adjust)
	rulePlaceTownStem = registerRule("place", "place.township_stem",
		"a township named in full makes its stem name it too, before any county of that short form elsewhere (大关镇 … 大关)", Adjust)
	rulePlaceWeakWorld = registerRule("place", "place.weak_world_reading",
		"a weak division name without support that is also a world or natural place keeps that reading (钟山 the mountain)", Adjust)
	rulePlaceRunParent = registerRule("place", "place.run_parent",
		"a name written right after a province or prefecture keeps the readings inside it (鹤岗东山, 福建东山)", Adjust)
	rulePlaceRunParentNone = registerRule("place", "place.run_parent_none",
		"a short form written after a province or prefecture with no reading inside it is no division there (江苏锦屏)", Adjust)
	rulePlaceShortAsFull = registerRule("place", "place.short_as_full",
		"a short form denotes the unit a full name of the document names (黔西 after 黔西县)", Adjust)
	rulePlaceAmbiguous = registerRule("place", "place.ambiguous",
		"a division name that stays ambiguous keeps its candidates and no code (朝阳区 alone)", Adjust)
)

// Rules that drop a candidate.
var (
	rulePlaceWordBoundary = registerRule("place", "place.word_boundary",
		"a known name that starts or ends inside a word is no place, unless an org word, unit, 地区, demonym or position word goes on (北京市委, 法国人, 长江流域)", Reject)
	rulePlaceNumeralFused = registerRule("place", "place.numeral_fused",
		"a name opening with a magnitude character right after a numeral is part of a number (6.1万城镇失业人员)", Reject)
	rulePlaceShapeCommon = registerRule("place", "place.shape_common_noun",
		"the words before a shape word are a frequent common noun or a personal name, not a name (重点村, 农村)", Reject)
	rulePlaceShapeCut = registerRule("place", "place.shape_cuts_name",
		"a shape name that would cut a proper name on its left is no place (伊仕/丹/购物/广场)", Reject)
	rulePlaceWeakUnsupported = registerRule("place", "place.weak_unsupported",
		"a county short form, a former prefecture's or a county whose stem is an ordinary word (平房区, 惠民县) needs a surer place of its province or a second such name of its prefecture", Reject)
	rulePlaceFarFromHome = registerRule("place", "place.far_from_home",
		"with a home region known, a weak name, a township or a short form that is an ordinary word (安康), none of whose readings lies in the home province, is no place unless a division containing it is written right before it (南关, 小城镇 in a Lanzhou report)", Reject)
	rulePlaceRiverApart = registerRule("place", "place.river_apart",
		"a river and a division written together are two places, not one run (银川黄河, 黄河银川段)", Adjust)
	rulePlaceInsideBook = registerRule("place", "place.inside_book",
		"a place inside 《》 is part of the title, not a place mention (《云南省艾滋病防治办法》)", Reject)
	rulePlaceInsideOrg = registerRule("place", "place.inside_org",
		"a place strictly inside an organization name is part of the org, not a place mention (北京 in 北京大学, 黔西县 in 黔西县人大常委会)", Reject)
)

// placeScan is the state of the place stage on one document.
type placeScan struct {
	d      *Document
	px     *placeIndex
	rs     []rune
	toks   []segment.Token
	starts []bool  // a token starts at i
	ends   []bool  // a token ends at i
	tokAt  []int32 // start -> token index + 1 (0: no token starts there)
	// orgTok[i]: rune i is inside an organization word of gse (北京市委/nt):
	// a place may end there; the org rule decides on emitting it.
	orgTok  []bool
	covered []bool
	hits    []placeHit
	lastEnd int
}

// extractPlaces is the place stage.
func extractPlaces(d *Document) {
	px, err := places()
	if err != nil {
		return
	}
	ps := newPlaceScan(d, px)
	ps.scanLexicon()
	ps.extendGsePlaces()
	ps.designatedZones(false)
	ps.namedZones()
	ps.scanShapes()
	ps.designatedZones(true)
	ps.countryInDoctrine()
	ps.abbreviationGroups()
	if !strictlyByStart(ps.hits) { // in order already, the sort would leave them so
		sort.Slice(ps.hits, func(a, b int) bool { return ps.hits[a].start < ps.hits[b].start })
	}
	ps.townshipStems()
	ps.dropUnsupported()
	ps.placesInLists()
	ps.runParents()
	chosen, resolved := ps.resolve()
	ps.emit(chosen, resolved)
	d.findHome()
	*ps = placeScan{hits: ps.hits[:0]} // nothing of d stays in the scratch
}

// strictlyByStart reports whether no hit starts at or before the one
// before it.
func strictlyByStart(hits []placeHit) bool {
	for k := 1; k < len(hits); k++ {
		if hits[k].start <= hits[k-1].start {
			return false
		}
	}
	return true
}

// newPlaceScan computes the word boundaries of d's segmentation.
func newPlaceScan(d *Document, px *placeIndex) *placeScan {
	rs := d.runes
	toks := d.Tokens()
	sc := d.scratch
	var ps *placeScan
	if sc != nil {
		ps = &sc.places // its hits' array serves again
	} else {
		ps = new(placeScan)
	}
	*ps = placeScan{d: d, px: px, rs: rs, toks: toks, lastEnd: -1, hits: ps.hits[:0],
		starts: sc.boolSlice(len(rs) + 1), ends: sc.boolSlice(len(rs) + 1),
		tokAt: sc.int32Slice(len(rs)+1, 0), orgTok: sc.boolSlice(len(rs) + 1),
		covered: sc.boolSlice(len(rs))}
	for k := range toks {
		t := &toks[k]
		if t.Start >= 0 && t.End <= len(rs) {
			ps.starts[t.Start], ps.ends[t.End] = true, true
			ps.tokAt[t.Start] = int32(k) + 1
			if t.Pos == "nt" || t.Pos == "j" {
				for i := t.Start + 1; i < t.End; i++ {
					ps.orgTok[i] = true
				}
			}
		}
	}
	if len(toks) == 0 {
		for i := range ps.starts {
			ps.starts[i], ps.ends[i] = true, true
		}
	}
	ps.starts[len(rs)], ps.ends[len(rs)] = true, true
	ps.ends[0] = true
	return ps
}

// vet reports whether a known name may stand at [s,e): it starts a word (or
// follows a place) and ends a word, unless the word goes on with an org
// word, a unit, 地区, a demonym or a position word (北京市委, 魁北克省,
// 亚洲地区, 法国人, 约旦河西岸).
func (ps *placeScan) vet(s, e int) bool {
	if s > 0 && strings.ContainsRune(cnPowersFromBai, ps.rs[s]) && isNumeralRune(ps.rs[s-1]) {
		ps.d.traceRule(rulePlaceNumeralFused, Reject, s, e)
		return false // 6.1万城镇: the magnitude of a number, not a place
	}
	if ps.boundaryOK(s, e) {
		return true
	}
	ps.d.traceRule(rulePlaceWordBoundary, Reject, s, e)
	return false
}

func (ps *placeScan) boundaryOK(s, e int) bool {
	rs, ends := ps.rs, ps.ends
	if !ps.starts[s] && s != ps.lastEnd {
		return false
	}
	if ends[e] || ps.orgTok[e] || unitFollows(rs, ends, e) {
		return true
	}
	if e+1 <= len(rs) && ends[e+1] && placeWords.demonym.has(rs[e]) {
		return true
	}
	if e+2 <= len(rs) && ends[e+2] {
		w := string(rs[e : e+2])
		return w == "地区" || placeWords.position[w] || placeWords.areaRest[w]
	}
	return false
}

// unitFollows reports whether a country style or foreign unit word starts
// at e and ends a word (魁北克省, 波兰共和国 written as one word).
func unitFollows(rs []rune, ends []bool, e int) bool {
	for _, l := range [][]string{placeWords.countryStyle, placeWords.foreignUnit} {
		for _, suf := range l {
			n := utf8.RuneCountInString(suf)
			if e+n <= len(rs) && ends[e+n] && string(rs[e:e+n]) == suf {
				return true
			}
		}
	}
	return false
}

// scanLexicon is phase 1: the longest known name at each word start.
func (ps *placeScan) scanLexicon() {
	rs := ps.rs
	nextTown := -1
	for i := 0; i < len(rs); {
		if !ps.starts[i] && i != ps.lastEnd {
			i++ // a place starts a word, or follows a place
			continue
		}
		if nextTown < i+2 {
			nextTown = ps.px.nextTownSuffix(rs, i+2)
		}
		if !ps.px.mayStart(rs, i, nextTown) {
			i++ // no name starts with these two runes (most words)
			continue
		}
		h, ok := ps.px.longestNear(rs, i, nextTown, ps.vet)
		if !ok {
			i++
			continue
		}
		h.rule = rulePlaceLexicon
		ps.extendUnits(&h)
		ps.hits = append(ps.hits, h)
		for k := h.start; k < h.end; k++ {
			ps.covered[k] = true
		}
		ps.lastEnd = h.end
		i = h.end
	}
}

// extendUnits adds to a lexicon hit the words that belong to its name:
// 地区 (亚洲地区), a country's full style (波兰共和国, 南斯拉夫联盟共和国) and
// a foreign region's or city's unit word (明尼苏达州, 魁北克省).
func (ps *placeScan) extendUnits(h *placeHit) {
	rs, ends := ps.rs, ps.ends
	if h.kind != "area" && !ends[h.end] && h.end+2 <= len(rs) && ends[h.end+2] && string(rs[h.end:h.end+2]) == "地区" {
		h.end += 2
		ps.d.traceRule(rulePlaceRegionWord, Adjust, h.start, h.end)
	}
	if h.ids != nil {
		return
	}
	var sufs []string
	switch h.kind {
	case "country":
		sufs = placeWords.countryStyle
	case "region", "city":
		sufs = placeWords.foreignUnit
	}
	for _, suf := range sufs {
		n := utf8.RuneCountInString(suf)
		if h.end+n <= len(rs) && ends[h.end+n] && string(rs[h.end:h.end+n]) == suf {
			h.end += n
			ps.d.traceRule(rulePlaceForeignStyle, Adjust, h.start, h.end)
			break
		}
	}
}

// extendGsePlaces is phase 1b: a word gse tags as a place name right after
// a known place continues it (北京交道口, 美国马里兰州): in a run of place
// names the segmenter's tag is reliable enough.
func (ps *placeScan) extendGsePlaces() {
	rs, toks, hits := ps.rs, ps.toks, ps.hits
	for k := range hits {
		if hits[k].kind == "area" {
			continue // 浙西南|山区: a region takes no place word after it
		}
		for {
			e := hits[k].end
			ti, ok := int(ps.tokAt[e])-1, ps.tokAt[e] > 0
			if !ok || e >= len(rs) || ps.covered[e] || toks[ti].Pos != "ns" || !allHan(toks[ti].Text) ||
				!placeWords.gseEnd.has(rs[toks[ti].End-1]) || utf8.RuneCountInString(toks[ti].Text) < 2 ||
				veryCommon(ps.d, toks[ti].Text) {
				break
			}
			if k+1 < len(hits) && hits[k+1].start < toks[ti].End {
				break
			}
			for x := e; x < toks[ti].End; x++ {
				ps.covered[x] = true
			}
			if hits[k].tail == 0 {
				hits[k].tail = e
			}
			hits[k].end = toks[ti].End
			ps.d.traceRule(rulePlaceGseContinuation, Adjust, hits[k].start, hits[k].end)
		}
	}
}

// countryInDoctrine applies place.country_in_doctrine: 中国 before a
// doctrine word of data/place_words.txt, wherever the segmenter cut.
func (ps *placeScan) countryInDoctrine() {
	rs := ps.rs
	for i := 0; i+2 < len(rs); i++ {
		if rs[i] != '中' || rs[i+1] != '国' || ps.covered[i] || ps.covered[i+1] {
			continue
		}
		for _, w := range placeWords.doctrine {
			if hasRunes(rs, i+2, w) {
				h := placeHit{start: i, end: i + 2, kind: "country", world: "country", rule: rulePlaceCountryDoctrine}
				ps.hits = append(ps.hits, h)
				ps.covered[i], ps.covered[i+1] = true, true
				break
			}
		}
	}
}

// zoneMaxRunes bounds the name of a designated zone after its place.
const zoneMaxRunes = 24

// designatedZones applies place.designated_zone: a place followed, within
// a few words, by the head of a designated zone is one place with it
// (广西北部湾经济区, 沈阳国际软件园, 合肥国家新一代人工智能创新发展试验区).
//
// It runs on the lexicon's hits, then (shapes true) on the natural places
// found by their shape (昆嵛山国家级自然保护区).
func (ps *placeScan) designatedZones(shapes bool) {
	rs, toks := ps.rs, ps.toks
	for k := range ps.hits {
		h := &ps.hits[k]
		if h.shape != shapes || h.shape && (h.level != LevelOther || h.kind == "road" || h.kind == "zone") {
			continue // a village or road opens no zone; a mountain or lake may
		}
		e := h.end
		if t, ok := ps.tokenCovering(e); ok && t.Start < e && placeWords.zoneHead(rs[h.start:t.End]) > 0 && t.End-h.start <= zoneMaxRunes {
			e = t.End // 深圳经济特区 written as one word
			for x := h.end; x < e; x++ {
				ps.covered[x] = true
			}
			h.end, h.tail = e, 0
			h.ids, h.short, h.kind, h.level = nil, false, "zone", LevelOther
			ps.d.traceRule(rulePlaceZone, Adjust, h.start, h.end)
			continue
		}
		for e < len(rs) && e-h.start <= zoneMaxRunes && ps.tokAt[e] > 0 && !ps.covered[e] {
			t := toks[ps.tokAt[e]-1]
			if !allHan(t.Text) || placeWords.zoneStop[t.Text] || zoneStopTag(t.Pos) || t.Pos == "v" && len(t.Text) > 3 && !placeWords.zoneVerb[t.Text] ||
				t.Pos == "m" && placeWords.ordinalHead.has(firstRune(t.Text)) {
				break // 青藏高原|首个|综合保税区: an ordinal opens a description
			}
			e = t.End
			if n := placeWords.zoneHead(rs[h.start:e]); n > 0 && e-n > h.start {
				for x := h.end; x < e; x++ {
					ps.covered[x] = true
				}
				h.end, h.tail = e, 0
				h.ids, h.short, h.kind, h.level = nil, false, "zone", LevelOther
				ps.d.traceRule(rulePlaceZone, Adjust, h.start, h.end)
				break
			}
		}
	}
}

// tokenCovering returns the token that holds rune i.
func (ps *placeScan) tokenCovering(i int) (segment.Token, bool) {
	toks := ps.toks
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End > i })
	if k < len(toks) && toks[k].Start <= i {
		return toks[k], true
	}
	return segment.Token{}, false
}

// namedZones applies place.named_zone: a word ending with the head of a
// designated zone, after a proper name of two characters or more and the
// words between, is a zone (东湖综合保税区, 黄家湖大学城, 梅岭国家森林公园).
func (ps *placeScan) namedZones() {
	toks := ps.toks
	for k, t := range toks {
		if ps.covered[t.Start] || placeWords.zoneHead(ps.rs[t.Start:t.End]) == 0 || !allHan(t.Text) {
			continue
		}
		start := -1
		for j := k - 1; j >= 0 && t.End-toks[j].Start <= zoneMaxRunes; j-- {
			p := toks[j]
			if ps.covered[p.Start] || !allHan(p.Text) || placeWords.zoneStop[p.Text] || zoneStopTag(p.Pos) || p.Pos == "v" {
				break
			}
			if properTag[p.Pos] && p.Pos != "j" && utf8.RuneCountInString(p.Text) >= 2 {
				start = p.Start
			}
		}
		if start < 0 {
			continue
		}
		h := placeHit{start: start, end: t.End, level: LevelOther, kind: "zone", rule: rulePlaceNamedZone}
		ps.addShape(h)
	}
}

// zoneStopTag reports whether a word of that tag ends a zone's name
// (prepositions, conjunctions, particles, pronouns, adverbs).
func zoneStopTag(pos string) bool {
	switch pos {
	case "p", "c", "u", "uj", "ul", "uz", "r", "d", "x", "y", "f":
		return true
	}
	return false
}

// scanShapes is phase 2: places found from the segmentation by their shape.
func (ps *placeScan) scanShapes() {
	shapeFirst := placeWords.shapeFirst
	for k := 0; k < len(ps.toks); k++ {
		t := &ps.toks[k]
		// Most words start with no shape word's first character: the
		// test reads the document's runes, not the word's bytes.
		if r := ps.rs[min(t.Start, len(ps.rs)-1)]; r < 1<<16 && shapeFirst[r>>6]&(1<<(uint(r)&63)) != 0 {
			if lvl, isShape := shapeWord(t.Text); isShape {
				if !ps.covered[t.Start] && !ps.shapeAfterPlace(*t, lvl) {
					ps.shapeName(k, lvl)
				}
				continue
			}
		}
		if n := t.End - t.Start; n >= 3 && n <= 5 && ps.villageStem(*t) {
			continue
		}
		if t.Pos == "ns" && !ps.covered[t.Start] {
			k = ps.nsRun(k)
		}
	}
}

// shapeHit makes a shape hit of kind kind (a level for villages and
// townships) for [s,e).
func shapeHit(s, e int, kind, rule string) placeHit {
	h := placeHit{start: s, end: e, level: LevelOther, kind: kind, shape: true, rule: rule}
	if kind == LevelVillage || kind == LevelTownship {
		h.level, h.kind = kind, ""
	}
	return h
}

// shapeAfterPlace applies place.shape_after_place to shape word t and
// reports whether it made a hit.
func (ps *placeScan) shapeAfterPlace(t segment.Token, lvl string) bool {
	if ps.covered[t.Start] || t.Start == 0 || !ps.covered[t.Start-1] || lvl == LevelVillage || lvl == LevelTownship {
		return false
	}
	// The place the shape word is written onto: the hit ending right there
	// (罗源|湾, 闽江|口), not a shape hit.
	found := false
	for k := len(ps.hits) - 1; k >= 0; k-- {
		if h := ps.hits[k]; h.end == t.Start {
			found = !h.shape
			break
		}
	}
	if !found {
		return false
	}
	ps.addShape(shapeHit(t.Start, t.End, lvl, rulePlaceShapeAfter))
	return true
}

// shapeName applies place.shape_word: the name before shape word k, one or
// two name tokens of 2-4 runes.
func (ps *placeScan) shapeName(k int, lvl string) {
	toks, t := ps.toks, ps.toks[k]
	s := t.Start
	j := k - 1
	for ; j >= 0 && k-j <= 2; j-- {
		p := toks[j]
		if ps.covered[p.Start] && !(j == k-1) {
			break
		}
		if !nameTok(p.Text, p.Pos) || t.Start-p.Start > 4 {
			break
		}
		s = p.Start
	}
	if s >= t.Start || t.Start-s < 2 {
		return
	}
	// The name must not continue leftwards into another proper name word
	// (伊仕/丹/购物/广场, 中/俄/商贸/街): the span would cut a name.
	if j >= 0 && !ps.covered[toks[j].Start] && allHan(toks[j].Text) && properTag[toks[j].Pos] {
		ps.d.traceRule(rulePlaceShapeCut, Reject, s, t.End)
		return
	}
	if lvl == "road" && utf8.RuneCountInString(t.Text) >= 2 && k-j-1 == 1 && roadNameTok(toks[k-1]) {
		ps.addShape(shapeHit(s, t.End, lvl, rulePlaceRoadName))
		return
	}
	if commonNoun(ps.d, toks, j+1, k, lvl) {
		ps.d.traceRule(rulePlaceShapeCommon, Reject, s, t.End)
		return
	}
	ps.addShape(shapeHit(s, t.End, lvl, rulePlaceShapeWord))
}

// roadNameTok reports whether t may name a road before a road word of two
// characters or more (和平|大道, 友谊|大道): a two-character word that is no
// verb, adjective or idiom (光明大道, 康庄大道 are figures of speech).
func roadNameTok(t segment.Token) bool {
	if utf8.RuneCountInString(t.Text) != 2 || !allHan(t.Text) || placeWords.figureRoad[t.Text] {
		return false
	}
	switch t.Pos {
	case "n", "nz", "nr", "nrt", "ns", "j", "ng":
		return true
	}
	return false
}

// villageStem applies place.village_stem to token t: a word ending with a
// village character whose stem is not an ordinary word (摆勺村, 李家沟;
// not 贫困村, 示范村). Mountain and river characters are left out, as they
// end many personal names.
func (ps *placeScan) villageStem(t segment.Token) bool {
	rs := ps.rs
	n := t.End - t.Start
	if n < 3 || n > 5 || ps.covered[t.Start] || !placeWords.villageChars.has(rs[t.End-1]) ||
		!allHan(t.Text) || !nameStem(ps.d, t, rs[t.End-1]) {
		return false
	}
	ps.addShape(shapeHit(t.Start, t.End, shapeKind(rs[t.End-1]), rulePlaceVillageStem))
	return true
}

// nsRun applies place.ns_run_shape to the run of place-tagged words from
// token k and returns the index of its last token.
func (ps *placeScan) nsRun(k int) int {
	toks := ps.toks
	j := k
	for j+1 < len(toks) && toks[j+1].Pos == "ns" && !ps.covered[toks[j+1].Start] {
		j++
	}
	last := []rune(toks[j].Text)
	if (j > k || len(last) == 3) && placeWords.shapeChars.has(last[len(last)-1]) {
		ps.addShape(shapeHit(toks[k].Start, toks[j].End, shapeKind(last[len(last)-1]), rulePlaceNsRun))
	}
	return j
}

// addShape adds h unless it overlaps a covered rune.
func (ps *placeScan) addShape(h placeHit) {
	for k := h.start; k < h.end; k++ {
		if ps.covered[k] {
			return
		}
	}
	for k := h.start; k < h.end; k++ {
		ps.covered[k] = true
	}
	ps.hits = append(ps.hits, h)
}

// townshipStems applies place.township_stem.
func (ps *placeScan) townshipStems() {
	rs := ps.rs
	stems := map[string][]int32{}
	for _, h := range ps.hits {
		if h.level == LevelTownship && h.ids != nil {
			name := string(rs[h.start:h.end])
			for _, suf := range placeWords.townStems {
				if st, ok := strings.CutSuffix(name, suf); ok && len([]rune(st)) >= 2 {
					stems[st] = h.ids
				}
			}
		}
	}
	for k, h := range ps.hits {
		if ids, ok := stems[string(rs[h.start:h.end])]; ok && h.short {
			ps.hits[k].ids, ps.hits[k].short, ps.hits[k].level = ids, false, LevelTownship
			ps.d.traceRule(rulePlaceTownStem, Adjust, h.start, h.end)
		}
	}
}

// needsSupport reports whether h is a weak name: a county-level short form
// (黔西, 顺德), one of a former prefecture (惠民 of 惠民地区), or a county
// name whose stem is an ordinary word (老城区, 平房区, 惠民县). Such a name
// is a place only when the document also names, more surely, a place of the
// same province (贵州, 毕节, 黔西县, 大关镇): alone, such names are too often
// ordinary words (大关, 天元, 上街).
func (ps *placeScan) needsSupport(h placeHit) bool {
	if len(h.ids) == 0 || h.level == LevelTownship {
		return false
	}
	for _, id := range h.ids {
		r := &ps.px.g.recs[id]
		if !h.short && !r.Weak || h.short && r.Level != LevelCounty && r.To == 0 {
			return false // a full name, or the short form of a current province or prefecture
		}
	}
	return true
}

// dropUnsupported applies place.weak_unsupported and
// place.weak_world_reading.
func (ps *placeScan) dropUnsupported() {
	recs := ps.px.g.recs
	provs := map[string]bool{} // province prefixes of sure places
	for _, h := range ps.hits {
		if !ps.needsSupport(h) && len(h.ids) > 0 {
			// Only a place whose readings all lie in one province says
			// which province the text is about.
			p := recs[h.ids[0]].Code[:2]
			one := true
			for _, id := range h.ids {
				one = one && recs[id].Code[:2] == p
			}
			if one {
				provs[p] = true
			}
		}
	}
	// Two different such names of one prefecture support each other
	// (张北、尚义 of 张家口).
	prefNames := map[string]map[string]bool{}
	for _, h := range ps.hits {
		if ps.needsSupport(h) {
			txt := string(ps.rs[h.start:h.end])
			for _, id := range h.ids {
				p := recs[id].Code[:4]
				if prefNames[p] == nil {
					prefNames[p] = map[string]bool{}
				}
				prefNames[p][txt] = true
			}
		}
	}
	// A shape word written onto a weak name makes it a place (罗源|湾).
	shaped := map[int]bool{}
	for _, h := range ps.hits {
		if h.rule == rulePlaceShapeAfter {
			shaped[h.start] = true
		}
	}
	// The home province supports the weak names inside it (issue: the
	// document's region is the prior); far from home, a weak name or a
	// township needs a place right before it that contains it.
	homeProv, _ := priorPrefixes(ps.d.Home)
	if homeProv != "" {
		provs[homeProv] = true
	}
	kept := ps.hits[:0]
	for k, h := range ps.hits {
		if homeProv != "" && (ps.needsSupport(h) || h.level == LevelTownship && len(h.ids) > 0 || h.short && ps.ordinaryWord(h)) &&
			!readingIn(recs, h.ids, homeProv) && !ps.parentBefore(k) && !shaped[h.end] {
			if h.world == "" {
				ps.d.traceRule(rulePlaceFarFromHome, Reject, h.start, h.end)
				continue
			}
			h.ids, h.short, h.kind, h.level = nil, false, h.world, ""
			ps.d.traceRule(rulePlaceWeakWorld, Adjust, h.start, h.end)
			kept = append(kept, h)
			continue
		}
		if ps.needsSupport(h) {
			support := shaped[h.end]
			for _, id := range h.ids {
				c := recs[id].Code
				support = support || provs[c[:2]] || len(prefNames[c[:4]]) >= 2
			}
			if !support {
				if h.world == "" {
					ps.d.traceRule(rulePlaceWeakUnsupported, Reject, h.start, h.end)
					continue
				}
				// 钟山 the mountain rather than 钟山县 far away.
				h.ids, h.short, h.kind = nil, false, h.world
				ps.d.traceRule(rulePlaceWeakWorld, Adjust, h.start, h.end)
			}
		}
		kept = append(kept, h)
	}
	ps.hits = kept
}

// ordinaryWord reports whether the text of h is a word of the segmenter's
// dictionary that it does not tag as a place (安康 "well-being", 惠民):
// far from home such a short form needs the same evidence as a weak name.
func (ps *placeScan) ordinaryWord(h placeHit) bool {
	s, err := ps.d.segmenter()
	if err != nil || s == nil {
		return false
	}
	_, pos, ok := s.Lookup(string(ps.rs[h.start:h.end]))
	switch pos {
	case "nr", "nrt", "nz", "a", "ad", "an", "v", "vn", "d", "i", "l", "t":
		return ok // (a plain n is too often the tag of a city: 合肥/n)
	}
	return false
}

// readingIn reports whether one of the records ids lies in the division
// of code prefix p.
func readingIn(recs []divRecord, ids []int32, p string) bool {
	for _, id := range ids {
		if strings.HasPrefix(recs[id].Code, p) {
			return true
		}
	}
	return false
}

// parentBefore reports whether hit k is written right after a division
// that contains one of its readings (江苏|锦屏, 永登县|红城镇).
func (ps *placeScan) parentBefore(k int) bool {
	if k == 0 {
		return false
	}
	prev, h := ps.hits[k-1], ps.hits[k]
	if prev.end != h.start || len(prev.ids) == 0 {
		return false
	}
	recs := ps.px.g.recs
	n := 6
	switch recs[prev.ids[0]].Level {
	case LevelProvince:
		n = 2
	case LevelPrefecture:
		n = 4
	}
	for _, pid := range prev.ids {
		if readingIn(recs, h.ids, recs[pid].Code[:n]) {
			return true
		}
	}
	return false
}

// runParents applies place.run_parent: in a run written together (鹤岗东山,
// 淮南谢家集), a name right after a province or prefecture lies inside it.
func (ps *placeScan) runParents() {
	recs, hits := ps.px.g.recs, ps.hits
	for k := 1; k < len(hits); k++ {
		prev, h := hits[k-1], hits[k]
		if prev.end != h.start || len(prev.ids) == 0 || len(h.ids) == 0 {
			continue
		}
		pr := &recs[prev.ids[0]]
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
			same = same && recs[id].Code[:n] == pr.Code[:n]
		}
		if !same {
			continue
		}
		var in []int32
		for _, id := range h.ids {
			if recs[id].Code[:n] == pr.Code[:n] {
				in = append(in, id)
			}
		}
		switch {
		case len(in) > 0:
			hits[k].ids = in
			ps.d.traceRule(rulePlaceRunParent, Adjust, h.start, h.end)
		case h.short:
			hits[k].ids, hits[k].short, hits[k].level = nil, false, LevelOther
			if hits[k].kind = h.world; hits[k].kind == "" {
				hits[k].kind = "place"
			}
			ps.d.traceRule(rulePlaceRunParentNone, Adjust, h.start, h.end)
		}
	}
}

// resolve picks the record of each division hit: unambiguous ones first,
// then the others in their context.
func (ps *placeScan) resolve() (chosen []int32, resolved []bool) {
	px, hits := ps.px, ps.hits
	year := ps.d.docYear()
	fullNames := map[string]bool{}
	for _, h := range hits {
		if !h.short && h.ids != nil {
			fullNames[px.g.recs[h.ids[0]].Name] = true
		}
	}
	chosen = make([]int32, len(hits))
	resolved = make([]bool, len(hits))
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
					if pass == 0 {
						ps.d.traceRule(rulePlaceShortAsFull, Adjust, h.start, h.end)
					}
				}
			}
			var c map[string]int
			if pass == 1 {
				c = ctx
			}
			if id, why := px.pickWhy(ids, year, c, ps.d.Home); why != "" {
				chosen[k], resolved[k] = id, true
				ps.d.traceRule(why, Adjust, h.start, h.end)
				if pass == 0 {
					ctx[px.g.recs[id].fullCode()]++
				}
			}
		}
	}
	return chosen, resolved
}

// nameTok reports whether token t can be part of a proper name before a
// shape word.
func nameTok(text, pos string) bool {
	for _, r := range text {
		if !isHan(r) {
			return false
		}
	}
	switch pos {
	case "ns", "nr", "nrt", "nz", "n", "ng", "j", "nt":
		return true
	}
	return false
}

// orgCover marks the organization spans of the document, for
// place.inside_org.
type orgCover []int32 // [i]: end of the org span covering i, or 0 (nil: no org)

func newOrgCover(d *Document, n int) orgCover {
	orgs := findOrgs(d)
	if len(orgs) == 0 {
		return nil
	}
	c := orgCover(d.scratch.int32Slice(n+1, 0))
	for _, o := range orgs {
		for i := o.start; i < o.end && i < n; i++ {
			c[i] = int32(o.end)
		}
	}
	return c
}

// inside reports whether [s,e) lies strictly inside an org span, and not
// at its end: an organization name does not end with a place (新华社莫斯科
// is an org span gone too far).
func (c orgCover) inside(s, e int) bool {
	if c == nil || c[s] == 0 || int(c[s]) < e {
		return false
	}
	o := int(c[s])
	os := s
	for os > 0 && int(c[os-1]) == o {
		os--
	}
	return o-os > e-s && e < o
}

// riverAndDivision reports whether two places written together are a
// river and a division (银川黄河, 黄河银川段): two places, not one run.
func riverAndDivision(a, b placeHit) bool {
	river := func(h placeHit) bool { return h.ids == nil && (h.kind == "river" || h.world == "river") }
	div := func(h placeHit) bool { return len(h.ids) > 0 }
	if river(a) && div(b) || div(a) && river(b) {
		return true
	}
	return false
}

// bookCover marks the runes inside 《》: nothing there is a place mention,
// the title is a book. The marks are in the scratch sc.
func bookCover(sc *docScratch, rs []rune) []bool {
	in := sc.boolSlice(len(rs) + 1)
	depth := 0
	for i, r := range rs {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
		case depth > 0:
			in[i] = true
		}
	}
	return in
}

// emit is the last phase: it merges runs written together (安徽省合肥市长江路)
// and emits them. A place strictly inside an organization name is not
// emitted (place.inside_org); it stays in placeIdx (for the org stage and
// placeAt), in d.Places and for the home county.
func (ps *placeScan) emit(chosen []int32, resolved []bool) {
	d, hits := ps.d, ps.hits
	cover := newOrgCover(d, len(ps.rs))
	inBook := bookCover(d.scratch, ps.rs)
	pl := &d.placeRuns
	pl.all = make([]Mention, 0, len(hits))
	orgInner := map[int]bool{}
	for k := 0; k < len(hits); {
		j := k
		for j+1 < len(hits) && hits[j+1].start == hits[j].end && !hits[j].shape {
			if riverAndDivision(hits[j], hits[j+1]) {
				d.traceRule(rulePlaceRiverApart, Adjust, hits[j].start, hits[j+1].end)
				break
			}
			j++
		}
		m := ps.runMention(k, j, chosen, resolved)
		rule := hits[k].rule
		if j > k {
			rule = rulePlaceRunMerge
		}
		switch {
		case inBook[m.Start]:
			d.traceRule(rulePlaceInsideBook, Reject, m.Start, m.End)
			orgInner[m.Start] = true
			pl.add(m, false)
		case !cover.inside(m.Start, m.End):
			d.traceRule(rule, Accept, m.Start, m.End)
			pl.add(m, true)
		default:
			d.traceRule(rulePlaceInsideOrg, Reject, m.Start, m.End)
			orgInner[m.Start] = true
			pl.add(m, false)
		}
		k = j + 1
	}
	pl.index()
	d.placeEntities(orgInner)
}

// runMention builds the mention of the run of hits k..j: the most specific
// resolved division of the run names it.
func (ps *placeScan) runMention(k, j int, chosen []int32, resolved []bool) Mention {
	px, rs, hits := ps.px, ps.rs, ps.hits
	m := Mention{Type: TypePlace, Start: hits[k].start, End: hits[j].end}
	m.Text = string(rs[m.Start:m.End])
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
		year := ps.d.docYear()
		m.Level = px.g.recs[tail.ids[0]].Level
		seen := map[string]bool{}
		for _, id := range tail.ids {
			if c := px.g.recs[id].fullCode(); !seen[c] && (year == 0 || px.g.distance(id, year) == 0 || px.g.inUse(id)) {
				seen[c] = true
				m.Candidates = append(m.Candidates, px.g.division(id))
			}
		}
		ps.d.traceRule(rulePlaceAmbiguous, Adjust, m.Start, m.End)
	default:
		m.Level = tail.level
		if m.Level == "" {
			m.Level = LevelOther
		}
		m.Kind = tail.kind
	}
	return m
}
