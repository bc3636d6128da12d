package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Rules are the decisions of the extractors, each a named value in the
// manner of duckling's Rule{name, pattern, prod}: a name, a one-line doc and
// a predicate over a features struct that the extractor computes once per
// candidate. An extractor keeps its rules in ordered tables; the first rule
// of a table whose predicate holds decides, and the decision is reported to
// the trace (WithTrace) with the rule's name, so that a reader can ask
// "which rule made this?" and get an answer from the tool.
//
// Rule names are "<stage>.<snake_case>" and unique across the package
// (TestRuleNames); Rules lists them all with their docs.

// Verdict is what a rule decides about a candidate.
type Verdict string

// Verdicts.
const (
	// Accept keeps the candidate as a mention.
	Accept Verdict = "accept"
	// Reject drops the candidate.
	Reject Verdict = "reject"
	// Adjust changes the candidate (its span, value or fields) and lets
	// later rules decide.
	Adjust Verdict = "adjust"
)

// RuleInfo describes one named rule.
type RuleInfo struct {
	Stage   string  `json:"stage"`
	Name    string  `json:"name"`
	Doc     string  `json:"doc"`
	Verdict Verdict `json:"verdict"`
}

// TraceEvent reports one decision of a named rule on one candidate span.
type TraceEvent struct {
	Stage   string  `json:"stage"`
	Rule    string  `json:"rule"`
	Verdict Verdict `json:"verdict"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
}

// String formats the event as one line: verdict, rule, span and text.
func (e TraceEvent) String() string {
	return fmt.Sprintf("%-6s %-40s [%d,%d) %s", e.Verdict, e.Rule, e.Start, e.End, e.Text)
}

// rule is one named decision over the features F of a candidate.
type rule[F any] struct {
	name    string
	doc     string
	verdict Verdict
	when    func(f *F) bool
}

// ruleTable is an ordered list of rules of one stage; the first rule whose
// predicate holds decides.
type ruleTable[F any] struct {
	stage string
	rules []rule[F]
	probe []int // rules tried first when no trace is kept (tryFirst)
}

// newRuleTable registers the rules of a stage (for Rules) and returns the
// table. Call it in a package-level var declaration.
func newRuleTable[F any](stage string, rules ...rule[F]) *ruleTable[F] {
	for _, r := range rules {
		registry = append(registry, RuleInfo{Stage: stage, Name: r.name, Doc: r.doc, Verdict: r.verdict})
	}
	return &ruleTable[F]{stage: stage, rules: rules}
}

// first returns the first rule whose predicate holds on f, or nil.
func (t *ruleTable[F]) first(f *F) *rule[F] {
	for i := range t.rules {
		if t.rules[i].when(f) {
			return &t.rules[i]
		}
	}
	return nil
}

// tryFirst names rules of a table whose rules all give the same verdict,
// to be tried before the others when the document keeps no trace: the
// verdict is then the same whichever rule holds, so the rules that decide
// most candidates can spare the evaluation of those before them. With a
// trace the table runs in order and reports the first rule that holds, as
// always. The rules' predicates must read f only (no effects but caching).
func (t *ruleTable[F]) tryFirst(names ...string) *ruleTable[F] {
	for _, name := range names {
		i := slices.IndexFunc(t.rules, func(r rule[F]) bool { return r.name == name })
		if i < 0 {
			panic("tryFirst: no rule " + name)
		}
		t.probe = append(t.probe, i)
	}
	for _, r := range t.rules {
		if r.verdict != t.rules[0].verdict {
			panic("tryFirst: the rules of the table give different verdicts")
		}
	}
	return t
}

// decide runs the table on f and reports the deciding rule, if any, to the
// document's trace for runes [start,end). It returns the rule (nil when
// none holds); without a trace, a rule named by tryFirst may stand for the
// first (same verdict).
func (t *ruleTable[F]) decide(d *Document, f *F, start, end int) *rule[F] {
	if d.trace == nil {
		for _, i := range t.probe {
			if t.rules[i].when(f) {
				return &t.rules[i]
			}
		}
	}
	r := t.first(f)
	if r != nil {
		d.traceRule(r.name, r.verdict, start, end)
	}
	return r
}

// registry holds every rule of the package, in declaration order.
var registry []RuleInfo

// registerRule records a rule that is not kept in a ruleTable (a decision
// made in code, such as a span-building step), so that Rules lists it and
// traces may name it. It returns the name.
func registerRule(stage, name, doc string, v Verdict) string {
	registry = append(registry, RuleInfo{Stage: stage, Name: name, Doc: doc, Verdict: v})
	return name
}

// Rules returns every named rule of the extractors, sorted by name.
func Rules() []RuleInfo {
	out := append([]RuleInfo(nil), registry...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// RuleDoc returns the doc line of the named rule, or "" when there is none.
func RuleDoc(name string) string {
	for _, r := range registry {
		if r.Name == name {
			return r.Doc
		}
	}
	return ""
}

// WithTrace calls fn for every rule decision while the document is
// extracted: each candidate's stage, rule, verdict and span. Tracing costs
// nothing when no trace function is set.
func WithTrace(fn func(TraceEvent)) Option { return func(c *config) { c.trace = fn } }

// traceRule reports a decision of the named rule on runes [start,end).
func (d *Document) traceRule(name string, v Verdict, start, end int) {
	if d.trace == nil {
		return
	}
	stage := name
	if i := strings.IndexByte(name, '.'); i >= 0 {
		stage = name[:i]
	}
	text := ""
	if start >= 0 && end <= len(d.runes) && start <= end {
		text = string(d.runes[start:end])
	}
	d.trace(TraceEvent{Stage: stage, Rule: name, Verdict: v, Start: start, End: end, Text: text})
}
