package audit

import (
	"fmt"
	"sort"

	"github.com/gongkai/gongkai/internal/report"
)

// Audit runs the cross-year rules (report.CheckYears) over results read
// from several reports: for each agency, every pair of reports for
// consecutive years. Findings are added to the later year's result, with a
// note naming the earlier file. A comparison that involves a figure the
// reader was not sure of is left out, as its reading finding already says.
// It also runs the 雷同 check (text.similar) on the prose of those pairs
// and of the reports of different agencies for one year, adding its
// findings to the later report, or the one later in results.
func Audit(results []*Result) {
	sg := signatures{}
	byAgency := map[string]map[int]*Result{}
	for _, r := range results {
		if r == nil || r.Report == nil || r.Agency == "" || r.Year == 0 {
			continue
		}
		years := byAgency[r.Agency]
		if years == nil {
			years = map[int]*Result{}
			byAgency[r.Agency] = years
		}
		if _, dup := years[r.Year]; !dup {
			years[r.Year] = r
		}
	}
	for _, years := range byAgency {
		ys := make([]int, 0, len(years))
		for y := range years {
			ys = append(ys, y)
		}
		sort.Ints(ys)
		for _, y := range ys {
			prev, cur := years[y-1], years[y]
			if prev == nil {
				continue
			}
			compareYears(prev, cur)
			sg.compareYearText(prev, cur)
		}
	}
	sg.compareSameYear(results)
}

// compareYears adds the cross-year findings of prev → cur to cur.
func compareYears(prev, cur *Result) {
	prevUnsure, curUnsure := unsureRows(prev.Findings), unsureRows(cur.Findings)
	for _, f := range report.CheckYears(prev.Report, cur.Report) {
		if dependsOn(curUnsure, f) || dependsOn(prevUnsure, prevSide(f)) {
			continue
		}
		f.Message = fmt.Sprintf("%s（上一年度报告：%s）", f.Message, prev.File)
		cur.Findings = append(cur.Findings, f)
	}
}

// prevSide is the cell of the earlier report a cross-year finding compares.
func prevSide(f report.Finding) report.Finding {
	if f.Rule == report.RuleCarry {
		f.Row = "carried_out"
		f.Rule = report.RuleRowTotal // judged on that one row
	}
	return f
}
