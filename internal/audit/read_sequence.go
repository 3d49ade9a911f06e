package audit

import (
	"fmt"
	"slices"
)

// Text extracted from a PDF without its layout (pdftotext without -layout,
// or copied from a viewer) prints each cell on its own line and puts labels
// that wrap or span rows — 「（一）予以公开」 beside a vertical
// 「三、本年度办理结果」 — after the figures of the rows they name, so
// placing figures by the label before them gives one row the figures of
// several. The figures themselves still come row by row. The functions
// here read such a table by the order of its figures instead, and only
// where that order is the one reading: the count must be exact and, in
// part 三, every row's own total must hold.

// sequenceApplications reads part 三's figures in order, seven a row, when
// placing them by labels left rows in doubt. It returns the rows' cells, or
// why the figures cannot be read in order ("" with ok false when there is
// nothing to try: the count does not match).
func sequenceApplications(t placedTable, width int) (cells [][]streamCell, why string, ok bool) {
	for _, figs := range [][]streamCell{t.stream.cells, t.stream.cells[len(t.orphans):]} {
		if len(figs) != len(t.rows)*width {
			continue
		}
		cells = make([][]streamCell, len(t.rows))
		for i, row := range t.rows {
			cells[i] = figs[i*width : (i+1)*width]
			if row.found && len(row.cells) == width && !slices.Equal(row.cells, cells[i]) {
				return nil, fmt.Sprintf("按顺序读出的数字与「%s」行标签后的数字不一致", t.labels[row.key]), false
			}
			if bad := rowTotalBroken(cells[i]); bad != "" {
				return nil, fmt.Sprintf("按顺序读取时「%s」行%s", t.labels[row.key], bad), false
			}
		}
		return cells, "", true
	}
	return nil, "", false
}

// rowTotalBroken says why seven cells are not a row of part 三 whose 总计
// is the sum of the six applicant columns, or "" when they are.
func rowTotalBroken(cs []streamCell) string {
	sum := 0.0
	for i, c := range cs {
		v, err := count(c, false)
		if err != "" {
			return err
		}
		if i < len(cs)-1 {
			sum += v
		} else if v != sum {
			return fmt.Sprintf("总计 %v 不等于各列之和 %v", v, sum)
		}
	}
	return ""
}

// sequenceSingles gives the figures of a run of consecutive one-cell rows
// of part 二 (the 2021 format's 行政许可, 行政处罚, 行政强制) back to them in
// order, when the run holds as many figures as rows but not one a row: with
// one cell a row, the order of the figures is the order of the rows.
func sequenceSingles(rows []placedRow, width func(i int) int) {
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].found && width(j) == 1 {
			j++
		}
		if j == i {
			i++
			continue
		}
		run := rows[i:j]
		var figs []streamCell
		even := true
		for _, r := range run {
			figs = append(figs, r.cells...)
			even = even && len(r.cells) == 1
		}
		if !even && len(figs) == len(run) {
			for k := range run {
				run[k].cells = figs[k : k+1]
			}
		}
		i = j
	}
}
