package report

import (
	"fmt"
	"hash/crc32"
	"html/template"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/tongbao/tongbao/stats"
)

// FontStack is the font-family list of the page and of every chart: a
// face with Chinese glyphs on Windows, macOS and Linux, then the generic
// family.
const FontStack = `"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`

// svgFont is FontStack for an SVG attribute (single quotes inside).
var svgFont = strings.ReplaceAll(FontStack, `"`, `'`)

// esc escapes text for SVG markup.
func esc(s string) string { return template.HTMLEscapeString(s) }

// textWidth estimates the width in pixels of s drawn at size px: a wide
// (CJK) character is 1 em, another about 0.6 em.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += size
		default:
			w += 0.6 * size
		}
	}
	return w
}

// svg collects the markup of one chart.
type svg struct {
	b    strings.Builder
	w, h float64
}

func newSVG(w, h float64, label string) *svg {
	s := &svg{w: w, h: h}
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" font-family="%s" font-size="12">`,
		w, h, w, h, esc(label), svgFont)
	fmt.Fprintf(&s.b, `<rect width="%.0f" height="%.0f" fill="#fff"/>`, w, h)
	return s
}

func (s *svg) add(format string, a ...any) { fmt.Fprintf(&s.b, format, a...) }

func (s *svg) text(x, y float64, anchor, attrs, text string) {
	s.add(`<text x="%.1f" y="%.1f" text-anchor="%s"%s>%s</text>`, x, y, anchor, attrs, esc(text))
}

func (s *svg) html() template.HTML {
	s.b.WriteString(`</svg>`)
	return template.HTML(s.b.String())
}

// sequential is a light-to-dark yellow-green-blue scale (ColorBrewer
// YlGnBu): low values light, high values dark.
var sequential = [][3]float64{
	{0xff, 0xff, 0xd9}, {0xed, 0xf8, 0xb1}, {0xc7, 0xe9, 0xb4}, {0x7f, 0xcd, 0xbb}, {0x41, 0xb6, 0xc4},
	{0x1d, 0x91, 0xc0}, {0x22, 0x5e, 0xa8}, {0x25, 0x34, 0x94}, {0x08, 0x1d, 0x58},
}

// colorAt returns the colour of t in [0, 1] on the sequential scale.
func colorAt(t float64) string {
	t = math.Max(0, math.Min(1, t))
	f := t * float64(len(sequential)-1)
	i := int(math.Floor(f))
	if i >= len(sequential)-1 {
		i = len(sequential) - 2
	}
	u := f - float64(i)
	a, b := sequential[i], sequential[i+1]
	return fmt.Sprintf("#%02x%02x%02x", int(a[0]+(b[0]-a[0])*u+0.5), int(a[1]+(b[1]-a[1])*u+0.5), int(a[2]+(b[2]-a[2])*u+0.5))
}

// inkOn returns the text colour readable on the scale at t.
func inkOn(t float64) string {
	if t > 0.55 {
		return "#fff"
	}
	return "#222"
}

// niceStep returns a round step (1, 2 or 5 × 10^k) dividing span into
// about n intervals.
func niceStep(span float64, n int) float64 {
	if span <= 0 || n <= 0 {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// fmtTick formats a tick value with the decimals its step needs.
func fmtTick(v, step float64) string {
	d := 0
	if step < 1 {
		d = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	if math.Abs(v) < step/2 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}

// Heatmap draws a similarity matrix: a sequential scale from the lowest to
// the highest value off the diagonal, the diagonal (a group with itself)
// masked, a colour legend, cells of at least 16 pixels (the chart grows and
// its container scrolls rather than shrinking the labels), the value in the
// cell when the cell is large enough and in a tooltip always.
func Heatmap(m stats.Matrix, title, measure string) template.HTML {
	n := len(m.Names)
	cell := math.Max(16, math.Min(44, 560/math.Max(1, float64(n))))
	labelW := 0.0
	for _, name := range m.Names {
		labelW = math.Max(labelW, textWidth(name, 12))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range m.Values {
		for j, v := range m.Values[i] {
			if i != j {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if n < 2 || !(hi > lo) {
		lo, hi = 0, 1
	}
	// column labels: slanted when the cells leave room, else upright
	rot, slant := -45.0, 0.72
	if cell < 22 {
		rot, slant = -90, 1
	}
	left := labelW + 10
	top := 34 + labelW*slant + 6
	gridW := cell * float64(n)
	legendX := left + gridW + 24
	w := legendX + 110
	h := top + math.Max(gridW, 200) + 40
	w = math.Max(w, textWidth(title, 14)+20)
	s := newSVG(w, h, title)
	s.text(8, 20, "start", ` font-size="14" font-weight="bold"`, title)
	// column labels, slanted, ending over their column
	for j, name := range m.Names {
		x := left + cell*(float64(j)+0.5)
		s.add(`<text transform="translate(%.1f,%.1f) rotate(%.0f)" text-anchor="start" dominant-baseline="middle">%s</text>`, x, top-6, rot, esc(name))
	}
	for i, name := range m.Names {
		y := top + cell*(float64(i)+0.5)
		s.add(`<text x="%.1f" y="%.1f" text-anchor="end" dominant-baseline="middle">%s</text>`, left-6, y, esc(name))
		for j, v := range m.Values[i] {
			x := left + cell*float64(j)
			yy := top + cell*float64(i)
			if i == j {
				s.add(`<g class="diag"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#f2f2f2" stroke="#fff"/><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbb"/><title>%s (itself)</title></g>`,
					x, yy, cell, cell, x+2, yy+cell-2, x+cell-2, yy+2, esc(name))
				continue
			}
			t := (v - lo) / (hi - lo)
			s.add(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#fff"><title>%s × %s: %s %.3f</title></rect>`,
				x, yy, cell, cell, colorAt(t), esc(name), esc(m.Names[j]), esc(measure), v)
			if cell >= 30 {
				s.add(`<text x="%.1f" y="%.1f" text-anchor="middle" dominant-baseline="middle" font-size="11" fill="%s" pointer-events="none">%.2f</text>`,
					x+cell/2, yy+cell/2, inkOn(t), v)
			}
		}
	}
	// legend: a colour bar from lo (bottom) to hi (top)
	barH := math.Min(200, math.Max(gridW, 120))
	s.text(legendX, top-10, "start", ` font-weight="bold"`, measure)
	gid := fmt.Sprintf("scale-%08x", crc32.ChecksumIEEE([]byte(title)))
	s.add(`<defs><linearGradient id="%s" x1="0" y1="1" x2="0" y2="0">`, gid)
	for k := 0; k <= 10; k++ {
		s.add(`<stop offset="%.1f" stop-color="%s"/>`, float64(k)/10, colorAt(float64(k)/10))
	}
	s.add(`</linearGradient></defs>`)
	s.add(`<rect class="legend" x="%.1f" y="%.1f" width="14" height="%.1f" fill="url(#%s)" stroke="#999"/>`, legendX, top, barH, gid)
	for k := 0; k <= 4; k++ {
		v := lo + (hi-lo)*float64(k)/4
		y := top + barH - barH*float64(k)/4
		s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#666"/>`, legendX+14, legendX+18, y, y)
		s.text(legendX+21, y+4, "start", "", strconv.FormatFloat(v, 'f', 2, 64))
	}
	s.add(`<rect x="%.1f" y="%.1f" width="14" height="14" fill="#f2f2f2" stroke="#bbb"/><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbb"/>`,
		legendX, top+barH+14, legendX+2, top+barH+26, legendX+12, top+barH+16)
	s.text(legendX+20, top+barH+25, "start", "", "self")
	return s.html()
}

// Colours of the keyness bars: the target group and the reference.
const (
	targetColor    = "#1f6fb4"
	referenceColor = "#9a9a9a"
)

// KeynessChart draws a group's key terms as quanteda's textplot_keyness
// does: horizontal bars of G², the terms over-represented in the group
// (target) above and extending right, the under-represented ones
// (reference: all other groups) below and extending left, each labelled
// with its term, and a legend. link gives the href of a term's
// concordance ("" for none).
func KeynessChart(g stats.GroupSummary, n int, link func(term string) string) template.HTML {
	pos := g.Keyness[:min(n, len(g.Keyness))]
	neg := g.Negative[:min(n, len(g.Negative))]
	const rowH, labelRoom, plotW = 17.0, 96.0, 250.0
	maxP, maxN := 0.0, 0.0
	for _, r := range pos {
		maxP = math.Max(maxP, r.G2)
	}
	for _, r := range neg {
		maxN = math.Max(maxN, -r.G2)
	}
	if maxP+maxN == 0 {
		maxP = 1
	}
	left := labelRoom + 8
	x0 := left + plotW*maxN/(maxP+maxN)
	scale := plotW / (maxP + maxN)
	title := g.Group + " · key terms (G²)"
	top := 46.0
	rows := len(pos) + len(neg)
	if len(neg) > 0 {
		rows++ // a gap between the two sides
	}
	h := top + rowH*float64(max(rows, 1)) + 44
	w := left + plotW + labelRoom + 8
	s := newSVG(w, h, title)
	s.text(8, 18, "start", ` font-size="14" font-weight="bold"`, title)
	// legend
	s.add(`<rect x="8" y="27" width="11" height="11" fill="%s"/>`, targetColor)
	s.text(23, 37, "start", "", g.Group+" (target)")
	lx := 23 + textWidth(g.Group+" (target)", 12) + 14
	s.add(`<rect x="%.1f" y="27" width="11" height="11" fill="%s"/>`, lx, referenceColor)
	s.text(lx+15, 37, "start", "", "other groups (reference)")
	bar := func(i int, r stats.KeynessRow, color string) {
		y := top + rowH*float64(i)
		x, bw := x0, r.G2*scale
		if bw < 0 {
			x, bw = x0+bw, -bw
		}
		tip := fmt.Sprintf("%s: G² %.1f, %d in %s, %d in the other groups", r.Term, r.G2, r.NTarget, g.Group, r.NReference)
		s.add(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`, x, y+2, math.Max(bw, 0.5), rowH-4, color, esc(tip))
		anchor, tx := "start", x+bw+4
		if r.G2 < 0 {
			anchor, tx = "end", x-4
		}
		label := fmt.Sprintf(`<text x="%.1f" y="%.1f" text-anchor="%s" dominant-baseline="middle">%s</text>`, tx, y+rowH/2, anchor, esc(r.Term))
		if href := link(r.Term); href != "" {
			label = fmt.Sprintf(`<a href="%s">%s</a>`, esc(href), label)
		}
		s.add(`%s`, label)
	}
	for i, r := range pos {
		bar(i, r, targetColor)
	}
	for i, r := range neg {
		bar(len(pos)+1+i, r, referenceColor)
	}
	if rows == 0 {
		s.text(w/2, top+rowH/2, "middle", ` fill="#666"`, "no key terms")
	}
	// axis
	ay := top + rowH*float64(max(rows, 1)) + 4
	s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#444"/>`, left, left+plotW, ay, ay)
	s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#444"/>`, x0, x0, top, ay)
	step := niceStep(maxP+maxN, 4)
	for v := -math.Floor(maxN/step) * step; v <= maxP+1e-9; v += step {
		x := x0 + v*scale
		s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#444"/>`, x, x, ay, ay+4)
		s.text(x, ay+16, "middle", ` font-size="11"`, fmtTick(v, step))
	}
	s.text(left+plotW/2, ay+32, "middle", ` font-size="11" fill="#444"`, "G² (log-likelihood, Williams-corrected)")
	return s.html()
}

// RateChart draws one name's rate per 100,000 characters across the groups
// (in their order) as a line, for small multiples: the same x axis in every
// chart (years when every group is named by one, as 2012 or 1950s, else the
// groups evenly spaced), a y axis from 0 to the chart's own highest rate. counts are
// indexed like groups; chars are the groups' sizes. href, when not "",
// links the title to the name's concordance.
func RateChart(name string, groups []string, chars []int64, counts []int64, href string) template.HTML {
	const w, h, left, right, top, bottom = 300.0, 160.0, 44.0, 12.0, 30.0, 40.0
	n := len(groups)
	rates := make([]float64, n)
	hi := 0.0
	for i := range groups {
		if chars[i] > 0 {
			rates[i] = float64(counts[i]) / float64(chars[i]) * 1e5
		}
		hi = math.Max(hi, rates[i])
	}
	step := niceStep(math.Max(hi, 1e-9), 3)
	ymax := math.Max(step, math.Ceil(hi/step)*step)
	pw, ph := w-left-right, h-top-bottom
	// groups named by years (2012, 1950s, 1964-part) sit at their year;
	// other groups at even steps in their order
	years, timed := groupYears(groups)
	x0, x1 := 0.0, float64(n-1)
	if timed {
		x0, x1 = years[0], years[0]
		for _, y := range years {
			x0, x1 = math.Min(x0, y), math.Max(x1, y)
		}
	}
	xOf := func(i int) float64 {
		if x1 <= x0 {
			return left + pw/2
		}
		v := float64(i)
		if timed {
			v = years[i]
		}
		return left + pw*(v-x0)/(x1-x0)
	}
	yOf := func(v float64) float64 { return top + ph - ph*v/ymax }
	s := newSVG(w, h, name+" per 100,000 characters")
	t := fmt.Sprintf(`<text x="8" y="18" font-size="13" font-weight="bold">%s</text>`, esc(name))
	if href != "" {
		t = fmt.Sprintf(`<a href="%s">%s</a>`, esc(href), t)
	}
	s.add(`%s`, t)
	s.text(w-right, 18, "end", ` font-size="10" fill="#666"`, "per 100k chars")
	for v := 0.0; v <= ymax+1e-9; v += step {
		y := yOf(v)
		s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#e4e4e4"/>`, left, left+pw, y, y)
		s.text(left-4, y+4, "end", ` font-size="10"`, fmtTick(v, step))
	}
	s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#444"/>`, left, left+pw, top+ph, top+ph)
	tick := func(x float64, label string) {
		s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#444"/>`, x, x, top+ph, top+ph+3)
		s.add(`<text transform="translate(%.1f,%.1f) rotate(-30)" text-anchor="end" font-size="10">%s</text>`, x+3, top+ph+14, esc(label))
	}
	if timed && x1 > x0 {
		ys := niceStep(x1-x0, 5)
		ys = math.Max(1, math.Round(ys))
		for y := math.Ceil(x0/ys) * ys; y <= x1; y += ys {
			tick(left+pw*(y-x0)/(x1-x0), strconv.Itoa(int(y)))
		}
	} else {
		every := max(1, int(math.Ceil(float64(n)/6)))
		for i, g := range groups {
			if i%every != 0 && i != n-1 {
				continue
			}
			if i != n-1 && n-1-i < every {
				continue // keep the last label clear of this one
			}
			tick(xOf(i), g)
		}
	}
	var pts []string
	for i := range groups {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(i), yOf(rates[i])))
	}
	s.add(`<polyline points="%s" fill="none" stroke="%s" stroke-width="1.8"/>`, strings.Join(pts, " "), targetColor)
	r := 2.6
	if n > 30 {
		r = 1.8
	}
	for i, g := range groups {
		s.add(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"><title>%s · %s: %d (%.2f per 100k chars)</title></circle>`,
			xOf(i), yOf(rates[i]), r, targetColor, esc(name), esc(g), counts[i], rates[i])
	}
	return s.html()
}

// groupYears returns the year each group name starts with (1950s: 1950),
// and whether they all start with one, in increasing order.
func groupYears(groups []string) ([]float64, bool) {
	ys := make([]float64, len(groups))
	for i, g := range groups {
		if len(g) < 4 {
			return nil, false
		}
		y, err := strconv.Atoi(g[:4])
		if err != nil || (len(g) > 4 && g[4] >= '0' && g[4] <= '9') {
			return nil, false
		}
		ys[i] = float64(y)
		if i > 0 && ys[i] < ys[i-1] {
			return nil, false
		}
	}
	return ys, len(groups) > 0
}
