package eval

import (
	"github.com/tongbao/tongbao/extract"
)

// Explainer returns an Options.Explain for tongbao's extractors of the
// given types: it extracts the document again with a trace and names, for
// a false positive, the rule that accepted the mention, and for a false
// negative, the rule that rejected a candidate over the gold span (one of
// the same span, else the longest overlapping one); when no candidate was
// rejected there but a mention overlaps the gold span (a boundary error),
// the rule that accepted that mention, followed by " (boundary)". It
// returns "" when no rule reported on the span, "(no candidate)" for a
// false negative that no candidate of its type overlaps.
func Explainer(types []string) func(d *Doc, m Miss, falsePositive bool) string {
	ts := append([]string(nil), types...)
	return func(d *Doc, m Miss, fp bool) string {
		var events []extract.TraceEvent
		opts := []extract.Option{extract.WithTypes(ts...),
			extract.WithTrace(func(e extract.TraceEvent) { events = append(events, e) })}
		if !d.Ref.IsZero() {
			opts = append(opts, extract.WithRefDate(d.Ref))
		}
		x, err := extract.NewDocument(d.Text, opts...)
		if err != nil {
			return ""
		}
		decs := extract.Explain(x, events)
		if fp {
			for _, dec := range decs {
				if dec.Verdict == extract.Accept && dec.Type == m.Type && dec.Start == m.Start && dec.End == m.End {
					return dec.Rule
				}
			}
			return ""
		}
		best, bestLen := "", -1
		boundary := ""
		for _, dec := range decs {
			if dec.Type != m.Type || dec.End <= m.Start || dec.Start >= m.End {
				continue
			}
			if dec.Verdict != extract.Reject {
				if boundary == "" && dec.Rule != "" {
					boundary = dec.Rule + " (boundary)"
				}
				continue
			}
			if dec.Start == m.Start && dec.End == m.End {
				return dec.Rule
			}
			if l := min(dec.End, m.End) - max(dec.Start, m.Start); l > bestLen {
				best, bestLen = dec.Rule, l
			}
		}
		if bestLen < 0 && boundary != "" {
			return boundary
		}
		if bestLen < 0 {
			return "(no candidate)"
		}
		return best
	}
}
