package report

import (
	"fmt"
	"time"
)

// Document is everything a published report prints: the canonical tables
// of parts 二, 三 and 四, the prose of parts 一, 五 and 六, the charts and
// the publication details. It is built once (by the report engine,
// report/annual) and read by every renderer (report/render); it lives here,
// beside the model, so that what composes and stores a report does not
// depend on the renderers and their PDF and spreadsheet libraries.
type Document struct {
	// Report holds the tables and names the agency, the year and the format.
	Report *Report
	// Preamble is the opening paragraph(s) before part 一 (「根据《条例》…编制本报告」).
	Preamble []string
	// Overview is part 一 总体情况, usually under the heads 主动公开,
	// 依申请公开, 政府信息管理, 平台建设 and 监督保障.
	Overview []Section
	// Problems is part 五 存在的主要问题及改进情况.
	Problems []Section
	// Other is part 六 其他需要报告的事项.
	Other []Section
	// Published is the publication date printed under the signature; the
	// zero time prints no date.
	Published time.Time
	// Version is the report's version, 1 for the first publication; a
	// correction is a later version with a ChangeNote.
	Version int
	// ChangeNote says what a corrected version changed.
	ChangeNote string
}

// Section is a run of paragraphs with an optional heading such as
// 「（一）主动公开情况」, followed by its charts (the seed prints 图一 and
// 图二 inside part 一's 主动公开 section).
type Section struct {
	Heading    string
	Paragraphs []string
	Charts     []Chart
}

// Charts returns every chart of the document in printed order.
func (d *Document) Charts() []Chart {
	var out []Chart
	for _, part := range [][]Section{d.Overview, d.Problems, d.Other} {
		for _, s := range part {
			out = append(out, s.Charts...)
		}
	}
	return out
}

// Chart is a bar chart of labelled values, such as the seed's 图一 (items
// published per column) or 图二 (new-media posts per month).
type Chart struct {
	// Title is the printed title, e.g. 「图一 网站各栏目发布信息数量」.
	Title string
	// Unit names what the values count, e.g. 「条」.
	Unit   string
	Points []Point
}

// Point is one bar of a chart.
type Point struct {
	Label string
	Value float64
}

// Title returns the official title 「<agency><year>年政府信息公开工作年度报告」.
func (d *Document) Title() string {
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告", d.Report.Agency, d.Report.Year)
}

// PublishedText returns the publication date in the official style
// 「2021年1月29日」, or "" when the date is unset.
func (d *Document) PublishedText() string {
	if d.Published.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Published.Year(), int(d.Published.Month()), d.Published.Day())
}
