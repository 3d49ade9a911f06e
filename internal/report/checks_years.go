package report

import "fmt"

// CheckYears applies the cross-year rules of docs/report-model.md to two reports
// of one agency for consecutive years (prev.Year+1 == cur.Year): the
// applications carried over, and the part 二 rules of the format both use
// (FormatSpec.CrossYear: item counts in 2019, documents in force in 2021).
// Findings concern cur. Reports that are not consecutive yield no findings;
// matching the agency is the caller's job.
func CheckYears(prev, cur *Report) []Finding {
	if prev == nil || cur == nil || prev.Year+1 != cur.Year {
		return nil
	}
	var out []Finding
	out = append(out, checkCarry(prev, cur)...)
	spec, ok := SpecOf(cur.Format)
	if !ok || prev.Format != cur.Format {
		return out
	}
	for _, rule := range spec.CrossYear {
		out = append(out, crossYearRules[rule](spec.Layout, prev, cur)...)
	}
	return out
}

// crossYearRules are the part 二 rules a format may name in
// FormatSpec.CrossYear.
var crossYearRules = map[string]func(l *Layout, prev, cur *Report) []Finding{
	RuleItemsChange: checkItemsChange,
	RuleInForce:     checkInForce,
}

// checkCarry: per column, carried_in of N = carried_out of N−1.
func checkCarry(prev, cur *Report) []Finding {
	was, is := prev.Applications["carried_out"], cur.Applications["carried_in"]
	var fs []Finding
	for c, col := range ApplicantColumns {
		if was[c] == is[c] {
			continue
		}
		fs = append(fs, newFinding(RuleCarry, SeverityError, "三", "carried_in", col.Key, was[c], is[c],
			fmt.Sprintf("第三部分「%s」列：%d 年报告「上年结转」为 %d，但 %d 年报告「结转下年度继续办理」为 %d；两者应相等",
				col.Label, cur.Year, is[c], prev.Year, was[c])))
	}
	return fs
}

// checkItemsChange: 2019 format, prev_items of N = prev_items + change of N−1.
func checkItemsChange(l *Layout, prev, cur *Report) []Finding {
	var fs []Finding
	for _, row := range l.Proactive {
		p, c := prev.Proactive[row.Key], cur.Proactive[row.Key]
		if !hasColumn(row, "change") || p == nil || c == nil {
			continue
		}
		want := p["prev_items"] + p["change"]
		if sameAmount(want, c["prev_items"]) {
			continue
		}
		fs = append(fs, newFinding(RuleItemsChange, SeverityWarning, "二", row.Key, "prev_items", want, c["prev_items"],
			fmt.Sprintf("第二部分「%s」：%d 年报告上一年项目数量 %g 加本年增/减 %+g 应为 %g，但 %d 年报告「上一年项目数量」为 %g",
				row.Label, prev.Year, p["prev_items"], p["change"], want, cur.Year, c["prev_items"])))
	}
	return fs
}

// checkInForce: 2021 format, in_force of N = in_force of N−1 + issued − repealed of N.
func checkInForce(l *Layout, prev, cur *Report) []Finding {
	var fs []Finding
	for _, row := range l.Proactive {
		p, c := prev.Proactive[row.Key], cur.Proactive[row.Key]
		if !hasColumn(row, "in_force") || p == nil || c == nil {
			continue
		}
		want := p["in_force"] + c["issued"] - c["repealed"]
		if sameAmount(want, c["in_force"]) {
			continue
		}
		fs = append(fs, newFinding(RuleInForce, SeverityWarning, "二", row.Key, "in_force", want, c["in_force"],
			fmt.Sprintf("第二部分「%s」：%d 年现行有效 %g 件，加 %d 年制发 %g 件、减废止 %g 件应为 %g 件，但「现行有效件数」为 %g 件",
				row.Label, prev.Year, p["in_force"], cur.Year, c["issued"], c["repealed"], want, c["in_force"])))
	}
	return fs
}

func hasColumn(row Row, key string) bool {
	for _, c := range row.Columns {
		if c.Key == key {
			return true
		}
	}
	return false
}

// sameAmount compares two table figures, allowing for the rounding of
// decimal amounts.
func sameAmount(a, b float64) bool {
	d := a - b
	return d < 1e-6 && d > -1e-6
}
