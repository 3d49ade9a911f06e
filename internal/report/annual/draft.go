package annual

import (
	"context"
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

// DraftOverview drafts part 一 under OverviewHeads from the figures of a
// composed report and the catalog's counts, for staff to edit. Heads the
// records say nothing about are left empty.
func DraftOverview(ctx context.Context, src Sources, built *Built, agencyID int64) ([]string, error) {
	r := built.Document.Report
	g, err := gather(ctx, src, agencyID, r.Year)
	if err != nil {
		return nil, err
	}
	return []string{
		draftProactive(r, g.catalog),
		draftApplications(r),
		draftManagement(r),
		draftPlatform(r, g.catalog),
		draftSupervision(r),
	}, nil
}

func draftProactive(r *report.Report, cat CatalogFigures) string {
	var parts []string
	if n := sum(cat.Columns); n > 0 {
		parts = append(parts, fmt.Sprintf("%d年，本机关门户网站主动公开政府信息%d条，其中%s。", r.Year, n, list(cat.Columns)))
	}
	if len(cat.Channels) > 0 {
		parts = append(parts, fmt.Sprintf("按发布渠道统计：%s。", list(cat.Channels)))
	}
	if lic := r.Proactive["licensing"]["decisions"]; lic > 0 {
		s := fmt.Sprintf("公开行政许可处理决定%g件", lic)
		if o := r.Proactive["other_services"]["decisions"]; o > 0 {
			s += fmt.Sprintf("、其他对外管理服务事项处理决定%g件", o)
		}
		parts = append(parts, s+"。")
	}
	return strings.Join(parts, "")
}

func draftApplications(r *report.Report) string {
	a := r.Applications
	in, carried, total, out := a["received"][report.ColTotal], a["carried_in"][report.ColTotal], a["total"][report.ColTotal], a["carried_out"][report.ColTotal]
	if in+carried == 0 {
		return fmt.Sprintf("%d年，本机关未收到政府信息公开申请。", r.Year)
	}
	s := fmt.Sprintf("%d年，本机关新收政府信息公开申请%d件，上年结转%d件，办结%d件", r.Year, in, carried, total)
	if d, p := a["disclosed"][report.ColTotal], a["partially_disclosed"][report.ColTotal]; d+p > 0 {
		s += fmt.Sprintf("（其中予以公开%d件、部分公开%d件）", d, p)
	}
	return s + fmt.Sprintf("，结转下年度继续办理%d件。", out)
}

func draftManagement(r *report.Report) string {
	spec, ok := report.SpecOf(r.Format)
	if !ok {
		return ""
	}
	d := spec.DraftDocuments
	rules, docs := r.Proactive["rules"], r.Proactive["normative_documents"]
	var sum float64
	for _, c := range d.NonZero {
		sum += rules[c] + docs[c]
	}
	if sum == 0 {
		return ""
	}
	var args []any
	for _, c := range d.Columns {
		args = append(args, rules[c], docs[c])
	}
	return fmt.Sprintf(d.Text, args...)
}

func draftPlatform(r *report.Report, cat CatalogFigures) string {
	n := sum(cat.Posts)
	if n == 0 {
		return ""
	}
	s := fmt.Sprintf("%d年，政务新媒体发布信息%d条", r.Year, n)
	if cat.Original > 0 {
		s += fmt.Sprintf("，其中原创%d条，原创率%d%%", cat.Original, cat.Original*100/n)
	}
	return s + "。"
}

func draftSupervision(r *report.Report) string {
	rl := r.ReviewLitigation
	review, suits := rl.Review.Total, rl.LitigationDirect.Total+rl.LitigationAfterReview.Total
	if review+suits == 0 {
		return fmt.Sprintf("%d年，本机关未发生因政府信息公开引起的行政复议和行政诉讼。", r.Year)
	}
	corrected := rl.Review.Corrected + rl.LitigationDirect.Corrected + rl.LitigationAfterReview.Corrected
	return fmt.Sprintf("%d年，本机关因政府信息公开被申请行政复议%d件、提起行政诉讼%d件，其中被纠正%d件。", r.Year, review, suits, corrected)
}

func sum(cs []Count) int {
	n := 0
	for _, c := range cs {
		n += c.N
	}
	return n
}

func list(cs []Count) string {
	var parts []string
	for _, c := range cs {
		if c.N > 0 {
			parts = append(parts, fmt.Sprintf("%s%d条", c.Label, c.N))
		}
	}
	return strings.Join(parts, "、")
}
