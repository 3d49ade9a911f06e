package demo

import "github.com/gongkai/gongkai/internal/agency"

// demoPayment is how the demo agencies say a 信息处理费 is paid.
const demoPayment = "通过山西省非税收入电子缴款系统缴纳，缴款码随本通知书一并送达"

// letterSettings are the confirmed letter settings of a demo agency: the
// city government is appealed to the provincial government and, as a
// 县级以上地方人民政府, sued at the intermediate court; its departments are
// appealed to the city government (行政复议法 as revised in 2023) and sued
// at the basic court where they sit.
func letterSettings(a agency.Agency) agency.LetterSettings {
	if a.Kind == agency.Government {
		return agency.LetterSettings{ReviewBody: "山西省人民政府", Court: "山西省长治市中级人民法院", Payment: demoPayment}
	}
	return agency.LetterSettings{ReviewBody: Agencies[0].Name, Court: "山西省长治市潞州区人民法院", Payment: demoPayment}
}
