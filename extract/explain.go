package extract

import (
	"sort"
)

// Decision is what the rules decided about one candidate span of a mention
// type: a mention (Verdict Accept, Mention its index in Document.Mentions)
// or a rejected candidate (Verdict Reject, Mention -1).
type Decision struct {
	Type    string  `json:"type"`
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Verdict Verdict `json:"verdict"`
	// Rule is the rule that decided: the last rule that accepted the
	// mention's span (or a span around it), or the last that rejected
	// the candidate; "" when no rule reported on it.
	Rule string `json:"rule"`
	// Rules are every rule reported on the span, in the order they fired.
	Rules   []string `json:"rules,omitempty"`
	Mention int      `json:"mention"`
}

// Explain pairs the trace events of d's extraction (collected with
// WithTrace) with its mentions: one Decision per mention, in the order of
// d.Mentions, then one per rejected candidate of a wanted type that is no
// mention of that type, in text order.
func Explain(d *Document, events []TraceEvent) []Decision {
	type key struct {
		typ        string
		start, end int
	}
	byKey := map[key][]int{} // event indexes, in order
	for i, e := range events {
		if !isType(e.Stage) {
			continue
		}
		k := key{e.Stage, e.Start, e.End}
		byKey[k] = append(byKey[k], i)
	}
	rulesOf := func(k key) []string {
		var out []string
		for _, i := range byKey[k] {
			out = append(out, events[i].Rule)
		}
		return out
	}
	lastOf := func(k key, v Verdict) string {
		idx := byKey[k]
		for j := len(idx) - 1; j >= 0; j-- {
			if e := events[idx[j]]; e.Verdict == v {
				return e.Rule
			}
		}
		return ""
	}
	out := make([]Decision, 0, len(d.Mentions))
	mentioned := map[key]bool{}
	for i, m := range d.Mentions {
		k := key{m.Type, m.Start, m.End}
		mentioned[k] = true
		dec := Decision{Type: m.Type, Text: m.Text, Start: m.Start, End: m.End, Verdict: Accept,
			Rules: rulesOf(k), Mention: i}
		dec.Rule = lastOf(k, Accept)
		if dec.Rule == "" {
			// accepted on a span the stage later adjusted: the last
			// acceptance of a span around the mention
			for j := len(events) - 1; j >= 0; j-- {
				e := events[j]
				if e.Stage == m.Type && e.Verdict == Accept && e.Start <= m.Start && e.End >= m.End {
					dec.Rule = e.Rule
					break
				}
			}
		}
		if dec.Rule == "" {
			// a span made by an adjusting rule (two pieces merged into
			// one): the first rule that adjusted this very span made it
			if idx := byKey[k]; len(idx) > 0 {
				for _, j := range idx {
					if events[j].Verdict == Adjust {
						dec.Rule = events[j].Rule
						break
					}
				}
			}
		}
		out = append(out, dec)
	}
	var rejected []Decision
	for k := range byKey {
		if mentioned[k] || !d.wants(k.typ) {
			continue
		}
		r := lastOf(k, Reject)
		if r == "" {
			continue
		}
		text := ""
		if k.start >= 0 && k.end <= len(d.runes) && k.start <= k.end {
			text = string(d.runes[k.start:k.end])
		}
		rejected = append(rejected, Decision{Type: k.typ, Text: text, Start: k.start, End: k.end,
			Verdict: Reject, Rule: r, Rules: rulesOf(k), Mention: -1})
	}
	sort.Slice(rejected, func(i, j int) bool {
		a, b := &rejected[i], &rejected[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return typeRank(a.Type) < typeRank(b.Type)
	})
	return append(out, rejected...)
}

// isType reports whether t is a mention type.
func isType(t string) bool { return typeRank(t) < len(AllTypes) }
