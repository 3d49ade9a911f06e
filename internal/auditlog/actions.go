package auditlog

import "strings"

// Action names a kind of change in the log, such as "report.publish". The
// code is what is stored and hashed; its Chinese wording is in Actions.
type Action string

// ActionInfo is one registered action with the Chinese verb phrase the
// log page and the CSV export show for it.
type ActionInfo struct {
	Action Action
	// Phrase is the verb phrase; {对象} stands for the object, described
	// by Names.Object, e.g. "为{对象}添加附件".
	Phrase string
	// Noun names the kind of object, used for the label where no one
	// object is meant, e.g. in the filter's select: 为信息添加附件.
	Noun string
}

// Label is the phrase with the object's kind in place of the object.
func (i ActionInfo) Label() string { return strings.ReplaceAll(i.Phrase, "{对象}", i.Noun) }

// phrase is the phrase with the object's description in place, set off
// by a space where it begins or ends with a Latin letter or digit
// (签发 2020 年度报告).
func (i ActionInfo) phrase(object string) string {
	before, after, ok := strings.Cut(i.Phrase, "{对象}")
	if !ok {
		if object == "" || object == i.Noun {
			return i.Phrase
		}
		return i.Phrase + "（" + object + "）"
	}
	if before != "" && latin(object[0]) {
		before += " "
	}
	if after != "" && latin(object[len(object)-1]) {
		after = " " + after
	}
	return before + object + after
}

func latin(b byte) bool { return b < 0x80 && (b >= '0' && b <= '9' || b|0x20 >= 'a' && b|0x20 <= 'z') }

// Actions is every action the code records, in the order the filter lists
// them. A test scans the sources and fails on an action missing here.
var Actions = []ActionInfo{
	{"user.login", "登录", ""},
	{"user.logout", "退出登录", ""},
	{"user.logout_all", "退出全部会话", ""},
	{"user.lock", "因多次输错密码锁定{对象}", "账号"},
	{"user.unlock", "解锁{对象}", "账号"},
	{"user.create", "创建{对象}", "用户"},
	{"user.disable", "停用{对象}", "用户"},
	{"user.enable", "启用{对象}", "用户"},
	{"user.password_change", "修改{对象}的密码", "用户"},
	{"user.password_reset", "重设{对象}的密码", "用户"},
	{"role.grant", "为{对象}授予角色", "用户"},
	{"role.revoke", "撤销{对象}的角色", "用户"},
	{"api_token.create", "创建{对象}", "API 令牌"},
	{"api_token.revoke", "撤销{对象}", "API 令牌"},
	{"agency.create", "创建{对象}", "机关"},
	{"agency.update", "修改{对象}信息", "机关"},
	{"agency.letter_settings", "修改{对象}", "文书设置"},
	{"holidays.load", "载入{对象}", "节假日安排"},
	{"demo.seed", "写入演示数据", ""},
	{"column.create", "新建{对象}", "栏目"},
	{"column.update", "修改{对象}", "栏目"},
	{"catalog.taxonomy", "修改{对象}", "分类"},
	{"catalog.scan_words", "修改{对象}", "敏感词表"},
	{"item.create", "新建{对象}", "信息"},
	{"item.edit", "修改{对象}", "信息"},
	{"item.submit", "提交{对象}审核", "信息"},
	{"item.reject", "退回{对象}", "信息"},
	{"item.approve", "审核通过{对象}", "信息"},
	{"item.publish", "发布{对象}", "信息"},
	{"item.schedule", "定时发布{对象}", "信息"},
	{"item.publish_scheduled", "按定时发布{对象}", "信息"},
	{"item.withdraw", "撤回{对象}", "信息"},
	{"item.repeal", "废止{对象}", "信息"},
	{"item.expire", "将{对象}标为失效", "信息"},
	{"item.attach", "为{对象}添加附件", "信息"},
	{"item.detach", "删除{对象}的附件", "信息"},
	{"item.import", "导入{对象}", "信息目录"},
	{"case.submit", "在线提交{对象}", "申请"},
	{"case.create", "登记{对象}", "申请"},
	{"case.confirm", "确认收到{对象}", "申请"},
	{"case.correction", "就{对象}发出补正通知", "申请"},
	{"case.correction_delivered", "记录{对象}补正通知的送达", "申请"},
	{"case.correction_submit", "为{对象}在线提交补正材料", "申请"},
	{"case.corrected", "记录{对象}的补正", "申请"},
	{"case.consult", "就{对象}征求第三方意见", "申请"},
	{"case.consulted", "记录{对象}的第三方意见", "申请"},
	{"case.fee", "就{对象}通知收费", "申请"},
	{"case.paid", "记录{对象}的缴费", "申请"},
	{"case.extend", "申请延长{对象}的答复期限", "申请"},
	{"case.approve", "批准延长{对象}的答复期限", "申请"},
	{"case.extension_notice", "发出{对象}的延期通知", "申请"},
	{"case.transfer", "转交{对象}", "申请"},
	{"case.close", "答复{对象}", "申请"},
	{"case.deliver", "送达{对象}的答复", "申请"},
	{"case.letter", "为{对象}出具文书", "申请"},
	{"case.letter_template", "修改{对象}", "文书模板"},
	{"report.create", "新建{对象}", "年度报告"},
	{"report.save", "修改{对象}", "年度报告"},
	{"report.draft_overview", "起草{对象}的总体情况", "年度报告"},
	{"report.sign_off", "签发{对象}", "年度报告"},
	{"report.publish", "发布{对象}", "年度报告"},
	{"litigation.create", "登记{对象}", "复议诉讼记录"},
	{"litigation.update", "修改{对象}", "复议诉讼记录"},
}

var byAction = func() map[Action]ActionInfo {
	m := make(map[Action]ActionInfo, len(Actions))
	for _, a := range Actions {
		m[a.Action] = a
	}
	return m
}()

// Lookup returns the registered wording of a, and whether a is registered.
func Lookup(a Action) (ActionInfo, bool) {
	i, ok := byAction[a]
	return i, ok
}

// Label names a in Chinese, or returns its code when it is not registered
// (an entry written by an older version keeps showing).
func (a Action) Label() string {
	if i, ok := byAction[a]; ok {
		return i.Label()
	}
	return string(a)
}

// ItemStep is the action of a step of the catalog's review workflow,
// named by the step's code (catalog.Action), e.g. "item.publish".
func ItemStep(step string) Action { return Action("item." + step) }

// CaseStep is the action of a step of a disclosure application's
// workflow, named by the step's route segment, e.g. "case.extend".
func CaseStep(step string) Action { return Action("case." + step) }
