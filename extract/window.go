package extract

import (
	"maps"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tongbao/tongbao/zhconv"
)

// DefaultWindow is the window size, in bytes of text, of
// NewDocumentWindowed when none is given. Extraction takes about fifty
// times the size of the text it works on at once; a window of 1 MB keeps
// that near 60 MB whatever the document's length. Documents up to this
// size are extracted whole.
const DefaultWindow = 256 << 10

// NewDocumentWindowed is NewDocument for a text of any length in bounded
// memory: the text is cut into windows of at most window bytes
// (DefaultWindow when window < 1), each window is extracted with
// NewDocument, and the results are joined into one Document whose offsets
// index the whole text. A text no longer than a window is extracted whole,
// exactly as NewDocument does.
//
// Boundaries. A window ends after the last line break in its second half;
// when there is none, after the last sentence end (。！？；!?;) there; when
// there is none either (a text without punctuation), at the last character
// boundary before the limit. Mentions are those of whole-document
// extraction wherever no boundary cuts a mention, which line and sentence
// ends do not.
//
// Document-level state carried across windows: the names of the people
// found so far (a name found once is found again wherever the segmenter
// cuts it cleanly, as in one text); the first window decides
// the document's title, date, byline, home, year, speaker and genre, and
// every later window is extracted with them as metadata overrides (see
// WithMetaOverride; fields the caller overrides stay the caller's), so
// that relative and partial times resolve against the same date and year
// and abbreviated organizations expand with the same home. Sections are
// joined; people, places and organizations are merged by name (counts
// added, titles joined in order of appearance, the first offset kept).
// The headings in force at the end of a window, with the years they name,
// are carried to the next one, so that a time without a year of its own
// takes the year of its section (一、2018年工作回顾 …… 一季度) as in one
// text (time_section.go). What is not carried: lists or names cut by a
// boundary in a text without punctuation.
//
// The Document's Runes and Tokens are those of the last window only; its
// Text is the whole text.
func NewDocumentWindowed(text string, window int, opts ...Option) (*Document, error) {
	var ms []Mention
	doc, err := NewDocumentStream(text, window, func(m []Mention) error {
		ms = append(ms, m...)
		return nil
	}, opts...)
	if err != nil {
		return nil, err
	}
	doc.Mentions = ms
	return doc, nil
}

// NewDocumentStream is NewDocumentWindowed that hands the mentions to emit
// as each window is done, in order of offset, instead of holding them: the
// Document it returns has every field but Mentions (empty). Memory then
// holds the text, one window's work and the document-level fields only.
// An error from emit stops the extraction and is returned. The slice emit
// receives is reused once emit returns: emit copies the mentions it keeps
// (a Mention copied by value is its own).
func NewDocumentStream(text string, window int, emit func([]Mention) error, opts ...Option) (*Document, error) {
	if t2sOf(opts) != zhconv.Never { // Traditional text: see t2s.go
		return streamT2S(text, window, emit, opts)
	}
	if window < 1 {
		window = DefaultWindow
	}
	if len(text) <= window {
		return newDocument(text, opts, emit)
	}
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	var doc *Document
	var carried []Option
	var sections []sectionYear // the headings in force at the end of the last window
	base := 0                  // code points before the window
	for start := 0; start < len(text); {
		end := windowEnd(text, start, window)
		part := text[start:end]
		wopts := append(append([]Option(nil), opts...), carried...)
		if doc != nil {
			wopts = append(wopts, withKnownPeople(doc.People), withSectionYears(sections))
		}
		d, err := newDocument(part, wopts, func(ms []Mention) error {
			for i := range ms {
				ms[i].Start += base
				ms[i].End += base
			}
			return emit(ms)
		})
		if err != nil {
			return nil, err
		}
		sections = sectionYearsAtEnd(d)
		if doc == nil {
			doc = d
			carried = []Option{WithMetaOverride(carryFields(d, cfg.metaOverride))}
		} else {
			joinWindow(doc, d, base)
		}
		base += utf8.RuneCountInString(part)
		start = end
	}
	doc.Text = text
	return doc, nil
}

// windowEnd returns where the window starting at start ends.
func windowEnd(text string, start, window int) int {
	limit := start + window
	if limit >= len(text) {
		return len(text)
	}
	for limit > start && !utf8.RuneStart(text[limit]) {
		limit--
	}
	half := start + window/2
	if i := strings.LastIndexByte(text[half:limit], '\n'); i >= 0 {
		return half + i + 1
	}
	best := -1
	for _, r := range sentenceEndMarks {
		p := string(r)
		if i := strings.LastIndex(text[half:limit], p); i >= 0 && half+i+len(p) > best {
			best = half + i + len(p)
		}
	}
	if best > 0 {
		return best
	}
	if limit == start { // cannot happen with window >= 4; be safe
		_, n := utf8.DecodeRuneInString(text[start:])
		return start + n
	}
	return limit
}

// withKnownPeople passes the names found in earlier windows to the person
// stage, which finds a name it knows wherever the segmenter cuts it
// cleanly, as it does for a name found earlier in one text.
func withKnownPeople(people []Entity) Option {
	names := make([]string, len(people))
	for i, e := range people {
		names[i] = e.Name
	}
	return func(c *config) { c.knownPeople = names }
}

// carryFields returns the metadata of the first window as override fields
// for the next ones, with the caller's own overrides on top.
func carryFields(d *Document, user map[string]string) map[string]string {
	f := map[string]string{}
	if d.Home != nil {
		f["home"], f["code"], f["level"] = d.Home.Name, d.Home.Code, d.Home.Level
	}
	if d.Year != nil {
		f["year"] = strconv.Itoa(*d.Year)
	}
	if d.Date != nil && len(*d.Date) == len("2006-01-02") {
		f["date"] = *d.Date
	}
	if d.Speaker != nil {
		f["speaker"], f["office"] = d.Speaker.Name, d.Speaker.Office
	}
	if d.Genre != "" {
		f["genre"] = d.Genre
	}
	maps.Copy(f, user)
	return f
}

// joinWindow adds the results of a later window, whose text starts base
// code points into the document, to doc.
func joinWindow(doc, d *Document, base int) {
	for _, s := range d.Sections {
		s.Start += base
		s.End += base
		doc.Sections = append(doc.Sections, s)
	}
	doc.People = mergeEntities(doc.People, d.People, base)
	doc.Places = mergeEntities(doc.Places, d.Places, base)
	doc.Orgs = mergeEntities(doc.Orgs, d.Orgs, base)
	doc.docContext = d.docContext
}

// mergeEntities adds the entities of a later window to those found so far.
func mergeEntities(all, more []Entity, base int) []Entity {
	at := make(map[string]int, len(all))
	for i, e := range all {
		at[e.Name] = i
	}
	for _, e := range more {
		i, ok := at[e.Name]
		if !ok {
			e.First += base
			at[e.Name] = len(all)
			all = append(all, e)
			continue
		}
		a := &all[i]
		a.Count += e.Count
		for _, t := range e.Titles {
			if !windowHas(a.Titles, t) {
				a.Titles = append(a.Titles, t)
			}
		}
		if a.Code == nil {
			a.Code = e.Code
		}
	}
	return all
}

func windowHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
