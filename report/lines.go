package report

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Series is one line of a LinesChart: values Y at years X (increasing).
type Series struct {
	Name string
	X, Y []float64
}

// seriesColors tells the lines apart (ColorBrewer Dark2 and Set1).
var seriesColors = []string{"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
	"#666666", "#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628"}

// LinesChart draws one line per series over the years, a y axis from 0 to
// the highest value, a legend under the plot, and each point's value in a
// tooltip. unit labels the y axis.
func LinesChart(title, unit string, series []Series) template.HTML {
	const w, left, right, top = 460.0, 48.0, 14.0, 30.0
	const ph = 170.0
	x0, x1, hi := math.Inf(1), math.Inf(-1), 0.0
	for _, s := range series {
		for i, x := range s.X {
			x0, x1 = math.Min(x0, x), math.Max(x1, x)
			hi = math.Max(hi, s.Y[i])
		}
	}
	if math.IsInf(x0, 1) {
		return ""
	}
	legendRows := (len(series) + 2) / 3
	h := top + ph + 34 + 16*float64(legendRows)
	pw := w - left - right
	step := niceStep(math.Max(hi, 1e-9), 4)
	ymax := math.Max(step, math.Ceil(hi/step)*step)
	xOf := func(x float64) float64 {
		if x1 <= x0 {
			return left + pw/2
		}
		return left + pw*(x-x0)/(x1-x0)
	}
	yOf := func(v float64) float64 { return top + ph - ph*v/ymax }
	s := newSVG(w, h, title+" "+unit)
	s.text(8, 18, "start", ` font-size="13" font-weight="bold"`, title)
	s.text(w-right, 18, "end", ` font-size="10" fill="#666"`, unit)
	for v := 0.0; v <= ymax+1e-9; v += step {
		y := yOf(v)
		s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#e4e4e4"/>`, left, left+pw, y, y)
		s.text(left-4, y+4, "end", ` font-size="10"`, fmtTick(v, step))
	}
	s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#444"/>`, left, left+pw, top+ph, top+ph)
	ys := math.Max(1, math.Round(niceStep(math.Max(x1-x0, 1), 6)))
	for y := math.Ceil(x0/ys) * ys; y <= x1; y += ys {
		x := xOf(y)
		s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#444"/>`, x, x, top+ph, top+ph+3)
		s.text(x, top+ph+15, "middle", ` font-size="10"`, strconv.Itoa(int(y)))
	}
	for si, sr := range series {
		col := seriesColors[si%len(seriesColors)]
		var pts []string
		for i := range sr.X {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(sr.X[i]), yOf(sr.Y[i])))
		}
		if len(pts) > 1 {
			s.add(`<polyline points="%s" fill="none" stroke="%s" stroke-width="1.6"/>`, strings.Join(pts, " "), col)
		}
		for i := range sr.X {
			s.add(`<circle cx="%.1f" cy="%.1f" r="2.2" fill="%s"><title>%s · %d: %.2f</title></circle>`,
				xOf(sr.X[i]), yOf(sr.Y[i]), col, esc(sr.Name), int(sr.X[i]), sr.Y[i])
		}
		lx := 8 + float64(si%3)*(w-16)/3
		ly := top + ph + 34 + 16*float64(si/3)
		s.add(`<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="2.5"/>`, lx, lx+14, ly-4, ly-4, col)
		s.text(lx+18, ly, "start", ` font-size="11"`, sr.Name)
	}
	return s.html()
}
