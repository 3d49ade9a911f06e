package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/report"
)

// severityNames are the Chinese names of finding severities.
var severityNames = map[report.Severity]string{report.SeverityError: "错误", report.SeverityWarning: "警告"}

// writeAuditText prints a readable Chinese summary of each result and, for
// several files, a closing count.
func writeAuditText(w io.Writer, results []*audit.Result) error {
	var b strings.Builder
	withErrors := 0
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		errs := writeResultText(&b, r)
		if errs > 0 {
			withErrors++
		}
	}
	if len(results) > 1 {
		fmt.Fprintf(&b, "\n共审核 %d 份报告，其中 %d 份有错误。\n", len(results), withErrors)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeResultText prints one result and returns its number of errors.
func writeResultText(b *strings.Builder, r *audit.Result) int {
	fmt.Fprintf(b, "文件：%s\n", r.File)
	fmt.Fprintf(b, "  机关：%s　年度：%s　格式：%s　发布日期：%s\n",
		orUnknown(r.Agency), yearText(r.Year), formatText(r.Format), orUnknown(r.Published))
	a, rl := r.Report.Applications, r.Report.ReviewLitigation
	fmt.Fprintf(b, "  依申请公开：本年新收 %d 件，上年结转 %d 件，办理 %d 件，结转下年度 %d 件%s\n",
		a["received"][report.ColTotal], a["carried_in"][report.ColTotal], a["total"][report.ColTotal], a["carried_out"][report.ColTotal],
		incomplete(r, "三"))
	fmt.Fprintf(b, "  行政复议 %d 件，行政诉讼 %d 件", rl.Review.Total, rl.LitigationDirect.Total+rl.LitigationAfterReview.Total)
	if fee := r.Report.InfoFeeYuan; fee != nil {
		fmt.Fprintf(b, "，信息处理费 %g 元", *fee)
	}
	b.WriteString(incomplete(r, "四") + "\n")
	errs, warns := 0, 0
	for _, f := range r.Findings {
		if f.Severity == report.SeverityError {
			errs++
		} else {
			warns++
		}
	}
	if len(r.Findings) == 0 {
		b.WriteString("  未发现问题。\n")
		return 0
	}
	fmt.Fprintf(b, "  发现 %d 个问题（错误 %d，警告 %d）：\n", len(r.Findings), errs, warns)
	for _, f := range r.Findings {
		fmt.Fprintf(b, "  [%s] %s：%s\n", severityNames[f.Severity], f.Rule, f.Message)
	}
	return errs
}

// incomplete notes that some figures of a part were not read.
func incomplete(r *audit.Result, part string) string {
	for _, f := range r.Findings {
		if f.Part == part && (f.Rule == audit.RuleUnreadable || f.Rule == audit.RuleMissingTable) {
			return "（部分数字未能读出，见下方问题）"
		}
	}
	return ""
}

func orUnknown(s string) string {
	if s == "" {
		return "未识别"
	}
	return s
}

func yearText(y int) string {
	if y == 0 {
		return "未识别"
	}
	return fmt.Sprintf("%d", y)
}

func formatText(f string) string {
	if spec, ok := report.SpecOf(report.Format(f)); ok {
		return spec.Name
	}
	return orUnknown(f)
}
