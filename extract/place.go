package extract

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
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
	lex *lexicon[placeVal]
	// starts and townStarts are Bloom filters of the first two runes of
	// every lexicon name and of every township name, oneRune holds the
	// lexicon's names of one rune (see mayStart).
	starts, townStarts pairFilter
	oneRune            runeSet
	wideOne            bool // a name of one rune above U+FFFF (beyond oneRune)
	// townSuffixes lists the characters of placeWords.townSuffix (a few):
	// the scan looks for them at every character, comparing.
	townSuffixes []rune
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
		lex := newLexicon[placeVal]()
		readWordList(worldPlacesTxt, func(f []string) {
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
		px := &placeIndex{g: g, lex: lex}
		px.indexStarts()
		return px
	}
}

// genericName reports whether a division name is made of generic words
// only: two-rune district names (市区, 城区, 郊区, 矿区) are not matched.
func genericName(name string) bool {
	rs := []rune(name)
	return len(rs) <= 2 && rs[len(rs)-1] == '区'
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
	rule       string  // the rule that made the hit
}

// nameStem reports whether word t, ending with shape character last, is a
// name: its stem (the word without last) is unknown to the dictionary,
// rare (frequency under commonStemFreq), or a name (ns, nr, nz).
func nameStem(d *Document, t segment.Token, last rune) bool {
	stem := strings.TrimSuffix(t.Text, string(last))
	rs := []rune(t.Text)
	if f, pos, ok := d.lookup(string(rs[len(rs)-2:])); ok && f >= commonStemFreq && !properTag[pos] {
		return false // 美丽乡村 ends with the word 乡村
	}
	freq, pos, ok := d.lookup(stem)
	return utf8.RuneCountInString(stem) >= 2 && (!ok || freq < commonStemFreq || properTag[pos] && pos != "j")
}

// veryCommonFreq is the dictionary frequency from which a word tagged as a
// name is ordinary vocabulary all the same (城市 ns 25084).
const veryCommonFreq = 5000

// veryCommon reports whether word is that frequent in the dictionary.
func veryCommon(d *Document, word string) bool {
	f, _, ok := d.lookup(word)
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
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}

// matchPlace reports the longest known place name starting at runes[i]: a
// division of the gazetteer (full name, standard short form, or township
// with its suffix) or a world place. end is the exclusive end; div is the
// division the name most likely denotes (the current one for a short form,
// the latest record for a historical name), nil for world places or when
// the name is ambiguous. It does no segmentation check: callers that need
// word boundaries (the org stage on a Document) should use placeAt.
func matchPlace(runes []rune, i int) (end int, div *Division, ok bool) {
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
	if m, ok := d.placeRuns.at(i); ok {
		return *m, true
	}
	return Mention{}, false
}

// longest finds the longest acceptable place name at i. ok(start, end)
// vets a candidate span (nil accepts all).
func (px *placeIndex) longest(rs []rune, i int, ok func(s, e int) bool) (placeHit, bool) {
	if i < 0 || i >= len(rs) || !px.mayStart(rs, i, -1) {
		return placeHit{}, false
	}
	return px.longestNear(rs, i, -1, ok)
}

// longestNear is longest with a hint: nextTown is the index of the first
// township suffix character at or after i+2 (-1: unknown, len(rs): none).
//
// The candidates are tried longest first, a township before a lexicon name
// of the same length. The lexicon's are kept as cursors on their words,
// and a hit is built only for the candidate tried.
func (px *placeIndex) longestNear(rs []rune, i, nextTown int, ok func(s, e int) bool) (placeHit, bool) {
	if i < 0 || i >= len(rs) {
		return placeHit{}, false
	}
	// Townships: only with their suffix.
	nt := px.townSpan(rs, i, nextTown)
	if nt >= 3 && !px.townStarts.has(rs[i], rs[i+1]) {
		nt = 0
	}
	c := px.lex.Cursor()
	starts := c.Next(rs[i])
	if nt < 3 && !starts {
		return placeHit{}, false // no name starts here (most positions)
	}
	townEnd, tids := px.township(rs, i, nt)
	var buf [8]placeCand
	cands := buf[:0]
	for j := i; starts; {
		if c.AtWord() {
			// A name lexiconHit gives records or a kind (the ID lists are
			// nil or not empty).
			if v, _ := c.Word(); v.full && v.fullIDs != nil || v.short && v.shortIDs != nil || v.world != "" {
				cands = append(cands, placeCand{end: j + 1, word: c})
			}
		}
		if j++; j >= len(rs) {
			break
		}
		starts = c.Next(rs[j])
	}
	townDone := townEnd == 0
	for k := len(cands) - 1; k >= -1; k-- {
		if !townDone && (k < 0 || townEnd >= cands[k].end) {
			townDone = true
			if ok == nil || ok(i, townEnd) {
				return placeHit{start: i, end: townEnd, ids: tids, level: LevelTownship}, true
			}
		}
		if k < 0 {
			break
		}
		if e := cands[k].end; ok == nil || ok(i, e) {
			v, _ := cands[k].word.Word()
			return lexiconHit(i, e, v), true
		}
	}
	return placeHit{}, false
}

// placeCand is a lexicon name that ends at end, with the cursor on its
// word.
type placeCand struct {
	end  int
	word lexCursor[placeVal]
}

// township returns the end of the longest township name, with its suffix,
// that starts at rs[i] and is at most nt long, and its records (0, nil:
// none).
func (px *placeIndex) township(rs []rune, i, nt int) (int, []int32) {
	for n := nt; n >= 3; n-- {
		if !placeWords.townSuffix.has(rs[i+n-1]) {
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
				return i + n, tids
			}
		}
	}
	return 0, nil
}

// lexiconHit is the hit of the lexicon's name rs[i:e] of value v: a
// division (its full names first, else its short forms) or a world place.
func lexiconHit(i, e int, v placeVal) placeHit {
	h := placeHit{start: i, end: e, kind: v.world, world: v.world}
	if v.full {
		h.ids = v.fullIDs
	}
	if v.short && len(h.ids) == 0 {
		h.ids = v.shortIDs
		h.short = true
	}
	if h.ids != nil {
		h.kind = ""
	}
	return h
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
	id, why := px.pickWhy(ids, year, ctx, nil)
	return id, why != ""
}

// placePrior is the region a document speaks for, as place resolution
// uses it: a division code and its level. The document's Home satisfies
// it, whatever its level (a county named in the title, or the province or
// city a report speaks for, from its header or path).
type placePrior interface {
	priorCode() string  // six-digit division code, "" when none
	priorLevel() string // province, prefecture, county, township; country or "" for none
}

func (h *Home) priorCode() string {
	if h == nil {
		return ""
	}
	return h.Code
}

func (h *Home) priorLevel() string {
	if h == nil {
		return ""
	}
	return h.Level
}

// priorPrefixes returns the code prefixes of the prior's province and, when
// the prior is a prefecture or lies inside one, of its prefecture; "" when
// there is no prior (none, or the country).
func priorPrefixes(p placePrior) (prov, pref string) {
	if p == nil {
		return "", ""
	}
	code, level := p.priorCode(), p.priorLevel()
	if len(code) < 6 || level == LevelCountry {
		return "", ""
	}
	if level == "" {
		switch {
		case code[2:] == "0000":
			level = LevelProvince
		case code[4:6] == "00":
			level = LevelPrefecture
		default:
			level = LevelCounty
		}
	}
	prov = code[:2]
	if level != LevelProvince && code[2:4] != "00" {
		pref = code[:4]
	}
	return prov, pref
}

// Rules of the choice among a name's records (pickWhy).
var (
	rulePickSingle   = registerRule("place", "place.resolve_single", "a name whose records valid in the text's year are one unit denotes it", Adjust)
	rulePickHome     = registerRule("place", "place.resolve_home", "an ambiguous name denotes its only reading inside the document's home prefecture, else inside its home province", Adjust)
	rulePickContext  = registerRule("place", "place.resolve_context", "an ambiguous name denotes the unit nearest to the document's other resolved places (same prefecture, then province)", Adjust)
	rulePickBroadest = registerRule("place", "place.resolve_broadest", "an ambiguous name with a single province- or prefecture-level reading denotes it (吉林 the province)", Adjust)
)

// pickWhy is pick, returning the rule that chose the record ("" when the
// name stays ambiguous).
func (px *placeIndex) pickWhy(ids []int32, year int, ctx map[string]int, prior placePrior) (int32, string) {
	g := px.g
	if len(ids) == 0 {
		return 0, ""
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
			return id, rulePickSingle
		}
	}
	// Home: the only reading inside the home prefecture, else province.
	if prov, pref := priorPrefixes(prior); prov != "" {
		for _, p := range []string{pref, prov} {
			if p == "" {
				continue
			}
			var in []int32
			for c, id := range ent {
				if strings.HasPrefix(c, p) {
					in = append(in, id)
				}
			}
			if len(in) == 1 {
				return in[0], rulePickHome
			}
			if len(in) > 1 {
				break // several readings at home: the context decides
			}
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
			return best[0], rulePickContext
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
		return top[0], rulePickBroadest
	}
	return 0, ""
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

// placeEntities fills d.Places, merging mentions of one entity. Places
// written inside an organization name count when they are divisions
// (黔西县 in 黔西县人大常委会), not otherwise (中国 in 中国共产党).
func (d *Document) placeEntities(orgInner map[int]bool) {
	// An entity is a division (by code) or a name as written.
	type entityKey struct {
		code bool
		s    string
	}
	idx := map[entityKey]int{}
	d.Places = nil
	for _, k := range d.placeRuns.byStart {
		m := &d.placeRuns.all[k]
		if m.Code == nil && orgInner[m.Start] {
			continue
		}
		key, name := entityKey{false, m.Text}, m.Text
		if m.Code != nil {
			key = entityKey{true, *m.Code}
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
		d.placeRuns.each(func(m *Mention) {
			if m.Start >= s && m.End <= e && county(*m) && (!found || m.Start < best.Start) {
				best, found = *m, true
			}
		})
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
				m, ok := d.placeRuns.at(i)
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
	d.placeRuns.each(func(m *Mention) {
		if county(*m) {
			count[*m.Code]++
			if f, ok := first[*m.Code]; !ok || m.Start < f.Start {
				first[*m.Code] = *m
			}
		}
	})
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
