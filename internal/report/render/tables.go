package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

// Tables returns parts 二, 三 and 四 of the document as grids, built from
// the layout of the report's format.
func Tables(d *report.Document) ([]Table, error) {
	l, err := layout(d)
	if err != nil {
		return nil, err
	}
	return []Table{
		proactiveTable(l, d.Report),
		applicationsTable(l, d.Report),
		reviewTable(d.Report),
	}, nil
}

// proactiveTable lays out part 二: each 第二十条 group has a heading row, a
// column header row and its item rows; a group with fewer columns widens
// its last column to the table's width.
func proactiveTable(l *report.Layout, r *report.Report) Table {
	cols := 1
	for _, row := range l.Proactive {
		cols = max(cols, 1+len(row.Columns))
	}
	b := &tableBuilder{t: Table{ID: "proactive", Caption: strings.TrimPrefix(partProactive, "二、"), Cols: cols}}
	b.t.Widths = append([]float64{1.6}, repeat(1, cols-1)...)
	for i, row := range l.Proactive {
		if i == 0 || row.Group != l.Proactive[i-1].Group || !sameColumns(row, l.Proactive[i-1]) {
			b.next(false, true)
			b.add(Cell{Text: row.Group, ColSpan: cols, Header: true, Scope: "rowgroup"})
			b.next(false, false)
			b.add(Cell{Text: itemHead, Header: true, Scope: "col"})
			for j, c := range row.Columns {
				b.add(Cell{Text: c.Label, Col: 1 + j, ColSpan: lastSpan(j, len(row.Columns), cols), Header: true, Scope: "col"})
			}
		}
		b.next(false, false)
		b.add(Cell{Text: row.Label, Header: true, Scope: "row"})
		for j, c := range row.Columns {
			b.add(Cell{
				Text:    formatValue(r.Proactive[row.Key][c.Key], c),
				Key:     "proactive/" + row.Key + "/" + c.Key,
				Value:   r.Proactive[row.Key][c.Key],
				Signed:  c.Signed,
				Col:     1 + j,
				ColSpan: lastSpan(j, len(row.Columns), cols),
			})
		}
	}
	return b.t
}

// lastSpan widens the last of n value columns to fill a table of cols columns.
func lastSpan(j, n, cols int) int {
	if j == n-1 {
		return cols - n
	}
	return 1
}

func sameColumns(a, b report.Row) bool {
	if len(a.Columns) != len(b.Columns) {
		return false
	}
	for i := range a.Columns {
		if a.Columns[i].Key != b.Columns[i].Key {
			return false
		}
	}
	return true
}

// applicationsTable lays out part 三: three label columns (the outcome
// block, its sub-groups such as 「（三）不予公开」, the item) and the seven
// applicant columns under a two-level header. Rows without a group span
// the three label columns; a run of grouped rows is the outcome block,
// named by its first row's group; rows of another group inside the run form
// its sub-groups.
func applicationsTable(l *report.Layout, r *report.Report) Table {
	const labels = 3
	cols := labels + len(report.ApplicantColumns)
	b := &tableBuilder{t: Table{ID: "applications", Caption: strings.TrimPrefix(partApplications, "三、"), Cols: cols}}
	b.t.Widths = append([]float64{0.6, 1.1, 3.2}, repeat(0.8, len(report.ApplicantColumns))...)
	org0, org1 := labels+organisationCols[0], labels+organisationCols[1]

	b.next(true, false)
	b.add(Cell{Text: applicationsNote, RowSpan: 3, ColSpan: labels, Header: true, Scope: "col"})
	b.add(Cell{Text: applicantsHead, Col: labels, ColSpan: len(report.ApplicantColumns), Header: true, Scope: "colgroup"})
	b.next(true, false)
	for j, c := range report.ApplicantColumns {
		switch col := labels + j; {
		case col == org0:
			b.add(Cell{Text: organisationsHead, Col: col, ColSpan: org1 - org0 + 1, Header: true, Scope: "colgroup"})
		case col < org0 || col > org1:
			b.add(Cell{Text: c.Label, Col: col, RowSpan: 2, Header: true, Scope: "col"})
		}
	}
	b.next(true, false)
	for j := org0; j <= org1; j++ {
		b.add(Cell{Text: report.ApplicantColumns[j-labels].Label, Col: j, Header: true, Scope: "col"})
	}

	rows := l.Applications
	for i := 0; i < len(rows); {
		if rows[i].Group == "" {
			b.next(false, true)
			b.add(Cell{Text: rows[i].Label, ColSpan: labels, Header: true, Scope: "row"})
			addApplicationFigures(b, r, rows[i].Key, labels)
			i++
			continue
		}
		end := i
		for end < len(rows) && rows[end].Group != "" {
			end++
		}
		outer := rows[i].Group
		for k := i; k < end; k++ {
			b.next(false, k == i)
			if k == i {
				b.add(Cell{Text: outer, RowSpan: end - i, Header: true, Scope: "rowgroup", Vertical: true})
			}
			switch g := rows[k].Group; {
			case g == outer:
				b.add(Cell{Text: rows[k].Label, Col: 1, ColSpan: 2, Header: true, Scope: "row"})
			default:
				if rows[k-1].Group != g {
					n := 0
					for k+n < end && rows[k+n].Group == g {
						n++
					}
					b.add(Cell{Text: g, Col: 1, RowSpan: n, Header: true, Scope: "rowgroup"})
				}
				b.add(Cell{Text: rows[k].Label, Col: 2, Header: true, Scope: "row"})
			}
			addApplicationFigures(b, r, rows[k].Key, labels)
		}
		i = end
	}
	return b.t
}

func addApplicationFigures(b *tableBuilder, r *report.Report, key string, from int) {
	v := r.Applications[key]
	for j, c := range report.ApplicantColumns {
		b.add(Cell{Text: strconv.Itoa(v[j]), Key: "applications/" + key + "/" + c.Key, Value: float64(v[j]), Col: from + j})
	}
}

// reviewTable lays out part 四: one row of figures under a header whose
// levels come from the group labels (「行政诉讼·复议后起诉」 sits under
// 「行政诉讼」 next to its sibling groups).
func reviewTable(r *report.Report) Table {
	groups := report.ReviewGroups
	per := len(report.ReviewColumns)
	cols := per * len(groups)
	b := &tableBuilder{t: Table{ID: "review_litigation", Caption: strings.TrimPrefix(partReview, "四、"), Cols: cols, Widths: repeat(1, cols)}}
	parent := func(g report.Column) (string, string) {
		p, child, ok := strings.Cut(g.Label, groupSeparator)
		if !ok {
			return g.Label, ""
		}
		return p, child
	}
	b.next(true, false)
	for i := 0; i < len(groups); {
		p, child := parent(groups[i])
		n := 1
		for child != "" && i+n < len(groups) {
			if q, _ := parent(groups[i+n]); q != p {
				break
			}
			n++
		}
		b.add(Cell{Text: p, Col: i * per, ColSpan: n * per, Header: true, Scope: "colgroup"})
		i += n
	}
	b.next(true, false)
	b.next(true, false)
	for i, g := range groups {
		_, child := parent(g)
		if child == "" {
			b.row = 1
			for j, c := range report.ReviewColumns {
				b.add(Cell{Text: c.Label, Col: i*per + j, RowSpan: 2, Header: true, Scope: "col"})
			}
			continue
		}
		b.row = 1
		b.add(Cell{Text: child, Col: i * per, ColSpan: per, Header: true, Scope: "colgroup"})
		b.row = 2
		for j, c := range report.ReviewColumns {
			b.add(Cell{Text: c.Label, Col: i*per + j, Header: true, Scope: "col"})
		}
	}
	sortCells(b.t.Rows)
	b.next(false, true)
	for i, g := range groups {
		row := r.ReviewLitigation.Group(g.Key)
		for j, c := range report.ReviewColumns {
			v := reviewValue(row, c.Key)
			b.add(Cell{Text: strconv.Itoa(v), Key: "review_litigation/" + g.Key + "/" + c.Key, Value: float64(v), Col: i*per + j})
		}
	}
	return b.t
}

func reviewValue(row *report.ReviewRow, col string) int {
	if row == nil {
		return 0
	}
	switch col {
	case "upheld":
		return row.Upheld
	case "corrected":
		return row.Corrected
	case "other":
		return row.Other
	case "pending":
		return row.Pending
	case "total":
		return row.Total
	}
	return 0
}

// sortCells orders each row's cells left to right.
func sortCells(rows []GridRow) {
	for _, r := range rows {
		slices.SortFunc(r.Cells, func(a, b Cell) int { return a.Col - b.Col })
	}
}

// formatValue prints a part 二 figure as the official table does: signed
// columns with an explicit plus, amounts with their decimals.
func formatValue(v float64, c report.Column) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if c.Signed && v > 0 {
		return "+" + s
	}
	return s
}

func repeat(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// formatChartValue prints a chart value without trailing zeros.
func formatChartValue(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// errorf wraps an error with the renderer's name.
func errorf(format string, err error) error {
	return fmt.Errorf("render: %s: %w", format, err)
}
