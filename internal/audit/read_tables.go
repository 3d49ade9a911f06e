package audit

import (
	"fmt"
	"math"
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

// readApplications reads part 三 into r.Applications.
func (rd *reader) readApplications(l *report.Layout) {
	t, ok := rd.placeTable(part3, l.Applications, "收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量")
	if !ok {
		return
	}
	width := len(report.ApplicantColumns)
	for i := range t.rows {
		t.rows[i].cells = trimBlanks(t.rows[i].cells, width)
	}
	blankColumns(t, width)
	if t.doubtful(func(int) int { return width }) {
		cells, why, ok := sequenceApplications(t, width)
		switch {
		case ok:
			for i := range t.rows {
				t.rows[i].found, t.rows[i].cells = true, cells[i]
			}
			t.orphans = nil
		case why != "":
			rd.unsure(part3, "", "第三部分的数字无法按行标签归属，也无法按顺序逐行读取："+why)
		}
	}
	rows, labels := t.rows, t.labels
	var blank []placedRow
	for _, row := range rows {
		label := labels[row.key]
		switch {
		case !row.found:
			rd.unsure(part3, row.key, fmt.Sprintf("第三部分未找到「%s」行，该行数字无法确定", label))
		case len(row.cells) == 0:
			blank = append(blank, row)
		case len(row.cells) != len(report.ApplicantColumns):
			rd.unsure(part3, row.key, fmt.Sprintf("第三部分「%s」行读到 %d 个数字（%s），应为 %d 个，无法确定各列数值",
				label, len(row.cells), rawList(row.cells), len(report.ApplicantColumns)))
		default:
			var v [7]int
			for c, x := range row.cells {
				n, err := count(x, false)
				if err != "" {
					rd.unsure(part3, row.key, fmt.Sprintf("第三部分「%s」行「%s」列：%s", label, report.ApplicantColumns[c].Label, err))
				}
				v[c] = int(n)
			}
			rd.rep.Applications[row.key] = v
		}
	}
	rd.blankRows(part3, blank, labels, t.misplaced(func(int) int { return width }))
}

// readProactive reads part 二 into r.Proactive.
func (rd *reader) readProactive(l *report.Layout) {
	t, ok := rd.placeTable(part2, l.Proactive, "主动公开政府信息情况", "规章」「行政许可")
	if !ok {
		return
	}
	width := func(i int) int { return len(l.Proactive[i].Columns) }
	for i := range t.rows {
		t.rows[i].cells = trimBlanks(t.rows[i].cells, width(i))
	}
	sequenceSingles(t.rows, width)
	rows, labels := t.rows, t.labels
	var blank []placedRow
	prevAt := 0
	for i, row := range rows {
		def, label := l.Proactive[i], labels[row.key]
		switch {
		case !row.found:
			rd.unsure(part2, row.key, fmt.Sprintf("第二部分未找到「%s」行，该行数字无法确定", label))
			continue
		case len(row.cells) == 0:
			blank = append(blank, row)
		case len(row.cells) != len(def.Columns):
			rd.unsure(part2, row.key, fmt.Sprintf("第二部分「%s」行读到 %d 个数字（%s），应为 %d 个，无法确定各列数值",
				label, len(row.cells), rawList(row.cells), len(def.Columns)))
		default:
			yuan := headerInYuan(t.stream.labels[prevAt:row.at])
			for c, x := range row.cells {
				col := def.Columns[c]
				v, err := proactiveValue(x, col, yuan)
				if err != "" {
					rd.unsure(part2, row.key, fmt.Sprintf("第二部分「%s」行「%s」列：%s", label, col.Label, err))
					continue
				}
				rd.rep.Proactive[row.key][col.Key] = v
			}
		}
		prevAt = row.at
	}
	rd.blankRows(part2, blank, labels, t.misplaced(width))
}

// placedTable is a table of part 二 or 三 with its rows found.
type placedTable struct {
	lines   []textLine
	stream  *tableStream
	rows    []placedRow
	labels  map[string]string
	orphans []streamCell
}

// misplaced reports whether the table has figures that may belong to rows
// printed blank: more figures than their rows hold, or figures before the
// first row, beyond what rows not found at all would hold. width gives the
// number of cells of row i.
func (t placedTable) misplaced(width func(i int) int) bool {
	extra, room := len(t.orphans), 0
	for i, r := range t.rows {
		switch {
		case !r.found:
			room += width(i)
		case len(r.cells) > width(i):
			extra += len(r.cells) - width(i)
		}
	}
	return extra > room
}

// doubtful reports whether placing figures by labels left a row in doubt:
// a row not found, a row with another number of figures than its cells, or
// blank rows beside figures no row could hold.
func (t placedTable) doubtful(width func(i int) int) bool {
	for i, r := range t.rows {
		if !r.found || (len(r.cells) != 0 && len(r.cells) != width(i)) {
			return true
		}
	}
	return t.misplaced(width)
}

// placeTable finds a part's table and places its rows; when the part or
// every row is missing it records read.missing_table and returns false.
func (rd *reader) placeTable(part int, layout []report.Row, heading, example string) (placedTable, bool) {
	lines, ok := rd.outline.span(rd.lines, part)
	if !ok {
		rd.missingTable(part, fmt.Sprintf("未找到第%s部分「%s」表格", partNames[part], heading))
		return placedTable{}, false
	}
	t := placedTable{lines: lines, stream: readStream(lines)}
	var keys []string
	keys, t.labels = layoutRows(layout)
	t.rows, t.orphans = placeRows(t.stream, keys, t.labels)
	if !anyFound(t.rows) {
		rd.missingTable(part, fmt.Sprintf("第%s部分中未找到表格的任何一行（如「%s」）", partNames[part], example))
		return placedTable{}, false
	}
	return t, true
}

// trimBlanks drops blank cells printed after a row's last column (an empty
// cell under a header that spans further than the row), so that they do not
// count as figures of the row.
func trimBlanks(cells []streamCell, width int) []streamCell {
	for len(cells) > width && cells[len(cells)-1].blank {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// readReview reads part 四's one row of 15 figures.
func (rd *reader) readReview() {
	lines, ok := rd.outline.span(rd.lines, part4)
	if !ok {
		rd.missingTable(part4, "未找到第四部分「政府信息公开行政复议、行政诉讼情况」表格")
		return
	}
	s := readStream(lines)
	want := len(report.ReviewGroups) * len(report.ReviewColumns)
	switch {
	case len(s.cells) == 0 && (strings.Contains(s.labels, "结果维持") || strings.Contains(s.labels, "尚未审结")):
		return // the table's header printed with blank cells: all zero
	case len(s.cells) == 0:
		rd.missingTable(part4, "第四部分中未找到行政复议、行政诉讼情况表")
		return
	case len(s.cells) != want:
		rd.unsure(part4, "", fmt.Sprintf("第四部分读到 %d 个数字（%s），应为 %d 个，无法确定各列数值", len(s.cells), rawList(s.cells), want))
		return
	case s.cells[0].at != s.cells[want-1].at:
		// Figures interleaved with header text (a PDF extracted in reading
		// order) may be in any order.
		rd.unsure(part4, "", fmt.Sprintf("第四部分的数字（%s）与表头文字交错，无法确定每个数字所在的列", rawList(s.cells)))
		return
	}
	for i, x := range s.cells {
		g := report.ReviewGroups[i/len(report.ReviewColumns)]
		col := report.ReviewColumns[i%len(report.ReviewColumns)]
		n, err := count(x, false)
		if err != "" {
			rd.unsure(part4, g.Key, fmt.Sprintf("第四部分「%s」「%s」：%s", g.Label, col.Label, err))
			continue
		}
		setReview(rd.rep.ReviewLitigation.Group(g.Key), col.Key, int(n))
	}
}

// blankRows handles rows printed without figures: zero, as docs/report-model.md reads
// blank cells, unless the table has figures the reader could not place, in
// which case the blank may be where those figures belong.
func (rd *reader) blankRows(part int, blank []placedRow, labels map[string]string, doubtful bool) {
	if !doubtful {
		return
	}
	for _, row := range blank {
		rd.unsure(part, row.key, fmt.Sprintf("第%s部分「%s」行没有读到数字，而表中另有无法归属的数字，不能按空白（0）处理", partNames[part], labels[row.key]))
	}
}

func setReview(r *report.ReviewRow, col string, n int) {
	switch col {
	case "upheld":
		r.Upheld = n
	case "corrected":
		r.Corrected = n
	case "other":
		r.Other = n
	case "pending":
		r.Pending = n
	case "total":
		r.Total = n
	}
}

// count returns a cell as a count: a whole, unsigned number, or why not
// (when signed is true a sign is allowed).
func count(c streamCell, signed bool) (float64, string) {
	switch {
	case c.blank:
		return 0, ""
	case c.bad:
		return 0, fmt.Sprintf("「%s」不是可以确定的数字", c.raw)
	case c.decimal || c.unit != "":
		return 0, fmt.Sprintf("「%s」应为整数件数", c.raw)
	case c.signed && !signed:
		return 0, fmt.Sprintf("「%s」带有正负号，件数不应带符号", c.raw)
	case c.value > 1e12:
		return 0, fmt.Sprintf("「%s」数值过大，无法确认", c.raw)
	}
	return c.value, ""
}

// proactiveValue returns a part 二 cell in the column's unit (万元 for
// amounts) or why it cannot.
func proactiveValue(c streamCell, col report.Column, headerYuan bool) (float64, string) {
	if !col.Decimal {
		return count(c, col.Signed)
	}
	switch {
	case c.blank:
		return 0, ""
	case c.bad || c.signed || c.value > 1e15:
		return 0, fmt.Sprintf("「%s」不是可以确定的金额", c.raw)
	}
	v := c.value
	if c.unit == "元" || (c.unit == "" && headerYuan) {
		v /= 10000
	}
	return math.Round(v*1e6) / 1e6, ""
}

// headerInYuan reports whether a table header states amounts in 元 rather
// than 万元.
func headerInYuan(header string) bool {
	return strings.Contains(header, "元") && !strings.Contains(header, "万元")
}

// layoutRows returns a layout's row keys in order and their labels.
func layoutRows(rows []report.Row) ([]string, map[string]string) {
	keys := make([]string, len(rows))
	labels := make(map[string]string, len(rows))
	for i, r := range rows {
		keys[i], labels[r.Key] = r.Key, r.Label
	}
	return keys, labels
}

func anyFound(rows []placedRow) bool {
	for _, r := range rows {
		if r.found {
			return true
		}
	}
	return false
}

// rawList prints cells as read, for a message.
func rawList(cs []streamCell) string {
	const most = 20
	parts := make([]string, 0, min(len(cs), most))
	for i, c := range cs {
		if i == most {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, c.raw)
	}
	return strings.Join(parts, " ")
}
