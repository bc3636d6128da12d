// Package report renders a comparison of groups of documents
// (stats.Comparison) as one self-contained HTML page: inline SVG charts,
// tables that sort and filter with a small inline script, concordance
// lines linked from the terms and slogans, and a provenance block. Nothing
// on the page is loaded from the network.
//
// The page is a list of sections (DefaultSections); a caller may add its
// own Section to Report.Sections.
package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/tongbao/tongbao/stats"
)

// Report is what the page shows.
type Report struct {
	Title      string
	Comparison *stats.Comparison
	Provenance Provenance
	// KWIC holds the concordance lines the terms and slogans link to (nil:
	// no links).
	KWIC *Concordance
	// Sections are rendered in order; nil means DefaultSections().
	Sections []Section
	// KeyTerms is the number of over- and of under-represented terms drawn
	// in each group's keyness chart (0: 10).
	KeyTerms int
	// RateCharts is the number of slogans drawn as rate charts (0: 12).
	RateCharts int

	anchors map[string]string
}

// Provenance says where the figures come from.
type Provenance struct {
	// Inputs are the files, folders or archives read.
	Inputs []string
	// Settings are the options that shape the figures, in display order.
	Settings []Setting
	// Read is the number of documents read; Compared the number in a group.
	Read, Compared int
	// LeftOut lists the documents read but not compared, with the reason.
	LeftOut []LeftOut
	// Notes are further remarks (e.g. what the concordance lacks).
	Notes []string
}

// Setting is one option and its value.
type Setting struct{ Name, Value string }

// LeftOut is a document not compared and why.
type LeftOut struct{ ID, Reason string }

// Section is one part of the page.
type Section struct {
	// ID is the section's anchor; Title its heading.
	ID, Title string
	// Render returns the section's body ("" leaves the section out).
	Render func(r *Report) (template.HTML, error)
}

// DefaultSections are the sections of the page, in order: provenance,
// groups, similarity, key terms, slogans, people and offices, claims, and
// the concordance.
func DefaultSections() []Section {
	return []Section{
		{ID: "provenance", Title: "Provenance", Render: provenanceSection},
		{ID: "groups", Title: "Groups", Render: groupsSection},
		{ID: "similarity", Title: "Similarity between groups", Render: similaritySection},
		{ID: "keyness", Title: "Key terms of each group", Render: keynessSection},
		{ID: "slogans", Title: "Slogans by group", Render: slogansSection},
		{ID: "people", Title: "People and offices", Render: peopleSection},
		{ID: "claims", Title: "Quantified claims", Render: claimsSection},
		{ID: "kwic", Title: "Concordance", Render: kwicSection},
	}
}

// Concordance collects keyword-in-context lines by kind ("term",
// "slogan") and name, at most PerGroup lines of a name from each group.
type Concordance struct {
	PerGroup int
	lines    map[string][]KWICLine
	perGroup map[string]int
}

// KWICLine is a concordance line with the group of its document.
type KWICLine struct {
	Group string `json:"group"`
	stats.Line
}

// NewConcordance returns an empty Concordance keeping perGroup lines of a
// name from each group.
func NewConcordance(perGroup int) *Concordance {
	return &Concordance{PerGroup: perGroup, lines: map[string][]KWICLine{}, perGroup: map[string]int{}}
}

func ckey(kind, name string) string { return kind + "\x00" + name }

// Add adds a line of name (of kind) found in a document of group; it
// reports false when the name already has PerGroup lines from the group.
func (c *Concordance) Add(kind, name, group string, l stats.Line) bool {
	k := ckey(kind, name)
	gk := k + "\x00" + group
	if c.perGroup[gk] >= c.PerGroup {
		return false
	}
	c.perGroup[gk]++
	c.lines[k] = append(c.lines[k], KWICLine{Group: group, Line: l})
	return true
}

// Full reports whether name (of kind) has PerGroup lines from group.
func (c *Concordance) Full(kind, name, group string) bool {
	return c.perGroup[ckey(kind, name)+"\x00"+group] >= c.PerGroup
}

// Lines returns the lines of name (of kind), in the order added.
func (c *Concordance) Lines(kind, name string) []KWICLine {
	if c == nil {
		return nil
	}
	return c.lines[ckey(kind, name)]
}

// Link returns the in-page href of the concordance of name (of kind), ""
// when it has no lines.
func (r *Report) Link(kind, name string) string {
	if a := r.anchors[ckey(kind, name)]; a != "" {
		return "#" + a
	}
	return ""
}

func (r *Report) index() {
	r.anchors = map[string]string{}
	if r.KWIC == nil {
		return
	}
	keys := make([]string, 0, len(r.KWIC.lines))
	for k := range r.KWIC.lines {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		r.anchors[k] = "kwic-" + strconv.Itoa(i+1)
	}
}

// Write renders the page to w.
func (r *Report) Write(w io.Writer) error {
	if r.Comparison == nil {
		return fmt.Errorf("report: no comparison")
	}
	r.index()
	secs := r.Sections
	if secs == nil {
		secs = DefaultSections()
	}
	type rendered struct {
		ID, Title string
		Body      template.HTML
	}
	var out []rendered
	for _, s := range secs {
		body, err := s.Render(r)
		if err != nil {
			return fmt.Errorf("report: section %s: %w", s.ID, err)
		}
		if body != "" {
			out = append(out, rendered{s.ID, s.Title, body})
		}
	}
	title := r.Title
	if title == "" {
		title = DefaultTitle(r.Comparison)
	}
	return page.Execute(w, map[string]any{"Title": title, "Sections": out, "Font": template.CSS(FontStack),
		"Script": template.JS(script)})
}

// HTML returns the page.
func (r *Report) HTML() ([]byte, error) {
	var b bytes.Buffer
	err := r.Write(&b)
	return b.Bytes(), err
}

// DefaultTitle names the comparison by its number of groups and the first
// and last group (one short line whatever the number of groups).
func DefaultTitle(c *stats.Comparison) string {
	n := len(c.Groups)
	switch n {
	case 0:
		return "tongbao compare"
	case 1:
		return "tongbao compare: " + c.Groups[0].Group
	case 2:
		return "tongbao compare: " + c.Groups[0].Group + " · " + c.Groups[1].Group
	}
	return fmt.Sprintf("tongbao compare: %d groups, %s … %s", n, c.Groups[0].Group, c.Groups[n-1].Group)
}

// DateShape cuts every date of a list to the precision they all have (year,
// year-month or day), so a column shows one shape: 2012 and 2019-03-04
// are both shown as years.
func DateShape(dates []string) []string {
	prec := 10
	for _, d := range dates {
		if d == "" {
			continue
		}
		switch {
		case len(d) >= 10:
		case len(d) >= 7:
			prec = min(prec, 7)
		default:
			prec = min(prec, 4)
		}
	}
	out := make([]string, len(dates))
	for i, d := range dates {
		if len(d) > prec {
			d = d[:prec]
		}
		out[i] = d
	}
	return out
}

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: {{.Font}}; margin: 1.5em 2em; color: #222; max-width: 1400px; line-height: 1.4; }
h1 { font-size: 1.4em; margin: 0 0 .3em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; margin: 1em 0 .3em; }
nav a { margin-right: 1em; }
table { border-collapse: collapse; margin: .4em 0; font-size: .88em; }
th, td { border: 1px solid #ddd; padding: 2px 7px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
.scroll { overflow: auto; max-width: 100%; max-height: 80vh; border: 1px solid #eee; }
.scroll table { margin: 0; }
#t-slogans td, #t-slogans th, #t-keyness td { white-space: nowrap; }
.scroll th:first-child, .scroll td:first-child { position: sticky; left: 0; background: #fff; z-index: 1; }
.scroll thead th { position: sticky; top: 0; z-index: 2; }
.scroll thead th:first-child { z-index: 3; background: #f3f3f3; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: .6em; }
.wide { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: .8em; }
.chartbox { overflow: auto; max-width: 100%; }
svg.chart { display: block; }
svg.chart a text { fill: #1a55a0; }
.note { color: #555; font-size: .9em; }
.filter { margin: .3em 0; padding: 2px 6px; font: inherit; width: 18em; }
.swatch { display: inline-block; width: 12em; height: .9em; vertical-align: middle; border: 1px solid #bbb; }
.kwic { margin-bottom: 1em; }
.kwic:target { outline: 2px solid #f0b400; }
.kwic td.l { text-align: right; color: #444; } .kwic td.r { color: #444; } .kwic td.m { font-weight: bold; white-space: nowrap; }
dl.prov dt { font-weight: bold; } dl.prov dd { margin: 0 0 .5em 1.5em; }
</style>
</head>
<body>
<h1 title="{{.Title}}">{{.Title}}</h1>
<nav>{{range .Sections}}<a href="#{{.ID}}">{{.Title}}</a>{{end}}</nav>
{{range .Sections}}<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{.Body}}
</section>
{{end}}<script>{{.Script}}</script>
</body>
</html>
`))

// script sorts a table.sortable when a header is clicked (numbers by the
// cell's data-v, else its text; first click: numbers descending, text
// ascending) and filters the rows of the table named by an input.filter's
// data-table.
const script = `
(function () {
  function key(td, num) {
    var v = td ? (td.getAttribute('data-v') !== null ? td.getAttribute('data-v') : td.textContent) : '';
    if (!num) return v.trim();
    var x = parseFloat(v);
    return isNaN(x) ? -Infinity : x;
  }
  function sortBy(table, col, th) {
    var num = th.getAttribute('data-type') === 'num';
    var cur = th.getAttribute('aria-sort');
    var asc = cur ? cur === 'descending' : !num;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col], num), y = key(b.cells[col], num);
      var c = num ? (x < y ? -1 : x > y ? 1 : 0) : String(x).localeCompare(String(y), 'zh');
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    if (!table.tHead || !table.tBodies[0]) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      th.title = 'sort';
      th.addEventListener('click', function () { sortBy(table, col, th); });
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sortBy(table, col, th); });
    });
  });
  document.querySelectorAll('input.filter').forEach(function (input) {
    var table = document.getElementById(input.getAttribute('data-table'));
    if (!table) return;
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  });
})();
`

// Keep drops the names of kind for which keep returns false.
func (c *Concordance) Keep(kind string, keep func(name string) bool) {
	for k := range c.lines {
		kd, name, _ := strings.Cut(k, "\x00")
		if kd == kind && !keep(name) {
			delete(c.lines, k)
		}
	}
}
