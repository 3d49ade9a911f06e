package demo

import (
	"context"
	"fmt"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
)

// The sibling agency that gets demo applications besides the bureau.
const caseSibling = "长治市教育局"

// seedCases records the demo applications: the bureau's two of 2020 (both
// from natural persons, both disclosed in 2020, as its 2020 report says),
// then a spread of open and closed cases of 2026 for the bureau and
// 长治市教育局, one transferred between them. The bureau's first 2020
// case gets id 1 on an empty database.
func seedCases(ctx context.Context, db caseStore, ids map[string]int64, c auditlog.Change) error {
	cal, err := calendar.Default()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	s := &caseSeeder{ctx: ctx, db: db, cal: cal, ch: c, ids: ids}
	in, online := cases.ChannelInPerson, cases.ChannelOnline
	step := func(action, on string, fn func(c *cases.Case, day calendar.Date) (cases.Event, error)) {
		s.step(action, on, fn)
	}

	// 2020: the two applications of the seed report.
	s.add(Bureau, in, 0, "长治市行政审批服务管理局2019年度行政许可事项办理情况统计", "2020-05-12", "2020-05-12")
	s.closeAs(Bureau, cases.Disclosed, "所申请信息由本机关制作并保存，予以公开。", "2020-05-26")
	s.add(Bureau, online, 1, "潞州区某小区建设项目的施工许可证及其批复文件", "2020-09-21", "")
	s.confirm("2020-09-21")
	s.closeAs(Bureau, cases.Disclosed, "所申请信息属于应当公开的政府信息，予以公开。", "2020-10-16")

	// 2026, the bureau: closed cases.
	s.add(Bureau, online, 2, "2025年长治市企业投资项目备案清单", "2026-03-02", "")
	s.confirm("2026-03-02")
	s.closeAs(Bureau, cases.Disclosed, "所申请信息予以公开，随本答复提供电子文件。", "2026-03-20")
	s.add(Bureau, in, 4, "某工程项目中标单位的投标文件和报价明细", "2026-05-11", "2026-05-11")
	step("consult", "2026-05-13", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		return c.StartConsultation(cases.PauseThirdParty, d, "长治市城北建筑安装有限公司（中标单位）", d)
	})
	s.letter(Bureau, cases.LetterConsultation, "2026-05-13")
	step("consulted", "2026-05-29", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		return c.EndConsultation(d, "第三方不同意公开，理由为涉及商业秘密", d)
	})
	s.closeAs(Bureau, cases.WithheldThirdParty, "所申请信息涉及第三方商业秘密，第三方不同意公开，且不公开不会对公共利益造成重大影响。", "2026-06-05")
	s.add(Bureau, online, 2, "2025年长治市企业投资项目备案清单", "2026-06-15", "")
	s.confirm("2026-06-15")
	s.closeAs(Bureau, cases.NotProcessedDuplicate, "申请人已于2026年3月就同一信息提出申请并获答复，本次为重复申请。", "2026-06-19")
	s.add(Bureau, in, 3, "2025年度行政审批服务事项投诉处理情况", "2026-07-06", "2026-07-06")
	step("correction", "2026-07-08", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		return c.RequestCorrection(s.cal, d, 10, []string{"请明确所需投诉处理情况的具体事项（如投诉件数、办结情况或处理结果）", "请写明所需信息的时间范围"}, d)
	})
	s.letter(Bureau, cases.LetterCorrection, "2026-07-08")
	s.closeAs(Bureau, cases.OtherNoCorrection, "申请人在补正期限内未补正，视为放弃申请。", "2026-07-27")
	s.add(Bureau, online, 0, "2023年至2025年政务服务大厅窗口人员配置和考核结果", "2026-08-03", "")
	s.confirm("2026-08-03")
	step("extend", "2026-08-25", func(c *cases.Case, _ calendar.Date) (cases.Event, error) {
		return c.RequestExtension(s.cal, 20, "所需信息跨三个年度、分散保存，需调取整理", "spj-officer", demoDay("2026-08-25"))
	})
	step("approve", "2026-08-26", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		return c.ApproveExtension(s.cal, "spj-approver", d, d)
	})
	s.letter(Bureau, cases.LetterExtension, "2026-08-26")
	step("extension_notice", "2026-08-27", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		return c.RecordExtensionNotice(d, d)
	})
	s.closeWith(Bureau, cases.Closing{Outcome: cases.PartiallyDisclosed, Withheld: cases.WithheldThirdParty,
		Reason: "考核结果中涉及个人隐私的部分不予公开，其余部分予以公开。"}, "2026-09-18")
	s.add(Bureau, in, 3, "2019年某房地产开发项目的土地出让合同", "2026-09-01", "2026-09-01")
	s.closeWith(Bureau, cases.Closing{Outcome: cases.UnavailableNotHeld, Elsewhere: true,
		Responsible: "长治市规划和自然资源局", ResponsibleContact: "0355-2021234（政府信息公开工作机构）",
		Reason: "本机关未制作、未获取该信息，国有土地使用权出让合同由自然资源主管部门制作并保存。"}, "2026-09-10")

	// 2026, the bureau: open cases.
	s.add(Bureau, in, 1, "2026年第三季度行政许可办理时限统计", "2026-10-12", "2026-10-12") // overdue
	s.add(Bureau, online, 2, "政务服务中心停车场建设项目的立项批复", "2026-10-26", "")
	s.confirm("2026-10-26")
	step("extend", "2026-11-20", func(c *cases.Case, _ calendar.Date) (cases.Event, error) {
		return c.RequestExtension(s.cal, 15, "需向市发展和改革委员会核实批复文本", "spj-officer", demoDay("2026-11-20"))
	})
	s.add(Bureau, in, 4, "本公司提交的资质申请的审查意见", "2026-10-28", "2026-10-28")
	step("consult", "2026-11-05", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		return c.StartConsultation(cases.PauseAgency, d, "长治市住房和城乡建设局", d)
	})
	s.letter(Bureau, cases.LetterAgencyConsultation, "2026-11-05")
	s.add(Bureau, online, 0, "2021年至2025年全部行政处罚决定书", "2026-11-02", "")
	s.confirm("2026-11-02")
	step("fee", "2026-11-09", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		fee, err := cases.ComputeFee(cases.FeeRequest{Method: cases.FeeByVolume, Units: 150})
		if err != nil {
			return cases.Event{}, err
		}
		return c.IssueFee(fee, d, d)
	})
	s.letter(Bureau, cases.LetterFee, "2026-11-09")
	s.add(Bureau, in, 3, "有关投诉的办理情况", "2026-11-10", "2026-11-10")
	step("correction", "2026-11-12", func(c *cases.Case, d calendar.Date) (cases.Event, error) {
		return c.RequestCorrection(s.cal, d, 15, []string{"请说明投诉的时间和事项", "请提供投诉的受理编号（如有）"}, d)
	})
	s.letter(Bureau, cases.LetterCorrection, "2026-11-12")
	s.add(Bureau, in, 1, "2026年度政府信息公开工作要点", "2026-11-16", "2026-11-16")
	s.add(Bureau, online, 2, "2026年政务服务“一网通办”事项清单", "2026-11-25", "")

	// 2026, 长治市教育局.
	s.add(caseSibling, online, 1, "2026年市区义务教育阶段学校招生划片方案", "2026-04-07", "")
	s.confirm("2026-04-07")
	s.closeAs(caseSibling, cases.Disclosed, "该方案已主动公开，现将全文提供给您。", "2026-04-20")
	s.add(caseSibling, in, 0, "某中学2025年食堂招标采购结果", "2026-10-09", "2026-10-09") // overdue
	s.add(caseSibling, online, 2, "2026年教师招聘考试成绩计算办法", "2026-11-18", "")
	s.confirm("2026-11-18")
	s.add(Bureau, in, 0, "市区民办学校办学许可证年检结果", "2026-11-03", "2026-11-03")
	step("transfer", "2026-11-04", func(c *cases.Case, _ calendar.Date) (cases.Event, error) {
		return c.Transfer(ids[caseSibling], caseSibling, "民办学校办学许可由教育行政部门负责")
	})
	if s.err != nil {
		return fmt.Errorf("demo: %w", s.err)
	}
	return nil
}
