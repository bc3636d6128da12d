// Package extract finds times, counts, people, places, organizations, book
// titles and slogans in Chinese official texts, with rules and lexicons, and
// returns them as Mentions with code-point offsets.
//
// A Document is built with NewDocument and functional options:
//
//	doc, err := extract.NewDocument(text, extract.WithTypes("time", "count"))
//	for _, m := range doc.Mentions { fmt.Println(m.Type, m.Text, m.Value) }
//
// Every Mention satisfies []rune(text)[m.Start:m.End] == m.Text.
package extract

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/zhconv"
)

// Mention types.
const (
	TypeTime   = "time"
	TypeCount  = "count"
	TypePerson = "person"
	TypePlace  = "place"
	TypeOrg    = "org"
	TypeBook   = "book"
	TypeSlogan = "slogan"
)

// Types lists the mention types extracted by default, in output order.
var Types = []string{TypeTime, TypeCount, TypePerson, TypePlace, TypeOrg, TypeBook, TypeSlogan}

// OptionalTypes lists the mention types extracted only when asked for
// (WithTypes): indicator, which reads the counts with the document's
// year and parts (indicator.go).
var OptionalTypes = []string{TypeIndicator}

// AllTypes lists every mention type: Types, then OptionalTypes.
var AllTypes = append(append([]string(nil), Types...), OptionalTypes...)

// Mention is one extracted expression. Type, Text, Start and End are always
// set; the other fields belong to some types only and are omitted from JSON
// when empty.
type Mention struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`

	// Value is the normalized value: an ISO 8601 string or a Span for a
	// time, a number for a count. Read it with TimeValue, TimeSpan or
	// Number.
	Value any `json:"value,omitempty"`
	// Kind refines the type: point|span|relative|duration|set for times,
	// percent|… for counts, book|document|… for books, quoted|formula|
	// parallel|lexicon for slogans.
	Kind     string `json:"kind,omitempty"`
	Grain    string `json:"grain,omitempty"`     // time: year, quarter, month, day, …
	YearFrom string `json:"year_from,omitempty"` // time: where the year came from
	// StartDate and EndDate are a time's first and last day, plain ISO
	// (YYYY-MM-DD), when its value resolves to days (2021-Q1: 2021-01-01,
	// 2021-03-31; PRESENT_REF: the reference date); see ISOBounds.
	StartDate string `json:"start_date,omitempty"`
	EndDate   string `json:"end_date,omitempty"`

	Unit   string    `json:"unit,omitempty"`   // count: measure word
	Object string    `json:"object,omitempty"` // count: counted noun or verb
	Approx string    `json:"approx,omitempty"` // count: exact|about|over|under
	Range  []float64 `json:"range,omitempty"`  // count: [lo, hi]

	Titles []string `json:"titles,omitempty"` // person: offices as written
	Org    string   `json:"org,omitempty"`    // person: organization a title names
	Role   string   `json:"role,omitempty"`   // person: author|reporter

	Code       *string    `json:"code,omitempty"`  // place: division code
	Level      string     `json:"level,omitempty"` // place: province|prefecture|county|township|village|other
	Path       []string   `json:"path,omitempty"`  // place: names from province down
	Current    *Division  `json:"current,omitempty"`
	Candidates []Division `json:"candidates,omitempty"`
	Expanded   string     `json:"expanded,omitempty"` // org: name with the home place prefixed
	Canonical  string     `json:"canonical,omitempty"`
	Category   string     `json:"category,omitempty"`
	Items      []string   `json:"items,omitempty"` // slogan: parallel items

	// indicator (indicator.go): the canonical id, the indicator as
	// written, what the figure measures, target|actual|expected, the year
	// ("2019") or interval ("2013/2017"), and the higher figure of a
	// target with two (增长8%以上，力争9% → 9). Value, Unit, Approx and
	// Range are the figure's, as written (23223.8 亿元).
	Indicator     string   `json:"indicator,omitempty"`
	IndicatorText string   `json:"indicator_text,omitempty"`
	Measure       string   `json:"measure,omitempty"`
	Status        string   `json:"status,omitempty"`
	Period        string   `json:"period,omitempty"`
	Stretch       *float64 `json:"stretch,omitempty"`
}

// TimeValue returns the value of a time that is no span: an ISO 8601 date
// or time (2021-03-26, 2021-Q1, 2021-03-26T09:00), a duration (P3Y) or a
// set (XXXX-WXX-1); ok is false for other mentions and for spans.
func (m *Mention) TimeValue() (v string, ok bool) {
	if m.Type != TypeTime {
		return "", false
	}
	v, ok = m.Value.(string)
	return v, ok && v != "" && !strings.Contains(v, "/")
}

// TimeSpan returns the value of a time span (3月26日至28日): its start
// and end; ok is false for other mentions. A span read back from JSON (the
// string "start/end", or the map older versions wrote) is converted.
func (m *Mention) TimeSpan() (s Span, ok bool) {
	if m.Type != TypeTime {
		return Span{}, false
	}
	switch v := m.Value.(type) {
	case Span:
		return v, true
	case *Span:
		return *v, v != nil
	case string:
		start, end, found := strings.Cut(v, "/")
		return Span{start, end}, found
	case map[string]any:
		s.Start, _ = v["start"].(string)
		s.End, _ = v["end"].(string)
		return s, s.Start != "" || s.End != ""
	}
	return Span{}, false
}

// Number returns the value of a count (30余本 → 30, 百分之三十 → 30 with
// Unit %); ok is false for other mentions and counts without a value.
func (m *Mention) Number() (v float64, ok bool) {
	if m.Type != TypeCount {
		return 0, false
	}
	return numberValue(m.Value)
}

// numberValue is the number a count or an indicator holds as its value
// (float64 as extracted and as read back from JSON, int from a caller).
func numberValue(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	}
	return 0, false
}

// Span is the value of a time span. In JSON it is one string, "start/end"
// (an open side empty: "2021-04/"), so that a time's value is always a
// string; extract --csv writes it the same way.
type Span struct {
	Start string
	End   string
}

// String returns "start/end".
func (s Span) String() string { return s.Start + "/" + s.End }

// MarshalJSON writes the span as the string "start/end".
func (s Span) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads "start/end", or the object {"start","end"} that
// tongbao wrote before the string form.
func (s *Span) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err == nil {
		start, end, ok := strings.Cut(str, "/")
		if !ok {
			return fmt.Errorf("time span %q: want start/end", str)
		}
		*s = Span{start, end}
		return nil
	}
	var o struct{ Start, End string }
	if err := json.Unmarshal(b, &o); err != nil {
		return fmt.Errorf("time span: want \"start/end\", got %s", b)
	}
	*s = Span{o.Start, o.End}
	return nil
}

// Division names an administrative division by code and name.
type Division struct {
	Code  string   `json:"code"`
	Name  string   `json:"name"`
	Level string   `json:"level,omitempty"`
	Path  []string `json:"path,omitempty"`
}

// Section is a heading of the document (一、 (一) 1.).
type Section struct {
	Text   string `json:"text"`
	Number string `json:"number"`
	Level  int    `json:"level"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Byline says who wrote or reported the document.
type Byline struct {
	Authors   []string `json:"authors,omitempty"`
	Reporters []string `json:"reporters,omitempty"`
	Source    string   `json:"source,omitempty"`
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// Entity merges the mentions of one person, place or organization.
type Entity struct {
	Name   string   `json:"name"`
	Titles []string `json:"titles,omitempty"`
	Code   *string  `json:"code,omitempty"`
	Count  int      `json:"count"`
	First  int      `json:"first"`
}

// Home is the region a document speaks for, at its own level (see meta.go).
type Home struct {
	Name  string `json:"name"`
	Code  string `json:"code,omitempty"`  // none for the country
	Level string `json:"level,omitempty"` // country, province, prefecture, county, township
	From  string `json:"from"`            // session, speaker, title, meta, path, sidecar, byline, mentions
}

// Document is the result of extraction on one text.
type Document struct {
	ID       string         `json:"id,omitempty"`
	Meta     map[string]any `json:"meta,omitempty"`
	Title    *string        `json:"title"`
	Date     *string        `json:"date"`
	Byline   *Byline        `json:"byline"`
	Home     *Home          `json:"home"`
	Year     *int           `json:"year"`    // see meta.go
	Speaker  *Speaker       `json:"speaker"` // see meta.go
	Genre    string         `json:"genre"`   // see meta.go
	Sections []Section      `json:"sections"`
	People   []Entity       `json:"people"`
	Places   []Entity       `json:"places"`
	Orgs     []Entity       `json:"orgs"`
	Mentions []Mention      `json:"mentions"`

	// Text is the input text.
	Text string `json:"-"`
	// Ref is the reference date used to resolve relative and partial
	// times, and where it came from.
	Ref RefDate `json:"-"`

	// The per-document context the stages share (see context.go).
	*docContext
}

// RefDate is a document's reference date. Year is 0 when unknown.
type RefDate struct {
	Year, Month, Day int
	From             string // option, meta, dateline, latest_date, year_cue, or ""
}

// config is what the Options of NewDocument set.
type config struct {
	types   map[string]bool // nil: every type
	id      string
	meta    map[string]any
	refDate time.Time // zero when given by no option
	userSeg *segment.Segmenter
	// trace receives rule decisions (WithTrace); nil when not tracing.
	trace func(TraceEvent)
	// metaOverride holds the sidecar fields (WithMetaOverride).
	metaOverride map[string]string
	knownPeople  []string      // names found before this text (window.go)
	sectionYears []sectionYear // headings in force before this text (window.go)

	// t2s converts Traditional text first (t2s.go).
	t2s zhconv.Mode
	// keepTokens keeps the tokens in the Document (WithTokens).
	keepTokens bool
}

// Option configures NewDocument.
type Option func(*config)

// WithTypes restricts extraction to the named mention types (see Types).
func WithTypes(types ...string) Option {
	return func(c *config) {
		c.types = map[string]bool{}
		for _, t := range types {
			c.types[t] = true
		}
	}
}

// WithTokens keeps the segmentation the extraction made in the Document
// for Tokens. Without it the extraction segments into a buffer it reuses
// for the next document, and a call to Tokens after NewDocument returns
// segments the text again.
func WithTokens() Option { return func(c *config) { c.keepTokens = true } }

// WithID sets the document id copied into the result.
func WithID(id string) Option { return func(c *config) { c.id = id } }

// WithMeta attaches metadata; a "date" field in it serves as reference date.
func WithMeta(meta map[string]any) Option { return func(c *config) { c.meta = meta } }

// WithRefDate fixes the reference date for relative and partial times.
func WithRefDate(t time.Time) Option { return func(c *config) { c.refDate = t } }

// WithSegmenter sets the segmenter whose dictionaries the extractors use,
// for words and for every dictionary lookup (segment.Default() otherwise).
// The extractors always cut in precise mode, whatever mode s cuts in
// (they need tokens that do not overlap): a segmenter in search or full mode
// is used as the precise segmenter with the same dictionaries.
func WithSegmenter(s *segment.Segmenter) Option { return func(c *config) { c.userSeg = s } }

// ParseTypes reads a list of mention types as a user writes it: nil or
// empty for the default Types, "all" alone for AllTypes, else names of
// AllTypes (an error names any other).
func ParseTypes(types []string) ([]string, error) {
	switch {
	case len(types) == 0:
		return nil, nil
	case len(types) == 1 && types[0] == "all":
		return append([]string(nil), AllTypes...), nil
	}
	if err := CheckTypes(types); err != nil {
		return nil, err
	}
	return types, nil
}

// checkTypeSet is CheckTypes of the set of types of WithTypes (nil: every
// type), in sorted order.
func checkTypeSet(types map[string]bool) error {
	if types == nil {
		return nil
	}
	var ts []string
	for t := range types {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return CheckTypes(ts)
}

// CheckTypes returns an error naming any type that is not one of AllTypes.
func CheckTypes(types []string) error {
	for _, t := range types {
		ok := false
		for _, k := range AllTypes {
			ok = ok || t == k
		}
		if !ok {
			return fmt.Errorf("unknown mention type %q (known: %s)", t, strings.Join(AllTypes, ", "))
		}
	}
	return nil
}

// The pipeline is one table of stages. A stage produces mention types
// and document fields, and needs what earlier stages produce or what the
// per-document context computes on first use (the resources: see
// context.go). The stages that run for a set of wanted types are the
// closure of needs over the stages that produce them and the document
// fields every record has (title, date, byline, sections); they run in
// table order, which is a topological order of needs (TestStageGraph).
// No stage calls another's run function: what two stages share is a
// resource of the context.
//
//	stage      produces                      needs
//	structure  title byline sections         -
//	date       date ref                      time_spans
//	meta       home year speaker genre       title date
//	time       time                          time_spans ref sections
//	count      count                         time_spans tokens
//	place      place                         places
//	org        org                           org_spans places
//	book       book                          -
//	person     person                        tokens places org_spans
//	slogan     slogan                        tokens
//	indicator  indicator (on request)        time_spans home ref sections
//
//	resource    computes                                  needs
//	tokens      precise segmentation (dictionary)         -
//	time_spans  the time scanner's spans                  -
//	org_spans   organizations, merged, in text order      tokens gazetteer
//	places      place mentions by start, entities, home   tokens org_spans ref title byline home gazetteer
//	gazetteer   the division tables                       -
type stage struct {
	name     string
	produces []string
	needs    []string
	run      func(d *Document)
	// load loads the data the stage reads, once per process (Preload);
	// nil when it reads none beyond its needs.
	load func() error
}

// Document fields every record has, whatever types are wanted.
const (
	fieldTitle    = "title"
	fieldDate     = "date"
	fieldByline   = "byline"
	fieldSections = "sections"
	// fieldHome stands for home, year, speaker and genre (meta.go).
	fieldHome = "home"
	// fieldRef is d.Ref, the reference date of relative times.
	fieldRef = "ref"
)

// stages is the pipeline, in the order its stages run.
var stages = []stage{
	{name: "structure", produces: []string{fieldTitle, fieldByline, fieldSections}, run: extractStructure},
	{name: "date", produces: []string{fieldDate, fieldRef}, needs: []string{resTimeSpans}, run: runDate},
	{name: "meta", produces: []string{fieldHome}, needs: []string{fieldTitle, fieldDate}, run: runMeta, load: loadMetaData},
	{name: "time", produces: []string{TypeTime}, needs: []string{resTimeSpans, fieldRef, fieldSections}, run: runTimes},
	{name: "count", produces: []string{TypeCount}, needs: []string{resTimeSpans, resTokens}, run: runCounts, load: loadCountData},
	{name: "place", produces: []string{TypePlace}, needs: []string{resPlaces}, run: runPlaces},
	{name: "org", produces: []string{TypeOrg}, needs: []string{resOrgSpans, resPlaces}, run: runOrgs},
	{name: "book", produces: []string{TypeBook}, run: extractBooks},
	{name: "person", produces: []string{TypePerson}, needs: []string{resTokens, resPlaces, resOrgSpans}, run: runPersons, load: loadPersonData},
	{name: "slogan", produces: []string{TypeSlogan}, needs: []string{resTokens}, run: extractSlogans},
	{name: "indicator", produces: []string{TypeIndicator}, needs: []string{resTimeSpans, fieldHome, fieldRef, fieldSections}, run: runIndicators, load: loadIndicatorData},
}

// fullPlan is the plan when every type is wanted.
var fullPlan = sync.OnceValue(func() []*stage { return planFor(nil) })

// plan returns the stages to run, in order, when types are wanted (nil:
// every type).
func plan(types map[string]bool) []*stage {
	if types == nil {
		return fullPlan()
	}
	return planFor(types)
}

func planFor(types map[string]bool) []*stage {
	want := map[string]bool{fieldTitle: true, fieldDate: true, fieldByline: true, fieldSections: true, fieldHome: true}
	for _, t := range AllTypes {
		if types == nil && typeRank(t) < len(Types) || types[t] {
			want[t] = true
		}
	}
	var addNeeds func(needs []string)
	addNeeds = func(needs []string) {
		for _, n := range needs {
			if want[n] {
				continue
			}
			want[n] = true
			if r := resourceNamed(n); r != nil {
				addNeeds(r.needs)
			}
		}
	}
	run := make([]bool, len(stages))
	// Needs point to earlier stages only, so one pass from the end closes
	// the set.
	for i := len(stages) - 1; i >= 0; i-- {
		for _, p := range stages[i].produces {
			if want[p] {
				run[i] = true
				addNeeds(stages[i].needs)
				break
			}
		}
	}
	var out []*stage
	for i := range stages {
		if run[i] {
			out = append(out, &stages[i])
		}
	}
	return out
}

// NewDocument runs the extractors on text: the stages of the pipeline
// (see stages) that produce the wanted types, and those they need. It
// returns an error for an unknown type, or when a dictionary or the
// gazetteer a stage needs cannot be loaded.
func NewDocument(text string, opts ...Option) (*Document, error) {
	return newDocument(text, opts, nil)
}

// newDocument is NewDocument. With emit, the mentions are sorted into a
// buffer of the scratch rather than a slice of their own and handed to
// emit before the scratch is put back; the Document's Mentions are then
// empty, and emit's error is returned.
func newDocument(text string, opts []Option, emit func([]Mention) error) (*Document, error) {
	dc := new(docContext)
	cfg := &dc.config
	for _, o := range opts {
		if o != nil {
			o(cfg)
		}
	}
	if cfg.t2s != zhconv.Never { // Traditional text: see t2s.go
		d, err := newDocumentT2S(text, opts)
		if err == nil && emit != nil {
			err = emitMentions(d, emit)
		}
		return d, err
	}
	if err := checkTypeSet(cfg.types); err != nil {
		return nil, err
	}
	sc := getScratch()
	dc.runes, dc.scratch = textRunes(text), sc
	d := &Document{ID: cfg.id, Meta: cfg.meta, Text: text, Mentions: sc.mentions, docContext: dc}
	for _, s := range plan(cfg.types) {
		if err := d.ensure(s.needs); err != nil {
			d.releaseScratch(false)
			sc.release()
			return nil, err
		}
		s.run(d)
	}
	d.releaseScratch(emit != nil)
	if emit == nil {
		sc.release()
	}
	d.resolveDates()
	// Arrays are [] rather than null when empty, so that every record has
	// the same shape for jq and data frames.
	if d.Mentions == nil {
		d.Mentions = []Mention{}
	}
	if d.Sections == nil {
		d.Sections = []Section{}
	}
	for _, es := range []*[]Entity{&d.People, &d.Places, &d.Orgs} {
		if *es == nil {
			*es = []Entity{}
		}
	}
	if emit != nil {
		err := emitMentions(d, emit)
		clear(sc.sorted)
		sc.release()
		return d, err
	}
	return d, nil
}

// emitMentions hands d's mentions to emit and leaves d without them.
func emitMentions(d *Document, emit func([]Mention) error) error {
	err := emit(d.Mentions)
	d.Mentions = []Mention{}
	return err
}

// wants reports whether mentions of type t are to be extracted.
func (d *Document) wants(t string) bool {
	return d.types == nil && t != TypeIndicator || d.types[t]
}

// Runes returns the text as code points (shared; do not modify).
func (d *Document) Runes() []rune { return d.runes }

// add appends a mention for runes [start,end) if its type is wanted,
// with its text.
func (d *Document) add(m Mention) {
	if d.accepts(&m) {
		m.Text = string(d.runes[m.Start:m.End])
		d.push(m)
	}
}

// addWithText is add for a mention whose Text is already the text of runes
// [start,end) (the place runs), which it does not build again.
func (d *Document) addWithText(m Mention) {
	if d.accepts(&m) {
		d.push(m)
	}
}

// accepts reports whether m is of a wanted type and spans some runes of
// the text.
func (d *Document) accepts(m *Mention) bool {
	return d.wants(m.Type) && m.Start >= 0 && m.End <= len(d.runes) && m.Start < m.End
}

// push appends m to the mentions.
func (d *Document) push(m Mention) {
	if d.Mentions == nil {
		// About one mention per 20 code points in news text: room for
		// most documents without regrowing (a Mention is large).
		d.Mentions = make([]Mention, 0, len(d.runes)/16+4)
	}
	d.Mentions = append(d.Mentions, m)
}

// MentionsOf returns the mentions of type t found so far.
func (d *Document) MentionsOf(t string) []Mention {
	var out []Mention
	for _, m := range d.Mentions {
		if m.Type == t {
			out = append(out, m)
		}
	}
	return out
}

// typeRank returns the position of mention type t in AllTypes.
func typeRank(t string) int {
	for i, k := range AllTypes {
		if k == t {
			return i
		}
	}
	return len(AllTypes)
}

// releaseScratch sets d.Mentions to the mentions collected in the
// scratch, sorted (see compareMentions) into a slice of their own, or,
// when borrow is set, into the scratch's sorted buffer, and detaches the
// scratch from d: the caller puts it back in the pool (release) once
// nothing uses its buffers.
func (d *Document) releaseScratch(borrow bool) {
	sc := d.scratch
	if sc == nil {
		return
	}
	sc.mentions = d.Mentions // append may have moved them
	if d.tokensInScratch {
		sc.tokens = d.tokens
		clear(sc.tokens) // drop the references into the text
		d.tokens, d.segDone, d.tokensInScratch = nil, false, false
	}
	if d.timesInScratch {
		sc.times = d.times
		clear(sc.times)
		d.times, d.timesDone, d.timesInScratch = nil, false, false
	}
	sc.order = slices.Grow(sc.order[:0], len(d.Mentions))
	var out []Mention
	if borrow {
		sc.sorted = slices.Grow(sc.sorted[:0], len(d.Mentions))
		out = sc.sorted[:len(d.Mentions)]
	}
	d.Mentions = sortedMentions(d.Mentions, sc.order, out)
	d.scratch = nil
}

// sortedMentions returns ms ordered by start, longer first, then by type,
// keeping the order of equal ones, in out when it has len(ms) mentions,
// else in a new slice of exactly len(ms) (nil when ms is empty). order is
// room for the permutation.
func sortedMentions(ms []Mention, order []int32, out []Mention) []Mention {
	if len(ms) == 0 {
		return nil
	}
	for i := range ms {
		order = append(order, int32(i))
	}
	// Sorted as indices, then moved once: a Mention is large, and a stable
	// sort of the structs themselves swaps each many times.
	cmpAt := func(i, j int32) int { return compareMentions(&ms[i], &ms[j]) }
	if !slices.IsSortedFunc(order, cmpAt) {
		slices.SortStableFunc(order, cmpAt)
	}
	if len(out) != len(ms) {
		out = make([]Mention, len(ms))
	}
	for k, i := range order {
		out[k] = ms[i]
	}
	return out
}

// compareMentions orders mentions by start, the longer first, then by
// type in the order of AllTypes.
func compareMentions(a, b *Mention) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	if a.End != b.End {
		return cmp.Compare(b.End, a.End)
	}
	if a.Type == b.Type {
		return 0
	}
	return cmp.Compare(typeRank(a.Type), typeRank(b.Type))
}
