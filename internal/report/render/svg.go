package render

import (
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

// Geometry of the horizontal bar charts, in SVG user units; long Chinese
// labels read best beside horizontal bars, also on a phone.
const (
	svgWidth     = 640.0
	svgLabelW    = 190.0
	svgValueW    = 70.0
	svgBarH      = 22.0
	svgRowH      = 32.0
	svgTop       = 8.0
	svgFontSize  = 16
	svgBarColour = "#b22222"
)

// svgChart is a Chart laid out for the SVG template.
type svgChart struct {
	report.Chart
	ID       string
	Height   float64
	LabelX   float64
	BarX     float64
	FontSize int
	Colour   string
	Bars     []svgBar
}

type svgBar struct {
	report.Point
	Y, TextY, Width, ValueX float64
	Text                    string
}

func newSVGChart(c report.Chart, id string) svgChart {
	s := svgChart{
		Chart: c, ID: id,
		Height:   svgTop*2 + svgRowH*float64(len(c.Points)),
		LabelX:   svgLabelW - 8,
		BarX:     svgLabelW,
		FontSize: svgFontSize,
		Colour:   svgBarColour,
	}
	scale := 0.0
	if m := chartMax(c); m > 0 {
		scale = (svgWidth - svgLabelW - svgValueW) / m
	}
	for i, p := range c.Points {
		y := svgTop + svgRowH*float64(i)
		w := max(p.Value*scale, 0)
		s.Bars = append(s.Bars, svgBar{
			Point: p, Y: y + (svgRowH-svgBarH)/2, TextY: y + svgRowH/2 + svgFontSize*0.35,
			Width: w, ValueX: svgLabelW + w + 6, Text: formatChartValue(p.Value),
		})
	}
	return s
}

// Description is the chart's text alternative: every label with its value.
func (c svgChart) Description() string {
	var b strings.Builder
	b.WriteString(c.Title)
	b.WriteString("：")
	for i, p := range c.Points {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(p.Label + " " + formatChartValue(p.Value) + c.Unit)
	}
	b.WriteString("。")
	return b.String()
}
