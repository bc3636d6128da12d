package extract

import (
	"sort"
	"strings"
	"unicode"
)

// Places known from where they stand: an item of a list of places, the
// other end of a route from or to a place. Both run after the weak names
// are checked, on the places kept.
var (
	rulePlaceListItem = registerRule("place", "place.list_item_between_places",
		"a name of 2-4 characters standing alone between two places in a list of 、 is a place too (临沧、勐捧、景洪)", Accept)
	rulePlaceRouteEnd = registerRule("place", "place.route_endpoint",
		"the other end of a route written X至Y from or to a place, alone between punctuation, is a place too (宜良至狗街公路 → 狗街)", Accept)
)

// placeListSep reports whether r ends an item of a list or a route.
func placeListSep(r rune) bool {
	return strings.ContainsRune("、，。；：,;:（）()“”\"《》 \n\t—-·", r)
}

// nameLikeItem reports whether rs[s:e) may be an unknown name: 2-4 Han
// characters, no position word, not one word of a verb, adjective,
// direction, pronoun, numeral or time tag.
func (ps *placeScan) nameLikeItem(s, e int) bool {
	if e-s < 2 || e-s > 4 {
		return false
	}
	for _, r := range ps.rs[s:e] {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	w := string(ps.rs[s:e])
	if placeWords.position[w] {
		return false
	}
	if ps.tokAt[s] > 0 && ps.toks[ps.tokAt[s]-1].End == e {
		switch ps.toks[ps.tokAt[s]-1].Pos {
		case "v", "vn", "a", "ad", "an", "f", "r", "m", "t", "d", "c", "p", "q":
			return false
		}
	}
	return true
}

// placesInLists applies place.list_item_between_places and
// place.route_endpoint.
func (ps *placeScan) placesInLists() {
	rs := ps.rs
	n := len(rs)
	sc := ps.d.scratch
	in := sc.boolSlice(n)
	startAt := sc.boolSlice(n + 1)
	endAt := sc.boolSlice(n + 1)
	startOf := map[int]int{} // end of a place -> its start
	mark := func(h placeHit) {
		for k := h.start; k < h.end; k++ {
			in[k] = true
		}
		startAt[h.start], endAt[h.end] = true, true
		startOf[h.end] = h.start
	}
	for _, h := range ps.hits {
		mark(h)
	}
	free := func(s, e int) bool {
		for k := s; k < e; k++ {
			if in[k] {
				return false
			}
		}
		return true
	}
	add := func(s, e int, rule string) {
		h := placeHit{start: s, end: e, level: LevelOther, kind: "site", shape: true, rule: rule}
		ps.hits = append(ps.hits, h)
		mark(h)
	}
	added := false
	// 临沧、勐捧、景洪: an item between two places of a list.
	for i := 1; i < n; i++ {
		if rs[i-1] != '、' || !endAt[i-1] || in[i] {
			continue
		}
		e := i
		for e < n && !placeListSep(rs[e]) && e-i <= 4 {
			e++
		}
		if e+1 < n && rs[e] == '、' && startAt[e+1] && free(i, e) && ps.nameLikeItem(i, e) {
			add(i, e, rulePlaceListItem)
			added = true
		}
	}
	// 宜良至狗街公路: the ends of a route, twice so that a chain of routes
	// (A至B、B至C) passes a place found on.
	for pass := 0; pass < 2; pass++ {
		for i := 2; i+2 < n; i++ {
			if rs[i] != '至' {
				continue
			}
			// The first end: a place ending at i, or a name from the
			// previous separator (or 为, 从, 由) to i.
			a := i
			for a > 0 && !placeListSep(rs[a-1]) && i-a < 5 {
				a--
			}
			leftOK := a == 0 || placeListSep(rs[a-1])
			if leftOK && i-a > 2 && placeWords.routeFrom.has(rs[a]) && ps.starts[a+1] {
				a++ // “五纵”为格勒至宜良
			}
			if !leftOK && i-a == 5 {
				for b := i - 2; b >= i-4; b-- {
					if placeWords.routeFrom.has(rs[b-1]) && ps.starts[b] {
						a, leftOK = b, true
						break
					}
				}
			}
			// The second end: a name up to the next separator or route word.
			c := i + 1
			for c < n && !placeListSep(rs[c]) && c-i <= 5 && !routeWordAt(rs, c, i+3) {
				c++
			}
			rightOK := c == n || placeListSep(rs[c]) || routeWordAt(rs, c, i+3)
			if !leftOK || !rightOK {
				continue
			}
			leftPlace := startAt[a] && endAt[i] && !free(a, i)
			if st, ok := startOf[i]; ok && !leftPlace && i-st >= 2 {
				a, leftOK, leftPlace = st, true, true // 新建宜良至狗街公路
			}
			rightPlace := startAt[i+1] && endAt[c] && !free(i+1, c)
			switch {
			case leftPlace && !rightPlace && free(i+1, c) && ps.nameLikeItem(i+1, c):
				add(i+1, c, rulePlaceRouteEnd)
				added = true
			case rightPlace && !leftPlace && free(a, i) && ps.nameLikeItem(a, i):
				add(a, i, rulePlaceRouteEnd)
				added = true
			}
		}
	}
	if added {
		sort.Slice(ps.hits, func(a, b int) bool { return ps.hits[a].start < ps.hits[b].start })
	}
}

// routeWordAt reports whether a route word followed by a separator (or the
// end) starts at c, at or after min.
func routeWordAt(rs []rune, c, min int) bool {
	if c < min {
		return false
	}
	for _, w := range placeWords.route {
		r := []rune(w)
		if hasRunes(rs, c, r) && (c+len(r) == len(rs) || placeListSep(rs[c+len(r)])) {
			return true
		}
	}
	return false
}
