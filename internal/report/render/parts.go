package render

// The six part headings of Article 50 of the 条例, common to both formats.
const (
	partOverview     = "一、总体情况"
	partProactive    = "二、主动公开政府信息情况"
	partApplications = "三、收到和处理政府信息公开申请情况"
	partReview       = "四、政府信息公开行政复议、行政诉讼情况"
	partProblems     = "五、存在的主要问题及改进情况"
	partOther        = "六、其他需要报告的事项"
)

// Printed texts of the official tables that the Layout does not carry
// because both formats share them.
const (
	// applicationsNote is printed in the top-left cell of part 三.
	applicationsNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	// applicantsHead heads the seven applicant columns of part 三.
	applicantsHead = "申请人情况"
	// organisationsHead heads the five organisation columns of part 三.
	organisationsHead = "法人或其他组织"
	// itemHead heads the label column of part 二.
	itemHead = "信息内容"
	// groupSeparator splits a part 四 group label into its header levels,
	// as in 「行政诉讼·复议后起诉」.
	groupSeparator = "·"
)

// organisationCols are the applicant columns under organisationsHead.
var organisationCols = [2]int{1, 5}
