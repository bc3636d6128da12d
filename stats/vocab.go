package stats

// Vocab interns terms as small integers, so that the term counts of many
// documents can be kept between two passes (the IDF needs every document
// before the first document's TF-IDF is known) in 8 bytes a distinct term
// of a document instead of a map entry holding the string. A Vocab is not
// safe for concurrent use.
type Vocab struct {
	ids   map[string]int32
	terms []string
}

// NewVocab returns an empty Vocab.
func NewVocab() *Vocab { return &Vocab{ids: map[string]int32{}} }

// Counts are one document's term counts over a Vocab: Counts.N[i]
// occurrences of the term numbered Counts.IDs[i].
type Counts struct {
	IDs []int32
	N   []int32
}

// Len returns the number of terms interned.
func (v *Vocab) Len() int { return len(v.terms) }

// Term returns the term numbered id.
func (v *Vocab) Term(id int32) string { return v.terms[id] }

// Pack returns terms as Counts, interning the terms not seen before.
func (v *Vocab) Pack(terms map[string]int) Counts {
	c := Counts{IDs: make([]int32, 0, len(terms)), N: make([]int32, 0, len(terms))}
	for w, n := range terms {
		k, ok := v.ids[w]
		if !ok {
			k = int32(len(v.terms))
			v.ids[w] = k
			v.terms = append(v.terms, w)
		}
		c.IDs = append(c.IDs, k)
		c.N = append(c.N, int32(n))
	}
	return c
}

// Unpack returns the term counts c holds (what was given to Pack).
func (v *Vocab) Unpack(c Counts) map[string]int {
	m := make(map[string]int, len(c.IDs))
	for i, k := range c.IDs {
		m[v.terms[k]] = int(c.N[i])
	}
	return m
}
