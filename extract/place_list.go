package extract

import (
	"cmp"
	"slices"
)

// placeList holds the places the place stage found, merged runs included:
// every run once, in the order emitted, indexed by start. It replaces a map
// from start to Mention, whose values (a Mention is large) the map
// allocated one by one, and a second list of copies for the mentions.
type placeList struct {
	all []Mention // every run, in the order emitted
	// byStart indexes all by start; of runs that share a start, the one
	// emitted last.
	byStart []int32
	// out indexes all: the runs that are mentions (not inside an
	// organization name or a book title), in the order emitted.
	out []int32
}

// add appends run m, one of the mentions when out is set.
func (pl *placeList) add(m Mention, out bool) {
	pl.all = append(pl.all, m)
	if out {
		pl.out = append(pl.out, int32(len(pl.all)-1))
	}
}

// index builds byStart, once every run is added.
func (pl *placeList) index() {
	pl.byStart = make([]int32, len(pl.all))
	for i := range pl.byStart {
		pl.byStart[i] = int32(i)
	}
	byStart := func(a, b int32) int { return cmp.Compare(pl.all[a].Start, pl.all[b].Start) }
	if !slices.IsSortedFunc(pl.byStart, byStart) {
		slices.SortStableFunc(pl.byStart, byStart)
	}
	// Of runs sharing a start, keep the last emitted.
	kept := pl.byStart[:0]
	for _, k := range pl.byStart {
		if n := len(kept); n > 0 && pl.all[kept[n-1]].Start == pl.all[k].Start {
			kept[n-1] = k
			continue
		}
		kept = append(kept, k)
	}
	pl.byStart = kept
}

// at returns the run starting at code point i.
func (pl *placeList) at(i int) (*Mention, bool) {
	k, ok := slices.BinarySearchFunc(pl.byStart, i, func(k int32, i int) int { return cmp.Compare(pl.all[k].Start, i) })
	if !ok {
		return nil, false
	}
	return &pl.all[pl.byStart[k]], true
}

// each calls fn with every run of byStart, by start.
func (pl *placeList) each(fn func(m *Mention)) {
	for _, k := range pl.byStart {
		fn(&pl.all[k])
	}
}
