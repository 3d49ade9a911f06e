package render

import (
	"bytes"
	"fmt"
	"github.com/gongkai/gongkai/internal/report"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Geometry of the PNG bar charts in pixels (drawn at twice the printed
// resolution, so they stay sharp when printed 15 cm wide).
const (
	pngWidth    = 1200
	pngLabelW   = 380
	pngValueW   = 130
	pngRowH     = 52
	pngBarH     = 32
	pngMarginY  = 16
	pngFontSize = 26
)

var (
	pngBarColour  = color.RGBA{R: 178, G: 34, B: 34, A: 255}
	pngAxisColour = color.RGBA{R: 120, G: 120, B: 120, A: 255}
)

// chartPNG draws a horizontal bar chart with the embedded font and
// returns the PNG with its size in pixels. The title is printed by the
// caller as a caption.
func chartPNG(c report.Chart) ([]byte, image.Point, error) {
	f, err := parsedFont()
	if err != nil {
		return nil, image.Point{}, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: pngFontSize, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, image.Point{}, fmt.Errorf("render: chart font: %w", err)
	}
	defer face.Close()
	size := image.Pt(pngWidth, 2*pngMarginY+pngRowH*len(c.Points))
	img := image.NewRGBA(image.Rectangle{Max: size})
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	axis := image.Rect(pngLabelW, pngMarginY, pngLabelW+2, size.Y-pngMarginY)
	draw.Draw(img, axis, image.NewUniform(pngAxisColour), image.Point{}, draw.Src)
	scale := 0.0
	if m := chartMax(c); m > 0 {
		scale = float64(pngWidth-pngLabelW-pngValueW) / m
	}
	d := &font.Drawer{Dst: img, Src: image.Black, Face: face}
	for i, p := range c.Points {
		top := pngMarginY + pngRowH*i
		baseline := top + pngRowH/2 + pngFontSize*35/100
		label := fitLabel(d, p.Label, pngLabelW-20)
		d.Dot = fixed.P(pngLabelW-12-d.MeasureString(label).Ceil(), baseline)
		d.DrawString(label)
		w := int(max(p.Value*scale, 0))
		bar := image.Rect(pngLabelW+2, top+(pngRowH-pngBarH)/2, pngLabelW+2+w, top+(pngRowH+pngBarH)/2)
		draw.Draw(img, bar, image.NewUniform(pngBarColour), image.Point{}, draw.Src)
		d.Dot = fixed.P(pngLabelW+w+12, baseline)
		d.DrawString(formatChartValue(p.Value))
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, image.Point{}, fmt.Errorf("render: chart png: %w", err)
	}
	return buf.Bytes(), size, nil
}

// fitLabel shortens a label with an ellipsis until it fits width pixels.
func fitLabel(d *font.Drawer, label string, width int) string {
	rs := []rune(label)
	for n := len(rs); n > 0; n-- {
		s := string(rs[:n])
		if n < len(rs) {
			s += "…"
		}
		if d.MeasureString(s).Ceil() <= width {
			return s
		}
	}
	return ""
}
