package report

import "fmt"

// Origin names where a figure of a built report comes from.
type Origin string

// The sources of a report's figures.
const (
	// OriginCases: part 三 and the 信息处理费, counted from disclosure applications.
	OriginCases Origin = "cases"
	// OriginCatalog: rules and normative documents of part 二, from the catalog.
	OriginCatalog Origin = "catalog"
	// OriginEntered: part 二 figures the system does not hold, entered by staff.
	OriginEntered Origin = "entered"
	// OriginLitigation: part 四, from the review and lawsuit records.
	OriginLitigation Origin = "litigation"
)

// Source says where one figure (or one row of figures) came from, so a
// reader can drill down from the figure to the records behind it.
type Source struct {
	Origin Origin `json:"origin"`
	// Note is the staff's note of where an entered figure comes from.
	Note string `json:"note,omitempty"`
}

// Sources maps a cell key to its source. Keys are "二.<row>.<column>",
// "三.<row>" (one source for the row's seven columns), "四.<group>" and
// "六.info_fee_yuan".
type Sources map[string]Source

// Key returns the key of a cell of part ("二", "三" or "四"); column may be
// "" for a whole row.
func Key(part, row, column string) string {
	if column == "" {
		return fmt.Sprintf("%s.%s", part, row)
	}
	return fmt.Sprintf("%s.%s.%s", part, row, column)
}

// Inputs are the figures one report is built from, each from its source.
// Rows of part 二 that the layout lacks are ignored.
type Inputs struct {
	Agency string
	Year   int
	// Applications are part 三's rows counted from the cases; nil when the
	// cases are not available (the rows stay zero).
	Applications map[string][7]int
	// Catalog are part 二's rows held by the catalog (rules, normative documents).
	Catalog map[string]map[string]float64
	// Entered are part 二's rows entered by staff, with a note per row.
	Entered      map[string]map[string]float64
	EnteredNotes map[string]string
	// ReviewLitigation is part 四, counted from the litigation records.
	ReviewLitigation ReviewLitigation
	// InfoFeeYuan is the 信息处理费 collected, from the cases; nil when unknown.
	InfoFeeYuan *float64
}

// CatalogRows are the rows of part 二 that the catalog provides in every
// format; the others are entered by staff.
var CatalogRows = map[string]bool{"rules": true, "normative_documents": true}

// Build composes the report of the year's format from its inputs and says
// where each figure came from. It computes nothing beyond placing figures:
// the sources did the counting, so the checks judge the records themselves.
func Build(in Inputs) (*Report, Sources) {
	f := FormatForYear(in.Year)
	r := New(in.Agency, in.Year, f)
	src := Sources{}
	l, _ := LayoutOf(f)
	for _, row := range l.Proactive {
		from, origin, note := in.Entered[row.Key], OriginEntered, in.EnteredNotes[row.Key]
		if CatalogRows[row.Key] {
			from, origin, note = in.Catalog[row.Key], OriginCatalog, ""
		}
		for _, c := range row.Columns {
			r.Proactive[row.Key][c.Key] = from[c.Key]
			src[Key("二", row.Key, c.Key)] = Source{Origin: origin, Note: note}
		}
	}
	for _, row := range l.Applications {
		r.Applications[row.Key] = in.Applications[row.Key]
		src[Key("三", row.Key, "")] = Source{Origin: OriginCases}
	}
	r.ReviewLitigation = in.ReviewLitigation
	for _, g := range ReviewGroups {
		src[Key("四", g.Key, "")] = Source{Origin: OriginLitigation}
	}
	if in.InfoFeeYuan != nil {
		fee := *in.InfoFeeYuan
		r.InfoFeeYuan = &fee
		src["六.info_fee_yuan"] = Source{Origin: OriginCases}
	}
	return r, src
}

// Sum returns the combined report of several agencies for one year, in
// the year's format: every cell is the sum of theirs. Reports in another
// format are skipped; the 信息处理费 is summed over the reports that state it.
func Sum(agency string, year int, parts []*Report) *Report {
	f := FormatForYear(year)
	out := New(agency, year, f)
	for _, p := range parts {
		if p == nil || p.Format != f {
			continue
		}
		for row, cells := range p.Proactive {
			if dst, ok := out.Proactive[row]; ok {
				for c, v := range cells {
					if _, ok := dst[c]; ok {
						dst[c] += v
					}
				}
			}
		}
		for row, cells := range p.Applications {
			if dst, ok := out.Applications[row]; ok {
				for i := range dst {
					dst[i] += cells[i]
				}
				out.Applications[row] = dst
			}
		}
		for _, g := range ReviewGroups {
			a, b := out.ReviewLitigation.Group(g.Key), p.ReviewLitigation.Group(g.Key)
			a.Upheld, a.Corrected, a.Other = a.Upheld+b.Upheld, a.Corrected+b.Corrected, a.Other+b.Other
			a.Pending, a.Total = a.Pending+b.Pending, a.Total+b.Total
		}
		if p.InfoFeeYuan != nil {
			fee := *p.InfoFeeYuan
			if out.InfoFeeYuan != nil {
				fee += *out.InfoFeeYuan
			}
			out.InfoFeeYuan = &fee
		}
	}
	return out
}
