package render

import (
	"github.com/gongkai/gongkai/internal/report"
	"testing"
)

// TestTablesTileTheGrid checks that the merged cells of every table cover
// each grid position exactly once, as HTML, DOCX and XLSX require.
func TestTablesTileTheGrid(t *testing.T) {
	for name, d := range documents() {
		tables, err := Tables(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			t.Run(name+"/"+tb.ID, func(t *testing.T) {
				if len(tb.Widths) != tb.Cols {
					t.Errorf("%d widths for %d columns", len(tb.Widths), tb.Cols)
				}
				seen := make([][]int, len(tb.Rows))
				for i := range seen {
					seen[i] = make([]int, tb.Cols)
				}
				for i, r := range tb.Rows {
					for _, c := range r.Cells {
						if c.Row != i {
							t.Errorf("cell %q listed in row %d starts in row %d", c.Text, i, c.Row)
						}
						for y := c.Row; y < c.Row+c.RowSpan; y++ {
							for x := c.Col; x < c.Col+c.ColSpan; x++ {
								if y >= len(tb.Rows) || x >= tb.Cols {
									t.Fatalf("cell %q spills out of the grid", c.Text)
								}
								seen[y][x]++
							}
						}
					}
				}
				for y := range seen {
					for x, n := range seen[y] {
						if n != 1 {
							t.Errorf("grid (%d,%d) covered %d times", y, x, n)
						}
					}
				}
			})
		}
	}
}

// TestTablesFollowTheLayout checks the merges of the official tables.
func TestTablesFollowTheLayout(t *testing.T) {
	tests := []struct {
		doc              string
		table, text      string
		rowSpan, colSpan int
	}{
		{"seed2020", "applications", applicationsNote, 3, 3},
		{"seed2020", "applications", "申请人情况", 1, 7},
		{"seed2020", "applications", "法人或其他组织", 1, 5},
		{"seed2020", "applications", "自然人", 2, 1},
		{"seed2020", "applications", "三、本年度办理结果", 20, 1},
		{"format2021", "applications", "三、本年度办理结果", 22, 1},
		{"seed2020", "applications", "（三）不予公开", 8, 1},
		{"seed2020", "applications", "（六）其他处理", 1, 2},
		{"format2021", "applications", "（六）其他处理", 3, 1},
		{"seed2020", "applications", "一、本年新收政府信息公开申请数量", 1, 3},
		{"seed2020", "review_litigation", "行政复议", 1, 5},
		{"seed2020", "review_litigation", "行政诉讼", 1, 10},
		{"seed2020", "review_litigation", "未经复议直接起诉", 1, 5},
		{"seed2020", "proactive", "第二十条第（八）项", 1, 4},
		{"format2021", "proactive", "本年处理决定数量", 1, 3},
		{"seed2020", "proactive", "+14", 1, 1},
		{"seed2020", "proactive", "-1", 1, 2},
	}
	docs := documents()
	for _, tt := range tests {
		t.Run(tt.doc+"/"+tt.text, func(t *testing.T) {
			c := findCell(t, docs[tt.doc], tt.table, tt.text)
			if c.RowSpan != tt.rowSpan || c.ColSpan != tt.colSpan {
				t.Errorf("span = %d×%d, want %d×%d", c.RowSpan, c.ColSpan, tt.rowSpan, tt.colSpan)
			}
		})
	}
}

func findCell(t *testing.T, d *report.Document, table, text string) Cell {
	t.Helper()
	tables, err := Tables(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.ID != table {
			continue
		}
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				if c.Text == text {
					return c
				}
			}
		}
	}
	t.Fatalf("no cell %q in %s", text, table)
	return Cell{}
}
