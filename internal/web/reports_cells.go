package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/litigation"
	"github.com/gongkai/gongkai/internal/report"
)

type reportCellPage struct {
	Page
	Year        int
	Key         string
	Origin      string
	Explanation string
	Note        string
	// Figures are the cell's numbers: one for part 二, the row for 三 and 四.
	Figures    []labelledFigure
	Litigation []litigation.Record
	Link       string // the records behind the figure
	LinkText   string
}

type labelledFigure struct {
	Label string
	Value string
}

// reportCell drills down from a figure of the report to where it comes
// from: the note of an entered figure, the rule that counted the cases, or
// the review and lawsuit records themselves.
func (s *Server) reportCell(w http.ResponseWriter, r *http.Request) error {
	year, err := pathYear(r)
	if err != nil {
		return err
	}
	ctx, st := r.Context(), state(r)
	key := r.PathValue("cell")
	_, built, err := s.builder().Draft(ctx, st.agency, year)
	if err != nil {
		return err
	}
	src, ok := built.Sources[key]
	if !ok {
		return errs.NotFound("报告中没有这一项：%s", key)
	}
	rep := built.Document.Report
	p := &reportCellPage{Page: s.page(r, "数据来源"), Year: year, Key: key, Note: src.Note}
	parts := strings.SplitN(key, ".", 3)
	base := fmt.Sprintf("/office/a/%d", st.agency.ID)
	switch src.Origin {
	case report.OriginEntered:
		p.Origin, p.Explanation = "工作人员填报", "本系统不掌握这类数据，由工作人员根据业务系统或统计台账填报，并注明来源。"
		p.Figures = []labelledFigure{{parts[1] + " · " + parts[2], fmtFigure(rep.Proactive[parts[1]][parts[2]])}}
		p.Link, p.LinkText = reportURL(st.agency.ID, year, "#figures"), "在报告编辑页修改"
	case report.OriginCatalog:
		p.Origin = "信息目录"
		p.Explanation = "按体裁为规章、规范性文件的主动公开信息统计：成文日期在本年的为新制作，发布日期在本年的为新公开（制发），年底仍有效的为现行有效。"
		l, _ := report.LayoutOf(rep.Format)
		for _, row := range l.Proactive {
			if row.Key == parts[1] {
				for _, c := range row.Columns {
					p.Figures = append(p.Figures, labelledFigure{row.Label + " · " + c.Label, fmtFigure(rep.Proactive[row.Key][c.Key])})
				}
			}
		}
		p.Link, p.LinkText = base+"/items", "查看主动公开信息"
	case report.OriginCases:
		p.Origin = "依申请公开案件"
		p.Explanation = "按收到申请之日计入本年新收；上年收到、本年初仍未办结的计入上年结转；本年办结的按办理结果计入相应行；年底仍未办结的计入结转下年度。"
		if key == "六.info_fee_yuan" && rep.InfoFeeYuan != nil {
			p.Explanation = "本年缴纳的信息处理费（按缴费之日统计）。"
			p.Figures = []labelledFigure{{"信息处理费（元）", fmtFigure(*rep.InfoFeeYuan)}}
		} else if len(parts) == 2 {
			row := rep.Applications[parts[1]]
			for i, c := range report.ApplicantColumns {
				p.Figures = append(p.Figures, labelledFigure{c.Label, fmt.Sprint(row[i])})
			}
		}
		p.Link, p.LinkText = base+"/cases", "查看依申请公开案件"
	case report.OriginLitigation:
		p.Origin = "行政复议和行政诉讼记录"
		p.Explanation = "按申请或起诉日期计入当年；年底尚未作出决定或判决的计为尚未审结。"
		if g := rep.ReviewLitigation.Group(parts[1]); g != nil {
			p.Figures = []labelledFigure{{"结果维持", fmt.Sprint(g.Upheld)}, {"结果纠正", fmt.Sprint(g.Corrected)},
				{"其他结果", fmt.Sprint(g.Other)}, {"尚未审结", fmt.Sprint(g.Pending)}, {"总计", fmt.Sprint(g.Total)}}
		}
		recs, err := s.db.LitigationList(ctx, st.agency.ID, year)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			if string(rec.Kind) == parts[1] {
				p.Litigation = append(p.Litigation, rec)
			}
		}
		p.Link, p.LinkText = fmt.Sprintf("%s/litigation?year=%d&kind=%s", base, year, parts[1]), "查看并编辑这些记录"
	}
	s.render(w, r, http.StatusOK, "report_cell", p)
	return nil
}

func fmtFigure(v float64) string { return fmt.Sprint(v) }
