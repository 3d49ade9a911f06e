package report

import "fmt"

// Rule ids of docs/report-model.md that Check and CheckYears apply.
const (
	RuleBalance      = "applications.balance"
	RuleRowTotal     = "applications.row_total"
	RuleOutcomeTotal = "applications.outcome_total"
	RuleReviewTotal  = "review_litigation.total"
	RuleCarry        = "cross_year.carry"
	RuleItemsChange  = "proactive.items_change"
	RuleInForce      = "proactive.in_force"
)

// Check applies every single-report consistency rule (勾稽关系) of
// docs/report-model.md to r and returns one finding per violated cell, in table
// order. A report in an unknown format yields no findings.
func Check(r *Report) []Finding {
	l, ok := LayoutOf(r.Format)
	if !ok {
		return nil
	}
	var out []Finding
	out = append(out, checkBalance(r)...)
	out = append(out, checkRowTotals(r, l)...)
	out = append(out, checkOutcomeTotals(r, l)...)
	out = append(out, checkReviewTotals(r)...)
	return out
}

// checkBalance: per column, received + carried_in = total + carried_out.
func checkBalance(r *Report) []Finding {
	in, carried, total, out := r.Applications["received"], r.Applications["carried_in"], r.Applications["total"], r.Applications["carried_out"]
	var fs []Finding
	for c, col := range ApplicantColumns {
		want, got := in[c]+carried[c], total[c]+out[c]
		if want == got {
			continue
		}
		fs = append(fs, newFinding(RuleBalance, SeverityError, "三", "", col.Key, want, got,
			fmt.Sprintf("第三部分「%s」列：本年新收 %d + 上年结转 %d = %d，但办理结果总计 %d + 结转下年度 %d = %d；按表中勾稽关系，第一项加第二项之和应等于第三项加第四项之和",
				col.Label, in[c], carried[c], want, total[c], out[c], got)))
	}
	return fs
}

// checkRowTotals: per row, the 总计 column = the sum of the six applicant columns.
func checkRowTotals(r *Report, l *Layout) []Finding {
	var fs []Finding
	for _, row := range l.Applications {
		cells := r.Applications[row.Key]
		sum := 0
		for c := ColNaturalPerson; c < ColTotal; c++ {
			sum += cells[c]
		}
		if sum == cells[ColTotal] {
			continue
		}
		fs = append(fs, newFinding(RuleRowTotal, SeverityError, "三", row.Key, ApplicantColumns[ColTotal].Key, sum, cells[ColTotal],
			fmt.Sprintf("第三部分「%s」行：六类申请人之和为 %d，但「总计」列为 %d；总计应等于自然人与各类法人或其他组织之和",
				row.Label, sum, cells[ColTotal])))
	}
	return fs
}

// checkOutcomeTotals: per column, the （七）总计 row = the sum of every outcome row.
func checkOutcomeTotals(r *Report, l *Layout) []Finding {
	total := r.Applications["total"]
	var fs []Finding
	for c, col := range ApplicantColumns {
		sum := 0
		for _, k := range l.Outcomes {
			sum += r.Applications[k][c]
		}
		if sum == total[c] {
			continue
		}
		fs = append(fs, newFinding(RuleOutcomeTotal, SeverityError, "三", "total", col.Key, sum, total[c],
			fmt.Sprintf("第三部分「%s」列：（一）至（六）各项办理结果之和为 %d，但「（七）总计」为 %d；总计应等于各项办理结果之和",
				col.Label, sum, total[c])))
	}
	return fs
}

// checkReviewTotals: per group of part 四, total = upheld + corrected + other + pending.
func checkReviewTotals(r *Report) []Finding {
	var fs []Finding
	for _, g := range ReviewGroups {
		row := r.ReviewLitigation.Group(g.Key)
		sum := row.Upheld + row.Corrected + row.Other + row.Pending
		if sum == row.Total {
			continue
		}
		fs = append(fs, newFinding(RuleReviewTotal, SeverityError, "四", g.Key, "total", sum, row.Total,
			fmt.Sprintf("第四部分「%s」：结果维持 %d + 结果纠正 %d + 其他结果 %d + 尚未审结 %d = %d，但「总计」为 %d",
				g.Label, row.Upheld, row.Corrected, row.Other, row.Pending, sum, row.Total)))
	}
	return fs
}

// newFinding builds a finding that compares two numbers.
func newFinding[N int | float64](rule string, sev Severity, part, row, col string, expected, actual N, msg string) Finding {
	e, a := float64(expected), float64(actual)
	return Finding{
		Rule: rule, Severity: sev, Part: part, Row: row, Column: col,
		Expected: &e, Actual: &a, Message: msg,
	}
}
