package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/litigation"
	"github.com/gongkai/gongkai/internal/report/annual"
)

// reportStore is what the annual report demo needs from storage.
type reportStore interface {
	CreateAnnualReport(ctx context.Context, rec *annual.Record, c auditlog.Change) error
	CreateLitigation(ctx context.Context, rec *litigation.Record, c auditlog.Change) error
	annual.Store
	Agency(ctx context.Context, id int64) (*agency.Agency, error)
	SignOffAnnualReport(ctx context.Context, rec *annual.Record, userID int64, c auditlog.Change) error
	PublishAnnualReport(ctx context.Context, rec *annual.Record, v *annual.Version, c auditlog.Change) error
}

// publishReport2019 signs off and publishes the bureau's 2019 report as
// it was published, on 20 January 2020, built from the demo records like
// any other, so the portal shows a published report and 2020's draft is
// checked against it.
func publishReport2019(ctx context.Context, db reportStore, bureauID, approverID int64, c auditlog.Change) error {
	a, err := db.Agency(ctx, bureauID)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	rec, built, err := annual.NewBuilder(db).Draft(ctx, a, 2019)
	if err != nil {
		return fmt.Errorf("demo: 2019 report: %w", err)
	}
	if err := annual.CheckSignOff(rec, built); err != nil {
		return fmt.Errorf("demo: 2019 report: %w", err)
	}
	if err := db.SignOffAnnualReport(ctx, rec, approverID, c); err != nil {
		return fmt.Errorf("demo: 2019 report: %w", err)
	}
	v := &annual.Version{PublishedBy: "spj-approver", PublishedAt: time.Date(2020, time.January, 20, 1, 0, 0, 0, time.UTC),
		Snapshot: annual.Snapshot{Document: *built.Document, Sources: built.Sources, Findings: built.Findings}}
	if err := db.PublishAnnualReport(ctx, rec, v, c); err != nil {
		return fmt.Errorf("demo: 2019 report: %w", err)
	}
	return nil
}

// seedReports gives the bureau its annual report records: 2019 (the base
// the 2020 figures are pre-filled from), 2020 (the seed report: the
// figures staff enter; part 三 comes from the demo applications) and 2021
// in the 2021 format, with a review and a lawsuit. 2020 and 2021 are
// drafts, for the approver to sign off; 2019 is published by
// publishReport2019 once the other records exist.
func seedReports(ctx context.Context, db reportStore, bureauID int64, c auditlog.Change) error {
	r2019 := annual.New(bureauID, 2019, nil)
	set(r2019, "licensing", 150, 11, 11800)
	set(r2019, "other_services", 118, -7, 1250)
	set(r2019, "fees", 4, -1)
	set(r2019, "procurement", 10, 40.5)
	r2019.Entered.Notes["licensing"] = "长治市政务服务平台年度统计"
	r2019.Entered.Notes["other_services"] = "长治市政务服务平台年度统计"
	r2019.Entered.Notes["fees"] = "山西省行政事业性收费目录清单"
	r2019.Entered.Notes["procurement"] = "长治市政府采购网"

	r2020 := annual.New(bureauID, 2020, r2019) // prev_items 161, 111 and 3 come from 2019
	set(r2020, "licensing", r2020.Entered.Figures["licensing"]["prev_items"], 14, 12209)
	set(r2020, "other_services", r2020.Entered.Figures["other_services"]["prev_items"], -3, 1301)
	set(r2020, "fees", r2020.Entered.Figures["fees"]["prev_items"], -1)
	set(r2020, "procurement", 12, 44.2)
	r2020.Prose = annual.Prose{
		Overview: []string{
			"2020年，长治市行政审批服务管理局网站共发布公开规定、组织机构、工作动态、行政权力、依法行政、推进“放管服效”改革等信息758条。“长治市行政审批服务管理局”微信公众号发布信息1427条，其中原创微信1100条，原创率77%。",
			"2020年，长治市行政审批服务管理局收到2条政府信息依公开申请事项，均已及时办理给予公开。",
			"公开行政许可事项175项、其他对外管理服务事项108项；公开行政许可办件结果12209条，其他对外管理服务办件结果1301条。",
			"", "",
		},
		Problems: "2020年，长治市行政审批服务管理局的政务公开工作总体上能按照《条例》和市政府的要求有效开展，但仍存在主动公开意识不强，主动公开覆盖范围有待扩大等问题。",
		Other:    "2020年，我局编制了公共资源交易领域及义务教育领域、卫生健康领域、重大建设项目领域、市政服务领域标准目录。",
	}

	r2021 := annual.New(bureauID, 2021, r2020)
	r2021.Entered.Figures["licensing"]["decisions"] = 13012
	r2021.Entered.Figures["fees"]["amount_wan"] = 0
	r2021.Prose.Problems = "政策解读的形式较为单一，图解、视频解读偏少。2022年将丰富解读形式。"

	for _, rec := range []*annual.Record{r2019, r2020, r2021} {
		if err := db.CreateAnnualReport(ctx, rec, c); err != nil {
			return fmt.Errorf("demo: annual report %d: %w", rec.Year, err)
		}
	}
	for _, rec := range demoLitigation(bureauID) {
		if err := db.CreateLitigation(ctx, &rec, c); err != nil {
			return fmt.Errorf("demo: litigation: %w", err)
		}
	}
	return nil
}

// demoLitigation are a review decided in 2021 and a lawsuit filed late in
// 2021 and decided in 2022, so the 2021 report counts it as 尚未审结.
func demoLitigation(bureauID int64) []litigation.Record {
	day := func(m time.Month, d, y int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	return []litigation.Record{
		{AgencyID: bureauID, Kind: litigation.Review, Body: "长治市人民政府", Applicant: "张某",
			Filed: day(time.May, 10, 2021), Stage: "已审结", Result: litigation.Upheld, Decided: day(time.July, 2, 2021),
			Documents: "行政复议决定书 长政复决字〔2021〕35号"},
		{AgencyID: bureauID, Kind: litigation.LitigationDirect, Body: "长治市潞州区人民法院", Applicant: "李某",
			Filed: day(time.December, 6, 2021), Stage: "已审结", Result: litigation.Other, Decided: day(time.March, 15, 2022),
			Documents: "行政裁定书（准予撤诉）", Note: "原告撤诉"},
	}
}

// set writes one row of entered figures in column order.
func set(rec *annual.Record, row string, values ...float64) {
	cells := rec.Entered.Figures[row]
	for _, c := range annual.EnteredRows(rec.Format) {
		if c.Key != row {
			continue
		}
		for j, col := range c.Columns {
			if j < len(values) {
				cells[col.Key] = values[j]
			}
		}
	}
}
