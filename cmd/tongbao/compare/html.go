package compare

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/width"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tongbao/tongbao/stats"
)

// cjkFonts is the font-family list written into the SVG text: plot's own
// font first, then fonts that have Chinese glyphs on common systems, then
// the generic family, so that a browser always finds a face for CJK text.
const cjkFonts = `font-family:'Liberation Serif','Times New Roman','Noto Serif CJK SC','Source Han Serif SC','Songti SC',SimSun,'Noto Sans CJK SC','Microsoft YaHei',serif;`

// label prepares text drawn by plot: plot measures it with the metrics of a
// Latin font, which give a CJK character about 0.78 em where a browser
// draws 1 em. One trailing space per wide character makes the measured
// width right; SVG drops trailing spaces when it renders.
func label(s string) string {
	n := 0
	for _, r := range s {
		if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			n++
		}
	}
	return s + strings.Repeat(" ", n)
}

// svgOf renders p as inline SVG markup (no XML declaration) with the CJK
// font fallback.
func svgOf(p *plot.Plot, w, h vg.Length) (template.HTML, error) {
	wt, err := p.WriterTo(w, h, "svg")
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if _, err := wt.WriteTo(&b); err != nil {
		return "", err
	}
	s := b.String()
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	for _, fam := range []string{"Liberation Serif", "Liberation Sans", "Liberation Mono"} {
		s = strings.ReplaceAll(s, "font-family:"+fam+";", cjkFonts)
	}
	return template.HTML(s), nil
}

type grid struct{ m [][]float64 }

func (g grid) Dims() (c, r int)   { return len(g.m), len(g.m) }
func (g grid) Z(c, r int) float64 { return g.m[len(g.m)-1-r][c] }
func (g grid) X(c int) float64    { return float64(c) }
func (g grid) Y(r int) float64    { return float64(r) }

func ticks(names []string, reverse bool) plot.ConstantTicks {
	var t plot.ConstantTicks
	for i, n := range names {
		v := float64(i)
		if reverse {
			v = float64(len(names) - 1 - i)
		}
		t = append(t, plot.Tick{Value: v, Label: label(n)})
	}
	return t
}

// heatmap draws a similarity matrix with the value in each cell.
func heatmap(m stats.Matrix, title string) (template.HTML, error) {
	n := len(m.Names)
	p := plot.New()
	p.Title.Text = label(title)
	lo, hi := 1.0, 0.0
	for i := range m.Values {
		for j, v := range m.Values[i] {
			if i != j {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if n < 2 || lo >= hi {
		lo, hi = 0, 1
	}
	pal := moreland.SmoothBlueRed()
	pal.SetMin(lo)
	pal.SetMax(hi)
	hm := plotter.NewHeatMap(grid{m.Values}, pal.Palette(64))
	hm.Min, hm.Max = lo, hi
	hm.Overflow = color.RGBA{0xb4, 0x04, 0x26, 0xff}
	hm.Underflow = color.RGBA{0x3b, 0x4c, 0xc0, 0xff}
	p.Add(hm)
	var xys plotter.XYs
	var labels []string
	for i := range m.Values {
		for j, v := range m.Values[i] {
			xys = append(xys, plotter.XY{X: float64(j), Y: float64(n - 1 - i)})
			labels = append(labels, strconv.FormatFloat(v, 'f', 2, 64))
		}
	}
	if n <= 16 {
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return "", err
		}
		for i := range lb.TextStyle {
			lb.TextStyle[i].XAlign = draw.XCenter
			lb.TextStyle[i].YAlign = draw.YCenter
			// white on the saturated ends of the palette, black in between
			if v, _ := strconv.ParseFloat(labels[i], 64); (v-lo)/(hi-lo) > 0.2 && (v-lo)/(hi-lo) < 0.8 {
				lb.TextStyle[i].Color = color.Black
			} else {
				lb.TextStyle[i].Color = color.White
			}
		}
		p.Add(lb)
	}
	p.X.Tick.Marker = ticks(m.Names, false)
	p.Y.Tick.Marker = ticks(m.Names, true)
	p.X.Tick.Label.Rotation = math.Pi / 4
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	side := vg.Length(2.2+0.55*float64(n)) * vg.Inch
	return svgOf(p, side+1.2*vg.Inch, side)
}

var groupColors = []color.RGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xd6, 0x27, 0x28, 0xff}, {0x2c, 0xa0, 0x2c, 0xff}, {0xff, 0x7f, 0x0e, 0xff},
	{0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff}, {0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff},
	{0xbc, 0xbd, 0x22, 0xff}, {0x17, 0xbe, 0xcf, 0xff},
}

// dateValue turns an ISO date prefix into a fractional year.
func dateValue(s string) (float64, bool) {
	if len(s) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0, false
	}
	v := float64(y)
	if len(s) >= 7 {
		if m, err := strconv.Atoi(s[5:7]); err == nil && m >= 1 && m <= 12 {
			v += float64(m-1) / 12
		}
	}
	return v, true
}

// timeline draws, for each slogan row, when each group first used it.
func timeline(rows []sloganRow, groups []string) (template.HTML, error) {
	p := plot.New()
	p.Title.Text = label("首次出现 / first appearance")
	p.X.Label.Text = label("年份 / year")
	var names []string
	for i := len(rows) - 1; i >= 0; i-- {
		names = append(names, rows[i].Slogan)
	}
	points, legend := 0, 0
	for gi, g := range groups {
		var xys plotter.XYs
		for ri, r := range rows {
			if v, ok := dateValue(r.First[gi]); ok {
				xys = append(xys, plotter.XY{X: v, Y: float64(len(rows) - 1 - ri)})
			}
		}
		if len(xys) == 0 {
			continue
		}
		points += len(xys)
		s, err := plotter.NewScatter(xys)
		if err != nil {
			return "", err
		}
		s.GlyphStyle.Color = groupColors[gi%len(groupColors)]
		s.GlyphStyle.Radius = vg.Points(4)
		s.GlyphStyle.Shape = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.RingGlyph{}}[gi/len(groupColors)%5]
		p.Add(s)
		p.Legend.Add(label(g), s)
		legend++
	}
	if points == 0 {
		return "", nil
	}
	p.Add(plotter.NewGrid())
	p.Y.Tick.Marker = ticks(names, false)
	// empty rows above the slogans hold the legend (one entry ≈ 0.45 row)
	extra := math.Ceil(0.45*float64(legend)) + 1
	p.Y.Min, p.Y.Max = -0.7, float64(len(rows))-0.3+extra
	p.X.Min, p.X.Max = p.X.Min-1, p.X.Max+1
	p.X.Tick.Marker = yearTicks{}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(4)
	return svgOf(p, 9*vg.Inch, vg.Length(1.6+0.28*(float64(len(rows))+extra))*vg.Inch)
}

// yearTicks labels whole years.
type yearTicks struct{}

func (yearTicks) Ticks(min, max float64) []plot.Tick {
	span := max - min
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 50} {
		step = s
		if span/s <= 12 {
			break
		}
	}
	var t []plot.Tick
	for y := math.Ceil(min/step) * step; y <= max; y += step {
		t = append(t, plot.Tick{Value: y, Label: strconv.Itoa(int(y))})
	}
	return t
}

// sloganRow is one line of the slogan-by-group table.
type sloganRow struct {
	Slogan string
	Counts []int64
	First  []string
	Total  int64
	Cells  []cell
}

type cell struct {
	Text  string
	Style template.CSS
	Title string
}

// sloganTable picks the slogans most used overall (at most max) and shades
// each group's count by its frequency per 100,000 characters.
func sloganTable(c *stats.Comparison, max int) []sloganRow {
	idx := map[string]*sloganRow{}
	var rows []*sloganRow
	n := len(c.Groups)
	for gi, g := range c.Groups {
		for _, s := range g.Slogans {
			r := idx[s.Name]
			if r == nil {
				r = &sloganRow{Slogan: s.Name, Counts: make([]int64, n), First: make([]string, n)}
				idx[s.Name] = r
				rows = append(rows, r)
			}
			r.Counts[gi] = s.Count
			r.First[gi] = s.First
			r.Total += s.Count
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Total != rows[j].Total {
			return rows[i].Total > rows[j].Total
		}
		return rows[i].Slogan < rows[j].Slogan
	})
	if len(rows) > max {
		rows = rows[:max]
	}
	// frequency per 100k characters, shaded against the highest
	hi := 0.0
	freq := func(r *sloganRow, gi int) float64 {
		if c.Groups[gi].Chars == 0 {
			return 0
		}
		return float64(r.Counts[gi]) / float64(c.Groups[gi].Chars) * 1e5
	}
	for _, r := range rows {
		for gi := range c.Groups {
			hi = math.Max(hi, freq(r, gi))
		}
	}
	out := make([]sloganRow, len(rows))
	for i, r := range rows {
		for gi := range c.Groups {
			f := freq(r, gi)
			a := 0.0
			if hi > 0 {
				a = math.Sqrt(f / hi) // square root: rare slogans stay visible
			}
			text := ""
			if r.Counts[gi] > 0 {
				text = strconv.FormatInt(r.Counts[gi], 10)
			}
			fg := "#000"
			if a > 0.6 {
				fg = "#fff"
			}
			r.Cells = append(r.Cells, cell{
				Text:  text,
				Style: template.CSS(fmt.Sprintf("background: rgba(178,24,43,%.3f); color: %s", a, fg)),
				Title: fmt.Sprintf("%s · %s: %d (%.1f per 100k chars), first %s", r.Slogan, c.Groups[gi].Group, r.Counts[gi], f, orDash(r.First[gi])),
			})
		}
		out[i] = *r
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

type pageData struct {
	Title      string
	C          *stats.Comparison
	Cosine     template.HTML
	Jaccard    template.HTML
	Slogans    []sloganRow
	Timeline   template.HTML
	KeyRows    [][]string
	GroupNames []string
}

// HTML renders the comparison as one self-contained page.
func HTML(c *stats.Comparison, title string) ([]byte, error) {
	d := pageData{Title: title, C: c, GroupNames: c.Cosine.Names}
	var err error
	if d.Cosine, err = heatmap(c.Cosine, "余弦相似度 (TF-IDF) / cosine similarity"); err != nil {
		return nil, err
	}
	if d.Jaccard, err = heatmap(c.Jaccard, "Jaccard 相似度 / Jaccard similarity"); err != nil {
		return nil, err
	}
	d.Slogans = sloganTable(c, 40)
	if d.Timeline, err = timeline(d.Slogans, c.Cosine.Names); err != nil {
		return nil, err
	}
	maxK := 0
	for _, g := range c.Groups {
		maxK = max(maxK, len(g.Keyness))
	}
	for i := 0; i < maxK; i++ {
		row := []string{strconv.Itoa(i + 1)}
		for _, g := range c.Groups {
			if i < len(g.Keyness) {
				row = append(row, fmt.Sprintf("%s (%d)", g.Keyness[i].Term, g.Keyness[i].NTarget))
			} else {
				row = append(row, "")
			}
		}
		d.KeyRows = append(d.KeyRows, row)
	}
	var b bytes.Buffer
	if err := page.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Liberation Sans", Arial, sans-serif; margin: 2em; color: #222; max-width: 1200px; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; } .charts svg { max-width: 100%; height: auto; }
.note { color: #666; font-size: 0.9em; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="note">Generated by tongbao compare. Key terms: G² with Williams' correction against all other groups. Similarities: cosine of TF-IDF vectors and Jaccard overlap of term sets.</p>

<h2>Groups</h2>
<table>
<tr><th>group</th><th>documents</th><th>characters</th><th>terms</th><th>from</th><th>to</th></tr>
{{range .C.Groups}}<tr><td>{{.Group}}</td><td class="n">{{.Docs}}</td><td class="n">{{.Chars}}</td><td class="n">{{.Terms}}</td><td>{{.DateFrom}}</td><td>{{.DateTo}}</td></tr>
{{end}}</table>

<h2>Similarity between groups</h2>
<div class="charts">{{.Cosine}}{{.Jaccard}}</div>

<h2>Key terms of each group</h2>
<table>
<tr><th>#</th>{{range .GroupNames}}<th>{{.}}</th>{{end}}</tr>
{{range .KeyRows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</table>

<h2>Slogans by group</h2>
{{if .Slogans}}<p class="note">Occurrences; shading is the frequency per 100,000 characters of the group (darkest = highest; square-root scale). Hover for the date first seen.</p>
<table>
<tr><th>slogan</th>{{range .GroupNames}}<th>{{.}}</th>{{end}}</tr>
{{range .Slogans}}<tr><td>{{.Slogan}}</td>{{range .Cells}}<td class="n" style="{{.Style}}" title="{{.Title}}">{{.Text}}</td>{{end}}</tr>
{{end}}</table>
<h2>Timeline of first appearances</h2>
{{if .Timeline}}<div class="charts">{{.Timeline}}</div>{{else}}<p class="note">No dated slogans.</p>{{end}}
{{else}}<p class="note">No slogans were extracted.</p>{{end}}

<h2>People, offices and quantified claims</h2>
{{range .C.Groups}}<h3>{{.Group}}</h3>
<div class="charts">
<table><tr><th>person</th><th>mentions</th><th>docs</th></tr>{{range .People}}<tr><td>{{.Name}}</td><td class="n">{{.Count}}</td><td class="n">{{.Docs}}</td></tr>{{else}}<tr><td colspan="3">none</td></tr>{{end}}</table>
<table><tr><th>office</th><th>mentions</th></tr>{{range .Offices}}<tr><td>{{.Name}}</td><td class="n">{{.Count}}</td></tr>{{else}}<tr><td colspan="2">none</td></tr>{{end}}</table>
<table><tr><th>counted object</th><th>claims</th><th>docs</th></tr>{{range .Claims}}<tr><td>{{.Name}}</td><td class="n">{{.Count}}</td><td class="n">{{.Docs}}</td></tr>{{else}}<tr><td colspan="3">none</td></tr>{{end}}</table>
</div>
{{end}}
</body>
</html>
`))
