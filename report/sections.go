package report

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tongbao/tongbao/stats"
)

var funcs = template.FuncMap{
	"f1": func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"f2": func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) },
	"g":  func(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) },
	"dash": func(s string) string {
		if s == "" {
			return "–"
		}
		return s
	},
}

func tmpl(name, text string) *template.Template {
	return template.Must(template.New(name).Funcs(funcs).Parse(text))
}

func exec(t *template.Template, data any) (template.HTML, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

var provenanceT = tmpl("provenance", `<dl class="prov">
{{if or .P.Inputs .P.Read}}<dt>Inputs</dt><dd>{{range $i, $x := .P.Inputs}}{{if $i}}, {{end}}<code>{{$x}}</code>{{else}}standard input{{end}}</dd>
<dt>Documents</dt><dd>{{.P.Read}} read; {{.P.Compared}} compared in {{.Groups}} groups; {{len .P.LeftOut}} left out{{if .P.LeftOut}} (listed below){{end}}.</dd>
{{else}}<dt>Inputs</dt><dd>not recorded ({{.Groups}} groups)</dd>{{end}}
{{if .P.Settings}}<dt>Settings</dt><dd><table><tbody>{{range .P.Settings}}<tr><th>{{.Name}}</th><td>{{.Value}}</td></tr>{{end}}</tbody></table></dd>{{end}}
<dt>Method</dt><dd>Key terms: G² (log-likelihood) with Williams' correction, each group against all the other groups together, as in quanteda's textstat_keyness; p is the chi-square (1 df) tail probability.
Similarity: cosine of the groups' TF-IDF vectors and Jaccard overlap of their term sets.
Rates are per 100,000 characters of the group. Slogans, people, offices and counted objects are the extractor's output, not reviewed.</dd>
{{range .P.Notes}}<dd>{{.}}</dd>{{end}}
</dl>
{{if .P.LeftOut}}<h3>Documents left out</h3>
<input type="search" class="filter" data-table="t-leftout" placeholder="filter…" aria-label="filter the documents left out">
<div class="scroll" style="max-height: 16em"><table class="sortable" id="t-leftout"><thead><tr><th>document</th><th>reason</th></tr></thead><tbody>
{{range .P.LeftOut}}<tr><td>{{.ID}}</td><td>{{.Reason}}</td></tr>
{{end}}</tbody></table></div>{{end}}`)

func provenanceSection(r *Report) (template.HTML, error) {
	return exec(provenanceT, map[string]any{"P": r.Provenance, "Groups": len(r.Comparison.Groups)})
}

var groupsT = tmpl("groups", `<input type="search" class="filter" data-table="t-groups" placeholder="filter…" aria-label="filter the groups">
<div class="scroll"><table class="sortable" id="t-groups"><thead><tr><th>group</th><th data-type="num">documents</th><th data-type="num">characters</th><th data-type="num">terms</th><th>from</th><th>to</th></tr></thead><tbody>
{{range .}}<tr><td>{{.Group}}</td><td class="n">{{.Docs}}</td><td class="n">{{.Chars}}</td><td class="n">{{.Terms}}</td><td>{{.From}}</td><td>{{.To}}</td></tr>
{{end}}</tbody></table></div>
<p class="note">Dates are those of the documents (cut to the precision all of them have); terms are the words counted (stopwords and one-character words left out).</p>`)

func groupsSection(r *Report) (template.HTML, error) {
	gs := r.Comparison.Groups
	var dates []string
	for _, g := range gs {
		dates = append(dates, g.DateFrom, g.DateTo)
	}
	dates = DateShape(dates)
	type row struct {
		Group              string
		Docs, Chars, Terms int64
		From, To           string
	}
	rows := make([]row, len(gs))
	for i, g := range gs {
		rows[i] = row{g.Group, g.Docs, g.Chars, g.Terms, dates[2*i], dates[2*i+1]}
	}
	return exec(groupsT, rows)
}

var similarityT = tmpl("similarity", `<p class="note">Each cell compares two groups (hover for the value); the colour scale runs from the lowest to the highest value between different groups; the diagonal (a group with itself) is masked.</p>
<div class="charts"><div class="chartbox">{{.Cosine}}</div><div class="chartbox">{{.Jaccard}}</div></div>`)

func similaritySection(r *Report) (template.HTML, error) {
	c := r.Comparison
	if len(c.Groups) < 2 {
		return "", nil
	}
	return exec(similarityT, map[string]any{
		"Cosine":  Heatmap(c.Cosine, "余弦相似度 cosine similarity (TF-IDF)", "cosine"),
		"Jaccard": Heatmap(c.Jaccard, "Jaccard 相似度 Jaccard similarity", "Jaccard"),
	})
}

var keynessT = tmpl("keyness", `<p class="note">For each group, the terms most over-represented (blue, right) and under-represented (grey, left) against all the other groups together, by G². Click a term for its lines in context. Numbers, years and measure words are {{if .KeepNumbers}}kept{{else}}left out{{end}}.</p>
<div class="wide">{{range .Charts}}<div class="chartbox">{{.}}</div>{{end}}</div>
<h3>All key terms</h3>
<input type="search" class="filter" data-table="t-keyness" placeholder="filter…" aria-label="filter the key terms">
<div class="scroll"><table class="sortable" id="t-keyness"><thead><tr><th>group</th><th data-type="num">rank</th><th>term</th><th data-type="num">count in group</th><th data-type="num">per 10k terms</th><th data-type="num">count in others</th><th data-type="num">per 10k terms (others)</th><th data-type="num">G²</th><th data-type="num">log ratio</th><th data-type="num">p</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Group}}</td><td class="n" data-v="{{.Rank}}">{{.Rank}}</td><td>{{if .Href}}<a href="{{.Href}}">{{.Term}}</a>{{else}}{{.Term}}{{end}}</td><td class="n">{{.NTarget}}</td><td class="n" data-v="{{.RateT}}">{{f2 .RateT}}</td><td class="n">{{.NReference}}</td><td class="n" data-v="{{.RateR}}">{{f2 .RateR}}</td><td class="n" data-v="{{.G2}}">{{f1 .G2}}</td><td class="n" data-v="{{.LogRatio}}">{{f2 .LogRatio}}</td><td class="n" data-v="{{.P}}">{{g .P}}</td></tr>
{{end}}</tbody></table></div>
<p class="note">Rank: 1, 2, … over-represented; −1, −2, … under-represented.</p>`)

func keynessSection(r *Report) (template.HTML, error) {
	n := r.KeyTerms
	if n <= 0 {
		n = 10
	}
	type row struct {
		stats.KeynessRow
		Rank         int
		Href         string
		RateT, RateR float64
	}
	var charts []template.HTML
	var rows []row
	link := func(t string) string { return r.Link("term", t) }
	for _, g := range r.Comparison.Groups {
		charts = append(charts, KeynessChart(g, n, link))
		add := func(k stats.KeynessRow, rank int) {
			rw := row{KeynessRow: k, Rank: rank, Href: link(k.Term)}
			rw.Group = g.Group
			if k.TotalTarget > 0 {
				rw.RateT = float64(k.NTarget) / float64(k.TotalTarget) * 1e4
			}
			if k.TotalReference > 0 {
				rw.RateR = float64(k.NReference) / float64(k.TotalReference) * 1e4
			}
			rows = append(rows, rw)
		}
		for i, k := range g.Keyness {
			add(k, i+1)
		}
		for i, k := range g.Negative {
			add(k, -(i + 1))
		}
	}
	keep := false
	for _, s := range r.Provenance.Settings {
		if s.Name == "numbers in key terms" && s.Value == "kept" {
			keep = true
		}
	}
	return exec(keynessT, map[string]any{"Charts": charts, "Rows": rows, "KeepNumbers": keep})
}

var slogansT = tmpl("slogans", `{{if .Charts}}<h3>Rates over the groups</h3>
<p class="note">The {{len .Charts}} slogans most used overall, in occurrences per 100,000 characters of each group (same groups on every x axis; each chart has its own y scale). Hover a point for its count.</p>
<div class="multiples">{{range .Charts}}<div class="chartbox">{{.}}</div>{{end}}</div>{{end}}
<h3>Counts</h3>
<p class="note">Occurrences of each of the {{len .Rows}} slogans most used overall, in every group (a blank is a true zero). Shading: rate per 100,000 characters of the group,
<span class="swatch" style="background: linear-gradient(to right, {{.Ramp}})"></span> 0 … {{f1 .Max}} (square-root scale). First seen: the earliest dated document using it. Click a slogan for its lines in context.</p>
<input type="search" class="filter" data-table="t-slogans" placeholder="filter…" aria-label="filter the slogans">
<div class="scroll"><table class="sortable" id="t-slogans"><thead><tr><th>slogan</th><th data-type="num">total</th><th>first seen</th>{{range .Groups}}<th data-type="num">{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Rows}}<tr><td>{{if .Href}}<a href="{{.Href}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</td><td class="n">{{.Total}}</td><td title="{{.FirstGroup}}">{{dash .First}}</td>{{range .Cells}}<td class="n" data-v="{{.Count}}" data-group="{{.Group}}" style="{{.Style}}" title="{{.Title}}">{{if .Count}}{{.Count}}{{end}}</td>{{end}}</tr>
{{end}}</tbody></table></div>`)

func slogansSection(r *Report) (template.HTML, error) {
	c := r.Comparison
	if len(c.Slogans) == 0 {
		return template.HTML(`<p class="note">No slogans were extracted.</p>`), nil
	}
	names := make([]string, len(c.Groups))
	chars := make([]int64, len(c.Groups))
	for i, g := range c.Groups {
		names[i], chars[i] = g.Group, g.Chars
	}
	k := r.RateCharts
	if k <= 0 {
		k = 12
	}
	var charts []template.HTML
	if len(c.Groups) > 1 {
		for _, s := range c.Slogans[:min(k, len(c.Slogans))] {
			charts = append(charts, RateChart(s.Name, names, chars, s.Counts, r.Link("slogan", s.Name)))
		}
	}
	type cellT struct {
		Count        int64
		Group, Title string
		Style        template.CSS
	}
	type rowT struct {
		Name, Href, First, FirstGroup string
		Total                         int64
		Cells                         []cellT
	}
	rate := func(n int64, gi int) float64 {
		if chars[gi] == 0 {
			return 0
		}
		return float64(n) / float64(chars[gi]) * 1e5
	}
	hi := 0.0
	for _, s := range c.Slogans {
		for gi, n := range s.Counts {
			hi = math.Max(hi, rate(n, gi))
		}
	}
	var rows []rowT
	var firsts []string
	for _, s := range c.Slogans {
		row := rowT{Name: s.Name, Href: r.Link("slogan", s.Name), Total: s.Total}
		for gi, n := range s.Counts {
			if f := s.First[gi]; f != "" && (row.First == "" || f < row.First) {
				row.First, row.FirstGroup = f, names[gi]
			}
			f := rate(n, gi)
			style := template.CSS("")
			if n > 0 && hi > 0 {
				t := math.Sqrt(f / hi)
				style = template.CSS(fmt.Sprintf("background: %s; color: %s", colorAt(t), inkOn(t)))
			}
			row.Cells = append(row.Cells, cellT{Count: n, Group: names[gi], Style: style,
				Title: fmt.Sprintf("%s · %s: %d (%.2f per 100k chars) in %d documents, first %s", s.Name, names[gi], n, f, s.Docs[gi], dashed(s.First[gi]))})
		}
		rows = append(rows, row)
		firsts = append(firsts, row.First)
	}
	for i, f := range DateShape(firsts) {
		rows[i].First = f
	}
	var ramp []string
	for i := 0; i <= 8; i++ {
		ramp = append(ramp, colorAt(float64(i)/8))
	}
	return exec(slogansT, map[string]any{"Charts": charts, "Rows": rows, "Groups": names, "Max": hi,
		"Ramp": template.CSS(strings.Join(ramp, ", "))})
}

func dashed(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

var namedT = tmpl("named", `<input type="search" class="filter" data-table="{{.ID}}" placeholder="filter…" aria-label="filter">
<div class="scroll" style="max-height: 30em"><table class="sortable" id="{{.ID}}"><thead><tr><th>group</th><th>{{.What}}</th><th data-type="num">mentions</th><th data-type="num">documents</th><th>first seen</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Group}}</td><td>{{.Name}}</td><td class="n">{{.Count}}</td><td class="n">{{.Docs}}</td><td>{{dash .First}}</td></tr>
{{else}}<tr><td colspan="5">none</td></tr>
{{end}}</tbody></table></div>`)

type namedRow struct {
	Group string
	stats.Named
}

func namedTable(id, what string, c *stats.Comparison, pick func(stats.GroupSummary) []stats.Named) (template.HTML, error) {
	var rows []namedRow
	for _, g := range c.Groups {
		for _, n := range pick(g) {
			rows = append(rows, namedRow{g.Group, n})
		}
	}
	return exec(namedT, map[string]any{"ID": id, "What": what, "Rows": rows})
}

func peopleSection(r *Report) (template.HTML, error) {
	c := r.Comparison
	p, err := namedTable("t-people", "person", c, func(g stats.GroupSummary) []stats.Named { return g.People })
	if err != nil {
		return "", err
	}
	o, err := namedTable("t-offices", "office", c, func(g stats.GroupSummary) []stats.Named { return g.Offices })
	if err != nil {
		return "", err
	}
	return template.HTML(`<p class="note">The people and offices each group mentions most, as extracted (not reviewed: expect some noise).</p><h3>People</h3>`) +
		p + template.HTML(`<h3>Offices</h3>`) + o, nil
}

func claimsSection(r *Report) (template.HTML, error) {
	t, err := namedTable("t-claims", "counted object", r.Comparison, func(g stats.GroupSummary) []stats.Named { return g.Claims })
	if err != nil {
		return "", err
	}
	return template.HTML(`<p class="note">The objects each group's quantified claims count most often (e.g. 万吨 of grain counts as 粮食).</p>`) + t, nil
}

var kwicT = tmpl("kwic", `<p class="note">Lines in context of the key terms and slogans (at most {{.Per}} from each group); the links in the charts and tables lead here.</p>
{{range .Blocks}}<div class="kwic" id="{{.ID}}"><h3>{{.Kind}} · {{.Name}}</h3>
<table><tbody>{{range .Lines}}<tr><td>{{.Group}}</td><td>{{.ID}}</td><td class="l">{{.Left}}</td><td class="m">{{.Match}}</td><td class="r">{{.Right}}</td></tr>
{{end}}</tbody></table></div>
{{end}}`)

func kwicSection(r *Report) (template.HTML, error) {
	if r.KWIC == nil || len(r.anchors) == 0 {
		return "", nil
	}
	type block struct {
		ID, Kind, Name string
		Lines          []KWICLine
	}
	var blocks []block
	for k, id := range r.anchors {
		kind, name, _ := strings.Cut(k, "\x00")
		blocks = append(blocks, block{id, kind, name, r.KWIC.lines[k]})
	}
	sort.Slice(blocks, func(i, j int) bool {
		if blocks[i].Kind != blocks[j].Kind {
			return blocks[i].Kind < blocks[j].Kind
		}
		return blocks[i].Name < blocks[j].Name
	})
	return exec(kwicT, map[string]any{"Blocks": blocks, "Per": r.KWIC.PerGroup})
}
