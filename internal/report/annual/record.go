// Package annual keeps an agency's annual report as records — the figures
// staff enter, the prose, the workflow from draft to publication and the
// frozen published versions — and composes the report from them and from
// the records other parts of the system hold (cases, catalog, litigation).
package annual

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
)

// Status is where a report stands in its workflow.
type Status string

// The workflow: a draft is signed off by the agency's approver, then
// submitted and published. Editing a signed-off or published report makes
// it a draft again; its published versions stay as they were.
const (
	Draft     Status = "draft"
	SignedOff Status = "signed_off"
	Published Status = "published"
)

// Label returns the Chinese name of the status.
func (s Status) Label() string {
	switch s {
	case Draft:
		return "草稿"
	case SignedOff:
		return "已签发"
	case Published:
		return "已报送并公开"
	}
	return string(s)
}

// OverviewHeads are the heads of part 一 in the 2021 format, under which
// the overview is drafted and edited.
var OverviewHeads = []string{"主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"}

// Record is the stored state of one agency's report on one year.
type Record struct {
	ID       int64
	AgencyID int64
	Year     int
	Format   report.Format
	Status   Status
	Entered  Entered
	Prose    Prose
	// SignedOffBy is the approver who signed the current draft off, or 0.
	SignedOffBy int64
	SignedOffAt time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Entered are the figures of part 二 the system does not hold (licensing,
// penalties, enforcement, fees, procurement), by row and column, with a
// note per row of where they come from.
type Entered struct {
	Figures map[string]map[string]float64 `json:"figures"`
	Notes   map[string]string             `json:"notes"`
}

// Prose is the text of parts 一, 五 and 六 as staff edited it.
type Prose struct {
	// Overview has one text per OverviewHeads entry; paragraphs are
	// separated by blank lines.
	Overview []string `json:"overview"`
	Problems string   `json:"problems"`
	Other    string   `json:"other"`
}

// maxProse bounds each text of the prose, in characters.
const maxProse = 20000

// EnteredRows returns the rows of part 二 that staff enter in a format,
// in printed order.
func EnteredRows(f report.Format) []report.Row {
	l, ok := report.LayoutOf(f)
	if !ok {
		return nil
	}
	var out []report.Row
	for _, row := range l.Proactive {
		if !report.CatalogRows[row.Key] {
			out = append(out, row)
		}
	}
	return out
}

// New returns the draft of agency's report on year, pre-filled from last
// year's record when there is one: the notes of where each figure comes
// from and, when both years use a format whose item counts carry over
// (RuleItemsChange, the 2019 format), this year's 上一年项目数量 as last
// year's 上一年项目数量 plus its 本年增/减.
func New(agencyID int64, year int, prev *Record) *Record {
	f := report.FormatForYear(year)
	r := &Record{AgencyID: agencyID, Year: year, Format: f, Status: Draft,
		Entered: Entered{Figures: map[string]map[string]float64{}, Notes: map[string]string{}},
		Prose:   Prose{Overview: make([]string, len(OverviewHeads))}}
	for _, row := range EnteredRows(f) {
		cells := map[string]float64{}
		for _, c := range row.Columns {
			cells[c.Key] = 0
		}
		r.Entered.Figures[row.Key] = cells
	}
	if prev == nil || prev.Year+1 != year {
		return r
	}
	for row, note := range prev.Entered.Notes {
		if _, ok := r.Entered.Figures[row]; ok {
			r.Entered.Notes[row] = note
		}
	}
	if spec := report.SpecForYear(year); prev.Format == f && spec.ChecksAcrossYears(report.RuleItemsChange) {
		for row, cells := range r.Entered.Figures {
			if _, ok := cells["prev_items"]; ok {
				p := prev.Entered.Figures[row]
				cells["prev_items"] = p["prev_items"] + p["change"]
			}
		}
	}
	return r
}

// SetFigure sets one entered figure from a form value; an empty value is 0.
func (r *Record) SetFigure(row, column, value string) error {
	cells, ok := r.Entered.Figures[row]
	if !ok {
		return errs.Invalid("第二部分没有「%s」行", row)
	}
	if _, ok := cells[column]; !ok {
		return errs.Invalid("第二部分「%s」行没有「%s」列", row, column)
	}
	v, err := parseFigure(value, column)
	if err != nil {
		return err
	}
	cells[column] = v
	return nil
}

// Validate checks the record's figures and text before it is stored.
func (r *Record) Validate() error {
	if r.Year < 2008 || r.Year > 9998 {
		return errs.Invalid("报告年度无效")
	}
	if r.Format != report.FormatForYear(r.Year) {
		return errs.Invalid("%d年度报告应使用%s格式", r.Year, report.FormatForYear(r.Year))
	}
	for row, cells := range r.Entered.Figures {
		for col, v := range cells {
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e12 {
				return errs.Invalid("第二部分「%s」行「%s」列的数字无效", row, col)
			}
			if v < 0 && col != "change" {
				return errs.Invalid("第二部分「%s」行「%s」列不能为负数", row, col)
			}
		}
	}
	for row, note := range r.Entered.Notes {
		r.Entered.Notes[row] = strings.TrimSpace(note)
		if utf8.RuneCountInString(note) > 200 {
			return errs.Invalid("数据来源说明不能超过200个字")
		}
	}
	if len(r.Prose.Overview) > len(OverviewHeads) {
		return errs.Invalid("总体情况最多分%d个部分", len(OverviewHeads))
	}
	for _, s := range append([]string{r.Prose.Problems, r.Prose.Other}, r.Prose.Overview...) {
		if utf8.RuneCountInString(s) > maxProse {
			return errs.Invalid("每部分文字不能超过%d个字", maxProse)
		}
	}
	return nil
}
