package render

import "github.com/xuri/excelize/v2"

// xlsxStyles are the style ids of the table cells.
type xlsxStyles struct {
	title, header, rowHeader, vertical, number, signed int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	signed := "+0;-0;0"
	align := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	var s xlsxStyles
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Size: 14, Bold: true}, Alignment: align("center")}},
		{&s.header, excelize.Style{Border: border, Fill: fill, Alignment: align("center")}},
		{&s.rowHeader, excelize.Style{Border: border, Fill: fill, Alignment: align("left")}},
		{&s.vertical, excelize.Style{Border: border, Fill: fill, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", TextRotation: 255}}},
		{&s.number, excelize.Style{Border: border, Alignment: align("center")}},
		{&s.signed, excelize.Style{Border: border, CustomNumFmt: &signed, Alignment: align("center")}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	return s, nil
}

// of returns the style of a table cell.
func (s xlsxStyles) of(c Cell) int {
	switch {
	case c.Vertical:
		return s.vertical
	case c.Scope == "row":
		return s.rowHeader
	case c.Header:
		return s.header
	case c.Signed:
		return s.signed
	}
	return s.number
}
