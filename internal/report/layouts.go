package report

var (
	madeCols = []Column{
		{Key: "made", Label: "本年新制作数量"},
		{Key: "published", Label: "本年新公开数量"},
		{Key: "total", Label: "对外公开总数量"},
	}
	itemCols = []Column{
		{Key: "prev_items", Label: "上一年项目数量"},
		{Key: "change", Label: "本年增/减", Signed: true},
		{Key: "decisions", Label: "处理决定数量"},
	}
	issuedCols = []Column{
		{Key: "issued", Label: "本年制发件数"},
		{Key: "repealed", Label: "本年废止件数"},
		{Key: "in_force", Label: "现行有效件数"},
	}
	decisionCols = []Column{{Key: "decisions", Label: "本年处理决定数量"}}
)

// commonOutcomes are part 三's outcome rows shared by both formats, before 「（六）」.
var commonOutcomes = []Row{
	{Key: "disclosed", Label: "（一）予以公开", Group: "三、本年度办理结果"},
	{Key: "partially_disclosed", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Group: "三、本年度办理结果"},
	{Key: "withheld.state_secret", Label: "1.属于国家秘密", Group: "（三）不予公开"},
	{Key: "withheld.prohibited_by_law", Label: "2.其他法律行政法规禁止公开", Group: "（三）不予公开"},
	{Key: "withheld.three_safeties", Label: "3.危及“三安全一稳定”", Group: "（三）不予公开"},
	{Key: "withheld.third_party", Label: "4.保护第三方合法权益", Group: "（三）不予公开"},
	{Key: "withheld.internal_affairs", Label: "5.属于三类内部事务信息", Group: "（三）不予公开"},
	{Key: "withheld.process_info", Label: "6.属于四类过程性信息", Group: "（三）不予公开"},
	{Key: "withheld.enforcement_file", Label: "7.属于行政执法案卷", Group: "（三）不予公开"},
	{Key: "withheld.inquiry_matter", Label: "8.属于行政查询事项", Group: "（三）不予公开"},
	{Key: "unavailable.not_held", Label: "1.本机关不掌握相关政府信息", Group: "（四）无法提供"},
	{Key: "unavailable.needs_creation", Label: "2.没有现成信息需要另行制作", Group: "（四）无法提供"},
	{Key: "unavailable.unclear_after_correction", Label: "3.补正后申请内容仍不明确", Group: "（四）无法提供"},
	{Key: "not_processed.petition", Label: "1.信访举报投诉类申请", Group: "（五）不予处理"},
	{Key: "not_processed.duplicate", Label: "2.重复申请", Group: "（五）不予处理"},
	{Key: "not_processed.publication", Label: "3.要求提供公开出版物", Group: "（五）不予处理"},
	{Key: "not_processed.excessive", Label: "4.无正当理由大量反复申请", Group: "（五）不予处理"},
	{Key: "not_processed.confirmation", Label: "5.要求行政机关确认或重新出具已获取信息", Group: "（五）不予处理"},
}

var (
	receivedRows = []Row{
		{Key: "received", Label: "一、本年新收政府信息公开申请数量"},
		{Key: "carried_in", Label: "二、上年结转政府信息公开申请数量"},
	}
	closingRows = []Row{
		{Key: "total", Label: "（七）总计", Group: "三、本年度办理结果"},
		{Key: "carried_out", Label: "四、结转下年度继续办理"},
	}
	other2019 = []Row{{Key: "other", Label: "（六）其他处理", Group: "三、本年度办理结果"}}
	other2021 = []Row{
		{Key: "other.no_correction", Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理"},
		{Key: "other.fee_unpaid", Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理"},
		{Key: "other.other", Label: "3.其他", Group: "（六）其他处理"},
	}
)

var layout2019 = Layout{
	Format: Format2019,
	Name:   "中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）",
	Proactive: []Row{
		{Key: "rules", Label: "规章", Group: "第二十条第（一）项", Columns: madeCols},
		{Key: "normative_documents", Label: "规范性文件", Group: "第二十条第（一）项", Columns: madeCols},
		{Key: "licensing", Label: "行政许可", Group: "第二十条第（五）项", Columns: itemCols},
		{Key: "other_services", Label: "其他对外管理服务事项", Group: "第二十条第（五）项", Columns: itemCols},
		{Key: "penalty", Label: "行政处罚", Group: "第二十条第（六）项", Columns: itemCols},
		{Key: "enforcement", Label: "行政强制", Group: "第二十条第（六）项", Columns: itemCols},
		{Key: "fees", Label: "行政事业性收费", Group: "第二十条第（八）项", Columns: itemCols[:2]},
		{Key: "procurement", Label: "政府集中采购", Group: "第二十条第（九）项", Columns: []Column{
			{Key: "projects", Label: "采购项目数量"},
			{Key: "amount_wan", Label: "采购总金额（万元）", Decimal: true},
		}},
	},
	Applications: concatRows(receivedRows, commonOutcomes, other2019, closingRows),
	Outcomes:     rowKeys(commonOutcomes, other2019),
}

var layout2021 = Layout{
	Format: Format2021,
	Name:   "中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）",
	Proactive: []Row{
		{Key: "rules", Label: "规章", Group: "第二十条第（一）项", Columns: issuedCols},
		{Key: "normative_documents", Label: "行政规范性文件", Group: "第二十条第（一）项", Columns: issuedCols},
		{Key: "licensing", Label: "行政许可", Group: "第二十条第（五）项", Columns: decisionCols},
		{Key: "penalty", Label: "行政处罚", Group: "第二十条第（六）项", Columns: decisionCols},
		{Key: "enforcement", Label: "行政强制", Group: "第二十条第（六）项", Columns: decisionCols},
		{Key: "fees", Label: "行政事业性收费", Group: "第二十条第（八）项", Columns: []Column{
			{Key: "amount_wan", Label: "本年收费金额（单位：万元）", Decimal: true},
		}},
	},
	Applications: concatRows(receivedRows, commonOutcomes, other2021, closingRows),
	Outcomes:     rowKeys(commonOutcomes, other2021),
}

func concatRows(parts ...[]Row) []Row {
	var out []Row
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func rowKeys(parts ...[]Row) []string {
	var out []string
	for _, p := range parts {
		for _, r := range p {
			out = append(out, r.Key)
		}
	}
	return out
}
