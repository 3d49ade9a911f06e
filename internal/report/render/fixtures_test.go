package render

import (
	"time"

	"github.com/gongkai/gongkai/internal/report"
)

// seedDocument is the seed report (长治市行政审批服务管理局, 2020, 2019
// format) with the figures of docs/report-model.md's worked example. The chart
// values split the seed's totals (758 items, 1427 posts) for illustration;
// the seed prints its charts as images.
func seedDocument() *report.Document {
	r := report.New("长治市行政审批服务管理局", 2020, report.Format2019)
	r.Proactive["licensing"] = map[string]float64{"prev_items": 161, "change": 14, "decisions": 12209}
	r.Proactive["other_services"] = map[string]float64{"prev_items": 111, "change": -3, "decisions": 1301}
	r.Proactive["fees"] = map[string]float64{"prev_items": 3, "change": -1}
	r.Proactive["procurement"] = map[string]float64{"projects": 12, "amount_wan": 44.2}
	for _, k := range []string{"received", "disclosed", "total"} {
		r.Applications[k] = [7]int{2, 0, 0, 0, 0, 0, 2}
	}
	return &report.Document{
		Report:   r,
		Preamble: []string{"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式（试行）》的要求，编制本报告。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"},
		Overview: []report.Section{
			{Heading: "（一）主动公开情况", Paragraphs: []string{
				"1.门户网站信息发布情况。2020年，长治市行政审批服务管理局网站共发布公开规定、组织机构、工作动态、行政权力、依法行政、推进“放管服效”改革等信息758条。",
				"2.新媒体信息公开情况。2020年，“长治市行政审批服务管理局”微信公众号发布信息1427条；其中原创微信1100条，原创率77%。",
			}, Charts: []report.Chart{
				{Title: "图一 网站各栏目发布信息数量", Unit: "条", Points: []report.Point{
					{Label: "公开规定", Value: 96}, {Label: "组织机构", Value: 12}, {Label: "工作动态", Value: 402}, {Label: "行政权力", Value: 118}, {Label: "依法行政", Value: 57}, {Label: "推进“放管服效”改革", Value: 73},
				}},
				{Title: "图二 微信公众号每月发布信息数量", Unit: "条", Points: monthly(98, 85, 131, 120, 117, 126, 119, 124, 128, 130, 122, 127)},
			}},
			{Heading: "（二）依申请公开情况", Paragraphs: []string{"2020年，长治市行政审批服务管理局收到2条政府信息依公开申请事项，均已及时办理给予公开。"}},
		},
		Problems:  []report.Section{{Paragraphs: []string{"2020年，长治市行政审批服务管理局的政务公开工作总体上能按照《条例》和市政府的要求有效开展，但仍存在主动公开意识不强，主动公开覆盖范围有待扩大等问题。"}}},
		Other:     []report.Section{{Heading: "（一）重点领域信息公开情况。", Paragraphs: []string{"2020年，我局编制了公共资源交易领域及义务教育领域、卫生健康领域、重大建设项目领域、市政服务领域标准目录。"}}},
		Published: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		Version:   1,
	}
}

// document2021 is a 2021-format report with figures in every part,
// balancing by construction, in its second version.
func document2021() *report.Document {
	r := report.New("某市人民政府办公室", 2024, report.Format2021)
	r.Proactive["rules"] = map[string]float64{"issued": 1, "repealed": 0, "in_force": 11}
	r.Proactive["normative_documents"] = map[string]float64{"issued": 8, "repealed": 26, "in_force": 66}
	r.Proactive["licensing"] = map[string]float64{"decisions": 447228}
	r.Proactive["fees"] = map[string]float64{"amount_wan": 96171.6}
	r.Applications["received"] = [7]int{30, 5, 0, 0, 1, 0, 36}
	r.Applications["carried_in"] = [7]int{3, 0, 0, 0, 0, 0, 3}
	r.Applications["disclosed"] = [7]int{20, 3, 0, 0, 1, 0, 24}
	r.Applications["withheld.third_party"] = [7]int{2, 0, 0, 0, 0, 0, 2}
	r.Applications["unavailable.not_held"] = [7]int{5, 1, 0, 0, 0, 0, 6}
	r.Applications["other.fee_unpaid"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	r.Applications["total"] = [7]int{28, 4, 0, 0, 1, 0, 33}
	r.Applications["carried_out"] = [7]int{5, 1, 0, 0, 0, 0, 6}
	r.ReviewLitigation.Review = report.ReviewRow{Upheld: 2, Corrected: 1, Other: 0, Pending: 1, Total: 4}
	r.ReviewLitigation.LitigationDirect = report.ReviewRow{Upheld: 1, Pending: 1, Total: 2}
	r.ReviewLitigation.LitigationAfterReview = report.ReviewRow{Corrected: 1, Total: 1}
	fee := 0.0
	r.InfoFeeYuan = &fee
	return &report.Document{
		Report: r,
		Overview: []report.Section{
			{Heading: "（一）主动公开", Paragraphs: []string{"全年主动公开政府信息5500余条。"}},
			{Heading: "（二）依申请公开", Paragraphs: []string{"全年收到政府信息公开申请36件，上年结转3件，办结33件，结转下年度6件。"}},
			{Heading: "（三）政府信息管理", Paragraphs: []string{"坚持“先审查、后公开”。"}},
			{Heading: "（四）平台建设", Paragraphs: []string{"优化政务公开专栏。"}, Charts: []report.Chart{
				{Title: "图一 政务新媒体每月发布信息数量", Unit: "条", Points: monthly(40, 35, 52, 48, 50, 47, 44, 61, 55, 49, 53, 58)},
			}},
			{Heading: "（五）监督保障", Paragraphs: []string{"全年组织4次栏目检查。"}},
		},
		Problems:   []report.Section{{Paragraphs: []string{"政策解读形式较为单一。"}}},
		Other:      []report.Section{{Paragraphs: []string{"本年度未收取信息处理费。"}}},
		Published:  time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC),
		Version:    2,
		ChangeNote: "更正第三部分“本年新收政府信息公开申请数量”的合计数。",
	}
}

func monthly(v ...float64) []report.Point {
	out := make([]report.Point, len(v))
	for i, x := range v {
		out[i] = report.Point{Label: monthLabel(i + 1), Value: x}
	}
	return out
}

func monthLabel(m int) string {
	return [...]string{"", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}[m]
}
